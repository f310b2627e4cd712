// The portfolio's coordinator pages over plain HTTP against a real `samspill serve --demo`: an
// indicator's figures form, the CSV imports by file upload (multipart/form-data) and by paste,
// the areas page, the indicator the demo counts from the register, and who is refused. What the
// pages did is checked through the JSON API.
#include <gtest/gtest.h>

#include "api/api_client.h"
#include "api/page_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

constexpr char kBom[] = "\xEF\xBB\xBF";

class PortfolioPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess({"--demo", "--db", dir_->path() + "/portfolio-pages.db"});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }

  ApiClient api() { return ApiClient(server_->port()); }
  PageClient pages() { return PageClient(server_->port()); }

  json Indicator(const std::string& name) {
    json list = api().Expect(200, "GET", "/api/portfolio/indicators", api().LoginAs("revisor"));
    for (const json& i : list["indicators"]) {
      if (i["name"] == name) return i;
    }
    ADD_FAILURE() << "no indicator " << name;
    return json::object();
  }
  static const json* Figure(const json& indicator, int year) {
    for (const json& f : indicator["figures"]) {
      if (f["year"] == year) return &f;
    }
    return nullptr;
  }
  size_t IndicatorCount() {
    return api()
        .Expect(200, "GET", "/api/portfolio/indicators", api().LoginAs("revisor"))["indicators"]
        .size();
  }
  size_t ProjectCount() {
    return api()
        .Expect(200, "GET", "/api/portfolio/projects", api().LoginAs("revisor"))["projects"]
        .size();
  }
  int64_t UserId(const std::string& username) {
    json list = api().Expect(200, "GET", "/api/users", api().LoginAs("admin"));
    for (const json& u : list["users"]) {
      if (u["username"] == username) return u["id"];
    }
    ADD_FAILURE() << "no user " << username;
    return 0;
  }
  static httplib::MultipartFormDataItems CsvFile(const std::string& csv,
                                                 const std::string& filename = "prosjekter.csv") {
    return {{"file", csv, filename, "text/csv"}, {"csv", "", "", ""}};
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* PortfolioPageTest::dir_ = nullptr;
ServeProcess* PortfolioPageTest::server_ = nullptr;

constexpr char kApplicationsGranted[] = "Forsknings- og innovasjonssøknader innvilget";
constexpr char kCounted[] = "Forsknings- og innovasjonssøknader i registeret";

TEST_F(PortfolioPageTest, CoordinatorPagesAndPostsAreRefusedToOtherPortfolioRoles) {
  const json granted = Indicator(kApplicationsGranted);
  const std::string figures = "/portefolje/maltall/" + std::to_string(granted["id"].get<int64_t>());
  const size_t projects = ProjectCount();
  const size_t indicators = IndicatorCount();
  const std::string leader2 = std::to_string(UserId("prosjektleder2"));
  for (const char* user : {"prosjektleder", "styringsgruppe"}) {
    SCOPED_TRACE(user);
    PageSession s = pages().LogIn(user, "/portefolje");
    for (const char* path : {figures.c_str(), "/portefolje/import", "/portefolje/maltall/import",
                             "/portefolje/maltall/ny"}) {
      auto res = pages().Get(path, s);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << path;
    }
    auto figure = pages().Post(figures, s, "version=1&target=7&value-2025=40");
    ASSERT_TRUE(figure);
    EXPECT_EQ(figure->status, 403);
    auto define = pages().Post("/portefolje/maltall/ny", s,
                               "category=Snik&name=Snikindikator&target_kind=none");
    ASSERT_TRUE(define);
    EXPECT_EQ(define->status, 403);
    for (const char* path : {"/portefolje/import", "/portefolje/maltall/import"}) {
      auto upload = pages().PostMultipart(
          path, s, CsvFile("navn,innsatsområde,type\nSnikimport,Unikom,formidling\n"), s.csrf);
      ASSERT_TRUE(upload);
      EXPECT_EQ(upload->status, 403) << path;
    }
    auto assign = pages().Post("/portefolje/omrader/" + leader2, s, "area=Unikom");
    ASSERT_TRUE(assign);
    EXPECT_EQ(assign->status, 403);
    // They read the areas and the targets, without the coordinator's forms and links.
    auto areas = pages().Get("/portefolje/omrader", s);
    ASSERT_TRUE(areas);
    EXPECT_EQ(areas->status, 200);
    EXPECT_NE(areas->body.find("Oppvekst og utdanning"), std::string::npos);
    EXPECT_EQ(areas->body.find("action=\"/portefolje/omrader/"), std::string::npos);
    auto targets = pages().Get("/portefolje/maltall", s);
    ASSERT_TRUE(targets);
    EXPECT_EQ(targets->body.find("href=\"" + figures + "\""), std::string::npos);
  }
  EXPECT_EQ(Indicator(kApplicationsGranted)["version"], granted["version"]);
  EXPECT_EQ(IndicatorCount(), indicators);
  EXPECT_EQ(ProjectCount(), projects);
  json areas = api().Expect(200, "GET", "/api/portfolio/areas", api().LoginAs("revisor"));
  EXPECT_EQ(areas["project_leaders"][1]["area"], "Oppvekst og utdanning");
}

TEST_F(PortfolioPageTest, TheFiguresFormRefusesABadFigureWholeAndSavesAGoodOne) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const json before = Indicator(kApplicationsGranted);
  const int64_t id = before["id"];
  const std::string path = "/portefolje/maltall/" + std::to_string(id);
  const std::string version = "version=" + std::to_string(before["version"].get<int64_t>());
  auto shown = pages().Get(path, s);
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->status, 200);
  EXPECT_NE(shown->body.find("<label for=\"value-2025\">Tall for 2025</label>"), std::string::npos);
  EXPECT_NE(shown->body.find("value=\"13 søknader venter fortsatt på svar\""), std::string::npos);

  // 2023 is changed as well, but the bad 2025 figure keeps the whole form from being saved.
  auto refused = pages().Post(path, s,
                              version +
                                  "&target=7&value-2022=9&value-2023=10&value-2024=13"
                                  "&value-2025=tretten&note-2025=snart+klart");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("class=\"error-summary\""), std::string::npos);
  EXPECT_NE(refused->body.find("<a href=\"#value-2025\">Tall for 2025: skriv et helt tall"),
            std::string::npos);
  EXPECT_NE(refused->body.find("id=\"value-2025-error\""), std::string::npos);
  EXPECT_NE(refused->body.find("value=\"tretten\""), std::string::npos);      // kept
  EXPECT_NE(refused->body.find("value=\"snart klart\""), std::string::npos);  // kept
  EXPECT_NE(refused->body.find("aria-invalid=\"true\""), std::string::npos);
  json unchanged = Indicator(kApplicationsGranted);
  EXPECT_EQ(unchanged["version"], before["version"]);
  EXPECT_EQ((*Figure(unchanged, 2023))["value"], 9);

  // A yearly target is required; the page says so beside the target.
  auto no_target = pages().Post(path, s, version + "&target=&value-2025=1");
  ASSERT_TRUE(no_target);
  EXPECT_EQ(no_target->status, 400);
  EXPECT_NE(no_target->body.find("<a href=\"#target\">"), std::string::npos);
  EXPECT_EQ(Indicator(kApplicationsGranted)["version"], before["version"]);

  auto saved = pages().Post(path, s,
                            version +
                                "&target=7&value-2022=9&value-2023=9&value-2024=13"
                                "&value-2025=3&note-2025=10+s%C3%B8knader+venter+fortsatt+p%C3%A5"
                                "+svar");
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 303) << saved->body;
  EXPECT_EQ(saved->get_header_value("Location"),
            "/portefolje/maltall#indicator-" + std::to_string(id));
  json after = Indicator(kApplicationsGranted);
  EXPECT_EQ((*Figure(after, 2025))["value"], 3);
  EXPECT_EQ((*Figure(after, 2025))["note"], "10 søknader venter fortsatt på svar");
  EXPECT_EQ(after["attainment"]["years"][3]["state"], "not_met");
  auto targets = pages().Get("/portefolje/maltall", s);
  ASSERT_TRUE(targets);
  const size_t row = targets->body.find("<tr id=\"indicator-" + std::to_string(id) + "\">");
  ASSERT_NE(row, std::string::npos);
  const std::string cells = targets->body.substr(row, targets->body.find("</tr>", row) - row);
  EXPECT_NE(cells.find("<td>3 (ikke nådd)<br><span class=\"why\">10 søknader venter fortsatt på "
                       "svar</span></td>"),
            std::string::npos)
      << cells;

  // Saving again from the old version is refused and says why.
  auto stale = pages().Post(path, s, version + "&target=7&value-2025=4");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ((*Figure(Indicator(kApplicationsGranted), 2025))["value"], 3);
}

