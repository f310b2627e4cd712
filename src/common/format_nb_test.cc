#include "common/format_nb.h"

#include <gtest/gtest.h>

#include <limits>

namespace samspill {
namespace {

TEST(FormatNb, GroupsDigitsInThrees) {
  EXPECT_EQ(GroupDigits(0), "0");
  EXPECT_EQ(GroupDigits(999), "999");
  EXPECT_EQ(GroupDigits(1000), "1 000");
  EXPECT_EQ(GroupDigits(1250000), "1 250 000");
  EXPECT_EQ(GroupDigits(-1250000, "."), "-1.250.000");
  EXPECT_EQ(GroupDigits(std::numeric_limits<int64_t>::min()), "-9 223 372 036 854 775 808");
}

TEST(FormatNb, MoneyIsWrittenTheNorwegianWay) {
  EXPECT_EQ(FormatMoneyNb({125'000'000, "NOK"}), "kr 1 250 000");
  EXPECT_EQ(FormatMoneyNb({125'000'050, "NOK"}), "kr 1 250 000,50");
  EXPECT_EQ(FormatMoneyNb({105, "NOK"}), "kr 1,05");
  EXPECT_EQ(FormatMoneyNb({30'000, "EUR"}), "EUR 300");
  EXPECT_EQ(FormatMoneyNb({-100'000, "NOK"}), "kr −1 000");
  EXPECT_EQ(FormatMoneyNb({125'000'000, "NOK"}, "\u00a0"), "kr\u00a01\u00a0250\u00a0000");
}

TEST(FormatNb, DecimalsUseAComma) {
  EXPECT_EQ(FormatDecimalNb(8.624, 2), "8,62");
  EXPECT_EQ(FormatDecimalNb(30, 0), "30");
}

}  // namespace
}  // namespace samspill
