// The portfolio's JSON API over HTTP against a real `samspill serve --demo`: the demo register
// from seed 004 with its double-registered FIF project, duplicate refusal and confirmation,
// roles, an import that fails as a whole with row and column errors, figures and the exports.
#include <gtest/gtest.h>

#include "api/api_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

class PortfolioApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess({"--demo", "--db", dir_->path() + "/portfolio.db"});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }
  ApiClient api() { return ApiClient(server_->port()); }
  size_t ProjectCount(const Session& s) {
    return api().Expect(200, "GET", "/api/portfolio/projects", s)["projects"].size();
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* PortfolioApiTest::dir_ = nullptr;
ServeProcess* PortfolioApiTest::server_ = nullptr;

TEST_F(PortfolioApiTest, DemoRegisterShowsTheDoubleCountedFifCollaboration) {
  Session steering = api().LoginAs("styringsgruppe");
  EXPECT_GE(ProjectCount(steering), 30u);
  json report = api().Expect(200, "GET", "/api/portfolio/duplicates", steering);
  ASSERT_FALSE(report["pairs"].empty());
  const json& top = report["pairs"][0];
  EXPECT_EQ(top["project_registered_by"], "prosjektleder");
  EXPECT_EQ(top["other_registered_by"], "prosjektleder2");
  EXPECT_NE(top["project_name"].get<std::string>().find("FIF"), std::string::npos);
}

TEST_F(PortfolioApiTest, RegisteringADuplicateNeedsConfirmation) {
  Session leader = api().LoginAs("prosjektleder");
  json body = {
      {"name", "Medisinfri søvnbehandling"},
      {"area", "Helse og velferd"},
      {"kind", "research"},
      {"partners",
       {{{"organisation", "NTNU"}, {"unit", "Institutt for samfunnsmedisin og sykepleie"}}}}};
  json check = api().Expect(200, "POST", "/api/portfolio/projects/check", leader, body);
  ASSERT_EQ(check["duplicates"].size(), 1u);
  json refused = api().Expect(409, "POST", "/api/portfolio/projects", leader, body);
  EXPECT_EQ(refused["error"]["code"], "conflict");
  body["confirmed_distinct"] = true;
  body["name"] = "Medisinfri søvnbehandling – oppfølgingsstudie";
  json created = api().Expect(201, "POST", "/api/portfolio/projects", leader, body);
  EXPECT_EQ(created["registered_by"], "prosjektleder");
  json page = api().Expect(
      200, "GET", "/api/portfolio/projects/" + std::to_string(created["id"].get<int64_t>()),
      leader);
  EXPECT_EQ(page["history"].size(), 1u);
}

TEST_F(PortfolioApiTest, RolesDecideWhoWrites) {
  Session steering = api().LoginAs("styringsgruppe");
  api().Expect(403, "POST", "/api/portfolio/projects", steering,
               {{"name", "X"}, {"area", "Unikom"}, {"kind", "outreach"}});
  Session officer = api().LoginAs("innkjoper");
  api().Expect(403, "GET", "/api/portfolio/projects", officer);
  Session leader2 = api().LoginAs("prosjektleder2");
  api().Expect(403, "POST", "/api/portfolio/projects", leader2,
               {{"name", "Ny helsestudie"}, {"area", "Helse og velferd"}, {"kind", "research"}});
}

TEST_F(PortfolioApiTest, ABadCsvImportIsRejectedWholeWithRowAndColumn) {
  Session coordinator = api().LoginAs("koordinator");
  const size_t before = ProjectCount(coordinator);
  auto res = api().Send("POST", "/api/portfolio/projects/import", coordinator,
                        "navn;innsatsområde;type\r\nNytt prosjekt;Unikom;formidling\r\n"
                        "Feil;Månen;forskning\r\n",
                        true, "text/csv");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  json body = json::parse(res->body);
  ASSERT_EQ(body["row_errors"].size(), 1u);
  EXPECT_EQ(body["row_errors"][0]["row"], 3);
  EXPECT_EQ(body["row_errors"][0]["column"], "innsatsområde");
  EXPECT_EQ(ProjectCount(coordinator), before);
}

TEST_F(PortfolioApiTest, TargetsFiguresChartsAndExports) {
  Session leader = api().LoginAs("prosjektleder");
  json list = api().Expect(200, "GET", "/api/portfolio/indicators", leader);
  json bachelor;
  for (const json& i : list["indicators"]) {
    if (i["name"] == "Bacheloroppgaver med kommunen som problemeier") bachelor = i;
  }
  ASSERT_TRUE(bachelor.is_object());
  EXPECT_EQ(bachelor["attainment"]["years"][3]["state"], "not_met");  // 26 against 50 in 2025
  json set = api().Expect(
      200, "PUT",
      "/api/portfolio/indicators/" + std::to_string(bachelor["id"].get<int64_t>()) + "/figures",
      leader,
      {{"year", 2025},
       {"value", 51},
       {"note", "etterregistrert"},
       {"version", bachelor["version"]}});
  EXPECT_EQ(set["attainment"]["years"][3]["state"], "met");
  auto svg = api().Send("GET", "/api/portfolio/charts/utdanningssamarbeid.svg", leader);
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200);
  EXPECT_NE(svg->body.find("<svg xmlns"), std::string::npos);
  auto xlsx = api().Send("GET", "/api/portfolio/portfolio.xlsx", leader);
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.substr(0, 2), "PK");
  auto csv = api().Send("GET", "/api/portfolio/projects.csv", leader);
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find("Fasiliterende"), std::string::npos);
}

