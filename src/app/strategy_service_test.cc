#include "app/strategy_service.h"

#include <gtest/gtest.h>

#include "app/decision_service.h"
#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"
#include "strategy/strategy_json.h"

namespace samspill::app {
namespace {

class StrategyServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::OpenSqliteStore(":memory:")).value();
    service_ = std::make_unique<StrategyService>(*store_, clock_);
    officer_ = User("innkjoper", Role::kProcurementOfficer);
    controller_ = User("controller", Role::kController);
    politician_ = User("politiker", Role::kPolitician);
    supplier_ = User("leverandor", Role::kSupplier);
    coordinator_ = User("koordinator", Role::kPartnershipCoordinator);
  }

  Actor User(const std::string& name, Role role) {
    store::AuditEvent e;
    e.at = clock_.Now();
    e.action = "user.create";
    e.entity_type = "user";
    return Actor::FromUser(*store_->CreateUser({name, name, role, "h"}, e));
  }

  // Two areas with one year each: hand-checked IKU below.
  RegisterView TwoAreas() {
    Result<RegisterView> v = service_->UpdateSettings(
        controller_, 0,
        {"Eksempel Kommune", "DKK", "DK031", strategy::AccountScheme::kDanishFunctions});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    v = service_->PutArea(controller_, v->version, 0, "5.32.32", "Hjemmepleje", "85312000-9");
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    v = service_->PutArea(controller_, v->version, 0, "", "Rengøring", "90911200-8");
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    // Hjemmepleje: 96 + 4 of 380 competed; Rengøring: 40 of 100.
    v = service_->PutAreaYear(controller_, v->version, v->reg.areas[0].id,
                              {2024, 412'000'000, 380'000'000, 96'000'000, 4'000'000, false, ""});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    v = service_->PutAreaYear(controller_, v->version, v->reg.areas[1].id,
                              {2024, 100'000'000, 100'000'000, 40'000'000, 0, false, ""});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return *v;
  }

  size_t Audit(const std::string& entity) {
    return store_->ListAudit({.entity_type = entity})->size();
  }

  FakeClock clock_{*ParseIsoTimestamp("2026-01-15T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<StrategyService> service_;
  Actor officer_, controller_, politician_, supplier_, coordinator_;
};

TEST_F(StrategyServiceTest, RegisterIkuIsTheRatioOfTheSums) {
  RegisterView v = TwoAreas();
  EXPECT_EQ(v.version, 5);
  ASSERT_EQ(v.total_iku.size(), 1u);
  // (96 + 4 + 40) / (380 + 100) = 140 / 480 = 29.1666…%, not the mean of 26.3 % and 40 %.
  ASSERT_TRUE(v.total_iku[0].iku.has_value());
  EXPECT_NEAR(*v.total_iku[0].iku, 29.1666666667, 1e-9);
  EXPECT_NEAR(*v.area_iku[0][0].iku, 100.0 / 380.0 * 100.0, 1e-9);
  EXPECT_EQ(Audit("strategy_register"), 5u);
}

TEST_F(StrategyServiceTest, OnlyWritersChangeAndOutsidersReadNothing) {
  RegisterView v = TwoAreas();
  Result<RegisterView> read = service_->GetRegister(politician_);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->can_edit);
  EXPECT_EQ(service_->PutArea(politician_, v.version, 0, "", "X", "").status().code(),
            StatusCode::kPermissionDenied);
  for (const Actor& outsider : {supplier_, coordinator_}) {
    EXPECT_EQ(service_->GetRegister(outsider).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(service_->GetPlan(outsider).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(service_->ListPriorities(outsider).status().code(), StatusCode::kPermissionDenied);
  }
}

TEST_F(StrategyServiceTest, AStaleVersionOrABadChangeStoresNothing) {
  RegisterView v = TwoAreas();
  const size_t events = Audit("strategy_register");
  EXPECT_EQ(service_->PutArea(officer_, v.version - 1, 0, "", "Skoler", "").status().code(),
            StatusCode::kConflict);
  // Competed above what may be competed: the area's rule refuses it.
  Status bad =
      service_
          ->PutAreaYear(controller_, v.version, v.reg.areas[0].id, {2025, 10, 10, 11, 0, false, ""})
          .status();
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument) << bad.ToString();
  // A CPV code that is not in CPV 2008.
  EXPECT_EQ(service_->PutArea(officer_, v.version, 0, "", "Skoler", "12345678-9").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Audit("strategy_register"), events);
  EXPECT_EQ(service_->GetRegister(officer_)->version, v.version);
}

TEST_F(StrategyServiceTest, PeersImportAllOrNothing) {
  RegisterView v = TwoAreas();
  Result<RegisterView> bad =
      service_->ImportPeers(controller_, v.version, "Kommune;2023;2024\nSvendborg;27,1;abc\n");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(service_->GetRegister(controller_)->reg.peers.empty());
  Result<RegisterView> ok =
      service_->ImportPeers(controller_, v.version, "Kommune;2023;2024\nSvendborg;27,1;28,3\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_EQ(ok->reg.peers.size(), 2u);
  EXPECT_DOUBLE_EQ(ok->reg.peers[1].iku, 28.3);
}

TEST_F(StrategyServiceTest, IkuTargetFollowsTheRegisterAndGreenFiguresAreEntered) {
  RegisterView v = TwoAreas();
  strategy::PoliticalTarget iku;
  iku.subject = strategy::TargetSubject::kIku;
  iku.period = {2024, 2026};
  iku.indicator.category = "Politiske mål";
  iku.indicator.name = "IKU +2";
  iku.indicator.unit = "prosentpoeng";
  iku.indicator.target_kind = portfolio::TargetKind::kReachByLastYear;
  iku.indicator.decimals = 1;
  // 29.2 (29.1666… rounded to tenths) + 2.0 = 31.2.
  std::optional<int64_t> target = strategy::IkuTargetFromIncrease(v.total_iku, 2024, 2.0);
  ASSERT_TRUE(target.has_value());
  EXPECT_EQ(*target, 312);
  iku.indicator.target = *target;
  Result<RegisterView> with = service_->PutTarget(controller_, v.version, iku);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  ASSERT_EQ(with->targets.size(), 1u);
  const portfolio::Indicator& seen = with->targets[0].indicator;
  ASSERT_EQ(seen.figures.size(), 1u);
  EXPECT_EQ(seen.figures[0].year, 2024);
  EXPECT_EQ(seen.figures[0].value, 292);
  // The IKU target's figures are not entered by hand.
  EXPECT_EQ(
      service_->PutTargetFigure(controller_, with->version, with->reg.targets[0].id, 2025, 300, "")
          .status()
          .code(),
      StatusCode::kFailedPrecondition);
}

TEST_F(StrategyServiceTest, PrioritiesStartFromTheRegisterAndTheDecisionCase) {
  RegisterView v = TwoAreas();
  (void)v;
  // A decision case for home care: outsourcing saves 4 million a year over four years.
  DecisionService decisions(*store_, clock_);
  Result<DecisionCaseView> c =
      decisions.StartCase(controller_, "Hjemmepleje", "Hjemmepleje", 2027, 2030);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  DecisionService::CaseDetails details{"Hjemmepleje", "Hjemmepleje", "", "85312000-9", "DK031"};
  c = decisions.UpdateDetails(controller_, c->id, c->version, details);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  decision::CaseItem saving{"outsourced",
                            "Lavere driftsudgift",
                            decision::ItemKind::kSaving,
                            0,
                            4'000'000,
                            4'000'000,
                            4'000'000,
                            false};
  c = decisions.AddItems(controller_, c->id, c->version, saving, 2027, 2030);
  ASSERT_TRUE(c.ok()) << c.status().ToString();

  Result<PriorityView> p = service_->StartPriorities(officer_, 2027);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->list.candidates.size(), 2u);
  EXPECT_EQ(p->list.settings.top_n, 2);
  const strategy::CandidateFacts& home = p->list.candidates[0].facts;
  EXPECT_EQ(home.yearly_volume, 380'000'000);
  EXPECT_EQ(home.decision_case_id, c->id);
  EXPECT_EQ(home.expected_gain, 4'000'000);  // 16 million over 4 years
  EXPECT_FALSE(home.last_competed_year.has_value());
  EXPECT_FALSE(home.p_two_or_more_bids.has_value());  // no market data imported
  // Rengøring has no case: the rule's estimate, 5 % of 100 million.
  EXPECT_FALSE(p->list.candidates[1].facts.expected_gain.has_value());
  EXPECT_EQ(service_->StartPriorities(officer_, 2027).status().code(), StatusCode::kConflict);

  // A hand-set score is kept with its reason and refreshing keeps it.
  Result<PriorityView> set = service_->SetManualScore(
      officer_, 2027, p->version, p->list.candidates[1].area_id,
      strategy::PriorityCriterion::kPeerExperience, strategy::ManualScore{8, "Aarhus: IKA-prisen"});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  Result<PriorityView> refreshed = service_->RefreshFacts(officer_, 2027, set->version);
  ASSERT_TRUE(refreshed.ok()) << refreshed.status().ToString();
  ASSERT_TRUE(refreshed->list.candidates[1].manual[1].has_value());
  EXPECT_EQ(refreshed->list.candidates[1].manual[1]->reason, "Aarhus: IKA-prisen");
  EXPECT_EQ(refreshed->ranking.ranked.size(), 2u);
}

TEST_F(StrategyServiceTest, ThePlanIsPublishedInVersionsAndShowsOnlyPublicItems) {
  TwoAreas();
  EXPECT_EQ(service_->PublishedPlan(std::nullopt).status().code(), StatusCode::kNotFound);
  strategy::PlanItem open;
  open.title = "Rengøring af skoler";
  open.cpv = "90911200-8";
  open.publication_year = 2026;
  open.publication_quarter = 2;
  open.is_public = true;
  open.currency = "DKK";
  strategy::PlanItem internal = open;
  internal.title = "Madservice (intern vurdering)";
  internal.is_public = false;
  Result<PlanView> plan = service_->PutPlanItem(officer_, 0, open);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->plan.organisation, "Eksempel Kommune");
  plan = service_->PutPlanItem(officer_, plan->version, internal);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  // A linked tender must exist.
  strategy::PlanItem linked = plan->plan.items[0];
  linked.tender_id = 99;
  EXPECT_EQ(service_->PutPlanItem(officer_, plan->version, linked).status().code(),
            StatusCode::kNotFound);

  plan = service_->Publish(officer_, plan->version, "Første plan");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  Result<strategy::PublishedPlan> v1 = service_->PublishedPlan(std::nullopt);
  ASSERT_TRUE(v1.ok());
  EXPECT_EQ(v1->number, 1);
  ASSERT_EQ(v1->items.size(), 1u);
  EXPECT_EQ(v1->items[0].title, "Rengøring af skoler");
  // Nothing public changed: no second version.
  EXPECT_EQ(service_->Publish(officer_, plan->version, "").status().code(),
            StatusCode::kFailedPrecondition);
  // A published item cannot be removed, only withdrawn.
  EXPECT_EQ(service_->RemovePlanItem(officer_, plan->version, v1->items[0].id).status().code(),
            StatusCode::kFailedPrecondition);
  strategy::PlanItem moved = plan->plan.items[0];
  moved.publication_quarter = 3;
  plan = service_->PutPlanItem(officer_, plan->version, moved);
  ASSERT_TRUE(plan.ok());
  plan = service_->Publish(controller_, plan->version, "Flyttet til 3. kvartal");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->versions.size(), 2u);
  Result<strategy::PublishedPlan> v2 = service_->PublishedPlan(std::nullopt);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(v2->number, 2);
  ASSERT_EQ(v2->changes.size(), 1u);
  EXPECT_EQ(v2->changes[0].kind, strategy::ItemChange::Kind::kChanged);
  // The first version is kept as it was.
  EXPECT_EQ(service_->PublishedPlan(1)->items[0].publication_quarter, 2);
  EXPECT_EQ(Audit("procurement_plan"), 5u);  // three items saved, two publications
}

}  // namespace
}  // namespace samspill::app
