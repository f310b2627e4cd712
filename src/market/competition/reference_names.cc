#include "market/competition/reference_names.h"

#include <fstream>
#include <vector>

namespace samspill::market {
namespace {

// One CSV record with RFC 4180 quoting (the reference lists have quoted commas).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back().push_back(c);
    }
  }
  return out;
}

template <typename Fn>
void ForEachRow(const std::string& path, Fn&& fn) {
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return;  // header
  while (std::getline(in, line)) fn(SplitCsv(line));
}

}  // namespace

ReferenceNames ReferenceNames::Load(const std::string& dir) {
  ReferenceNames names;
  // code,code_with_check_digit,level,significant_digits,division,parent_code,name_en,name_nb,…
  ForEachRow(dir + "/cpv-2008/cpv_2008_en_nb.csv", [&](const std::vector<std::string>& row) {
    if (row.size() < 8) return;
    names.cpv_[row[0]] = row[7].empty() ? row[6] : row[7];
  });
  // nuts_version,code,level,country,parent_code,name,name_en,source
  ForEachRow(dir + "/nuts/nuts_nordic.csv", [&](const std::vector<std::string>& row) {
    if (row.size() >= 6) names.nuts_[row[1]] = row[5];
  });
  // kommunenummer,kommunenavn,kommunenavn_ssb_2026,fylkesnummer,fylkesnavn,organisasjonsnummer
  ForEachRow(dir + "/no-municipalities/municipalities_2024.csv",
             [&](const std::vector<std::string>& row) {
               if (row.size() >= 6 && !row[5].empty()) names.municipalities_[row[5]] = row[1];
             });
  return names;
}

std::string ReferenceNames::Cpv(const std::string& code) const {
  std::string padded = code.substr(0, 8);
  padded.resize(8, '0');
  auto it = cpv_.find(padded);
  return it == cpv_.end() ? "" : it->second;
}

std::string ReferenceNames::Nuts(const std::string& code) const {
  auto it = nuts_.find(code);
  return it == nuts_.end() ? "" : it->second;
}

std::string ReferenceNames::Municipality(const std::string& org_number) const {
  auto it = municipalities_.find(org_number);
  return it == municipalities_.end() ? "" : it->second;
}

}  // namespace samspill::market