// The demo counts one indicator from its register: research and innovation applications of
// projects the partnership facilitated, by the year they were sent. Its figures are the
// register's, never typed in.
TEST_F(PortfolioApiTest, TheDemoCountsApplicationsFromTheRegister) {
  Session coordinator = api().LoginAs("koordinator");
  json list = api().Expect(200, "GET", "/api/portfolio/indicators", coordinator);
  json counted;
  for (const json& i : list["indicators"]) {
    if (!i["count_rule"].is_null()) counted = i;
  }
  ASSERT_TRUE(counted.is_object()) << "no indicator counted from the register";
  EXPECT_EQ(counted["name"], "Forsknings- og innovasjonssøknader i registeret");
  EXPECT_EQ(counted["count_rule"]["kinds"], json({"research", "innovation"}));
  EXPECT_TRUE(counted["count_rule"]["facilitated_only"].get<bool>());
  std::vector<int64_t> values;
  for (const json& y : counted["attainment"]["years"]) values.push_back(y["value"]);
  // The demo register dates two applications, both sent on 24 September 2025.
  EXPECT_EQ(values, (std::vector<int64_t>{0, 0, 0, 2}));
  for (const json& f : counted["figures"]) EXPECT_TRUE(f["counted"].get<bool>()) << f.dump();

  // Registering a third application counts it; entering a figure by hand is refused.
  api().Expect(201, "POST", "/api/portfolio/projects", coordinator,
               {{"name", "Søknad om klimatilpasning i Trondheim"},
                {"area", "Byutvikling og kultur"},
                {"kind", "research"},
                {"status", "applied"},
                {"applied_on", "2025-10-15"},
                {"facilitated_by_partnership", true}});
  const std::string path =
      "/api/portfolio/indicators/" + std::to_string(counted["id"].get<int64_t>()) + "/figures";
  json refused = api().Expect(400, "PUT", path, coordinator,
                              {{"year", 2025}, {"value", 14}, {"version", counted["version"]}});
  EXPECT_EQ(refused["error"]["field"], "value");
  json noted = api().Expect(
      200, "PUT", path, coordinator,
      {{"year", 2025}, {"note", "tre søknader venter på svar"}, {"version", counted["version"]}});
  EXPECT_EQ(noted["attainment"]["years"][3]["value"], 3);
  EXPECT_EQ(noted["attainment"]["years"][3]["note"], "tre søknader venter på svar");
}

