#include <gtest/gtest.h>

#include <functional>

#include "strategy/strategy_json.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

StrategyRegister Example() {
  StrategyRegister r;
  r.municipality = "Eksempel Kommune";
  r.region = "DK031";
  TaskArea care{.id = 1, .code = "5.32.32", .name = "Hjemmepleje", .cpv = "85311000-2"};
  care.SetYear({.year = 2024,
                .spend = 412'000'000,
                .may_compete = 380'000'000,
                .private_purchases = 96'000'000,
                .in_house_wins = 4'000'000,
                .example = true,
                .note = "tal fra regnskab 2024"});
  r.areas.push_back(care);
  r.areas.push_back({.id = 2, .name = "Rengøring"});
  r.peers = {{"Svendborg", "479", 2021, 28.3}, {"Horsens", "", 2021, 25.2}};
  PoliticalTarget t;
  t.id = 7;
  t.indicator.category = std::string(kPoliticalTargetCategory);
  t.indicator.name = "IKU";
  t.indicator.unit = "prosentpoeng";
  t.indicator.target_kind = portfolio::TargetKind::kReachByLastYear;
  t.indicator.target = 285;
  t.indicator.decimals = 1;
  t.indicator.note = "+2 point";
  t.indicator.SetFigure({2024, 263, "", false});
  t.indicator.SetFigure({2025, std::nullopt, "afventer regnskab", false});
  t.period = {2024, 2028};
  t.adopted_by = "Byrådet, budgetaftale 2025";
  r.targets.push_back(t);
  r.next_id = 9;
  return r;
}

TEST(RegisterJson, RoundTrips) {
  const StrategyRegister r = Example();
  ASSERT_TRUE(ValidateStrategyRegister(r).ok()) << ValidateStrategyRegister(r).message();
  const json doc = RegisterToJson(r);
  EXPECT_EQ(doc["targets"][0]["target_kind"], "reach_by_last_year");
  EXPECT_EQ(doc["targets"][0]["figures"][1]["value"], nullptr);
  EXPECT_EQ(doc["areas"][0]["years"][0]["may_compete"], 380'000'000);
  Result<StrategyRegister> back = RegisterFromJson(doc);
  ASSERT_TRUE(back.ok()) << back.status().field() << ": " << back.status().message();
  EXPECT_EQ(*back, r);
  Result<StrategyRegister> parsed = ParseRegisterJson(doc.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(*parsed, r);
}

// Optional members may be absent or null; next_id then follows the highest id (7 → 8).
TEST(RegisterJson, OptionalMembersTakeTheirDefaults) {
  Result<StrategyRegister> r = ParseRegisterJson(R"({
    "municipality": "Eksempel Kommune", "region": null,
    "areas": [{"id": 3, "name": "Hjemmepleje"}],
    "targets": [{"id": 7, "subject": "green", "name": "CO2e", "target_kind": "per_year",
                 "target": 300, "first_year": 2024, "last_year": 2026}]})");
  ASSERT_TRUE(r.ok()) << r.status().field() << ": " << r.status().message();
  EXPECT_EQ(r->scheme, AccountScheme::kDanishFunctions);
  EXPECT_EQ(r->currency, "DKK");
  EXPECT_EQ(r->region, "");
  EXPECT_EQ(r->next_id, 8);
  EXPECT_EQ(r->targets[0].indicator.decimals, 1);
  EXPECT_EQ(r->targets[0].subject, TargetSubject::kGreen);
}

Status Refusal(const std::function<void(json&)>& change) {
  json doc = RegisterToJson(Example());
  change(doc);
  Result<StrategyRegister> r = RegisterFromJson(doc);
  EXPECT_FALSE(r.ok()) << doc.dump();
  return r.ok() ? Status::Ok() : r.status();
}

TEST(RegisterJson, RefusesAnUnknownKeyWithItsPath) {
  Status s = Refusal([](json& d) { d["areas"][0]["years"][0]["spending"] = 1; });
  EXPECT_EQ(s.field(), "areas[0].years[0].spending");
  EXPECT_NE(s.message().find("spending"), std::string::npos) << s.message();
  EXPECT_EQ(Refusal([](json& d) { d["kommune"] = "x"; }).field(), "kommune");
}

