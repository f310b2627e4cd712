#include "market/cardinal/settings.h"

#include <gtest/gtest.h>

namespace samspill::market::cardinal {
namespace {

TEST(Settings, ReadsEverySection) {
  Result<Settings> s = ParseSettings(R"(; comment
# another
currency = NOK
no_price_comparison_procurement_methods = a|b
[exclusions]
procurement_method_details = EXC
[R003]
threshold = 10
procurement_methods = open|selective
[R003.procurement_method_details]
x = 5
[R025]
percentile = 90
threshold = 0.05
[R028]
[R038]
minimum_submitted_bids = 3
[R048]
digits = 4
[defaults]
currency = NOK
)");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(*s->currency, "NOK");
  EXPECT_EQ(*s->no_price_comparison_procurement_methods, (StringList{"a", "b"}));
  EXPECT_EQ(*s->excluded_procurement_method_details, (StringList{"EXC"}));
  ASSERT_TRUE(s->r003);
  EXPECT_EQ(*s->r003->threshold, 10);
  EXPECT_EQ(s->r003->procurement_method_details.at("x"), 5);
  EXPECT_EQ(*s->r025->percentile, 90);
  EXPECT_EQ(*s->r025->threshold, 0.05);
  EXPECT_TRUE(s->r028);
  EXPECT_FALSE(s->r030);
  EXPECT_EQ(*s->r038->minimum_submitted_bids, 3u);
  EXPECT_EQ(*s->r048->digits, 4u);
}

TEST(Settings, UnknownKeyIsRejectedNamingThePath) {
  Result<Settings> s = ParseSettings("[R003]\nthreshhold = 10\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().field(), "R003.threshhold");
  EXPECT_NE(s.status().message().find("line 2"), std::string::npos);

  Result<Settings> top = ParseSettings("currencies = NOK\n");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.status().field(), "currencies");

  Result<Settings> section = ParseSettings("[R999]\n");
  ASSERT_FALSE(section.ok());
  EXPECT_EQ(section.status().field(), "R999");

  Result<Settings> no_keys = ParseSettings("[R028]\nthreshold = 1\n");
  ASSERT_FALSE(no_keys.ok());
  EXPECT_EQ(no_keys.status().field(), "R028.threshold");
}

TEST(Settings, WrongValueTypesNameThePath) {
  Result<Settings> s = ParseSettings("[R003]\nthreshold = ten\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), "R003.threshold");
  EXPECT_NE(s.status().message().find("integer"), std::string::npos);

  Result<Settings> f = ParseSettings("[R024]\nthreshold = 0.1x\n");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().field(), "R024.threshold");

  Result<Settings> negative = ParseSettings("[R048]\ndigits = -1\n");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().field(), "R048.digits");

  Result<Settings> header = ParseSettings("[R003\n");
  ASSERT_FALSE(header.ok());
}

TEST(Settings, BothPriceComparisonListsWarn) {
  Result<Settings> s = ParseSettings(
      "price_comparison_procurement_methods = a\nno_price_comparison_procurement_methods = b\n");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->warnings.size(), 1u);
}

TEST(Settings, ConfigCrateNumberConversions) {
  Result<Settings> s = ParseSettings("[R024]\nthreshold = 1\n[R003]\nthreshold = \"7\"\n");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(*s->r024->threshold, 1.0);
  EXPECT_EQ(*s->r003->threshold, 7);
}

}  // namespace
}  // namespace samspill::market::cardinal
