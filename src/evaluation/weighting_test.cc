#include "evaluation/weighting.h"

#include <gtest/gtest.h>

#include <numeric>

namespace samspill::evaluation {
namespace {

TEST(Weighting, RankOrderCentroidWeightsForThreeCriteria) {
  // w_k = (1/n)·Σ_{j=k..n} 1/j: (1 + 1/2 + 1/3)/3, (1/2 + 1/3)/3, (1/3)/3.
  std::vector<double> w = RankOrderCentroidWeights(3);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_NEAR(w[0], 11.0 / 18.0, 1e-15);
  EXPECT_NEAR(w[1], 5.0 / 18.0, 1e-15);
  EXPECT_NEAR(w[2], 2.0 / 18.0, 1e-15);
}

TEST(Weighting, RankOrderCentroidWeightsForFourCriteriaSumToOne) {
  std::vector<double> w = RankOrderCentroidWeights(4);
  EXPECT_NEAR(w[0], 25.0 / 48.0, 1e-15);
  EXPECT_NEAR(w[1], 13.0 / 48.0, 1e-15);
  EXPECT_NEAR(w[2], 7.0 / 48.0, 1e-15);
  EXPECT_NEAR(w[3], 3.0 / 48.0, 1e-15);
  EXPECT_NEAR(std::accumulate(w.begin(), w.end(), 0.0), 1.0, 1e-15);
  EXPECT_EQ(RankOrderCentroidWeights(1), std::vector<double>{1.0});
  EXPECT_TRUE(RankOrderCentroidWeights(0).empty());
}

TEST(Weighting, PrioritiesMapToTheirRocWeight) {
  std::vector<double> w = WeightsFromPriorities(std::vector<int>{2, 1, 3});
  EXPECT_NEAR(w[0], 5.0 / 18.0, 1e-15);
  EXPECT_NEAR(w[1], 11.0 / 18.0, 1e-15);
  EXPECT_NEAR(w[2], 2.0 / 18.0, 1e-15);
}

TEST(Weighting, RelativeWeightsAreDividedByTheirSum) {
  std::vector<double> w = NormaliseWeights(std::vector<double>{40, 30, 30});
  EXPECT_DOUBLE_EQ(w[0], 0.4);
  EXPECT_DOUBLE_EQ(w[1], 0.3);
  EXPECT_DOUBLE_EQ(w[2], 0.3);
  w = NormaliseWeights(std::vector<double>{1, 1});
  EXPECT_DOUBLE_EQ(w[0], 0.5);
}

TEST(Weighting, Names) {
  EXPECT_EQ(WeightingName(Weighting::kPriorityRankOrderCentroid), "priority_rank_order_centroid");
  EXPECT_EQ(WeightingName(Weighting::kWeights), "weights");
  EXPECT_EQ(WeightingName(Weighting::kValuePerPoint), "value_per_point");
}

}  // namespace
}  // namespace samspill::evaluation
