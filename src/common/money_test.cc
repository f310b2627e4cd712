#include "common/money.h"

#include <gtest/gtest.h>

namespace samspill {
namespace {

TEST(Money, ParsesNorwegianAndPlainNotation) {
  EXPECT_EQ(*ParseMoneyMinor("1250000"), 125000000);
  EXPECT_EQ(*ParseMoneyMinor("1 250 000,50"), 125000050);
  EXPECT_EQ(*ParseMoneyMinor("99.9"), 9990);
  EXPECT_EQ(*ParseMoneyMinor("-5", /*allow_negative=*/true), -500);
}

TEST(Money, RejectsWhatWouldLosePrecisionOrSense) {
  EXPECT_FALSE(ParseMoneyMinor("10.005").ok());
  EXPECT_FALSE(ParseMoneyMinor("-5").ok());
  EXPECT_FALSE(ParseMoneyMinor("").ok());
  EXPECT_FALSE(ParseMoneyMinor("12a").ok());
  EXPECT_FALSE(ParseMoneyMinor("1.2.3").ok());
  EXPECT_FALSE(ParseMoneyMinor("99999999999999999999").ok());
}

TEST(Money, FromDoubleAcceptsTwoDecimalsOnly) {
  EXPECT_EQ(*MoneyMinorFromDouble(1000000), 100000000);
  EXPECT_EQ(*MoneyMinorFromDouble(0.1), 10);
  EXPECT_EQ(*MoneyMinorFromDouble(19.99), 1999);
  EXPECT_FALSE(MoneyMinorFromDouble(10.005).ok());
  EXPECT_FALSE(MoneyMinorFromDouble(-1).ok());
  EXPECT_FALSE(MoneyMinorFromDouble(1e300).ok());
}

TEST(Money, FormatsPlain) {
  EXPECT_EQ(FormatMoneyPlain({125000050, "NOK"}), "1250000.50");
  EXPECT_EQ(FormatMoneyPlain({-500, "NOK"}), "-5");
  EXPECT_TRUE(IsCurrencyCode("DKK"));
  EXPECT_FALSE(IsCurrencyCode("nok"));
}

}  // namespace
}  // namespace samspill
