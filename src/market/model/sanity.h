// Sanity limits for values read from outside data, shared by every reader so that OCDS and
// eForms reject the same things. A value that fails is reported (kind "absurd_value") and
// treated as unknown; the rest of its process is kept. Thread-safe (pure functions).
#pragma once

#include <optional>
#include <string>

#include "common/money.h"
#include "market/model/data_issue.h"

namespace samspill::market {

struct SanityLimits {
  int max_bidders = 10'000;       // more bids than this on one lot is a data error
  double max_value_major = 1e13;  // 10 trillion in any currency: above any real contract
};

// An amount in major units with its currency, or nullopt (and an issue) when it is negative,
// not finite or above the limit. Amounts are rounded to whole minor units. A currency that is
// not three letters is kept upper-cased and reported.
std::optional<Money> CheckedMoney(double amount, std::string currency, const Location& where,
                                  const std::string& path, IssueLog* issues,
                                  const SanityLimits& limits = {});

// A bidder count, or nullopt (and an issue) when it is negative, not a whole number or above
// the limit.
std::optional<int> CheckedBidderCount(double count, const Location& where, const std::string& path,
                                      IssueLog* issues, const SanityLimits& limits = {});

// True when `end` is earlier than `start` (ISO 8601 text, compared on the date part).
bool EndsBeforeStart(const std::string& start, const std::string& end);

}  // namespace samspill::market
