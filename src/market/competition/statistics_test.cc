#include "market/competition/statistics.h"

#include <gtest/gtest.h>

#include "market/competition/advert_period.h"

namespace samspill::market {
namespace {

TEST(Concentration, HhiOfAHandComputedMarket) {
  // Shares 40 %, 30 %, 20 %, 10 %: HHI = 40² + 30² + 20² + 10² = 1600 + 900 + 400 + 100.
  Concentration c = ComputeConcentration({4, 1, 3, 2});
  EXPECT_EQ(c.suppliers, 4u);
  EXPECT_DOUBLE_EQ(c.hhi, 3000);
  EXPECT_DOUBLE_EQ(c.top3_share, 0.9);
  // A monopoly is 10,000; an empty market is all zeros.
  EXPECT_DOUBLE_EQ(ComputeConcentration({7}).hhi, 10000);
  EXPECT_EQ(ComputeConcentration({}).suppliers, 0u);
  EXPECT_EQ(ComputeConcentration({0, 0}).hhi, 0);
}

TEST(WilsonInterval, WorkedExample) {
  // 8 of 10 comparable lots got two or more bids. With z = 1.96:
  //   centre = (0.8 + z²/20) / (1 + z²/10) = 0.99208 / 1.38415 = 0.71674
  //   half   = z / 1.38415 · sqrt(0.8·0.2/10 + z²/400) = 1.41603 · 0.16001 = 0.22658
  Interval i = WilsonInterval(8, 10);
  EXPECT_NEAR(i.low, 0.4902, 1e-4);
  EXPECT_NEAR(i.high, 0.9433, 1e-4);
  // No successes: the lower bound is 0 and the upper z²/n / (1 + z²/n) = 0.4345 for n = 5.
  Interval none = WilsonInterval(0, 5);
  EXPECT_DOUBLE_EQ(none.low, 0);
  EXPECT_NEAR(none.high, 0.4345, 1e-4);
  Interval all = WilsonInterval(5, 5);
  EXPECT_NEAR(all.low, 1 - 0.4345, 1e-4);
  EXPECT_DOUBLE_EQ(all.high, 1);
  EXPECT_DOUBLE_EQ(WilsonInterval(0, 0).high, 1);
}

TEST(AdvertPeriod, OpentenderBandsPerCountry) {
  EXPECT_EQ(BandForDays("NO", 49), AdvertBand::kNoRisk);
  EXPECT_EQ(BandForDays("NO", 48), AdvertBand::kMedium);
  EXPECT_EQ(BandForDays("NO", 29), AdvertBand::kMedium);
  EXPECT_EQ(BandForDays("NO", 28), AdvertBand::kHigh);
  EXPECT_EQ(BandForDays("DK", 52), AdvertBand::kNoRisk);
  EXPECT_EQ(BandForDays("DK", 51), AdvertBand::kHigh);
  EXPECT_EQ(BandForDays("SE", 55), AdvertBand::kNoRisk);
  EXPECT_EQ(BandForDays("SE", 54), AdvertBand::kHigh);
  EXPECT_EQ(BandForDays("FI", 31), AdvertBand::kNoRisk);
  EXPECT_EQ(BandForDays("FI", 0), AdvertBand::kHigh);
  EXPECT_EQ(BandForDays("MX", 90), AdvertBand::kUnknown);
  EXPECT_EQ(DaysBetween("2024-01-31T12:00:00+01:00", "2024-03-01"), 30);
  EXPECT_FALSE(DaysBetween("", "2024-03-01").has_value());
}

}  // namespace
}  // namespace samspill::market
