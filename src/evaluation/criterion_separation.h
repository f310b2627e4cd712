// Criterion separation: how much each criterion actually separated the bids, as opposed to
// how much it weighed. A criterion on which every bid scores about the same decides nothing
// whatever its weight (seed 004: Trondheim's cleaning tender weighed social criteria 30 %, but
// every bidder scored high, so they decided nothing).
//
// Measured on the weighted contributions c_ik = coefficient_k·value_ik (points of the total,
// or money under quality pricing): range (max − min) and population standard deviation over
// the bids, the share of the sum of all criteria's ranges, the contribution to the winner's
// margin over the runner-up, and the winner if the criterion were removed (weight 0, the
// others rescaled; under quality pricing its value per point, or the price, set to 0).
//
// Bands, on range / scale where scale is the top of the total's scale (10 points) or, under
// quality pricing, the mean offered price: "none" below `none_below` (default 1 %), "little"
// below `little_below` (default 5 %), otherwise "much". So a 30 % criterion whose scores run
// from 9 to 10 spreads 0.3 points = 3 % of the scale: "little".
// Pure function of its arguments; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "evaluation/ranking.h"
#include "evaluation/score_matrix.h"

namespace samspill::evaluation {

struct SeparationOptions {
  double none_below = 0.01;    // range below 1 % of the scale: separated nothing
  double little_below = 0.05;  // range below 5 % of the scale: separated little
};

// Values are stable: never renumber.
enum class SeparationBand { kNone = 1, kLittle = 2, kMuch = 3 };

// API names: "none", "little", "much".
std::string_view SeparationBandName(SeparationBand band);

struct CriterionSeparation {
  size_t criterion = 0;
  double range = 0.0;            // max − min of the contributions
  double std_dev = 0.0;          // population standard deviation of the contributions
  double share_of_ranges = 0.0;  // range / Σ ranges over criteria (0 when all are 0)
  double relative_range = 0.0;   // range / scale
  SeparationBand band = SeparationBand::kNone;
  // Part of the winner's margin over the runner-up due to this criterion (the parts sum to
  // the margin, in merit units). Unset without a unique winner and a runner-up.
  std::optional<double> margin_contribution;
  // First-ranked bids with the criterion removed: one (a winner) or several (a tie).
  std::vector<size_t> first_without;
  bool decisive = false;  // the first-ranked bids change without this criterion
};

struct SeparationContext {
  TieBreak tie_break = TieBreak::kShared;
  double tie_tolerance = kDefaultTieTolerance;
  std::vector<size_t> first_ranked;  // today's bids at rank 1
  std::optional<size_t> winner;      // today's unique winner
  std::optional<size_t> runner_up;   // best bid after the winner
};

std::vector<CriterionSeparation> AnalyseCriterionSeparation(const ScoreMatrix& matrix,
                                                            const SeparationContext& context,
                                                            const SeparationOptions& options);

}  // namespace samspill::evaluation
