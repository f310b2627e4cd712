// Fuzz target for the portfolio's CSV readers (outside data from Airtable and spreadsheets):
// the CSV parser, the project import and the indicator import. Each must either read the text
// or report errors with a row — never crash, never return projects together with errors — and
// what the project export writes must read back to the same projects.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/csv.h"
#include "portfolio/indicator_csv.h"
#include "portfolio/project_csv.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  using namespace samspill::portfolio;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  Result<CsvTable> table = ParseCsv(text);
  if (table.ok()) {
    for (const CsvRow& row : table->rows) Check(row.fields.size() == table->header.size());
  } else {
    Check(table.status().code() == StatusCode::kInvalidArgument);
  }

  ProjectImport projects = ParseProjectsCsv(text);
  Check(projects.errors.empty() || projects.projects.empty());
  Check(projects.projects.size() == projects.rows.size());
  if (!projects.projects.empty()) {
    ProjectImport again = ParseProjectsCsv(ProjectsToCsv(projects.projects));
    Check(again.errors.empty() && again.projects == projects.projects);
  }

  IndicatorImport indicators = ParseIndicatorsCsv(text);
  Check(indicators.errors.empty() || indicators.indicators.empty());
  for (const Indicator& ind : indicators.indicators) {
    ComputeAttainment(ind, {2022, 2025});
  }
  return 0;
}
