#include "common/parse_number.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace samspill {
namespace {

TEST(ParseWholeNumber, ReadsDigitsWithinTheRange) {
  EXPECT_EQ(*ParseWholeNumber("42", "version"), 42);
  EXPECT_EQ(*ParseWholeNumber("-7", "delta"), -7);
  EXPECT_EQ(*ParseWholeNumber("9223372036854775807", "id"), INT64_MAX);
  EXPECT_EQ(*ParseWholeNumber("2025", "year", 1900, 2200), 2025);
}

TEST(ParseWholeNumber, RefusesTextAndHugeNumbersNamingTheField) {
  for (const char* bad : {"", "abc", "1e3", " 1", "1 ", "+1", "-", "1.5", "0x10", "12abc"}) {
    Result<int64_t> r = ParseWholeNumber(bad, "version");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().field(), "version") << bad;
    EXPECT_EQ(r.status().message(), "version must be a whole number") << bad;
  }
  Result<int64_t> huge = ParseWholeNumber("12345678901234567890123", "version");
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.status().field(), "version");
  EXPECT_NE(huge.status().message().find("version must be between"), std::string::npos);
  Result<int64_t> small = ParseWholeNumber("0", "limit", 1, 1000);
  EXPECT_EQ(small.status().message(), "limit must be between 1 and 1000");
}

TEST(ParseDecimalNumber, ReadsNorwegianAndPlainNumbers) {
  const std::string no_break = "\xC2\xA0", narrow_no_break = "\xE2\x80\xAF";
  const std::pair<std::string, double> cases[] = {
      {"1 234 567", 1234567},
      {"1" + no_break + "234,5", 1234.5},
      {"1" + narrow_no_break + "234", 1234},
      {"7,7", 7.7},
      {"7.7", 7.7},
      {" 12,5 ", 12.5},
      {"-3", -3},
      {"0", 0},
      {"1.5E+3", 1500},
      {"9.8000000000000007", 9.8000000000000007},
      {"5e-2", 0.05},
  };
  for (const auto& [text, value] : cases) {
    Result<double> r = ParseDecimalNumber(text, "budget");
    ASSERT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    EXPECT_DOUBLE_EQ(*r, value) << text;
  }
}

TEST(ParseDecimalNumber, RefusesWhatIsNotOneNumber) {
  for (const char* bad :
       {"",    " ",  "abc",  "1,234.5", "1.234.567", "1,2,3", ",5",  "5,",  "1 ,5",  "1, 5",
        "- 3", "+3", "12 %", "1e",      "1e999",     "0x10",  "nan", "inf", "1 2 a", "12abc"}) {
    Result<double> r = ParseDecimalNumber(bad, "fte");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().field(), "fte") << bad;
    EXPECT_EQ(r.status().message(), "fte must be a number") << bad;
  }
}

}  // namespace
}  // namespace samspill
