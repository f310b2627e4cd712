#include "market/cardinal/quantile.h"

#include <gtest/gtest.h>

#include <cmath>

namespace samspill::market::cardinal {
namespace {

TEST(Type8Quantile, SingleValueIsEveryQuantile) {
  EXPECT_EQ(Type8Quantile({7.5}, 0.25), 7.5);
  EXPECT_EQ(Type8Quantile({7.5}, 0.75), 7.5);
}

TEST(Type8Quantile, EmptyOrNaNGivesNaN) {
  EXPECT_TRUE(std::isnan(Type8Quantile({}, 0.5)));
  EXPECT_TRUE(std::isnan(Type8Quantile({1.0, NAN, 3.0}, 0.5)));
  EXPECT_TRUE(std::isnan(Type8Quantile({1.0}, 1.5)));
}

// R048's fixture: varieties 1,1,1,1,2. n = 5: Q1 has h = 5⅓·¼ + ⅓ = 1.67, k = 1, so
// x1 + 0.67·(x2 − x1) = 1; Q3 has h = 4.33, k = 4: x4 + 0.33·(x5 − x4) = 1.33.
TEST(Type8Quantile, WorkedExampleFiveValues) {
  const std::vector<double> v = {2, 1, 1, 1, 1};  // unsorted on purpose
  EXPECT_EQ(Type8Quantile(v, 0.25), 1.0);
  const double h = (5.0 + 1.0 / 3.0) * 0.75 + 1.0 / 3.0;
  EXPECT_EQ(Type8Quantile(v, 0.75), 1.0 + (h - 4.0) * (2.0 - 1.0));
  EXPECT_NEAR(Type8Quantile(v, 0.75), 4.0 / 3.0, 1e-15);
}

// R025's fixture: ratios 0, 0.2 and eight 1s. Q1: h = 10⅓·¼ + ⅓ = 2.9167, k = 2:
// 0.2 + 0.9167·0.8 = 0.9333; Q3 = 1; lower fence = 0.9333 − 1.5·0.0667 = 0.8333.
TEST(Type8Quantile, WorkedExampleTenValuesAndFences) {
  const OrderStatistics stats({1, 1, 1, 0, 1, 1, 0.2, 1, 1, 1});
  const double q1 = stats.LowerQuartile(), q3 = stats.UpperQuartile();
  EXPECT_NEAR(q1, 0.93333333333333, 1e-12);
  EXPECT_EQ(q3, 1.0);
  EXPECT_NEAR(LowerFence(q1, q3), 0.83333333333333, 1e-12);
  EXPECT_NEAR(UpperFence(q1, q3), 1.1, 1e-12);
}

TEST(Type8Quantile, EndsClampToMinimumAndMaximum) {
  const std::vector<double> v = {3, 1, 2};
  EXPECT_EQ(Type8Quantile(v, 0.0), 1.0);
  EXPECT_EQ(Type8Quantile(v, 1.0), 3.0);
  EXPECT_EQ(Type8Quantile(v, 0.05), 1.0);  // h = 0.5, k = 0
  EXPECT_EQ(Type8Quantile(v, 0.95), 3.0);  // h = 3.2, k = 3 = n
}

// The fences are one fused multiply-add, as Rust's mul_add: for these quartiles the plain
// product-then-sum rounds differently in the last bit.
TEST(Fences, AreFusedMultiplyAdds) {
  const double q1 = 0.1, q3 = 0.7;
  EXPECT_EQ(UpperFence(q1, q3), std::fma(q3 - q1, 1.5, q3));
  EXPECT_EQ(LowerFence(q1, q3), std::fma(q3 - q1, -1.5, q1));
  bool some_differs = false;
  for (double a = 0.01; a < 1.0; a += 0.01) {
    const volatile double product = (0.99 - a) * 1.5;  // volatile: no contraction
    if (UpperFence(a, 0.99) != product + 0.99) some_differs = true;
  }
  EXPECT_TRUE(some_differs) << "fma and multiply-then-add agree everywhere here";
}

TEST(RoundMeta, FourDecimalsHalfAwayFromZero) {
  EXPECT_EQ(RoundMeta(0.20835), 0.2084);
  EXPECT_EQ(RoundMeta(-0.20665), -0.2067);
  EXPECT_EQ(RoundMeta(2.0), 2.0);
  EXPECT_TRUE(std::isnan(RoundMeta(NAN)));
}

}  // namespace
}  // namespace samspill::market::cardinal
