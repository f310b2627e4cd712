// The JSON API tested against a real `samspill serve --demo` process.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/api_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TestData(const std::string& name) {
  return ReadFile(std::string(SAMSPILL_SOURCE_DIR) + "/src/evaluation/testdata/" + name);
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess({"--demo", "--db", dir_->path() + "/api.db"});
    ASSERT_GT(server_->port(), 0) << "server did not start: " << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0) << "server did not shut down cleanly on SIGTERM";
    delete server_;
    delete dir_;
  }

  ApiClient api() { return ApiClient(server_->port()); }
  httplib::Client Client() { return api().Client(); }

  httplib::Result Login(const std::string& user, const std::string& password) {
    return Client().Post("/api/session", json{{"username", user}, {"password", password}}.dump(),
                         "application/json");
  }

  Session LoginAs(const std::string& user, const std::string& password = "demo-passord") {
    return api().LoginAs(user, password);
  }

  httplib::Result Send(const std::string& method, const std::string& path, const Session& s,
                       const std::string& body = "", bool with_csrf = true,
                       const std::string& type = "application/json") {
    return api().Send(method, path, s, body, with_csrf, type);
  }

  static json Error(const httplib::Result& res) { return json::parse(res->body)["error"]; }

  static TempDir* dir_;
  static ServeProcess* server_;
};

TempDir* ApiTest::dir_ = nullptr;
ServeProcess* ApiTest::server_ = nullptr;

TEST_F(ApiTest, HealthIsOk) {
  auto res = Client().Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body), json({{"status", "ok"}}));
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(res->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
}

TEST_F(ApiTest, PagesUseNoInlineStyleOrScriptAndSendVisitorsToLogin) {
  auto start = Client().Get("/");
  ASSERT_TRUE(start);
  EXPECT_EQ(start->status, 303);
  EXPECT_EQ(start->get_header_value("Location"), "/logg-inn");
  auto page = Client().Get("/logg-inn");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<html lang=\"nb\">"), std::string::npos);
  EXPECT_EQ(page->body.find("<style"), std::string::npos);  // the CSP forbids inline styles
  EXPECT_EQ(page->body.find("style="), std::string::npos);
  EXPECT_EQ(page->body.find("<script"), std::string::npos);
  auto css = Client().Get("/assets/samspill.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_NE(page->body.find("<link rel=\"icon\" href=\"/assets/samspill.svg\""), std::string::npos);
  for (const char* icon : {"/assets/samspill.svg", "/favicon.ico"}) {
    auto res = Client().Get(icon);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << icon;
    EXPECT_EQ(res->get_header_value("Content-Type"), "image/svg+xml") << icon;
    EXPECT_TRUE(res->body.starts_with("<svg ")) << icon;
  }
  auto missing = Client().Get("/no-such-page");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("Fant ikke siden"), std::string::npos);
}

