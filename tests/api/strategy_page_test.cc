// The tendering strategy over plain HTTP against a real `samspill serve --demo` (issue 17): the
// demo's register and its IKU recomputed from the figures the API returns, areas and years
// changed through the pages' forms with bad input and stale versions refused, the peers' file
// uploaded, a priority list started and replaced through the API with its totals recomputed, and
// the plan published so that the public reads its public items — and only those — without a
// session. What the pages did is checked through the API.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "api/api_client.h"
#include "api/page_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

class StrategyPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess({"--demo", "--db", dir_->path() + "/strategy-pages.db"});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }

  ApiClient api() { return ApiClient(server_->port()); }
  PageClient pages() { return PageClient(server_->port()); }

  json Register() {
    return api().Expect(200, "GET", "/api/strategy/register", api().LoginAs("politiker"));
  }
  // The area's entry in the register, or null.
  static json AreaNamed(const json& view, const std::string& name) {
    for (const json& a : view["register"]["areas"]) {
      if (a["name"] == name) return a;
    }
    return nullptr;
  }
  // A GET without any session, as a supplier's browser or a script would send it.
  httplib::Result PublicGet(const std::string& path) {
    return ApiClient(server_->port()).Client().Get(path);
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* StrategyPageTest::dir_ = nullptr;
ServeProcess* StrategyPageTest::server_ = nullptr;

TEST_F(StrategyPageTest, TheDemoRegistersIkuIsTheRatioOfTheSummedAreas) {
  const json view = Register();
  EXPECT_EQ(view["register"]["municipality"], "Eksempel Kommune");
  ASSERT_EQ(view["register"]["areas"].size(), 5u);
  // IKU = Σ(private purchases + in-house wins) × 100 / Σ may-be-competed over the areas with
  // figures for the year: summed first, then the ratio (never an average of the areas' IKU).
  std::map<int, std::pair<int64_t, int64_t>> sums;  // year → (competed, may compete)
  for (const json& a : view["register"]["areas"]) {
    for (const json& y : a["years"]) {
      auto& [competed, may] = sums[y["year"].get<int>()];
      competed += y["private_purchases"].get<int64_t>() + y["in_house_wins"].get<int64_t>();
      may += y["may_compete"].get<int64_t>();
    }
  }
  std::set<int> years;
  for (const json& p : view["iku"]) {
    const int year = p["year"];
    years.insert(year);
    ASSERT_TRUE(sums.count(year)) << year;
    EXPECT_EQ(p["competed"], sums[year].first) << year;
    EXPECT_EQ(p["may_compete"], sums[year].second) << year;
    EXPECT_NEAR(p["iku"].get<double>(),
                100.0 * static_cast<double>(sums[year].first) / sums[year].second, 1e-9)
        << year;
  }
  EXPECT_EQ(years, (std::set<int>{2019, 2020, 2021, 2022, 2023, 2024}));

  std::map<int, double> national;
  for (const json& n : view["national_iku"]) national[n["year"]] = n["iku"];
  EXPECT_EQ(national[2019], 26.5);
  EXPECT_EQ(national[2020], 26.3);
  EXPECT_EQ(national[2021], 26.9);
}

TEST_F(StrategyPageTest, AreasAndYearsAreChangedThroughTheFormsAndBadInputIsRefused) {
  PageSession s = pages().LogIn("controller", "/strategi");
  const int64_t v0 = Register()["version"];
  auto added = pages().Post(
      "/strategi/omrade", s,
      "version=" + std::to_string(v0) + "&a-name=Skoleskyss&a-code=3.22.07&a-cpv=90910000-9");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 303) << added->body;
  json view = Register();
  const json area = AreaNamed(view, "Skoleskyss");
  ASSERT_FALSE(area.is_null());
  EXPECT_EQ(area["code"], "3.22.07");
  EXPECT_EQ(area["cpv"], "90910000-9");
  const int64_t v1 = view["version"];
  EXPECT_GT(v1, v0);
  const std::string path = "/strategi/omrade/" + std::to_string(area["id"].get<int64_t>());

  // 400 000 + 200 000 = 600 000 competed of 500 000 that may be competed: refused.
  auto over = pages().Post(path + "/ar", s,
                           "version=" + std::to_string(v1) +
                               "&y-year=2024&y-spend=1+000+000&y-may=500+000&y-private=400+000&"
                               "y-wins=200+000");
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 400) << over->body;
  // In bokmål, linked to the form's field for the private purchases.
  EXPECT_NE(over->body.find("kjøp fra private og vunne kontrollbud er til sammen mer enn det som "
                            "kan konkurranseutsettes"),
            std::string::npos)
      << over->body;
  EXPECT_NE(over->body.find("href=\"#y-private\""), std::string::npos) << over->body;
  EXPECT_EQ(Register()["version"], v1);

  // 300 000 + 100 000 = 400 000 of 500 000: the area's IKU for 2024 is 80 %.
  auto year = pages().Post(path + "/ar", s,
                           "version=" + std::to_string(v1) +
                               "&y-year=2024&y-spend=1+000+000&y-may=500+000&y-private=300+000&"
                               "y-wins=100+000");
  ASSERT_TRUE(year);
  ASSERT_EQ(year->status, 303) << year->body;
  view = Register();
  const int64_t v2 = view["version"];
  EXPECT_GT(v2, v1);
  bool found = false;
  for (size_t i = 0; i < view["register"]["areas"].size(); ++i) {
    if (view["register"]["areas"][i]["name"] != "Skoleskyss") continue;
    found = true;
    const json& points = view["areas_iku"][i]["iku"];
    ASSERT_EQ(points.size(), 1u);
    EXPECT_EQ(points[0]["year"], 2024);
    EXPECT_EQ(points[0]["competed"], 400'000);
    EXPECT_NEAR(points[0]["iku"].get<double>(), 80.0, 1e-9);
  }
  EXPECT_TRUE(found);

  // The version the first change was made from is stale now.
  auto stale = pages().Post(
      path + "/ar", s,
      "version=" + std::to_string(v1) + "&y-year=2023&y-spend=10&y-may=10&y-private=0&y-wins=0");
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409) << stale->body;
  // A CPV code with a wrong check digit is not a CPV 2008 code (90910000-9 is).
  auto bad_cpv = pages().Post(
      "/strategi/omrade", s,
      "version=" + std::to_string(v2) + "&a-name=Vinterdrift&a-code=&a-cpv=90910000-1");
  ASSERT_TRUE(bad_cpv);
  EXPECT_EQ(bad_cpv->status, 400) << bad_cpv->body;
  view = Register();
  EXPECT_EQ(view["version"], v2);
  EXPECT_TRUE(AreaNamed(view, "Vinterdrift").is_null());
}

