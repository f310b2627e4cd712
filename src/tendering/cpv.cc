#include "tendering/cpv.h"

#include <map>
#include <vector>

namespace samspill::tendering {

std::string_view Cpv2008Csv();  // cpv_data.cc, generated from data/cpv_2008_en_nb.csv

namespace {

// The fields of one CSV line: commas separate, a quoted field may hold commas and "" for a
// quote. The file is ours and fixed, so no error handling beyond not reading past the end.
std::vector<std::string> SplitCsvLine(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// 8 digits → entry. Columns: code, code_with_check_digit, level, significant_digits, division,
// parent_code, name_en, name_nb, nb_needs_verification.
const std::map<std::string, CpvEntry, std::less<>>& List() {
  static const auto* list = [] {
    auto* out = new std::map<std::string, CpvEntry, std::less<>>();
    std::string_view text = Cpv2008Csv();
    bool header = true;
    while (!text.empty()) {
      const size_t end = text.find('\n');
      const std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (header || line.empty()) {
        header = false;
        continue;
      }
      std::vector<std::string> f = SplitCsvLine(line);
      if (f.size() < 8) continue;
      (*out)[f[0]] = CpvEntry{f[1], f[6], f[7]};
    }
    return out;
  }();
  return *list;
}

bool EightDigits(std::string_view code) {
  if (code.size() < 8) return false;
  for (size_t i = 0; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<CpvEntry> FindCpv(std::string_view code) {
  if (!EightDigits(code)) return std::nullopt;
  const auto& list = List();
  auto it = list.find(code.substr(0, 8));
  if (it == list.end()) return std::nullopt;
  return it->second;
}

Status CheckCpvCode(std::string_view code) {
  const bool shape = EightDigits(code) &&
                     (code.size() == 8 ||
                      (code.size() == 10 && code[8] == '-' && code[9] >= '0' && code[9] <= '9'));
  if (!shape) {
    return InvalidArgument("a CPV code is 8 digits and a check digit, like 85311000-2", "cpv_code");
  }
  std::optional<CpvEntry> entry = FindCpv(code);
  if (!entry) {
    return InvalidArgument(
        "the CPV code " + std::string(code.substr(0, 8)) + " is not in the CPV 2008 list",
        "cpv_code");
  }
  if (code.size() == 10 && entry->code != code) {
    return InvalidArgument("the check digit of CPV code " + std::string(code.substr(0, 8)) +
                               " is " + entry->code.substr(9) + ", not " +
                               std::string(code.substr(9)) + " (" + entry->code + ")",
                           "cpv_code");
  }
  return Status::Ok();
}

size_t CpvCodeCount() { return List().size(); }

}  // namespace samspill::tendering
