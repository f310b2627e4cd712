// The report's own statements about its targets (seed 004 chapter 1), checked against the
// figures in shared/data/trd3/indicators.csv.
#include "portfolio/indicator.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "portfolio/indicator_csv.h"

namespace samspill::portfolio {
namespace {

class ReportTargets : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(SAMSPILL_SOURCE_DIR "/../shared/data/trd3/indicators.csv");
    ASSERT_TRUE(in) << "shared/data/trd3/indicators.csv not found";
    std::stringstream text;
    text << in.rdbuf();
    IndicatorImport parsed = ParseIndicatorsCsv(text.str());
    for (const RowError& e : parsed.errors) ADD_FAILURE() << e.ToString();
    indicators_ = parsed.indicators;
  }

  const Indicator& Find(std::string_view name) {
    for (const Indicator& i : indicators_) {
      if (i.name == name) return i;
    }
    ADD_FAILURE() << "no indicator " << name;
    static const Indicator kNone;
    return kNone;
  }

  Attainment Year(std::string_view name, int year) {
    for (const YearAttainment& y : ComputeAttainment(Find(name), period_).years) {
      if (y.year == year) return y.state;
    }
    return Attainment::kNoFigure;
  }

  std::vector<Indicator> indicators_;
  Period period_{2022, 2025};
};

TEST_F(ReportTargets, ReadsEveryIndicatorOfTheReport) { EXPECT_EQ(indicators_.size(), 19u); }

// "En målsetting har vært å sende 20 forsknings- og innovasjonssøknader årlig. Dette målet er
// ikke oppnådd i noen av årene i perioden."
TEST_F(ReportTargets, TwentyApplicationsSentWasMetInNoYear) {
  const auto a = ComputeAttainment(Find("Forsknings- og innovasjonssøknader sendt"), period_);
  EXPECT_EQ(a.years_met, 0);
  EXPECT_EQ(a.years_with_target, 4);
  EXPECT_EQ(a.period, Attainment::kNotMet);
  EXPECT_EQ(a.period_value, 18 + 10 + 16 + 14);
}

// "Det har vært et mål om å få innvilget 7 søknader årlig. Dette målet er oppnådd" (2022–2024);
// in 2025 only 1, with 13 still awaiting an answer.
TEST_F(ReportTargets, SevenGrantedApplicationsMetUntil2024With2025Pending) {
  const std::string name = "Forsknings- og innovasjonssøknader innvilget";
  EXPECT_EQ(Year(name, 2022), Attainment::kMet);
  EXPECT_EQ(Year(name, 2023), Attainment::kMet);
  EXPECT_EQ(Year(name, 2024), Attainment::kMet);
  EXPECT_EQ(Year(name, 2025), Attainment::kNotMet);
  const auto a = ComputeAttainment(Find(name), period_);
  EXPECT_EQ(a.years.back().note, "13 søknader venter fortsatt på svar");
}

// "Dette målet er innfridd i alle årene" — 4 externally funded PhD candidates a year.
TEST_F(ReportTargets, PhdTargetMetEveryYear) {
  const auto a = ComputeAttainment(Find("Eksternfinansierte PhD-kandidater startet"), period_);
  EXPECT_EQ(a.years_met, 4);
  EXPECT_EQ(a.period, Attainment::kMet);
}

// The summary says the bachelor and master targets were met "fra 2023 fram til i dag". The
// figures agree for master theses, but not for bachelor theses in 2025: 26 against 50.
TEST_F(ReportTargets, BachelorTargetWasNotMetIn2025DespiteTheSummary) {
  const std::string bachelor = "Bacheloroppgaver med kommunen som problemeier";
  EXPECT_EQ(Year(bachelor, 2022), Attainment::kNotMet);
  EXPECT_EQ(Year(bachelor, 2023), Attainment::kMet);
  EXPECT_EQ(Year(bachelor, 2024), Attainment::kMet);
  EXPECT_EQ(Year(bachelor, 2025), Attainment::kNotMet);
  const std::string master = "Masteroppgaver med kommunen som problemeier";
  EXPECT_EQ(Year(master, 2022), Attainment::kNotMet);
  for (int year : {2023, 2024, 2025}) EXPECT_EQ(Year(master, year), Attainment::kMet) << year;
}

