#include "strategy/political_targets.h"

#include <gtest/gtest.h>

namespace samspill::strategy {
namespace {

using portfolio::Attainment;
using portfolio::TargetKind;

IkuPoint Point(int year, int64_t competed, int64_t may_compete, bool example = false) {
  return {.year = year,
          .may_compete = may_compete,
          .competed = competed,
          .iku = IkuPercent(competed, may_compete),
          .example = example};
}

PoliticalTarget IkuTarget() {
  PoliticalTarget t;
  t.id = 7;
  t.subject = TargetSubject::kIku;
  t.indicator.category = "strategi";
  t.indicator.name = "IKU";
  t.indicator.unit = "prosentpoeng";
  t.indicator.target_kind = TargetKind::kReachByLastYear;
  t.indicator.target = 140;  // 14.0 %
  t.indicator.decimals = 1;
  t.period = {2024, 2028};
  t.adopted_by = "Byrådet, budgetaftale 2025";
  return t;
}

// The register's IKU in tenths: 2024 120 of 1000 = 12.0 % → 120; 2025 1 265 of 10 000 =
// 12.65 % → 126.5 tenths, half away from zero → 127 (path 125: met); 2026 129 of 1000 = 12.9 %
// → 129 (path 130: not met); 2027 none (may_compete 0: no IKU, no figure).
TEST(PoliticalTargets, IkuTargetCountsTheRegistersIkuInTenths) {
  PoliticalTarget t = IkuTarget();
  t.indicator.SetFigure({2025, 999, "typed in", false});  // ignored for an IKU target
  const std::vector<IkuPoint> iku = {Point(2024, 120, 1000), Point(2025, 1265, 10000, true),
                                     Point(2026, 129, 1000), Point(2027, 0, 0)};
  const portfolio::Indicator ind = TargetIndicator(t, iku);
  ASSERT_EQ(ind.figures.size(), 3u);
  EXPECT_EQ(ind.figures[0].value, 120);
  EXPECT_EQ(ind.figures[1].value, 127);
  EXPECT_EQ(ind.figures[1].note, "eksempel");
  EXPECT_TRUE(ind.figures[1].counted);
  EXPECT_EQ(ind.figures[2].value, 129);

  const portfolio::IndicatorAttainment a = TargetAttainment(t, iku);
  ASSERT_EQ(a.years.size(), 5u);
  EXPECT_EQ(a.years[1].target, 125);
  EXPECT_EQ(a.years[1].state, Attainment::kMet);
  EXPECT_EQ(a.years[2].target, 130);
  EXPECT_EQ(a.years[2].state, Attainment::kNotMet);
  EXPECT_EQ(a.years[3].state, Attainment::kNoFigure);
  EXPECT_EQ(a.period, Attainment::kNoFigure);
  EXPECT_EQ(a.summary_nb, "På sporet 1 av 4 år; målet 14,0 gjelder 2028");
}

// A green target's figures are entered and kept: at least 30.0 % eco-labelled every year.
TEST(PoliticalTargets, GreenTargetKeepsItsEnteredFigures) {
  PoliticalTarget t = IkuTarget();
  t.subject = TargetSubject::kGreen;
  t.indicator.name = "Miljømærkede indkøb";
  t.indicator.target_kind = TargetKind::kPerYear;
  t.indicator.target = 300;
  t.period = {2024, 2025};
  t.indicator.SetFigure({2024, 312, "", false});
  t.indicator.SetFigure({2025, 287, "færre rammeaftaler", false});
  EXPECT_EQ(TargetIndicator(t, {Point(2024, 1, 2)}), t.indicator);
  const portfolio::IndicatorAttainment a = TargetAttainment(t, {});
  EXPECT_EQ(a.years[0].state, Attainment::kMet);
  EXPECT_EQ(a.years[1].state, Attainment::kNotMet);
  EXPECT_EQ(a.summary_en, "Met in 1 of 2 years");
}

// "+2 points by 2028" from a 2024 IKU of 26 315 789 of 100 000 000 = 26.315789 % → 263 tenths,
// plus 20 tenths = 283.
TEST(PoliticalTargets, TargetFromAnIncrease) {
  const std::vector<IkuPoint> iku = {Point(2024, 26'315'789, 100'000'000)};
  EXPECT_EQ(IkuTargetFromIncrease(iku, 2024, 2.0), 283);
  EXPECT_EQ(IkuTargetFromIncrease(iku, 2024, 1.25), 276);  // 263 + 12.5 → 13
  EXPECT_EQ(IkuTargetFromIncrease(iku, 2023, 2.0), std::nullopt);
  EXPECT_EQ(IkuTargetFromIncrease({Point(2024, 0, 0)}, 2024, 2.0), std::nullopt);
}

TEST(PoliticalTargets, ValidationNamesTheTargetAndField) {
  EXPECT_TRUE(ValidatePoliticalTarget(IkuTarget()).ok());
  PoliticalTarget t = IkuTarget();
  t.indicator.decimals = 0;
  Status s = ValidatePoliticalTarget(t);
  EXPECT_EQ(s.field(), "decimals");
  EXPECT_NE(s.message().find("'IKU'"), std::string::npos) << s.message();
  t = IkuTarget();
  t.indicator.target_kind = TargetKind::kPeriodTotal;
  EXPECT_EQ(ValidatePoliticalTarget(t).field(), "target_kind");
  t = IkuTarget();
  t.indicator.target = 1001;
  EXPECT_EQ(ValidatePoliticalTarget(t).field(), "target");
  t = IkuTarget();
  t.indicator.target.reset();
  EXPECT_EQ(ValidatePoliticalTarget(t).field(), "target");
  t = IkuTarget();
  t.period = {2028, 2024};
  EXPECT_EQ(ValidatePoliticalTarget(t).field(), "first_year");
  t = IkuTarget();
  t.id = 0;
  EXPECT_EQ(ValidatePoliticalTarget(t).field(), "id");
  t = IkuTarget();
  t.indicator.name = "";
  EXPECT_EQ(ValidatePoliticalTarget(t).field(), "name");
  EXPECT_EQ(TargetSubjectFromName("green"), TargetSubject::kGreen);
  EXPECT_EQ(TargetSubjectName(TargetSubject::kIku), "iku");
}

}  // namespace
}  // namespace samspill::strategy
