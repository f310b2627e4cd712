#include "tendering/award_model.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;
using evaluation::Weighting;

// Seed 004's cleaning tender: social criteria weighed 30 %.
AwardModel CleaningModel() {
  AwardModel m;
  m.price_model = evaluation::PriceModel::kProportional;
  m.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
                Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 30},
                Criterion{"sosialt", "Sosiale forhold", CriterionKind::kSocial, 30}};
  return m;
}

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }

TEST(AwardModel, LockHashesTheModelAndDetectsLaterChanges) {
  auto locked =
      LockAwardModel(CleaningModel(), LegalRegime::kPartIII, {}, T("2025-03-01T09:00:00Z"));
  ASSERT_TRUE(locked.ok()) << locked.status().ToString();
  EXPECT_EQ(locked->sha256.size(), 64u);
  EXPECT_TRUE(VerifyAwardModelLock(*locked).ok());
  // Same model, same hash: the lock is reproducible by anyone.
  EXPECT_EQ(locked->sha256,
            LockAwardModel(CleaningModel(), LegalRegime::kPartIII, {}, T("2030-01-01T00:00:00Z"))
                ->sha256);

  LockedAwardModel tampered = *locked;
  tampered.model.criteria[1].weight = 31;  // one point moved after publication
  Status broken = VerifyAwardModelLock(tampered);
  EXPECT_EQ(broken.code(), StatusCode::kInternal);
  EXPECT_NE(broken.message().find("changed"), std::string::npos);

  for (auto change :
       {+[](AwardModel& m) { m.normalisation = evaluation::Normalisation::kBestGetsMax; },
        +[](AwardModel& m) { m.price_model = evaluation::PriceModel::kLinear; },
        +[](AwardModel& m) { m.criteria[2].kind = CriterionKind::kQuality; },
        +[](AwardModel& m) { m.criteria[0].name = "Totalpris"; }}) {
    LockedAwardModel changed = *locked;
    change(changed.model);
    EXPECT_FALSE(VerifyAwardModelLock(changed).ok());
  }
}

TEST(AwardModel, CanonicalTextCannotBeForgedByClevererIds) {
  AwardModel a = CleaningModel(), b = CleaningModel();
  a.criteria[1].id = "k v";
  a.criteria[1].name = "x";
  b.criteria[1].id = "k";
  b.criteria[1].name = "v x";
  EXPECT_NE(CanonicalAwardModelText(a), CanonicalAwardModelText(b));
}

TEST(AwardModel, EngineRulesApplyWithFieldNames) {
  AwardModel zero = CleaningModel();
  zero.criteria[1].weight = 0;
  EXPECT_EQ(ValidateAwardModel(zero, LegalRegime::kPartII).field(), "criteria[1].weight");

  AwardModel no_price = CleaningModel();
  no_price.criteria.erase(no_price.criteria.begin());
  EXPECT_FALSE(ValidateAwardModel(no_price, LegalRegime::kPartII).ok());

  EXPECT_EQ(ValidateAwardModel(AwardModel{}, LegalRegime::kPartII).field(), "criteria");
}

TEST(AwardModel, AnnouncedWeightsAddUpToExactlyOneHundred) {
  AwardModel short_of = CleaningModel();
  short_of.criteria[0].weight = 40;
  short_of.criteria[1].weight = 40;
  short_of.criteria[2].weight = 10;  // 90: once rescaled to 44.4/44.4/11.1
  Status refused = ValidateAwardModel(short_of, LegalRegime::kPartII);
  EXPECT_EQ(refused.field(), "criteria");
  EXPECT_NE(refused.message().find("add up to 90 %"), std::string::npos) << refused.message();
  AwardModel over = CleaningModel();
  over.criteria[0].weight = 40.5;
  EXPECT_FALSE(ValidateAwardModel(over, LegalRegime::kPartIII).ok());
  AwardModel halves = CleaningModel();
  halves.criteria[0].weight = 39.5;
  halves.criteria[1].weight = 30.5;
  EXPECT_TRUE(ValidateAwardModel(halves, LegalRegime::kPartIII).ok());
}

TEST(AwardModel, PartThreeNeedsWeightsPartTwoAcceptsPriorityOrder) {
  AwardModel priority = CleaningModel();
  priority.weighting = Weighting::kPriorityRankOrderCentroid;
  for (int i = 0; i < 3; ++i) {
    priority.criteria[i].weight = 0;
    priority.criteria[i].priority = i + 1;
  }
  EXPECT_TRUE(ValidateAwardModel(priority, LegalRegime::kPartII).ok());
  Status part_three = ValidateAwardModel(priority, LegalRegime::kPartIII);
  EXPECT_EQ(part_three.field(), "weighting");
}

TEST(AwardModel, ClimateMustWeighThirtyPercentWhereSevenNineApplies) {
  AwardModel model = CleaningModel();
  AwardModelRules rules{.climate_weight_required = true};
  Status missing = ValidateAwardModel(model, LegalRegime::kPartIII, rules);
  EXPECT_EQ(missing.field(), "criteria");
  EXPECT_NE(missing.message().find("0.0 %"), std::string::npos) << missing.message();

  model.criteria[2] = Criterion{"miljo", "Klima og miljø", CriterionKind::kEnvironment, 30};
  EXPECT_DOUBLE_EQ(ClimateWeightShare(model), 0.30);
  EXPECT_TRUE(ValidateAwardModel(model, LegalRegime::kPartIII, rules).ok());

  model.criteria[0].weight = 41;
  model.criteria[2].weight = 29;  // 29 %: below 30 %
  EXPECT_FALSE(ValidateAwardModel(model, LegalRegime::kPartIII, rules).ok());
  rules.climate_exception = "Tjenesten har ubetydelig klimaavtrykk (dokumentert i notat)";
  EXPECT_TRUE(ValidateAwardModel(model, LegalRegime::kPartIII, rules).ok());
}

}  // namespace
}  // namespace samspill::tendering
