#include "strategy/plan_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string_view>
#include <vector>

#include "common/csv.h"
#include "common/money.h"
#include "tendering/ocds_export.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr int64_t kSecondsPerDay = 86400;

// The columns of the CSV and the workbook, in the order PlanCsv documents.
constexpr std::array<std::string_view, 13> kColumnsNb = {"Tittel",
                                                         "Område",
                                                         "CPV",
                                                         "Beskrivelse",
                                                         "Anslått verdi",
                                                         "Valuta",
                                                         "Kunngjøring (kvartal)",
                                                         "Kontraktstart",
                                                         "Kontraktsperiode (måneder)",
                                                         "Kontaktperson",
                                                         "E-post",
                                                         "Status",
                                                         "Konkurranse"};
constexpr std::array<std::string_view, 13> kColumnsEn = {"Title",
                                                         "Area",
                                                         "CPV",
                                                         "Description",
                                                         "Estimated value",
                                                         "Currency",
                                                         "Publication quarter",
                                                         "Contract start",
                                                         "Contract months",
                                                         "Contact",
                                                         "E-mail",
                                                         "Status",
                                                         "Tender"};
constexpr size_t kValueColumn = 4;
constexpr size_t kMonthsColumn = 8;
constexpr size_t kTenderColumn = 12;

// Only public items are ever shown outside, whatever a caller put in the published plan.
std::vector<const PlanItem*> PublicItems(const PublishedPlan& plan) {
  std::vector<const PlanItem*> out;
  for (const PlanItem& item : plan.items) {
    if (item.is_public) out.push_back(&item);
  }
  return out;
}

std::string Quarter(const PlanItem& item) {
  return std::to_string(item.publication_year) + "-Q" + std::to_string(item.publication_quarter);
}

// One item's cells as text, in the columns' order; unknown values are empty.
std::vector<std::string> Row(const PlanItem& item, bool english) {
  return {item.title,
          item.area,
          item.cpv,
          item.description,
          item.estimated_value ? std::to_string(*item.estimated_value) : "",
          item.currency,
          Quarter(item),
          item.contract_start ? item.contract_start->ToIso() : "",
          item.contract_months > 0 ? std::to_string(item.contract_months) : "",
          item.contact_name,
          item.contact_email,
          std::string(english ? PlanItemStatusLabelEn(item.status)
                              : PlanItemStatusLabelNb(item.status)),
          item.tender_id ? std::to_string(*item.tender_id) : ""};
}

// A spreadsheet opening the CSV runs a cell starting with = + - @ as a formula
// ("=HYPERLINK(…)" sends the reader's data elsewhere); the apostrophe makes it text.
std::string Defused(std::string text) {
  if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  return text;
}

std::string VersionLine(const PublishedPlan& plan, bool english) {
  return (english ? "Version " : "Versjon ") + std::to_string(plan.number) +
         (english ? ", published " : ", publisert ") + plan.published_at.UtcDate().ToIso();
}

Timestamp StartOfDay(const Date& date) { return Timestamp{date.DaysSinceEpoch() * kSecondsPerDay}; }

