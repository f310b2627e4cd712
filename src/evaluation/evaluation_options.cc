#include "evaluation/evaluation_options.h"

#include <cmath>
#include <string>

namespace samspill::evaluation {

Status ValidateEvaluationOptions(const EvaluationOptions& options) {
  const RankAcceptabilityOptions& ra = options.sensitivity.rank_acceptability;
  if (ra.draws < 0) return InvalidArgument("draws must not be negative", "sensitivity.draws");
  if (ra.draws > options.limits.max_draws) {
    return InvalidArgument("draws must be at most " + std::to_string(options.limits.max_draws),
                           "sensitivity.draws");
  }
  if (!std::isfinite(ra.perturbation_points) || ra.perturbation_points < 0.0 ||
      ra.perturbation_points > 100.0) {
    return InvalidArgument("perturbation_points must be a number from 0 to 100",
                           "sensitivity.perturbation_points");
  }
  if (!std::isfinite(ra.min_weight_points) || ra.min_weight_points <= 0.0 ||
      ra.min_weight_points > 100.0) {
    return InvalidArgument("min_weight_points must be a number above 0 and at most 100",
                           "sensitivity.min_weight_points");
  }
  if (!std::isfinite(options.tie_tolerance) || options.tie_tolerance < 0.0 ||
      options.tie_tolerance > 1e-3) {
    return InvalidArgument("tie tolerance must be from 0 to 1e-3", "tie_tolerance");
  }
  const AbnormallyLowOptions& low = options.abnormally_low;
  if (low.below_mean_percent < 0 || low.below_mean_percent > 100 || low.below_next_percent < 0 ||
      low.below_next_percent > 100 || low.min_bids < 2) {
    return InvalidArgument("abnormally-low thresholds must be percentages and min_bids >= 2",
                           "abnormally_low");
  }
  const SeparationOptions& sep = options.separation;
  if (!(sep.none_below >= 0.0 && sep.none_below <= sep.little_below && sep.little_below <= 1.0)) {
    return InvalidArgument("separation thresholds must satisfy 0 <= none <= little <= 1",
                           "separation");
  }
  return Status::Ok();
}

}  // namespace samspill::evaluation
