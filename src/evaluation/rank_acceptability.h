// Rank acceptability: how often each bid gets each rank when the announced weights are
// perturbed at random — a Monte Carlo picture of how robust the ranking is (in the spirit of
// SMAA, stochastic multicriteria acceptability analysis).
//
// Score-based models: each draw adds U(−p, +p) percentage points to every weight (in
// percent), floors each at `min_weight_points`, and renormalises. Quality pricing: each
// draw multiplies every value per point by U(1 − p/100, 1 + p/100), floored at 0; the price
// counts at face value. Ties within a draw follow the announced tie rule.
//
// Reproducible across platforms: std::mt19937_64 seeded with `seed`, each raw 64-bit output x
// turned into u = (x >> 11)·2^-53 in [0, 1) (never std::uniform_real_distribution, whose
// algorithm is implementation-defined), one u per varied criterion per draw in criterion
// order. The computation is single-threaded and allocation-free per draw.
// Pure function of its arguments; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "evaluation/ranking.h"
#include "evaluation/score_matrix.h"

namespace samspill::evaluation {

struct RankAcceptabilityOptions {
  int64_t draws = 10'000;  // 0 disables the Monte Carlo analysis
  uint64_t seed = 1;
  double perturbation_points = 10.0;  // p: ± percentage points (or ± percent of value)
  double min_weight_points = 0.1;     // perturbed weights never fall below this (in percent)
};

struct RankAcceptability {
  int64_t draws = 0;
  // rank_probabilities[bid][r] = share of draws in which the bid had rank r + 1. Each row
  // sums to 1 when draws > 0.
  std::vector<std::vector<double>> rank_probabilities;
  std::vector<double> first_rank;     // rank_probabilities[bid][0]
  std::vector<double> expected_rank;  // mean rank over the draws
  // Share of draws in which the current unique winner was the sole bid at rank 1.
  std::optional<double> winner_stays_winner;
};

// [0, 1) from one raw generator output, with 53 bits of precision.
inline double UnitIntervalFromBits(uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

RankAcceptability AnalyseRankAcceptability(const ScoreMatrix& matrix,
                                           const RankAcceptabilityOptions& options,
                                           TieBreak tie_break, double tie_tolerance,
                                           std::optional<size_t> winner);

}  // namespace samspill::evaluation