// The last day of a contract of `months` from `start`: the day before the same day `months`
// later (2026-09-01 + 48 months ends 2030-08-31), or the last day of that month when it has no
// such day (2027-01-31 + 1 month ends 2027-02-28).
Date ContractEnd(const Date& start, int months) {
  const int index = start.year * 12 + (start.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  if (start.day > DaysInMonth(year, month)) return Date{year, month, DaysInMonth(year, month)};
  return Date{year, month, start.day}.AddDays(-1);
}

// OCDS codes for the item's status. An item still to come is tag "planning" with tender.status
// "planned" (releaseTag: "a contracting process is proposed or planned"). Once its tender is
// published the planned process is taking place, tenderStatus "active"; a withdrawn item's
// process will not happen, tenderStatus "withdrawn" ("no further information on this process is
// available under this ocid"). Both report an outcome of the planning, so their release is tagged
// "planningUpdate" ("a tender.status update to indicate ..."). Codes from the closed 1.1.5
// codelists releaseTag.csv and tenderStatus.csv.
struct OcdsCodes {
  std::string_view tag;
  std::string_view tender_status;
};
OcdsCodes CodesFor(PlanItemStatus status) {
  switch (status) {
    case PlanItemStatus::kPlanned:
    case PlanItemStatus::kInPreparation:
      return {"planning", "planned"};
    case PlanItemStatus::kPublished:
      return {"planningUpdate", "active"};
    case PlanItemStatus::kWithdrawn:
      return {"planningUpdate", "withdrawn"};
  }
  return {"planning", "planned"};
}

// The plan names its buyer but holds no organisation number, so the party has a local id,
// unique within each release as OCDS asks of parties.
constexpr std::string_view kBuyerId = "buyer";

json Release(const PublishedPlan& plan, const PlanItem& item,
             const tendering::OcdsExportOptions& options) {
  const std::string ocid = options.ocid_prefix + "-plan-" + std::to_string(item.id);
  const OcdsCodes codes = CodesFor(item.status);

  json party = {{"id", kBuyerId}, {"name", plan.organisation}, {"roles", json::array({"buyer"})}};
  json contact = json::object();
  if (!item.contact_name.empty()) contact["name"] = item.contact_name;
  if (!item.contact_email.empty()) contact["email"] = item.contact_email;
  if (!contact.empty()) party["contactPoint"] = std::move(contact);

  json tender = {{"id", "plan-" + std::to_string(item.id)},
                 {"title", item.title},
                 {"status", codes.tender_status},
                 {"mainProcurementCategory", "services"}};
  if (!item.description.empty()) tender["description"] = item.description;
  if (!item.cpv.empty()) {
    // The eight digits without the check digit, as the tender export and Doffin write them.
    tender["items"] =
        json::array({{{"id", "1"},
                      {"description", item.title},
                      {"classification", {{"scheme", "CPV"}, {"id", item.cpv.substr(0, 8)}}}}});
  }
  std::optional<json> value;
  if (item.estimated_value) {
    value = tendering::OcdsValue(Money{*item.estimated_value * 100, item.currency});
    tender["value"] = *value;
  }
  const Date quarter_start{item.publication_year, (item.publication_quarter - 1) * 3 + 1, 1};
  tender["tenderPeriod"] = {{"startDate", StartOfDay(quarter_start).ToIso()}};
  if (item.contract_start) {
    json period = {{"startDate", StartOfDay(*item.contract_start).ToIso()}};
    if (item.contract_months > 0) {
      const Date end = ContractEnd(*item.contract_start, item.contract_months);
      // The contract's last day is included: its period ends at the day's last second.
      period["endDate"] = Timestamp{StartOfDay(end).unix_seconds + kSecondsPerDay - 1}.ToIso();
    }
    tender["contractPeriod"] = std::move(period);
  }

  json release = {{"ocid", ocid},
                  {"id", ocid + "-v" + std::to_string(plan.number)},
                  {"date", plan.published_at.ToIso()},
                  {"tag", json::array({codes.tag})},
                  {"initiationType", "tender"},
                  {"language", "nb"},
                  {"buyer", {{"id", kBuyerId}, {"name", plan.organisation}}},
                  {"parties", json::array({std::move(party)})}};
  if (value) release["planning"] = {{"budget", {{"amount", *value}}}};
  release["tender"] = std::move(tender);
  return release;
}

// Writes the workbook to `path`; the first error of the library, if any, as kInternal.
Status WriteWorkbook(const std::string& path, const PublishedPlan& plan, bool english) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Internal("cannot create the procurement plan workbook");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 14);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "# ##0");
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

  lxw_error error = LXW_NO_ERROR;
  auto check = [&](lxw_error e) {
    if (error == LXW_NO_ERROR) error = e;
  };
  lxw_worksheet* sheet = workbook_add_worksheet(wb, english ? "Procurement plan" : "Udbudsplan");
  if (sheet == nullptr) {
    workbook_close(wb);
    return Internal("cannot add the procurement plan sheet");
  }
  // Cells are written as strings, never as formulas, so a title such as "=HYPERLINK(…)" stays
  // text here without the CSV's apostrophe.
  check(worksheet_write_string(sheet, 0, 0, plan.title.c_str(), title));
  check(worksheet_write_string(sheet, 1, 0, plan.organisation.c_str(), nullptr));
  check(worksheet_write_string(sheet, 2, 0, VersionLine(plan, english).c_str(), nullptr));
  const auto& columns = english ? kColumnsEn : kColumnsNb;
  constexpr lxw_row_t kHeaderRow = 4;
  for (size_t c = 0; c < columns.size(); ++c) {
    check(worksheet_write_string(sheet, kHeaderRow, static_cast<lxw_col_t>(c),
                                 std::string(columns[c]).c_str(), bold));
  }
  check(worksheet_set_column(sheet, 0, 0, 45, nullptr));
  check(worksheet_set_column(sheet, 3, 3, 50, nullptr));
  lxw_row_t r = kHeaderRow + 1;
  for (const PlanItem* item : PublicItems(plan)) {
    const std::vector<std::string> cells = Row(*item, english);
    for (size_t c = 0; c < cells.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      if (cells[c].empty()) continue;
      if (c == kValueColumn) {
        // Whole kroner below 10^13 are exact in a double.
        check(worksheet_write_number(sheet, r, col, static_cast<double>(*item->estimated_value),
                                     money));
      } else if (c == kMonthsColumn) {
        check(worksheet_write_number(sheet, r, col, item->contract_months, nullptr));
      } else if (c == kTenderColumn) {
        check(
            worksheet_write_number(sheet, r, col, static_cast<double>(*item->tender_id), nullptr));
      } else {
        check(worksheet_write_string(sheet, r, col, cells[c].c_str(), c == 3 ? wrap : nullptr));
      }
    }
    ++r;
  }
  check(workbook_close(wb));
  if (error != LXW_NO_ERROR) {
    return Internal(std::string("cannot write the procurement plan workbook: ") +
                    lxw_strerror(error));
  }
  return Status::Ok();
}

}  // namespace

