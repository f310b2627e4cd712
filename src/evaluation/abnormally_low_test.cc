#include "evaluation/abnormally_low.h"

#include <gtest/gtest.h>

#include <vector>

namespace samspill::evaluation {
namespace {

// Prices in øre; the checked bid is always index 0.
AbnormallyLowCheck Check(std::vector<int64_t> prices) { return CheckAbnormallyLow(prices, 0); }

TEST(AbnormallyLow, ExactlyFortyPercentBelowTheMeanIsFlagged) {
  // Mean of the others (80, 120) = 100; 60 is 40 % below; next-lowest 80 only 25 % above.
  AbnormallyLowCheck c = Check({6'000'000, 8'000'000, 12'000'000});
  EXPECT_DOUBLE_EQ(c.below_mean_of_others_percent, 40.0);
  EXPECT_DOUBLE_EQ(c.below_next_lowest_percent, 25.0);
  EXPECT_TRUE(c.below_mean_threshold);
  EXPECT_FALSE(c.below_next_threshold);
  EXPECT_TRUE(c.flagged);
  ASSERT_EQ(c.reasons.size(), 1u);
  EXPECT_NE(c.message.find("FOA § 24-9"), std::string::npos);
}

TEST(AbnormallyLow, JustUnderFortyPercentBelowTheMeanIsNotFlagged) {
  AbnormallyLowCheck c = Check({6'000'001, 8'000'000, 12'000'000});
  EXPECT_FALSE(c.below_mean_threshold);
  EXPECT_FALSE(c.flagged);
  EXPECT_TRUE(c.reasons.empty());
  EXPECT_TRUE(c.message.empty());
}

TEST(AbnormallyLow, ExactlyThirtyPercentBelowTheNextIsFlagged) {
  // Others 100 and 100: 70 is 30 % below the next and 30 % below the mean.
  AbnormallyLowCheck c = Check({7'000'000, 10'000'000, 10'000'000});
  EXPECT_TRUE(c.below_next_threshold);
  EXPECT_FALSE(c.below_mean_threshold);
  EXPECT_TRUE(c.flagged);
  EXPECT_EQ(c.next_lowest_minor, 10'000'000);
  EXPECT_EQ(c.mean_of_others_minor, 10'000'000);
}

TEST(AbnormallyLow, JustUnderThirtyPercentBelowTheNextIsNotFlagged) {
  AbnormallyLowCheck c = Check({7'000'001, 10'000'000, 10'000'000});
  EXPECT_FALSE(c.below_next_threshold);
  EXPECT_FALSE(c.flagged);
}

TEST(AbnormallyLow, BothRulesCanApply) {
  AbnormallyLowCheck c = Check({5'000'000, 10'000'000, 10'000'000});
  EXPECT_TRUE(c.below_mean_threshold);
  EXPECT_TRUE(c.below_next_threshold);
  EXPECT_EQ(c.reasons.size(), 2u);
}

TEST(AbnormallyLow, MoreExpensiveWinnerHasNegativePercentages) {
  AbnormallyLowCheck c = Check({13'000'000, 10'000'000});
  EXPECT_DOUBLE_EQ(c.below_next_lowest_percent, -30.0);
  EXPECT_FALSE(c.flagged);
}

TEST(AbnormallyLow, ThresholdsAreSettings) {
  AbnormallyLowOptions options;
  options.below_next_percent = 20;
  EXPECT_TRUE(CheckAbnormallyLow(std::vector<int64_t>{8'000'000, 10'000'000}, 0, options).flagged);
}

}  // namespace
}  // namespace samspill::evaluation