// "Eksperter i Team … har ligget under målet i alle de fire årene."
TEST_F(ReportTargets, ExpertsInTeamsBelowTargetAllFourYears) {
  const auto a =
      ComputeAttainment(Find("Eksperter i Team-landsbyer med kommunen som problemeier"), period_);
  EXPECT_EQ(a.years_met, 0);
}

// "Kun i 2024 ble dette målet oppnådd med 33 prosjektarbeid."
TEST_F(ReportTargets, StudentProjectsMetOnlyIn2024) {
  const std::string name = "Studentprosjektarbeid med problemstillinger fra kommunen";
  EXPECT_EQ(Year(name, 2024), Attainment::kMet);
  EXPECT_EQ(ComputeAttainment(Find(name), period_).years_met, 1);
}

// "Målet har vært å få innvilget én søknad per år, et mål som er oppnådd i alle årene bortsett
// fra i 2022."
TEST_F(ReportTargets, OneEducationApplicationGrantedEveryYearBut2022) {
  const std::string name = "Utdanningssøknader innvilget";
  EXPECT_EQ(Year(name, 2022), Attainment::kNotMet);
  for (int year : {2023, 2024, 2025}) EXPECT_EQ(Year(name, year), Attainment::kMet);
}

// Period targets: 4 prioritised areas (9 reached), 20 pilots (1), 8 commercialisations (1).
TEST_F(ReportTargets, PeriodTotals) {
  const auto areas =
      ComputeAttainment(Find("Prioriterte områder for målrettet kunnskapsutvikling"), period_);
  EXPECT_EQ(areas.period, Attainment::kMet);
  EXPECT_EQ(areas.period_value, 9);
  const auto pilots =
      ComputeAttainment(Find("Nye løsninger/samarbeidsformer testet i piloter"), period_);
  EXPECT_EQ(pilots.period, Attainment::kNotMet);
  EXPECT_EQ(pilots.period_value, 1);
  EXPECT_EQ(ComputeAttainment(Find("Nye kommersialiseringer/selskap etablert"), period_).period,
            Attainment::kNotMet);
}

// "Dette er absolutt realisert, med totalt 24 nye møteplasser opprettet i perioden."
TEST_F(ReportTargets, MeetingPlacesIncreasedOverThePeriod) {
  const auto a = ComputeAttainment(Find("Nye møteplasser/nettverk forskning–praksis"), period_);
  EXPECT_EQ(a.period, Attainment::kMet);
  EXPECT_EQ(a.period_value, 24);
}

// "Dette klarte vi med 150 deltakere i 2023. Dette var en økning fra forrige Arena Unikom i 2021
// som hadde 120 deltakere."
TEST_F(ReportTargets, ArenaUnikomGrewFromTheEditionBefore) {
  const auto a =
      ComputeAttainment(Find("Deltakere på Arena Unikom (i Trondheim annethvert år)"), period_);
  EXPECT_EQ(a.period, Attainment::kMet);
  ASSERT_EQ(a.years.size(), 2u);
  EXPECT_EQ(a.years[0].year, 2021);
  EXPECT_EQ(a.years[0].state, Attainment::kNoTarget);  // the baseline edition
  EXPECT_EQ(a.years[1].state, Attainment::kMet);
}

TEST_F(ReportTargets, TrackedWithoutTargetHasNoAttainment) {
  const auto a =
      ComputeAttainment(Find("Nye rutiner for tilgjengeliggjøring av kommunale data"), period_);
  EXPECT_EQ(a.period, Attainment::kNoTarget);
  EXPECT_EQ(a.period_value, 4);
}

TEST(Indicator, PerYearWithAMissingYearIsNotMet) {
  Indicator ind{.category = "x", .name = "y", .target_kind = TargetKind::kPerYear, .target = 1};
  ind.SetFigure({2023, 2, "", false});
  ind.SetFigure({2022, 1, "", false});
  const auto a = ComputeAttainment(ind, {2022, 2024});
  EXPECT_EQ(a.years[2].state, Attainment::kNoFigure);
  EXPECT_EQ(a.period, Attainment::kNotMet);
  EXPECT_EQ(ind.figures.front().year, 2022);
}

