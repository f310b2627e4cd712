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
  // The regime in English words and amounts, never a table id; the CPV name in English.
  EXPECT_NE(english->body.find("<strong>FOA part III</strong>"), std::string::npos);
  EXPECT_NE(english->body.find("the EEA threshold for municipalities NOK 2,300,000"),
            std::string::npos);
  EXPECT_EQ(english->body.find("eea_municipal"), std::string::npos);
  EXPECT_NE(english->body.find("90911200-8 – Building-cleaning services"), std::string::npos);
  EXPECT_NE(english->get_header_value("Set-Cookie").find("samspill_lang=en"), std::string::npos);
}

// The sensitivity section opens with a verdict in words; the charts have axes, whole criterion
// names (wrapped, never cut) and the names users know in the legend; score columns give their
// scale.
TEST_F(PageTest, TheEvaluationSaysInWordsHowSafeTheWinnerIs) {
  PageSession s = LogIn("innkjoper");
  const std::string path = "/anbud/" + std::to_string(DemoTender("contract_signed"));
  auto page = Get(path, s);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string& b = page->body;
  for (const char* expected :
       {"Hvor sikker er vinneren?", "<h4>Konklusjon</h4>",
        "Vinneren, Renhold og Inkludering AS (fiktiv), ", "Minst margin har «", " prosentpoeng ",
        "trekninger.", "poeng 0–10", "Samlet poengsum (poeng 0–10)",
        "class=\"legend\">Sosiale hensyn: lærlinger, faste stillinger,</text>",
        "class=\"legend\">lønns- og arbeidsvilkår</text>", "Rangreversering skjedde",
        " trekker tilbudet, vinner "}) {
    EXPECT_NE(b.find(expected), std::string::npos) << expected;
  }
  // Criterion ids are not shown as names, and no chart label is cut.
  EXPECT_EQ(b.find("class=\"legend\">sosialt<"), std::string::npos);
  EXPECT_EQ(b.find("…</text>"), std::string::npos);

  auto english = Get(path + "?lang=en", s);
  for (const char* expected :
       {"How safe is the winner?", "<h4>Verdict</h4>", "The winner, Renhold og Inkludering AS",
        "points 0–10", "Total score (points 0–10)", "Rank reversal"}) {
    EXPECT_NE(english->body.find(expected), std::string::npos) << expected;
  }
}

