#include <gtest/gtest.h>

#include <functional>

#include "strategy/strategy_json.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

constexpr size_t kPeer = static_cast<size_t>(PriorityCriterion::kPeerExperience);

// Two areas of the worked example in priorities_test.cc, with every field set on one.
PriorityList Example() {
  PriorityList list;
  list.budget_year = 2026;
  list.note = "Budget 2026";
  list.settings.weights = {40, 20, 0, 20};
  list.settings.default_gain_rate = 0.05;
  list.settings.top_n = 1;
  list.settings.draws = 0;
  list.settings.perturbation_points = 12.5;
  list.settings.seed = 18'000'000'000'000'000'000u;  // above 2^63: an unsigned JSON integer
  Candidate home;
  home.area_id = 1;
  home.name = "Hjemmepleje";
  home.cpv = "85311000-2";
  home.region = "DK031";
  home.note = "Størst volum";
  home.facts.yearly_volume = 380'000'000;
  home.facts.expected_gain = 9'500'000;
  home.facts.decision_case_id = 2;
  home.facts.p_two_or_more_bids = 0.8;
  home.facts.single_bid_rate = 0.1;
  home.facts.comparable_lots = 34;
  home.facts.last_competed_year = 2015;
  home.manual[kPeer] = ManualScore{7.5, "Svendborg sparte 12 %"};
  Candidate cleaning;
  cleaning.area_id = 2;
  cleaning.name = "Rengøring";
  cleaning.facts.yearly_volume = 60'000'000;
  list.candidates = {home, cleaning};
  return list;
}

json ExampleDoc() { return PriorityListToJson(Example()); }

TEST(PriorityListJson, RoundTripsEveryField) {
  const PriorityList list = Example();
  const json doc = PriorityListToJson(list);
  EXPECT_EQ(doc["settings"]["weights"]["market_robustness"], 0.0);
  EXPECT_EQ(doc["candidates"][0]["manual"]["peer_experience"]["reason"], "Svendborg sparte 12 %");
  EXPECT_TRUE(doc["candidates"][1]["facts"]["expected_gain"].is_null());
  Result<PriorityList> back = PriorityListFromJson(doc);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, list);
  Result<PriorityList> parsed = ParsePriorityListJson(doc.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, list);
}

TEST(PriorityListJson, AbsentAndNullMembersKeepTheDefaults) {
  Result<PriorityList> read = ParsePriorityListJson(
      R"({"budget_year": 2026, "settings": null,
          "candidates": [{"area_id": 4, "name": "Vej og park", "facts": {"yearly_volume": null}},
                         {"area_id": 5, "name": "Tøjvask", "manual": {"own_history": null}},
                         {"area_id": 6, "name": "Rengøring", "cpv": null}]})");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->settings, PrioritySettings{});
  EXPECT_EQ(read->settings.weights[0], 40.0);
  EXPECT_FALSE(read->candidates[0].facts.yearly_volume.has_value());
  EXPECT_FALSE(read->candidates[1].manual[3].has_value());
  EXPECT_EQ(read->candidates[2].cpv, "");
  // The default top_n is 3, more than one candidate allows: the domain's rule refuses it.
  Result<PriorityList> top = ParsePriorityListJson(
      R"({"budget_year": 2026, "candidates": [{"area_id": 4, "name": "Vej og park"}]})");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.status().field(), "settings.top_n");
}