// "Prioriterte områder …" is known only as a total for the period (9, from the report), which
// its target for the period (4) is measured against. The coordinator corrects and clears it.
TEST_F(PortfolioPageTest, TheFiguresFormTakesThePeriodsTotalWhenOnlyItIsKnown) {
  constexpr char kAreas[] = "Prioriterte områder for målrettet kunnskapsutvikling";
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const json before = Indicator(kAreas);
  ASSERT_EQ(before["target_kind"], "period_total");
  EXPECT_EQ(before["period_total"], 9);
  EXPECT_EQ(before["attainment"]["period"], "met");
  const std::string path = "/portefolje/maltall/" + std::to_string(before["id"].get<int64_t>());
  const std::string version = "version=" + std::to_string(before["version"].get<int64_t>());
  auto shown = pages().Get(path, s);
  ASSERT_TRUE(shown);
  EXPECT_NE(shown->body.find("<label for=\"period_total\">Sum for perioden</label>"),
            std::string::npos);
  EXPECT_NE(shown->body.find("id=\"period_total\" name=\"period_total\""), std::string::npos);
  EXPECT_NE(shown->body.find("value=\"9\""), std::string::npos);

  auto refused = pages().Post(path, s, version + "&target=4&period_total=ni");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("<a href=\"#period_total\">Sum for perioden: skriv et helt tall"),
            std::string::npos);
  EXPECT_EQ(Indicator(kAreas)["version"], before["version"]);

  auto saved = pages().Post(path, s, version + "&target=4&period_total=3");
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 303) << saved->body;
  const json after = Indicator(kAreas);
  EXPECT_EQ(after["period_total"], 3);
  EXPECT_EQ(after["attainment"]["period"], "not_met");
  // Emptying the field clears it: with no yearly figures either, nothing is reported.
  auto cleared = pages().Post(
      path, s, "version=" + std::to_string(after["version"].get<int64_t>()) + "&target=4");
  ASSERT_TRUE(cleared);
  ASSERT_EQ(cleared->status, 303) << cleared->body;
  const json empty = Indicator(kAreas);
  EXPECT_TRUE(empty["period_total"].is_null());
  EXPECT_EQ(empty["attainment"]["period"], "no_figure");
}

