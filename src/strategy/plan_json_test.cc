#include <gtest/gtest.h>

#include <functional>

#include "strategy/strategy_json.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

ProcurementPlan SamplePlan() {
  ProcurementPlan plan;
  plan.title = "Udbudsplan 2026–2027";
  plan.organisation = "Eksempel kommune";
  PlanItem care;
  care.id = 1;
  care.title = "Drift av bofellesskap i BoA";
  care.area = "Helse og velferd";
  care.area_id = 3;
  care.cpv = "85311000-2";
  care.description = "Heldøgns omsorg";
  care.estimated_value = 48'000'000;
  care.currency = "DKK";
  care.publication_year = 2026;
  care.publication_quarter = 2;
  care.contract_start = Date{2026, 9, 1};
  care.contract_months = 48;
  care.contact_name = "Kari Nordmann";
  care.contact_email = "kari@k.no";
  care.status = PlanItemStatus::kPublished;
  care.tender_id = 41;
  care.decision_case_id = 7;
  care.is_public = true;
  PlanItem advice;
  advice.id = 3;
  advice.title = "Intern IT-rådgivning";
  advice.publication_year = 2027;
  advice.publication_quarter = 1;
  plan.items = {care, advice};
  plan.next_item_id = 5;
  return plan;
}

TEST(PlanJsonTest, WritesEveryField) {
  const json doc = PlanToJson(SamplePlan());
  EXPECT_EQ(doc["title"], "Udbudsplan 2026–2027");
  EXPECT_EQ(doc["organisation"], "Eksempel kommune");
  EXPECT_EQ(doc["next_item_id"], 5);
  const json care = {{"id", 1},
                     {"title", "Drift av bofellesskap i BoA"},
                     {"area", "Helse og velferd"},
                     {"area_id", 3},
                     {"cpv", "85311000-2"},
                     {"description", "Heldøgns omsorg"},
                     {"estimated_value", 48000000},
                     {"currency", "DKK"},
                     {"publication_year", 2026},
                     {"publication_quarter", 2},
                     {"contract_start", "2026-09-01"},
                     {"contract_months", 48},
                     {"contact_name", "Kari Nordmann"},
                     {"contact_email", "kari@k.no"},
                     {"status", "published"},
                     {"tender_id", 41},
                     {"decision_case_id", 7},
                     {"public", true}};
  EXPECT_EQ(doc["items"][0], care);
  const json& advice = doc["items"][1];
  EXPECT_EQ(advice["area_id"], nullptr);
  EXPECT_EQ(advice["estimated_value"], nullptr);
  EXPECT_EQ(advice["contract_start"], nullptr);
  EXPECT_EQ(advice["status"], "planned");
  EXPECT_EQ(advice["public"], false);
}

TEST(PlanJsonTest, RoundTrips) {
  const ProcurementPlan plan = SamplePlan();
  Result<ProcurementPlan> back = PlanFromJson(PlanToJson(plan));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, plan);
  Result<ProcurementPlan> parsed = ParsePlanJson(PlanToJson(plan).dump());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, plan);
}

TEST(PlanJsonTest, OptionalMembersMayBeAbsentOrNull) {
  Result<ProcurementPlan> plan = ParsePlanJson(R"({
    "title": "Plan", "organisation": "Kommune",
    "items": [{"id": 4, "title": "Renhold", "publication_year": 2026,
               "publication_quarter": 3, "area_id": null, "contract_start": null},
              {"id": 2, "title": "Skyss", "publication_year": 2027, "publication_quarter": 1}]})");
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  // Without next_item_id the counter follows the highest id (4), so no id is used twice.
  EXPECT_EQ(plan->next_item_id, 5);
  const PlanItem& item = plan->items[0];
  EXPECT_EQ(item.currency, "NOK");
  EXPECT_EQ(item.status, PlanItemStatus::kPlanned);
  EXPECT_FALSE(item.area_id);
  EXPECT_FALSE(item.contract_start);
  EXPECT_FALSE(item.is_public);
  EXPECT_EQ(item.contract_months, 0);
}

TEST(PlanJsonTest, RefusesWithThePath) {
  auto item = [](json changes) {
    json doc = PlanToJson(SamplePlan());
    for (auto& [key, value] : changes.items()) doc["items"][0][key] = value;
    return doc;
  };
  json missing_title = PlanToJson(SamplePlan());
  missing_title["items"][1].erase("title");
  json duplicate = PlanToJson(SamplePlan());
  duplicate["items"][1]["id"] = 1;
  json low_counter = PlanToJson(SamplePlan());
  low_counter["next_item_id"] = 3;
  json unknown_top = PlanToJson(SamplePlan());
  unknown_top["owner"] = "x";
  const std::vector<std::pair<json, std::string>> cases = {
      {item({{"titel", "x"}}), "items[0].titel"},
      {item({{"publication_quarter", "2"}}), "items[0].publication_quarter"},
      {item({{"publication_quarter", 5}}), "items[0].publication_quarter"},
      {item({{"publication_year", 1989}}), "items[0].publication_year"},
      {item({{"contract_start", "2026-02-30"}}), "items[0].contract_start"},
      {item({{"status", "done"}}), "items[0].status"},
      {item({{"estimated_value", -1}}), "items[0].estimated_value"},
      {item({{"estimated_value", 2.5}}), "items[0].estimated_value"},
      {item({{"public", "yes"}}), "items[0].public"},
      {item({{"tender_id", 0}}), "items[0].tender_id"},
      {item({{"id", nullptr}}), "items[0].id"},
      // The domain's rules, after the reading.
      {item({{"cpv", ""}}), "items[0].cpv"},
      {item({{"currency", "kr"}}), "items[0].currency"},
      {item({{"contact_email", "kari"}}), "items[0].contact_email"},
      {missing_title, "items[1].title"},
      {duplicate, "items[1].id"},
      {low_counter, "items[1].id"},  // item 3 is not below next_item_id 3
      {unknown_top, "owner"},
      {json::array(), ""},
  };
  for (const auto& [doc, field] : cases) {
    Result<ProcurementPlan> plan = PlanFromJson(doc);
    ASSERT_FALSE(plan.ok()) << field;
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(plan.status().field(), field) << plan.status().ToString();
  }
}

