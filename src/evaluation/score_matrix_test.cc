#include "evaluation/score_matrix.h"

#include <gtest/gtest.h>

#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

TEST(ScoreMatrix, ProportionalWorkedExampleTotals) {
  ScoreMatrix m = BuildScoreMatrix(testing::RankReversalThreeBids(), Normalisation::kNone);
  EXPECT_EQ(m.lowest_price_minor, 5000);
  EXPECT_DOUBLE_EQ(m.value(0, 0), 5.0);
  EXPECT_NEAR(m.value(1, 0), 50.0 / 13.0, 1e-12);
  EXPECT_DOUBLE_EQ(m.value(2, 0), 10.0);
  EXPECT_NEAR(m.Total(0), 5.5, 1e-12);
  EXPECT_NEAR(m.Total(1), 5.923076923076923, 1e-12);
  EXPECT_NEAR(m.Total(2), 5.0, 1e-12);
  EXPECT_FALSE(m.lower_is_better);
}

TEST(ScoreMatrix, SubsetIsScoredAsIfTheOtherBidsWereNeverSubmitted) {
  // A and B without C: the lowest price is A's 100 again.
  ScoreMatrix m = BuildScoreMatrix(testing::RankReversalThreeBids(), Normalisation::kNone,
                                   std::vector<size_t>{0, 1});
  EXPECT_EQ(m.bid_count, 2u);
  EXPECT_EQ(m.lowest_price_minor, 10000);
  EXPECT_NEAR(m.Total(0), 8.0, 1e-12);
  EXPECT_NEAR(m.Total(1), 7.846153846153846, 1e-12);
  // B and C only: rows follow the subset order.
  m = BuildScoreMatrix(testing::RankReversalThreeBids(), Normalisation::kNone,
                       std::vector<size_t>{2, 1});
  EXPECT_EQ(m.prices_minor, (std::vector<int64_t>{5000, 13000}));
  EXPECT_DOUBLE_EQ(m.value(0, 0), 10.0);
}

TEST(ScoreMatrix, NormalisationRescalesQualityOnly) {
  BidTable table = testing::PriceQualityTable(PriceModel::kProportional, 50, 50,
                                              {{"A", 100}, {"B", 200}}, {4, 5});
  ScoreMatrix plain = BuildScoreMatrix(table, Normalisation::kNone);
  ScoreMatrix normalised = BuildScoreMatrix(table, Normalisation::kBestGetsMax);
  // Price scores are relative already and stay as they are.
  EXPECT_DOUBLE_EQ(normalised.value(0, 0), plain.value(0, 0));
  EXPECT_DOUBLE_EQ(normalised.value(1, 0), 5.0);
  // Quality: the best (5) becomes 10, the other 10·4/5 = 8.
  EXPECT_DOUBLE_EQ(plain.value(0, 1), 4.0);
  EXPECT_DOUBLE_EQ(normalised.value(0, 1), 8.0);
  EXPECT_DOUBLE_EQ(normalised.value(1, 1), 10.0);
  EXPECT_DOUBLE_EQ(normalised.raw_score(0, 1), 4.0);
  // Totals change: A 0.5·10 + 0.5·4 = 7 without, 0.5·10 + 0.5·8 = 9 with.
  EXPECT_DOUBLE_EQ(plain.Total(0), 7.0);
  EXPECT_DOUBLE_EQ(normalised.Total(0), 9.0);
  EXPECT_DOUBLE_EQ(normalised.Total(1), 7.5);
}

TEST(ScoreMatrix, QualityPricingTotalIsTheEvaluatedPrice) {
  BidTable table;
  table.price_model = PriceModel::kQualityPricing;
  table.weighting = Weighting::kValuePerPoint;
  table.criteria = {
      {.id = "pris", .kind = CriterionKind::kPrice},
      {.id = "kvalitet", .kind = CriterionKind::kQuality, .value_per_point_minor = 2'000'000}};
  table.bids = {{.id = "A", .price_minor = 95'000'000, .scores = {0, 9}},
                {.id = "B", .price_minor = 90'000'000, .scores = {0, 5}}};
  ScoreMatrix m = BuildScoreMatrix(table, Normalisation::kNone);
  EXPECT_TRUE(m.lower_is_better);
  EXPECT_DOUBLE_EQ(m.Total(0), 950000.0 - 9 * 20000.0);
  EXPECT_DOUBLE_EQ(m.Total(1), 900000.0 - 5 * 20000.0);
  EXPECT_DOUBLE_EQ(m.Merits()[0], -(950000.0 - 180000.0));
  // Without a price criterion the price is carried in the offset.
  table.criteria.erase(table.criteria.begin());
  for (Bid& b : table.bids) b.scores.erase(b.scores.begin());
  m = BuildScoreMatrix(table, Normalisation::kNone);
  EXPECT_DOUBLE_EQ(m.Total(0), 770000.0);
  EXPECT_DOUBLE_EQ(m.offsets[1], 900000.0);
}

}  // namespace
}  // namespace samspill::evaluation
