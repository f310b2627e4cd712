#include "strategy/iku_peers.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "common/csv.h"
#include "common/parse_number.h"
#include "common/text.h"

namespace samspill::strategy {
namespace {

Status At(int line, size_t column, const std::string& message) {
  const std::string where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  return InvalidArgument(where + ": " + message, where);
}

// A header cell as compared with the known column names: trimmed and in lower case, "År" as
// "år" (the one non-ASCII capital the names use).
std::string HeaderKey(std::string_view cell) {
  std::string key(Trim(cell));
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (key.starts_with("\xC3\x85")) key[1] = '\xA5';
  return key;
}

// A year column's header: four digits, 1990..2100.
std::optional<int> YearHeader(std::string_view cell) {
  const std::string_view t = Trim(cell);
  if (t.size() != 4 ||
      !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int year = std::stoi(std::string(t));
  if (year < 1990 || year > 2100) return std::nullopt;
  return year;
}

bool IsMissing(std::string_view cell) {
  const std::string_view t = Trim(cell);
  return t.empty() || t == "..";
}

// The collected figures, refusing a second figure for a municipality-year.
class Collector {
 public:
  Status Add(PeerFigure f, int line, size_t column) {
    const auto key = std::make_pair(f.municipality, f.year);
    if (auto it = seen_.find(key); it != seen_.end()) {
      return At(line, column,
                "a second figure for " + f.municipality + " in " + std::to_string(f.year) +
                    " (the first is on line " + std::to_string(it->second) + ")");
    }
    if (figures_.size() >= kMaxPeerFigures) {
      return At(line, column, "more than " + std::to_string(kMaxPeerFigures) + " figures");
    }
    seen_.emplace(key, line);
    figures_.push_back(std::move(f));
    return Status::Ok();
  }

  std::vector<PeerFigure> Take() {
    std::stable_sort(figures_.begin(), figures_.end(),
                     [](const PeerFigure& a, const PeerFigure& b) {
                       return std::tie(a.municipality, a.year) < std::tie(b.municipality, b.year);
                     });
    return std::move(figures_);
  }

 private:
  std::vector<PeerFigure> figures_;
  std::map<std::pair<std::string, int>, int> seen_;
};

Result<double> Iku(std::string_view cell, int line, size_t column) {
  Result<double> v = ParseDecimalNumber(cell, "the IKU");
  if (!v.ok()) {
    return At(line, column, "'" + std::string(Trim(cell)) + "' is not a number");
  }
  if (*v < 0.0 || *v > 100.0) {
    return At(line, column,
              "the IKU '" + std::string(Trim(cell)) + "' is not a percentage from 0 to 100");
  }
  return *v;
}

Result<std::vector<PeerFigure>> ParseLong(const CsvTable& table, size_t name_col, size_t year_col,
                                          size_t iku_col, std::optional<size_t> code_col) {
  Collector out;
  for (const CsvRow& row : table.rows) {
    const std::string name(Trim(row.fields[name_col]));
    if (name.empty()) return At(row.line, name_col + 1, "the municipality is missing");
    const std::string_view year_cell = Trim(row.fields[year_col]);
    std::optional<int> year = YearHeader(year_cell);
    if (!year) {
      return At(row.line, year_col + 1,
                "'" + std::string(year_cell) + "' is not a year from 1990 to 2100");
    }
    if (IsMissing(row.fields[iku_col])) continue;
    SAMSPILL_ASSIGN_OR_RETURN(double iku, Iku(row.fields[iku_col], row.line, iku_col + 1));
    PeerFigure f{.municipality = name,
                 .code = code_col ? std::string(Trim(row.fields[*code_col])) : std::string(),
                 .year = *year,
                 .iku = iku};
    SAMSPILL_RETURN_IF_ERROR(out.Add(std::move(f), row.line, iku_col + 1));
  }
  return out.Take();
}

Result<std::vector<PeerFigure>> ParseWide(const CsvTable& table) {
  // The name is the first column that is neither a year nor a code; every other column must be
  // a year.
  std::optional<size_t> name_col, code_col;
  std::vector<std::pair<size_t, int>> years;
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string key = HeaderKey(table.header[c]);
    if (std::optional<int> year = YearHeader(key)) {
      years.emplace_back(c, *year);
    } else if ((key == "kode" || key == "code") && !code_col) {
      code_col = c;
    } else if (!name_col && years.empty()) {
      name_col = c;
    } else {
      return At(1, c + 1,
                "'" + std::string(Trim(table.header[c])) +
                    "' is not a year from 1990 to 2100 (the header is a municipality column, "
                    "then one column per year)");
    }
  }
  if (!name_col || years.empty()) {
    return At(1, 1,
              "the header is neither a municipality column followed by years "
              "(Kommune;2019;2020) nor the columns kommune, år and iku");
  }
  for (size_t i = 1; i < years.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (years[i].second == years[j].second) {
        return At(1, years[i].first + 1,
                  "the year " + std::to_string(years[i].second) + " appears twice in the header");
      }
    }
  }
  Collector out;
  for (const CsvRow& row : table.rows) {
    const std::string name(Trim(row.fields[*name_col]));
    if (name.empty()) return At(row.line, *name_col + 1, "the municipality is missing");
    for (const auto& [col, year] : years) {
      if (IsMissing(row.fields[col])) continue;
      SAMSPILL_ASSIGN_OR_RETURN(double iku, Iku(row.fields[col], row.line, col + 1));
      PeerFigure f{.municipality = name,
                   .code = code_col ? std::string(Trim(row.fields[*code_col])) : std::string(),
                   .year = year,
                   .iku = iku};
      SAMSPILL_RETURN_IF_ERROR(out.Add(std::move(f), row.line, col + 1));
    }
  }
  return out.Take();
}

}  // namespace

