// Decision cases over plain HTTP against a real `samspill serve --demo` (issue 16): a case made
// and changed through the pages' forms, bad input refused with the case unchanged, the
// baseline imported by file upload, the decision locking the case, the demo's KNS and BoA cases
// through the JSON API, and who is refused. What the pages did is checked through the API.
#include <gtest/gtest.h>

#include "api/api_client.h"
#include "api/page_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

class DecisionPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess({"--demo", "--db", dir_->path() + "/decision-pages.db"});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }

  ApiClient api() { return ApiClient(server_->port()); }
  PageClient pages() { return PageClient(server_->port()); }

  json Case(int64_t id) {
    return api().Expect(200, "GET", "/api/decision/cases/" + std::to_string(id),
                        api().LoginAs("politiker"));
  }
  json Cases() {
    return api().Expect(200, "GET", "/api/decision/cases", api().LoginAs("revisor"))["cases"];
  }
  int64_t CaseId(const std::string& title_part) {
    for (const json& c : Cases()) {
      if (c["title"].get<std::string>().find(title_part) != std::string::npos) return c["id"];
    }
    ADD_FAILURE() << "no case " << title_part;
    return 0;
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* DecisionPageTest::dir_ = nullptr;
ServeProcess* DecisionPageTest::server_ = nullptr;

TEST_F(DecisionPageTest, TheDemoHasTheKnsTableAndTheDecidedBoaCase) {
  json lunner = Case(CaseId("Lunner"));
  const json& improved = lunner["figures"]["totals"][1];
  EXPECT_EQ(improved["net"], 18'000'000);
  EXPECT_NEAR(improved["share_of_operating_costs"].get<double>() * 100, 3.0, 0.05);
  EXPECT_EQ(improved["uncertain_net"], 6'800'000);
  EXPECT_EQ(Case(CaseId("Songdalen"))["figures"]["totals"][1]["net"], 15'500'000);
  json bomlo = Case(CaseId("Bømlo"));
  EXPECT_EQ(bomlo["figures"]["totals"][1]["net"], 17'000'000);
  EXPECT_EQ(bomlo["figures"]["totals"][1]["costs"], 2'500'000);

  json boa = Case(CaseId("BoA"));
  EXPECT_TRUE(boa["decided"]);
  EXPECT_EQ(boa["case"]["decision"]["decided_on"], "2025-02-20");
  EXPECT_EQ(boa["case"]["decision"]["outcome"], "tender");
  EXPECT_TRUE(boa["case"]["tender_id"].is_number());
  EXPECT_TRUE(boa["figures_as_decided"]);
  EXPECT_EQ(boa["case"]["baseline"]["units"].size(), 4u);
}

TEST_F(DecisionPageTest, ACaseIsMadeChangedAndDecidedThroughTheForms) {
  PageSession s = pages().LogIn("controller", "/beslutning");
  auto created = pages().Post("/beslutning", s,
                              "title=Drift+av+hjemmetjenester&service_area=Hjemmetjenester&"
                              "first_year=2026&last_year=2029");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 303) << created->body;
  const std::string path = created->get_header_value("Location");
  const int64_t id = std::stoll(path.substr(path.rfind('/') + 1));
  EXPECT_EQ(Case(id)["version"], 1);

  // An item for four years, a year outside the period refused, an unknown alternative refused.
  auto item = pages().Post(path + "/post", s,
                           "version=1&i-alternative=outsourced&name=Kontraktsoppf%C3%B8lging&"
                           "i-kind=cost&from_year=2026&to_year=2029&base=1+350+000");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->status, 303) << item->body;
  json after = Case(id);
  EXPECT_EQ(after["version"], 2);
  EXPECT_EQ(after["case"]["business_case"]["items"].size(), 4u);
  EXPECT_EQ(after["figures"]["totals"][2]["costs"], 4 * 1'350'000);
  auto outside = pages().Post(path + "/post", s,
                              "version=2&i-alternative=outsourced&name=X&i-kind=cost&"
                              "from_year=2024&to_year=2026&base=5");
  ASSERT_TRUE(outside);
  EXPECT_EQ(outside->status, 400);
  EXPECT_NE(outside->body.find("2026–2029"), std::string::npos);
  auto unknown = pages().Post(path + "/post", s,
                              "version=2&i-alternative=privat&name=X&i-kind=cost&"
                              "from_year=2026&to_year=2026&base=5");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  // A negative årsverk and a percentage over 100 in the baseline.
  auto negative =
      pages().Post(path + "/grunnlag", s,
                   "version=2&unit_id=lade&unit_name=Lade&u-function=254&year=2024&fte=-3");
  ASSERT_TRUE(negative);
  EXPECT_EQ(negative->status, 400);
  auto percent = pages().Post(path + "/grunnlag", s,
                              "version=2&unit_id=lade&unit_name=Lade&u-function=254&year=2024&"
                              "fte=20&sick_leave=120");
  ASSERT_TRUE(percent);
  EXPECT_EQ(percent->status, 400);
  // A stale version is refused too.
  auto stale = pages().Post(path + "/post", s,
                            "version=1&i-alternative=outsourced&name=X&i-kind=cost&"
                            "from_year=2026&to_year=2026&base=5");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  EXPECT_EQ(Case(id)["version"], 2);

  // A baseline file with a bad row stores nothing; a good one replaces the units.
  auto bad_file = pages().PostMultipart(
      path + "/grunnlag/import", s,
      {{"file", "enhet;navn;år;årsverk\nlade;Lade;2024;-2\n", "enheter.csv", "text/csv"},
       {"version", "2", "", ""}},
      s.csrf);
  ASSERT_TRUE(bad_file);
  EXPECT_EQ(bad_file->status, 400);
  EXPECT_NE(bad_file->body.find("rad 2"), std::string::npos);
  EXPECT_EQ(Case(id)["version"], 2);
  auto good_file =
      pages().PostMultipart(path + "/grunnlag/import", s,
                            {{"file", "enhet;navn;år;årsverk;sykefravær\nlade;Lade;2024;21,5;9,5\n",
                              "enheter.csv", "text/csv"},
                             {"version", "2", "", ""}},
                            s.csrf);
  ASSERT_TRUE(good_file);
  EXPECT_EQ(good_file->status, 303) << good_file->body;
  after = Case(id);
  EXPECT_EQ(after["case"]["baseline"]["units"][0]["years"][0]["fte"], 21.5);

  // The decision locks the case; the page then has no forms to change it.
  auto decided = pages().Post(path + "/vedtak", s,
                              "version=3&v-chosen=outsourced&v-outcome=tender&"
                              "decided_by=Bystyret&decided_on=2026-03-12&"
                              "political_reference=PS+12%2F26");
  ASSERT_TRUE(decided);
  EXPECT_EQ(decided->status, 303) << decided->body;
  after = Case(id);
  EXPECT_TRUE(after["decided"]);
  EXPECT_EQ(after["case"]["decision"]["recorded_by"], "controller");
  EXPECT_EQ(after["case"]["decision"]["figures_sha256"].get<std::string>().size(), 64u);
  auto locked = pages().Post(path + "/post", s,
                             "version=4&i-alternative=outsourced&name=X&i-kind=cost&"
                             "from_year=2026&to_year=2026&base=5");
  ASSERT_TRUE(locked);
  EXPECT_EQ(locked->status, 409);
  auto page = pages().Get(path, s);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body.find("action=\"" + path + "/post\""), std::string::npos);
  auto document = pages().Get(path + "/dokument", s);
  ASSERT_TRUE(document);
  EXPECT_EQ(document->status, 200);
  EXPECT_NE(document->body.find("PS 12/26"), std::string::npos);
}

