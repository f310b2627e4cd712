// The server-rendered pages over plain HTTP against a real `samspill serve --demo`: login and
// logout through the form, CSRF and Origin checks on every form post, roles, escaping, the
// language switch, sealed bids on the pages. (The browser suite in tests/browser adds a real
// Chromium, keyboard and axe-core checks.)
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "api/api_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

// A browser-like session for pages: the session cookie and the CSRF token of the forms.
struct PageSession {
  std::string cookie;
  std::string csrf;
};

// A small part I draft awarded on price alone.
json PriceOnlyDraft(const std::string& title) {
  return {{"title", title},
          {"estimated_value", 500000},
          {"bid_deadline", "2026-03-01T11:00:00Z"},
          {"award_model",
           {{"price_model", "proportional"},
            {"criteria", {{{"id", "pris"}, {"kind", "price"}, {"weight", 100}}}}}}};
}

class PageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    clock_file_ = dir_->path() + "/clock";
    std::ofstream(clock_file_) << "2026-01-05T09:00:00Z\n";
    server_ = new ServeProcess(
        {"--demo", "--db", dir_->path() + "/pages.db", "--clock-file", clock_file_});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }

  httplib::Client Client() { return ApiClient(server_->port()).Client(); }

  // `start` is the page the user lands on (the portfolio roles start in the portfolio).
  PageSession LogIn(const std::string& user, const std::string& start = "/") {
    auto res = Client().Post("/logg-inn", "username=" + user + "&password=demo-passord",
                             "application/x-www-form-urlencoded");
    EXPECT_TRUE(res);
    EXPECT_EQ(res->status, 303) << res->body;
    PageSession s;
    std::string set_cookie = res->get_header_value("Set-Cookie");
    s.cookie = set_cookie.substr(0, set_cookie.find(';'));
    auto home = Get(start, s);
    std::smatch m;
    std::regex token(R"re(name="csrf_token" value="([0-9a-f]+)")re");
    if (std::regex_search(home->body, m, token)) s.csrf = m[1];
    EXPECT_FALSE(s.csrf.empty()) << "no CSRF field on the start page";
    return s;
  }

  httplib::Result Get(const std::string& path, const PageSession& s) {
    return Client().Get(path, {{"Cookie", s.cookie}});
  }

  httplib::Result Post(const std::string& path, const PageSession& s, std::string form,
                       bool with_csrf = true, const std::string& origin = "") {
    httplib::Headers headers = {{"Cookie", s.cookie}};
    if (!origin.empty()) headers.emplace("Origin", origin);
    if (with_csrf) form += (form.empty() ? "" : "&") + std::string("csrf_token=") + s.csrf;
    return Client().Post(path, headers, form, "application/x-www-form-urlencoded");
  }

  // The id of the demo tender in `state`, from the JSON API.
  int64_t DemoTender(const std::string& state) {
    ApiClient api(server_->port());
    json list = api.Expect(200, "GET", "/api/tenders", api.LoginAs("revisor"));
    for (const json& t : list["tenders"]) {
      if (t["state"] == state) return t["id"];
    }
    ADD_FAILURE() << "no demo tender in state " << state;
    return 0;
  }

  static TempDir* dir_;
  static ServeProcess* server_;
  static std::string clock_file_;
};

TempDir* PageTest::dir_ = nullptr;
ServeProcess* PageTest::server_ = nullptr;
std::string PageTest::clock_file_;

TEST_F(PageTest, LoginFormSetsAHardenedCookieAndLogoutEndsTheSession) {
  auto wrong = Client().Post("/logg-inn", "username=innkjoper&password=feil",
                             "application/x-www-form-urlencoded");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_NE(wrong->body.find("role=\"alert\""), std::string::npos);
  EXPECT_NE(wrong->body.find("Feil brukernavn eller passord."), std::string::npos);

  PageSession s = LogIn("innkjoper");
  auto home = Get("/", s);
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
  EXPECT_NE(home->body.find("Ingrid Innkjøper"), std::string::npos);
  EXPECT_NE(home->body.find("<main id=\"main\""), std::string::npos);

  auto out = Post("/logg-ut", s, "");
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 303);
  EXPECT_EQ(out->get_header_value("Location"), "/logg-inn");
  EXPECT_EQ(Get("/", s)->status, 303);  // the old cookie no longer works
}

TEST_F(PageTest, FormPostsNeedTheCsrfTokenAndThisSitesOrigin) {
  PageSession s = LogIn("innkjoper");
  const std::string path =
      "/anbud/" + std::to_string(DemoTender("contract_signed")) + "/handling/cancel";
  auto no_token = Post(path, s, "reason=x", /*with_csrf=*/false);
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 403);
  auto cross_site = Post("/logg-ut", s, "", true, "https://evil.example");
  ASSERT_TRUE(cross_site);
  EXPECT_EQ(cross_site->status, 403);
  EXPECT_EQ(Get("/", s)->status, 200);  // still logged in: nothing happened
}

