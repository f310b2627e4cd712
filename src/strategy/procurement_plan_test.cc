#include "strategy/procurement_plan.h"

#include <gtest/gtest.h>

#include <functional>

namespace samspill::strategy {
namespace {

// A public item with every field, a public item with the fewest, a private one.
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
  care.description = "Heldøgns omsorg, 12 boenheter";
  care.estimated_value = 48'000'000;
  care.publication_year = 2026;
  care.publication_quarter = 2;
  care.contract_start = Date{2026, 9, 1};
  care.contract_months = 48;
  care.contact_name = "Kari Nordmann";
  care.contact_email = "kari.nordmann@eksempel.kommune.no";
  care.status = PlanItemStatus::kInPreparation;
  care.decision_case_id = 7;
  care.is_public = true;
  PlanItem cleaning;
  cleaning.id = 2;
  cleaning.title = "Renhold av skoler";
  cleaning.cpv = "90910000-9";
  cleaning.publication_year = 2026;
  cleaning.publication_quarter = 4;
  cleaning.is_public = true;
  PlanItem advice;
  advice.id = 3;
  advice.title = "Intern IT-rådgivning";
  advice.publication_year = 2027;
  advice.publication_quarter = 1;
  plan.items = {care, cleaning, advice};
  plan.next_item_id = 4;
  return plan;
}

const Timestamp kMarch{1772366400};  // 2026-03-01T12:00:00Z
const Timestamp kJune{1780315200};   // 2026-06-01T12:00:00Z

TEST(PlanItemStatusTest, NamesAndLabels) {
  EXPECT_EQ(PlanItemStatusName(PlanItemStatus::kInPreparation), "in_preparation");
  EXPECT_EQ(PlanItemStatusLabelNb(PlanItemStatus::kPublished), "Kunngjort");
  EXPECT_EQ(PlanItemStatusLabelNb(PlanItemStatus::kWithdrawn), "Trukket");
  EXPECT_EQ(PlanItemStatusLabelEn(PlanItemStatus::kInPreparation), "In preparation");
  for (PlanItemStatus s : {PlanItemStatus::kPlanned, PlanItemStatus::kInPreparation,
                           PlanItemStatus::kPublished, PlanItemStatus::kWithdrawn}) {
    EXPECT_EQ(PlanItemStatusFromName(PlanItemStatusName(s)), s);
  }
  EXPECT_EQ(PlanItemStatusFromName("Planned"), std::nullopt);
}

TEST(ValidateProcurementPlanTest, AcceptsTheSample) {
  EXPECT_TRUE(ValidateProcurementPlan(SamplePlan()).ok());
}

TEST(ValidateProcurementPlanTest, RefusesEachRuleNamingTheField) {
  struct Case {
    std::function<void(ProcurementPlan&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](ProcurementPlan& p) { p.title = " "; }, "title"},
      {[](ProcurementPlan& p) { p.organisation.clear(); }, "organisation"},
      {[](ProcurementPlan& p) { p.items[1].title.clear(); }, "items[1].title"},
      {[](ProcurementPlan& p) { p.items[0].publication_quarter = 5; },
       "items[0].publication_quarter"},
      {[](ProcurementPlan& p) { p.items[0].publication_quarter = 0; },
       "items[0].publication_quarter"},
      {[](ProcurementPlan& p) { p.items[2].publication_year = 1989; }, "items[2].publication_year"},
      {[](ProcurementPlan& p) { p.items[2].publication_year = 2101; }, "items[2].publication_year"},
      {[](ProcurementPlan& p) { p.items[1].cpv.clear(); }, "items[1].cpv"},
      {[](ProcurementPlan& p) { p.items[0].contract_months = 601; }, "items[0].contract_months"},
      {[](ProcurementPlan& p) { p.items[0].contract_months = -1; }, "items[0].contract_months"},
      {[](ProcurementPlan& p) { p.items[0].estimated_value = -1; }, "items[0].estimated_value"},
      {[](ProcurementPlan& p) { p.items[0].estimated_value = 10'000'000'000'001; },
       "items[0].estimated_value"},
      {[](ProcurementPlan& p) { p.items[0].currency = "nok"; }, "items[0].currency"},
      {[](ProcurementPlan& p) { p.items[0].currency = "NOKK"; }, "items[0].currency"},
      {[](ProcurementPlan& p) { p.items[0].contact_email = "kari"; }, "items[0].contact_email"},
      {[](ProcurementPlan& p) { p.items[0].contact_email = "a@b@c"; }, "items[0].contact_email"},
      {[](ProcurementPlan& p) { p.items[2].id = 1; }, "items[2].id"},
      {[](ProcurementPlan& p) { p.items[2].id = 4; }, "items[2].id"},
      {[](ProcurementPlan& p) { p.items[0].tender_id = 0; }, "items[0].tender_id"},
  };
  for (const Case& c : cases) {
    ProcurementPlan plan = SamplePlan();
    c.change(plan);
    Status s = ValidateProcurementPlan(plan);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(s.field(), c.field) << s.ToString();
  }
  // The edges are allowed: a private item without CPV (item 3), a value of exactly 10^13, 600
  // months, the years 1990 and 2100.
  ProcurementPlan edges = SamplePlan();
  edges.items[0].estimated_value = 10'000'000'000'000;
  edges.items[0].contract_months = 600;
  edges.items[1].publication_year = 1990;
  edges.items[2].publication_year = 2100;
  EXPECT_TRUE(ValidateProcurementPlan(edges).ok());
}