Result<std::vector<PeerFigure>> ParsePeerIkuCsv(std::string_view text) {
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  if (IsBlank(body)) return At(1, 1, "the file is empty");
  Result<CsvTable> parsed = ParseCsv(text);
  if (!parsed.ok()) {
    // The CSV reader names "row N, column M", the physical line: say line, as every other
    // message of this import does.
    std::string message = parsed.status().message();
    std::string field = parsed.status().field();
    if (message.starts_with("row ")) message.replace(0, 3, "line");
    if (field.starts_with("row ")) field.replace(0, 3, "line");
    return InvalidArgument(std::move(message), std::move(field));
  }
  const CsvTable& table = *parsed;
  std::optional<size_t> name_col, year_col, iku_col, code_col;
  for (size_t c = 0; c < table.header.size(); ++c) {
    const std::string key = HeaderKey(table.header[c]);
    if ((key == "kommune" || key == "municipality") && !name_col) name_col = c;
    if ((key == "år" || key == "aar" || key == "year") && !year_col) year_col = c;
    if (key == "iku" && !iku_col) iku_col = c;
    if ((key == "kode" || key == "code") && !code_col) code_col = c;
  }
  if (name_col && year_col && iku_col) {
    return ParseLong(table, *name_col, *year_col, *iku_col, code_col);
  }
  return ParseWide(table);
}

const std::vector<NationalIku>& NationalIkuLine() {
  static const std::vector<NationalIku> kLine = {{2009, 25.0}, {2015, 26.5}, {2016, 26.9},
                                                 {2017, 27.1}, {2018, 26.9}, {2019, 26.5},
                                                 {2020, 26.3}, {2021, 26.9}};
  return kLine;
}

std::string_view NationalIkuSource() {
  return "KL og Indenrigs- og Boligministeriet, De kommunale nøgletal (noegletal.dk); 2009 fra "
         "Indenrigs- og Sundhedsministeriet";
}

std::string_view NationalIkuNoteNb() {
  return "Definisjonen ble endret fra 2016: kjøp og salg av plasser på funksjonene 5.28 og 5.38 "
         "ble tatt med, administrasjonen av Udbetaling Danmark og sikrede institusjoner for barn "
         "ble tatt ut. Tallene før og etter 2016 er derfor ikke helt sammenlignbare.";
}

std::string_view NationalIkuNoteEn() {
  return "The definition changed from 2016: purchases and sales of places on functions 5.28 and "
         "5.38 were added, and the administration of Udbetaling Danmark and secure institutions "
         "for children were removed. Figures before and after 2016 are therefore not fully "
         "comparable.";
}

std::vector<std::string> PeerMunicipalities(const std::vector<PeerFigure>& peers) {
  std::vector<std::string> out;
  for (const PeerFigure& p : peers) {
    if (std::find(out.begin(), out.end(), p.municipality) == out.end()) {
      out.push_back(p.municipality);
    }
  }
  return out;
}

}  // namespace samspill::strategy