TEST(Indicator, CountsApplicationsFromTheRegister) {
  Project sent{.name = "A", .kind = ProjectKind::kResearch, .status = ProjectStatus::kApplied};
  sent.applied_on = Date{2025, 3, 1};
  Project granted = sent;
  granted.status = ProjectStatus::kActive;
  Project education = sent;
  education.kind = ProjectKind::kEducation;
  Project merged = granted;
  merged.merged_into = 1;
  const std::vector<Project> all = {sent, granted, education, merged};
  EXPECT_EQ(CountFromRegister({{ProjectKind::kResearch, ProjectKind::kInnovation}}, 2025, all), 2);
  EXPECT_EQ(CountFromRegister({{ProjectKind::kResearch}, true}, 2025, all), 1);
  EXPECT_EQ(CountFromRegister({{ProjectKind::kResearch}}, 2024, all), 0);
}

TEST(Indicator, ValidationNamesTheField) {
  Indicator ind{.category = "x", .name = "y", .target_kind = TargetKind::kPerYear};
  EXPECT_EQ(ValidateIndicator(ind).field(), "target");
}

TEST(Indicator, DecimalsAreValidatedAndReachByLastYearNeedsATarget) {
  Indicator ind{.category = "x", .name = "y", .target_kind = TargetKind::kReachByLastYear};
  EXPECT_EQ(ValidateIndicator(ind).field(), "target");
  ind.target = 140;
  ind.decimals = 3;
  EXPECT_EQ(ValidateIndicator(ind).field(), "decimals");
  ind.decimals = -1;
  EXPECT_EQ(ValidateIndicator(ind).field(), "decimals");
  ind.decimals = 2;
  EXPECT_TRUE(ValidateIndicator(ind).ok());
  EXPECT_EQ(TargetKindName(TargetKind::kReachByLastYear), "reach_by_last_year");
  EXPECT_EQ(TargetKindFromName("reach_by_last_year"), TargetKind::kReachByLastYear);
  EXPECT_EQ(TargetKindLabelNb(TargetKind::kReachByLastYear), "Nås innen siste år");
}

TEST(Indicator, FormatsValuesWithTheirDecimals) {
  EXPECT_EQ(FormatIndicatorValue(265, 1, false), "26,5");
  EXPECT_EQ(FormatIndicatorValue(265, 1, true), "26.5");
  EXPECT_EQ(FormatIndicatorValue(5, 2, false), "0,05");
  EXPECT_EQ(FormatIndicatorValue(-120, 1, true), "-12.0");
  EXPECT_EQ(FormatIndicatorValue(12345, 0, false), "12345");
}

// Baseline 12.0 in 2024, target 14.0 in 2028 (tenths: 120 → 140 over 4 years). The straight
// path: 2025 = 120 + 20·1/4 = 125, 2026 = 120 + 20·2/4 = 130, 2027 = 120 + 20·3/4 = 135, and
// 2028 the target 140 itself. Figures 12.6 (≥ 12.5, met), 12.9 (< 13.0, not met), 13.5 (= 13.5,
// met) and 14.1 (≥ 14.0, met): on track in 3 of the 4 years that have a target.
TEST(Indicator, ReachByLastYearFollowsTheStraightPath) {
  Indicator ind{.category = "x",
                .name = "IKU",
                .target_kind = TargetKind::kReachByLastYear,
                .target = 140,
                .decimals = 1};
  for (auto [year, value] : {std::pair{2024, 120}, {2025, 126}, {2026, 129}, {2027, 135}}) {
    ind.SetFigure({year, value, "", false});
  }
  auto a = ComputeAttainment(ind, {2024, 2028});
  ASSERT_EQ(a.years.size(), 5u);
  EXPECT_EQ(a.years[0].target, std::nullopt);
  EXPECT_EQ(a.years[0].state, Attainment::kNoTarget);
  EXPECT_EQ(a.years[1].target, 125);
  EXPECT_EQ(a.years[1].state, Attainment::kMet);
  EXPECT_EQ(a.years[2].target, 130);
  EXPECT_EQ(a.years[2].state, Attainment::kNotMet);
  EXPECT_EQ(a.years[3].target, 135);
  EXPECT_EQ(a.years[3].state, Attainment::kMet);
  EXPECT_EQ(a.years[4].target, 140);
  // The last year is not reported yet: the period's attainment is the last year's state.
  EXPECT_EQ(a.years[4].state, Attainment::kNoFigure);
  EXPECT_EQ(a.period, Attainment::kNoFigure);
  EXPECT_EQ(a.years_met, 2);
  EXPECT_EQ(a.years_with_target, 4);
  EXPECT_EQ(a.summary_nb, "På sporet 2 av 4 år; målet 14,0 gjelder 2028");
  EXPECT_EQ(a.summary_en, "On track in 2 of 4 years; the target 14.0 is for 2028");

  ind.SetFigure({2028, 141, "", false});
  a = ComputeAttainment(ind, {2024, 2028});
  EXPECT_EQ(a.period, Attainment::kMet);
  EXPECT_EQ(a.years_met, 3);
  ind.SetFigure({2028, 139, "", false});
  EXPECT_EQ(ComputeAttainment(ind, {2024, 2028}).period, Attainment::kNotMet);
}