TEST(RegisterJson, RefusesAWrongTypeWithItsPath) {
  EXPECT_EQ(Refusal([](json& d) { d["peers"][1]["iku"] = "25,2"; }).field(), "peers[1].iku");
  EXPECT_EQ(Refusal([](json& d) { d["areas"][0]["name"] = 5; }).field(), "areas[0].name");
  EXPECT_EQ(Refusal([](json& d) { d["targets"] = json::object(); }).field(), "targets");
  EXPECT_EQ(Refusal([](json& d) { d["areas"][0]["years"][0]["spend"] = 1.5; }).field(),
            "areas[0].years[0].spend");
  // A required member is never null.
  EXPECT_EQ(Refusal([](json& d) { d["targets"][0]["target"] = nullptr; }).field(),
            "targets[0].target");
}

TEST(RegisterJson, RefusesValuesOutOfRangeWithTheirPath) {
  EXPECT_EQ(Refusal([](json& d) { d["areas"][0]["years"][0]["spend"] = -1; }).field(),
            "areas[0].years[0].spend");
  EXPECT_EQ(Refusal([](json& d) { d["peers"][0]["iku"] = 100.5; }).field(), "peers[0].iku");
  EXPECT_EQ(Refusal([](json& d) { d["targets"][0]["target"] = 1001; }).field(),
            "targets[0].target");
  EXPECT_EQ(Refusal([](json& d) { d["targets"][0]["first_year"] = 1989; }).field(),
            "targets[0].first_year");
  EXPECT_EQ(Refusal([](json& d) { d["targets"][0]["target_kind"] = "period_total"; }).field(),
            "targets[0].target_kind");
  EXPECT_EQ(Refusal([](json& d) { d["scheme"] = "kommunal"; }).field(), "scheme");
}

TEST(RegisterJson, RefusesWhatTheDomainRefusesWithItsPath) {
  // 380 000 000 may be competed of a spend of 300 000 000.
  Status s = Refusal([](json& d) { d["areas"][0]["years"][0]["spend"] = 300'000'000; });
  EXPECT_EQ(s.field(), "areas[0].years[0].may_compete");
  EXPECT_NE(s.message().find("'Hjemmepleje', 2024"), std::string::npos) << s.message();
  EXPECT_EQ(Refusal([](json& d) { d["areas"][1]["name"] = "Hjemmepleje"; }).field(),
            "areas[1].name");
  EXPECT_EQ(Refusal([](json& d) { d["areas"][1]["id"] = 1; }).field(), "areas[1].id");
  // The target's id 7 is not below next_id 7.
  EXPECT_EQ(Refusal([](json& d) { d["next_id"] = 7; }).field(), "targets[0].id");
  EXPECT_EQ(Refusal([](json& d) { d["currency"] = "kr"; }).field(), "currency");
}

TEST(RegisterJson, IkuAndAttainment) {
  const StrategyRegister r = Example();
  const std::vector<IkuPoint> iku = TotalIku(r.areas);
  const json points = IkuJson(iku);
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points[0]["competed"], 100'000'000);
  EXPECT_NEAR(points[0]["iku"].get<double>(), 26.3157894737, 1e-9);
  EXPECT_EQ(points[0]["example"], true);
  EXPECT_EQ(IkuJson({{.year = 2020}})[0]["iku"], nullptr);

  // The register's 2024 IKU 26.3 % (263 tenths) is the baseline; the target 28.5 in 2028.
  const json a = TargetAttainmentJson(r.targets[0], TargetAttainment(r.targets[0], iku));
  EXPECT_EQ(a["target_id"], 7);
  EXPECT_EQ(a["years"][0]["value"], 263);
  EXPECT_EQ(a["years"][0]["state"], "no_target");
  // 2025: 263 + 22·1/4 = 268.5 → 269, no figure.
  EXPECT_EQ(a["years"][1]["target"], 269);
  EXPECT_EQ(a["years"][1]["state"], "no_figure");
  EXPECT_EQ(a["period"], "no_figure");
  EXPECT_EQ(a["summary_en"], "On track in 0 of 4 years; the target 28.5 is for 2028");
}

}  // namespace
}  // namespace samspill::strategy
