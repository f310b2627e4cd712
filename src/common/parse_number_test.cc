#include "common/parse_number.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace samspill
