#include "strategy/task_area.h"

#include <gtest/gtest.h>

namespace samspill::strategy {
namespace {

AreaYear Figures(int year, int64_t may_compete, int64_t private_purchases, int64_t in_house_wins,
                 bool example = false) {
  return {.year = year,
          .spend = may_compete + 10'000'000,
          .may_compete = may_compete,
          .private_purchases = private_purchases,
          .in_house_wins = in_house_wins,
          .example = example};
}

// IKU = (96 000 000 + 4 000 000) × 100 / 380 000 000 = 10 000 000 000 / 380 000 000
//     = 26.315789…%.
TEST(TaskArea, IkuOfOneArea) {
  TaskArea care{.id = 1, .code = "5.32.32", .name = "Hjemmepleje"};
  care.SetYear(Figures(2024, 380'000'000, 96'000'000, 4'000'000));
  const std::vector<IkuPoint> iku = AreaIku(care);
  ASSERT_EQ(iku.size(), 1u);
  EXPECT_EQ(iku[0].competed, 100'000'000);
  ASSERT_TRUE(iku[0].iku);
  EXPECT_NEAR(*iku[0].iku, 26.315789473684, 1e-9);
  // What is still open: 380 000 000 − 100 000 000.
  EXPECT_EQ(OpenPotential(care), 280'000'000);
}

// Area A: 100 of 400 000 000 = 25 %; area B: 30 000 000 of 100 000 000 = 30 %. The mean of the
// percentages would be 27.5 %; the municipality's IKU is the ratio of the sums:
// (100 000 000 + 30 000 000) × 100 / 500 000 000 = 26 %.
TEST(TaskArea, TotalIsTheRatioOfTheSumsNotTheMeanOfThePercentages) {
  TaskArea a{.id = 1, .name = "A"};
  a.SetYear(Figures(2024, 400'000'000, 100'000'000, 0));
  TaskArea b{.id = 2, .name = "B"};
  b.SetYear(Figures(2024, 100'000'000, 20'000'000, 10'000'000, true));
  b.SetYear(Figures(2025, 100'000'000, 40'000'000, 0));
  const std::vector<IkuPoint> total = TotalIku({a, b});
  ASSERT_EQ(total.size(), 2u);
  EXPECT_EQ(total[0].year, 2024);
  EXPECT_EQ(total[0].may_compete, 500'000'000);
  EXPECT_EQ(total[0].competed, 130'000'000);
  EXPECT_DOUBLE_EQ(*total[0].iku, 26.0);
  EXPECT_TRUE(total[0].example);  // B's 2024 figures are an example
  // 2025 has B only: 40 000 000 × 100 / 100 000 000 = 40 %.
  EXPECT_EQ(total[1].year, 2025);
  EXPECT_DOUBLE_EQ(*total[1].iku, 40.0);
  EXPECT_FALSE(total[1].example);
}

// Nothing may be competed: the ratio is undefined, not zero.
TEST(TaskArea, NoIkuWhenNothingMayBeCompeted) {
  EXPECT_EQ(IkuPercent(0, 0), std::nullopt);
  TaskArea admin{.id = 3, .name = "Myndighedsudøvelse"};
  admin.SetYear({.year = 2024, .spend = 5'000'000});
  EXPECT_EQ(AreaIku(admin)[0].iku, std::nullopt);
  EXPECT_EQ(TotalIku({admin})[0].iku, std::nullopt);
  EXPECT_EQ(OpenPotential(TaskArea{.id = 4, .name = "Tom"}), std::nullopt);
}

TEST(TaskArea, SetYearKeepsTheYearsSortedAndReplaces) {
  TaskArea area{.id = 1, .name = "A"};
  area.SetYear(Figures(2025, 10, 1, 0));
  area.SetYear(Figures(2023, 10, 2, 0));
  area.SetYear(Figures(2025, 10, 3, 0));
  ASSERT_EQ(area.years.size(), 2u);
  EXPECT_EQ(area.years[0].year, 2023);
  EXPECT_EQ(area.Year(2025)->private_purchases, 3);
  EXPECT_EQ(area.Year(2024), nullptr);
}

TEST(TaskArea, ValidationNamesTheAreaTheYearAndTheField) {
  TaskArea area{.id = 1, .name = "Hjemmepleje"};
  area.SetYear(Figures(2024, 380'000'000, 96'000'000, 4'000'000));
  EXPECT_TRUE(ValidateTaskArea(area).ok());

  TaskArea bad = area;
  bad.years[0].may_compete = bad.years[0].spend + 1;
  Status s = ValidateTaskArea(bad);
  EXPECT_EQ(s.field(), "years[0].may_compete");
  EXPECT_NE(s.message().find("'Hjemmepleje', 2024"), std::string::npos) << s.message();

  bad = area;
  bad.years[0].in_house_wins = 290'000'000;  // 96 + 290 million > 380 million
  EXPECT_EQ(ValidateTaskArea(bad).field(), "years[0].private_purchases");

  bad = area;
  bad.years[0].spend = -1;
  EXPECT_EQ(ValidateTaskArea(bad).field(), "years[0].spend");

  bad = area;
  bad.years[0].year = 1989;
  EXPECT_EQ(ValidateTaskArea(bad).field(), "years[0].year");

  bad = area;
  bad.name = " ";
  EXPECT_EQ(ValidateTaskArea(bad).field(), "name");

  bad = area;
  bad.id = 0;
  EXPECT_EQ(ValidateTaskArea(bad).field(), "id");

  EXPECT_EQ(AccountSchemeFromName("kostra"), AccountScheme::kKostra);
  EXPECT_EQ(AccountSchemeName(AccountScheme::kDanishFunctions), "dk_functions");
  EXPECT_EQ(AccountSchemeFromName("KOSTRA"), std::nullopt);
}

}  // namespace
}  // namespace samspill::strategy
