#include "evaluation/ranking.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace samspill::evaluation {

std::string_view TieBreakName(TieBreak tie_break) {
  switch (tie_break) {
    case TieBreak::kShared:
      return "shared";
    case TieBreak::kLowestPrice:
      return "lowest_price";
  }
  return "unknown";
}

std::optional<TieBreak> TieBreakFromName(std::string_view name) {
  for (TieBreak t : {TieBreak::kShared, TieBreak::kLowestPrice}) {
    if (TieBreakName(t) == name) return t;
  }
  return std::nullopt;
}

bool MeritsTie(double a, double b, double relative_tolerance) {
  double scale = std::max({1.0, std::fabs(a), std::fabs(b)});
  return std::fabs(a - b) <= relative_tolerance * scale;
}

Ranker::Ranker(TieBreak tie_break, std::span<const int64_t> prices_minor, double relative_tolerance)
    : tie_break_(tie_break),
      prices_minor_(prices_minor.begin(), prices_minor.end()),
      tolerance_(relative_tolerance),
      order_(prices_minor.size()),
      keys_(prices_minor.size()) {
  std::iota(order_.begin(), order_.end(), size_t{0});
}

void Ranker::SetStartOrder(std::span<const size_t> order) {
  assert(order.size() == order_.size());
  std::copy(order.begin(), order.end(), order_.begin());
}

size_t Ranker::Rank(std::span<const double> merits, std::span<int> ranks) {
  const size_t n = order_.size();
  assert(merits.size() == n && ranks.size() == n);
  // Insertion sort from the previous order on contiguous (merit, index) keys: draws perturb
  // weights a little, so the order is nearly sorted already. The key (merit descending, then
  // index) is a strict total order, so the result does not depend on the start order.
  for (size_t i = 0; i < n; ++i) keys_[i] = {merits[order_[i]], order_[i]};
  for (size_t i = 1; i < n; ++i) {
    const Key item = keys_[i];
    size_t j = i;
    while (j > 0 && (item.merit > keys_[j - 1].merit ||
                     (item.merit == keys_[j - 1].merit && item.bid < keys_[j - 1].bid))) {
      keys_[j] = keys_[j - 1];
      --j;
    }
    keys_[j] = item;
  }
  for (size_t i = 0; i < n; ++i) order_[i] = keys_[i].bid;

  size_t first_rank_count = 0;
  size_t pos = 0;
  while (pos < n) {
    // A tie group: every bid whose merit ties the group's best.
    const double anchor = merits[order_[pos]];
    size_t end = pos + 1;
    while (end < n && MeritsTie(anchor, merits[order_[end]], tolerance_)) ++end;
    if (tie_break_ == TieBreak::kLowestPrice && end - pos > 1) {
      auto cheaper = [this](size_t a, size_t b) {
        if (prices_minor_[a] != prices_minor_[b]) return prices_minor_[a] < prices_minor_[b];
        return a < b;
      };
      for (size_t i = pos + 1; i < end; ++i) {
        size_t item = order_[i];
        size_t j = i;
        while (j > pos && cheaper(item, order_[j - 1])) {
          order_[j] = order_[j - 1];
          --j;
        }
        order_[j] = item;
      }
      for (size_t i = pos; i < end; ++i) {
        bool same_as_previous = i > pos && prices_minor_[order_[i]] == prices_minor_[order_[i - 1]];
        ranks[order_[i]] = same_as_previous ? ranks[order_[i - 1]] : static_cast<int>(i + 1);
      }
    } else {
      for (size_t i = pos; i < end; ++i) ranks[order_[i]] = static_cast<int>(pos + 1);
    }
    pos = end;
  }
  for (size_t i = 0; i < n && ranks[order_[i]] == 1; ++i) ++first_rank_count;
  return first_rank_count;
}

std::optional<size_t> UniqueWinner(std::span<const int> ranks) {
  std::optional<size_t> winner;
  for (size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i] != 1) continue;
    if (winner) return std::nullopt;
    winner = i;
  }
  return winner;
}

}  // namespace samspill::evaluation
