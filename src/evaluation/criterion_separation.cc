#include "evaluation/criterion_separation.h"

#include <algorithm>
#include <cmath>

namespace samspill::evaluation {

std::string_view SeparationBandName(SeparationBand band) {
  switch (band) {
    case SeparationBand::kNone:
      return "none";
    case SeparationBand::kLittle:
      return "little";
    case SeparationBand::kMuch:
      return "much";
  }
  return "unknown";
}

std::vector<CriterionSeparation> AnalyseCriterionSeparation(const ScoreMatrix& matrix,
                                                            const SeparationContext& context,
                                                            const SeparationOptions& options) {
  const size_t n = matrix.bid_count;
  const size_t m = matrix.criterion_count;
  std::vector<CriterionSeparation> out(m);
  if (n == 0) return out;

  double scale = 10.0;
  if (matrix.lower_is_better) {
    double sum = 0.0;
    for (int64_t p : matrix.prices_minor) sum += static_cast<double>(p) / 100.0;
    scale = sum / static_cast<double>(n);
  }

  double range_sum = 0.0;
  for (size_t k = 0; k < m; ++k) {
    CriterionSeparation& s = out[k];
    s.criterion = k;
    double lo = matrix.Contribution(0, k);
    double hi = lo;
    double mean = 0.0;
    for (size_t i = 0; i < n; ++i) {
      const double c = matrix.Contribution(i, k);
      lo = std::min(lo, c);
      hi = std::max(hi, c);
      mean += c;
    }
    mean /= static_cast<double>(n);
    double variance = 0.0;
    for (size_t i = 0; i < n; ++i) {
      const double d = matrix.Contribution(i, k) - mean;
      variance += d * d;
    }
    s.range = hi - lo;
    s.std_dev = std::sqrt(variance / static_cast<double>(n));
    s.relative_range = scale > 0.0 ? s.range / scale : 0.0;
    s.band = s.relative_range < options.none_below     ? SeparationBand::kNone
             : s.relative_range < options.little_below ? SeparationBand::kLittle
                                                       : SeparationBand::kMuch;
    range_sum += s.range;
    if (context.winner && context.runner_up) {
      s.margin_contribution = matrix.MeritSign() * (matrix.Contribution(*context.winner, k) -
                                                    matrix.Contribution(*context.runner_up, k));
    }
  }

  std::vector<double> coefficients(m), merits(n);
  std::vector<int> ranks(n);
  Ranker ranker(context.tie_break, matrix.prices_minor, context.tie_tolerance);
  for (size_t k = 0; k < m; ++k) {
    CriterionSeparation& s = out[k];
    s.share_of_ranges = range_sum > 0.0 ? s.range / range_sum : 0.0;
    // Removing a criterion and rescaling the others by a common positive factor leaves the
    // order unchanged, so setting its coefficient to 0 is enough.
    coefficients = matrix.coefficients;
    coefficients[k] = 0.0;
    matrix.FillMerits(coefficients, merits);
    ranker.Rank(merits, ranks);
    for (size_t i = 0; i < n; ++i) {
      if (ranks[i] == 1) s.first_without.push_back(i);
    }
    s.decisive = s.first_without != context.first_ranked;
  }
  return out;
}

}  // namespace samspill::evaluation
