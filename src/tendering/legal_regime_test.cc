#include "tendering/legal_regime.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

const Date kDay{2025, 8, 21};

Money Nok(int64_t kroner) { return Money{kroner * 100}; }

Result<RegimeDecision> Decide(Money value, ServiceCategory category = ServiceCategory::kOrdinary,
                              BuyerType buyer = BuyerType::kMunicipal, Date date = kDay) {
  return DetermineRegime(
      RegimeInput{
          .estimated_value = value, .category = category, .buyer = buyer, .decision_date = date},
      ThresholdTable::Norway());
}

LegalRegime RegimeOf(Money value, ServiceCategory category = ServiceCategory::kOrdinary,
                     BuyerType buyer = BuyerType::kMunicipal) {
  Result<RegimeDecision> decision = Decide(value, category, buyer);
  EXPECT_TRUE(decision.ok()) << decision.status().ToString();
  return decision.ok() ? decision->regime : LegalRegime::kOutside;
}

Money OneOreBelow(Money value) { return Money{value.minor - 1}; }

TEST(LegalRegime, LowerLimitBoundary) {
  EXPECT_EQ(RegimeOf(Nok(100'000)), LegalRegime::kPartI);
  EXPECT_EQ(RegimeOf(OneOreBelow(Nok(100'000))), LegalRegime::kOutside);
  EXPECT_EQ(RegimeOf(Nok(0)), LegalRegime::kOutside);
  EXPECT_EQ(RegimeOf(Nok(100'000), ServiceCategory::kHealthAndSocial), LegalRegime::kPartI);
  EXPECT_EQ(RegimeOf(OneOreBelow(Nok(100'000)), ServiceCategory::kHealthAndSocial),
            LegalRegime::kOutside);
}

TEST(LegalRegime, NationalThresholdBoundary) {
  EXPECT_EQ(RegimeOf(Nok(1'300'000)), LegalRegime::kPartII);
  EXPECT_EQ(RegimeOf(OneOreBelow(Nok(1'300'000))), LegalRegime::kPartI);
}

TEST(LegalRegime, EeaThresholdForMunicipalities) {
  EXPECT_EQ(RegimeOf(Nok(2'300'000)), LegalRegime::kPartIII);
  EXPECT_EQ(RegimeOf(OneOreBelow(Nok(2'300'000))), LegalRegime::kPartII);
}

TEST(LegalRegime, EeaThresholdForCentralGovernment) {
  EXPECT_EQ(RegimeOf(Nok(1'490'000), ServiceCategory::kOrdinary, BuyerType::kCentralGovernment),
            LegalRegime::kPartIII);
  EXPECT_EQ(RegimeOf(OneOreBelow(Nok(1'490'000)), ServiceCategory::kOrdinary,
                     BuyerType::kCentralGovernment),
            LegalRegime::kPartII);
  // The same value is only part II for a municipality.
  EXPECT_EQ(RegimeOf(Nok(1'490'000)), LegalRegime::kPartII);
}

TEST(LegalRegime, HealthAndSocialServicesBelowPartIvAreOnlyPartI) {
  EXPECT_EQ(RegimeOf(Nok(7'800'000), ServiceCategory::kHealthAndSocial), LegalRegime::kPartIV);
  EXPECT_EQ(RegimeOf(OneOreBelow(Nok(7'800'000)), ServiceCategory::kHealthAndSocial),
            LegalRegime::kPartI);
  // Above the ordinary EEA threshold but still part I for health and social services.
  EXPECT_EQ(RegimeOf(Nok(5'000'000), ServiceCategory::kHealthAndSocial), LegalRegime::kPartI);
}

TEST(LegalRegime, AwardCriteriaFlags) {
  Result<RegimeDecision> part_iii = Decide(Nok(3'000'000));
  ASSERT_TRUE(part_iii.ok());
  EXPECT_TRUE(part_iii->weights_required);
  EXPECT_FALSE(part_iii->priority_order_suffices);
  Result<RegimeDecision> part_ii = Decide(Nok(2'000'000));
  ASSERT_TRUE(part_ii.ok());
  EXPECT_FALSE(part_ii->weights_required);
  EXPECT_TRUE(part_ii->priority_order_suffices);
  Result<RegimeDecision> part_i = Decide(Nok(500'000));
  ASSERT_TRUE(part_i.ok());
  EXPECT_FALSE(part_i->weights_required);
  EXPECT_FALSE(part_i->priority_order_suffices);
}

TEST(LegalRegime, TrondheimCareHomeIsPartIv) {
  // Seed 000: heldøgns omsorg, ~100 årsverk over 4 years plus options, sent out 2025-08-21.
  Result<RegimeDecision> decision = Decide(Nok(400'000'000), ServiceCategory::kHealthAndSocial,
                                           BuyerType::kMunicipal, Date{2025, 8, 21});
  ASSERT_TRUE(decision.ok());
  EXPECT_EQ(decision->regime, LegalRegime::kPartIV);
  ASSERT_EQ(decision->thresholds_used.size(), 2u);
  EXPECT_EQ(decision->thresholds_used[0].kind, ThresholdKind::kLowerLimit);
  EXPECT_EQ(decision->thresholds_used[1].kind, ThresholdKind::kEeaHealthSocial);
  EXPECT_EQ(decision->thresholds_used[1].value.minor, 7'800'000'00);
  EXPECT_NE(decision->explanation_nb.find("FOA del IV"), std::string::npos);
  EXPECT_NE(decision->explanation_nb.find("kr 400 000 000"), std::string::npos);
  EXPECT_NE(decision->explanation_en.find("part IV"), std::string::npos);
}

TEST(LegalRegime, ExplanationCitesThresholdsUsed) {
  Result<RegimeDecision> decision = Decide(Nok(2'000'000));
  ASSERT_TRUE(decision.ok());
  ASSERT_EQ(decision->thresholds_used.size(), 3u);
  EXPECT_NE(decision->explanation_en.find("the national threshold NOK 1,300,000 (from 2024-03-14)"),
            std::string::npos)
      << decision->explanation_en;
  // The English text names thresholds in words and writes amounts the English way.
  EXPECT_EQ(decision->explanation_en.find("eea_municipal"), std::string::npos);
  EXPECT_EQ(decision->explanation_en.find("kr "), std::string::npos) << decision->explanation_en;
  EXPECT_NE(decision->explanation_en.find("NOK 2,000,000"), std::string::npos);
  EXPECT_EQ(LegalRegimeLabelEn(LegalRegime::kPartIII), "FOA part III");
  EXPECT_NE(decision->explanation_nb.find("kr 2 300 000"), std::string::npos);
}

TEST(LegalRegime, BeforePartIvChangeUsesOlderThreshold) {
  // The built-in table has only the part IV threshold before 2024-03-14, so add the other rows
  // for the test (test data, not legal facts).
  std::vector<ThresholdRow> rows(ThresholdTable::Norway().rows().begin(),
                                 ThresholdTable::Norway().rows().end());
  rows.push_back(ThresholdRow{ThresholdKind::kLowerLimit, Nok(100'000), Date{2017, 1, 1},
                              "test row", SourceTag::kUnconfirmed});
  Result<ThresholdTable> table = ThresholdTable::Create(rows);
  ASSERT_TRUE(table.ok());
  RegimeInput input{.estimated_value = Nok(7'500'000),
                    .category = ServiceCategory::kHealthAndSocial,
                    .decision_date = Date{2024, 3, 13}};
  Result<RegimeDecision> before = DetermineRegime(input, *table);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->regime, LegalRegime::kPartIV);
  EXPECT_EQ(before->thresholds_used[1].value.minor, 7'200'000'00);
  input.decision_date = Date{2024, 3, 14};
  Result<RegimeDecision> after = DetermineRegime(input, *table);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->regime, LegalRegime::kPartI);
}

TEST(LegalRegime, DateWithoutThresholdsIsAClearError) {
  Result<RegimeDecision> decision = Decide(Nok(400'000'000), ServiceCategory::kHealthAndSocial,
                                           BuyerType::kMunicipal, Date{2020, 1, 1});
  ASSERT_FALSE(decision.ok());
  EXPECT_EQ(decision.status().code(), StatusCode::kNotFound);
  EXPECT_NE(decision.status().message().find("lower_limit"), std::string::npos);
  EXPECT_NE(decision.status().message().find("2020-01-01"), std::string::npos);
}

TEST(LegalRegime, RejectsForeignCurrencyAndNegativeValues) {
  Result<RegimeDecision> eur = Decide(Money{1'000'000'00, "EUR"});
  ASSERT_FALSE(eur.ok());
  EXPECT_EQ(eur.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(eur.status().field(), "estimated_value.currency");
  Result<RegimeDecision> negative = Decide(Money{-1});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().field(), "estimated_value");
}

}  // namespace
}  // namespace samspill::tendering
