#include "decision/baseline.h"

#include <gtest/gtest.h>

namespace samspill::decision {
namespace {

UnitYear Year(int year) {
  UnitYear y;
  y.year = year;
  y.budget = 52'000'000;
  y.accounts = 54'600'000;
  y.fte = 50;
  y.positions = 80;
  y.sick_leave_percent = 10;
  y.turnover_percent = 12;
  y.users = 20;
  y.users_by_need_level = {2, 8, 10};
  y.quality = {{"Brukertilfredshet", 82, "%"}};
  return y;
}

Baseline TwoUnits() {
  Baseline b;
  b.units = {{"lade", "Lade bofellesskap", 254, {Year(2023), Year(2024)}},
             {"moholt", "Moholt bofellesskap", 254, {Year(2024)}}};
  b.comparisons = {{"Landet, sykefravær helse og omsorg", "sick_leave_percent", 2023, 7.7,
                    "SSB, hentet 2024-05-01"}};
  return b;
}

// The field a broken baseline is refused with (empty when it passes).
std::string Refused(const Baseline& b, int first = 0, int last = 0) {
  const Status s = ValidateBaseline(b, first, last);
  if (!s.ok()) {
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  }
  return s.field();
}

TEST(Baseline, AValidBaselinePasses) {
  EXPECT_TRUE(ValidateBaseline(TwoUnits()).ok());
  EXPECT_TRUE(ValidateBaseline(TwoUnits(), 2022, 2024).ok());
  EXPECT_TRUE(ValidateBaseline(Baseline{}).ok());
}

TEST(Baseline, AbsentFiguresAreValid) {
  Baseline b;
  b.units = {{"a", "A", 253, {UnitYear{.year = 2024}}}};
  EXPECT_TRUE(ValidateBaseline(b).ok());
}

TEST(Baseline, UnitIdsAndNames) {
  Baseline b = TwoUnits();
  b.units[1].id = " ";
  EXPECT_EQ(Refused(b), "units[1].id");
  b.units[1].id = "lade";
  EXPECT_EQ(Refused(b), "units[1].id");
  b = TwoUnits();
  b.units[0].name = "";
  EXPECT_EQ(Refused(b), "units[0].name");
}

TEST(Baseline, UnknownKostraFunction) {
  Baseline b = TwoUnits();
  b.units[1].kostra_function = 255;
  EXPECT_EQ(Refused(b), "units[1].kostra_function");
  for (int f : {234, 253, 254, 261}) {
    b.units[1].kostra_function = f;
    EXPECT_TRUE(ValidateBaseline(b).ok()) << f;
  }
}

TEST(Baseline, YearsOnceAndInsideThePeriod) {
  Baseline b = TwoUnits();
  b.units[0].years[1].year = 2023;
  EXPECT_EQ(Refused(b), "units[0].years[1].year");
  b = TwoUnits();
  EXPECT_EQ(Refused(b, 2024, 2026), "units[0].years[0].year");
  EXPECT_EQ(Refused(b, 2020, 2023), "units[0].years[1].year");
  EXPECT_EQ(Refused(b, 2023, 2024), "");
}

TEST(Baseline, NegativeFigures) {
  struct Case {
    void (*breaks)(UnitYear&);
    std::string field;
  };
  const Case cases[] = {
      {[](UnitYear& y) { y.budget = -1; }, "budget"},
      {[](UnitYear& y) { y.accounts = -1; }, "accounts"},
      {[](UnitYear& y) { y.fte = -0.5; }, "fte"},
      {[](UnitYear& y) { y.positions = -1; }, "positions"},
      {[](UnitYear& y) { y.users = -1; }, "users"},
      {[](UnitYear& y) { y.users_by_need_level[1] = -1; }, "users_by_need_level[1]"},
      {[](UnitYear& y) { y.budget = kMaxBaselineAmount + 1; }, "budget"},
      {[](UnitYear& y) { y.users = kMaxBaselineCount + 1; }, "users"},
  };
  for (const Case& c : cases) {
    Baseline b = TwoUnits();
    c.breaks(b.units[1].years[0]);
    EXPECT_EQ(Refused(b), "units[1].years[0]." + c.field);
  }
}

TEST(Baseline, PercentagesFromZeroTo100) {
  Baseline b = TwoUnits();
  b.units[0].years[1].sick_leave_percent = 100.5;
  EXPECT_EQ(Refused(b), "units[0].years[1].sick_leave_percent");
  b.units[0].years[1].sick_leave_percent = 100;
  b.units[0].years[1].turnover_percent = -1;
  EXPECT_EQ(Refused(b), "units[0].years[1].turnover_percent");
  b.units[0].years[1].turnover_percent = 0;
  EXPECT_EQ(Refused(b), "");
}

TEST(Baseline, NeedLevels) {
  Baseline b = TwoUnits();
  b.units[0].years[0].users_by_need_level = {1, 2};
  EXPECT_EQ(Refused(b), "units[0].years[0].users_by_need_level");
  b.units[0].years[0].users_by_need_level = {5, 8, 8};  // 21 > 20 users
  EXPECT_EQ(Refused(b), "units[0].years[0].users_by_need_level");
  b.units[0].years[0].users_by_need_level = {5, 8, 7};
  EXPECT_EQ(Refused(b), "");
  b.units[0].years[0].users.reset();  // counts without a total are fine
  EXPECT_EQ(Refused(b), "");
  b.grouping.levels = {"lav", "lav"};
  EXPECT_EQ(Refused(b), "grouping.levels[1]");
  b.grouping.levels.assign(kMaxNeedLevels + 1, "x");
  EXPECT_EQ(Refused(b), "grouping.levels");
}

TEST(Baseline, QualityAndComparisons) {
  Baseline b = TwoUnits();
  b.units[0].years[0].quality[0].name = "";
  EXPECT_EQ(Refused(b), "units[0].years[0].quality[0].name");
  b = TwoUnits();
  b.comparisons[0].source = "";
  EXPECT_EQ(Refused(b), "comparisons[0].source");
  b = TwoUnits();
  b.comparisons[0].measure = "cost_per_visit";
  EXPECT_EQ(Refused(b), "comparisons[0].measure");
  for (const std::string& m : BaselineMeasureNames()) {
    b.comparisons[0].measure = m;
    EXPECT_EQ(Refused(b), "") << m;
  }
}

TEST(Baseline, Limits) {
  Baseline b;
  for (int i = 0; i <= kMaxUnits; ++i) {
    b.units.push_back({"u" + std::to_string(i), "U", 254, {}});
  }
  EXPECT_EQ(Refused(b), "units");
  b.units.resize(1);
  for (int y = 0; y <= kMaxBaselineYears; ++y) b.units[0].years.push_back({.year = 2000 + y});
  EXPECT_EQ(Refused(b), "units[0].years");
  b.units[0].years.resize(1);
  b.units[0].years[0].quality.assign(kMaxQualityIndicators + 1, {"q", 1, ""});
  EXPECT_EQ(Refused(b), "units[0].years[0].quality");
}

TEST(Baseline, DerivedFiguresByHand) {
  const UnitYearFigures f = DeriveFigures(Year(2023));
  EXPECT_DOUBLE_EQ(*f.cost_per_user, 2'730'000);            // 54 600 000 / 20
  EXPECT_DOUBLE_EQ(*f.cost_per_day, 54'600'000.0 / 7'300);  // 20 users × 365 days
  EXPECT_DOUBLE_EQ(*f.cost_per_fte, 1'092'000);             // 54 600 000 / 50
  EXPECT_DOUBLE_EQ(*f.accounts_vs_budget_percent, 5);       // 2 600 000 / 52 000 000
  // 2024 is a leap year: 20 × 366 days.
  EXPECT_DOUBLE_EQ(*DeriveFigures(Year(2024)).cost_per_day, 54'600'000.0 / 7'320);
  EXPECT_DOUBLE_EQ(*DeriveFigures(Year(2000)).cost_per_day, 54'600'000.0 / 7'320);
  EXPECT_DOUBLE_EQ(*DeriveFigures(Year(2100)).cost_per_day, 54'600'000.0 / 7'300);
}

TEST(Baseline, DerivedFiguresAbsentWithoutInputsOrDivisor) {
  UnitYear y = Year(2023);
  y.users = 0;
  y.fte = 0;
  y.budget = 0;
  UnitYearFigures f = DeriveFigures(y);
  EXPECT_FALSE(f.cost_per_user || f.cost_per_day || f.cost_per_fte || f.accounts_vs_budget_percent);
  y = Year(2023);
  y.accounts.reset();
  f = DeriveFigures(y);
  EXPECT_FALSE(f.cost_per_user || f.cost_per_day || f.cost_per_fte || f.accounts_vs_budget_percent);
}

TEST(Baseline, TotalsByYearWithSickLeaveWeightedByArsverk) {
  Baseline b = TwoUnits();
  UnitYear& moholt = b.units[1].years[0];
  moholt.fte = 30;
  moholt.sick_leave_percent = 6;
  moholt.turnover_percent.reset();
  moholt.budget.reset();
  moholt.example = true;
  const std::vector<BaselineYearTotal> t = BaselineTotals(b);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].year, 2023);
  EXPECT_EQ(t[0].units, 1);
  EXPECT_FALSE(t[0].example);
  EXPECT_DOUBLE_EQ(*t[0].sick_leave_percent, 10);
  const BaselineYearTotal& y = t[1];
  EXPECT_EQ(y.year, 2024);
  EXPECT_EQ(y.units, 2);
  EXPECT_TRUE(y.example);
  EXPECT_EQ(*y.budget, 52'000'000);  // Moholt gives none
  EXPECT_EQ(*y.accounts, 109'200'000);
  EXPECT_DOUBLE_EQ(*y.fte, 80);
  EXPECT_EQ(*y.positions, 160);
  EXPECT_EQ(*y.users, 40);
  EXPECT_DOUBLE_EQ(*y.sick_leave_percent, (10.0 * 50 + 6.0 * 30) / 80);  // 8.5
  EXPECT_DOUBLE_EQ(*y.turnover_percent, 12);  // Moholt's is unknown, not zero
  EXPECT_DOUBLE_EQ(*y.figures.cost_per_user, 109'200'000.0 / 40);
  EXPECT_DOUBLE_EQ(*y.figures.cost_per_fte, 109'200'000.0 / 80);
  EXPECT_DOUBLE_EQ(*y.figures.cost_per_day, 109'200'000.0 / (40 * 366));
}

TEST(Baseline, TotalsLeaveOutSickLeaveWithoutArsverk) {
  Baseline b;
  UnitYear a{.year = 2024, .sick_leave_percent = 20};
  UnitYear c{.year = 2024, .fte = 10, .sick_leave_percent = 5};
  b.units = {{"a", "A", 254, {a}}, {"c", "C", 254, {c}}};
  const std::vector<BaselineYearTotal> t = BaselineTotals(b);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_DOUBLE_EQ(*t[0].sick_leave_percent, 5);
  EXPECT_FALSE(t[0].turnover_percent);
  EXPECT_FALSE(t[0].budget);
  EXPECT_FALSE(t[0].users);
  EXPECT_FALSE(t[0].figures.cost_per_user);
}

TEST(Baseline, MeasureNames) {
  EXPECT_EQ(BaselineMeasureNames().size(), 10u);
  EXPECT_EQ(BaselineMeasureNames().front(), "budget");
  EXPECT_EQ(BaselineMeasureNames().back(), "cost_per_fte");
}

}  // namespace
}  // namespace samspill::decision
