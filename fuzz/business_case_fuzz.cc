// Fuzz target for the business case document (decision/business_case_json.h), outside data
// from files and, later, request bodies: it must either give a case that passes ValidateCase and
// whose totals and Monte-Carlo report can be made, or refuse with a named problem — never crash.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decision/business_case_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  using namespace samspill::decision;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<CaseDocument> doc = ParseBusinessCaseJson(text);
  if (!doc.ok()) {
    if (doc.status().message().empty()) std::abort();
    return 0;
  }
  if (!ValidateCase(doc->business_case).ok()) std::abort();
  doc->monte_carlo.draws = std::min(doc->monte_carlo.draws, 50);  // keep each run short
  if (!BusinessCaseReportJson(*doc).ok()) std::abort();
  return 0;
}
