#include "evaluation/abnormally_low.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <limits>

namespace samspill::evaluation {
namespace {

std::string FormatPercent(double percent) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", percent);
  return buffer;
}

}  // namespace

AbnormallyLowCheck CheckAbnormallyLow(std::span<const int64_t> prices_minor, size_t bid,
                                      const AbnormallyLowOptions& options) {
  assert(prices_minor.size() >= 2 && bid < prices_minor.size());
  AbnormallyLowCheck check;
  check.bid = bid;
  const __int128 price = prices_minor[bid];
  __int128 others_sum = 0;
  int64_t next_lowest = std::numeric_limits<int64_t>::max();
  for (size_t i = 0; i < prices_minor.size(); ++i) {
    if (i == bid) continue;
    others_sum += prices_minor[i];
    next_lowest = std::min(next_lowest, prices_minor[i]);
  }
  const __int128 others = static_cast<__int128>(prices_minor.size() - 1);
  check.next_lowest_minor = next_lowest;
  check.mean_of_others_minor =
      static_cast<int64_t>((others_sum + others / 2) / others);  // prices > 0: rounds half up

  const double mean = static_cast<double>(others_sum) / static_cast<double>(others);
  check.below_mean_of_others_percent = (mean - static_cast<double>(price)) / mean * 100.0;
  check.below_next_lowest_percent = static_cast<double>(next_lowest - prices_minor[bid]) /
                                    static_cast<double>(next_lowest) * 100.0;

  // price ≤ (1 − p/100)·mean  ⇔  100·(n−1)·price ≤ (100 − p)·Σ others, exact in 128 bits.
  check.below_mean_threshold =
      100 * others * price <= static_cast<__int128>(100 - options.below_mean_percent) * others_sum;
  check.below_next_threshold =
      100 * price <= static_cast<__int128>(100 - options.below_next_percent) * next_lowest;
  check.flagged = check.below_mean_threshold || check.below_next_threshold;

  if (check.below_mean_threshold) {
    check.reasons.push_back("price is " + FormatPercent(check.below_mean_of_others_percent) +
                            " % below the mean of the other bids (threshold " +
                            std::to_string(options.below_mean_percent) + " %)");
  }
  if (check.below_next_threshold) {
    check.reasons.push_back("price is " + FormatPercent(check.below_next_lowest_percent) +
                            " % below the next-lowest bid (threshold " +
                            std::to_string(options.below_next_percent) + " %)");
  }
  if (check.flagged) {
    check.message =
        "The bid may be abnormally low. Before award, ask the supplier in writing to explain "
        "the price (FOA § 24-9), assess the explanation, and record it in the protocol.";
  }
  return check;
}

}  // namespace samspill::evaluation
