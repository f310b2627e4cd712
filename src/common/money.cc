#include "common/money.h"

#include <cmath>
#include <cstdlib>

namespace samspill {

Result<int64_t> ParseMoneyMinor(std::string_view text, bool allow_negative) {
  size_t i = 0;
  bool negative = false;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  if (negative && !allow_negative) return InvalidArgument("amount must not be negative");
  int64_t whole = 0;
  int digits = 0;
  int decimals = -1;  // -1: no decimal separator seen yet
  int64_t fraction = 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\xa0') continue;  // thousands separators (also NBSP byte)
    if (c == '.' || c == ',') {
      if (decimals >= 0) return InvalidArgument("amount has more than one decimal separator");
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return InvalidArgument("amount contains '" + std::string(1, c) + "'");
    if (decimals >= 0) {
      if (++decimals > 2) return InvalidArgument("amount has more than two decimals");
      fraction = fraction * 10 + (c - '0');
    } else {
      if (whole > kMaxMoneyMinor / 1000) return InvalidArgument("amount is too large");
      whole = whole * 10 + (c - '0');
    }
    ++digits;
  }
  if (digits == 0) return InvalidArgument("amount is empty");
  if (decimals == 1) fraction *= 10;
  int64_t minor = whole * 100 + fraction;
  if (minor > kMaxMoneyMinor) return InvalidArgument("amount is too large");
  return negative ? -minor : minor;
}

Result<int64_t> MoneyMinorFromDouble(double major, bool allow_negative) {
  if (!std::isfinite(major)) return InvalidArgument("amount is not a finite number");
  if (major < 0 && !allow_negative) return InvalidArgument("amount must not be negative");
  double scaled = major * 100.0;
  if (std::fabs(scaled) > static_cast<double>(kMaxMoneyMinor)) {
    return InvalidArgument("amount is too large");
  }
  double rounded = std::round(scaled);
  // Binary doubles cannot hold 0.1 exactly; accept what is within rounding noise of
  // a whole number of øre, reject genuine third decimals (e.g. 10.005).
  if (std::fabs(scaled - rounded) > 1e-6 * std::max(1.0, std::fabs(scaled)) &&
      std::fabs(scaled - rounded) > 1e-4) {
    return InvalidArgument("amount has more than two decimals");
  }
  return static_cast<int64_t>(rounded);
}

bool IsCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

std::string FormatMoneyPlain(const Money& money) {
  int64_t minor = money.minor;
  std::string sign = minor < 0 ? "-" : "";
  uint64_t abs = minor < 0 ? static_cast<uint64_t>(-(minor + 1)) + 1 : static_cast<uint64_t>(minor);
  std::string out = sign + std::to_string(abs / 100);
  if (abs % 100 != 0) {
    unsigned cents = static_cast<unsigned>(abs % 100);
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

}  // namespace samspill
