#include "market/ocds/release_merger.h"

#include <gtest/gtest.h>

namespace samspill::market {
namespace {

using nlohmann::json;

// The example in the documentation of ocdsmerge, OCDS's reference implementation of merging:
// two tender releases, the later one changes the procurement method.
TEST(ReleaseMerger, ReferenceImplementationExample) {
  std::vector<json> releases = {
      json::parse(R"({"ocid": "ocds-213czf-A", "id": "1", "date": "2014-01-01",
                      "tag": ["tender"], "initiationType": "tender",
                      "tender": {"id": "A", "procurementMethod": "selective"}})"),
      json::parse(R"({"ocid": "ocds-213czf-A", "id": "2", "date": "2014-01-02",
                      "tag": ["tender"], "initiationType": "tender",
                      "tender": {"id": "A", "procurementMethod": "open"}})")};
  json expected = json::parse(R"({"ocid": "ocds-213czf-A", "id": "ocds-213czf-A-2014-01-02",
                                  "date": "2014-01-02", "tag": ["compiled"],
                                  "initiationType": "tender",
                                  "tender": {"id": "A", "procurementMethod": "open"}})");
  EXPECT_EQ(CompileReleases(releases), expected);
}

TEST(ReleaseMerger, LaterDateWinsWhateverTheInputOrder) {
  std::vector<json> releases = {
      json::parse(R"({"ocid": "X", "id": "2", "date": "2020-02-01", "tender": {"title": "B"}})"),
      json::parse(R"({"ocid": "X", "id": "1", "date": "2020-01-01", "tender": {"title": "A",
                      "status": "active"}})")};
  json compiled = CompileReleases(releases);
  EXPECT_EQ(compiled["tender"]["title"], "B");
  EXPECT_EQ(compiled["tender"]["status"], "active");  // kept from the earlier release
  EXPECT_EQ(compiled["date"], "2020-02-01");
}

TEST(ReleaseMerger, EqualDatesKeepInputOrder) {
  std::vector<json> releases = {
      json::parse(R"({"ocid": "X", "date": "2020-01-01", "tender": {"title": "first"}})"),
      json::parse(R"({"ocid": "X", "date": "2020-01-01", "tender": {"title": "second"}})")};
  EXPECT_EQ(CompileReleases(releases)["tender"]["title"], "second");
}

TEST(ReleaseMerger, NullRemovesAField) {
  std::vector<json> releases = {
      json::parse(R"({"ocid": "X", "date": "1", "tender": {"title": "A", "value":
                      {"amount": 5, "currency": "NOK"}}})"),
      json::parse(R"({"ocid": "X", "date": "2", "tender": {"value": null}})")};
  json compiled = CompileReleases(releases);
  EXPECT_FALSE(compiled["tender"].contains("value"));
  EXPECT_EQ(compiled["tender"]["title"], "A");
}

// Worked example: awards merged by id; a supplier list (objects with ids) merged inside; a
// list of strings (tag-like) replaced; objects without ids replaced whole.
TEST(ReleaseMerger, ArraysOfIdentifiedObjectsMergeByIdOthersAreReplaced) {
  json target = json::parse(R"({
    "awards": [{"id": "1", "status": "pending", "value": {"amount": 100}},
               {"id": "2", "status": "active"}],
    "tender": {"submissionMethod": ["electronicSubmission", "written"],
               "milestones": [{"title": "no id"}]}})");
  json patch = json::parse(R"({
    "awards": [{"id": 1, "status": "active"}, {"id": "3", "status": "active", "x": null}],
    "tender": {"submissionMethod": ["inPerson"], "milestones": [{"title": "other"}]}})");
  MergeInto(target, patch);
  json expected = json::parse(R"({
    "awards": [{"id": 1, "status": "active", "value": {"amount": 100}},
               {"id": "2", "status": "active"},
               {"id": "3", "status": "active"}],
    "tender": {"submissionMethod": ["inPerson"], "milestones": [{"title": "other"}]}})");
  // Award 1 matched although one release wrote its id as a number; the later id value stays.
  EXPECT_EQ(target, expected);
}

TEST(ReleaseMerger, ChangedTypeIsReplaced) {
  json target = json::parse(R"({"tender": {"items": "broken"}})");
  MergeInto(target, json::parse(R"({"tender": {"items": [{"id": "1", "quantity": 2}]}})"));
  EXPECT_EQ(target["tender"]["items"], json::parse(R"([{"id": "1", "quantity": 2}])"));
  MergeInto(target, json::parse(R"({"tender": {"items": [{"id": "1", "quantity": 3}]}})"));
  EXPECT_EQ(target["tender"]["items"][0]["quantity"], 3);
}

}  // namespace
}  // namespace samspill::market
