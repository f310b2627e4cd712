#include "evaluation/report_json.h"

#include <gtest/gtest.h>

#include "evaluation/bid_table_json.h"
#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

using nlohmann::json;

json EvaluateTestdata(const std::string& name) {
  Result<json> r = EvaluateBidTableJson(testing::ReadTestdata(name));
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : json();
}

TEST(ReportJson, RankReversalReportShape) {
  json r = EvaluateTestdata("rank_reversal_3_bids.json");
  EXPECT_EQ(r["price_model"], "proportional");
  EXPECT_EQ(r["weighting"], "weights");
  EXPECT_EQ(r["normalisation"], "none");
  EXPECT_EQ(r["tie_break"], "shared");
  EXPECT_EQ(r["currency"], "NOK");
  EXPECT_EQ(r["total_meaning"], "weighted_score_higher_is_better");
  EXPECT_EQ(r["winner"], "B");
  EXPECT_EQ(r["tied_for_first"], json::array());
  EXPECT_EQ(r["runner_up"], "A");

  ASSERT_EQ(r["criteria"].size(), 2u);
  EXPECT_EQ(r["criteria"][0]["weight"], 50.0);
  EXPECT_EQ(r["criteria"][0]["normalised_weight"], 0.5);

  const json& ranking = r["ranking"];
  ASSERT_EQ(ranking.size(), 3u);
  EXPECT_EQ(ranking[0]["id"], "B");
  EXPECT_EQ(ranking[1]["id"], "A");
  EXPECT_EQ(ranking[2]["id"], "C");
  EXPECT_EQ(ranking[0]["rank"], 1);
  EXPECT_EQ(ranking[0]["price"], 130);
  EXPECT_NEAR(ranking[0]["total"].get<double>(), 5.923, 5e-4);
  EXPECT_NEAR(ranking[0]["scores"]["price"].get<double>(), 3.846, 5e-4);
  EXPECT_EQ(ranking[0]["scores"]["kvalitet"], 8.0);
  EXPECT_NEAR(ranking[0]["contributions"]["kvalitet"].get<double>(), 4.0, 1e-12);
  EXPECT_FALSE(ranking[0].contains("raw_scores"));

  const json& withdrawal = r["sensitivity"]["withdrawal"];
  ASSERT_EQ(withdrawal.size(), 3u);
  const json& without_c = withdrawal[2];
  EXPECT_EQ(without_c["withdrawn"], "C");
  EXPECT_EQ(without_c["winner"], "A");
  EXPECT_EQ(without_c["winner_changed"], true);
  EXPECT_EQ(without_c["rank_reversals"], json::parse(R"([{"was_ahead": "B", "now_ahead": "A"}])"));

  const json& stability = r["sensitivity"]["weight_stability"];
  EXPECT_EQ(stability[0]["criterion"], "price");
  EXPECT_EQ(stability[0]["challenger_above"], "C");
  EXPECT_EQ(stability[0]["challenger_below"], nullptr);
  EXPECT_NEAR(stability[0]["max"].get<double>(), 13.0 / 23.0, 1e-12);

  const json& separation = r["sensitivity"]["criterion_separation"];
  EXPECT_EQ(separation[1]["criterion"], "kvalitet");
  EXPECT_EQ(separation[1]["decisive"], true);
  EXPECT_EQ(separation[1]["winner_without"], "C");

  EXPECT_EQ(r["abnormally_low"]["applies"], true);
  EXPECT_EQ(r["abnormally_low"]["checks"][0]["bid"], "B");
  EXPECT_EQ(r["abnormally_low"]["flagged"], false);
}

TEST(ReportJson, DumpsAndIsDeterministic) {
  json a = EvaluateTestdata("cleaning_tender_seed004.json");
  json b = EvaluateTestdata("cleaning_tender_seed004.json");
  EXPECT_EQ(a.dump(), b.dump());
  EXPECT_EQ(a["sensitivity"]["criterion_separation"][2]["separated"], "little");
  EXPECT_EQ(a["sensitivity"]["criterion_separation"][2]["decisive"], false);
  EXPECT_EQ(a["ranking"][0]["name"], "Renhold Midt AS");
  EXPECT_FALSE(a["ranking"][0]["justifications"]["kvalitet"].get<std::string>().empty());
}

TEST(ReportJson, QualityPricingReportsEvaluatedPrices) {
  json r = EvaluateTestdata("quality_pricing.json");
  EXPECT_EQ(r["total_meaning"], "evaluated_price_lower_is_better");
  EXPECT_EQ(r["weighting"], "value_per_point");
  EXPECT_EQ(r["winner"], "A");
  EXPECT_EQ(r["ranking"][0]["total"], 700000.0);
  EXPECT_EQ(r["ranking"][1]["total"], 740000.0);
  EXPECT_EQ(r["ranking"][2]["total"], 820000.0);
  EXPECT_FALSE(r["ranking"][0]["scores"].contains("pris"));
  EXPECT_EQ(r["ranking"][0]["contributions"]["pris"], 950000.0);
  EXPECT_EQ(r["ranking"][0]["contributions"]["kvalitet"], -180000.0);
  EXPECT_EQ(r["criteria"][1]["value_per_point"], 20000);
  const json& stability = r["sensitivity"]["weight_stability"];
  EXPECT_EQ(stability[0]["status"], "not_applicable");
  EXPECT_EQ(stability[0]["value_per_point"], nullptr);
  EXPECT_NEAR(stability[1]["min"].get<double>(), 10000.0, 1e-6);
  EXPECT_NEAR(stability[1]["max"].get<double>(), 140000.0, 1e-6);
  EXPECT_EQ(r["margin"], 40000.0);
}

TEST(ReportJson, NormalisationIsStatedAndRawScoresShown) {
  json doc = json::parse(testing::ReadTestdata("rank_reversal_3_bids.json"));
  doc["normalisation"] = "best_gets_max";
  Result<json> r = EvaluateBidTableJson(doc.dump());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["normalisation"], "best_gets_max");
  const json& a = (*r)["ranking"][1];
  EXPECT_EQ(a["id"], "A");
  EXPECT_EQ(a["raw_scores"]["kvalitet"], 6.0);
  EXPECT_EQ(a["scores"]["kvalitet"], 7.5);  // 10·6/8
}

TEST(ReportJson, TiesAreReportedWithoutAWinner) {
  json doc = json::parse(testing::ReadTestdata("rank_reversal_2_bids.json"));
  doc["bids"][1]["price"] = 100;
  doc["bids"][1]["scores"]["kvalitet"] = 6;
  Result<json> r = EvaluateBidTableJson(doc.dump());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["winner"], nullptr);
  EXPECT_EQ((*r)["tied_for_first"], json::parse(R"(["A", "B"])"));
  EXPECT_EQ((*r)["ranking"][1]["rank"], 1);
  EXPECT_EQ((*r)["sensitivity"]["weight_stability"][0]["status"], "no_unique_winner");
  EXPECT_EQ((*r)["sensitivity"]["rank_acceptability"]["winner_stays_winner"], nullptr);
}

}  // namespace
}  // namespace samspill::evaluation