TEST(ValidateProcurementPlanTest, NamesTheItemInTheMessage) {
  ProcurementPlan plan = SamplePlan();
  plan.items[1].cpv.clear();
  Status s = ValidateProcurementPlan(plan);
  EXPECT_NE(s.message().find("item 2"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("Renhold av skoler"), std::string::npos) << s.message();
}

TEST(ValidateProcurementPlanTest, RefusesMoreThanTheMaximumOfItems) {
  ProcurementPlan plan = SamplePlan();
  plan.items.clear();
  for (size_t i = 1; i <= kMaxPlanItems + 1; ++i) {
    PlanItem item;
    item.id = static_cast<int64_t>(i);
    item.title = "Konkurranse";
    item.publication_year = 2026;
    item.publication_quarter = 1;
    plan.items.push_back(item);
  }
  plan.next_item_id = static_cast<int64_t>(kMaxPlanItems) + 2;
  EXPECT_EQ(ValidateProcurementPlan(plan).field(), "items");
  plan.items.pop_back();
  EXPECT_TRUE(ValidateProcurementPlan(plan).ok());
}

TEST(AddPlanItemTest, GivesTheNextIdAndLeavesThePlanAloneOnAnError) {
  ProcurementPlan plan = SamplePlan();
  PlanItem item;
  item.id = 99;  // ignored: the plan numbers its items
  item.title = "Skoleskyss";
  item.publication_year = 2027;
  item.publication_quarter = 3;
  Result<int64_t> id = AddPlanItem(plan, item);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, 4);
  EXPECT_EQ(plan.next_item_id, 5);
  ASSERT_EQ(plan.items.size(), 4u);
  EXPECT_EQ(plan.items.back().id, 4);
  EXPECT_EQ(plan.items.back().title, "Skoleskyss");

  const ProcurementPlan before = plan;
  item.is_public = true;  // without a CPV code
  Result<int64_t> refused = AddPlanItem(plan, item);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "items[4].cpv");
  EXPECT_EQ(plan, before);
}

TEST(ReplacePlanItemTest, ReplacesByIdOrRefuses) {
  ProcurementPlan plan = SamplePlan();
  PlanItem changed = plan.items[1];
  changed.publication_quarter = 3;
  ASSERT_TRUE(ReplacePlanItem(plan, changed).ok());
  EXPECT_EQ(plan.items[1].publication_quarter, 3);

  const ProcurementPlan before = plan;
  changed.publication_quarter = 7;
  EXPECT_EQ(ReplacePlanItem(plan, changed).field(), "items[1].publication_quarter");
  EXPECT_EQ(plan, before);
  changed.id = 12;
  changed.publication_quarter = 1;
  EXPECT_EQ(ReplacePlanItem(plan, changed).code(), StatusCode::kNotFound);
  EXPECT_EQ(plan, before);
}

