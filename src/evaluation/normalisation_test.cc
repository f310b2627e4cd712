#include "evaluation/normalisation.h"

#include <gtest/gtest.h>

#include <vector>

namespace samspill::evaluation {
namespace {

TEST(Normalisation, BestGetsTenOthersScaledProportionally) {
  std::vector<double> scores = {4, 8, 2};
  NormaliseBestGetsMax(scores);
  EXPECT_DOUBLE_EQ(scores[0], 5.0);
  EXPECT_DOUBLE_EQ(scores[1], 10.0);
  EXPECT_DOUBLE_EQ(scores[2], 2.5);
}

TEST(Normalisation, AllZeroColumnStaysZero) {
  std::vector<double> scores = {0, 0, 0};
  NormaliseBestGetsMax(scores);
  EXPECT_EQ(scores, (std::vector<double>{0, 0, 0}));
}

TEST(Normalisation, NamesRoundTripAndNoneIsTheDefaultName) {
  EXPECT_EQ(NormalisationFromName("none"), Normalisation::kNone);
  EXPECT_EQ(NormalisationFromName("best_gets_max"), Normalisation::kBestGetsMax);
  EXPECT_FALSE(NormalisationFromName("normalised").has_value());
}

}  // namespace
}  // namespace samspill::evaluation
