// Fuzz target for the baseline's CSV import (decision/baseline_import.h), outside data from a
// spreadsheet: it must either refuse the file with a message, list row errors and import
// nothing, or give units that pass ValidateBaseline, with each unit's years sorted, whose totals
// can be made and whose JSON reads back the same — never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "decision/baseline_import.h"
#include "decision/baseline_json.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  using namespace samspill::decision;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const NeedGrouping grouping;
  Result<BaselineImport> imported = ImportBaselineCsv(text, grouping);
  if (!imported.ok()) {
    Check(!imported.status().message().empty());
    return 0;
  }
  if (!imported->errors.empty()) {
    Check(imported->units.empty());
    for (const ImportRowError& e : imported->errors) Check(!e.message.empty());
    return 0;
  }
  const Baseline b{.grouping = grouping, .units = imported->units};
  Check(ValidateBaseline(b).ok());
  for (const BaselineUnit& u : b.units) {
    for (size_t j = 1; j < u.years.size(); ++j) Check(u.years[j - 1].year < u.years[j].year);
  }
  BaselineTotals(b);
  const nlohmann::json doc = BaselineToJson(b);
  Result<Baseline> back = BaselineFromJson(doc);
  Check(back.ok() && BaselineToJson(*back) == doc);
  return 0;
}