TEST_F(PageTest, TheSignedCleaningTenderShowsEvaluationChartsToTheAuditor) {
  PageSession s = LogIn("revisor");
  auto page = Get("/anbud/" + std::to_string(DemoTender("contract_signed")), s);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  for (const char* expected :
       {"Renholdstjenester for kommunale bygg", "Kontrakt signert", "FOA del III",
        "kr\u00a011\u00a0850\u00a0000", "7. april 2025 kl. 12:00", "Evalueringstabell",
        "<svg class=\"chart\"", "Hvor robust er vinneren", "Hva om et tilbud trekkes?",
        "Renhold og Inkludering AS (fiktiv)"}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(page->body.find("style=\""), std::string::npos);
  // English on request, remembered by a cookie.
  auto english = Get("/anbud/" + std::to_string(DemoTender("contract_signed")) + "?lang=en", s);
  EXPECT_NE(english->body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(english->body.find("Evaluation table"), std::string::npos);
  EXPECT_NE(english->get_header_value("Set-Cookie").find("samspill_lang=en"), std::string::npos);
}

TEST_F(PageTest, TheCancelledCareHomeShowsItsReasonsAndNoBids) {
  PageSession s = LogIn("tillitsvalgt");
  auto page = Get("/anbud/" + std::to_string(DemoTender("cancelled")), s);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Konkurransen er avlyst"), std::string::npos);
  EXPECT_NE(page->body.find("kun én leverandør"), std::string::npos);
  EXPECT_NE(page->body.find("forseglet"), std::string::npos);  // never opened: still sealed
  // The one bid's price (kr 742 000 000), however it might be written; not just "742", which a
  // random CSRF token may contain.
  for (const char* price : {"742\u00a0000", "742 000", "742000000", "742.000"}) {
    EXPECT_EQ(page->body.find(price), std::string::npos) << price;
  }
}

TEST_F(PageTest, SuppliersSeeNoDraftsNoProtocolAndOnlyTheirOwnBids) {
  PageSession supplier = LogIn("leverandor3");
  const int64_t cleaning = DemoTender("contract_signed");
  auto page = Get("/anbud/" + std::to_string(cleaning), supplier);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("kr\u00a012\u00a0400\u00a0000"), std::string::npos);  // its own
  // Another tenderer's bid never shows; the winner's contract value is in the award notice.
  EXPECT_EQ(page->body.find("10\u00a0950\u00a0000"), std::string::npos);
  EXPECT_EQ(page->body.find("Evalueringstabell"), std::string::npos);
  EXPECT_EQ(Get("/anbud/" + std::to_string(cleaning) + "/protokoll", supplier)->status, 403);
  EXPECT_EQ(Get("/revisjonslogg", supplier)->status, 403);
}

TEST_F(PageTest, NamesFromOutsideAreEscapedOnEveryPage) {
  ApiClient api(server_->port());
  Session officer = api.LoginAs("innkjoper");
  json created =
      api.Expect(201, "POST", "/api/tenders", officer,
                 PriceOnlyDraft("\"><img src=x onerror=alert(1)> <script>alert(1)</script>"));
  PageSession s = LogIn("innkjoper");
  for (const std::string& path : {std::string("/"), std::string("/anbud"),
                                  "/anbud/" + std::to_string(created["id"].get<int64_t>())}) {
    auto page = Get(path, s);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200) << path;
    EXPECT_EQ(page->body.find("<img src=x"), std::string::npos) << path;
    EXPECT_EQ(page->body.find("<script>alert"), std::string::npos) << path;
    EXPECT_NE(page->body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << path;
  }
}

TEST_F(PageTest, ACancellationWithoutReasonIsRefusedBesideTheForm) {
  ApiClient api(server_->port());
  Session officer = api.LoginAs("innkjoper");
  const int64_t id =
      api.Expect(201, "POST", "/api/tenders", officer, PriceOnlyDraft("Avlysningsprøve"))["id"];
  PageSession s = LogIn("innkjoper");
  auto refused = Post("/anbud/" + std::to_string(id) + "/handling/cancel", s, "reason=+++");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("class=\"error-summary\""), std::string::npos);
  EXPECT_NE(refused->body.find("href=\"#reason\""), std::string::npos);
  auto cancelled =
      Post("/anbud/" + std::to_string(id) + "/handling/cancel", s, "reason=Behovet+er+bortfalt");
  ASSERT_TRUE(cancelled);
  EXPECT_EQ(cancelled->status, 303);
  EXPECT_NE(Get("/anbud/" + std::to_string(id), s)->body.find("Behovet er bortfalt"),
            std::string::npos);
}

