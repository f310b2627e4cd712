// The `samspill` command line tested as a user runs it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string TestDataPath(const std::string& name) {
  return std::string(SAMSPILL_SOURCE_DIR) + "/src/evaluation/testdata/" + name;
}

std::string StrategyTestDataPath(const std::string& name) {
  return std::string(SAMSPILL_SOURCE_DIR) + "/src/strategy/testdata/" + name;
}

TEST(Cli, EvaluatePrintsRankingWinnerAndSensitivity) {
  ProcessResult r =
      RunProcess({SAMSPILL_BINARY, "evaluate", TestDataPath("rank_reversal_3_bids.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json report = json::parse(r.out);
  EXPECT_EQ(report["winner"], "B");
  EXPECT_EQ(report["ranking"][0]["rank"], 1);
  EXPECT_TRUE(report["sensitivity"].contains("weight_stability"));
  EXPECT_TRUE(report["sensitivity"].contains("rank_acceptability"));
  EXPECT_TRUE(report["sensitivity"].contains("withdrawal"));
  EXPECT_TRUE(report["sensitivity"].contains("criterion_separation"));
}

TEST(Cli, EvaluateReadsStdin) {
  ProcessResult r = RunProcess(
      {SAMSPILL_BINARY, "evaluate", "-"},
      R"({"price_model":"proportional","criteria":[{"id":"pris","kind":"price","weight":50},)"
      R"({"id":"kvalitet","kind":"quality","weight":50}],)"
      R"("bids":[{"id":"A","price":100,"scores":{"kvalitet":6}},{"id":"B","price":130,"scores":{"kvalitet":8}}]})");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["winner"], "A");
}

TEST(Cli, EvaluateBadInputNamesProblemWithDataErrorExit) {
  ProcessResult r =
      RunProcess({SAMSPILL_BINARY, "evaluate", "-"},
                 R"({"price_model":"linear","criteria":[{"id":"pris","kind":"price","weight":0}],)"
                 R"("bids":[{"id":"A","price":100,"scores":{}}]})");
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.err.find("criteria[0].weight"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());

  ProcessResult unknown =
      RunProcess({SAMSPILL_BINARY, "evaluate", "-"},
                 R"({"price_model":"linear","criteria":[{"id":"pris","kind":"price","weight":1}],)"
                 R"("bids":[{"id":"A","price":100,"scores":{"miljo":5}}]})");
  EXPECT_EQ(unknown.exit_code, 65);
  EXPECT_NE(unknown.err.find("miljo"), std::string::npos) << unknown.err;

  ProcessResult malformed = RunProcess({SAMSPILL_BINARY, "evaluate", "-"}, "{\"bids\": [");
  EXPECT_EQ(malformed.exit_code, 65);
  EXPECT_FALSE(malformed.err.empty());
}

// `samspill decision case`: the KNS example's totals as JSON; bad input names the field with
// the data-error exit code and prints nothing on standard output.
TEST(Cli, DecisionCasePrintsTheTotalsAndRefusesBadInput) {
  ProcessResult r =
      RunProcess({SAMSPILL_BINARY, "decision", "case",
                  std::string(SAMSPILL_SOURCE_DIR) + "/src/decision/testdata/kns_bomlo.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json report = json::parse(r.out);
  EXPECT_EQ(report["totals"][1]["net"], 17'000'000);
  EXPECT_EQ(report["monte_carlo"]["seed"], 2013);
  ProcessResult bad = RunProcess(
      {SAMSPILL_BINARY, "decision", "case", "-"},
      R"({"first_year": 2026, "last_year": 2027, "alternatives": [{"id": "in_house", "name": "I dag"}],)"
      R"("items": [{"alternative": "in_house", "name": "Pris", "kind": "cost", "year": 2030, "base": 1}]})");
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.err.find("items[0].year"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());
}

// `samspill decision baseline` reads the BoA example as the pages do, and names a row in error;
// `decision case` takes a whole case too, with the uncertain items out of its totals.
TEST(Cli, DecisionBaselineAndWholeCase) {
  const std::string testdata = std::string(SAMSPILL_SOURCE_DIR) + "/src/decision/testdata/";
  ProcessResult csv =
      RunProcess({SAMSPILL_BINARY, "decision", "baseline", testdata + "boa_baseline.csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  ProcessResult xlsx =
      RunProcess({SAMSPILL_BINARY, "decision", "baseline", testdata + "boa_baseline.xlsx"});
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
  EXPECT_EQ(json::parse(csv.out), json::parse(xlsx.out));
  EXPECT_EQ(json::parse(csv.out)["baseline"]["units"].size(), 4u);
  ProcessResult bad = RunProcess({SAMSPILL_BINARY, "decision", "baseline", "-"},
                                 "enhet;navn;år;årsverk\nlade;Lade;2024;-2\n");
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.err.find("row 2"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());

  ProcessResult risks = RunProcess({SAMSPILL_BINARY, "decision", "risk-template", "--compact"});
  ASSERT_EQ(risks.exit_code, 0) << risks.err;
  json whole = {{"title", "KNS"},
                {"service_area", "Helse og omsorg"},
                {"business_case", json::parse(ReadFile(testdata + "kns_bomlo.json"))},
                {"risks", json::parse(risks.out)}};
  whole["business_case"]["items"].push_back({{"alternative", "in_house_improved"},
                                             {"name", "Redusert konflikt"},
                                             {"kind", "saving"},
                                             {"year", 2013},
                                             {"base", 9000000},
                                             {"uncertain", true}});
  ProcessResult c = RunProcess({SAMSPILL_BINARY, "decision", "case", "-"}, whole.dump());
  ASSERT_EQ(c.exit_code, 0) << c.err;
  json report = json::parse(c.out);
  EXPECT_EQ(report["figures"]["totals"][1]["net"], 17'000'000);
  EXPECT_EQ(report["figures"]["totals"][1]["uncertain_net"], 9'000'000);
  EXPECT_FALSE(report["risks"]["rows"].empty());
  EXPECT_TRUE(report["decision"].is_null());
}

TEST(Cli, MissingFileAndUsageErrorsHaveTheirOwnExitCodes) {
  ProcessResult missing = RunProcess({SAMSPILL_BINARY, "evaluate", "/nonexistent/table.json"});
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("/nonexistent/table.json"), std::string::npos);

  ProcessResult usage = RunProcess({SAMSPILL_BINARY, "evaluate"});
  EXPECT_EQ(usage.exit_code, 64);
  ProcessResult help = RunProcess({SAMSPILL_BINARY, "evaluate", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("FILE"), std::string::npos);
}

TEST(Cli, ServeRefusesDatabaseFromNewerVersion) {
  TempDir dir;
  std::string db = dir.path() + "/future.db";
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  sqlite3_exec(handle, "PRAGMA user_version = 999", nullptr, nullptr, nullptr);
  sqlite3_close(handle);
  ProcessResult r = RunProcess({SAMSPILL_BINARY, "serve", "--db", db, "--port", "0"});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_NE(r.err.find("newer samspill"), std::string::npos) << r.err;
}

TEST(Cli, UserAddCreatesFirstAdministrator) {
  TempDir dir;
  std::string db = dir.path() + "/users.db";
  ProcessResult added = RunProcess({SAMSPILL_BINARY, "user", "add", "--db", db, "--username",
                                    "forste", "--name", "Første Admin", "--role", "administrator"},
                                   "et-langt-passord\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  ProcessResult listed = RunProcess({SAMSPILL_BINARY, "user", "list", "--db", db});
  EXPECT_NE(listed.out.find("forste\tadministrator\tactive"), std::string::npos) << listed.out;

  ProcessResult bad_role = RunProcess({SAMSPILL_BINARY, "user", "add", "--db", db, "--username",
                                       "x", "--name", "X", "--role", "king"},
                                      "et-langt-passord\n");
  EXPECT_EQ(bad_role.exit_code, 65);
  EXPECT_NE(bad_role.err.find("king"), std::string::npos);
}

// The demo database, written once by `serve --demo` and read by the tender commands.
class CliTender : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = dir_->path() + "/demo.db";
    ServeProcess server({"--demo", "--db", db_});
    ASSERT_GT(server.port(), 0) << server.startup_output();
    ASSERT_EQ(server.Stop(), 0);
  }
  static void TearDownTestSuite() { delete dir_; }

  // The id of the demo tender in `state`, from `samspill tender list`.
  static std::string IdInState(const std::string& state) {
    ProcessResult r = RunProcess({SAMSPILL_BINARY, "tender", "list", "--db", db_});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream fields(line);
      std::string id, s;
      std::getline(fields, id, '\t');
      std::getline(fields, s, '\t');
      if (s == state) return id;
    }
    ADD_FAILURE() << "no tender in state " << state << " in:\n" << r.out;
    return "0";
  }

  static TempDir* dir_;
  static std::string db_;
};

TempDir* CliTender::dir_ = nullptr;
std::string CliTender::db_;

TEST_F(CliTender, ExportOcdsPrintsAReleasePackage) {
  ProcessResult r = RunProcess(
      {SAMSPILL_BINARY, "tender", "export-ocds", IdInState("contract_signed"), "--db", db_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json package = json::parse(r.out);
  EXPECT_EQ(package["version"], "1.1");
  ASSERT_EQ(package["releases"].size(), 1u);
  EXPECT_EQ(package["releases"][0]["awards"].size(), 1u);
}

// What the product itself exports, not only the unit-test samples, passes the independent
// validator (Ajv with the official OCDS 1.1.5 schemas and the bids extension).
TEST_F(CliTender, ExportedPackagesOfBothDemoTendersAreSchemaValid) {
  std::vector<std::string> validate = {
      SAMSPILL_NODE, std::string(SAMSPILL_SOURCE_DIR) + "/tests/ocds/validate.mjs", "--shared-dir",
      SAMSPILL_SHARED_DIR};
  for (const char* state : {"contract_signed", "cancelled"}) {
    ProcessResult r =
        RunProcess({SAMSPILL_BINARY, "tender", "export-ocds", IdInState(state), "--db", db_});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string path = dir_->path() + "/" + state + ".json";
    std::ofstream(path) << r.out;
    validate.push_back(path);
  }
  ProcessResult checked = RunProcess(validate);
  EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
}

TEST_F(CliTender, ProtocolPrintsJsonOrAStandaloneHtmlDocument) {
  const std::string id = IdInState("cancelled");
  ProcessResult as_json = RunProcess({SAMSPILL_BINARY, "tender", "protocol", id, "--db", db_});
  ASSERT_EQ(as_json.exit_code, 0) << as_json.err;
  EXPECT_NE(as_json.out.find("kun én leverandør"), std::string::npos);
  ProcessResult html =
      RunProcess({SAMSPILL_BINARY, "tender", "protocol", id, "--html", "--db", db_});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out.rfind("<!doctype html>", 0), 0u) << html.out.substr(0, 80);
  EXPECT_NE(html.out.find("<style"), std::string::npos);  // standalone: its own styles
}

TEST_F(CliTender, AuditVerifyPassesOnTheDemoAndNamesATamperedEvent) {
  ProcessResult intact = RunProcess({SAMSPILL_BINARY, "audit", "verify", "--db", db_});
  ASSERT_EQ(intact.exit_code, 0) << intact.err;
  EXPECT_NE(intact.out.find("audit trail intact"), std::string::npos) << intact.out;
  EXPECT_NE(intact.out.find("events: "), std::string::npos) << intact.out;
  EXPECT_TRUE(std::regex_search(intact.out, std::regex("hash [0-9a-f]{64}"))) << intact.out;

  // A copy, so the other tests keep an intact demo: its cancellation reason edited with the
  // triggers dropped and recreated in one transaction.
  const std::string copy = dir_->path() + "/tampered.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, ("VACUUM INTO '" + copy + "'").c_str(), nullptr, nullptr, nullptr),
            SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);
  ASSERT_EQ(sqlite3_open(copy.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT max(id) FROM audit_events WHERE action = 'tender.cancel'", -1,
                     &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  const std::string id = std::to_string(sqlite3_column_int64(stmt, 0));
  sqlite3_finalize(stmt);
  const std::string tamper =
      "BEGIN; DROP TRIGGER audit_events_append_only_update;"
      "UPDATE audit_events SET after_json = '{}' WHERE id = " +
      id +
      ";CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events "
      "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END; COMMIT;";
  ASSERT_EQ(sqlite3_exec(db, tamper.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  sqlite3_close(db);

  ProcessResult broken = RunProcess({SAMSPILL_BINARY, "audit", "verify", "--db", copy});
  EXPECT_EQ(broken.exit_code, 65) << broken.out << broken.err;
  EXPECT_NE(broken.err.find("event " + id + ": hash does not match the event's content"),
            std::string::npos)
      << broken.err;
  EXPECT_EQ(broken.out.find("audit trail intact"), std::string::npos) << broken.out;

  ProcessResult missing =
      RunProcess({SAMSPILL_BINARY, "audit", "verify", "--db", dir_->path() + "/nope.db"});
  EXPECT_EQ(missing.exit_code, 66) << missing.err;
}

TEST_F(CliTender, UnknownTenderAndMissingDatabaseAreNotFound) {
  ProcessResult unknown = RunProcess({SAMSPILL_BINARY, "tender", "protocol", "999", "--db", db_});
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_NE(unknown.err.find("no tender with id 999"), std::string::npos) << unknown.err;
  ProcessResult missing = RunProcess(
      {SAMSPILL_BINARY, "tender", "export-ocds", "1", "--db", dir_->path() + "/nope.db"});
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing.err;
}

// `samspill strategy iku` on a register of two areas (testdata/register_two_areas.json):
//   2023: competed (100 + 0) + (50 + 10) = 160 mill. of 400 + 100 = 500 mill. → 32.0 %;
//   2024: competed (110 + 10) + (60 + 0) = 180 mill. of 500 mill.            → 36.0 %;
// the areas' own 2023 figures are 25 % and 60 %, whose mean (42.5 %) is not the IKU.
TEST(Cli, StrategyIkuSumsTheAreasBeforeTheRatio) {
  ProcessResult r = RunProcess(
      {SAMSPILL_BINARY, "strategy", "iku", StrategyTestDataPath("register_two_areas.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json report = json::parse(r.out);
  EXPECT_EQ(report["municipality"], "Prøvekommune");
  ASSERT_EQ(report["iku"].size(), 2u);
  EXPECT_EQ(report["iku"][0]["year"], 2023);
  EXPECT_EQ(report["iku"][0]["competed"], 160'000'000);
  EXPECT_EQ(report["iku"][0]["may_compete"], 500'000'000);
  EXPECT_NEAR(report["iku"][0]["iku"].get<double>(), 32.0, 1e-9);
  EXPECT_NEAR(report["iku"][1]["iku"].get<double>(), 36.0, 1e-9);
  ASSERT_EQ(report["areas"].size(), 2u);
  EXPECT_NEAR(report["areas"][0]["iku"][0]["iku"].get<double>(), 25.0, 1e-9);
  EXPECT_NEAR(report["areas"][1]["iku"][0]["iku"].get<double>(), 60.0, 1e-9);
  EXPECT_FALSE(report["national_iku"].empty());

  // The same register with more competed than may be competed is refused, naming the field.
  json bad = json::parse(ReadFile(StrategyTestDataPath("register_two_areas.json")));
  bad["areas"][1]["years"][0]["in_house_wins"] = 60'000'000;  // 50 + 60 > 100 mill.
  ProcessResult refused = RunProcess({SAMSPILL_BINARY, "strategy", "iku", "-"}, bad.dump());
  EXPECT_EQ(refused.exit_code, 65) << refused.out;
  EXPECT_NE(refused.err.find("2023"), std::string::npos) << refused.err;
  EXPECT_TRUE(refused.out.empty());
}

// `samspill strategy peers`: the wide national key figures' CSV; a figure that is not a number
// is named by its line and column, and nothing is printed.
TEST(Cli, StrategyPeersReadsTheFiguresAndNamesTheBadLine) {
  ProcessResult good = RunProcess({SAMSPILL_BINARY, "strategy", "peers", "-"},
                                  "Kommune;2019;2020\nSvendborg;27,1;..\nHorsens;24,0;24,5\n");
  ASSERT_EQ(good.exit_code, 0) << good.err;
  json peers = json::parse(good.out)["peers"];
  ASSERT_EQ(peers.size(), 3u);  // Svendborg 2020 is missing
  EXPECT_EQ(peers[0]["municipality"], "Horsens");
  EXPECT_EQ(peers[0]["year"], 2019);
  EXPECT_DOUBLE_EQ(peers[0]["iku"].get<double>(), 24.0);
  EXPECT_DOUBLE_EQ(peers[2]["iku"].get<double>(), 27.1);

  // Line 3 is Horsens; its third column (2020) reads "tjue".
  ProcessResult bad = RunProcess(
      {SAMSPILL_BINARY, "strategy", "peers", StrategyTestDataPath("peers_bad_line.csv")});
  EXPECT_EQ(bad.exit_code, 65) << bad.out;
  EXPECT_NE(bad.err.find("line 3"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("peers_bad_line.csv"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty());
}

// `samspill strategy priorities` (testdata/priorities_two_candidates.json), weights 40/20/20/20
// normalised to 0.4/0.2/0.2/0.2:
//   Hjemmepleje: gain 8 mill. (the largest) → 10; experience unset → 5; no market data → 0 in
//     the total; never competed → 10. Total 0.4·10 + 0.2·5 + 0.2·0 + 0.2·10 = 7.0.
//   Rengøring: gain 5 % of 100 mill. = 5 mill. → 10·5/8 = 6.25 (an estimate); experience 8 by
//     hand; market 5·0.8 + 5·(1 − 0.1) = 8.5; last competed 2022, budget year 2027 → 5.
//     Total 0.4·6.25 + 0.2·8 + 0.2·8.5 + 0.2·5 = 2.5 + 1.6 + 1.7 + 1.0 = 6.8.
TEST(Cli, StrategyPrioritiesRanksByTheWeightedScores) {
  ProcessResult r = RunProcess({SAMSPILL_BINARY, "strategy", "priorities",
                                StrategyTestDataPath("priorities_two_candidates.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json ranking = json::parse(r.out);
  ASSERT_EQ(ranking["ranked"].size(), 2u);
  const json& first = ranking["ranked"][0];
  const json& second = ranking["ranked"][1];
  EXPECT_EQ(first["name"], "Hjemmepleje");
  EXPECT_EQ(first["rank"], 1);
  EXPECT_NEAR(first["total"].get<double>(), 7.0, 1e-9);
  EXPECT_TRUE(first["scores"]["market_robustness"]["score"].is_null());
  EXPECT_NEAR(first["scores"]["own_history"]["score"].get<double>(), 10.0, 1e-9);
  EXPECT_EQ(second["name"], "Rengøring");
  EXPECT_EQ(second["rank"], 2);
  EXPECT_NEAR(second["total"].get<double>(), 6.8, 1e-9);
  EXPECT_NEAR(second["scores"]["volume_gain"]["score"].get<double>(), 6.25, 1e-9);
  EXPECT_TRUE(second["scores"]["volume_gain"]["estimate"]);
  EXPECT_TRUE(second["scores"]["peer_experience"]["manual"]);
  EXPECT_NEAR(second["scores"]["market_robustness"]["score"].get<double>(), 8.5, 1e-9);
  EXPECT_NEAR(second["scores"]["own_history"]["score"].get<double>(), 5.0, 1e-9);

  json bad = json::parse(ReadFile(StrategyTestDataPath("priorities_two_candidates.json")));
  bad["candidates"][1]["facts"]["single_bid_rate"] = 1.5;
  ProcessResult refused = RunProcess({SAMSPILL_BINARY, "strategy", "priorities", "-"}, bad.dump());
  EXPECT_EQ(refused.exit_code, 65) << refused.out;
  EXPECT_NE(refused.err.find("single_bid_rate"), std::string::npos) << refused.err;
}

// `samspill strategy plan` on the demo database: the published plan as suppliers download it,
// without the item the demo keeps internal; an unknown version is not found.
TEST_F(CliTender, StrategyPlanPrintsThePublishedPlanAsCsv) {
  ProcessResult latest =
      RunProcess({SAMSPILL_BINARY, "strategy", "plan", "--db", db_, "--format", "csv"});
  ASSERT_EQ(latest.exit_code, 0) << latest.err;
  EXPECT_NE(latest.out.find("(BoA)"), std::string::npos) << latest.out;
  EXPECT_EQ(latest.out.find("Madservice"), std::string::npos) << latest.out;
  ProcessResult first = RunProcess(
      {SAMSPILL_BINARY, "strategy", "plan", "--db", db_, "--format", "csv", "--plan-version", "1"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // The demo's second version moved one item a quarter later.
  EXPECT_NE(first.out, latest.out);
  ProcessResult ocds =
      RunProcess({SAMSPILL_BINARY, "strategy", "plan", "--db", db_, "--format", "ocds"});
  ASSERT_EQ(ocds.exit_code, 0) << ocds.err;
  EXPECT_FALSE(json::parse(ocds.out)["releases"].empty());

  ProcessResult unknown = RunProcess({SAMSPILL_BINARY, "strategy", "plan", "--db", db_, "--format",
                                      "csv", "--plan-version", "99"});
  EXPECT_EQ(unknown.exit_code, 66) << unknown.out;
  ProcessResult format =
      RunProcess({SAMSPILL_BINARY, "strategy", "plan", "--db", db_, "--format", "pdf"});
  EXPECT_NE(format.exit_code, 0);
  EXPECT_NE(format.err.find("--format"), std::string::npos) << format.err;
}

}  // namespace
}  // namespace samspill::testing
