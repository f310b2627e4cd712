// Abnormally low bid check (unormalt lavt tilbud) for the winning bid, after the Prozorro
// rule (DOMAIN.md §2): with at least two bids, a winning bid whose price is at least 40 %
// below the mean price of the other bids, or at least 30 % below the lowest price among the
// other bids, is flagged. A flag is not a rejection: the contracting authority must ask the
// supplier to explain the price (FOA § 24-9) before deciding.
//
// The thresholds are settings with these defaults. Comparisons are exact integer arithmetic
// on øre, so a bid exactly at a threshold is flagged. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace samspill::evaluation {

struct AbnormallyLowOptions {
  int below_mean_percent = 40;  // flag when ≥ this far below the mean of the other bids
  int below_next_percent = 30;  // flag when ≥ this far below the next-lowest other bid
  size_t min_bids = 2;          // with fewer bids there is nothing to compare against
};

struct AbnormallyLowCheck {
  size_t bid = 0;  // index of the checked bid
  // (reference − price) / reference · 100; negative when the bid is the more expensive.
  double below_mean_of_others_percent = 0.0;
  double below_next_lowest_percent = 0.0;
  int64_t mean_of_others_minor = 0;  // rounded to whole øre, for display
  int64_t next_lowest_minor = 0;
  bool below_mean_threshold = false;
  bool below_next_threshold = false;
  bool flagged = false;
  std::vector<std::string> reasons;  // one sentence per threshold crossed
  std::string message;               // what the evaluator must do, when flagged
};

// Checks bid `bid` against the others. Preconditions: prices.size() >= 2, all prices > 0,
// bid < prices.size().
AbnormallyLowCheck CheckAbnormallyLow(std::span<const int64_t> prices_minor, size_t bid,
                                      const AbnormallyLowOptions& options = {});

}  // namespace samspill::evaluation