TEST(PriorityListJson, RefusalsNameTheJsonPath) {
  struct Case {
    std::function<void(json&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      // Unknown keys, at every level.
      {[](json& d) { d["budget"] = 2026; }, "budget"},
      {[](json& d) { d["settings"]["weight"] = 1; }, "settings.weight"},
      {[](json& d) { d["settings"]["weights"]["price"] = 1; }, "settings.weights.price"},
      {[](json& d) { d["candidates"][1]["areaid"] = 2; }, "candidates[1].areaid"},
      {[](json& d) { d["candidates"][0]["facts"]["volume"] = 1; }, "candidates[0].facts.volume"},
      {[](json& d) {
         d["candidates"][0]["manual"]["peers"] = {{"score", 1}, {"reason", "x"}};
       },
       "candidates[0].manual.peers"},
      {[](json& d) { d["candidates"][0]["manual"]["peer_experience"]["why"] = "x"; },
       "candidates[0].manual.peer_experience.why"},
      // Missing members and wrong types.
      {[](json& d) { d.erase("budget_year"); }, "budget_year"},
      {[](json& d) { d["budget_year"] = "2026"; }, "budget_year"},
      {[](json& d) { d["settings"]["weights"].erase("own_history"); },
       "settings.weights.own_history"},
      {[](json& d) { d["settings"]["draws"] = 2.5; }, "settings.draws"},
      {[](json& d) { d["settings"]["seed"] = -1; }, "settings.seed"},
      {[](json& d) { d["candidates"] = json::object(); }, "candidates"},
      {[](json& d) { d["candidates"][0]["name"] = 5; }, "candidates[0].name"},
      {[](json& d) { d["candidates"][1].erase("name"); }, "candidates[1].name"},
      {[](json& d) { d["candidates"][0]["facts"]["single_bid_rate"] = "høy"; },
       "candidates[0].facts.single_bid_rate"},
      {[](json& d) { d["candidates"][0]["manual"]["peer_experience"].erase("reason"); },
       "candidates[0].manual.peer_experience.reason"},
      // Ranges read from the document.
      {[](json& d) { d["budget_year"] = 3000; }, "budget_year"},
      {[](json& d) { d["settings"]["top_n"] = 0; }, "settings.top_n"},
      {[](json& d) { d["candidates"][0]["area_id"] = 0; }, "candidates[0].area_id"},
      {[](json& d) { d["candidates"][0]["facts"]["yearly_volume"] = -5; },
       "candidates[0].facts.yearly_volume"},
      {[](json& d) { d["candidates"][0]["facts"]["last_competed_year"] = 1850; },
       "candidates[0].facts.last_competed_year"},
      // Then the domain's rules, at the same paths.
      {[](json& d) { d["candidates"][1]["area_id"] = 1; }, "candidates[1].area_id"},
      {[](json& d) { d["settings"]["weights"]["volume_gain"] = -1; },
       "settings.weights.volume_gain"},
      {[](json& d) { d["candidates"][0]["facts"]["p_two_or_more_bids"] = 1.2; },
       "candidates[0].facts.p_two_or_more_bids"},
      {[](json& d) { d["candidates"][0]["manual"]["peer_experience"]["score"] = 11; },
       "candidates[0].manual.peer_experience.score"},
      {[](json& d) { d["settings"]["perturbation_points"] = 60; }, "settings.perturbation_points"},
  };
  for (const Case& c : cases) {
    json doc = ExampleDoc();
    c.change(doc);
    Result<PriorityList> read = PriorityListFromJson(doc);
    ASSERT_FALSE(read.ok()) << c.field;
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(read.status().field(), c.field) << read.status().ToString();
  }
  // Too many candidates are refused before any is read.
  json many = ExampleDoc();
  many["candidates"] = json::array();
  for (size_t i = 0; i <= kMaxCandidates; ++i) many["candidates"].push_back(json::object());
  EXPECT_EQ(PriorityListFromJson(many).status().field(), "candidates");
  // Malformed text and a document that is not an object.
  EXPECT_EQ(ParsePriorityListJson("{\"budget_year\": ").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePriorityListJson("[]").status().code(), StatusCode::kInvalidArgument);
}

TEST(PriorityRankingJson, CarriesTheRankingWithNamesAndNulls) {
  PriorityList list = Example();
  list.settings.weights = {40, 20, 20, 20};
  // Hjemmepleje: 10, 7,5 (by hand), 8,5, 8 (2026 − 2015 = 11, capped) → 4 + 0,2·24 = 8,8.
  // Rengøring: 10 × 3/9,5 = 60/19, 5, unscored, never competed 10 → 24/19 + 3.
  const PriorityRanking ranking = RankPriorities(list);
  const json doc = PriorityRankingJson(list, ranking);
  EXPECT_DOUBLE_EQ(doc["weights"]["volume_gain"].get<double>(), 0.4);
  ASSERT_EQ(doc["ranked"].size(), 2u);
  const json& first = doc["ranked"][0];
  EXPECT_EQ(first["area_id"], 1);
  EXPECT_EQ(first["name"], "Hjemmepleje");
  EXPECT_EQ(first["rank"], 1);
  EXPECT_NEAR(first["total"].get<double>(), 8.8, 1e-9);
  EXPECT_EQ(first["scores"]["peer_experience"]["score"], 7.5);
  EXPECT_EQ(first["scores"]["peer_experience"]["manual"], true);
  EXPECT_TRUE(first["in_top_n"].is_null());  // no draws
  EXPECT_EQ(first["reasons_nb"][0],
            "Forventet gevinst 9,5 mill. kr/år fra beslutningssak 2 (10,0 av 10)");
  const json& second = doc["ranked"][1];
  EXPECT_NEAR(second["total"].get<double>(), 24.0 / 19.0 + 3.0, 1e-9);
  EXPECT_TRUE(second["scores"]["market_robustness"]["score"].is_null());
  EXPECT_EQ(second["scores"]["volume_gain"]["estimate"], true);
  // Stability per criterion, the challenger named, not indexed. Own history at weight t, the
  // others sharing 1 − t as 40:20:20: T_H = (1 − t)/0,8 · 7,2 + 8t = 9(1 − t) + 8t,
  // T_R = (1 − t)/0,8 · (24/19 + 1) + 10t = (215/76)(1 − t) + 10t; equal where
  // (469/76)(1 − t) = 2t ⇔ 469 = 621t ⇔ t = 469/621 ≈ 0,755, Rengøring taking over above.
  ASSERT_EQ(doc["stability"].size(), 4u);
  EXPECT_EQ(doc["stability"][3]["criterion"], "own_history");
  EXPECT_NEAR(doc["stability"][3]["max"].get<double>(), 469.0 / 621.0, 1e-12);
  EXPECT_EQ(doc["stability"][3]["challenger_above"], (json{{"area_id", 2}, {"name", "Rengøring"}}));
  // The gain: T_H = 8 + 2t, T_R = 5 + (60/19 − 5)t — Hjemmepleje leads at every weight.
  EXPECT_EQ(doc["stability"][0]["min"], 0.0);
  EXPECT_TRUE(doc["stability"][0]["challenger_below"].is_null());
  EXPECT_TRUE(doc["stability"][0]["challenger_above"].is_null());
  EXPECT_TRUE(doc["top_n_unchanged"].is_null());
  EXPECT_EQ(doc["summary_nb"], ranking.summary_nb);

  // With draws the shares are numbers.
  list.settings.draws = 100;
  list.settings.perturbation_points = 0;
  const json drawn = PriorityRankingJson(list, RankPriorities(list));
  EXPECT_EQ(drawn["ranked"][0]["in_top_n"], 1.0);
  EXPECT_EQ(drawn["ranked"][1]["first"], 0.0);
  EXPECT_EQ(drawn["top_n_unchanged"], 1.0);
}

}  // namespace
}  // namespace samspill::strategy