TEST(RemovePlanItemTest, RemovesOnlyWhatWasNeverPublished) {
  ProcurementPlan plan = SamplePlan();
  const ProcurementPlan before = plan;
  Status s = RemovePlanItem(plan, 1, /*ever_published=*/true);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("withdraw"), std::string::npos) << s.message();
  EXPECT_EQ(plan, before);
  EXPECT_EQ(RemovePlanItem(plan, 9, false).code(), StatusCode::kNotFound);

  ASSERT_TRUE(RemovePlanItem(plan, 3, false).ok());
  ASSERT_EQ(plan.items.size(), 2u);
  EXPECT_EQ(plan.items[1].id, 2);
  // Ids are never reused: the next item is 4, not 3.
  PlanItem item;
  item.title = "Skoleskyss";
  item.publication_year = 2027;
  item.publication_quarter = 3;
  EXPECT_EQ(*AddPlanItem(plan, item), 4);
}

TEST(PublishPlanTest, FirstVersionHoldsThePublicItemsAllAdded) {
  Result<PublishedPlan> v1 = PublishPlan(SamplePlan(), nullptr, kMarch, "Kari", "Første plan");
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1->number, 1);
  EXPECT_EQ(v1->published_at, kMarch);
  EXPECT_EQ(v1->published_by, "Kari");
  EXPECT_EQ(v1->change_note, "Første plan");
  EXPECT_EQ(v1->title, "Udbudsplan 2026–2027");
  EXPECT_EQ(v1->organisation, "Eksempel kommune");
  // Item 3 is not public: neither among the items nor among the changes.
  ASSERT_EQ(v1->items.size(), 2u);
  EXPECT_EQ(v1->items[0], SamplePlan().items[0]);
  EXPECT_EQ(v1->items[1], SamplePlan().items[1]);
  const std::vector<ItemChange> expected = {
      {1, "Drift av bofellesskap i BoA", ItemChange::Kind::kAdded, {}},
      {2, "Renhold av skoler", ItemChange::Kind::kAdded, {}}};
  EXPECT_EQ(v1->changes, expected);
}

TEST(PublishPlanTest, SecondVersionSaysWhatChanged) {
  ProcurementPlan plan = SamplePlan();
  Result<PublishedPlan> v1 = PublishPlan(plan, nullptr, kMarch, "Kari", "");
  ASSERT_TRUE(v1.ok());

  // The care contract moves a quarter, grows and is published as tender 41; the cleaning item
  // is made private (it leaves the public plan); a new item comes; the private item changes.
  plan.items[0].publication_quarter = 3;
  plan.items[0].estimated_value = 52'000'000;
  plan.items[0].status = PlanItemStatus::kPublished;
  plan.items[0].tender_id = 41;
  plan.items[1].is_public = false;
  plan.items[2].estimated_value = 900'000;
  PlanItem transport;
  transport.title = "Skoleskyss";
  transport.cpv = "60130000-8";
  transport.publication_year = 2027;
  transport.publication_quarter = 1;
  transport.is_public = true;
  ASSERT_EQ(*AddPlanItem(plan, transport), 4);

  Result<PublishedPlan> v2 = PublishPlan(plan, &*v1, kJune, "Ola", "Ny tidsplan");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->number, 2);
  ASSERT_EQ(v2->items.size(), 2u);
  EXPECT_EQ(v2->items[0].id, 1);
  EXPECT_EQ(v2->items[1].id, 4);
  // Added, removed, then changed; the fields in PlanItem's order, printed as the JSON does.
  const std::vector<ItemChange> expected = {
      {4, "Skoleskyss", ItemChange::Kind::kAdded, {}},
      {2, "Renhold av skoler", ItemChange::Kind::kRemoved, {}},
      {1,
       "Drift av bofellesskap i BoA",
       ItemChange::Kind::kChanged,
       {{"estimated_value", "48000000", "52000000"},
        {"publication_quarter", "2", "3"},
        {"status", "in_preparation", "published"},
        {"tender_id", "", "41"}}}};
  EXPECT_EQ(v2->changes, expected);
}

