#include "decision/baseline_import.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "common/csv.h"
#include "common/parse_number.h"
#include "common/xlsx_reader.h"

namespace samspill::decision {
namespace {

enum class Column {
  kUnit,
  kName,
  kKostra,
  kYear,
  kBudget,
  kAccounts,
  kFte,
  kPositions,
  kSickLeave,
  kTurnover,
  kUsers,
  kExample,
  kNeedLevel,  // one per level, told apart by the level's index
};

struct ColumnName {
  Column column;
  std::string_view name;                  // in messages, when the column is missing
  std::vector<std::string_view> aliases;  // folded
};

const std::vector<ColumnName>& Columns() {
  static const std::vector<ColumnName> kColumns = {
      {Column::kUnit, "enhet", {"enhet", "unit", "enhet id", "unit id", "enhetsid"}},
      {Column::kName, "navn", {"navn", "name", "enhetsnavn", "unit name"}},
      {Column::kKostra,
       "kostra",
       {"kostra", "kostra funksjon", "kostrafunksjon", "funksjon", "kostra function", "function"}},
      {Column::kYear, "år", {"år", "aar", "year"}},
      {Column::kBudget, "budsjett", {"budsjett", "budget"}},
      {Column::kAccounts, "regnskap", {"regnskap", "accounts"}},
      {Column::kFte, "årsverk", {"årsverk", "arsverk", "aarsverk", "fte"}},
      {Column::kPositions, "stillinger", {"stillinger", "positions"}},
      {Column::kSickLeave,
       "sykefravær",
       {"sykefravær", "sykefravaer", "sick leave", "sick leave percent"}},
      {Column::kTurnover, "turnover", {"turnover", "gjennomtrekk", "turnover percent"}},
      {Column::kUsers, "brukere", {"brukere", "users"}},
      {Column::kExample, "eksempel", {"eksempel", "example"}},
  };
  return kColumns;
}

// Lower case (also Æ Ø Å and the other Latin-1 capitals), "_" and "-" as spaces, "%" and
// brackets dropped, blanks collapsed and trimmed: "Sykefravær (%)" → "sykefravær".
std::string FoldHeader(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' || c == '(' || c == ')') continue;
    if (c == ' ' || c == '\t' || c == '_' || c == '-' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    const auto u = static_cast<unsigned char>(c);
    if (u == 0xC3 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;  // À … Þ, not ×
      out += c;
      out += static_cast<char>(next);
      ++i;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// A cell's number, or nullopt for an empty cell. `percent` allows a trailing "%".
Result<std::optional<double>> Number(const std::string& cell, bool percent = false) {
  std::string t = Trim(cell);
  if (t.empty()) return std::optional<double>();
  if (percent && t.ends_with('%')) t = Trim(t.substr(0, t.size() - 1));
  Result<double> v = ParseDecimalNumber(t, "");
  if (!v.ok()) return InvalidArgument("'" + Trim(cell) + "' is not a number");
  return std::optional<double>(*v);
}

Result<std::optional<double>> Decimal(const std::string& cell) { return Number(cell); }
Result<std::optional<double>> Percent(const std::string& cell) { return Number(cell, true); }

// A count: a whole number, negative ones left for ValidateBaseline to name.
Result<std::optional<int>> Count(const std::string& cell) {
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<double> v, Number(cell));
  if (!v) return std::optional<int>();
  if (*v != std::floor(*v)) return InvalidArgument("'" + Trim(cell) + "' is not a whole number");
  if (std::abs(*v) > kMaxBaselineCount) {
    return InvalidArgument("at most " + std::to_string(kMaxBaselineCount));
  }
  return std::optional<int>(static_cast<int>(*v));
}

Result<std::optional<int64_t>> Kroner(const std::string& cell) {
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<double> v, Number(cell));
  if (!v) return std::optional<int64_t>();
  if (std::abs(*v) > static_cast<double>(kMaxBaselineAmount)) {
    return InvalidArgument("at most 10^15 kroner");
  }
  return std::optional<int64_t>(std::llround(*v));
}

Result<bool> YesNo(const std::string& cell) {
  const std::string f = FoldHeader(cell);
  if (f.empty() || f == "nei" || f == "no" || f == "false" || f == "0") return false;
  if (f == "ja" || f == "yes" || f == "true" || f == "1" || f == "x") return true;
  return InvalidArgument("'" + Trim(cell) + "' is not ja or nei");
}

// Where each column is: the header index of a known column, and of each need level.
struct Layout {
  std::map<Column, size_t> where;
  std::vector<std::optional<size_t>> levels;
  std::vector<size_t> unnamed;  // columns without a header (spreadsheets export trailing ones)
};

Layout ReadHeader(const std::vector<std::string>& header, const NeedGrouping& grouping,
                  std::vector<ImportRowError>& errors) {
  Layout layout;
  layout.levels.resize(grouping.levels.size());
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string folded = FoldHeader(header[i]);
    if (folded.empty()) {
      layout.unnamed.push_back(i);
      continue;
    }
    std::optional<Column> found;
    for (const ColumnName& c : Columns()) {
      for (std::string_view alias : c.aliases) {
        if (folded == FoldHeader(alias)) found = c.column;
      }
    }
    if (found) {
      if (!layout.where.emplace(*found, i).second) {
        errors.push_back({1, header[i], "the column appears twice"});
      }
      continue;
    }
    bool level = false;
    for (size_t k = 0; k < grouping.levels.size(); ++k) {
      if (folded != FoldHeader(grouping.levels[k])) continue;
      level = true;
      if (layout.levels[k]) {
        errors.push_back({1, header[i], "the column appears twice"});
      } else {
        layout.levels[k] = i;
      }
    }
    if (!level) errors.push_back({1, header[i], "unknown column"});
  }
  for (Column required : {Column::kUnit, Column::kName, Column::kYear}) {
    if (layout.where.contains(required)) continue;
    for (const ColumnName& c : Columns()) {
      if (c.column == required) {
        errors.push_back({1, std::string(c.name), "the required column is missing"});
      }
    }
  }
  return layout;
}

// A unit being gathered from its rows, with the row each year came from.
struct PendingUnit {
  BaselineUnit unit;
  int first_row = 0;
  std::vector<int> rows;  // beside unit.years
};

Result<BaselineImport> ImportTable(const CsvTable& table, const NeedGrouping& grouping,
                                   const BaselineImportOptions& options) {
  BaselineImport out;
  const Layout layout = ReadHeader(table.header, grouping, out.errors);
  if (!out.errors.empty()) return out;
  const bool any_level = std::any_of(layout.levels.begin(), layout.levels.end(),
                                     [](auto& l) { return l.has_value(); });

  std::vector<PendingUnit> units;
  std::map<std::string, size_t> unit_index;
  for (const CsvRow& row : table.rows) {
    if (out.errors.size() >= options.max_errors) break;
    const size_t errors_before = out.errors.size();
    auto cell = [&](Column c) -> std::string {
      auto it = layout.where.find(c);
      return it == layout.where.end() ? std::string() : row.fields[it->second];
    };
    auto header = [&](Column c) -> std::string {
      auto it = layout.where.find(c);
      return it == layout.where.end() ? std::string() : table.header[it->second];
    };
    auto fail = [&](Column c, std::string message) {
      out.errors.push_back({row.line, header(c), std::move(message)});
    };
    // Reads a cell with `parse` into `target`, or records its error.
    auto read = [&](Column c, auto parse, auto& target) {
      auto v = parse(cell(c));
      if (v.ok()) {
        target = *v;
      } else {
        fail(c, v.status().message());
      }
    };

    for (size_t i : layout.unnamed) {
      if (!Trim(row.fields[i]).empty()) {
        out.errors.push_back(
            {row.line, "", "a value in column " + std::to_string(i + 1) + ", which has no header"});
      }
    }
    const std::string id = Trim(cell(Column::kUnit));
    const std::string name = Trim(cell(Column::kName));
    if (id.empty()) fail(Column::kUnit, "the row needs a unit id");
    if (name.empty()) fail(Column::kName, "the unit needs a name");
    int kostra = 254;
    if (!Trim(cell(Column::kKostra)).empty()) {
      std::optional<int> f;
      read(Column::kKostra, Count, f);
      if (f) kostra = *f;
    }
    UnitYear y;
    std::optional<int> year;
    if (Trim(cell(Column::kYear)).empty()) {
      fail(Column::kYear, "the row needs a year");
    } else {
      read(Column::kYear, Count, year);
    }
    if (year && (*year < 1900 || *year > 2200)) {
      fail(Column::kYear, "the year " + std::to_string(*year) + " is not from 1900 to 2200");
    }
    if (year) y.year = *year;
    read(Column::kBudget, Kroner, y.budget);
    read(Column::kAccounts, Kroner, y.accounts);
    read(Column::kFte, Decimal, y.fte);
    read(Column::kPositions, Count, y.positions);
    read(Column::kSickLeave, Percent, y.sick_leave_percent);
    read(Column::kTurnover, Percent, y.turnover_percent);
    read(Column::kUsers, Count, y.users);
    read(Column::kExample, YesNo, y.example);
    // Need levels: every level's count or none, since one left empty would be unknown and the
    // counts could not be held against the users.
    bool some_level = false, all_levels = any_level;
    std::vector<int> counts(grouping.levels.size(), 0);
    for (size_t k = 0; k < grouping.levels.size(); ++k) {
      if (!layout.levels[k]) {
        all_levels = false;
        continue;
      }
      const std::string& text = row.fields[*layout.levels[k]];
      Result<std::optional<int>> n = Count(text);
      if (!n.ok()) {
        out.errors.push_back({row.line, table.header[*layout.levels[k]], n.status().message()});
      } else if (*n) {
        some_level = true;
        counts[k] = **n;
      } else {
        all_levels = false;
      }
    }
    if (some_level && !all_levels) {
      out.errors.push_back({row.line, "",
                            "give the users of every need level (" +
                                std::to_string(grouping.levels.size()) + " columns) or of none"});
    }
    if (some_level && all_levels) y.users_by_need_level = counts;
    if (out.errors.size() != errors_before) continue;

    // The row's figures by the baseline's own rules, reported against its columns.
    Baseline one{.grouping = grouping, .units = {{id, name, kostra, {y}}}};
    if (Status s = ValidateBaseline(one); !s.ok()) {
      const std::string& field = s.field();
      auto ends = [&](std::string_view suffix) { return field.ends_with(suffix); };
      std::string column;
      if (field.starts_with("grouping")) {
        return InvalidArgument("the need grouping: " + s.message(), s.field());
      } else if (const size_t at = field.find("users_by_need_level["); at != std::string::npos) {
        const size_t k = std::stoul(field.substr(at + 20));
        if (k < layout.levels.size() && layout.levels[k]) column = table.header[*layout.levels[k]];
      } else if (ends("users_by_need_level")) {
        column = header(Column::kUsers);
      } else {
        for (auto [suffix, c] :
             {std::pair{".kostra_function", Column::kKostra}, std::pair{".budget", Column::kBudget},
              std::pair{".accounts", Column::kAccounts}, std::pair{".fte", Column::kFte},
              std::pair{".positions", Column::kPositions},
              std::pair{".sick_leave_percent", Column::kSickLeave},
              std::pair{".turnover_percent", Column::kTurnover},
              std::pair{".users", Column::kUsers}, std::pair{".id", Column::kUnit},
              std::pair{".name", Column::kName}}) {
          if (ends(suffix)) column = header(c);
        }
      }
      out.errors.push_back({row.line, column, s.message()});
      continue;
    }

    auto [it, added] = unit_index.emplace(id, units.size());
    if (added) {
      units.push_back({.unit = {id, name, kostra, {}}, .first_row = row.line});
    }
    PendingUnit& u = units[it->second];
    if (u.unit.name != name) {
      fail(Column::kName, "the unit '" + id + "' is named '" + u.unit.name + "' on row " +
                              std::to_string(u.first_row));
    } else if (u.unit.kostra_function != kostra) {
      fail(Column::kKostra, "the unit '" + id + "' has KOSTRA function " +
                                std::to_string(u.unit.kostra_function) + " on row " +
                                std::to_string(u.first_row));
    } else {
      for (size_t j = 0; j < u.unit.years.size(); ++j) {
        if (u.unit.years[j].year == y.year) {
          fail(Column::kYear, "the unit '" + id + "' has the year " + std::to_string(y.year) +
                                  " on row " + std::to_string(u.rows[j]) + " too");
        }
      }
    }
    if (out.errors.size() != errors_before) continue;
    u.unit.years.push_back(std::move(y));
    u.rows.push_back(row.line);
  }

  Baseline all{.grouping = grouping};
  for (PendingUnit& u : units) {
    std::vector<size_t> order(u.unit.years.size());
    for (size_t j = 0; j < order.size(); ++j) order[j] = j;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return u.unit.years[a].year < u.unit.years[b].year; });
    BaselineUnit sorted{u.unit.id, u.unit.name, u.unit.kostra_function, {}};
    for (size_t j : order) sorted.years.push_back(std::move(u.unit.years[j]));
    all.units.push_back(std::move(sorted));
  }
  if (out.errors.empty()) {
    // What no single row shows: the limits on units and years.
    if (Status s = ValidateBaseline(all); !s.ok()) {
      out.errors.push_back({0, "", s.message() + " (" + s.field() + ")"});
    }
  }
  if (out.errors.empty()) out.units = std::move(all.units);
  return out;
}

}  // namespace