TEST_F(PortfolioPageTest, TheDemoCountsOneIndicatorFromTheRegisterAndNobodyEntersItsFigures) {
  const json counted = Indicator(kCounted);
  ASSERT_FALSE(counted["count_rule"].is_null());
  // The two innovation applications of the demo register, both sent 24 September 2025.
  ASSERT_NE(Figure(counted, 2025), nullptr);
  EXPECT_EQ((*Figure(counted, 2025))["value"], 2);
  EXPECT_TRUE((*Figure(counted, 2025))["counted"].get<bool>());
  EXPECT_EQ((*Figure(counted, 2024))["value"], 0);

  PageSession steering = pages().LogIn("styringsgruppe", "/portefolje");
  auto targets = pages().Get("/portefolje/maltall", steering);
  ASSERT_TRUE(targets);
  const std::string id = std::to_string(counted["id"].get<int64_t>());
  const size_t row = targets->body.find("<tr id=\"indicator-" + id + "\">");
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(targets->body.substr(row, 400).find("Telles fra registeret"), std::string::npos);

  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const std::string path = "/portefolje/maltall/" + id;
  auto page = pages().Get(path, s);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Telt fra registeret: <strong>2</strong>"), std::string::npos);
  EXPECT_EQ(page->body.find("id=\"value-2025\""), std::string::npos);  // no field for a figure
  EXPECT_NE(page->body.find("id=\"note-2025\""), std::string::npos);
  // A figure sent anyway is not read; the note is kept with the counted figure.
  auto saved = pages().Post(path, s,
                            "version=" + std::to_string(counted["version"].get<int64_t>()) +
                                "&value-2025=40&note-2025=to+venter+p%C3%A5+svar");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 303) << saved->body;
  json after = Indicator(kCounted);
  EXPECT_EQ((*Figure(after, 2025))["value"], 2);
  EXPECT_EQ((*Figure(after, 2025))["note"], "to venter på svar");
  // Nor through the API.
  Session coordinator = api().LoginAs("koordinator");
  json refused =
      api().Expect(400, "PUT", "/api/portfolio/indicators/" + id + "/figures", coordinator,
                   {{"year", 2025}, {"value", 40}, {"version", after["version"]}});
  EXPECT_EQ(refused["error"]["field"], "value");
}