// A price-only tender whose cheapest bid is half the others: the tender page shows the check and
// the award waits for the recorded, accepted explanation.
TEST_F(PageTest, AnAbnormallyLowWinnerIsShownAndHoldsUpTheAwardUntilExplained) {
  ApiClient api(server_->port());
  Session officer_api = api.LoginAs("innkjoper");
  json draft = PriceOnlyDraft("Vaktmestertjenester");
  draft["bid_deadline"] = "2026-01-20T11:00:00Z";
  const int64_t id = api.Expect(201, "POST", "/api/tenders", officer_api, draft)["id"];
  const std::string t = "/api/tenders/" + std::to_string(id);
  api.Expect(200, "POST", t + "/actions/publish", officer_api);
  int64_t cheap = 0;
  for (auto [user, price] : {std::pair{"leverandor", 200000}, std::pair{"leverandor2", 400000},
                             std::pair{"leverandor3", 440000}}) {
    json bid = api.Expect(201, "POST", t + "/bids", api.LoginAs(user), json{{"price", price}});
    if (price == 200000) cheap = bid["id"];
  }
  std::ofstream(clock_file_, std::ios::trunc) << "2026-01-21T09:00:00Z\n";
  for (const char* action : {"close_bidding", "open_bids", "complete_evaluation"}) {
    api.Expect(200, "POST", t + "/actions/" + action, officer_api);
  }

  PageSession s = LogIn("innkjoper");
  const std::string page_path = "/anbud/" + std::to_string(id);
  auto page = Get(page_path, s);
  ASSERT_EQ(page->status, 200);
  for (const char* expected :
       {"Mulig unormalt lavt tilbud", "kr\u00a0200\u00a0000", "kr\u00a0420\u00a0000",
        "kr\u00a0400\u00a0000", "52,4 %", "terskelen er nådd", "FOA § 24-9", "/prisforklaring\""}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }

  auto refused = Post(page_path + "/handling/propose_award", s, "");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 409);
  EXPECT_NE(refused->body.find("tilbud " + std::to_string(cheap) +
                               " fra Omsorgspartner Midt AS (fiktiv) kan være unormalt lavt"),
            std::string::npos)
      << refused->body;

  auto recorded = Post(page_path + "/bud/" + std::to_string(cheap) + "/prisforklaring", s,
                       "asked_on=2026-01-21&explanation=Egne+lokaler&assessment=accepted&"
                       "assessment_reasons=Prisen+er+dokumentert");
  ASSERT_TRUE(recorded);
  EXPECT_EQ(recorded->status, 303) << recorded->body;
  page = Get(page_path, s);
  EXPECT_NE(page->body.find("Egne lokaler"), std::string::npos);
  EXPECT_NE(page->body.find("<strong>godtatt</strong>: Prisen er dokumentert"), std::string::npos);
  EXPECT_EQ(page->body.find("/prisforklaring\""), std::string::npos);  // nothing left to record
  auto proposed = Post(page_path + "/handling/propose_award", s, "");
  EXPECT_EQ(proposed->status, 303) << proposed->body;

  // Roles that read no bid content see nothing of the check.
  auto union_page = Get(page_path, LogIn("tillitsvalgt"));
  EXPECT_EQ(union_page->body.find("Mulig unormalt lavt tilbud"), std::string::npos);
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