// A coordinator defines a new indicator counted from the register through the API; it counts
// the register at once and follows it, a project leader may not define one, and a rule over
// an indicator that has entered figures is refused rather than hiding them. (Education
// applications: the demo dates none, and no other test registers one, so the counts are exact
// whichever tests ran before in the same server.)
TEST_F(PortfolioApiTest, ACoordinatorDefinesAnIndicatorCountedFromTheRegister) {
  Session coordinator = api().LoginAs("koordinator");
  const json definition = {{"category", "utdanningssamarbeid"},
                           {"name", "Utdanningssøknader sendt (fra registeret)"},
                           {"target_kind", "per_year"},
                           {"target", 2},
                           {"count_rule", {{"kinds", json::array({"education"})}}}};
  api().Expect(403, "POST", "/api/portfolio/indicators", api().LoginAs("prosjektleder"),
               definition);
  api().Expect(403, "POST", "/api/portfolio/indicators", api().LoginAs("styringsgruppe"),
               definition);
  json defined = api().Expect(201, "POST", "/api/portfolio/indicators", coordinator, definition);
  EXPECT_EQ(defined["name"], "Utdanningssøknader sendt (fra registeret)");
  EXPECT_EQ(defined["count_rule"]["kinds"], json({"education"}));
  auto values = [](const json& indicator) {
    std::vector<int64_t> v;
    for (const json& y : indicator["attainment"]["years"]) v.push_back(y["value"]);
    return v;
  };
  EXPECT_EQ(values(defined), (std::vector<int64_t>{0, 0, 0, 0})) << defined.dump();
  for (const json& f : defined["figures"]) EXPECT_TRUE(f["counted"].get<bool>()) << f.dump();

  // An education application sent in 2024 is counted in 2024.
  api().Expect(201, "POST", "/api/portfolio/projects", coordinator,
               {{"name", "Søknad om praksisplasser for vernepleierstudenter i hjemmetjenesten"},
                {"area", "Helse og velferd"},
                {"kind", "education"},
                {"status", "applied"},
                {"applied_on", "2024-03-01"}});
  json counted;
  const json now = api().Expect(200, "GET", "/api/portfolio/indicators", coordinator);
  for (const json& i : now["indicators"]) {
    if (i["name"] == "Utdanningssøknader sendt (fra registeret)") counted = i;
  }
  ASSERT_TRUE(counted.is_object());
  EXPECT_EQ(values(counted), (std::vector<int64_t>{0, 0, 1, 0})) << counted.dump();

  // Bad definitions are named and store nothing.
  json bad_kind = definition;
  bad_kind["count_rule"]["kinds"] = json::array({"sightseeing"});
  EXPECT_EQ(api().Expect(400, "POST", "/api/portfolio/indicators", coordinator,
                         bad_kind)["error"]["field"],
            "count_rule.kinds");
  json with_figures = definition;
  with_figures["figures"] = json::array({{{"year", 2024}, {"value", 3}}});
  EXPECT_EQ(api().Expect(400, "POST", "/api/portfolio/indicators", coordinator,
                         with_figures)["error"]["field"],
            "figures");
  // The report's bachelor indicator has entered figures: counting it instead is a conflict.
  json list = api().Expect(200, "GET", "/api/portfolio/indicators", coordinator);
  json entered;
  for (const json& i : list["indicators"]) {
    if (i["count_rule"].is_null() && !i["figures"].empty()) entered = i;
  }
  ASSERT_TRUE(entered.is_object());
  api().Expect(409, "POST", "/api/portfolio/indicators", coordinator,
               {{"category", entered["category"]},
                {"name", entered["name"]},
                {"target_kind", entered["target_kind"]},
                {"count_rule", {{"kinds", json::array({"research"})}}}});
  json after = api().Expect(200, "GET", "/api/portfolio/indicators", coordinator);
  EXPECT_EQ(after["indicators"].size(), list["indicators"].size());
}

}  // namespace
}  // namespace samspill::testing