std::string ImportRowError::ToString() const {
  std::string out = row > 0 ? "row " + std::to_string(row) : "the file";
  if (!column.empty()) out += ", column \"" + column + "\"";
  return out + ": " + message;
}

Result<BaselineImport> ImportBaselineCsv(std::string_view text, const NeedGrouping& grouping,
                                         const BaselineImportOptions& options) {
  SAMSPILL_ASSIGN_OR_RETURN(
      CsvTable table,
      ParseCsv(text, {.max_bytes = options.max_bytes,
                      .max_rows = static_cast<size_t>(kMaxUnits) * kMaxBaselineYears,
                      .max_fields = 200}));
  return ImportTable(table, grouping, options);
}

Result<BaselineImport> ImportBaselineXlsx(std::string_view bytes, const NeedGrouping& grouping,
                                          const BaselineImportOptions& options) {
  const size_t max_rows = static_cast<size_t>(kMaxUnits) * kMaxBaselineYears;
  SAMSPILL_ASSIGN_OR_RETURN(XlsxSheet sheet, ReadXlsxSheet(bytes, "",
                                                           {.max_file_bytes = options.max_bytes,
                                                            .max_rows = max_rows + 1,
                                                            .max_columns = 200}));
  // The first non-empty row is the header, as in a CSV file; rows keep the sheet's numbers.
  CsvTable table;
  size_t r = 0;
  while (r < sheet.rows.size() && sheet.rows[r].empty()) ++r;
  if (r == sheet.rows.size()) return InvalidArgument("the worksheet is empty");
  table.header = sheet.rows[r];
  for (++r; r < sheet.rows.size(); ++r) {
    std::vector<std::string>& cells = sheet.rows[r];
    const int line = static_cast<int>(r + 1);
    if (std::all_of(cells.begin(), cells.end(),
                    [](const std::string& c) { return Trim(c).empty(); })) {
      continue;
    }
    for (size_t c = table.header.size(); c < cells.size(); ++c) {
      if (!Trim(cells[c]).empty()) {
        return InvalidArgument("row " + std::to_string(line) + ", column " + std::to_string(c + 1) +
                                   ": a value right of the last column " + "with a header",
                               "row " + std::to_string(line) + ", column " + std::to_string(c + 1));
      }
    }
    cells.resize(table.header.size());
    table.rows.push_back({line, std::move(cells)});
  }
  return ImportTable(table, grouping, options);
}

}  // namespace samspill::decision
