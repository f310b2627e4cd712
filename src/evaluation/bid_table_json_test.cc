#include "evaluation/bid_table_json.h"

#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "common/strict_json.h"
#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

using nlohmann::json;

// The three-bid worked example as a document that tests then break one field of.
json ValidDocument() {
  return json::parse(R"({
    "price_model": "proportional",
    "criteria": [{"id": "price", "kind": "price", "weight": 50},
                 {"id": "kvalitet", "kind": "quality", "weight": 50}],
    "bids": [{"id": "A", "price": 100, "scores": {"kvalitet": 6}},
             {"id": "B", "price": 130, "scores": {"kvalitet": 8}},
             {"id": "C", "price": 50, "scores": {"kvalitet": 0}}],
    "sensitivity": {"draws": 200}
  })");
}

void ExpectInvalidText(std::string_view text, const std::string& field) {
  Result<json> r = EvaluateBidTableJson(text);
  ASSERT_FALSE(r.ok()) << text;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << r.status().ToString();
  EXPECT_EQ(r.status().field(), field) << r.status().ToString();
  EXPECT_FALSE(r.status().message().empty());
}

void ExpectInvalid(const json& doc, const std::string& field) {
  ExpectInvalidText(doc.dump(), field);
}

TEST(BidTableJson, ValidDocumentEvaluates) {
  Result<json> r = EvaluateBidTableJson(ValidDocument().dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["winner"], "B");
}

TEST(BidTableJson, MalformedJsonAndWrongRoot) {
  ExpectInvalidText("{\"price_model\": ", "");
  ExpectInvalidText("", "");
  ExpectInvalidText("[1, 2, 3]", "");
  ExpectInvalidText("\"text\"", "");
  ExpectInvalidText("{\"price_model\": \"linear\"} trailing", "");
  ExpectInvalidText(std::string(1000, '['), "");   // nested too deep
  ExpectInvalidText("{\"a\": \"\xff\xfe\"}", "");  // not UTF-8
}

TEST(BidTableJson, PriceModelIsRequiredAndNamed) {
  json doc = ValidDocument();
  doc.erase("price_model");
  ExpectInvalid(doc, "price_model");
  doc["price_model"] = "cheapest";
  ExpectInvalid(doc, "price_model");
  doc["price_model"] = 3;
  ExpectInvalid(doc, "price_model");
}

TEST(BidTableJson, BadPricesNameTheBid) {
  for (json price : {json(0), json(-100), json(0.0), json("100"), json(nullptr), json(100.005),
                     json(1e300), json(true)}) {
    json doc = ValidDocument();
    doc["bids"][2]["price"] = price;
    ExpectInvalid(doc, "bids[2].price");
  }
  json doc = ValidDocument();
  doc["bids"][2].erase("price");
  ExpectInvalid(doc, "bids[2].price");
}

TEST(BidTableJson, PricesWithTwoDecimalsAreExact) {
  json doc = ValidDocument();
  doc["bids"][0]["price"] = 99.95;
  doc["bids"][1]["price"] = 12345678901234;  // above 2^53 øre, still exact
  Result<ParsedBidTable> parsed = ParseBidTableJson(doc.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->table.bids[0].price_minor, 9995);
  EXPECT_EQ(parsed->table.bids[1].price_minor, 1234567890123400);
}

TEST(BidTableJson, NumbersOutsideDoubleRangeAreRejected) {
  // JSON has no NaN or infinity; a literal such as 1e999 is refused while parsing.
  std::string text = ValidDocument().dump();
  text.replace(text.find("\"weight\":50"), 11, "\"weight\":1e999");
  Result<json> r = EvaluateBidTableJson(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("too large"), std::string::npos) << r.status().message();
  ExpectInvalidText("{\"price_model\": NaN}", "");
}

TEST(BidTableJson, BadWeightsNameTheCriterion) {
  for (json weight : {json(0), json(-10), json("50"), json(nullptr), json(1e10)}) {
    json doc = ValidDocument();
    doc["criteria"][1]["weight"] = weight;
    ExpectInvalid(doc, "criteria[1].weight");
  }
  json doc = ValidDocument();
  doc["criteria"][1].erase("weight");
  ExpectInvalid(doc, "criteria[1].weight");
}

