#include "portfolio/project_csv.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "common/parse_number.h"
#include "common/text.h"
#include "portfolio/text_normalise.h"

namespace samspill::portfolio {
namespace {

enum class Column {
  kId,
  kName,
  kShortName,
  kDescription,
  kArea,
  kKind,
  kStatus,
  kPartners,
  kContacts,
  kFunding,
  kStart,
  kEnd,
  kAppliedOn,
  kRegisteredBy,
  kFacilitated,
  kValueMunicipality,
  kValueUniversity,
};

struct ColumnName {
  Column column;
  std::string_view export_name;
  std::vector<std::string_view> aliases;  // folded
};

const std::vector<ColumnName>& Columns() {
  static const std::vector<ColumnName> kColumns = {
      {Column::kId, "id", {"id"}},
      {Column::kName, "navn", {"navn", "name", "prosjektnavn", "prosjekt"}},
      {Column::kShortName, "kortnavn", {"kortnavn", "short name", "short_name", "forkortelse"}},
      {Column::kDescription, "beskrivelse", {"beskrivelse", "description"}},
      {Column::kArea, "innsatsområde", {"innsatsområde", "område", "area", "samarbeidsområde"}},
      {Column::kKind, "type", {"type", "kind", "art"}},
      {Column::kStatus, "status", {"status"}},
      {Column::kPartners, "partnere", {"partnere", "partners", "partner"}},
      {Column::kContacts, "kontaktpersoner", {"kontaktpersoner", "kontaktperson", "contacts"}},
      {Column::kFunding, "finansiering", {"finansiering", "funding"}},
      {Column::kStart, "start", {"start", "oppstart", "startdato"}},
      {Column::kEnd, "slutt", {"slutt", "end", "sluttdato"}},
      {Column::kAppliedOn, "søknad sendt", {"søknad sendt", "applied on", "applied_on"}},
      {Column::kRegisteredBy, "registrert av", {"registrert av", "registered by", "registered_by"}},
      {Column::kFacilitated,
       "tilrettelagt av partnerskapet",
       {"tilrettelagt av partnerskapet", "tilrettelagt", "facilitated",
        "facilitated by partnership"}},
      {Column::kValueMunicipality,
       "merverdi for kommunen",
       {"merverdi for kommunen", "value for municipality", "value_for_municipality"}},
      {Column::kValueUniversity,
       "merverdi for ntnu",
       {"merverdi for ntnu", "merverdi for universitetet", "value for university",
        "value_for_university"}},
  };
  return kColumns;
}

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// "a | b\nc" → {"a", "b", "c"}
std::vector<std::string> SplitList(std::string_view cell) {
  std::vector<std::string> items;
  std::string current;
  for (char c : cell) {
    if (c == '|' || c == '\n') {
      if (!Trim(current).empty()) items.push_back(Trim(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!Trim(current).empty()) items.push_back(Trim(current));
  return items;
}

Result<std::optional<Date>> ParseDateCell(const std::string& cell, bool end_of_year) {
  const std::string t = Trim(cell);
  if (t.empty()) return std::optional<Date>();
  if (t.size() == 4 &&
      std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t year, ParseWholeNumber(t, "year", 0, 9999));
    return std::optional<Date>(end_of_year ? Date{static_cast<int>(year), 12, 31}
                                           : Date{static_cast<int>(year), 1, 1});
  }
  Result<Date> d = ParseIsoDate(t);
  if (!d.ok()) return InvalidArgument("'" + t + "' is not a date (YYYY-MM-DD or a year)");
  return std::optional<Date>(*d);
}

Result<bool> ParseYesNo(const std::string& cell) {
  const std::string f = FoldNorwegian(cell);
  if (f.empty() || f == "nei" || f == "no" || f == "false" || f == "0") return false;
  if (f == "ja" || f == "yes" || f == "true" || f == "1" || f == "x") return true;
  return InvalidArgument("'" + cell + "' is not ja or nei");
}

// "Navn (rolle, organisasjon, e-post)" or just "Navn".
Contact ParseContact(const std::string& item) {
  Contact c;
  const size_t open = item.find('(');
  const size_t close = item.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) {
    c.name = Trim(item);
    return c;
  }
  c.name = Trim(item.substr(0, open));
  std::vector<std::string> parts;
  std::string inside = item.substr(open + 1, close - open - 1), current;
  for (char ch : inside) {
    if (ch == ',') {
      parts.push_back(Trim(current));
      current.clear();
    } else {
      current += ch;
    }
  }
  parts.push_back(Trim(current));
  if (parts.size() > 0) c.role = parts[0];
  if (parts.size() > 1) c.organisation = parts[1];
  if (parts.size() > 2) c.email = parts[2];
  return c;
}

std::string ContactText(const Contact& c) {
  std::string details;
  for (const std::string* part : {&c.role, &c.organisation, &c.email}) {
    if (!details.empty() || !part->empty()) details += (details.empty() ? "" : ", ") + *part;
  }
  return details.empty() ? c.name : c.name + " (" + details + ")";
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

}  // namespace

std::string RowError::ToString() const {
  std::string out = "row " + std::to_string(row);
  if (!column.empty()) out += ", column \"" + column + "\"";
  return out + ": " + message;
}

ProjectImport ParseProjectsCsv(std::string_view text, const ProjectCsvOptions& options) {
  ProjectImport out;
  Result<CsvTable> parsed = ParseCsv(text);
  if (!parsed.ok()) {
    // The parser names "row N, column M" in its message.
    out.errors.push_back({0, "", parsed.status().message()});
    return out;
  }
  const CsvTable& table = *parsed;
  std::map<Column, size_t> where;
  for (size_t i = 0; i < table.header.size(); ++i) {
    const std::string folded = FoldNorwegian(table.header[i]);
    bool found = false;
    for (const ColumnName& c : Columns()) {
      for (std::string_view alias : c.aliases) {
        if (folded == FoldNorwegian(alias)) {
          if (where.contains(c.column)) {
            out.errors.push_back({1, table.header[i], "the column appears twice"});
          }
          where[c.column] = i;
          found = true;
        }
      }
    }
    if (!found) out.errors.push_back({1, table.header[i], "unknown column"});
  }
  for (Column required : {Column::kName, Column::kArea, Column::kKind}) {
    if (!where.contains(required)) {
      for (const ColumnName& c : Columns()) {
        if (c.column == required) {
          out.errors.push_back({1, std::string(c.export_name), "the required column is missing"});
        }
      }
    }
  }
  if (!out.errors.empty()) return out;

  for (const CsvRow& row : table.rows) {
    if (out.errors.size() >= options.max_errors) break;
    const size_t errors_before = out.errors.size();
    auto cell = [&](Column c) -> std::string {
      auto it = where.find(c);
      return it == where.end() ? std::string() : row.fields[it->second];
    };
    auto header = [&](Column c) { return table.header[where.at(c)]; };
    auto fail = [&](Column c, std::string message) {
      out.errors.push_back({row.line, where.contains(c) ? header(c) : "", std::move(message)});
    };
    Project p;
    p.name = Trim(cell(Column::kName));
    if (p.name.empty()) fail(Column::kName, "the project needs a name");
    p.short_name = Trim(cell(Column::kShortName));
    p.description = Trim(cell(Column::kDescription));
    if (auto area = options.areas.Canonical(cell(Column::kArea))) {
      p.area = *area;
    } else {
      fail(Column::kArea, "unknown area '" + cell(Column::kArea) + "'");
    }
    if (auto kind = ProjectKindFromText(cell(Column::kKind))) {
      p.kind = *kind;
    } else {
      fail(Column::kKind, "unknown kind '" + cell(Column::kKind) +
                              "' (forskning, utdanning, nyskaping og innovasjon, formidling)");
    }
    const std::string status = Trim(cell(Column::kStatus));
    if (status.empty()) {
      p.status = ProjectStatus::kActive;
    } else if (auto s = ProjectStatusFromText(status); s && *s != ProjectStatus::kMerged) {
      p.status = *s;
    } else {
      fail(Column::kStatus, "unknown status '" + status + "'");
    }
    for (const std::string& item : SplitList(cell(Column::kPartners))) {
      const size_t comma = item.find(',');
      p.partners.push_back(comma == std::string::npos ? Partner{item, ""}
                                                      : Partner{Trim(item.substr(0, comma)),
                                                                Trim(item.substr(comma + 1))});
    }
    for (const std::string& item : SplitList(cell(Column::kContacts))) {
      Contact c = ParseContact(item);
      if (c.name.empty()) {
        fail(Column::kContacts, "a contact person without a name: '" + item + "'");
      } else {
        p.contacts.push_back(std::move(c));
      }
    }
    for (const std::string& item : SplitList(cell(Column::kFunding))) {
      Funding f;
      const size_t colon = item.rfind(':');
      f.source = Trim(colon == std::string::npos ? item : item.substr(0, colon));
      if (colon != std::string::npos) {
        std::string amount = Trim(item.substr(colon + 1));
        for (std::string_view prefix : {"kr ", "NOK "}) {
          if (amount.starts_with(prefix)) amount = Trim(amount.substr(prefix.size()));
        }
        Result<int64_t> minor = ParseMoneyMinor(amount);
        if (!minor.ok()) {
          fail(Column::kFunding, "'" + amount + "' is not an amount: " + minor.status().message());
        } else {
          f.amount.minor = *minor;
        }
      }
      if (f.source.empty()) fail(Column::kFunding, "a funding entry without a source");
      p.funding.push_back(std::move(f));
    }
    for (auto [column, target, end] :
         {std::tuple{Column::kStart, &p.start, false}, std::tuple{Column::kEnd, &p.end, true},
          std::tuple{Column::kAppliedOn, &p.applied_on, false}}) {
      Result<std::optional<Date>> d = ParseDateCell(cell(column), end);
      if (d.ok()) {
        *target = *d;
      } else {
        fail(column, d.status().message());
      }
    }
    p.registered_by = Trim(cell(Column::kRegisteredBy));
    Result<bool> facilitated = ParseYesNo(cell(Column::kFacilitated));
    if (facilitated.ok()) {
      p.facilitated_by_partnership = *facilitated;
    } else {
      fail(Column::kFacilitated, facilitated.status().message());
    }
    p.value_for_municipality = Trim(cell(Column::kValueMunicipality));
    p.value_for_university = Trim(cell(Column::kValueUniversity));
    if (out.errors.size() == errors_before && !p.area.empty()) {
      Status valid = ValidateProject(p, options.areas);
      if (!valid.ok()) out.errors.push_back({row.line, valid.field(), valid.message()});
    }
    if (out.errors.size() == errors_before) {
      out.projects.push_back(std::move(p));
      out.rows.push_back(row.line);
    }
  }
  if (!out.errors.empty()) {
    out.projects.clear();
    out.rows.clear();
  }
  return out;
}

std::string ProjectsToCsv(const std::vector<Project>& projects) {
  std::vector<std::string> header;
  for (const ColumnName& c : Columns()) header.emplace_back(c.export_name);
  std::string out = "\xEF\xBB\xBF" + CsvLine(header);
  for (const Project& p : projects) {
    std::string partners, contacts, funding;
    for (const Partner& x : p.partners) partners += (partners.empty() ? "" : " | ") + x.Display();
    for (const Contact& c : p.contacts)
      contacts += (contacts.empty() ? "" : " | ") + ContactText(c);
    for (const Funding& f : p.funding) {
      funding += (funding.empty() ? "" : " | ") + f.source;
      if (f.amount.minor != 0) funding += ": " + FormatMoneyPlain(f.amount);
    }
    out += CsvLine({std::to_string(p.id), p.name, p.short_name, p.description, p.area,
                    std::string(ProjectKindLabelNb(p.kind)),
                    std::string(ProjectStatusLabelNb(p.status)), partners, contacts, funding,
                    DateText(p.start), DateText(p.end), DateText(p.applied_on), p.registered_by,
                    p.facilitated_by_partnership ? "ja" : "nei", p.value_for_municipality,
                    p.value_for_university});
  }
  return out;
}

}  // namespace samspill::portfolio
