// A small reader of xlsx workbooks (Office Open XML spreadsheets) for importing tables: one
// worksheet's cells as text, nothing of formats, formulas or charts. Debian has no xlsx reader
// library; this one unzips with libminizip (from memory, never a temporary file) and parses the
// XML with pugixml, both kept out of this header so users compile without them.
//
// Cells come as they are stored: shared and inline strings as their text, numbers as written
// in the XML ("1234.5", "9.8000000000000007", "1E-3": no number formats applied, so dates are
// serial day numbers), booleans as "TRUE"/"FALSE", formula results as their cached value,
// error values as written ("#DIV/0!"). Rows and columns keep their places: A1 and C1 give an
// empty B1, rows 1 and 3 an empty row 2.
//
// Outside input: sizes are bounded (the file, each entry as it is inflated — whatever the zip
// directory claims — the rows and columns), so a zip bomb stops at the limit; XML entities
// beyond the predefined ones are never expanded. Errors are InvalidArgument with a message for
// a user (a file that is not a zip, a zip that is not a workbook, a missing sheet, a damaged
// entry), ResourceExhausted past a limit. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace samspill {

struct XlsxLimits {
  size_t max_file_bytes = size_t{32} << 20;
  size_t max_entry_bytes = size_t{64} << 20;  // one XML part, inflated
  size_t max_rows = 100000;
  size_t max_columns = 1000;
  size_t max_cells = 2000000;  // also the empty ones left of a filled cell
  size_t max_shared_strings = 1000000;
};

struct XlsxSheet {
  std::string name;
  // rows[i] is the sheet's row i + 1; each row without its empty trailing cells.
  std::vector<std::vector<std::string>> rows;
};

// The names of the workbook's worksheets, in the workbook's order.
Result<std::vector<std::string>> XlsxSheetNames(std::string_view bytes,
                                                const XlsxLimits& limits = {});

// The worksheet named `sheet_name`, or the first worksheet when it is empty.
Result<XlsxSheet> ReadXlsxSheet(std::string_view bytes, std::string_view sheet_name = {},
                                const XlsxLimits& limits = {});

}  // namespace samspill