TEST_F(ApiTest, UnknownEndpointAndWrongMethodAreJsonErrors) {
  auto missing = Client().Get("/api/nothing-here");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(Error(missing)["code"], "not_found");

  auto wrong = Client().Put("/api/health", "", "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->get_header_value("Allow"), "GET");
}

TEST_F(ApiTest, EveryDemoRoleCanLogInWithAHardenedCookie) {
  for (const char* user : {"admin", "innkjoper", "evaluator", "tjenesteleder", "tillitsvalgt",
                           "leverandor", "revisor"}) {
    auto res = Login(user, "demo-passord");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << user << ": " << res->body;
    std::string cookie = res->get_header_value("Set-Cookie");
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(json::parse(res->body)["user"]["username"], user);
  }
}

TEST_F(ApiTest, WrongPasswordIs401WithJsonError) {
  auto res = Login("innkjoper", "feil-passord");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(Error(res)["code"], "unauthenticated");
  EXPECT_EQ(Error(res)["message"], "wrong username or password");
}

TEST_F(ApiTest, MalformedLoginNamesTheProblem) {
  auto res = Client().Post("/api/session", "{\"username\":", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(Error(res)["field"], "body");

  auto form = Client().Post("/api/session", "username=admin&password=demo-passord",
                            "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 400);  // a cross-site form post cannot log anyone in

  auto missing = Client().Post("/api/session", R"({"username":"admin"})", "application/json");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  EXPECT_EQ(Error(missing)["field"], "password");
}

TEST_F(ApiTest, EvaluateShowsRankReversal) {
  Session s = LoginAs("evaluator");
  auto res = Send("POST", "/api/evaluate", s, TestData("rank_reversal_3_bids.json"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json report = json::parse(res->body);
  EXPECT_EQ(report["winner"], "B");
  ASSERT_EQ(report["ranking"].size(), 3u);
  EXPECT_EQ(report["ranking"][0]["id"], "B");
  EXPECT_NEAR(report["ranking"][0]["total"].get<double>(), 5.923, 0.001);
  EXPECT_NEAR(report["ranking"][1]["total"].get<double>(), 5.500, 0.001);
  bool found = false;
  for (const auto& w : report["sensitivity"]["withdrawal"]) {
    if (w["withdrawn"] == "C") {
      found = true;
      EXPECT_EQ(w["winner"], "A");
      EXPECT_EQ(w["winner_changed"], true);
    }
  }
  EXPECT_TRUE(found) << report["sensitivity"].dump();
}

TEST_F(ApiTest, EvaluateRejectsBadTablesNamingTheField) {
  Session s = LoginAs("innkjoper");
  auto negative =
      Send("POST", "/api/evaluate", s,
           R"({"price_model":"linear","criteria":[{"id":"pris","kind":"price","weight":40},)"
           R"({"id":"kvalitet","kind":"quality","weight":60}],)"
           R"("bids":[{"id":"A","price":-5,"scores":{"kvalitet":7}}]})");
  ASSERT_TRUE(negative);
  EXPECT_EQ(negative->status, 400);
  EXPECT_EQ(Error(negative)["code"], "invalid_argument");
  EXPECT_EQ(Error(negative)["field"], "bids[0].price");

  // The server caps the Monte Carlo work of one request; the CLI allows more.
  json heavy = json::parse(TestData("rank_reversal_3_bids.json"));
  heavy["sensitivity"]["draws"] = 1'000'000;
  auto too_heavy = Send("POST", "/api/evaluate", s, heavy.dump());
  ASSERT_TRUE(too_heavy);
  EXPECT_EQ(too_heavy->status, 400);
  EXPECT_EQ(Error(too_heavy)["field"], "sensitivity.draws") << too_heavy->body;

  auto malformed = Send("POST", "/api/evaluate", s, "{not json");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
}

TEST_F(ApiTest, EvaluateNeedsLoginCsrfAndABuyerRole) {
  auto anonymous =
      Client().Post("/api/evaluate", TestData("rank_reversal_3_bids.json"), "application/json");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);

  Session evaluator = LoginAs("evaluator");
  auto no_csrf =
      Send("POST", "/api/evaluate", evaluator, TestData("rank_reversal_3_bids.json"), false);
  ASSERT_TRUE(no_csrf);
  EXPECT_EQ(no_csrf->status, 403);
  EXPECT_NE(Error(no_csrf)["message"].get<std::string>().find("CSRF"), std::string::npos);

  Session supplier = LoginAs("leverandor");
  auto as_supplier = Send("POST", "/api/evaluate", supplier, TestData("rank_reversal_3_bids.json"));
  ASSERT_TRUE(as_supplier);
  EXPECT_EQ(as_supplier->status, 403);
}

TEST_F(ApiTest, AdministratorManagesUsersAndEveryChangeIsAudited) {
  Session admin = LoginAs("admin");
  json create = {{"username", "siri"},
                 {"display_name", "Siri Saksbehandler"},
                 {"role", "procurement_officer"},
                 {"password", "siri-passord-1"}};
  auto created = Send("POST", "/api/users", admin, create.dump());
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  json user = json::parse(created->body);
  EXPECT_EQ(user["role"], "procurement_officer");
  EXPECT_EQ(user.count("password_hash"), 0u);

  auto again = Send("POST", "/api/users", admin, create.dump());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);

  json typo = create;
  typo["username"] = "siri2";
  typo["rolle"] = "auditor";
  auto unknown_field = Send("POST", "/api/users", admin, typo.dump());
  ASSERT_TRUE(unknown_field);
  EXPECT_EQ(unknown_field->status, 400);
  EXPECT_EQ(Error(unknown_field)["field"], "rolle");

  LoginAs("siri", "siri-passord-1");
  std::string id = std::to_string(user["id"].get<int64_t>());
  auto deactivated = Send("PATCH", "/api/users/" + id, admin, R"({"active":false})");
  ASSERT_TRUE(deactivated);
  ASSERT_EQ(deactivated->status, 200) << deactivated->body;
  EXPECT_EQ(json::parse(deactivated->body)["active"], false);
  auto refused = Login("siri", "siri-passord-1");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 401);

  Session auditor = LoginAs("revisor");
  auto trail = Send("GET", "/api/audit?entity_type=user&entity_id=" + id, auditor);
  ASSERT_TRUE(trail);
  ASSERT_EQ(trail->status, 200) << trail->body;
  std::vector<std::string> actions;
  json events = json::parse(trail->body)["events"];
  for (const auto& e : events) {
    actions.push_back(e["action"]);
    if (e["action"] == "user.deactivate") {
      EXPECT_EQ(e["actor"], "admin");
      EXPECT_EQ(e["before"]["active"], true);
      EXPECT_EQ(e["after"]["active"], false);
    }
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"user.create", "session.login", "user.deactivate",
                                               "session.login_failed"}));
}