TEST_F(PortfolioPageTest, TheCoordinatorDefinesEnteredAndCountedIndicatorsOnThePage) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const json granted = Indicator(kApplicationsGranted);
  const std::string category = granted["category"];
  const size_t before = IndicatorCount();
  auto targets = pages().Get("/portefolje/maltall", s);
  ASSERT_TRUE(targets);
  EXPECT_NE(targets->body.find("href=\"/portefolje/maltall/ny\""), std::string::npos);
  auto form = pages().Get("/portefolje/maltall/ny", s);
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("<datalist id=\"pf-categories\"><option value=\"" + category + "\">"),
            std::string::npos);
  EXPECT_NE(form->body.find("<option value=\"per_year\" selected>"), std::string::npos);
  EXPECT_NE(form->body.find("id=\"count-education\""), std::string::npos);

  // A refused form: HTTP 400 and the page that says why.
  auto refused_page = [&](const std::string& form) -> std::string {
    auto res = pages().Post("/portefolje/maltall/ny", s, form);
    EXPECT_TRUE(res);
    if (!res) return "";
    EXPECT_EQ(res->status, 400) << form;
    return res->body;
  };
  // No name, a target in words: both named, what was typed kept, nothing stored.
  const std::string refused = refused_page(
      "category=N%C3%A6ringsliv&name=&unit=bes%C3%B8k&target_kind=per_year"
      "&target=mange&count=on&count-outreach=on");
  EXPECT_NE(refused.find("<a href=\"#name\">Navn på indikatoren: må fylles ut</a>"),
            std::string::npos);
  EXPECT_NE(refused.find("<a href=\"#target\">Måltall: skriv et helt tall"), std::string::npos);
  EXPECT_NE(refused.find("value=\"Næringsliv\""), std::string::npos);
  EXPECT_NE(refused.find("value=\"mange\""), std::string::npos);
  EXPECT_NE(refused.find("id=\"count-outreach\" name=\"count-outreach\" checked"),
            std::string::npos);
  // A yearly target is required; a name the category already has is refused.
  EXPECT_NE(refused_page("category=N%C3%A6ringsliv&name=Bes%C3%B8k&target_kind=per_year")
                .find("<a href=\"#target\">Måltall: må fylles ut"),
            std::string::npos);
  EXPECT_NE(refused_page("category=" + httplib::detail::encode_query_param(category) +
                         "&name=" + httplib::detail::encode_query_param(kApplicationsGranted) +
                         "&target_kind=none")
                .find("har allerede en indikator med dette navnet"),
            std::string::npos);
  // Counting choices without "count from the register" would quietly make an entered one.
  EXPECT_NE(refused_page("category=N%C3%A6ringsliv&name=Halvtelt&target_kind=none"
                         "&count-research=on")
                .find("<a href=\"#count\">Tell tallene fra registeret: kryss av her"),
            std::string::npos);
  EXPECT_EQ(IndicatorCount(), before);
  EXPECT_EQ(Indicator(kApplicationsGranted)["version"], granted["version"]);

  // An entered indicator with a yearly target: on to its figures page.
  auto entered = pages().Post("/portefolje/maltall/ny", s,
                              "category=N%C3%A6ringsliv&name=Bedriftsbes%C3%B8k&unit=bes%C3%B8k"
                              "&target_kind=per_year&target=12&note=Fra+2024");
  ASSERT_TRUE(entered);
  ASSERT_EQ(entered->status, 303) << entered->body;
  const json visits = Indicator("Bedriftsbesøk");
  EXPECT_EQ(entered->get_header_value("Location"),
            "/portefolje/maltall/" + std::to_string(visits["id"].get<int64_t>()));
  EXPECT_EQ(visits["category"], "Næringsliv");
  EXPECT_EQ(visits["unit"], "besøk");
  EXPECT_EQ(visits["target_kind"], "per_year");
  EXPECT_EQ(visits["target"], 12);
  EXPECT_EQ(visits["note"], "Fra 2024");
  EXPECT_TRUE(visits["count_rule"].is_null());

  // A counted one: innovation applications, granted only. The demo register's two innovation
  // applications (sent 24 September 2025) still await an answer, so 2025 counts 0 (the demo's
  // own indicator, which counts every application, has 2).
  auto counted = pages().Post("/portefolje/maltall/ny", s,
                              "category=N%C3%A6ringsliv&name=Innvilgede+innovasjonss%C3%B8knader"
                              "&target_kind=none&count=on&count-innovation=on&granted_only=on");
  ASSERT_TRUE(counted);
  ASSERT_EQ(counted->status, 303) << counted->body;
  const json rule = Indicator("Innvilgede innovasjonssøknader");
  EXPECT_EQ(rule["count_rule"]["kinds"], json::array({"innovation"}));
  EXPECT_EQ(rule["count_rule"]["granted_only"], true);
  EXPECT_EQ(rule["count_rule"]["facilitated_only"], false);
  ASSERT_NE(Figure(rule, 2025), nullptr);
  EXPECT_TRUE((*Figure(rule, 2025))["counted"].get<bool>());
  EXPECT_EQ((*Figure(rule, 2025))["value"], 0);
  EXPECT_EQ((*Figure(Indicator(kCounted), 2025))["value"], 2);
  EXPECT_EQ(IndicatorCount(), before + 2);
  // Its page shows the counted figures and has no field for one.
  auto page = pages().Get(counted->get_header_value("Location"), s);
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("Bare innvilgede"), std::string::npos);
  EXPECT_EQ(page->body.find("id=\"value-2025\""), std::string::npos);
}