TEST(BidTableJson, ScoreErrorsNameTheBidAndCriterion) {
  json doc = ValidDocument();
  doc["bids"][0]["scores"]["kvalitet"] = 11;
  ExpectInvalid(doc, "bids[0].scores.kvalitet");
  doc["bids"][0]["scores"]["kvalitet"] = -0.5;
  ExpectInvalid(doc, "bids[0].scores.kvalitet");
  doc["bids"][0]["scores"]["kvalitet"] = "7";
  ExpectInvalid(doc, "bids[0].scores.kvalitet");
  doc = ValidDocument();
  doc["bids"][1]["scores"].erase("kvalitet");
  ExpectInvalid(doc, "bids[1].scores.kvalitet");  // missing
  doc = ValidDocument();
  doc["bids"][1]["scores"]["service"] = 5;
  ExpectInvalid(doc, "bids[1].scores.service");  // unknown criterion id
  doc = ValidDocument();
  doc["bids"][1]["scores"]["price"] = 5;
  ExpectInvalid(doc, "bids[1].scores.price");  // price is scored from the price
  doc = ValidDocument();
  doc["bids"][1]["scores"]["kvalitet"] = {{"justification", "good"}};
  ExpectInvalid(doc, "bids[1].scores.kvalitet.score");
  doc = ValidDocument();
  doc["bids"][1].erase("scores");
  ExpectInvalid(doc, "bids[1].scores");
}

TEST(BidTableJson, ScoreWithJustificationIsKept) {
  json doc = ValidDocument();
  doc["bids"][1]["scores"]["kvalitet"] = {{"score", 8}, {"justification", "Solid plan"}};
  Result<json> r = EvaluateBidTableJson(doc.dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const json& b = (*r)["ranking"][0];
  EXPECT_EQ(b["id"], "B");
  EXPECT_EQ(b["justifications"]["kvalitet"], "Solid plan");
  EXPECT_EQ(b["scores"]["kvalitet"], 8.0);
}

TEST(BidTableJson, DuplicateIdsAreErrors) {
  json doc = ValidDocument();
  doc["bids"][2]["id"] = "A";
  ExpectInvalid(doc, "bids[2].id");
  doc = ValidDocument();
  doc["criteria"][1]["id"] = "price";
  ExpectInvalid(doc, "criteria[1].id");
  doc = ValidDocument();
  doc["bids"][2]["id"] = "";
  ExpectInvalid(doc, "bids[2].id");
}

TEST(BidTableJson, PriceCriterionCount) {
  json doc = ValidDocument();
  doc["criteria"][0]["kind"] = "quality";
  for (json& bid : doc["bids"]) bid["scores"]["price"] = 5;
  ExpectInvalid(doc, "criteria");
  doc = ValidDocument();
  doc["criteria"][1]["kind"] = "price";
  for (json& bid : doc["bids"]) bid["scores"].erase("kvalitet");
  ExpectInvalid(doc, "criteria[1].kind");
  doc = ValidDocument();
  doc["criteria"][1]["kind"] = "beauty";
  ExpectInvalid(doc, "criteria[1].kind");
}

TEST(BidTableJson, WeightAndPriorityMustNotBeMixed) {
  json doc = ValidDocument();
  doc["criteria"][1].erase("weight");
  doc["criteria"][1]["priority"] = 1;
  ExpectInvalid(doc, "criteria[1].priority");
  doc = ValidDocument();
  doc["criteria"][0]["priority"] = 1;
  ExpectInvalid(doc, "criteria[0].priority");  // both on one criterion
  doc = ValidDocument();
  doc["criteria"][0].erase("weight");
  doc["criteria"][0]["priority"] = 1;
  ExpectInvalid(doc, "criteria[1].weight");
}

TEST(BidTableJson, PriorityOrderGivesRocWeights) {
  json doc = json::parse(testing::ReadTestdata("priority_order.json"));
  Result<json> r = EvaluateBidTableJson(doc.dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)["weighting"], "priority_rank_order_centroid");
  EXPECT_NEAR((*r)["criteria"][0]["normalised_weight"].get<double>(), 11.0 / 18.0, 1e-15);
  EXPECT_NEAR((*r)["criteria"][1]["normalised_weight"].get<double>(), 5.0 / 18.0, 1e-15);
  EXPECT_NEAR((*r)["criteria"][2]["normalised_weight"].get<double>(), 2.0 / 18.0, 1e-15);
  EXPECT_EQ((*r)["winner"], "A");
  // C costs more than twice the lowest: a negative linear price score.
  EXPECT_DOUBLE_EQ((*r)["ranking"][2]["scores"]["pris"].get<double>(), -2.5);

  doc["criteria"][2]["priority"] = 2;
  ExpectInvalid(doc, "criteria[2].priority");  // used twice
  doc["criteria"][2]["priority"] = 4;
  ExpectInvalid(doc, "criteria[2].priority");  // out of 1..n
}

TEST(BidTableJson, NeedsAtLeastOneBidAndCriterion) {
  json doc = ValidDocument();
  doc["bids"] = json::array();
  ExpectInvalid(doc, "bids");
  doc = ValidDocument();
  doc["criteria"] = json::array();
  ExpectInvalid(doc, "criteria");
  doc = ValidDocument();
  doc.erase("bids");
  ExpectInvalid(doc, "bids");
  doc = ValidDocument();
  doc["bids"] = json::object();
  ExpectInvalid(doc, "bids");
}