TEST_F(ApiTest, ReadOnlyRolesChangeNothing) {
  Session auditor = LoginAs("revisor");
  auto list = Send("GET", "/api/users", auditor);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  auto create =
      Send("POST", "/api/users", auditor,
           R"({"username":"x","display_name":"X","role":"auditor","password":"xxxxxxxxxxxx"})");
  ASSERT_TRUE(create);
  EXPECT_EQ(create->status, 403);
  EXPECT_EQ(Error(create)["code"], "permission_denied");

  Session union_rep = LoginAs("tillitsvalgt");
  auto users = Send("GET", "/api/users", union_rep);
  ASSERT_TRUE(users);
  EXPECT_EQ(users->status, 403);
  auto audit = Send("GET", "/api/audit", union_rep);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->status, 403);
}

TEST_F(ApiTest, OrganisationsAreValidatedAndSuppliersBelongToOne) {
  Session officer = LoginAs("innkjoper");
  auto bad = Send("POST", "/api/organisations", officer,
                  R"({"org_number":"942110465","name":"Feil AS","kind":"supplier"})");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Error(bad)["field"], "org_number");
  EXPECT_NE(Error(bad)["message"].get<std::string>().find("modulus-11"), std::string::npos);

  auto created =
      Send("POST", "/api/organisations", officer,
           R"({"org_number":"981 234 561","name":"Ny Leverandør AS","kind":"supplier"})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  json org = json::parse(created->body);
  EXPECT_EQ(org["org_number"], "981234561");

  auto duplicate = Send("POST", "/api/organisations", officer,
                        R"({"org_number":"981234561","name":"Igjen AS","kind":"supplier"})");
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 409);

  Session union_rep = LoginAs("tillitsvalgt");
  auto refused = Send("POST", "/api/organisations", union_rep,
                      R"({"org_number":"923456783","name":"X","kind":"supplier"})");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);

  Session supplier = LoginAs("leverandor");
  EXPECT_FALSE(supplier.user["organisation_id"].is_null());
  auto listed = Send("GET", "/api/organisations", supplier);
  ASSERT_TRUE(listed);
  EXPECT_EQ(listed->status, 200);
  EXPECT_GE(json::parse(listed->body)["organisations"].size(), 4u);

  Session admin = LoginAs("admin");
  auto orphan = Send(
      "POST", "/api/users", admin,
      R"({"username":"ny-lev","display_name":"Ny","role":"supplier","password":"langt-passord"})");
  ASSERT_TRUE(orphan);
  EXPECT_EQ(orphan->status, 400);
  EXPECT_EQ(Error(orphan)["field"], "organisation_id");
  json with_org = {{"username", "ny-lev"},
                   {"display_name", "Ny Leverandør"},
                   {"role", "supplier"},
                   {"password", "langt-passord"},
                   {"organisation_id", org["id"]}};
  auto ok = Send("POST", "/api/users", admin, with_org.dump());
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;
  EXPECT_EQ(json::parse(ok->body)["organisation_id"], org["id"]);
}

TEST_F(ApiTest, LogoutEndsTheSession) {
  Session s = LoginAs("tjenesteleder");
  auto me = Send("GET", "/api/session", s);
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["user"]["role"], "service_leader");
  auto out = Send("DELETE", "/api/session", s);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 204);
  auto after = Send("GET", "/api/session", s);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(ApiTest, RepeatedFailedLoginsAreThrottled) {
  Session admin = LoginAs("admin");
  auto created = Send(
      "POST", "/api/users", admin,
      R"({"username":"gjett","display_name":"Gjett Meg","role":"evaluator","password":"riktig-passord"})");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201);
  for (int i = 0; i < 5; ++i) {
    auto res = Login("gjett", "feil-passord");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
  }
  auto blocked = Login("gjett", "riktig-passord");
  ASSERT_TRUE(blocked);
  EXPECT_EQ(blocked->status, 429);
  EXPECT_EQ(Error(blocked)["code"], "resource_exhausted");
}

TEST_F(ApiTest, OversizedBodyIsRefused) {
  Session s = LoginAs("evaluator");
  auto res = Send("POST", "/api/evaluate", s, std::string(5 << 20, ' '));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST_F(ApiTest, PasswordChange) {
  Session admin = LoginAs("admin");
  ASSERT_EQ(
      Send(
          "POST", "/api/users", admin,
          R"({"username":"bytter","display_name":"Bytter","role":"auditor","password":"gammelt-passord"})")
          ->status,
      201);
  Session s = LoginAs("bytter", "gammelt-passord");
  auto wrong = Send("POST", "/api/session/password", s,
                    R"({"current_password":"feil","new_password":"nytt-passord-1"})");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400);
  EXPECT_EQ(Error(wrong)["field"], "current_password");
  auto ok = Send("POST", "/api/session/password", s,
                 R"({"current_password":"gammelt-passord","new_password":"nytt-passord-1"})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 204);
  LoginAs("bytter", "nytt-passord-1");
}

}  // namespace
}  // namespace samspill::testing