TEST_F(PortfolioPageTest, AnUploadedCsvWithABadRowNamesRowAndColumnAndStoresNothing) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const size_t before = ProjectCount();
  // As Excel saves "CSV UTF-8": a byte-order mark, semicolons, CRLF.
  auto res = pages().PostMultipart(
      "/portefolje/import", s,
      CsvFile(std::string(kBom) +
              "navn;innsatsområde;type\r\nOpplastet forskning;Unikom;forskning\r\n"
              "Opplastet feil;Unikom;forsk\r\n"),
      s.csrf);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("<a href=\"#file\">rad 3, kolonne «type»: ukjent type «forsk» "
                           "(forskning, utdanning, nyskaping og innovasjon, formidling)</a>"),
            std::string::npos)
      << res->body.substr(res->body.find("<main"), 2000);
  EXPECT_NE(res->body.find("Filen «prosjekter.csv»: 1 feil. Ingenting ble importert."),
            std::string::npos);
  EXPECT_EQ(ProjectCount(), before);
}

TEST_F(PortfolioPageTest, AGoodUploadOrPasteStoresEveryRow) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const size_t before = ProjectCount();
  auto uploaded = pages().PostMultipart(
      "/portefolje/import", s,
      CsvFile(std::string(kBom) +
              "navn;innsatsområde;type;registrert av\r\nOpplastet fra Airtable;Unikom;formidling;"
              "prosjektleder2\r\nOpplastet nummer to;Byutvikling og kultur;forskning;\r\n"),
      s.csrf);
  ASSERT_TRUE(uploaded);
  EXPECT_EQ(uploaded->status, 200) << uploaded->body.substr(uploaded->body.find("<main"), 2000);
  EXPECT_NE(uploaded->body.find("2 prosjekter importert."), std::string::npos);
  EXPECT_EQ(ProjectCount(), before + 2);
  json found = api().Expect(200, "GET", "/api/portfolio/projects?q=Opplastet+Airtable",
                            api().LoginAs("revisor"));
  ASSERT_EQ(found["projects"].size(), 1u);
  EXPECT_EQ(found["projects"][0]["registered_by"], "prosjektleder2");

  // No file chosen (the browser sends an empty part without a file name): the pasted text.
  auto pasted = pages().PostMultipart(
      "/portefolje/import", s,
      {{"file", "", "", "application/octet-stream"},
       {"csv", "navn,innsatsområde,type\nLimt inn fra regneark,Unikom,formidling\n", "", ""}},
      s.csrf);
  ASSERT_TRUE(pasted);
  EXPECT_EQ(pasted->status, 200);
  EXPECT_NE(pasted->body.find("1 prosjekter importert."), std::string::npos);
  EXPECT_EQ(ProjectCount(), before + 3);
  auto nothing = pages().PostMultipart(
      "/portefolje/import", s, {{"file", "", "", "application/octet-stream"}, {"csv", "", "", ""}},
      s.csrf);
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->status, 400);
  EXPECT_NE(nothing->body.find("<a href=\"#file\">Velg en CSV-fil"), std::string::npos);
}