// The complaints section: a supplier that bid lodges a complaint in the standstill through the
// form, sees its own complaint and nobody else's; the officer records the handling.
TEST_F(PageTest, ASupplierComplainsInTheStandstillAndTheOfficerRecordsTheHandling) {
  struct RestoreClock {
    std::string file;
    ~RestoreClock() { std::ofstream(file, std::ios::trunc) << "2026-01-05T09:00:00Z\n"; }
  } restore{clock_file_};
  ApiClient api(server_->port());
  Session officer = api.LoginAs("innkjoper");
  const int64_t id =
      api.Expect(201, "POST", "/api/tenders", officer, PriceOnlyDraft("Klageprøve"))["id"];
  const std::string t = "/api/tenders/" + std::to_string(id);
  api.Expect(200, "POST", t + "/actions/publish", officer);
  api.Expect(201, "POST", t + "/bids", api.LoginAs("leverandor"),
             json{{"price", 400000}, {"summary", "A"}});
  api.Expect(201, "POST", t + "/bids", api.LoginAs("leverandor2"),
             json{{"price", 450000}, {"summary", "B"}});
  std::ofstream(clock_file_, std::ios::trunc) << "2026-03-02T09:00:00Z\n";
  for (const char* action : {"close_bidding", "open_bids", "complete_evaluation", "propose_award",
                             "send_award_notice"}) {
    api.Expect(200, "POST", t + "/actions/" + action, officer);
  }

  const std::string page = "/anbud/" + std::to_string(id);
  const std::string form = "action=\"" + page + "/klage\"";
  PageSession loser = LogIn("leverandor2");
  EXPECT_NE(Get(page, loser)->body.find(form), std::string::npos);
  EXPECT_NE(Get(page, loser)->body.find("Klag på tildelingen"), std::string::npos);
  EXPECT_EQ(Get(page, LogIn("leverandor3"))->body.find(form), std::string::npos);  // no bid

  auto refused = Post(page + "/klage", loser, "grounds=+++");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("href=\"#grounds\""), std::string::npos);
  EXPECT_NE(refused->body.find("må si med ord hva det gjelder og hvorfor"), std::string::npos);
  auto lodged = Post(page + "/klage", loser, "grounds=Prisen+v%C3%A5r+er+feil+lest");
  ASSERT_TRUE(lodged);
  EXPECT_EQ(lodged->status, 303) << lodged->body;
  EXPECT_NE(Get(page, loser)->body.find("Prisen vår er feil lest"), std::string::npos);
  // Supplier isolation: the winner's page holds no trace of the other supplier's complaint.
  EXPECT_EQ(Get(page, LogIn("leverandor"))->body.find("Prisen vår er feil lest"),
            std::string::npos);

  PageSession s = LogIn("innkjoper");
  const std::string officer_page = Get(page, s)->body;
  EXPECT_NE(officer_page.find("Prisen vår er feil lest"), std::string::npos);
  EXPECT_NE(officer_page.find("Kontrakten kan ikke signeres før alle klager er behandlet."),
            std::string::npos);
  EXPECT_NE(officer_page.find("action=\"" + page + "/klage/1/behandling\""), std::string::npos);
  auto without_reasons = Post(page + "/klage/1/behandling", s, "outcome=rejected&reasons=");
  ASSERT_TRUE(without_reasons);
  EXPECT_EQ(without_reasons->status, 400);
  EXPECT_NE(without_reasons->body.find("href=\"#complaint-1-reasons\""), std::string::npos);
  auto handled =
      Post(page + "/klage/1/behandling", s, "outcome=rejected&reasons=Prisen+er+lest+som+oppgitt");
  ASSERT_TRUE(handled);
  EXPECT_EQ(handled->status, 303) << handled->body;
  const std::string after = Get(page, loser)->body;
  EXPECT_NE(after.find("Ikke tatt til følge"), std::string::npos);
  EXPECT_NE(after.find("Prisen er lest som oppgitt"), std::string::npos);
}

