#include "evaluation/weight_stability.h"

#include <gtest/gtest.h>

#include <random>

#include "evaluation/ranking.h"
#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

std::optional<size_t> WinnerOf(const ScoreMatrix& m) {
  Ranker ranker(TieBreak::kShared, m.prices_minor);
  std::vector<int> ranks(m.bid_count);
  ranker.Rank(m.Merits(), ranks);
  return UniqueWinner(ranks);
}

TEST(WeightStability, HandComputedIntervalsForTheThreeBidExample) {
  // B wins. Price weight t: T_A = 6 − t, T_B = 8 − (54/13)t, T_C = 10t. B ≥ C for
  // t ≤ 13/23 and B ≥ A for t ≤ 26/41, so price ∈ [0, 13/23] with C taking over above.
  ScoreMatrix m = BuildScoreMatrix(testing::RankReversalThreeBids(), Normalisation::kNone);
  std::vector<WeightStability> s = AnalyseWeightStability(m, WinnerOf(m));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].status, StabilityStatus::kOk);
  EXPECT_DOUBLE_EQ(s[0].current, 0.5);
  EXPECT_NEAR(*s[0].min, 0.0, 1e-12);
  EXPECT_NEAR(*s[0].max, 13.0 / 23.0, 1e-12);
  EXPECT_FALSE(s[0].challenger_below.has_value());
  EXPECT_EQ(s[0].challenger_above, 2u);
  // Quality weight is 1 − price weight: [10/23, 1], C takes over below.
  EXPECT_NEAR(*s[1].min, 10.0 / 23.0, 1e-12);
  EXPECT_NEAR(*s[1].max, 1.0, 1e-12);
  EXPECT_EQ(s[1].challenger_below, 2u);
  EXPECT_FALSE(s[1].challenger_above.has_value());
}

TEST(WeightStability, HandComputedIntervalForTheTwoBidExample) {
  // A wins: T_A = 6 + 4t, T_B = 8 − (4/13)t; A ≥ B for t ≥ 13/28.
  ScoreMatrix m = BuildScoreMatrix(testing::RankReversalTwoBids(), Normalisation::kNone);
  std::vector<WeightStability> s = AnalyseWeightStability(m, WinnerOf(m));
  EXPECT_NEAR(*s[0].min, 13.0 / 28.0, 1e-12);
  EXPECT_NEAR(*s[0].max, 1.0, 1e-12);
  EXPECT_EQ(s[0].challenger_below, 1u);
  EXPECT_FALSE(s[0].challenger_above.has_value());
}

// Whether `winner` has the highest total (ties allowed) with criterion k's weight at t.
bool WinsAt(const ScoreMatrix& m, size_t winner, size_t k, double t) {
  std::vector<double> w = m.coefficients;
  const double rest = 1.0 - w[k];
  for (size_t j = 0; j < w.size(); ++j) w[j] = j == k ? t : w[j] * (1.0 - t) / rest;
  std::vector<double> merits(m.bid_count);
  m.FillMerits(w, merits);
  for (size_t i = 0; i < m.bid_count; ++i) {
    if (merits[i] > merits[winner] + 1e-12) return false;
  }
  return true;
}

