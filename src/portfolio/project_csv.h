// The register as CSV, for import from Airtable or a spreadsheet and for export.
//
// One project per row. Columns are found by header name, Norwegian or English, in any order
// ("navn"/"name", "innsatsområde"/"area", "type"/"kind", …; unknown columns are an error so a
// misspelt header never drops data silently). Lists inside a cell are separated by "|" or line
// breaks: partners "NTNU, Institutt for psykologi", contacts "Navn (rolle, organisasjon,
// e-post)", funding "Forskningsrådet: 12 000 000". Dates are ISO ("2023-09-01") or a year
// ("2023": 1 January for a start, 31 December for an end).
//
// Import collects every row's errors (row, column, message) and returns either all projects or
// only errors — callers store all or nothing. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/csv.h"
#include "portfolio/project.h"

namespace samspill::portfolio {

struct RowError {
  int row = 0;         // the CSV line (the header is line 1)
  std::string column;  // the header name as written ("" for the whole row or file)
  std::string message;
  // "row 4, column \"type\": unknown kind 'forsk'"
  std::string ToString() const;
};

struct ProjectImport {
  std::vector<Project> projects;  // registered_by holds the CSV's username; ids are 0
  std::vector<int> rows;          // the CSV line of each project
  std::vector<RowError> errors;   // when not empty, import nothing
};

struct ProjectCsvOptions {
  AreaList areas;
  size_t max_errors = 200;
};

ProjectImport ParseProjectsCsv(std::string_view text, const ProjectCsvOptions& options = {});

// The whole register as CSV (comma separated, UTF-8 with a byte-order mark so spreadsheets
// read æ, ø and å), in the column order ParseProjectsCsv reads.
std::string ProjectsToCsv(const std::vector<Project>& projects);

}  // namespace samspill::portfolio