TEST_F(PortfolioPageTest, AMultipartPostNeedsTheSessionsCsrfToken) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const size_t before = ProjectCount();
  const auto file = CsvFile("navn,innsatsområde,type\nUten token,Unikom,formidling\n");
  auto without = pages().PostMultipart("/portefolje/import", s, file, "");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->status, 403);
  auto wrong = pages().PostMultipart("/portefolje/import", s, file, std::string(64, 'a'));
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  // A token in a file part is not a form field.
  auto as_file = pages().PostMultipart(
      "/portefolje/import", s, {file[0], {"csrf_token", s.csrf, "token.txt", "text/plain"}}, "");
  ASSERT_TRUE(as_file);
  EXPECT_EQ(as_file->status, 403);
  auto other_site = pages().Client().Post(
      "/portefolje/import", {{"Cookie", s.cookie}, {"Origin", "https://evil.example"}},
      httplib::MultipartFormDataItems{file[0], {"csrf_token", s.csrf, "", ""}});
  ASSERT_TRUE(other_site);
  EXPECT_EQ(other_site->status, 403);
  EXPECT_EQ(ProjectCount(), before);
  auto right = pages().PostMultipart("/portefolje/import", s, file, s.csrf);
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200);
  EXPECT_EQ(ProjectCount(), before + 1);
}

TEST_F(PortfolioPageTest, TooLargeImportsAreRefusedWithAClearMessage) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const size_t before = ProjectCount();
  const std::string header = "navn,innsatsområde,type\n";
  // Above the import limit (2 MB) but within the server's request limit: the form says so.
  auto large = pages().PostMultipart("/portefolje/import", s,
                                     CsvFile(header + std::string(2'500'000, 'x') + "\n"), s.csrf);
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_NE(large->body.find("<a href=\"#file\">Filen er for stor: 2,4 MB. Største tillatte "
                             "størrelse er 2 MB.</a>"),
            std::string::npos)
      << large->body.substr(large->body.find("<main"), 1500);
  // Above the server's request limit (4 MB): refused before any handler, as a page.
  auto huge = pages().PostMultipart("/portefolje/import", s,
                                    CsvFile(header + std::string(5'000'000, 'x') + "\n"), s.csrf);
  ASSERT_TRUE(huge);
  EXPECT_EQ(huge->status, 413);
  EXPECT_NE(huge->body.find("<h1>For stort til å sendes</h1>"), std::string::npos);
  EXPECT_NE(huge->body.find("Største størrelse er 4 MB."), std::string::npos);
  // A pasted text in a url-encoded form has the same import limit as a file (url-encoded forms
  // have no smaller limit of their own).
  auto pasted = pages().Post("/portefolje/import", s, "csv=" + std::string(2'500'000, 'x'));
  ASSERT_TRUE(pasted);
  EXPECT_EQ(pasted->status, 413);
  EXPECT_NE(pasted->body.find("Filen er for stor: 2,4 MB"), std::string::npos)
      << pasted->body.substr(pasted->body.find("<main"), 1500);
  EXPECT_EQ(ProjectCount(), before);
}

