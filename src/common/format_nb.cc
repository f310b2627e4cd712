#include "common/format_nb.h"

#include <algorithm>
#include <cstdio>

namespace samspill {

std::string GroupDigits(int64_t value, std::string_view separator) {
  // Through unsigned arithmetic, so that INT64_MIN has a magnitude too.
  const uint64_t magnitude =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const std::string digits = std::to_string(magnitude);
  std::string out = value < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string FormatMoneyNb(const Money& money, std::string_view space) {
  const bool negative = money.minor < 0;
  const uint64_t minor = negative ? uint64_t{0} - static_cast<uint64_t>(money.minor)
                                  : static_cast<uint64_t>(money.minor);
  std::string out = money.currency == "NOK" ? "kr" : money.currency;
  out += space;
  if (negative) out += "−";  // U+2212, the minus sign of typeset text
  out += GroupDigits(static_cast<int64_t>(minor / 100), space);
  if (const uint64_t ore = minor % 100; ore != 0) {
    out += (ore < 10 ? ",0" : ",") + std::to_string(ore);
  }
  return out;
}

std::string FormatDecimalNb(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace samspill