TEST(BidTableJson, OptionsAreValidated) {
  json doc = ValidDocument();
  doc["currency"] = "kr";
  ExpectInvalid(doc, "currency");
  doc = ValidDocument();
  doc["normalisation"] = "yes";
  ExpectInvalid(doc, "normalisation");
  doc = ValidDocument();
  doc["tie_break"] = "coin";
  ExpectInvalid(doc, "tie_break");
  doc = ValidDocument();
  doc["sensitivity"]["draws"] = 1'000'001;
  ExpectInvalid(doc, "sensitivity.draws");
  doc["sensitivity"]["draws"] = -1;
  ExpectInvalid(doc, "sensitivity.draws");
  doc["sensitivity"]["draws"] = 10.5;
  ExpectInvalid(doc, "sensitivity.draws");
  doc = ValidDocument();
  doc["sensitivity"]["perturbation_points"] = 101;
  ExpectInvalid(doc, "sensitivity.perturbation_points");
  doc = ValidDocument();
  doc["sensitivity"]["seed"] = -3;
  ExpectInvalid(doc, "sensitivity.seed");
  doc = ValidDocument();
  doc["sensitivity"]["iterations"] = 5;
  ExpectInvalid(doc, "sensitivity.iterations");
}

TEST(BidTableJson, UnknownFieldsAreErrorsSoTyposCannotChangeTheModel) {
  json doc = ValidDocument();
  doc["normalization"] = "best_gets_max";
  Result<json> r = EvaluateBidTableJson(doc.dump());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "normalization");
  EXPECT_NE(r.status().message().find("normalisation"), std::string::npos);
  doc = ValidDocument();
  doc["bids"][0]["prise"] = 5;
  ExpectInvalid(doc, "bids[0].prise");
  doc = ValidDocument();
  doc["criteria"][0]["wieght"] = 5;
  ExpectInvalid(doc, "criteria[0].wieght");
}

TEST(BidTableJson, QualityPricingFields) {
  json doc = json::parse(testing::ReadTestdata("quality_pricing.json"));
  Result<ParsedBidTable> parsed = ParseBidTableJson(doc.dump());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->table.weighting, Weighting::kValuePerPoint);
  EXPECT_EQ(parsed->table.criteria[1].value_per_point_minor, 2'000'000);

  json bad = doc;
  bad["criteria"][1]["weight"] = 30;
  ExpectInvalid(bad, "criteria[1].weight");
  bad = doc;
  bad["criteria"][1].erase("value_per_point");
  ExpectInvalid(bad, "criteria[1].value_per_point");
  bad = doc;
  bad["criteria"][1]["value_per_point"] = 0;
  ExpectInvalid(bad, "criteria[1].value_per_point");
  bad = doc;
  bad["criteria"][0]["value_per_point"] = 5;
  ExpectInvalid(bad, "criteria[0].value_per_point");
  bad = ValidDocument();
  bad["criteria"][1]["value_per_point"] = 5;
  ExpectInvalid(bad, "criteria[1].value_per_point");
}

TEST(BidTableJson, DefaultsAndLimitsComeFromTheCaller) {
  EvaluationOptions defaults;
  defaults.sensitivity.rank_acceptability.draws = 16;
  defaults.limits.max_draws = 100;
  defaults.limits.max_bids = 2;
  json doc = ValidDocument();
  doc.erase("sensitivity");
  Result<json> r = EvaluateBidTableJson(doc.dump(), defaults);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "bids");
  defaults.limits.max_bids = 10;
  r = EvaluateBidTableJson(doc.dump(), defaults);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["sensitivity"]["rank_acceptability"]["draws"], 16);
  doc["sensitivity"]["draws"] = 101;
  r = EvaluateBidTableJson(doc.dump(), defaults);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "sensitivity.draws");
}

TEST(BidTableJson, TestdataFilesEvaluate) {
  for (const char* name :
       {"rank_reversal_2_bids.json", "rank_reversal_3_bids.json", "cleaning_tender_seed004.json",
        "quality_pricing.json", "priority_order.json"}) {
    std::string text = testing::ReadTestdata(name);
    ASSERT_FALSE(text.empty()) << name;
    Result<json> r = EvaluateBidTableJson(text);
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();
    for (const json& bid : (*r)["sensitivity"]["rank_acceptability"]["bids"]) {
      double sum = 0.0;
      for (const json& p : bid["rank_probabilities"]) sum += p.get<double>();
      EXPECT_NEAR(sum, 1.0, 1e-9) << name;
    }
  }
}

