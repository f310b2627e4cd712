// ScoreMatrix: the numbers a ranking is computed from — one row per bid, one column per
// criterion — after price scoring and optional normalisation.
//
// Every model is linear in its criterion coefficients:
//   total_i = offset_i + Σ_k coefficient_k · value_ik
// Score-based models (linear, proportional): value = the 0–10 score (the price column holds
// the computed price score), coefficient = normalised weight, offset = 0, higher total wins.
// Quality pricing: the price column holds the offered price in major units with coefficient 1,
// quality columns hold scores with coefficient −value_per_point (major units), and a table
// without a price criterion puts the price in the offset; the total is the evaluated price
// and the lowest wins. Sensitivity analyses vary the coefficients of this one structure.
// A plain value; thread-safe as a value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "evaluation/bid_table.h"
#include "evaluation/normalisation.h"

namespace samspill::evaluation {

struct ScoreMatrix {
  size_t bid_count = 0;
  size_t criterion_count = 0;
  PriceModel price_model = PriceModel::kProportional;
  std::optional<size_t> price_criterion;
  bool lower_is_better = false;       // quality pricing: the lowest evaluated price wins
  std::vector<double> values;         // bid-major: values[bid * criterion_count + criterion]
  std::vector<double> raw_scores;     // like values, before normalisation
  std::vector<double> coefficients;   // one per criterion
  std::vector<double> offsets;        // one per bid
  std::vector<int64_t> prices_minor;  // one per bid
  int64_t lowest_price_minor = 0;

  double value(size_t bid, size_t criterion) const {
    return values[bid * criterion_count + criterion];
  }
  double raw_score(size_t bid, size_t criterion) const {
    return raw_scores[bid * criterion_count + criterion];
  }
  // coefficient·value: what the criterion adds to the bid's total.
  double Contribution(size_t bid, size_t criterion) const {
    return coefficients[criterion] * value(bid, criterion);
  }
  double Total(size_t bid) const;

  // +1 when a higher total wins, −1 when a lower total wins: merit = sign·total.
  double MeritSign() const { return lower_is_better ? -1.0 : 1.0; }

  // Merits (higher is better) of every bid under `coefficients` (one per criterion) written
  // into `merits` (one per bid). Allocation-free.
  void FillMerits(std::span<const double> coefficients, std::span<double> merits) const;
  std::vector<double> Merits() const;
};

// Preconditions: ValidateBidTable(table).ok().
ScoreMatrix BuildScoreMatrix(const BidTable& table, Normalisation normalisation);

// The matrix of a subset of the bids (row r is bid bids[r]), as if the others had never been
// submitted: the lowest price and the normalisation are those of the subset.
ScoreMatrix BuildScoreMatrix(const BidTable& table, Normalisation normalisation,
                             std::span<const size_t> bids);

}  // namespace samspill::evaluation
