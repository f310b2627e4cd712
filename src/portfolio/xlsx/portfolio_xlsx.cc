#include "portfolio/xlsx/portfolio_xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace samspill::portfolio {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

}  // namespace

Status WritePortfolioXlsx(const std::string& path, const std::vector<Project>& projects,
                          const std::vector<Indicator>& indicators, const Period& period) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Unavailable("cannot create the workbook '" + path + "'");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "# ##0");

  lxw_worksheet* sheet = workbook_add_worksheet(wb, "Prosjekter");
  const char* headers[] = {
      "Id",     "Navn",          "Kortnavn",        "Innsatsområde",         "Type",
      "Status", "Partnere",      "Kontaktpersoner", "Finansiering (NOK)",    "Start",
      "Slutt",  "Registrert av", "Tilrettelagt",    "Merverdi for kommunen", "Merverdi for NTNU"};
  for (lxw_col_t c = 0; c < std::size(headers); ++c)
    worksheet_write_string(sheet, 0, c, headers[c], bold);
  worksheet_set_column(sheet, 1, 1, 45, nullptr);
  worksheet_set_column(sheet, 6, 7, 40, nullptr);
  lxw_row_t r = 1;
  for (const Project& p : projects) {
    std::vector<std::string> partners, contacts;
    for (const Partner& x : p.partners) partners.push_back(x.Display());
    for (const Contact& c : p.contacts)
      contacts.push_back(c.name + (c.role.empty() ? "" : " (" + c.role + ")"));
    worksheet_write_number(sheet, r, 0, static_cast<double>(p.id), nullptr);
    worksheet_write_string(sheet, r, 1, p.name.c_str(), wrap);
    worksheet_write_string(sheet, r, 2, p.short_name.c_str(), nullptr);
    worksheet_write_string(sheet, r, 3, p.area.c_str(), nullptr);
    worksheet_write_string(sheet, r, 4, std::string(ProjectKindLabelNb(p.kind)).c_str(), nullptr);
    worksheet_write_string(sheet, r, 5, std::string(ProjectStatusLabelNb(p.status)).c_str(),
                           nullptr);
    worksheet_write_string(sheet, r, 6, Join(partners).c_str(), wrap);
    worksheet_write_string(sheet, r, 7, Join(contacts).c_str(), wrap);
    worksheet_write_number(sheet, r, 8, static_cast<double>(TotalFundingNok(p)) / 100.0, money);
    worksheet_write_string(sheet, r, 9, p.start ? p.start->ToIso().c_str() : "", nullptr);
    worksheet_write_string(sheet, r, 10, p.end ? p.end->ToIso().c_str() : "", nullptr);
    worksheet_write_string(sheet, r, 11, p.registered_by.c_str(), nullptr);
    worksheet_write_string(sheet, r, 12, p.facilitated_by_partnership ? "ja" : "nei", nullptr);
    worksheet_write_string(sheet, r, 13, p.value_for_municipality.c_str(), wrap);
    worksheet_write_string(sheet, r, 14, p.value_for_university.c_str(), wrap);
    ++r;
  }

  lxw_worksheet* targets = workbook_add_worksheet(wb, "Måltall");
  lxw_col_t c = 0;
  for (const char* h : {"Kategori", "Indikator", "Måltype", "Måltall"}) {
    worksheet_write_string(targets, 0, c++, h, bold);
  }
  for (int y = period.first_year; y <= period.last_year; ++y) {
    worksheet_write_string(targets, 0, c++, std::to_string(y).c_str(), bold);
  }
  for (const char* h : {"Perioden", "Måloppnåelse", "Merknad"}) {
    worksheet_write_string(targets, 0, c++, h, bold);
  }
  worksheet_set_column(targets, 1, 1, 50, nullptr);
  // Values with decimals are written as the numbers they stand for (265 tenths as 26.5), shown
  // with their decimals.
  lxw_format* one_decimal = workbook_add_format(wb);
  format_set_num_format(one_decimal, "0.0");
  lxw_format* two_decimals = workbook_add_format(wb);
  format_set_num_format(two_decimals, "0.00");
  r = 1;
  for (const Indicator& ind : indicators) {
    const IndicatorAttainment a = ComputeAttainment(ind, period);
    const double scale = ind.decimals == 1 ? 10.0 : ind.decimals == 2 ? 100.0 : 1.0;
    lxw_format* number = ind.decimals == 1   ? one_decimal
                         : ind.decimals == 2 ? two_decimals
                                             : nullptr;
    c = 0;
    worksheet_write_string(targets, r, c++, ind.category.c_str(), nullptr);
    worksheet_write_string(targets, r, c++, ind.name.c_str(), wrap);
    worksheet_write_string(targets, r, c++, std::string(TargetKindLabelNb(ind.target_kind)).c_str(),
                           nullptr);
    if (ind.target)
      worksheet_write_number(targets, r, c, static_cast<double>(*ind.target) / scale, number);
    ++c;
    for (int y = period.first_year; y <= period.last_year; ++y) {
      const YearFigure* f = ind.Figure(y);
      if (f && f->value)
        worksheet_write_number(targets, r, c, static_cast<double>(*f->value) / scale, number);
      ++c;
    }
    if (a.period_value)
      worksheet_write_number(targets, r, c, static_cast<double>(*a.period_value) / scale, number);
    ++c;
    worksheet_write_string(targets, r, c++, a.summary_nb.c_str(), nullptr);
    worksheet_write_string(targets, r, c++, ind.note.c_str(), wrap);
    ++r;
  }
  lxw_error error = workbook_close(wb);
  if (error != LXW_NO_ERROR) {
    return Unavailable("cannot write the workbook '" + path + "': " + lxw_strerror(error));
  }
  return Status::Ok();
}

Result<std::string> PortfolioXlsxBytes(const std::vector<Project>& projects,
                                       const std::vector<Indicator>& indicators,
                                       const Period& period) {
  char path[] = "/tmp/samspill-portfolio-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return Unavailable("cannot create a temporary file for the workbook");
  close(fd);
  Status written = WritePortfolioXlsx(path, projects, indicators, period);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
  }
  std::remove(path);
  SAMSPILL_RETURN_IF_ERROR(written);
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0) return Internal("the workbook is empty");
  return bytes;
}

}  // namespace samspill::portfolio
