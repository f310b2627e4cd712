// Fuzz target for the xlsx reader (common/xlsx_reader.h), outside data uploaded as a workbook:
// a zip archive with XML inside. It must either refuse with a message or give a sheet within
// its limits — never crash, never inflate past the entry limit (the limits are small here so a
// zip bomb in the corpus stays quick).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/xlsx_reader.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const XlsxLimits limits{.max_file_bytes = size_t{1} << 20,
                          .max_entry_bytes = size_t{4} << 20,
                          .max_rows = 2000,
                          .max_columns = 100,
                          .max_cells = 20000,
                          .max_shared_strings = 20000};
  Result<XlsxSheet> sheet = ReadXlsxSheet(bytes, "", limits);
  if (!sheet.ok()) {
    Check(!sheet.status().message().empty());
    return 0;
  }
  Check(sheet->rows.size() <= limits.max_rows);
  for (const auto& row : sheet->rows) Check(row.size() <= limits.max_columns);
  Result<std::vector<std::string>> names = XlsxSheetNames(bytes, limits);
  Check(names.ok() && !names->empty() && names->front() == sheet->name);
  return 0;
}
