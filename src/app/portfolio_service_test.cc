#include "app/portfolio_service.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::app {
namespace {

using portfolio::Project;

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

  static Project Fif(std::string name = "FIF (Fasiliterende Interpersonale Ferdigheter)") {
    Project p;
    p.name = std::move(name);
    p.area = "Helse og velferd";
    p.kind = portfolio::ProjectKind::kResearch;
    p.partners = {{"NTNU", "Institutt for psykologi"},
                  {"Trondheim kommune", "Enhet for psykisk helse og rus"}};
    p.start = *ParseIsoDate("2023-09-01");
    return p;
  }
  Result<ProjectView> Create(const Actor& actor, Project p, bool confirmed_distinct = false) {
    return service_->CreateProject(actor, {std::move(p), confirmed_distinct});
  }

  FakeClock clock_{*ParseIsoTimestamp("2025-10-01T08:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<PortfolioService> service_;
  Actor coordinator_, leader_, leader2_, steering_, officer_;
};

TEST_F(PortfolioServiceTest, ProjectLeaderRegistersInOwnAreaOnly) {
  auto created = Create(leader_, Fif());
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->project.registered_by, "prosjektleder");
  EXPECT_GT(created->project.id, 0);
  EXPECT_EQ(created->version, 1);
  Project other = Fif("Bedre skolestart");
  other.area = "Oppvekst og utdanning";
  EXPECT_EQ(Create(leader_, other).status().code(), StatusCode::kPermissionDenied);
  // No area assigned yet.
  EXPECT_EQ(Create(leader2_, other).status().code(), StatusCode::kPermissionDenied);
  // Coordinators register anywhere.
  EXPECT_TRUE(Create(coordinator_, other).ok());
}

TEST_F(PortfolioServiceTest, EveryPortfolioRoleReadsAndOnlyWritersWrite) {
  ASSERT_TRUE(Create(coordinator_, Fif()).ok());
  for (const Actor& reader : {leader_, leader2_, steering_}) {
    auto list = service_->ListProjects(reader, {});
    ASSERT_TRUE(list.ok()) << reader.username;
    EXPECT_EQ(list->projects.size(), 1u);
  }
  EXPECT_EQ(Create(steering_, Fif("Prano")).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->ListProjects(officer_, {}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->ImportProjectsCsv(leader_, "navn,innsatsområde,type\n").status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(PortfolioServiceTest, ALikelyDuplicateIsRefusedUntilConfirmedDistinct) {
  ASSERT_TRUE(Create(leader_, Fif()).ok());
  Project again = Fif("Fasiliterende interpersonale ferdigheter");
  auto check = service_->CheckDuplicates(leader_, again);
  ASSERT_TRUE(check.ok());
  ASSERT_EQ(check->size(), 1u);
  auto refused = Create(leader_, again);
  ASSERT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_NE(refused.status().message().find("«FIF (Fasiliterende"), std::string::npos);
  EXPECT_TRUE(Create(leader_, again, /*confirmed_distinct=*/true).ok());
  auto report = service_->Duplicates(steering_);
  ASSERT_EQ(report->pairs.size(), 1u);
  EXPECT_EQ(report->pairs[0].project_registered_by, "prosjektleder");
  EXPECT_EQ(report->projects_checked, 2u);
}

TEST_F(PortfolioServiceTest, MergeKeepsBothHistoriesAndIsForTheCoordinator) {
  const int64_t keep = Create(leader_, Fif())->project.id;
  Project dup = Fif("Fasiliterende interpersonale ferdigheter");
  dup.contacts = {{.name = "Kari Nordmann"}};
  const int64_t gone = Create(leader_, dup, /*confirmed_distinct=*/true)->project.id;
  EXPECT_EQ(service_->Merge(leader_, keep, gone).status().code(), StatusCode::kPermissionDenied);
  clock_.Advance(60);
  auto merged = service_->Merge(coordinator_, keep, gone);
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(merged->project.contacts.size(), 1u);
  auto page = *service_->GetProject(steering_, keep);
  // Both registrations, then the merge as a revision of each.
  ASSERT_EQ(page.history.size(), 4u);
  EXPECT_EQ(page.history[1].project_id, gone);
  EXPECT_EQ(page.history[1].action, "portfolio.project.create");
  EXPECT_EQ(page.history[1].name, "Fasiliterende interpersonale ferdigheter");
  EXPECT_EQ(page.history[2].action, "portfolio.project.merge");
  EXPECT_EQ(page.history[3].action, "portfolio.project.merge");
  EXPECT_EQ(service_->GetProject(steering_, gone)->view.project.status,
            portfolio::ProjectStatus::kMerged);
  EXPECT_TRUE(service_->Duplicates(coordinator_)->pairs.empty());
}

TEST_F(PortfolioServiceTest, EditsCheckTheVersion) {
  const int64_t id = Create(leader_, Fif())->project.id;
  EXPECT_EQ(service_->UpdateProject(leader_, id, {Fif("FIF"), std::nullopt}).status().field(),
            "version");
  ASSERT_TRUE(service_->UpdateProject(leader_, id, {Fif("FIF"), 1}).ok());
  EXPECT_EQ(service_->UpdateProject(leader_, id, {Fif("FIF"), 1}).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(service_->UpdateProject(leader2_, id, {Fif("FIF"), 2}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->GetProject(steering_, id)->view.project.name, "FIF");
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
  IndicatorList list = *service_->ListIndicators(steering_);
  EXPECT_EQ(list.period.first_year, 2022);
  const int64_t id = list.indicators[0].indicator.id;
  EXPECT_EQ(service_->SetFigure(steering_, id, {2025, 1, "", 1}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->SetFigure(leader_, id, {2025, 1, std::string(2001, 'x'), 1}).status().field(),
            "note");
  auto set = service_->SetFigure(leader_, id, {2025, 1, "13 søknader venter fortsatt på svar", 1});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->version, 2);
  EXPECT_EQ(set->attainment.years[3].note, "13 søknader venter fortsatt på svar");
  EXPECT_EQ(set->attainment.years[3].state, portfolio::Attainment::kNotMet);
  auto svg = service_->CategorySvg(steering_, "forskningssamarbeid", true);
  ASSERT_TRUE(svg.ok());
  EXPECT_NE(svg->find("måltall 7"), std::string::npos);
  EXPECT_EQ(service_->CategorySvg(steering_, "ukjent", true).status().code(),
            StatusCode::kNotFound);
}

// The report's figures for one per-year indicator (seed 004), as the coordinator imports them.
constexpr char kAppliedCsv[] =
    "category,indicator,unit,target_kind,target,2022,2023,2024,2025,note\n"
    "forskningssamarbeid,Søknader innvilget,antall,per_year,7,9,9,13,1,\n";

TEST_F(PortfolioServiceTest, TheCoordinatorEditsTargetAndFiguresTogether) {
  ASSERT_EQ(service_->ImportIndicatorsCsv(coordinator_, kAppliedCsv)->imported, 1);
  const int64_t id = service_->ListIndicators(steering_)->indicators[0].indicator.id;
  IndicatorEdit edit{
      .version = 1,
      .target = 8,
      .figures = {{2024, 13, "", false}, {2025, 2, "13 søknader venter fortsatt på svar", false}}};
  // Project leaders enter single figures through the API, but the target is the coordinator's.
  for (const Actor& refused : {leader_, steering_, officer_}) {
    EXPECT_EQ(service_->EditIndicator(refused, id, edit).status().code(),
              StatusCode::kPermissionDenied)
        << refused.username;
  }
  auto saved = service_->EditIndicator(coordinator_, id, edit);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->indicator.target, 8);
  EXPECT_EQ(saved->version, 2);
  const portfolio::YearAttainment& y2025 = saved->attainment.years[3];
  EXPECT_EQ(y2025.value, 2);
  EXPECT_EQ(y2025.note, "13 søknader venter fortsatt på svar");
  EXPECT_EQ(y2025.state, portfolio::Attainment::kNotMet);  // 2 against 8
  EXPECT_EQ(saved->attainment.years[0].value, 9);          // years not in the edit stay

  // A year with neither value nor note is cleared.
  auto cleared = service_->EditIndicator(
      coordinator_, id, {.version = 2, .target = 8, .figures = {{2022, std::nullopt, "", false}}});
  ASSERT_TRUE(cleared.ok()) << cleared.status().ToString();
  EXPECT_FALSE(cleared->attainment.years[0].value.has_value());
  EXPECT_EQ(cleared->attainment.years[0].state, portfolio::Attainment::kNoFigure);
}

TEST_F(PortfolioServiceTest, ABadEditNamesTheFieldAndStoresNothing) {
  ASSERT_EQ(service_->ImportIndicatorsCsv(coordinator_, kAppliedCsv)->imported, 1);
  const int64_t id = service_->ListIndicators(steering_)->indicators[0].indicator.id;
  const std::string before = store_->FindIndicator(id)->document_json;
  auto negative = service_->EditIndicator(
      coordinator_, id,
      {.version = 1, .target = 7, .figures = {{2023, 10, "ok", false}, {2024, -3, "", false}}});
  EXPECT_EQ(negative.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(negative.status().field(), "figures.2024.value");
  // A yearly target cannot be removed.
  auto no_target =
      service_->EditIndicator(coordinator_, id, {.version = 1, .figures = {{2023, 10, "", false}}});
  EXPECT_EQ(no_target.status().field(), "target");
  auto long_note = service_->EditIndicator(
      coordinator_, id,
      {.version = 1, .target = 7, .figures = {{2023, 10, std::string(2001, 'x'), false}}});
  EXPECT_EQ(long_note.status().field(), "figures.2023.note");
  // An edit made from an old version is refused whole too.
  auto stale = service_->EditIndicator(
      coordinator_, id, {.version = 7, .target = 7, .figures = {{2023, 10, "", false}}});
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(store_->FindIndicator(id)->document_json, before);
  EXPECT_EQ(store_->FindIndicator(id)->version, 1);
}

TEST_F(PortfolioServiceTest, ACountedIndicatorTakesNotesButNoFiguresByHand) {
  Project applied = Fif();
  applied.kind = portfolio::ProjectKind::kInnovation;
  applied.status = portfolio::ProjectStatus::kApplied;
  applied.applied_on = *ParseIsoDate("2025-09-24");
  applied.facilitated_by_partnership = true;
  ASSERT_TRUE(Create(coordinator_, applied).ok());
  applied.name = "Håndtering av tekstiler";
  applied.partners.clear();
  ASSERT_TRUE(Create(coordinator_, applied, /*confirmed_distinct=*/true).ok());
  applied.name = "Ikke tilrettelagt";
  applied.facilitated_by_partnership = false;
  ASSERT_TRUE(Create(coordinator_, applied, /*confirmed_distinct=*/true).ok());

  portfolio::Indicator counted;
  counted.category = "forskningssamarbeid";
  counted.name = "Søknader i registeret";
  counted.target_kind = portfolio::TargetKind::kNone;
  counted.count_rule = portfolio::CountRule{
      .kinds = {portfolio::ProjectKind::kResearch, portfolio::ProjectKind::kInnovation},
      .facilitated_only = true};
  EXPECT_EQ(service_->DefineIndicator(leader_, counted).status().code(),
            StatusCode::kPermissionDenied);
  auto defined = service_->DefineIndicator(coordinator_, counted);
  ASSERT_TRUE(defined.ok()) << defined.status().ToString();
  const int64_t id = defined->indicator.id;
  const portfolio::Indicator shown = service_->GetIndicator(steering_, id)->indicator;
  ASSERT_EQ(shown.figures.size(), 4u);  // 2022–2025, each counted
  EXPECT_EQ(shown.figures[3].value, 2);
  EXPECT_TRUE(shown.figures[3].counted);
  EXPECT_EQ(shown.figures[0].value, 0);

  auto by_api = service_->SetFigure(coordinator_, id, {2025, 5, "", 1});
  EXPECT_EQ(by_api.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(by_api.status().field(), "value");
  auto by_page =
      service_->EditIndicator(coordinator_, id, {.version = 1, .figures = {{2025, 5, "", false}}});
  EXPECT_EQ(by_page.status().field(), "figures.2025.value");
  auto note = service_->EditIndicator(
      coordinator_, id,
      {.version = 1, .figures = {{2025, std::nullopt, "to venter på svar", false}}});
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  EXPECT_EQ(note->attainment.years[3].value, 2);
  EXPECT_EQ(note->attainment.years[3].note, "to venter på svar");
  // What the register counts is never stored as if entered.
  EXPECT_EQ(store_->FindIndicator(id)->document_json.find("\"counted\":true"), std::string::npos);

  // The CSV has no column for the rule: re-importing the indicator keeps it, and figures for it
  // in the file are refused naming row and column.
  auto reimport = service_->ImportIndicatorsCsv(
      coordinator_,
      "category,indicator,target_kind,2024\nforskningssamarbeid,Søknader i registeret,none,\n");
  ASSERT_TRUE(reimport.ok());
  EXPECT_TRUE(reimport->errors.empty());
  EXPECT_TRUE(service_->GetIndicator(steering_, id)->indicator.count_rule.has_value());
  auto with_figures = service_->ImportIndicatorsCsv(
      coordinator_,
      "category,indicator,target_kind,2024\nforskningssamarbeid,Søknader i registeret,none,4\n");
  ASSERT_EQ(with_figures->errors.size(), 1u);
  EXPECT_EQ(with_figures->errors[0].row, 2);
  EXPECT_EQ(with_figures->errors[0].column, "2024");
  EXPECT_EQ(service_->GetIndicator(steering_, id)->indicator.figures[2].value, 0);

  // An indicator with entered figures is not turned into a counted one behind their back.
  ASSERT_EQ(service_->ImportIndicatorsCsv(coordinator_, kAppliedCsv)->imported, 1);
  portfolio::Indicator entered = counted;
  entered.name = "Søknader innvilget";
  entered.target_kind = portfolio::TargetKind::kPerYear;
  entered.target = 7;
  EXPECT_EQ(service_->DefineIndicator(coordinator_, entered).status().code(),
            StatusCode::kConflict);
}

TEST_F(PortfolioServiceTest, AreasListEveryProjectLeaderAndOnlyTheCoordinatorAssigns) {
  AreasView areas = *service_->Areas(steering_);
  ASSERT_EQ(areas.project_leaders.size(), 2u);
  EXPECT_EQ(areas.project_leaders[0].username, "prosjektleder");
  EXPECT_EQ(areas.project_leaders[0].area, "Helse og velferd");
  EXPECT_EQ(areas.project_leaders[1].area, "");  // not assigned yet
  EXPECT_EQ(areas.areas.size(), 5u);
  ASSERT_EQ(areas.assignments.size(), 1u);
  for (const Actor& refused : {leader_, steering_}) {
    EXPECT_EQ(service_->AssignArea(refused, *leader2_.user_id, "Unikom").code(),
              StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(service_->AssignArea(coordinator_, *leader2_.user_id, "Månen").field(), "area");
  EXPECT_EQ(service_->AssignArea(coordinator_, *steering_.user_id, "Unikom").field(), "user_id");
  ASSERT_TRUE(service_->AssignArea(coordinator_, *leader2_.user_id, "unikom").ok());
  EXPECT_EQ(service_->Areas(leader_)->project_leaders[1].area, "Unikom");
}

TEST_F(PortfolioServiceTest, ImportsReadExcelExportsAndRefuseTooLargeFiles) {
  // Byte-order mark, semicolons and CRLF, as Excel saves "CSV UTF-8".
  auto projects = service_->ImportProjectsCsv(
      coordinator_,
      "\xEF\xBB\xBFnavn;innsatsområde;type\r\nPrano;Oppvekst og utdanning;utdanning\r\n"
      "Lab-ted;Oppvekst og utdanning;utdanning\r\n");
  ASSERT_TRUE(projects.ok());
  EXPECT_TRUE(projects->errors.empty()) << projects->errors[0].ToString();
  EXPECT_EQ(projects->imported, 2);
  EXPECT_EQ(service_->ListProjects(steering_, {})->projects[0].project.name, "Prano");
  auto indicators = service_->ImportIndicatorsCsv(
      coordinator_,
      "\xEF\xBB\xBF"
      "kategori;indikator;måltype;måltall;2025\r\nutdanningssamarbeid;Bacheloroppgaver;"
      "per_year;50;26\r\n");
  ASSERT_TRUE(indicators.ok());
  EXPECT_EQ(indicators->imported, 1);
  EXPECT_EQ(service_->ListIndicators(steering_)->indicators[0].attainment.years[3].value, 26);

  PortfolioService small(*store_, clock_, {.max_import_bytes = 10});
  EXPECT_TRUE(small.CheckImportSize("0123456789").ok());
  EXPECT_EQ(small.CheckImportSize("0123456789a").code(), StatusCode::kResourceExhausted);
}

TEST_F(PortfolioServiceTest, ExportsCsvAndXlsx) {
  ASSERT_TRUE(Create(leader_, Fif()).ok());
  auto csv = service_->ExportProjectsCsv(steering_);
  ASSERT_TRUE(csv.ok());
  EXPECT_NE(csv->find("FIF (Fasiliterende Interpersonale Ferdigheter)"), std::string::npos);
  auto xlsx = service_->ExportXlsx(steering_);
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

}  // namespace
}  // namespace samspill::app
