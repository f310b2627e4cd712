#include "decision/baseline_json.h"

#include <gtest/gtest.h>

namespace samspill::decision {
namespace {

using nlohmann::json;

Baseline Example() {
  Baseline b;
  b.grouping = {{"lav", "middels", "høy", "svært høy"}, false};
  UnitYear full{.year = 2023,
                .budget = 52'000'000,
                .accounts = 54'612'345,
                .fte = 50.35,
                .positions = 81,
                .sick_leave_percent = 9.8,
                .turnover_percent = 12.5,
                .users = 20,
                .users_by_need_level = {2, 5, 8, 5},
                .quality = {{"Brukertilfredshet", 82.5, "%"}, {"Avvik", 3, ""}},
                .example = true};
  UnitYear sparse{.year = 2024, .fte = 0};  // zero årsverk is a figure; the others are unknown
  b.units = {{"lade", "Lade bofellesskap", 254, {full, sparse}}, {"moholt", "Moholt", 234, {}}};
  b.comparisons = {{"Landet", "sick_leave_percent", 2023, 7.7, "SSB, hentet 2024-05-01"}};
  return b;
}

TEST(BaselineJson, RoundTrip) {
  const Baseline b = Example();
  const json doc = BaselineToJson(b);
  Result<Baseline> back = BaselineFromJson(json::parse(doc.dump()));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(BaselineToJson(*back), doc);
  EXPECT_EQ(back->grouping.levels, b.grouping.levels);
  EXPECT_FALSE(back->grouping.is_default);
  const UnitYear& y = back->units[0].years[0];
  EXPECT_EQ(*y.accounts, 54'612'345);
  EXPECT_DOUBLE_EQ(*y.fte, 50.35);
  EXPECT_EQ(y.users_by_need_level, (std::vector<int>{2, 5, 8, 5}));
  EXPECT_EQ(y.quality[1].name, "Avvik");
  EXPECT_TRUE(y.example);
  const UnitYear& sparse = back->units[0].years[1];
  EXPECT_EQ(sparse.fte, 0.0);
  EXPECT_FALSE(sparse.budget || sparse.accounts || sparse.positions || sparse.users ||
               sparse.sick_leave_percent || sparse.turnover_percent);
  EXPECT_EQ(back->units[1].kostra_function, 234);
  EXPECT_EQ(back->comparisons[0].source, "SSB, hentet 2024-05-01");
}

TEST(BaselineJson, UnknownFiguresAreLeftOutNeverZero) {
  const json doc = BaselineToJson(Example());
  const json& sparse = doc["units"][0]["years"][1];
  EXPECT_EQ(sparse["fte"], 0.0);
  for (const char* key : {"budget", "accounts", "positions", "users", "sick_leave_percent",
                          "turnover_percent", "users_by_need_level", "quality"}) {
    EXPECT_FALSE(sparse.contains(key)) << key;
  }
  // Null reads as unknown too.
  json with_null = doc;
  with_null["units"][0]["years"][1]["budget"] = nullptr;
  Result<Baseline> back = BaselineFromJson(with_null);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_FALSE(back->units[0].years[1].budget);
}

TEST(BaselineJson, TheDefaultGroupingWhenLeftOut) {
  Result<Baseline> b = BaselineFromJson(json::parse(R"({"units": []})"));
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_TRUE(b->grouping.is_default);
  EXPECT_EQ(b->grouping.levels.size(), 3u);
}

std::string Refused(const json& doc) {
  Result<Baseline> b = BaselineFromJson(doc);
  if (b.ok()) return "ok";
  EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(b.status().message().empty());
  return b.status().field();
}

TEST(BaselineJson, StrictAndNamesTheField) {
  const json good = BaselineToJson(Example());
  EXPECT_EQ(Refused(good), "ok");
  auto with = [&](const json::json_pointer& at, json value) {
    json doc = good;
    doc[at] = std::move(value);
    return Refused(doc);
  };
  using P = json::json_pointer;
  EXPECT_EQ(with(P("/units/0/years/0/arsverk"), 3), "units[0].years[0].arsverk");
  EXPECT_EQ(with(P("/units/0/colour"), "red"), "units[0].colour");
  EXPECT_EQ(with(P("/extra"), 1), "extra");
  EXPECT_EQ(with(P("/grouping/name"), "x"), "grouping.name");
  EXPECT_EQ(with(P("/units/0/years/0/fte"), "50"), "units[0].years[0].fte");
  EXPECT_EQ(with(P("/units/0/years/0/fte"), -1), "units[0].years[0].fte");
  EXPECT_EQ(with(P("/units/0/years/0/budget"), 1.5), "units[0].years[0].budget");
  EXPECT_EQ(with(P("/units/0/years/0/sick_leave_percent"), 101),
            "units[0].years[0].sick_leave_percent");
  EXPECT_EQ(with(P("/units/0/years/0/users_by_need_level/2"), "8"),
            "units[0].years[0].users_by_need_level[2]");
  EXPECT_EQ(with(P("/units/0/years/0/users_by_need_level/3"), 50),
            "units[0].years[0].users_by_need_level");
  EXPECT_EQ(with(P("/units/0/years/0/quality/0/name"), ""), "units[0].years[0].quality[0].name");
  EXPECT_EQ(with(P("/units/0/years/0/example"), "ja"), "units[0].years[0].example");
  EXPECT_EQ(with(P("/units/0/years/0/example"), nullptr), "units[0].years[0].example");
  EXPECT_EQ(with(P("/units/1/kostra_function"), 255), "units[1].kostra_function");
  EXPECT_EQ(with(P("/units/1/id"), "lade"), "units[1].id");
  EXPECT_EQ(with(P("/units/1/years"), json::object()), "units[1].years");
  EXPECT_EQ(with(P("/comparisons/0/source"), " "), "comparisons[0].source");
  EXPECT_EQ(with(P("/comparisons/0/measure"), "x"), "comparisons[0].measure");
  EXPECT_EQ(with(P("/grouping/levels"), json::array({"a", 1})), "grouping.levels[1]");
  json doc = good;
  doc["units"][0].erase("name");
  EXPECT_EQ(Refused(doc), "units[0].name");
  EXPECT_EQ(Refused(json::array()), "");
  EXPECT_EQ(Refused(json::parse(R"({"grouping": {}, "units": []})")), "grouping.levels");
}

}  // namespace
}  // namespace samspill::decision
