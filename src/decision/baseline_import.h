// Import of a baseline's unit-year rows from a spreadsheet: CSV (comma or semicolon separated,
// as Norwegian Excel saves it; common/csv.h) or the first worksheet of an xlsx workbook
// (common/xlsx_reader.h). All or nothing: every row's problems are collected as (row, column,
// message) and, when there is one, no unit is returned.
//
// One row per unit and year, under a header row. Columns are found by name, in any order,
// upper or lower case, Norwegian or English ("_" and "-" read as spaces, "%" and brackets
// ignored, so "Sykefravær (%)" is "sykefravær"):
//
//   enhet | unit | enhet id | unit id       the unit's id (required)
//   navn | name | enhetsnavn | unit name    the unit's name (required)
//   kostra | kostra funksjon | funksjon | kostra function | function   234, 253, 254 or 261
//                                           (the column may be left out: 254)
//   år | aar | year                         (required)
//   budsjett | budget                       NOK, rounded to whole kroner
//   regnskap | accounts                     NOK, rounded to whole kroner
//   årsverk | arsverk | fte
//   stillinger | positions
//   sykefravær | sick leave                 per cent, "12,5 %" or "12,5"
//   turnover | gjennomtrekk                 per cent
//   brukere | users
//   one column per need level, named as the grouping's level ("omfattende")
//   eksempel | example                      ja/nei, yes/no, true/false, x, 1/0; empty is nei
//
// Numbers may be written the Norwegian way ("1 234 567", "7,7"); an empty cell is an unknown
// figure, never 0. A unit's rows are merged by its id (its name and KOSTRA function must agree
// between them) and its years sorted; each row's figures pass ValidateBaseline, so a negative
// årsverk or a percentage over 100 is an error of that row and column. An unknown column is an
// error too, so a misspelt header never drops data silently. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "decision/baseline.h"

namespace samspill::decision {

struct ImportRowError {
  int row = 0;         // the CSV line or worksheet row (the header is row 1); 0 for the file
  std::string column;  // the header as written ("" for the whole row or file)
  std::string message;
  // "row 4, column \"årsverk\": årsverk are not negative"
  std::string ToString() const;
};

struct BaselineImport {
  std::vector<BaselineUnit> units;     // in the order their ids first appear
  std::vector<ImportRowError> errors;  // when not empty, import nothing (units is empty)
};

struct BaselineImportOptions {
  size_t max_errors = 200;
  size_t max_bytes = size_t{16} << 20;  // the CSV text or the xlsx file
};

// InvalidArgument only when the file cannot be read as a table at all (a broken quote, not
// UTF-8, not an xlsx workbook, too large); problems of its rows and columns are `errors`.
Result<BaselineImport> ImportBaselineCsv(std::string_view text, const NeedGrouping& grouping,
                                         const BaselineImportOptions& options = {});
Result<BaselineImport> ImportBaselineXlsx(std::string_view bytes, const NeedGrouping& grouping,
                                          const BaselineImportOptions& options = {});

}  // namespace samspill::decision
