#include "tendering/cpv.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

TEST(Cpv, TheWholeListIsCompiledIn) { EXPECT_EQ(CpvCodeCount(), 9454u); }

TEST(Cpv, FindsTheNamesInBothLanguages) {
  std::optional<CpvEntry> elderly = FindCpv("85311100-3");
  ASSERT_TRUE(elderly);
  EXPECT_EQ(elderly->code, "85311100-3");
  EXPECT_EQ(elderly->name_en, "Welfare services for the elderly");
  EXPECT_EQ(elderly->name_nb, "Omsorg for eldre");
  // A name with a comma is quoted in the file.
  std::optional<CpvEntry> farming = FindCpv("03000000");
  ASSERT_TRUE(farming);
  EXPECT_EQ(farming->name_en, "Agricultural, farming, fishing, forestry and related products");
  EXPECT_FALSE(FindCpv("85311199"));
  EXPECT_FALSE(FindCpv("8531"));
}

TEST(Cpv, AcceptsOnlyListedCodesWithTheirCheckDigit) {
  EXPECT_TRUE(CheckCpvCode("90911200-8").ok());
  EXPECT_TRUE(CheckCpvCode("85000000-9").ok());
  EXPECT_TRUE(CheckCpvCode("85000000").ok());  // eForms and OCDS leave the check digit out

  Status wrong_digit = CheckCpvCode("90911200-7");
  EXPECT_EQ(wrong_digit.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(wrong_digit.field(), "cpv_code");
  EXPECT_EQ(wrong_digit.message(), "the check digit of CPV code 90911200 is 8, not 7 (90911200-8)");

  Status unknown = CheckCpvCode("90911299-1");
  EXPECT_EQ(unknown.field(), "cpv_code");
  EXPECT_EQ(unknown.message(), "the CPV code 90911299 is not in the CPV 2008 list");

  for (const char* shape : {"9091120", "9091120-08", "90911200-", "9O911200-8", ""}) {
    EXPECT_EQ(CheckCpvCode(shape).field(), "cpv_code") << shape;
  }
}

}  // namespace
}  // namespace samspill::tendering
