#include "portfolio/indicator_csv.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "common/csv.h"
#include "portfolio/text_normalise.h"

namespace samspill::portfolio {
namespace {

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::optional<int64_t> WholeNumber(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

bool IsYearHeader(const std::string& h) {
  return h.size() == 4 &&
         std::all_of(h.begin(), h.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "24 nye i perioden totalt; …" → 24
std::optional<int64_t> PeriodTotalFromNote(const std::string& note) {
  const size_t space = note.find(' ');
  if (space == std::string::npos || note.find("i perioden totalt") == std::string::npos) {
    return std::nullopt;
  }
  return WholeNumber(std::string_view(note).substr(0, space));
}

}  // namespace

IndicatorImport ParseIndicatorsCsv(std::string_view text) {
  IndicatorImport out;
  Result<CsvTable> parsed = ParseCsv(text);
  if (!parsed.ok()) {
    out.errors.push_back({0, "", parsed.status().message()});
    return out;
  }
  const CsvTable& table = *parsed;
  std::map<std::string, size_t> named;
  std::vector<std::pair<int, size_t>> years;
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string h = Trim(table.header[i]);
    if (IsYearHeader(h)) {
      years.push_back({static_cast<int>(WholeNumber(h).value_or(0)), i});  // four digits
      continue;
    }
    const std::string f = FoldNorwegian(h);
    static const std::map<std::string, std::string> kAliases = {{"category", "category"},
                                                                {"kategori", "category"},
                                                                {"indicator", "indicator"},
                                                                {"indikator", "indicator"},
                                                                {"unit", "unit"},
                                                                {"enhet", "unit"},
                                                                {"target kind", "target_kind"},
                                                                {"target_kind", "target_kind"},
                                                                {"måltype", "target_kind"},
                                                                {"target", "target"},
                                                                {"måltall", "target"},
                                                                {"period total", "period_total"},
                                                                {"period_total", "period_total"},
                                                                {"note", "note"},
                                                                {"merknad", "note"}};
    // FoldNorwegian turns "_" into a space.
    auto it = kAliases.find(f);
    if (it == kAliases.end()) {
      out.errors.push_back({1, h, "unknown column"});
    } else {
      named[it->second] = i;
    }
  }
  for (const char* required : {"category", "indicator", "target_kind"}) {
    if (!named.contains(required))
      out.errors.push_back({1, required, "the required column is missing"});
  }
  if (!out.errors.empty()) return out;

  for (const CsvRow& row : table.rows) {
    const size_t before = out.errors.size();
    auto cell = [&](const char* name) {
      auto it = named.find(name);
      return it == named.end() ? std::string() : Trim(row.fields[it->second]);
    };
    auto header = [&](const char* name) { return table.header[named.at(name)]; };
    Indicator ind;
    ind.category = cell("category");
    ind.name = cell("indicator");
    if (!cell("unit").empty()) ind.unit = cell("unit");
    if (auto k = TargetKindFromName(cell("target_kind"))) {
      ind.target_kind = *k;
    } else {
      out.errors.push_back(
          {row.line, header("target_kind"), "unknown target kind '" + cell("target_kind") + "'"});
    }
    if (!cell("target").empty()) {
      if (auto v = WholeNumber(cell("target")); v && *v >= 0) {
        ind.target = v;
      } else {
        out.errors.push_back(
            {row.line, header("target"), "'" + cell("target") + "' is not a whole number"});
      }
    }
    ind.note = cell("note");
    for (const auto& [year, column] : years) {
      const std::string v = Trim(row.fields[column]);
      if (v.empty()) continue;
      auto value = WholeNumber(v);
      if (!value || *value < 0) {
        out.errors.push_back({row.line, table.header[column], "'" + v + "' is not a whole number"});
        continue;
      }
      ind.SetFigure({year, value, "", false});
    }
    // "2025: 13 søknader venter fortsatt på svar" belongs to the 2025 figure.
    if (ind.note.size() > 5 && IsYearHeader(ind.note.substr(0, 4)) && ind.note[4] == ':') {
      const int year = static_cast<int>(WholeNumber(ind.note.substr(0, 4)).value_or(0));
      YearFigure f =
          ind.Figure(year) ? *ind.Figure(year) : YearFigure{year, std::nullopt, "", false};
      f.note = Trim(ind.note.substr(5));
      ind.SetFigure(std::move(f));
    }
    if (!cell("period_total").empty()) {
      if (auto v = WholeNumber(cell("period_total")); v && *v >= 0) {
        ind.period_total = v;
      } else {
        out.errors.push_back({row.line, header("period_total"),
                              "'" + cell("period_total") + "' is not a whole number"});
      }
    } else {
      ind.period_total = PeriodTotalFromNote(ind.note);
    }
    if (out.errors.size() == before) {
      Status valid = ValidateIndicator(ind);
      if (!valid.ok()) out.errors.push_back({row.line, valid.field(), valid.message()});
    }
    if (out.errors.size() == before) {
      out.indicators.push_back(std::move(ind));
      out.rows.push_back(row.line);
    }
  }
  if (!out.errors.empty()) {
    out.indicators.clear();
    out.rows.clear();
  }
  return out;
}

std::string AttainmentToCsv(const std::vector<Indicator>& indicators, const Period& period) {
  std::vector<std::string> header = {"category", "indicator", "unit", "target_kind", "target"};
  for (int y = period.first_year; y <= period.last_year; ++y) header.push_back(std::to_string(y));
  for (const char* h : {"period_total", "attainment", "summary", "note"}) header.emplace_back(h);
  std::string out = "\xEF\xBB\xBF" + CsvLine(header);
  for (const Indicator& ind : indicators) {
    const IndicatorAttainment a = ComputeAttainment(ind, period);
    // Values with decimals are written with a decimal point ("26.5"), as spreadsheets read CSV
    // numbers; whole values as before.
    auto value = [&](int64_t v) { return FormatIndicatorValue(v, ind.decimals, true); };
    std::vector<std::string> row = {ind.category, ind.name, ind.unit,
                                    std::string(TargetKindName(ind.target_kind)),
                                    ind.target ? value(*ind.target) : ""};
    for (int y = period.first_year; y <= period.last_year; ++y) {
      const YearFigure* f = ind.Figure(y);
      row.push_back(f && f->value ? value(*f->value) : "");
    }
    row.push_back(a.period_value ? value(*a.period_value) : "");
    row.emplace_back(AttainmentName(a.period));
    row.push_back(a.summary_nb);
    std::string note = ind.note;
    row.push_back(note);
    out += CsvLine(row);
  }
  return out;
}

}  // namespace samspill::portfolio
