// What the API and the pages say when the database file was changed behind samspill's back
// (decision 0018): a raw SQLite connection drops the append-only triggers, deletes a bid
// submission from the audit trail and recreates them; another changes a tender's locked award
// model. Its own `samspill serve --demo`, since the damage is meant to stay.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "api/api_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

class AuditTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    db_ = dir_->path() + "/tamper.db";
    server_ = std::make_unique<ServeProcess>(std::vector<std::string>{"--demo", "--db", db_});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  void TearDown() override { EXPECT_EQ(server_->Stop(), 0); }

  // Runs `sql` on the file while the server keeps it open; returns the first column of the
  // first row of `query` (run first), if any.
  std::string Raw(const std::string& query, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    std::string value;
    if (!query.empty()) {
      sqlite3_stmt* stmt = nullptr;
      EXPECT_EQ(sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr), SQLITE_OK)
          << sqlite3_errmsg(db);
      if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
        value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      }
      sqlite3_finalize(stmt);
    }
    if (!sql.empty()) {
      char* error = nullptr;
      EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
          << (error ? error : "");
      sqlite3_free(error);
    }
    sqlite3_close(db);
    return value;
  }

  int64_t DemoTender(const std::string& state) {
    json list = api().Expect(200, "GET", "/api/tenders", api().LoginAs("revisor"));
    for (const json& t : list["tenders"]) {
      if (t["state"] == state) return t["id"];
    }
    ADD_FAILURE() << "no demo tender in state " << state;
    return 0;
  }

  // The page `path` as `user`, logged in through the form.
  httplib::Result Page(const std::string& user, const std::string& path) {
    auto client = api().Client();
    auto login = client.Post("/logg-inn", "username=" + user + "&password=demo-passord",
                             "application/x-www-form-urlencoded");
    EXPECT_TRUE(login);
    std::string cookie = login->get_header_value("Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    return client.Get(path, {{"Cookie", cookie}});
  }

  ApiClient api() const { return ApiClient(server_->port()); }

  std::unique_ptr<TempDir> dir_;
  std::string db_;
  std::unique_ptr<ServeProcess> server_;
};

TEST_F(AuditTamperTest, ADeletedBidSubmissionIsReportedNotHidden) {
  const int64_t tender = DemoTender("contract_signed");
  const std::string protocol = "/api/tenders/" + std::to_string(tender) + "/protocol";
  auto auditor = api().LoginAs("revisor");
  api().Expect(200, "GET", protocol, auditor);
  api().Expect(200, "GET", "/api/audit", auditor);

  const std::string id =
      Raw("SELECT min(id) FROM audit_events WHERE action = 'bid.submit' AND entity_id = '" +
              std::to_string(tender) + "'",
          "");
  ASSERT_FALSE(id.empty());
  Raw("",
      "BEGIN;"
      "DROP TRIGGER audit_events_append_only_delete;"
      "DELETE FROM audit_events WHERE id = " +
          id +
          ";"
          "CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events "
          "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"
          "COMMIT;");

  json error = api().Expect(500, "GET", protocol, auditor);
  EXPECT_EQ(error["error"]["code"], "data_loss") << error.dump();
  EXPECT_NE(error["error"]["message"].get<std::string>().find("event " + id + ":"),
            std::string::npos)
      << error.dump();
  error = api().Expect(500, "GET", "/api/audit", auditor);
  EXPECT_EQ(error["error"]["code"], "data_loss") << error.dump();

  auto page = Page("revisor", "/anbud/" + std::to_string(tender) + "/protokoll");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 500);
  EXPECT_NE(page->body.find("Protokollen kan ikke vises"), std::string::npos) << page->body;
  auto trail = Page("revisor", "/revisjonslogg");
  ASSERT_TRUE(trail);
  EXPECT_EQ(trail->status, 200);
  EXPECT_NE(trail->body.find("Revisjonsloggen er brutt"), std::string::npos);
}

// A changed award model used to answer the supplier's start page with 500 and no word.
TEST_F(AuditTamperTest, AChangedAwardModelIsNamedOnTheSuppliersStartPage) {
  const int64_t tender = DemoTender("contract_signed");
  Raw("",
      "UPDATE tenders SET document_json = json_set(document_json, "
      "'$.locked_award_model.model.criteria[0].weight', 1) WHERE id = " +
          std::to_string(tender));
  auto home = Page("leverandor", "/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200) << home->body;
  EXPECT_NE(home->body.find("kan ikke vises nå"), std::string::npos) << home->body;
  auto api_view =
      api().Send("GET", "/api/tenders/" + std::to_string(tender), api().LoginAs("leverandor"));
  ASSERT_TRUE(api_view);
  json error = json::parse(api_view->body);
  EXPECT_EQ(error["error"]["code"], "data_loss") << api_view->body;
}

}  // namespace
}  // namespace samspill::testing