TEST_F(StrategyPageTest, ThePeersFileIsStoredWholeOrNotAtAll) {
  PageSession s = pages().LogIn("controller", "/strategi");
  const int64_t v0 = Register()["version"];
  // The national key figures' wide form: Horsens 2020 is missing ("..").
  auto good = pages().PostMultipart(
      "/strategi/sammenligning", s,
      {{"file", "Kommune;2019;2020;2021\nSvendborg;27,1;27,9;28,3\nHorsens;24,0;..;25,2\n",
        "iku.csv", "text/csv"},
       {"version", std::to_string(v0), "", ""}},
      s.csrf);
  ASSERT_TRUE(good);
  ASSERT_EQ(good->status, 303) << good->body;
  json view = Register();
  const int64_t v1 = view["version"];
  std::map<std::pair<std::string, int>, double> peers;
  for (const json& p : view["register"]["peers"]) peers[{p["municipality"], p["year"]}] = p["iku"];
  EXPECT_EQ(peers.size(), 5u);
  EXPECT_DOUBLE_EQ((peers[{"Svendborg", 2021}]), 28.3);
  EXPECT_DOUBLE_EQ((peers[{"Horsens", 2019}]), 24.0);
  EXPECT_EQ((peers.count({"Horsens", 2020})), 0u);

  auto bad = pages().PostMultipart(
      "/strategi/sammenligning", s,
      {{"file", "Kommune;2019;2020\nOdense;22,5;tjue\n", "iku.csv", "text/csv"},
       {"version", std::to_string(v1), "", ""}},
      s.csrf);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
  // Odense's line is line 2 of the file; its 2020 figure is the third column.
  EXPECT_NE(bad->body.find("line 2, column 3"), std::string::npos) << bad->body;
  EXPECT_EQ(bad->body.find("line 2, column 3: line 2, column 3"), std::string::npos) << bad->body;
  EXPECT_NE(bad->body.find("&#39;tjue&#39;"), std::string::npos) << bad->body;
  view = Register();
  EXPECT_EQ(view["version"], v1);
  EXPECT_EQ(view["register"]["peers"].size(), 5u);
  for (const json& p : view["register"]["peers"]) EXPECT_NE(p["municipality"], "Odense");
}

