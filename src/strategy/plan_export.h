// A published procurement plan in the formats suppliers and tools take: CSV and an Excel
// workbook for people, and OCDS planning releases (one release per planned tender, tag
// "planning", tender.status "planned") for machines — valid under the OCDS 1.1.5 release
// package schema, checked by tests/ocds/validate.mjs as the tender export is.
// Pure functions (the workbook is built in memory); thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "common/status.h"
#include "strategy/procurement_plan.h"
#include "tendering/ocds_options.h"

namespace samspill::strategy {

// Header and one line per item, CRLF, UTF-8 with a byte-order mark so spreadsheets read
// "æøå": title, area, cpv, description, estimated value, currency, publication quarter
// ("2026-Q2"), contract start, contract months, contact, e-mail, status, tender. Column names
// in Norwegian or English. Each field passes through CsvField (quoted when needed); a field
// starting with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
std::string PlanCsv(const PublishedPlan& plan, bool english);

// The same table as an .xlsx workbook (libxlsxwriter), a sheet "Udbudsplan"/"Procurement plan"
// with a header row, money as numbers, and the version and date above the table.
// kInternal when the library fails.
Result<std::string> PlanXlsx(const PublishedPlan& plan, bool english);

// The OCDS release package: one release per item, ocid "<prefix>-plan-<item id>", id
// "<ocid>-v<version>", date = published_at, tag ["planning"], buyer and parties (role buyer),
// planning.budget.amount (when a value is given), tender {id, title, description, status
// "planned", mainProcurementCategory "services", items [{classification CPV}], value,
// tenderPeriod.startDate = the quarter's first day, contractPeriod (start and end when known)}.
// Precondition: ValidateOcdsExportOptions(options).ok().
nlohmann::json PlanOcdsPackage(const PublishedPlan& plan,
                               const tendering::OcdsExportOptions& options);

}  // namespace samspill::strategy