TEST(WeightStability, ExactBoundsMatchABruteForceScan) {
  std::mt19937_64 rng(20240314);
  constexpr double kStep = 1e-4;
  int checked = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const size_t n = 2 + rng() % 5;
    const size_t criteria = 2 + rng() % 3;
    BidTable table;
    table.price_model = trial % 2 == 0 ? PriceModel::kLinear : PriceModel::kProportional;
    table.criteria.push_back({.id = "price",
                              .kind = CriterionKind::kPrice,
                              .weight = static_cast<double>(10 + rng() % 60)});
    for (size_t k = 1; k < criteria; ++k) {
      table.criteria.push_back({.id = "q" + std::to_string(k),
                                .kind = CriterionKind::kQuality,
                                .weight = static_cast<double>(10 + rng() % 60)});
    }
    for (size_t i = 0; i < n; ++i) {
      Bid bid;
      bid.id = "bid" + std::to_string(i);
      bid.price_minor = static_cast<int64_t>(100'000 + rng() % 100'000);
      bid.scores.push_back(0);
      for (size_t k = 1; k < criteria; ++k) bid.scores.push_back(static_cast<double>(rng() % 11));
      table.bids.push_back(bid);
    }
    ScoreMatrix m = BuildScoreMatrix(table, Normalisation::kNone);
    std::optional<size_t> winner = WinnerOf(m);
    if (!winner) continue;
    std::vector<WeightStability> stability = AnalyseWeightStability(m, winner);
    for (size_t k = 0; k < criteria; ++k) {
      double scan_min = 2.0, scan_max = -1.0;
      for (int step = 0; step <= 10000; ++step) {
        const double t = step * kStep;
        if (WinsAt(m, *winner, k, t)) {
          scan_min = std::min(scan_min, t);
          scan_max = std::max(scan_max, t);
        }
      }
      ASSERT_TRUE(stability[k].min && stability[k].max);
      EXPECT_NEAR(*stability[k].min, scan_min, kStep + 1e-9) << "trial " << trial << " k " << k;
      EXPECT_NEAR(*stability[k].max, scan_max, kStep + 1e-9) << "trial " << trial << " k " << k;
      // The exact interval contains the current weight, and the winner wins at its ends.
      EXPECT_LE(*stability[k].min, m.coefficients[k]);
      EXPECT_GE(*stability[k].max, m.coefficients[k]);
      EXPECT_TRUE(WinsAt(m, *winner, k, *stability[k].min));
      EXPECT_TRUE(WinsAt(m, *winner, k, *stability[k].max));
      // Just outside a bound with a challenger, the challenger beats the winner.
      if (stability[k].challenger_above) {
        EXPECT_FALSE(WinsAt(m, *winner, k, *stability[k].max + 1e-6));
      }
      if (stability[k].challenger_below) {
        EXPECT_FALSE(WinsAt(m, *winner, k, *stability[k].min - 1e-6));
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);
}

TEST(WeightStability, QualityPricingIntervalOverValuePerPoint) {
  // testdata/quality_pricing.json: A 950 000 (9, 7), B 900 000 (5, 6), C 1 100 000 (10, 8),
  // 20 000 per quality point and 10 000 per environment point. A wins at 700 000.
  // kvalitet v: A ≤ B ⇔ 880 000 − 9v ≤ 840 000 − 5v ⇔ v ≥ 10 000;
  //             A ≤ C ⇔ 880 000 − 9v ≤ 1 020 000 − 10v ⇔ v ≤ 140 000.
  BidTable table;
  table.price_model = PriceModel::kQualityPricing;
  table.weighting = Weighting::kValuePerPoint;
  table.criteria = {
      {.id = "pris", .kind = CriterionKind::kPrice},
      {.id = "kvalitet", .kind = CriterionKind::kQuality, .value_per_point_minor = 2'000'000},
      {.id = "miljo", .kind = CriterionKind::kEnvironment, .value_per_point_minor = 1'000'000}};
  table.bids = {{.id = "A", .price_minor = 95'000'000, .scores = {0, 9, 7}},
                {.id = "B", .price_minor = 90'000'000, .scores = {0, 5, 6}},
                {.id = "C", .price_minor = 110'000'000, .scores = {0, 10, 8}}};
  ScoreMatrix m = BuildScoreMatrix(table, Normalisation::kNone);
  ASSERT_EQ(WinnerOf(m), 0u);
  std::vector<WeightStability> s = AnalyseWeightStability(m, 0);
  EXPECT_EQ(s[0].status, StabilityStatus::kNotApplicable);
  EXPECT_DOUBLE_EQ(s[1].current, 20000.0);
  EXPECT_NEAR(*s[1].min, 10000.0, 1e-6);
  EXPECT_NEAR(*s[1].max, 140000.0, 1e-6);
  EXPECT_EQ(s[1].challenger_below, 1u);
  EXPECT_EQ(s[1].challenger_above, 2u);
  // miljo u: A ≤ B for all u ≥ 0; A ≤ C ⇔ 770 000 − 7u ≤ 900 000 − 8u ⇔ u ≤ 130 000.
  EXPECT_NEAR(*s[2].min, 0.0, 1e-9);
  EXPECT_NEAR(*s[2].max, 130000.0, 1e-6);
  EXPECT_FALSE(s[2].challenger_below.has_value());
  EXPECT_EQ(s[2].challenger_above, 2u);
}

TEST(WeightStability, QualityPricingUpperBoundMayBeUnbounded) {
  // A (100, 8 points) beats B (95, 2 points) once a point is worth more than 5/6.
  BidTable table;
  table.price_model = PriceModel::kQualityPricing;
  table.weighting = Weighting::kValuePerPoint;
  table.criteria = {{.id = "pris", .kind = CriterionKind::kPrice},
                    {.id = "q", .kind = CriterionKind::kQuality, .value_per_point_minor = 100}};
  table.bids = {{.id = "A", .price_minor = 10000, .scores = {0, 8}},
                {.id = "B", .price_minor = 9500, .scores = {0, 2}}};
  ScoreMatrix m = BuildScoreMatrix(table, Normalisation::kNone);
  std::vector<WeightStability> s = AnalyseWeightStability(m, 0);
  EXPECT_NEAR(*s[1].min, 5.0 / 6.0, 1e-12);
  EXPECT_FALSE(s[1].max.has_value());
  EXPECT_EQ(s[1].challenger_below, 1u);
  EXPECT_FALSE(s[1].challenger_above.has_value());
}

TEST(WeightStability, SingleCriterionAndNoWinnerAreReported) {
  BidTable table = testing::RankReversalTwoBids();
  table.criteria.pop_back();
  for (Bid& b : table.bids) b.scores.pop_back();
  ScoreMatrix m = BuildScoreMatrix(table, Normalisation::kNone);
  EXPECT_EQ(AnalyseWeightStability(m, 0)[0].status, StabilityStatus::kSingleCriterion);

  ScoreMatrix two = BuildScoreMatrix(testing::RankReversalTwoBids(), Normalisation::kNone);
  std::vector<WeightStability> s = AnalyseWeightStability(two, std::nullopt);
  EXPECT_EQ(s[0].status, StabilityStatus::kNoUniqueWinner);
  EXPECT_FALSE(s[0].min.has_value());
}

TEST(WeightStability, SolverPicksTheSteepestChallengerAtASharedBound) {
  // Winner 0 flat at 1; bids 1 and 2 both reach 1 at t = 0.5, bid 2 climbs faster.
  WinnerInterval interval = SolveWinnerInterval({1.0, 0.5, 0.0}, {0.0, 1.0, 2.0}, 0, 0.0, 1.0, 0.2);
  EXPECT_DOUBLE_EQ(interval.min, 0.0);
  EXPECT_DOUBLE_EQ(interval.max, 0.5);
  EXPECT_EQ(interval.challenger_above, 2u);
}

}  // namespace
}  // namespace samspill::evaluation