TEST(BidTableJson, GarbageNeverThrows) {
  for (const std::string& text : std::vector<std::string>{
           "null", "{}", "{\"bids\": 5}", "{\"criteria\": [1]}",
           "{\"price_model\": \"linear\", \"criteria\": [{}]}",
           "{\"price_model\": \"linear\", \"criteria\": [{\"id\": 1}]}",
           std::string("{\"price_model\":\0\"x\"}", 20), "\xef\xbb\xbf{}",
           "{\"price_model\": \"linear\", \"sensitivity\": [], \"bids\": []}"}) {
    Result<json> r = EvaluateBidTableJson(text);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << text;
  }
}

TEST(BidTableJson, DocumentErrorsNameTheDocumentAndOnlyTheBytePosition) {
  Result<json> truncated = ParseStrictJson(
      "{\"title\": ", "tender draft", {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1 << 20});
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(truncated.status().message(), "tender draft is not valid JSON (error at byte 11)");
  EXPECT_EQ(truncated.status().field(), "");

  Result<json> big = ParseStrictJson(std::string(2 << 20, ' '), "tender draft",
                                     {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1 << 20});
  EXPECT_EQ(big.status().message(), "tender draft is larger than 1 MiB");
  EXPECT_EQ(ParseStrictJson("[1, 2]", "x", {.max_depth = kMaxJsonNestingDepth, .max_bytes = 5})
                .status()
                .message(),
            "x is larger than 5 bytes");

  EXPECT_FALSE(ParseStrictJson(std::string(33, '[') + std::string(33, ']'), "x",
                               {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                   .ok());
  EXPECT_TRUE(ParseStrictJson(std::string(32, '[') + std::string(32, ']'), "x",
                              {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                  .ok());
  // Brackets inside strings do not count.
  EXPECT_TRUE(ParseStrictJson("{\"a\": \"" + std::string(100, '[') + "\"}", "x",
                              {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                  .ok());
  EXPECT_EQ(ParseStrictJson("[1e999]", "x", {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                .status()
                .message(),
            "x contains a number too large to represent");
}

TEST(CriteriaJson, ParsesTheCriteriaOfTheDocumentAlone) {
  const json criteria = ValidDocument()["criteria"];
  Result<ParsedCriteria> parsed = ParseCriteriaJson(criteria, PriceModel::kProportional);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->weighting, Weighting::kWeights);
  ASSERT_EQ(parsed->criteria.size(), 2u);
  EXPECT_EQ(parsed->criteria[1].id, "kvalitet");
  EXPECT_EQ(parsed->criteria[1].kind, CriterionKind::kQuality);
  EXPECT_EQ(parsed->criteria[1].weight, 50);

  Result<ParsedCriteria> by_priority =
      ParseCriteriaJson(json::parse(R"([{"id": "pris", "kind": "price", "priority": 2},
                      {"id": "kvalitet", "kind": "quality", "priority": 1}])"),
                        PriceModel::kLinear);
  ASSERT_TRUE(by_priority.ok()) << by_priority.status().ToString();
  EXPECT_EQ(by_priority->weighting, Weighting::kPriorityRankOrderCentroid);
  EXPECT_EQ(by_priority->criteria[0].priority, 2);

  Result<ParsedCriteria> per_point = ParseCriteriaJson(
      json::parse(R"([{"id": "kvalitet", "kind": "quality", "value_per_point": 2500.5}])"),
      PriceModel::kQualityPricing);
  ASSERT_TRUE(per_point.ok()) << per_point.status().ToString();
  EXPECT_EQ(per_point->weighting, Weighting::kValuePerPoint);
  EXPECT_EQ(per_point->criteria[0].value_per_point_minor, 250050);
}

TEST(CriteriaJson, ErrorsNameTheCriterionFieldAndTheLimitHolds) {
  json criteria = ValidDocument()["criteria"];
  criteria[1]["weight"] = -5;
  EXPECT_EQ(ParseCriteriaJson(criteria, PriceModel::kProportional).status().field(),
            "criteria[1].weight");
  criteria[1]["weight"] = 50;
  criteria[1]["colour"] = "blue";
  EXPECT_EQ(ParseCriteriaJson(criteria, PriceModel::kProportional).status().field(),
            "criteria[1].colour");
  criteria[1].erase("colour");
  EvaluationLimits one;
  one.max_criteria = 1;
  EXPECT_EQ(ParseCriteriaJson(criteria, PriceModel::kProportional, one).status().field(),
            "criteria");
  EXPECT_EQ(ParseCriteriaJson(json::array(), PriceModel::kProportional).status().field(),
            "criteria");
}

}  // namespace
}  // namespace samspill::evaluation