// The union representative finds the staff-transfer facts in their own section, first on the
// page: årsverk, the planned dates with the reservation period, and the law's deadlines.
TEST_F(PageTest, TheUnionRepresentativeSeesTheStaffTransferFirst) {
  PageSession s = LogIn("tillitsvalgt");
  auto page = Get("/anbud/" + std::to_string(DemoTender("cancelled")), s);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const size_t section = page->body.find("id=\"staff-transfer\"");
  ASSERT_NE(section, std::string::npos);
  EXPECT_LT(section, page->body.find("id=\"facts\""));  // before the general facts
  const std::string text = page->body.substr(section, 3000);
  for (const char* expected :
       {"Virksomhetsoverdragelse og de ansatte", "Ja, de ansatte går over til ny arbeidsgiver",
        "<dd>100</dd>", "1. desember 2025", "22. desember 2025 (21 dager etter informasjonen)",
        "1. mars 2026", "22. mars 2026", "aml. § 16-3"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  // Other readers find the same section after the timeline; the politician's page has none of
  // the decision summary's place taken by it.
  PageSession auditor = LogIn("revisor");
  auto audit = Get("/anbud/" + std::to_string(DemoTender("cancelled")) + "?lang=en", auditor);
  const size_t en = audit->body.find("id=\"staff-transfer\"");
  ASSERT_NE(en, std::string::npos);
  EXPECT_GT(en, audit->body.find("id=\"timeline\""));
  EXPECT_NE(audit->body.find("Reservation deadline (§ 16-3)", en), std::string::npos);
  EXPECT_NE(audit->body.find("22 December 2025 (21 days after the information)", en),
            std::string::npos)
      << audit->body.substr(en, 2000);
  // The cleaning contract's 25 årsverk stay with their employer: said, without transfer dates.
  auto cleaning = Get("/anbud/" + std::to_string(DemoTender("contract_signed")), s);
  const size_t stays = cleaning->body.find("id=\"staff-transfer\"");
  ASSERT_NE(stays, std::string::npos);
  const std::string no_transfer = cleaning->body.substr(stays, 1500);
  EXPECT_NE(no_transfer.find("<dd>Nei</dd>"), std::string::npos) << no_transfer;
  EXPECT_NE(no_transfer.find("<dd>25</dd>"), std::string::npos) << no_transfer;
  EXPECT_NE(no_transfer.find("Ingen virksomhetsoverdragelse er planlagt"), std::string::npos);
  EXPECT_EQ(no_transfer.find("Reservasjonsfrist"), std::string::npos) << no_transfer;
}

// The politician reads a decision summary first: regime, dates, bids, award and reasons, and
// a cancellation's reasons; drafts are set apart and marked as not decided.
TEST_F(PageTest, ThePoliticianReadsADecisionSummaryAndSeesDraftsMarked) {
  PageSession s = LogIn("politiker");
  auto signed_page = Get("/anbud/" + std::to_string(DemoTender("contract_signed")), s);
  ASSERT_TRUE(signed_page);
  ASSERT_EQ(signed_page->status, 200);
  const size_t summary = signed_page->body.find("id=\"decision-summary\"");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_LT(summary, signed_page->body.find("id=\"facts\""));
  const std::string text = signed_page->body.substr(summary, 4000);
  for (const char* expected :
       {"Beslutningsgrunnlag", "FOA del III", "Gyldige tilbud", "Tildeling", "Kontrakt signert"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("Ingen tildeling ennå"), std::string::npos) << text;
  // In English the award's reasons are English too, not the Norwegian text stored with it.
  auto english = Get("/anbud/" + std::to_string(DemoTender("contract_signed")) + "?lang=en", s);
  const std::string en_text =
      english->body.substr(english->body.find("id=\"decision-summary\""), 4000);
  EXPECT_NE(en_text.find("Decision summary"), std::string::npos);
  EXPECT_NE(en_text.find("had the highest total score (9.10) under the announced award criteria"),
            std::string::npos)
      << en_text;
  EXPECT_EQ(english->body.find("Tilbudet fra"), std::string::npos);
  auto cancelled = Get("/anbud/" + std::to_string(DemoTender("cancelled")), s);
  const std::string cancelled_text =
      cancelled->body.substr(cancelled->body.find("id=\"decision-summary\""), 4000);
  EXPECT_NE(cancelled_text.find("kun én leverandør"), std::string::npos) << cancelled_text;
  EXPECT_NE(cancelled_text.find("Kreves før tildeling"), std::string::npos) << cancelled_text;
  // Other roles do not get the politician's summary.
  PageSession officer = LogIn("innkjoper");
  EXPECT_EQ(Get("/anbud/" + std::to_string(DemoTender("contract_signed")), officer)
                ->body.find("id=\"decision-summary\""),
            std::string::npos);

  // A draft: apart on the start page, marked on its own page.
  ApiClient api(server_->port());
  json draft = api.Expect(201, "POST", "/api/tenders", api.LoginAs("innkjoper"),
                          PriceOnlyDraft("Utkast til vintervedlikehold"));
  auto home = Get("/", s);
  const size_t drafts = home->body.find("id=\"drafts\"");
  ASSERT_NE(drafts, std::string::npos) << home->body;
  EXPECT_GT(home->body.find("Utkast til vintervedlikehold"), drafts);
  EXPECT_EQ(home->body.substr(0, drafts).find("Utkast til vintervedlikehold"), std::string::npos);
  auto page = Get("/anbud/" + std::to_string(draft["id"].get<int64_t>()), s);
  EXPECT_NE(page->body.find("Konkurransen er ikke kunngjort"), std::string::npos);
  EXPECT_NE(page->body.find("Ikke kunngjort ennå"), std::string::npos);
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
  // After the award notice, its own evaluation: scores and reasons, never the others'.
  EXPECT_NE(page->body.find("Din evaluering"), std::string::npos);
  EXPECT_NE(page->body.find("God renholdsplan; vikarordning uten reservepool."), std::string::npos);
  EXPECT_NE(page->body.find(" i rangeringen."), std::string::npos);
  EXPECT_EQ(page->body.find("Full bemanningsplan med vikarordning"), std::string::npos);
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

// Every problem of the draft in one round, each beside its field, in the page's language.
TEST_F(PageTest, TheDraftFormShowsEveryProblemAtOnceInThePagesLanguage) {
  PageSession s = LogIn("innkjoper");
  const std::string form =
      "title=&cpv_code=90911200-7&category=ordinary&estimated_value=3+500+000&procedure=open"
      "&publication=2026-01-10&questions_deadline=2026-01-05&bid_deadline=2026-02-20T12%3A00"
      "&minimum_bids=2&standstill_days=10&price_model=proportional"
      "&criteria-0-id=pris&criteria-0-kind=price&criteria-0-weight=40"
      "&criteria-1-id=kvalitet&criteria-1-kind=quality&criteria-1-weight=50"
      "&climate_weight_required=on";
  auto nb = Post("/anbud/ny", s, form);
  ASSERT_TRUE(nb);
  EXPECT_EQ(nb->status, 400);
  const std::string main = nb->body.substr(nb->body.find("<main"));
  for (const char* text :
       {"tittelen må ha 1 til 300 tegn", "kontrollsifferet for CPV-kode 90911200 er 8, ikke 7",
        "spørsmålsfristen (2026-01-05) må komme etter kunngjøringsdatoen (2026-01-10)",
        "vektene summerer seg til 90 %",
        "klima og miljø vektes 0.0 %; FOA § 7-9 krever minst 30 %"}) {
    EXPECT_NE(main.find(text), std::string::npos) << text << "\n" << main.substr(0, 3000);
  }
  // Beside the fields, not only in the summary.
  for (const char* id :
       {"title-error", "cpv_code-error", "questions_deadline-error", "climate_exception-error"}) {
    EXPECT_NE(main.find(std::string("id=\"") + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(main.find("id=\"criteria\""), std::string::npos);
  EXPECT_EQ(main.find("must"), std::string::npos) << "an English message on a Norwegian page";

  auto en = Post("/anbud/ny?lang=en", s, form);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->status, 400);
  EXPECT_NE(en->body.find("the check digit of CPV code 90911200 is 8, not 7"), std::string::npos);
  EXPECT_NE(en->body.find("the weights add up to 90 %"), std::string::npos);
}

// The check list says why "Kunngjør" is not offered, and publishing happens from it.
TEST_F(PageTest, TheCheckListBeforePublishingSaysWhyAndPublishes) {
  PageSession s = LogIn("innkjoper");
  const std::string form =
      "title=Skoleskyss+2027&category=ordinary&estimated_value=3+500+000&procedure=open"
      "&cpv_code=60130000-8&bid_deadline=2027-02-20T12%3A00&minimum_bids=2&standstill_days=10"
      "&price_model=proportional"
      "&criteria-0-id=pris&criteria-0-kind=price&criteria-0-weight=70"
      "&criteria-1-id=miljo&criteria-1-kind=environment&criteria-1-weight=30";
  auto created = Post("/anbud/ny", s, form + "&publication=2027-02-10");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 303) << created->body.substr(0, 3000);
  const std::string location = created->get_header_value("Location");
  auto page = Get(location, s);
  EXPECT_NE(page->body.find("href=\"" + location + "/kunngjoring\""), std::string::npos);
  EXPECT_EQ(page->body.find("action=\"" + location + "/handling/publish\""), std::string::npos);
  // The CPV code's name from the list, in bokmål here and in English on the English page.
  EXPECT_NE(page->body.find("60130000-8 – "), std::string::npos);

  auto refused = Get(location + "/kunngjoring", s);
  ASSERT_TRUE(refused);
  ASSERT_EQ(refused->status, 200);
  const std::string& r = refused->body;
  EXPECT_NE(r.find("Hvorfor «Kunngjør» ikke tilbys"), std::string::npos) << r;
  EXPECT_NE(r.find("kan ikke kunngjøres: tilbudsperioden er 10 dager"), std::string::npos) << r;
  EXPECT_NE(r.find("FOA del III"), std::string::npos);
  EXPECT_NE(r.find("Klima og miljø</td><td>30 %"), std::string::npos);  // criteria, weights
  EXPECT_EQ(r.find("/handling/publish"), std::string::npos);
  EXPECT_EQ(r.find("the bid period"), std::string::npos) << "English on a Norwegian page";
  auto english = Get(location + "/kunngjoring?lang=en", s);
  EXPECT_NE(english->body.find("Why “Publish” is not offered"), std::string::npos);
  EXPECT_NE(english->body.find("FOA part III"), std::string::npos);
  EXPECT_EQ(english->body.find("eea_municipal"), std::string::npos);
  EXPECT_NE(english->body.find("NOK 3,500,000"), std::string::npos);

  auto fixed = Post(location + "/rediger", s, form + "&publication=2027-01-10");
  ASSERT_TRUE(fixed);
  ASSERT_EQ(fixed->status, 303) << fixed->body.substr(0, 3000);
  auto ready = Get(location + "/kunngjoring", s);
  EXPECT_EQ(ready->body.find("Hvorfor «Kunngjør» ikke tilbys"), std::string::npos);
  EXPECT_NE(ready->body.find("action=\"" + location + "/handling/publish\""), std::string::npos);
  auto published = Post(location + "/handling/publish", s, "");
  ASSERT_TRUE(published);
  EXPECT_EQ(published->status, 303);
  EXPECT_NE(Get(location, s)->body.find("Tildelingsmodellen er låst"), std::string::npos);

  // Other roles do not reach it.
  PageSession auditor = LogIn("revisor");
  EXPECT_EQ(Get(location + "/kunngjoring", auditor)->status, 403);
}

// A warning recorded at publication is quoted in Norwegian in the Norwegian protocol.
TEST_F(PageTest, TheProtocolQuotesTimelineWarningsInNorwegian) {
  PageSession s = LogIn("innkjoper");
  auto created = Post("/anbud/ny", s,
                      "title=Vaktmestertjenester&category=ordinary&estimated_value=1+500+000"
                      "&procedure=open&publication=2027-01-10&bid_deadline=2027-01-30T12%3A00"
                      "&minimum_bids=2&standstill_days=10&price_model=proportional"
                      "&criteria-0-id=pris&criteria-0-kind=price&criteria-0-weight=100");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 303) << created->body.substr(0, 3000);
  const std::string location = created->get_header_value("Location");
  auto check = Get(location + "/kunngjoring", s);
  EXPECT_NE(check->body.find("tilbudsperioden er 20 dager"), std::string::npos) << check->body;
  auto published = Post(location + "/handling/publish", s, "");
  ASSERT_TRUE(published);
  ASSERT_EQ(published->status, 303);
  auto protocol = Get(location + "/protokoll", s);
  ASSERT_TRUE(protocol);
  ASSERT_EQ(protocol->status, 200);
  EXPECT_NE(protocol->body.find("tilbudsperioden er 20 dager (2027-01-10 → 2027-01-30); under "
                                "kommunens anbefaling"),
            std::string::npos)
      << protocol->body;
  EXPECT_EQ(protocol->body.find("the bid period"), std::string::npos);
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
  EXPECT_NE(targets->body.find("<svg class=\"chart wide\""), std::string::npos);
  EXPECT_NE(targets->body.find("13 søknader venter fortsatt på svar"), std::string::npos);
  EXPECT_EQ(Get("/portefolje/import", s)->status, 403);  // the coordinator imports
}

}  // namespace
}  // namespace samspill::testing
