#include "app/decision_service.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::app {
namespace {

class DecisionServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::OpenSqliteStore(":memory:")).value();
    service_ = std::make_unique<DecisionService>(*store_, clock_);
    controller_ = User("controller", Role::kController);
    leader_ = User("tjenesteleder", Role::kServiceLeader);
    politician_ = User("politiker", Role::kPolitician);
    union_ = User("tillitsvalgt", Role::kUnionRepresentative);
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

  DecisionCaseView Start() {
    Result<DecisionCaseView> v = service_->StartCase(controller_, "Drift av bofellesskap",
                                                     "Bo- og aktivitetstilbud", 2026, 2029);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return *v;
  }

  static decision::CaseItem Cost(int64_t base) {
    return {"outsourced", "Oppfølgingsteam", decision::ItemKind::kCost, 0, base, base, base, false};
  }

  size_t AuditCount() { return store_->ListAudit({.entity_type = "decision_case"})->size(); }

  FakeClock clock_{*ParseIsoTimestamp("2025-01-15T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DecisionService> service_;
  Actor controller_, leader_, politician_, union_, supplier_, coordinator_;
};

TEST_F(DecisionServiceTest, WritersWriteAndReadersOnlyRead) {
  DecisionCaseView v = Start();
  EXPECT_TRUE(v.can_edit);
  auto added = service_->AddItems(leader_, v.id, v.version, Cost(1'000'000), 2026, 2029);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->version, 2);
  EXPECT_EQ(added->totals.alternatives[2].costs, 4'000'000);
  for (const Actor& reader : {politician_, union_}) {
    Result<DecisionCaseView> read = service_->GetCase(reader, v.id);
    ASSERT_TRUE(read.ok());
    EXPECT_FALSE(read->can_edit);
    EXPECT_EQ(service_->AddItems(reader, v.id, 2, Cost(1), 2026, 2026).status().code(),
              StatusCode::kPermissionDenied);
  }
  for (const Actor& outsider : {supplier_, coordinator_}) {
    EXPECT_EQ(service_->GetCase(outsider, v.id).status().code(), StatusCode::kPermissionDenied);
    EXPECT_EQ(service_->ListCases(outsider).status().code(), StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(service_->StartCase(politician_, "x", "y", 2026, 2027).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(DecisionServiceTest, EveryChangeIsAuditedAndCheckedAgainstItsVersion) {
  DecisionCaseView v = Start();
  EXPECT_EQ(AuditCount(), 1u);
  ASSERT_TRUE(service_->AddItems(controller_, v.id, 1, Cost(5), 2026, 2026).ok());
  Status stale = service_->AddItems(leader_, v.id, 1, Cost(7), 2026, 2026).status();
  EXPECT_EQ(stale.code(), StatusCode::kConflict);
  EXPECT_EQ(AuditCount(), 2u);
  std::vector<store::AuditEvent> events = *store_->ListAudit({.entity_type = "decision_case"});
  EXPECT_EQ(events[1].action, "decision.item.add");
  EXPECT_EQ(events[1].actor, "controller");
  EXPECT_EQ(events[1].entity_id, std::to_string(v.id));
}

TEST_F(DecisionServiceTest, BadInputStoresNothing) {
  DecisionCaseView v = Start();
  EXPECT_EQ(service_->AddItems(controller_, v.id, 1, Cost(5), 2024, 2026).status().code(),
            StatusCode::kInvalidArgument);
  decision::CaseItem unknown = Cost(5);
  unknown.alternative_id = "ukjent";
  EXPECT_EQ(service_->AddItems(controller_, v.id, 1, unknown, 2026, 2026).status().code(),
            StatusCode::kInvalidArgument);
  decision::UnitYear y;
  y.year = 2024;
  y.fte = -1;
  EXPECT_EQ(service_->PutUnitYear(controller_, v.id, 1, "lade", "Lade", 254, y).status().field(),
            "baseline.units[0].years[0].fte");
  y.fte = 10;
  y.turnover_percent = 101;
  EXPECT_FALSE(service_->PutUnitYear(controller_, v.id, 1, "lade", "Lade", 254, y).ok());
  DecisionService::CaseDetails details{"Drift", "BoA", "", "85311000-3", ""};
  Status cpv = service_->UpdateDetails(controller_, v.id, 1, details).status();
  EXPECT_EQ(cpv.field(), "cpv");
  EXPECT_EQ(AuditCount(), 1u);
  EXPECT_EQ(service_->GetCase(controller_, v.id)->version, 1);
}

TEST_F(DecisionServiceTest, TheDecisionLocksTheCase) {
  DecisionCaseView v = Start();
  v = *service_->AddItems(controller_, v.id, v.version, Cost(1'000'000), 2026, 2029);
  decision::CaseDecision d;
  d.chosen_alternative = "outsourced";
  d.outcome = decision::DecisionOutcome::kTender;
  d.decided_by = "Bystyret";
  d.decided_on = Date{2025, 2, 20};
  d.political_reference = "Bystyret 20.02.2025";
  Result<DecisionCaseView> decided = service_->Decide(leader_, v.id, v.version, d);
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_FALSE(decided->can_edit);
  EXPECT_TRUE(decided->figures_as_decided);
  EXPECT_EQ(decided->c.decision->recorded_by, "tjenesteleder");
  EXPECT_EQ(
      service_->AddItems(controller_, v.id, decided->version, Cost(1), 2026, 2026).status().code(),
      StatusCode::kConflict);
  EXPECT_EQ(service_->ReplaceCase(controller_, v.id, decided->version, decided->c).status().code(),
            StatusCode::kConflict);
  Result<std::string> figures = service_->FiguresJson(politician_, v.id);
  ASSERT_TRUE(figures.ok());
  EXPECT_EQ(*figures, decided->c.decision->figures_json);
  // The tender must exist.
  EXPECT_EQ(service_->LinkTender(controller_, v.id, decided->version, 42).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(DecisionServiceTest, ABaselineImportWithErrorsStoresNothing) {
  DecisionCaseView v = Start();
  Result<BaselineImportOutcome> bad = service_->ImportBaseline(
      controller_, v.id, 1,
      {"enheter.csv",
       "enhet;navn;kostra_funksjon;år;årsverk;sykefravær\nlade;Lade;254;2024;-3;7,7\n"});
  ASSERT_TRUE(bad.ok()) << bad.status().ToString();
  ASSERT_FALSE(bad->errors.empty());
  EXPECT_FALSE(bad->view.has_value());
  EXPECT_EQ(service_->GetCase(controller_, v.id)->version, 1);
  Result<BaselineImportOutcome> good = service_->ImportBaseline(
      controller_, v.id, 1,
      {"enheter.csv",
       "enhet;navn;kostra_funksjon;år;årsverk;sykefravær\nlade;Lade;254;2024;21,5;7,7\n"});
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  ASSERT_TRUE(good->errors.empty()) << good->errors[0].message;
  ASSERT_EQ(good->view->c.baseline.units.size(), 1u);
  EXPECT_DOUBLE_EQ(*good->view->c.baseline.units[0].years[0].fte, 21.5);
  EXPECT_EQ(service_->ImportBaseline(politician_, v.id, 2, {"x.csv", "a"}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(DecisionServiceTest, TheMarketSectionWarnsWhenThereIsNoData) {
  Result<MarketSection> m = service_->Market(politician_, "85311000-2", "NO060");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->processes, 0);
  EXPECT_TRUE(m->low_competition);
  EXPECT_EQ(service_->Market(politician_, "8", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(service_->Market(coordinator_, "85", "").status().code(),
            StatusCode::kPermissionDenied);
}

}  // namespace
}  // namespace samspill::app
