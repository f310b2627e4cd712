#include "evaluation/rank_acceptability.h"

#include <algorithm>
#include <random>

namespace samspill::evaluation {

RankAcceptability AnalyseRankAcceptability(const ScoreMatrix& matrix,
                                           const RankAcceptabilityOptions& options,
                                           TieBreak tie_break, double tie_tolerance,
                                           std::optional<size_t> winner) {
  const size_t n = matrix.bid_count;
  const size_t m = matrix.criterion_count;
  RankAcceptability out;
  out.draws = options.draws;
  if (options.draws <= 0 || n == 0) return out;

  std::mt19937_64 rng(options.seed);
  const double p = options.perturbation_points;
  std::vector<double> base(m), coefficients(m), merits(n);
  std::vector<int> ranks(n);
  std::vector<int64_t> counts(n * n, 0);
  int64_t winner_kept = 0;
  for (size_t k = 0; k < m; ++k) {
    base[k] = matrix.lower_is_better ? matrix.coefficients[k] : 100.0 * matrix.coefficients[k];
  }
  Ranker ranker(tie_break, matrix.prices_minor, tie_tolerance);
  // Start the insertion sort from the unperturbed order so the first draw is cheap too.
  ranker.Rank(matrix.Merits(), ranks);
  const std::vector<size_t> base_order(ranker.order().begin(), ranker.order().end());

  for (int64_t draw = 0; draw < options.draws; ++draw) {
    if (matrix.lower_is_better) {
      for (size_t k = 0; k < m; ++k) {
        if (matrix.price_criterion == k) {
          coefficients[k] = base[k];
          continue;
        }
        const double u = UnitIntervalFromBits(rng());
        const double factor = std::max(0.0, 1.0 + (p / 100.0) * (2.0 * u - 1.0));
        coefficients[k] = base[k] * factor;
      }
    } else {
      double sum = 0.0;
      for (size_t k = 0; k < m; ++k) {
        const double u = UnitIntervalFromBits(rng());
        const double w = std::max(options.min_weight_points, base[k] + p * (2.0 * u - 1.0));
        coefficients[k] = w;
        sum += w;
      }
      for (size_t k = 0; k < m; ++k) coefficients[k] /= sum;
    }
    matrix.FillMerits(coefficients, merits);
    ranker.SetStartOrder(base_order);
    const size_t first = ranker.Rank(merits, ranks);
    for (size_t i = 0; i < n; ++i) ++counts[i * n + static_cast<size_t>(ranks[i] - 1)];
    if (winner && first == 1 && ranks[*winner] == 1) ++winner_kept;
  }

  const double draws = static_cast<double>(options.draws);
  out.rank_probabilities.assign(n, std::vector<double>(n, 0.0));
  out.first_rank.assign(n, 0.0);
  out.expected_rank.assign(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double rank_sum = 0.0;
    for (size_t r = 0; r < n; ++r) {
      const int64_t c = counts[i * n + r];
      out.rank_probabilities[i][r] = static_cast<double>(c) / draws;
      rank_sum += static_cast<double>(c) * static_cast<double>(r + 1);
    }
    out.first_rank[i] = out.rank_probabilities[i][0];
    out.expected_rank[i] = rank_sum / draws;
  }
  if (winner) out.winner_stays_winner = static_cast<double>(winner_kept) / draws;
  return out;
}

}  // namespace samspill::evaluation