TEST_F(PageTest, AnOfficerCreatesAndPublishesATenderThroughTheForm) {
  PageSession s = LogIn("innkjoper");
  auto blank = Get("/anbud/ny", s);
  ASSERT_TRUE(blank);
  ASSERT_EQ(blank->status, 200);
  EXPECT_NE(blank->body.find("<label for=\"estimated_value\">"), std::string::npos);

  std::string form =
      "title=Skoleskyss+2026&category=ordinary&estimated_value=3+500+000&procedure=open"
      "&bid_deadline=2026-02-20T12%3A00&minimum_bids=2&standstill_days=10"
      "&price_model=proportional"
      "&criteria-0-id=pris&criteria-0-kind=price&criteria-0-weight=70"
      "&criteria-1-id=miljo&criteria-1-kind=environment&criteria-1-weight=0"
      "&climate_weight_required=on";
  auto refused = Post("/anbud/ny", s, form);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("href=\"#criteria-1-weight\""), std::string::npos)
      << refused->body.substr(refused->body.find("<main"), 1500);
  EXPECT_NE(refused->body.find("id=\"criteria-1-weight-error\""), std::string::npos);
  EXPECT_NE(refused->body.find("value=\"Skoleskyss 2026\""), std::string::npos);  // kept
  // An amount and a deadline the form cannot read: named in Norwegian, beside their fields.
  auto unreadable =
      Post("/anbud/ny", s,
           std::regex_replace(std::regex_replace(form, std::regex("estimated_value=3\\+500\\+000"),
                                                 "estimated_value=3,5+mill"),
                              std::regex("bid_deadline=[^&]*"), "bid_deadline=neste+fredag"));
  ASSERT_TRUE(unreadable);
  EXPECT_EQ(unreadable->status, 400);
  EXPECT_NE(unreadable->body.find("Anslått verdi: beløpet inneholder «m»"), std::string::npos)
      << unreadable->body.substr(unreadable->body.find("<main"), 1500);
  EXPECT_NE(unreadable->body.find("skriv fristen som dato og klokkeslett"), std::string::npos);

  auto created =
      Post("/anbud/ny", s,
           std::regex_replace(form, std::regex("criteria-1-weight=0"), "criteria-1-weight=30"));
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 303) << created->body.substr(0, 3000);
  const std::string location = created->get_header_value("Location");
  auto page = Get(location, s);
  EXPECT_NE(page->body.find("Skoleskyss 2026"), std::string::npos);
  EXPECT_NE(page->body.find("20. februar 2026 kl. 12:00"), std::string::npos);  // Oslo time
  auto published = Post(location + "/handling/publish", s, "");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303);
  auto after = Get(location, s);
  EXPECT_NE(after->body.find("Tildelingsmodellen er låst"), std::string::npos);
  EXPECT_NE(after->body.find("FOA del III"), std::string::npos);
  // A published tender's draft can no longer be edited.
  auto edit = Post(location + "/rediger", s, form);
  ASSERT_TRUE(edit);
  EXPECT_EQ(edit->status, 409);
}

// The portfolio's register form: a likely duplicate is shown before saving, with links to the
// registered project and its reasons; the project is saved only once the user confirms it is a
// different project. Partnership roles are led to the portfolio and see no tender link.
TEST_F(PageTest, PortfolioFormWarnsOfADuplicateBeforeSaving) {
  PageSession s = LogIn("prosjektleder", "/portefolje");
  auto start = Get("/", s);
  ASSERT_TRUE(start);
  EXPECT_EQ(start->status, 200);
  EXPECT_NE(start->body.find("<a href=\"/portefolje\">Portefølje</a>"), std::string::npos);
  EXPECT_EQ(start->body.find("href=\"/anbud\""), std::string::npos);
  auto list = Get("/portefolje", s);
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_NE(list->body.find("href=\"/portefolje\" aria-current=\"page\""), std::string::npos);
  EXPECT_EQ(list->body.find("href=\"/anbud\""), std::string::npos);

  const std::string form =
      "name=Fasiliterende+interpersonale+ferdigheter&area=Helse+og+velferd&kind=research"
      "&status=active&partners=NTNU%2C+Institutt+for+psykologi&start=2023-09-01";
  auto warned = Post("/portefolje/ny", s, form);
  ASSERT_TRUE(warned);
  EXPECT_EQ(warned->status, 409);
  EXPECT_NE(warned->body.find("Dette kan være et prosjekt som allerede er registrert"),
            std::string::npos);
  EXPECT_NE(warned->body.find("FIF (Fasiliterende Interpersonale Ferdigheter)"), std::string::npos);
  EXPECT_NE(warned->body.find("name=\"confirmed_distinct\""), std::string::npos);

  auto saved = Post("/portefolje/ny", s, form + "&confirmed_distinct=ja");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 303) << saved->body;
  auto page = Get(saved->get_header_value("Location"), s);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("portfolio.project.create"), std::string::npos);  // the history

  auto targets = Get("/portefolje/maltall", s);
  ASSERT_TRUE(targets);
  EXPECT_NE(targets->body.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(targets->body.find("13 søknader venter fortsatt på svar"), std::string::npos);
  EXPECT_EQ(Get("/portefolje/import", s)->status, 403);  // the coordinator imports
}

}  // namespace
}  // namespace samspill::testing
