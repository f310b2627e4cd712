// Withdrawal analysis: what the ranking would be if one bid were withdrawn (or rejected).
//
// Relative price models make one bid's presence change the others' scores (DOMAIN.md §3: a
// losing low-price bid C can turn A's win into B's win). For each bid X the table is
// re-evaluated without X — price scores recomputed from the new lowest price, normalisation
// recomputed — and the outcome lists the new ranking, the new winner, and every pair of
// remaining bids whose relative order flipped (rank reversals).
// Pure function of its arguments; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "evaluation/bid_table.h"
#include "evaluation/normalisation.h"
#include "evaluation/ranking.h"

namespace samspill::evaluation {

struct RankReversal {
  size_t was_ahead = 0;  // ranked strictly better before the withdrawal (original index)
  size_t now_ahead = 0;  // ranked strictly better after it
};

struct WithdrawalOutcome {
  size_t withdrawn = 0;  // original index of the withdrawn bid
  // Remaining bids in their new order (rank, then id), as original indices, with the new
  // rank and total of each.
  std::vector<size_t> order;
  std::vector<int> ranks;
  std::vector<double> totals;
  std::optional<size_t> winner;         // original index; none when no bid remains or a tie
  std::vector<size_t> tied_for_first;   // set when several bids share rank 1
  bool winner_changed = false;          // the set of first-ranked bids differs from today's
  size_t reversal_count = 0;            // all flipped pairs
  std::vector<RankReversal> reversals;  // at most `max_listed_reversals` of them
};

struct WithdrawalOptions {
  Normalisation normalisation = Normalisation::kNone;
  TieBreak tie_break = TieBreak::kShared;
  double tie_tolerance = kDefaultTieTolerance;
  size_t max_listed_reversals = 100;
};

// `ranks` are today's ranks of the table's bids. Preconditions: a valid table.
std::vector<WithdrawalOutcome> AnalyseWithdrawals(const BidTable& table, std::span<const int> ranks,
                                                  const WithdrawalOptions& options);

// Bid indices sorted by rank, then id: the stable order of every ranking in a report.
std::vector<size_t> OrderByRankThenId(const BidTable& table, std::span<const size_t> bids,
                                      std::span<const int> ranks_of_bids);

}  // namespace samspill::evaluation
