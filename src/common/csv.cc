#include "common/csv.h"

namespace samspill {
namespace {

Status CsvError(int line, size_t column, const std::string& message) {
  return InvalidArgument(
      "row " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message,
      "row " + std::to_string(line) + ", column " + std::to_string(column));
}

// The delimiter of the header line: the more frequent of ';' and ',' outside quotes.
char DetectDelimiter(std::string_view text) {
  size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    if (len == 2 && c < 0xC2) return false;  // overlong
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

Result<CsvTable> ParseCsv(std::string_view text, const CsvLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return InvalidArgument("the file is larger than " + std::to_string(limits.max_bytes) +
                           " bytes");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!ValidUtf8(text)) {
    return InvalidArgument("the file is not UTF-8 text (save it as \"CSV UTF-8\")");
  }
  CsvTable table;
  table.delimiter = DetectDelimiter(text);
  const char d = table.delimiter;

  int line = 1;
  size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool row_done = false;
    while (!row_done) {
      field.clear();
      const size_t column = row.fields.size() + 1;
      if (i < text.size() && text[i] == '"') {
        ++i;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (!closed) return CsvError(row.line, column, "a quoted field is never closed");
        if (i < text.size() && text[i] != d && text[i] != '\n' && text[i] != '\r') {
          return CsvError(line, column, "text after the closing quote");
        }
      } else {
        while (i < text.size() && text[i] != d && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') return CsvError(line, column, "a quote inside an unquoted field");
          field += text[i++];
        }
      }
      row.fields.push_back(field);
      if (row.fields.size() > limits.max_fields) {
        return CsvError(row.line, row.fields.size(), "too many fields");
      }
      if (i >= text.size()) {
        row_done = true;
      } else if (text[i] == d) {
        ++i;
      } else {  // line end
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        row_done = true;
      }
    }
    const bool blank = row.fields.size() == 1 && row.fields[0].empty();
    if (first) {
      if (blank) return InvalidArgument("the file has no header line");
      table.header = std::move(row.fields);
      first = false;
      continue;
    }
    if (blank) continue;
    if (row.fields.size() > table.header.size()) {
      return CsvError(row.line, table.header.size() + 1,
                      "the row has " + std::to_string(row.fields.size()) +
                          " fields but the header only " + std::to_string(table.header.size()));
    }
    row.fields.resize(table.header.size());  // spreadsheets drop empty trailing fields
    table.rows.push_back(std::move(row));
    if (table.rows.size() > limits.max_rows) {
      return InvalidArgument("more than " + std::to_string(limits.max_rows) + " rows");
    }
  }
  if (first) return InvalidArgument("the file is empty");
  return table;
}

std::string CsvField(std::string_view value, char delimiter) {
  if (value.find_first_of(std::string("\"\r\n") + delimiter) == std::string_view::npos) {
    return std::string(value);
  }
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvLine(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    out += CsvField(fields[i], delimiter);
  }
  return out + "\r\n";
}

}  // namespace samspill