TEST(PlanJsonTest, ParseRefusesBrokenText) {
  EXPECT_EQ(ParsePlanJson("{\"title\": ").status().code(), StatusCode::kInvalidArgument);
  Result<ProcurementPlan> twice =
      ParsePlanJson(R"({"title": "A", "title": "B", "organisation": "K"})");
  EXPECT_EQ(twice.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(twice.status().ToString().find("title"), std::string::npos);
}

TEST(PlanItemJsonTest, NewItemWithoutIdAndItsRefusals) {
  Result<PlanItem> item = PlanItemFromJson(
      json{{"title", "Skoleskyss"}, {"publication_year", 2027}, {"publication_quarter", 1}});
  ASSERT_TRUE(item.ok()) << item.status().ToString();
  EXPECT_EQ(item->id, 0);
  EXPECT_EQ(item->title, "Skoleskyss");

  const PlanItem care = SamplePlan().items[0];
  Result<PlanItem> back = PlanItemFromJson(PlanItemToJson(care));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, care);

  json no_cpv = PlanItemToJson(care);
  no_cpv["cpv"] = "";
  EXPECT_EQ(PlanItemFromJson(no_cpv).status().field(), "cpv");
  json months = PlanItemToJson(care);
  months["contract_months"] = 601;
  EXPECT_EQ(PlanItemFromJson(months).status().field(), "contract_months");
  EXPECT_EQ(PlanItemFromJson(json("x")).status().code(), StatusCode::kInvalidArgument);
}

PublishedPlan SamplePublished() {
  PublishedPlan plan;
  plan.number = 2;
  plan.published_at = Timestamp{1780315200};  // 2026-06-01T12:00:00Z
  plan.published_by = "Kari";
  plan.title = "Udbudsplan 2026–2027";
  plan.organisation = "Eksempel kommune";
  plan.change_note = "Ny tidsplan";
  plan.items = {SamplePlan().items[0]};
  plan.changes = {{4, "Skoleskyss", ItemChange::Kind::kRemoved, {}},
                  {1,
                   "Drift av bofellesskap i BoA",
                   ItemChange::Kind::kChanged,
                   {{"publication_quarter", "1", "2"}, {"tender_id", "", "41"}}}};
  return plan;
}

TEST(PublishedPlanJsonTest, WritesAndRoundTrips) {
  const json doc = PublishedPlanToJson(SamplePublished());
  EXPECT_EQ(doc["number"], 2);
  EXPECT_EQ(doc["published_at"], "2026-06-01T12:00:00Z");
  EXPECT_EQ(doc["change_note"], "Ny tidsplan");
  const json changes = json::array(
      {{{"item_id", 4}, {"title", "Skoleskyss"}, {"kind", "removed"}, {"fields", json::array()}},
       {{"item_id", 1},
        {"title", "Drift av bofellesskap i BoA"},
        {"kind", "changed"},
        {"fields",
         {{{"field", "publication_quarter"}, {"before", "1"}, {"after", "2"}},
          {{"field", "tender_id"}, {"before", ""}, {"after", "41"}}}}}});
  EXPECT_EQ(doc["changes"], changes);
  Result<PublishedPlan> back = PublishedPlanFromJson(doc);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, SamplePublished());
}

TEST(PublishedPlanJsonTest, RefusesWithThePath) {
  auto with = [](const std::function<void(json&)>& change) {
    json doc = PublishedPlanToJson(SamplePublished());
    change(doc);
    return doc;
  };
  const std::vector<std::pair<json, std::string>> cases = {
      {with([](json& d) { d["number"] = 0; }), "number"},
      {with([](json& d) { d["published_at"] = "1. juni"; }), "published_at"},
      {with([](json& d) { d.erase("title"); }), "title"},
      {with([](json& d) { d["items"][0]["public"] = false; }), "items[0].public"},
      {with([](json& d) { d["items"][0]["publication_quarter"] = 9; }),
       "items[0].publication_quarter"},
      {with([](json& d) { d["changes"][0]["kind"] = "moved"; }), "changes[0].kind"},
      {with([](json& d) { d["changes"][0]["fields"] = d["changes"][1]["fields"]; }),
       "changes[0].fields"},
      {with([](json& d) { d["changes"][1]["fields"][1].erase("field"); }),
       "changes[1].fields[1].field"},
      {with([](json& d) { d["changes"][1]["fields"][0]["old"] = "1"; }),
       "changes[1].fields[0].old"},
      {with([](json& d) { d["changes"][1]["item_id"] = "1"; }), "changes[1].item_id"},
  };
  for (const auto& [doc, field] : cases) {
    Result<PublishedPlan> plan = PublishedPlanFromJson(doc);
    ASSERT_FALSE(plan.ok()) << field;
    EXPECT_EQ(plan.status().code(), StatusCode::kInvalidArgument) << field;
    EXPECT_EQ(plan.status().field(), field) << plan.status().ToString();
  }
}

}  // namespace
}  // namespace samspill::strategy
