#include "decision/risk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>

namespace samspill::decision {
namespace {

std::vector<Risk> TwoRisks() {
  return {Risk{.id = "a", .title = "Bare ett tilbud", .likelihood = 4, .consequence = 4},
          Risk{.id = "b",
               .title = "Kostnadsutvikling",
               .likelihood = 2,
               .consequence = 3,
               .mitigations = {{"Prisregulering i kontrakten", "Økonomi",
                                MitigationStatus::kInProgress, "2026-03-01"}},
               .residual_likelihood = 1,
               .residual_consequence = 3}};
}

// The field ValidateRisks names after `change` is applied to a valid register, or "ok".
std::string FieldAfter(const std::function<void(std::vector<Risk>&)>& change) {
  std::vector<Risk> risks = TwoRisks();
  change(risks);
  const Status s = ValidateRisks(risks);
  if (s.ok()) return "ok";
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(s.message().empty());
  return s.field();
}

TEST(RiskScore, IsLikelihoodTimesConsequence) {
  EXPECT_EQ(RiskScore(1, 1), 1);
  EXPECT_EQ(RiskScore(2, 3), 6);
  EXPECT_EQ(RiskScore(3, 2), 6);
  EXPECT_EQ(RiskScore(5, 5), 25);
}

TEST(RiskScore, BandsAreLowToFourMediumToNineHighFromTen) {
  EXPECT_EQ(LevelOfScore(1), RiskLevel::kLow);
  EXPECT_EQ(LevelOfScore(4), RiskLevel::kLow);
  EXPECT_EQ(LevelOfScore(5), RiskLevel::kMedium);
  EXPECT_EQ(LevelOfScore(9), RiskLevel::kMedium);
  EXPECT_EQ(LevelOfScore(10), RiskLevel::kHigh);
  EXPECT_EQ(LevelOfScore(25), RiskLevel::kHigh);
  // On the grid: 2 × 2 is low, 1 × 5 medium, 3 × 3 medium, 2 × 5 high.
  EXPECT_EQ(LevelOfScore(RiskScore(2, 2)), RiskLevel::kLow);
  EXPECT_EQ(LevelOfScore(RiskScore(1, 5)), RiskLevel::kMedium);
  EXPECT_EQ(LevelOfScore(RiskScore(3, 3)), RiskLevel::kMedium);
  EXPECT_EQ(LevelOfScore(RiskScore(2, 5)), RiskLevel::kHigh);
  // A residual not assessed scores 0 and still gets a level, never an invalid one.
  EXPECT_EQ(LevelOfScore(0), RiskLevel::kLow);
}

TEST(ValidateRisks, AcceptsAValidRegisterAndAnEmptyOne) {
  EXPECT_TRUE(ValidateRisks(TwoRisks()).ok());
  EXPECT_TRUE(ValidateRisks({}).ok());
}

TEST(ValidateRisks, NamesTheFieldOfEachRule) {
  EXPECT_EQ(FieldAfter([](auto&) {}), "ok");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].id = ""; }), "risks[1].id");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].id = " \t"; }), "risks[1].id");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].id = "a"; }), "risks[1].id");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].title = "\n"; }), "risks[0].title");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].likelihood = 0; }), "risks[0].likelihood");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].likelihood = 6; }), "risks[0].likelihood");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].consequence = 0; }), "risks[0].consequence");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].consequence = 6; }), "risks[0].consequence");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].consequence = -3; }), "risks[0].consequence");
}

TEST(ValidateRisks, AResidualIsBothOrNeitherAndOnTheScale) {
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].residual_likelihood = 0; }),
            "risks[1].residual_likelihood");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].residual_consequence = 0; }),
            "risks[1].residual_consequence");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].residual_likelihood = 2; }),
            "risks[0].residual_consequence");
  EXPECT_EQ(FieldAfter([](auto& r) { r[0].residual_consequence = 2; }),
            "risks[0].residual_likelihood");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].residual_likelihood = 6; }),
            "risks[1].residual_likelihood");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].residual_likelihood = -1; }),
            "risks[1].residual_likelihood");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].residual_consequence = 6; }),
            "risks[1].residual_consequence");
  EXPECT_EQ(FieldAfter([](auto& r) {
              r[1].residual_likelihood = 5;
              r[1].residual_consequence = 5;
            }),
            "ok");
  // A residual above the inherent score is allowed: a mitigation can make things worse, and
  // the register says so rather than hiding it.
  EXPECT_EQ(FieldAfter([](auto& r) {
              r[0].residual_likelihood = 5;
              r[0].residual_consequence = 5;
            }),
            "ok");
}