TEST_F(PortfolioPageTest, TheIndicatorImportPageStoresAllOrNothing) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const std::string header =
      std::string(kBom) + "kategori;indikator;måltype;måltall;2024;2025;merknad\r\n";
  const std::string good =
      "formidling og nasjonal modell;Kronikker i Adresseavisen;per_year;4;5;3;\r\n";
  auto refused = pages().PostMultipart(
      "/portefolje/maltall/import", s,
      CsvFile(header + good + "formidling og nasjonal modell;Podkaster;per_year;fire;1;2;\r\n",
              "maltall.csv"),
      s.csrf);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_NE(refused->body.find("<a href=\"#file\">rad 3, kolonne «måltall»: «fire» er ikke et "
                               "helt tall</a>"),
            std::string::npos)
      << refused->body.substr(refused->body.find("<main"), 2000);
  json list = api().Expect(200, "GET", "/api/portfolio/indicators", api().LoginAs("revisor"));
  for (const json& i : list["indicators"]) EXPECT_NE(i["name"], "Kronikker i Adresseavisen");

  auto imported = pages().PostMultipart("/portefolje/maltall/import", s,
                                        CsvFile(header + good, "maltall.csv"), s.csrf);
  ASSERT_TRUE(imported);
  EXPECT_EQ(imported->status, 200);
  EXPECT_NE(imported->body.find("1 indikatorer importert."), std::string::npos);
  json kronikker = Indicator("Kronikker i Adresseavisen");
  EXPECT_EQ(kronikker["target"], 4);
  EXPECT_EQ((*Figure(kronikker, 2025))["value"], 3);
  auto targets = pages().Get("/portefolje/maltall", s);
  EXPECT_NE(targets->body.find("Kronikker i Adresseavisen"), std::string::npos);
}

// A project's edit form names an unreadable version (a typo, or 23 digits that no integer
// holds) as a 400 with the field named, and changes nothing.
TEST_F(PortfolioPageTest, TheProjectFormRefusesAnUnreadableVersionAndWritesNothing) {
  Session reader = api().LoginAs("revisor");
  json before = api().Expect(200, "GET", "/api/portfolio/projects", reader)["projects"][0];
  const std::string id = std::to_string(before["id"].get<int64_t>());
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  for (const std::string& version : {std::string("abc"), std::string("12345678901234567890123")}) {
    auto res = pages().Post("/portefolje/prosjekt/" + id + "/rediger", s,
                            "name=Endret+navn&version=" + version);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << version;
    EXPECT_NE(res->body.find(version == "abc" ? "version må være et helt tall"
                                              : "version må være mellom"),
              std::string::npos)
        << version << ": " << res->body.substr(res->body.find("<main"), 1500);
  }
  json after = api().Expect(200, "GET", "/api/portfolio/projects", reader)["projects"][0];
  EXPECT_EQ(after["id"], before["id"]);
  EXPECT_EQ(after["name"], before["name"]);
  EXPECT_EQ(after["version"], before["version"]);
}

TEST_F(PortfolioPageTest, TheCoordinatorAssignsAnAreaThroughThePage) {
  PageSession s = pages().LogIn("koordinator", "/portefolje");
  const std::string id = std::to_string(UserId("prosjektleder2"));
  auto page = pages().Get("/portefolje/omrader", s);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<select id=\"area-" + id +
                            "\" name=\"area\" aria-label=\"Innsatsområde "
                            "for Hanne Prosjektleder\">"),
            std::string::npos);
  auto bad = pages().Post("/portefolje/omrader/" + id, s, "area=M%C3%A5nen");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("<a href=\"#area-" + id + "\">ukjent innsatsområde «Månen»</a>"),
            std::string::npos);
  auto saved = pages().Post("/portefolje/omrader/" + id, s, "area=Unikom");
  ASSERT_TRUE(saved);
  ASSERT_EQ(saved->status, 303);
  auto after = pages().Get(saved->get_header_value("Location"), s);
  ASSERT_TRUE(after);
  EXPECT_NE(after->body.find("Lagret: Hanne Prosjektleder: Unikom"), std::string::npos);
  Session reader = api().LoginAs("revisor");
  EXPECT_EQ(api().Expect(200, "GET", "/api/portfolio/areas", reader)["project_leaders"][1]["area"],
            "Unikom");
  ASSERT_EQ(pages().Post("/portefolje/omrader/" + id, s, "area=Oppvekst+og+utdanning")->status,
            303);
  EXPECT_EQ(api().Expect(200, "GET", "/api/portfolio/areas", reader)["project_leaders"][1]["area"],
            "Oppvekst og utdanning");
}

}  // namespace
}  // namespace samspill::testing
