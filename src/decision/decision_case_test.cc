#include "decision/decision_case.h"

#include <gtest/gtest.h>

#include "decision/decision_case_json.h"

namespace samspill::decision {
namespace {

DecisionCase Boa() {
  return NewCase("Drift av bofellesskap", "Bo- og aktivitetstilbud", 2026, 2029);
}

CaseItem Cost(std::string alternative, std::string name, int64_t base) {
  return {std::move(alternative), std::move(name), ItemKind::kCost, 0, base, base, base, false};
}

CaseDecision Tender() {
  CaseDecision d;
  d.chosen_alternative = "outsourced";
  d.recommended_alternative = "outsourced";
  d.outcome = DecisionOutcome::kTender;
  d.decided_by = "Bystyret";
  d.decided_on = Date{2025, 2, 20};
  d.political_reference = "Bystyret 20.02.2025";
  return d;
}

TEST(DecisionCase, StartsWithTheThreeAlternativesAndTheRiskTemplate) {
  DecisionCase c = Boa();
  ASSERT_TRUE(ValidateDecisionCase(c).ok()) << ValidateDecisionCase(c).ToString();
  ASSERT_EQ(c.business_case.alternatives.size(), 3u);
  EXPECT_EQ(c.business_case.baseline_id, "in_house");
  EXPECT_EQ(c.business_case.alternatives[1].id, "in_house_improved");
  EXPECT_FALSE(c.risks.empty());
}

TEST(DecisionCase, AddsAnItemForEachYearOfARange) {
  DecisionCase c = Boa();
  ASSERT_TRUE(AddItems(c, Cost("outsourced", "Oppfølging", 1'350'000), 2026, 2029).ok());
  ASSERT_EQ(c.business_case.items.size(), 4u);
  EXPECT_EQ(c.business_case.items[0].year, 2026);
  EXPECT_EQ(c.business_case.items[3].year, 2029);
  Result<CaseTotals> totals = ComputeTotals(c.business_case);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->alternatives[2].costs, 4 * 1'350'000);
}

TEST(DecisionCase, RefusesAYearOutsideThePeriodAndAnUnknownAlternativeAndChangesNothing) {
  DecisionCase c = Boa();
  Status outside = AddItems(c, Cost("outsourced", "Oppfølging", 1), 2026, 2031);
  EXPECT_EQ(outside.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(outside.field(), "year");
  Status unknown = AddItems(c, Cost("privatisert", "Oppfølging", 1), 2026, 2026);
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.message().find("privatisert"), std::string::npos);
  CaseItem negative = Cost("outsourced", "Oppfølging", 5);
  negative.low = -1;
  EXPECT_FALSE(AddItems(c, negative, 2026, 2026).ok());
  EXPECT_TRUE(c.business_case.items.empty());
}

TEST(DecisionCase, BaselineFiguresAreCheckedAndRefusedWhole) {
  DecisionCase c = Boa();
  UnitYear y;
  y.year = 2024;
  y.fte = -3;
  Status s = PutUnitYear(c, "lade", "Lade", 254, y);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "baseline.units[0].years[0].fte");
  y.fte = 20;
  y.sick_leave_percent = 120;
  EXPECT_EQ(PutUnitYear(c, "lade", "Lade", 254, y).field(),
            "baseline.units[0].years[0].sick_leave_percent");
  y.sick_leave_percent = 9.5;
  y.year = 2031;  // after the period: a baseline is history
  EXPECT_FALSE(PutUnitYear(c, "lade", "Lade", 254, y).ok());
  EXPECT_TRUE(c.baseline.units.empty());
  y.year = 2024;
  ASSERT_TRUE(PutUnitYear(c, "lade", "Lade", 254, y).ok());
  y.fte = 22;
  ASSERT_TRUE(PutUnitYear(c, "lade", "", 254, y).ok());
  ASSERT_EQ(c.baseline.units.size(), 1u);
  ASSERT_EQ(c.baseline.units[0].years.size(), 1u);
  EXPECT_EQ(*c.baseline.units[0].years[0].fte, 22);
  EXPECT_EQ(c.baseline.units[0].name, "Lade");
}

TEST(DecisionCase, TheBaselineAlternativeCannotBeRemovedAndOthersTakeTheirItems) {
  DecisionCase c = Boa();
  EXPECT_EQ(RemoveAlternative(c, "in_house").code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(AddItems(c, Cost("outsourced", "Oppfølging", 1), 2026, 2027).ok());
  ASSERT_TRUE(RemoveAlternative(c, "outsourced").ok());
  EXPECT_TRUE(c.business_case.items.empty());
  Result<std::string> id = AddAlternative(c, "Trinnvis: to enheter først");
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, "trinnvis_to_enheter_f_rst");
  EXPECT_EQ(*AddAlternative(c, "Trinnvis: to enheter først"), "trinnvis_to_enheter_f_rst_2");
  EXPECT_EQ(AddAlternative(c, "  ").status().code(), StatusCode::kInvalidArgument);
}