TEST(ValidateRisks, AMitigationNeedsAnActionAKnownStatusAndARealDate) {
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].mitigations[0].action = " "; }),
            "risks[1].mitigations[0].action");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].mitigations[0].owner = ""; }), "ok");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].mitigations[0].status = MitigationStatus{0}; }),
            "risks[1].mitigations[0].status");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].mitigations[0].status = MitigationStatus{5}; }),
            "risks[1].mitigations[0].status");
  EXPECT_EQ(FieldAfter([](auto& r) { r[1].mitigations[0].status = MitigationStatus::kDropped; }),
            "ok");
  auto due = [](std::string date) {
    return FieldAfter([&](auto& r) {
      r[1].mitigations.push_back({"Informere", "HR", MitigationStatus::kPlanned, date});
    });
  };
  EXPECT_EQ(due(""), "ok");
  EXPECT_EQ(due("2024-02-29"), "ok");  // a leap year
  EXPECT_EQ(due("2000-02-29"), "ok");  // divisible by 400
  EXPECT_EQ(due("2025-12-31"), "ok");
  EXPECT_EQ(due("2025-02-29"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("1900-02-29"), "risks[1].mitigations[1].due");  // divisible by 100
  EXPECT_EQ(due("2025-04-31"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("2025-13-01"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("2025-00-10"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("2025-01-00"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("2025-6-1"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("01.06.2025"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("2025-06-01T00:00:00Z"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due(" 2025-06-01"), "risks[1].mitigations[1].due");
  EXPECT_EQ(due("+025-06-01"), "risks[1].mitigations[1].due");
}

TEST(ValidateRisks, KeepsItsLimits) {
  std::vector<Risk> many;
  for (int i = 0; i < kMaxRisks; ++i) {
    many.push_back(Risk{.id = "r" + std::to_string(i), .title = "Risiko"});
  }
  EXPECT_TRUE(ValidateRisks(many).ok());
  many.push_back(Risk{.id = "one_more", .title = "Risiko"});
  EXPECT_EQ(ValidateRisks(many).field(), "risks");

  EXPECT_EQ(FieldAfter([](auto& r) {
              r[0].mitigations.assign(kMaxMitigations, Mitigation{.action = "Tiltak"});
            }),
            "ok");
  EXPECT_EQ(FieldAfter([](auto& r) {
              r[0].mitigations.assign(kMaxMitigations + 1, Mitigation{.action = "Tiltak"});
            }),
            "risks[0].mitigations");
}

TEST(RiskTemplate, IsValidWithStableIdsAndTheSeedsRisks) {
  const std::vector<Risk> risks = RiskTemplate();
  ASSERT_TRUE(ValidateRisks(risks).ok()) << ValidateRisks(risks).ToString();
  std::vector<std::string> ids;
  for (const Risk& r : risks) ids.push_back(r.id);
  // Stable keys: a case made from the template refers to them.
  EXPECT_EQ(ids, (std::vector<std::string>{"reservation_right", "recruitment", "overstaffing",
                                           "continuity_of_care", "supplier_cuts_resources",
                                           "hms_management_support", "pension_terms", "single_bid",
                                           "cost_development", "follow_up_capacity"}));
  for (const Risk& r : risks) {
    EXPECT_FALSE(r.description.empty()) << r.id;
    EXPECT_FALSE(r.mitigations.empty()) << r.id;
    EXPECT_NE(r.residual_likelihood, 0) << r.id;
    for (const Mitigation& m : r.mitigations) {
      EXPECT_FALSE(m.owner.empty()) << r.id;
      EXPECT_EQ(m.status, MitigationStatus::kPlanned) << r.id;
      EXPECT_EQ(m.due, "") << r.id;
    }
  }
}

TEST(RiskTemplate, TheReservationRightIsACriticalRiskWithTheSeedsMitigations) {
  const std::vector<Risk> risks = RiskTemplate();
  const auto it = std::find_if(risks.begin(), risks.end(),
                               [](const Risk& r) { return r.id == "reservation_right"; });
  ASSERT_NE(it, risks.end());
  EXPECT_NE(it->title.find("reservasjonsretten"), std::string::npos);
  EXPECT_NE(it->description.find("arbeidsmiljøloven § 16-3"), std::string::npos);
  EXPECT_EQ(LevelOfScore(RiskScore(it->likelihood, it->consequence)), RiskLevel::kHigh);
  std::string actions;
  for (const Mitigation& m : it->mitigations) actions += m.action + "\n";
  EXPECT_NE(actions.find("lønns- og personalgoder"), std::string::npos);
  EXPECT_NE(actions.find("innskuddsbasert pensjonsordning"), std::string::npos);
  EXPECT_NE(actions.find("dialog"), std::string::npos);
  EXPECT_NE(actions.find("oppstart"), std::string::npos);
  // The mitigations lower the risk, but the seed's planners still counted it among the most
  // critical: the residual is lower and not gone.
  EXPECT_LT(RiskScore(it->residual_likelihood, it->residual_consequence),
            RiskScore(it->likelihood, it->consequence));
}

TEST(RiskTemplate, TheStaffRisksRankHighestAndEveryResidualIsNoWorse) {
  for (const Risk& r : RiskTemplate()) {
    EXPECT_LE(RiskScore(r.residual_likelihood, r.residual_consequence),
              RiskScore(r.likelihood, r.consequence))
        << r.id;
  }
  const std::vector<Risk> risks = RiskTemplate();
  int top = 0;
  for (const Risk& r : risks) top = std::max(top, RiskScore(r.likelihood, r.consequence));
  EXPECT_EQ(RiskScore(risks[0].likelihood, risks[0].consequence), top);
  EXPECT_EQ(RiskScore(risks[1].likelihood, risks[1].consequence), top);
}

}  // namespace
}  // namespace samspill::decision
