#include "common/parse_number.h"

#include <charconv>
#include <cmath>
#include <string>

namespace samspill {

Result<int64_t> ParseWholeNumber(std::string_view text, std::string_view field, int64_t min,
                                 int64_t max) {
  const std::string name(field);
  int64_t value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return InvalidArgument(name + " must be a whole number", name);
  }
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && (value < min || value > max))) {
    return InvalidArgument(
        name + " must be between " + std::to_string(min) + " and " + std::to_string(max), name);
  }
  if (ec != std::errc() || ptr != end)
    return InvalidArgument(name + " must be a whole number", name);
  return value;
}

Result<double> ParseDecimalNumber(std::string_view text, std::string_view field) {
  const std::string name(field);
  auto refuse = [&] { return InvalidArgument(name + " must be a number", name); };
  if (text.size() > 64) return refuse();
  // Blanks (a space, a tab, U+00A0 no-break and U+202F narrow no-break spaces) are dropped at
  // either end and, inside, only between two digits ("1 234"), so "1 ,5" is not read as 1.5.
  auto blank_at = [&](size_t at) -> size_t {
    if (text[at] == ' ' || text[at] == '\t') return 1;
    if (text.substr(at).starts_with("\xC2\xA0")) return 2;
    if (text.substr(at).starts_with("\xE2\x80\xAF")) return 3;
    return 0;
  };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string plain;
  size_t i = 0;
  while (i < text.size()) {
    if (blank_at(i) == 0) {
      const char c = text[i++];
      plain += c == ',' ? '.' : c;
      continue;
    }
    while (i < text.size() && blank_at(i) != 0) i += blank_at(i);
    const bool inside = !plain.empty() && i < text.size();
    if (inside && !(is_digit(plain.back()) && is_digit(text[i]))) return refuse();
  }
  // [-]digits[.digits][e[+-]digits]
  size_t p = 0;
  auto digits = [&] {
    const size_t start = p;
    while (p < plain.size() && is_digit(plain[p])) ++p;
    return p > start;
  };
  if (p < plain.size() && plain[p] == '-') ++p;
  if (!digits()) return refuse();
  if (p < plain.size() && plain[p] == '.') {
    ++p;
    if (!digits()) return refuse();
  }
  if (p < plain.size() && (plain[p] == 'e' || plain[p] == 'E')) {
    ++p;
    if (p < plain.size() && (plain[p] == '+' || plain[p] == '-')) ++p;
    if (!digits()) return refuse();
  }
  if (p != plain.size()) return refuse();
  double value = 0;
  const auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || ptr != plain.data() + plain.size() || !std::isfinite(value)) {
    return refuse();
  }
  return value;
}

}  // namespace samspill