TEST(DiffPlansTest, DatesAndOtherFieldsPrintAsTheJson) {
  Result<PublishedPlan> v1 = PublishPlan(SamplePlan(), nullptr, kMarch, "Kari", "");
  ASSERT_TRUE(v1.ok());
  std::vector<PlanItem> after = v1->items;
  after[0].contract_start = Date{2027, 1, 1};
  after[0].publication_year = 2027;
  after[0].estimated_value.reset();
  after[1].status = PlanItemStatus::kWithdrawn;
  const std::vector<ItemChange> expected = {
      {1,
       "Drift av bofellesskap i BoA",
       ItemChange::Kind::kChanged,
       {{"estimated_value", "48000000", ""},
        {"publication_year", "2026", "2027"},
        {"contract_start", "2026-09-01", "2027-01-01"}}},
      {2, "Renhold av skoler", ItemChange::Kind::kChanged, {{"status", "planned", "withdrawn"}}}};
  EXPECT_EQ(DiffPlans(&*v1, after), expected);
  EXPECT_TRUE(DiffPlans(&*v1, v1->items).empty());
}

TEST(DiffPlansTest, NeverShowsAPrivateItem) {
  ProcurementPlan plan = SamplePlan();
  // Item 3 is private: passed in directly it is still left out.
  const std::vector<ItemChange> first = DiffPlans(nullptr, plan.items);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].item_id, 1);
  EXPECT_EQ(first[1].item_id, 2);
}

TEST(PublishPlanTest, RefusesAnUnchangedPlan) {
  ProcurementPlan plan = SamplePlan();
  Result<PublishedPlan> v1 = PublishPlan(plan, nullptr, kMarch, "Kari", "");
  ASSERT_TRUE(v1.ok());
  Result<PublishedPlan> again = PublishPlan(plan, &*v1, kJune, "Kari", "");
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(again.status().message().find("version 1"), std::string::npos);
  // A change to a private item is no public change.
  plan.items[2].publication_quarter = 2;
  EXPECT_EQ(PublishPlan(plan, &*v1, kJune, "Kari", "").status().code(),
            StatusCode::kFailedPrecondition);
  // A new title is: version 2, with no item changes.
  plan.title = "Udbudsplan 2026–2028";
  Result<PublishedPlan> v2 = PublishPlan(plan, &*v1, kJune, "Kari", "Ny periode");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->number, 2);
  EXPECT_TRUE(v2->changes.empty());
}

TEST(PublishPlanTest, RefusesAPlanWithoutPublicItemsOrInvalid) {
  ProcurementPlan plan = SamplePlan();
  for (PlanItem& item : plan.items) item.is_public = false;
  Result<PublishedPlan> none = PublishPlan(plan, nullptr, kMarch, "Kari", "");
  EXPECT_EQ(none.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(none.status().message().find("no public item"), std::string::npos);

  plan = SamplePlan();
  plan.items[0].publication_quarter = 0;
  EXPECT_EQ(PublishPlan(plan, nullptr, kMarch, "Kari", "").status().field(),
            "items[0].publication_quarter");
}

// A linked item follows its tender: in preparation while the tender is a draft, published after;
// an unlinked or withdrawn item keeps its status.
TEST(FollowTenderTest, TheStatusFollowsTheLinkedTender) {
  PlanItem item;
  item.status = PlanItemStatus::kPlanned;
  FollowTender(item, false);
  EXPECT_EQ(item.status, PlanItemStatus::kPlanned);  // no tender linked
  item.tender_id = 7;
  FollowTender(item, true);
  EXPECT_EQ(item.status, PlanItemStatus::kInPreparation);
  FollowTender(item, false);
  EXPECT_EQ(item.status, PlanItemStatus::kPublished);
  item.status = PlanItemStatus::kWithdrawn;
  FollowTender(item, false);
  EXPECT_EQ(item.status, PlanItemStatus::kWithdrawn);
}

}  // namespace
}  // namespace samspill::strategy
