// CSV as exported from Airtable or a spreadsheet: UTF-8 with or without a byte-order mark,
// comma or semicolon separated (detected from the header line), fields optionally quoted with
// "" for a quote inside, CRLF or LF line ends, line breaks inside quoted fields.
//
// Parsing is strict about structure (an unclosed quote, text after a closing quote, a row with
// more fields than the header) and names the row and column. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace samspill {

struct CsvRow {
  int line = 0;  // the physical line where the row starts (1-based; the header is line 1)
  std::vector<std::string> fields;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // blank lines skipped
};

struct CsvLimits {
  size_t max_bytes = 16 << 20;
  size_t max_rows = 200000;
  size_t max_fields = 200;
};

// Errors are kInvalidArgument with the field "row N, column M".
Result<CsvTable> ParseCsv(std::string_view text, const CsvLimits& limits = {});

// One field written for CSV: quoted when it holds the delimiter, a quote or a line break.
std::string CsvField(std::string_view value, char delimiter = ',');
// A whole line with CRLF, as RFC 4180 writes it.
std::string CsvLine(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace samspill
