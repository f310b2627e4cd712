// Ranking: competition ranks (1, 1, 3) of bids by merit, with the announced tie rule.
//
// Merit is "higher is better" whatever the model (the weighted total, or minus the evaluated
// price under quality pricing). Two merits within a small relative tolerance,
// |a − b| <= tolerance·max(1, |a|, |b|), count as equal, so floating-point noise never
// decides an award. Equal merits share a rank (TieBreak::kShared) or are ordered by the lower
// offered price (TieBreak::kLowestPrice; equal prices still share).
//
// Ranker keeps scratch space between calls so Monte Carlo draws rank without allocating; it
// is not thread-safe — use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace samspill::evaluation {

// Values are stable: never renumber.
enum class TieBreak {
  kShared = 1,       // equal totals share a rank (default)
  kLowestPrice = 2,  // equal totals ordered by lower offered price
};

// API names: "shared", "lowest_price".
std::string_view TieBreakName(TieBreak tie_break);
std::optional<TieBreak> TieBreakFromName(std::string_view name);

inline constexpr double kDefaultTieTolerance = 1e-9;

// True when a and b count as equal merits.
bool MeritsTie(double a, double b, double relative_tolerance = kDefaultTieTolerance);

class Ranker {
 public:
  // prices_minor: offered price of each bid (used by kLowestPrice only).
  Ranker(TieBreak tie_break, std::span<const int64_t> prices_minor,
         double relative_tolerance = kDefaultTieTolerance);

  // Writes the competition rank (1 = best) of each bid into `ranks` and returns how many
  // bids share rank 1. merits.size() and ranks.size() must equal the number of prices.
  // Allocation-free; fastest when successive calls have similar orders (draws).
  size_t Rank(std::span<const double> merits, std::span<int> ranks);

  // Starts the next Rank() from `order` (a permutation of the bids) instead of the last
  // result. Monte Carlo draws start each from the unperturbed order, which is nearer to every
  // draw's order than the previous draw's is.
  void SetStartOrder(std::span<const size_t> order);

  // The bids best first after the last Rank(): by merit, then (kLowestPrice, within a tie)
  // by price, then by index.
  std::span<const size_t> order() const { return order_; }

 private:
  TieBreak tie_break_;
  std::vector<int64_t> prices_minor_;
  double tolerance_;
  std::vector<size_t> order_;
  struct Key {
    double merit;
    size_t bid;
  };
  std::vector<Key> keys_;  // sorting scratch
};

// The single bid at rank 1, if exactly one bid has it.
std::optional<size_t> UniqueWinner(std::span<const int> ranks);

}  // namespace samspill::evaluation