// The path's value is rounded half away from zero: 100 → 105 over 2 years gives 102.5 → 103
// for the middle year; a decrease 100 → 95 gives 97.5 → 98 (the value is rounded, not the
// step −2.5, which would give 97).
TEST(Indicator, ReachByLastYearRoundsThePathHalfAwayFromZero) {
  Indicator up{
      .category = "x", .name = "y", .target_kind = TargetKind::kReachByLastYear, .target = 105};
  up.SetFigure({2020, 100, "", false});
  EXPECT_EQ(ComputeAttainment(up, {2020, 2022}).years[1].target, 103);
  Indicator down = up;
  down.target = 95;
  EXPECT_EQ(ComputeAttainment(down, {2020, 2022}).years[1].target, 98);
  // 100 → 101 over 3 years: 100 + 1/3 = 100.33 → 100, 100 + 2/3 = 100.67 → 101.
  Indicator third = up;
  third.target = 101;
  const auto a = ComputeAttainment(third, {2020, 2023});
  EXPECT_EQ(a.years[1].target, 100);
  EXPECT_EQ(a.years[2].target, 101);
}

// Without a baseline figure there is no path: the years between have no target, and only the
// last year counts.
TEST(Indicator, ReachByLastYearWithoutABaselineJudgesOnlyTheLastYear) {
  Indicator ind{.category = "x",
                .name = "y",
                .target_kind = TargetKind::kReachByLastYear,
                .target = 140,
                .decimals = 1};
  ind.SetFigure({2025, 100, "", false});
  ind.SetFigure({2026, 145, "", false});
  const auto a = ComputeAttainment(ind, {2024, 2026});
  EXPECT_EQ(a.years[1].state, Attainment::kNoTarget);
  EXPECT_EQ(a.years[1].target, std::nullopt);
  EXPECT_EQ(a.years[2].state, Attainment::kMet);
  EXPECT_EQ(a.period, Attainment::kMet);
  EXPECT_EQ(a.years_with_target, 1);
  EXPECT_EQ(a.years_met, 1);
}

// The other kinds' summaries print the decimals too: a period total of 26.5 + 27.0 = 53.5
// against a target of 50.0.
TEST(Indicator, SummariesPrintTheDecimals) {
  Indicator ind{.category = "x",
                .name = "y",
                .target_kind = TargetKind::kPeriodTotal,
                .target = 500,
                .decimals = 1};
  ind.SetFigure({2024, 265, "", false});
  ind.SetFigure({2025, 270, "", false});
  const auto a = ComputeAttainment(ind, {2024, 2025});
  EXPECT_EQ(a.period_value, 535);
  EXPECT_EQ(a.summary_nb, "53,5 av 50,0 i perioden");
  EXPECT_EQ(a.summary_en, "53.5 of 50.0 in the period");
}

// The attainment CSV writes an indicator with one decimal with a decimal point: target 14.0,
// 2024 12.0, 2025 12.6 (no period total: a sum of shares means nothing); whole-number
// indicators as before.
TEST(Indicator, AttainmentCsvWritesTheDecimals) {
  Indicator ind{.category = "strategi",
                .name = "IKU",
                .target_kind = TargetKind::kReachByLastYear,
                .target = 140,
                .decimals = 1};
  ind.SetFigure({2024, 120, "", false});
  ind.SetFigure({2025, 126, "", false});
  Indicator whole{.category = "x", .name = "y", .target_kind = TargetKind::kPerYear, .target = 7};
  whole.SetFigure({2024, 8, "", false});
  const std::string csv = AttainmentToCsv({ind, whole}, {2024, 2025});
  EXPECT_NE(csv.find("strategi,IKU,antall,reach_by_last_year,14.0,12.0,12.6,,not_met,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("x,y,antall,per_year,7,8,,8,not_met,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace samspill::portfolio
