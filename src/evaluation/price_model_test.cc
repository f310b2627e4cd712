#include "evaluation/price_model.h"

#include <gtest/gtest.h>

namespace samspill::evaluation {
namespace {

TEST(PriceModel, LinearScoreOfTheLowestPriceIsTen) {
  EXPECT_DOUBLE_EQ(LinearPriceScore(10000, 10000), 10.0);
}

TEST(PriceModel, LinearScoreFallsTenPointsPerHundredPercentAboveLowest) {
  EXPECT_DOUBLE_EQ(LinearPriceScore(15000, 10000), 5.0);
  EXPECT_DOUBLE_EQ(LinearPriceScore(20000, 10000), 0.0);  // twice the lowest
}

TEST(PriceModel, LinearScoreCanBeNegative) {
  // More than twice the lowest price: lawful negative score (KOFA 2015/60), never clamped.
  EXPECT_DOUBLE_EQ(LinearPriceScore(25000, 10000), -5.0);
  EXPECT_LT(LinearPriceScore(20001, 10000), 0.0);
}

TEST(PriceModel, ProportionalScoreIsTenTimesLowestOverPrice) {
  EXPECT_DOUBLE_EQ(ProportionalPriceScore(10000, 10000), 10.0);
  EXPECT_NEAR(ProportionalPriceScore(13000, 10000), 7.692307692307692, 1e-12);
  EXPECT_DOUBLE_EQ(ProportionalPriceScore(10000, 5000), 5.0);
  EXPECT_NEAR(ProportionalPriceScore(13000, 5000), 3.846153846153846, 1e-12);
  // Never negative, however high the price.
  EXPECT_GT(ProportionalPriceScore(1'000'000'000, 1), 0.0);
}

TEST(PriceModel, PriceScoreDispatchesOnTheModel) {
  EXPECT_DOUBLE_EQ(PriceScore(PriceModel::kLinear, 25000, 10000), -5.0);
  EXPECT_DOUBLE_EQ(PriceScore(PriceModel::kProportional, 20000, 10000), 5.0);
}

TEST(PriceModel, NamesRoundTrip) {
  for (PriceModel m :
       {PriceModel::kLinear, PriceModel::kProportional, PriceModel::kQualityPricing}) {
    EXPECT_EQ(PriceModelFromName(PriceModelName(m)), m);
  }
  EXPECT_EQ(PriceModelName(PriceModel::kQualityPricing), "quality_pricing");
  EXPECT_FALSE(PriceModelFromName("Linear").has_value());
}

}  // namespace
}  // namespace samspill::evaluation