TEST_F(DecisionPageTest, ReadersReadAndOthersAreRefused) {
  const int64_t lunner = CaseId("Lunner");
  const std::string path = "/beslutning/" + std::to_string(lunner);
  const json before = Case(lunner);
  for (const char* user : {"politiker", "tillitsvalgt", "revisor"}) {
    SCOPED_TRACE(user);
    PageSession s = pages().LogIn(user, "/beslutning");
    auto page = pages().Get(path, s);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->body.find("action=\"" + path + "/post\""), std::string::npos);
    auto post = pages().Post(path + "/post", s,
                             "version=1&i-alternative=in_house_improved&name=X&i-kind=cost&"
                             "from_year=2013&to_year=2013&base=5");
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 403);
  }
  for (const char* user : {"leverandor", "koordinator"}) {
    SCOPED_TRACE(user);
    PageSession s = pages().LogIn(user, "/");
    auto page = pages().Get(path, s);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 403);
    api().Expect(403, "GET", "/api/decision/cases", api().LoginAs(user));
  }
  EXPECT_EQ(Case(lunner)["version"], before["version"]);
}

TEST_F(DecisionPageTest, TheApiTakesAWholeCaseAndRefusesABadOneWhole) {
  const size_t cases = Cases().size();
  json doc = {{"title", "Renhold"},
              {"service_area", "Renhold"},
              {"cpv", "90910000-9"},
              {"business_case",
               {{"first_year", 2026},
                {"last_year", 2027},
                {"alternatives",
                 {{{"id", "in_house"}, {"name", "I dag"}}, {{"id", "out"}, {"name", "Ut"}}}},
                {"items",
                 {{{"alternative", "out"},
                   {"name", "Pris"},
                   {"kind", "cost"},
                   {"year", 2026},
                   {"base", 10}}}}}}};
  Session controller = api().LoginAs("controller");
  json bad = doc;
  bad["business_case"]["items"][0]["year"] = 2030;
  json refused = api().Expect(400, "POST", "/api/decision/cases", controller, bad);
  EXPECT_EQ(refused["error"]["field"], "business_case.items[0].year");
  bad = doc;
  bad["cpv"] = "90910000-1";
  api().Expect(400, "POST", "/api/decision/cases", controller, bad);
  EXPECT_EQ(Cases().size(), cases);
  json made = api().Expect(201, "POST", "/api/decision/cases", controller, doc);
  EXPECT_EQ(made["figures"]["totals"][1]["costs"], 10);
  api().Expect(403, "POST", "/api/decision/cases", api().LoginAs("politiker"), doc);
  EXPECT_EQ(Cases().size(), cases + 1);
}

}  // namespace
}  // namespace samspill::testing