TEST_F(StrategyPageTest, APriorityListIsStartedReplacedAndItsTotalsAreTheWeightedSums) {
  Session innkjoper = api().LoginAs("innkjoper");
  const json reg = Register();
  json made = api().Expect(201, "POST", "/api/strategy/priorities/2027", innkjoper);
  ASSERT_TRUE(made.is_object());
  std::set<int64_t> areas, candidates;
  for (const json& a : reg["register"]["areas"]) areas.insert(a["id"].get<int64_t>());
  for (const json& c : made["list"]["candidates"]) candidates.insert(c["area_id"].get<int64_t>());
  EXPECT_EQ(candidates, areas);
  EXPECT_EQ(made["list"]["budget_year"], 2027);
  // A second start of the same year conflicts with the list it has.
  api().Expect(409, "POST", "/api/strategy/priorities/2027", innkjoper);

  const int64_t v1 = made["version"];
  json list = made["list"];
  list["note"] = "Tre områder for budsjettåret 2027.";
  json replaced = api().Expect(200, "PUT", "/api/strategy/priorities/2027", innkjoper,
                               {{"version", v1}, {"list", list}});
  EXPECT_EQ(replaced["list"]["note"], "Tre områder for budsjettåret 2027.");
  const int64_t v2 = replaced["version"];
  EXPECT_GT(v2, v1);
  list["note"] = "Gammel versjon";
  api().Expect(409, "PUT", "/api/strategy/priorities/2027", innkjoper,
               {{"version", v1}, {"list", list}});
  Session politiker = api().LoginAs("politiker");
  api().Expect(403, "PUT", "/api/strategy/priorities/2027", politiker,
               {{"version", v2}, {"list", list}});
  api().Expect(403, "POST", "/api/strategy/priorities/2028", politiker);
  json now = api().Expect(200, "GET", "/api/strategy/priorities/2027", politiker);
  EXPECT_EQ(now["version"], v2);
  EXPECT_EQ(now["list"]["note"], "Tre områder for budsjettåret 2027.");
  api().Expect(404, "GET", "/api/strategy/priorities/2028", politiker);

  // total = Σ w_k · score_k with the normalised weights, an unscored criterion counting 0. The
  // default weights 40/20/20/20 normalise to 0.4/0.2/0.2/0.2. The demo's 2026 list, with scores
  // set by hand, is checked the same way.
  for (const json& view :
       {now, api().Expect(200, "GET", "/api/strategy/priorities/2026", politiker)}) {
    const json& ranking = view["ranking"];
    double weight_sum = 0;
    for (const auto& [name, w] : ranking["weights"].items()) weight_sum += w.get<double>();
    EXPECT_NEAR(weight_sum, 1.0, 1e-9);
    EXPECT_NEAR(ranking["weights"]["volume_gain"].get<double>(), 0.4, 1e-9);
    ASSERT_EQ(ranking["ranked"].size(), view["list"]["candidates"].size());
    for (const json& r : ranking["ranked"]) {
      double total = 0;
      for (const auto& [name, w] : ranking["weights"].items()) {
        const json& score = r["scores"][name]["score"];
        total += w.get<double>() * (score.is_null() ? 0.0 : score.get<double>());
      }
      EXPECT_NEAR(r["total"].get<double>(), total, 1e-9) << r["name"];
    }
  }
}