TEST(DecisionCase, ADecisionLocksTheCaseWithItsFiguresAsTheyStood) {
  DecisionCase c = Boa();
  ASSERT_TRUE(AddItems(c, Cost("outsourced", "Oppfølging", 1'350'000), 2026, 2029).ok());
  Result<nlohmann::json> figures = CaseFiguresJson(c);
  ASSERT_TRUE(figures.ok());
  ASSERT_TRUE(Decide(c, Tender(), "controller", figures->dump()).ok());
  ASSERT_TRUE(c.decision.has_value());
  EXPECT_EQ(c.decision->recorded_by, "controller");
  EXPECT_EQ(c.decision->figures_sha256.size(), 64u);
  Status again = AddItems(c, Cost("outsourced", "Mer", 1), 2026, 2026);
  EXPECT_EQ(again.code(), StatusCode::kConflict);
  EXPECT_NE(again.message().find("2025-02-20"), std::string::npos);
  EXPECT_EQ(Decide(c, Tender(), "controller", figures->dump()).code(), StatusCode::kConflict);
  EXPECT_EQ(c.business_case.items.size(), 4u);

  // The stored document reads back whole; figures changed afterwards are refused.
  nlohmann::json doc = DecisionCaseToJson(c);
  Result<DecisionCase> back = DecisionCaseFromJson(doc);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->decision->figures_sha256, c.decision->figures_sha256);
  EXPECT_EQ(DecisionCaseToJson(*back), doc);
  doc["decision"]["figures"]["totals"][2]["net"] = 999;
  Result<DecisionCase> tampered = DecisionCaseFromJson(doc);
  EXPECT_EQ(tampered.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tampered.status().field(), "decision.figures");
}

TEST(DecisionCase, ADecisionNamesAnAlternativeOfTheCase) {
  DecisionCase c = Boa();
  CaseDecision d = Tender();
  d.chosen_alternative = "privat";
  Status s = Decide(c, d, "controller", "{}");
  EXPECT_EQ(s.field(), "decision.chosen_alternative");
  EXPECT_FALSE(c.decision.has_value());
  d = Tender();
  d.political_reference = " ";
  EXPECT_EQ(Decide(c, d, "controller", "{}").field(), "decision.political_reference");
}

TEST(DecisionCase, OnlyACaseDecidedToBeTenderedLeadsToATender) {
  DecisionCase c = Boa();
  EXPECT_EQ(LinkTender(c, 7).code(), StatusCode::kConflict);
  CaseDecision d = Tender();
  d.outcome = DecisionOutcome::kInHouseImproved;
  d.chosen_alternative = "in_house_improved";
  ASSERT_TRUE(Decide(c, d, "controller", "{}").ok());
  EXPECT_EQ(LinkTender(c, 7).code(), StatusCode::kConflict);
  DecisionCase t = Boa();
  ASSERT_TRUE(Decide(t, Tender(), "controller", "{}").ok());
  ASSERT_TRUE(LinkTender(t, 7).ok());
  EXPECT_EQ(LinkTender(t, 8).code(), StatusCode::kConflict);
  EXPECT_EQ(*t.tender_id, 7);
}

TEST(DecisionCase, CheckedFieldsOfTheCaseItself) {
  DecisionCase c = Boa();
  c.cpv = "8531100";
  EXPECT_EQ(ValidateDecisionCase(c).field(), "cpv");
  c.cpv = "85311000-2";
  c.region = "no060";
  EXPECT_EQ(ValidateDecisionCase(c).field(), "region");
  c.region = "NO060";
  c.title = "";
  EXPECT_EQ(ValidateDecisionCase(c).field(), "title");
  c.title = "x";
  c.business_case.items.push_back(Cost("outsourced", "Etter perioden", 1));
  c.business_case.items.back().year = 2030;
  EXPECT_EQ(ValidateDecisionCase(c).field(), "business_case.items[0].year");
}

TEST(DecisionCase, TheTenderProjectCostsWhatSeed000Counted) {
  // 1.1 årsverk + NOK 300 000 external help + NOK 90 000 municipal lawyer.
  EXPECT_EQ(TenderProjectCost(900'000), 990'000 + 300'000 + 90'000);
  EXPECT_EQ(TenderProjectCost(0), 390'000);
}

TEST(DecisionCase, StrictDocumentNamesTheFieldOfEachPart) {
  nlohmann::json doc = DecisionCaseToJson(Boa());
  doc["risks"][1]["likelihood"] = 6;
  EXPECT_EQ(DecisionCaseFromJson(doc).status().field(), "risks[1].likelihood");
  doc = DecisionCaseToJson(Boa());
  doc["business_case"]["items"] = {{{"alternative", "outsourced"},
                                    {"name", "x"},
                                    {"kind", "cost"},
                                    {"year", 2040},
                                    {"base", 1}}};
  EXPECT_EQ(DecisionCaseFromJson(doc).status().field(), "business_case.items[0].year");
  doc = DecisionCaseToJson(Boa());
  doc["tittel"] = "x";
  EXPECT_EQ(DecisionCaseFromJson(doc).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseDecisionCaseJson("{").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace samspill::decision
