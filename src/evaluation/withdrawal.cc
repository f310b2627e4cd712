#include "evaluation/withdrawal.h"

#include <algorithm>
#include <numeric>

#include "evaluation/score_matrix.h"

namespace samspill::evaluation {

std::vector<size_t> OrderByRankThenId(const BidTable& table, std::span<const size_t> bids,
                                      std::span<const int> ranks_of_bids) {
  std::vector<size_t> positions(bids.size());
  std::iota(positions.begin(), positions.end(), size_t{0});
  std::sort(positions.begin(), positions.end(), [&](size_t a, size_t b) {
    if (ranks_of_bids[a] != ranks_of_bids[b]) return ranks_of_bids[a] < ranks_of_bids[b];
    return table.bids[bids[a]].id < table.bids[bids[b]].id;
  });
  std::vector<size_t> out(bids.size());
  for (size_t p = 0; p < positions.size(); ++p) out[p] = bids[positions[p]];
  return out;
}

std::vector<WithdrawalOutcome> AnalyseWithdrawals(const BidTable& table, std::span<const int> ranks,
                                                  const WithdrawalOptions& options) {
  const size_t n = table.bids.size();
  std::vector<size_t> first_today;
  for (size_t i = 0; i < n; ++i) {
    if (ranks[i] == 1) first_today.push_back(i);
  }

  std::vector<WithdrawalOutcome> out;
  out.reserve(n);
  for (size_t x = 0; x < n; ++x) {
    WithdrawalOutcome outcome;
    outcome.withdrawn = x;
    std::vector<size_t> remaining;  // original indices, in table order
    for (size_t i = 0; i < n; ++i) {
      if (i != x) remaining.push_back(i);
    }
    std::vector<int> new_ranks(remaining.size());
    std::vector<double> totals(remaining.size());
    if (!remaining.empty()) {
      ScoreMatrix matrix = BuildScoreMatrix(table, options.normalisation, remaining);
      Ranker ranker(options.tie_break, matrix.prices_minor, options.tie_tolerance);
      ranker.Rank(matrix.Merits(), new_ranks);
      for (size_t r = 0; r < remaining.size(); ++r) totals[r] = matrix.Total(r);
    }

    std::vector<size_t> first_now;
    for (size_t r = 0; r < remaining.size(); ++r) {
      if (new_ranks[r] == 1) first_now.push_back(remaining[r]);
    }
    if (first_now.size() == 1) {
      outcome.winner = first_now[0];
    } else if (first_now.size() > 1) {
      outcome.tied_for_first = first_now;
    }
    outcome.winner_changed = first_now != first_today;

    // Pairs (a, b) with a strictly ahead of b before and strictly behind after, visited in
    // today's order so the listed ones (when capped) are those nearest the top.
    std::vector<size_t> by_today(remaining.size());
    std::iota(by_today.begin(), by_today.end(), size_t{0});
    std::sort(by_today.begin(), by_today.end(), [&](size_t a, size_t b) {
      if (ranks[remaining[a]] != ranks[remaining[b]]) {
        return ranks[remaining[a]] < ranks[remaining[b]];
      }
      return table.bids[remaining[a]].id < table.bids[remaining[b]].id;
    });
    for (size_t ra : by_today) {
      for (size_t rb : by_today) {
        const size_t a = remaining[ra];
        const size_t b = remaining[rb];
        if (ranks[a] < ranks[b] && new_ranks[ra] > new_ranks[rb]) {
          ++outcome.reversal_count;
          if (outcome.reversals.size() < options.max_listed_reversals) {
            outcome.reversals.push_back({a, b});
          }
        }
      }
    }

    // New order, and ranks/totals parallel to it.
    std::vector<size_t> positions(remaining.size());
    std::iota(positions.begin(), positions.end(), size_t{0});
    std::sort(positions.begin(), positions.end(), [&](size_t a, size_t b) {
      if (new_ranks[a] != new_ranks[b]) return new_ranks[a] < new_ranks[b];
      return table.bids[remaining[a]].id < table.bids[remaining[b]].id;
    });
    for (size_t p : positions) {
      outcome.order.push_back(remaining[p]);
      outcome.ranks.push_back(new_ranks[p]);
      outcome.totals.push_back(totals[p]);
    }
    out.push_back(std::move(outcome));
  }
  return out;
}

}  // namespace samspill::evaluation