TEST_F(StrategyPageTest, APublishedPlanShowsThePublicItemsOnlyAndKeepsItsVersions) {
  Session innkjoper = api().LoginAs("innkjoper");
  json draft = api().Expect(200, "GET", "/api/strategy/plan", innkjoper);
  ASSERT_TRUE(draft.is_object());
  auto first = PublicGet("/api/public/plan");
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  const json before = json::parse(first->body);
  const int64_t previous = before["plan"]["number"];
  EXPECT_EQ(previous, 2);  // the demo publishes twice
  EXPECT_EQ(before["versions"].size(), 2u);
  // The demo keeps "Madservice" internal when it is among the priorities' items.
  for (const json& item : draft["plan"]["items"]) {
    if (item["title"] != "Madservice") continue;
    EXPECT_FALSE(item["public"]);
    for (const json& published : before["plan"]["items"]) {
      EXPECT_NE(published["title"], "Madservice");
    }
  }

  json plan = draft["plan"];
  ASSERT_FALSE(plan["items"].empty());
  const int64_t next = plan["next_item_id"];
  json open = plan["items"][0];
  open["id"] = next;
  open["title"] = "Skoleskyss 2027-2031";
  open["tender_id"] = nullptr;
  open["decision_case_id"] = nullptr;
  open["status"] = "planned";
  open["cpv"] = "90910000-9";
  open["publication_year"] = 2027;
  open["publication_quarter"] = 1;
  open["public"] = true;
  json internal = open;
  internal["id"] = next + 1;
  internal["title"] = "Intern vurdering av kantinedrift";
  internal["public"] = false;
  plan["items"].push_back(open);
  plan["items"].push_back(internal);
  plan["next_item_id"] = next + 2;
  json saved = api().Expect(200, "PUT", "/api/strategy/plan", innkjoper,
                            {{"version", draft["version"]}, {"plan", plan}});
  ASSERT_TRUE(saved.is_object());
  json published =
      api().Expect(201, "POST", "/api/strategy/plan/publish", innkjoper,
                   {{"version", saved["version"]}, {"change_note", "Skoleskyss lagt til."}});
  ASSERT_TRUE(published.is_object());

  auto latest = PublicGet("/api/public/plan");
  ASSERT_TRUE(latest);
  ASSERT_EQ(latest->status, 200);
  const json after = json::parse(latest->body);
  EXPECT_EQ(after["plan"]["number"], previous + 1);
  EXPECT_EQ(after["plan"]["change_note"], "Skoleskyss lagt til.");
  std::set<std::string> titles;
  for (const json& item : after["plan"]["items"]) titles.insert(item["title"]);
  EXPECT_TRUE(titles.count("Skoleskyss 2027-2031"));
  EXPECT_FALSE(titles.count("Intern vurdering av kantinedrift"));
  EXPECT_FALSE(titles.count("Madservice"));
  for (const std::string path : {"/api/public/plan.csv", "/api/public/plan/ocds.json"}) {
    SCOPED_TRACE(path);
    auto file = PublicGet(path);
    ASSERT_TRUE(file);
    ASSERT_EQ(file->status, 200);
    EXPECT_NE(file->body.find("Skoleskyss 2027-2031"), std::string::npos);
    EXPECT_EQ(file->body.find("Intern vurdering av kantinedrift"), std::string::npos);
  }
  // The version before is still served as it was published.
  auto old = PublicGet("/api/public/plan?version=" + std::to_string(previous));
  ASSERT_TRUE(old);
  ASSERT_EQ(old->status, 200);
  EXPECT_EQ(json::parse(old->body)["plan"], before["plan"]);
  auto old_csv = PublicGet("/api/public/plan.csv?version=" + std::to_string(previous));
  ASSERT_TRUE(old_csv);
  EXPECT_EQ(old_csv->body.find("Skoleskyss 2027-2031"), std::string::npos);

  // A supplier reads the public page, not the draft.
  api().Expect(403, "GET", "/api/strategy/plan", api().LoginAs("leverandor"));
  PageSession supplier = pages().LogIn("leverandor", "/");
  auto page = pages().Get("/anskaffelsesplan", supplier);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Skoleskyss 2027-2031"), std::string::npos);
  EXPECT_EQ(page->body.find("Intern vurdering av kantinedrift"), std::string::npos);
}

TEST_F(StrategyPageTest, FormsPostedWithoutASessionAreRefusedAndStoreNothing) {
  const json before = Register();
  const int64_t version = before["version"];
  const std::string v = std::to_string(version);
  const std::string area =
      "/strategi/omrade/" + std::to_string(before["register"]["areas"][0]["id"].get<int64_t>());
  httplib::Client client = api().Client();
  const std::pair<std::string, std::string> posts[] = {
      {"/strategi/omrade", "version=" + v + "&a-name=Uten+innlogging&a-code=&a-cpv="},
      {area + "/ar", "version=" + v + "&y-year=2025&y-spend=10&y-may=10&y-private=1&y-wins=0"},
      {area + "/slett", "version=" + v},
      {"/strategi/prioriteringer", "budget_year=2029"},
  };
  for (const auto& [path, form] : posts) {
    SCOPED_TRACE(path);
    auto res = client.Post(path, form, "application/x-www-form-urlencoded");
    ASSERT_TRUE(res);
    // Sent to the login page, never the "saved" redirect.
    EXPECT_EQ(res->status, 303);
    EXPECT_EQ(res->get_header_value("Location"), "/logg-inn");
  }
  auto upload = client.Post(
      "/strategi/sammenligning",
      httplib::MultipartFormDataItems{
          {"file", "Kommune;2019\nOdense;22,5\n", "iku.csv", "text/csv"}, {"version", v, "", ""}});
  ASSERT_TRUE(upload);
  EXPECT_EQ(upload->status, 303);
  EXPECT_EQ(upload->get_header_value("Location"), "/logg-inn");

  const json after = Register();
  EXPECT_EQ(after["version"], version);
  EXPECT_EQ(after["register"], before["register"]);
  api().Expect(404, "GET", "/api/strategy/priorities/2029", api().LoginAs("politiker"));
}

}  // namespace
}  // namespace samspill::testing