std::string PlanCsv(const PublishedPlan& plan, bool english) {
  const auto& columns = english ? kColumnsEn : kColumnsNb;
  std::string out(kByteOrderMark);
  out += CsvLine(std::vector<std::string>(columns.begin(), columns.end()));
  for (const PlanItem* item : PublicItems(plan)) {
    std::vector<std::string> row = Row(*item, english);
    for (std::string& field : row) field = Defused(std::move(field));
    out += CsvLine(row);
  }
  return out;
}

Result<std::string> PlanXlsx(const PublishedPlan& plan, bool english) {
  // This libxlsxwriter writes to a file only: a private temporary, read back and removed.
  const std::string pattern =
      (std::filesystem::temp_directory_path() / "samspill-plan-XXXXXX").string();
  std::vector<char> path(pattern.begin(), pattern.end());
  path.push_back('\0');
  const int fd = mkstemp(path.data());
  if (fd < 0) return Internal("cannot create a temporary file for the workbook");
  close(fd);
  Status written = WriteWorkbook(path.data(), plan, english);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path.data(), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::remove(path.data());
  SAMSPILL_RETURN_IF_ERROR(written);
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0) {
    return Internal("the procurement plan workbook came out empty");
  }
  return bytes;
}

nlohmann::json PlanOcdsPackage(const PublishedPlan& plan,
                               const tendering::OcdsExportOptions& options) {
  json releases = json::array();
  for (const PlanItem* item : PublicItems(plan)) releases.push_back(Release(plan, *item, options));
  return json{{"uri", options.package_uri_base + options.ocid_prefix + "-plan-v" +
                          std::to_string(plan.number)},
              {"version", "1.1"},
              {"publishedDate", options.published_date.ToIso()},
              {"publisher", {{"name", options.publisher_name}}},
              {"releases", std::move(releases)}};
}

}  // namespace samspill::strategy
