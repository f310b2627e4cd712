// Weight stability: for each criterion, the exact interval of its weight within which the
// current winner stays the winner — what a committee needs to see before it trusts an award.
//
// Score-based models: criterion k's weight is set to t and the other weights are rescaled
// proportionally, w_j·(1 − t)/(1 − w_k). Every total is then linear in t, so the set of
// t ∈ [0, 1] where T_W(t) ≥ T_i(t) for all bids i is an interval, computed exactly from the
// crossing points (no sampling). At a bound the challenger ties with the winner.
// Quality pricing: the same over one quality criterion's value per point v ∈ [0, ∞), in
// major currency units; the upper bound may be unbounded. The price criterion counts at face
// value there and has no interval.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "evaluation/score_matrix.h"

namespace samspill::evaluation {

// Values are stable: never renumber.
enum class StabilityStatus {
  kOk = 1,
  kSingleCriterion = 2,  // one criterion always has weight 1: nothing to vary
  kNoUniqueWinner = 3,   // bids share rank 1: there is no winner to keep
  kNotApplicable = 4,    // quality pricing's price criterion
};

// API names: "ok", "single_criterion", "no_unique_winner", "not_applicable".
std::string_view StabilityStatusName(StabilityStatus status);

struct WeightStability {
  size_t criterion = 0;
  StabilityStatus status = StabilityStatus::kOk;
  // Normalised weight (score models) or value per point in major units (quality pricing).
  double current = 0.0;
  std::optional<double> min;  // set when status is kOk
  std::optional<double> max;  // set when status is kOk and bounded
  // The bid that takes over just below min / just above max; none at the domain's edge.
  std::optional<size_t> challenger_below;
  std::optional<size_t> challenger_above;
};

// Linear merits m_i(t) = alpha_i + beta_i·t. Returns the interval of t within [lo, hi]
// (hi may be +infinity) where bid `winner` has the highest merit (ties allowed), widened if
// need be to contain `current` (float noise at a tie), with the challengers at each bound.
struct WinnerInterval {
  double min = 0.0;
  double max = 0.0;
  std::optional<size_t> challenger_below;
  std::optional<size_t> challenger_above;
};
WinnerInterval SolveWinnerInterval(const std::vector<double>& alpha,
                                   const std::vector<double>& beta, size_t winner, double lo,
                                   double hi, double current);

// One entry per criterion. `winner` is the current unique winner, if any.
std::vector<WeightStability> AnalyseWeightStability(const ScoreMatrix& matrix,
                                                    std::optional<size_t> winner);

}  // namespace samspill::evaluation
