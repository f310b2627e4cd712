#include "web/portfolio_service.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::web {
namespace {

using nlohmann::json;

class PortfolioServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(store::OpenSqliteStore(":memory:")).value();
    service_ = std::make_unique<PortfolioService>(*store_, clock_);
    coordinator_ = User("koordinator", Role::kPartnershipCoordinator);
    leader_ = User("prosjektleder", Role::kProjectLeader);
    leader2_ = User("prosjektleder2", Role::kProjectLeader);
    steering_ = User("styringsgruppe", Role::kSteeringGroup);
    officer_ = User("innkjoper", Role::kProcurementOfficer);
    ASSERT_TRUE(service_->AssignArea(coordinator_, *leader_.user_id, "Helse og velferd").ok());
  }

  Actor User(const std::string& name, Role role) {
    store::AuditEvent e;
    e.at = clock_.Now();
    e.action = "user.create";
    e.entity_type = "user";
    return Actor::FromUser(*store_->CreateUser({name, name, role, "h"}, e));
  }

  static json Fif(std::string name = "FIF (Fasiliterende Interpersonale Ferdigheter)") {
    return {{"name", name},
            {"area", "Helse og velferd"},
            {"kind", "research"},
            {"partners",
             {{{"organisation", "NTNU"}, {"unit", "Institutt for psykologi"}},
              {{"organisation", "Trondheim kommune"}, {"unit", "Enhet for psykisk helse og rus"}}}},
            {"start", "2023-09-01"}};
  }

  FakeClock clock_{*ParseIsoTimestamp("2025-10-01T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<PortfolioService> service_;
  Actor coordinator_, leader_, leader2_, steering_, officer_;
};

TEST_F(PortfolioServiceTest, ProjectLeaderRegistersInOwnAreaOnly) {
  auto created = service_->CreateProject(leader_, Fif());
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ((*created)["registered_by"], "prosjektleder");
  json other = Fif("Bedre skolestart");
  other["area"] = "Oppvekst og utdanning";
  EXPECT_EQ(service_->CreateProject(leader_, other).status().code(), StatusCode::kPermissionDenied);
  // No area assigned yet.
  EXPECT_EQ(service_->CreateProject(leader2_, other).status().code(),
            StatusCode::kPermissionDenied);
  // Coordinators register anywhere.
  EXPECT_TRUE(service_->CreateProject(coordinator_, other).ok());
}

TEST_F(PortfolioServiceTest, EveryPortfolioRoleReadsAndOnlyWritersWrite) {
  ASSERT_TRUE(service_->CreateProject(coordinator_, Fif()).ok());
  for (const Actor& reader : {leader_, leader2_, steering_}) {
    auto list = service_->ListProjects(reader, {});
    ASSERT_TRUE(list.ok()) << reader.username;
    EXPECT_EQ((*list)["projects"].size(), 1u);
  }
  EXPECT_EQ(service_->CreateProject(steering_, Fif("Prano")).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->ListProjects(officer_, {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->ImportProjectsCsv(leader_, "navn,innsatsområde,type\n").status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PortfolioServiceTest, ALikelyDuplicateIsRefusedUntilConfirmedDistinct) {
  ASSERT_TRUE(service_->CreateProject(leader_, Fif()).ok());
  json again = Fif("Fasiliterende interpersonale ferdigheter");
  auto check = service_->CheckDuplicates(leader_, again);
  ASSERT_TRUE(check.ok());
  ASSERT_EQ((*check)["duplicates"].size(), 1u);
  auto refused = service_->CreateProject(leader_, again);
  ASSERT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_NE(refused.status().message().find("«FIF (Fasiliterende"), std::string::npos);
  again["confirmed_distinct"] = true;
  EXPECT_TRUE(service_->CreateProject(leader_, again).ok());
  EXPECT_EQ((*service_->DuplicateReport(steering_))["pairs"].size(), 1u);
}

TEST_F(PortfolioServiceTest, MergeKeepsBothHistoriesAndIsForTheCoordinator) {
  const int64_t keep = (*service_->CreateProject(leader_, Fif()))["id"];
  json dup = Fif("Fasiliterende interpersonale ferdigheter");
  dup["confirmed_distinct"] = true;
  dup["contacts"] = {{{"name", "Kari Nordmann"}}};
  const int64_t gone = (*service_->CreateProject(leader_, dup))["id"];
  EXPECT_EQ(service_->Merge(leader_, keep, gone).status().code(), StatusCode::kPermissionDenied);
  clock_.Advance(60);
  auto merged = service_->Merge(coordinator_, keep, gone);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ((*merged)["contacts"].size(), 1u);
  auto page = *service_->GetProject(steering_, keep);
  // Both registrations, then the merge as a revision of each.
  ASSERT_EQ(page["history"].size(), 4u);
  EXPECT_EQ(page["history"][1]["project_id"], gone);
  EXPECT_EQ(page["history"][1]["action"], "portfolio.project.create");
  EXPECT_EQ(page["history"][2]["action"], "portfolio.project.merge");
  EXPECT_EQ(page["history"][3]["action"], "portfolio.project.merge");
  EXPECT_EQ((*service_->GetProject(steering_, gone))["status"], "merged");
  EXPECT_TRUE((*service_->DuplicateReport(coordinator_))["pairs"].empty());
}

TEST_F(PortfolioServiceTest, EditsCheckTheVersion) {
  json created = *service_->CreateProject(leader_, Fif());
  json edit = Fif("FIF");
  edit["version"] = 1;
  ASSERT_TRUE(service_->UpdateProject(leader_, created["id"], edit).ok());
  EXPECT_EQ(service_->UpdateProject(leader_, created["id"], edit).status().code(),
            StatusCode::kConflict);
  edit["version"] = 2;
  EXPECT_EQ(service_->UpdateProject(leader2_, created["id"], edit).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PortfolioServiceTest, ABadImportStoresNothingAndNamesRowsAndColumns) {
  auto outcome =
      service_->ImportProjectsCsv(coordinator_,
                                  "navn;innsatsområde;type;registrert av\r\n"
                                  "Prano;Oppvekst og utdanning;utdanning;prosjektleder2\r\n"
                                  "Lab-ted;Oppvekst og utdanning;forsk;prosjektleder2\r\n"
                                  "INCLUSCHOOL;Oppvekst og utdanning;forskning;ukjent\r\n");
  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(outcome->errors.size(), 1u);  // the kind; users are checked once rows parse
  EXPECT_EQ(outcome->errors[0].row, 3);
  EXPECT_EQ(outcome->errors[0].column, "type");
  EXPECT_TRUE(store_->ListProjects()->empty());
  auto unknown_user = service_->ImportProjectsCsv(
      coordinator_,
      "navn;innsatsområde;type;registrert av\r\nPrano;Oppvekst og utdanning;"
      "utdanning;ukjent\r\n");
  ASSERT_EQ(unknown_user->errors.size(), 1u);
  EXPECT_EQ(unknown_user->errors[0].ToString(),
            "row 2, column \"registrert av\": no user 'ukjent'");
  EXPECT_TRUE(store_->ListProjects()->empty());
}

TEST_F(PortfolioServiceTest, FiguresAreEnteredWithNotesAndCountedFromTheRegister) {
  auto imported = service_->ImportIndicatorsCsv(
      coordinator_,
      "category,indicator,unit,target_kind,target,2024,2025,note\n"
      "forskningssamarbeid,Søknader innvilget,antall,per_year,7,13,1,\n");
  ASSERT_TRUE(imported.ok());
  ASSERT_EQ(imported->imported, 1);
  json list = *service_->ListIndicators(steering_);
  const int64_t id = list["indicators"][0]["id"];
  EXPECT_EQ(service_->SetFigure(steering_, id, {{"year", 2025}, {"value", 1}, {"version", 1}})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto set = service_->SetFigure(leader_, id,
                                 {{"year", 2025},
                                  {"value", 1},
                                  {"note", "13 søknader venter fortsatt på svar"},
                                  {"version", 1}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ((*set)["attainment"]["years"][3]["note"], "13 søknader venter fortsatt på svar");
  EXPECT_EQ((*set)["attainment"]["years"][3]["state"], "not_met");
  auto svg = service_->CategorySvg(steering_, "forskningssamarbeid", true);
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg->find("måltall 7"), std::string::npos);
  EXPECT_EQ(service_->CategorySvg(steering_, "ukjent", true).status().code(),
            StatusCode::kNotFound);
}

TEST_F(PortfolioServiceTest, ExportsCsvAndXlsx) {
  ASSERT_TRUE(service_->CreateProject(leader_, Fif()).ok());
  auto csv = service_->ExportProjectsCsv(steering_);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find("FIF (Fasiliterende Interpersonale Ferdigheter)"), std::string::npos);
  auto xlsx = service_->ExportXlsx(steering_);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

}  // namespace
}  // namespace samspill::web
