#include "market/model/sanity.h"

#include <cctype>
#include <cmath>

namespace samspill::market {

std::optional<Money> CheckedMoney(double amount, std::string currency, const Location& where,
                                  const std::string& path, IssueLog* issues,
                                  const SanityLimits& limits) {
  if (!std::isfinite(amount) || amount < 0 || amount > limits.max_value_major) {
    char text[64];
    std::snprintf(text, sizeof text, "%g", amount);
    issues->Add({"absurd_value", where.file, where.line, where.offset, path,
                 std::string("amount ") + text + " is negative or implausibly large; ignored"});
    return std::nullopt;
  }
  for (char& c : currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!currency.empty() && !IsCurrencyCode(currency)) {
    issues->Add({"bad_code", where.file, where.line, where.offset, path + ".currency",
                 "currency '" + currency + "' is not an ISO 4217 code"});
  }
  return Money{static_cast<int64_t>(std::llround(amount * 100.0)), std::move(currency)};
}

std::optional<int> CheckedBidderCount(double count, const Location& where, const std::string& path,
                                      IssueLog* issues, const SanityLimits& limits) {
  if (!std::isfinite(count) || count < 0 || count > limits.max_bidders ||
      count != std::floor(count)) {
    char text[64];
    std::snprintf(text, sizeof text, "%g", count);
    issues->Add({"absurd_value", where.file, where.line, where.offset, path,
                 std::string("bidder count ") + text +
                     " is negative, fractional or implausibly large; ignored"});
    return std::nullopt;
  }
  return static_cast<int>(count);
}

bool EndsBeforeStart(const std::string& start, const std::string& end) {
  if (start.size() < 10 || end.size() < 10) return false;
  return end.compare(0, 10, start, 0, 10) < 0;
}

}  // namespace samspill::market
