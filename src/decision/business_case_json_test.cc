#include "decision/business_case_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace samspill::decision {
namespace {

std::string Example() {
  std::ifstream in(SAMSPILL_SOURCE_DIR "/src/decision/testdata/kns_bomlo.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Bømlo's column of the KNS table (seed 003) as a document: 17,0 MNOK, 2,1 % of the operating
// costs, turnover a cost; the same seed gives the same report.
TEST(BusinessCaseJson, TheKnsExampleGivesItsTotalsAndTheSameReportEachTime) {
  Result<CaseDocument> doc = ParseBusinessCaseJson(Example());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->monte_carlo.seed, 2013u);
  EXPECT_EQ(doc->monte_carlo.draws, 5000);
  Result<nlohmann::json> report = BusinessCaseReportJson(*doc);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const nlohmann::json& improved = (*report)["totals"][1];
  EXPECT_EQ(improved["alternative"], "in_house_improved");
  EXPECT_EQ(improved["net"], 17'000'000);
  EXPECT_EQ(improved["costs"], 2'500'000);
  EXPECT_EQ(improved["difference"], 17'000'000);
  EXPECT_NEAR(improved["share_of_operating_costs"].get<double>() * 100, 2.1, 0.05);
  EXPECT_EQ(improved["net_low"], 14'100'000);
  EXPECT_EQ(improved["net_high"], 18'100'000);
  EXPECT_TRUE((*report)["totals"][0]["share_of_operating_costs"].is_number());
  EXPECT_EQ((*report)["monte_carlo"]["alternatives"][1]["probability_better_than_baseline"], 1.0);
  EXPECT_EQ(BusinessCaseReportJson(*ParseBusinessCaseJson(Example()))->dump(), report->dump());
}

// Bad input names the field and gives no case.
TEST(BusinessCaseJson, BadInputNamesTheField) {
  auto field = [](const std::string& text) {
    Result<CaseDocument> doc = ParseBusinessCaseJson(text);
    return doc.ok() ? std::string("ok") : doc.status().field();
  };
  const std::string head =
      R"({"first_year": 2026, "last_year": 2029, "alternatives": [{"id": "in_house", "name": "I dag"},)"
      R"({"id": "outsourced", "name": "Ute"}], "items": [)";
  auto item = [&](const std::string& fields) {
    return head + R"({"alternative": "outsourced", "name": "Pris", "kind": "cost", )" + fields +
           "}]}";
  };
  EXPECT_EQ(field(item(R"("year": 2027, "base": 5)")), "ok");
  EXPECT_EQ(field(item(R"("year": 2031, "base": 5)")), "items[0].year");
  EXPECT_EQ(field(item(R"("year": 2027, "base": -5)")), "items[0].base");
  EXPECT_EQ(field(item(R"("year": 2027, "base": 5, "low": 6)")), "items[0].base");
  EXPECT_EQ(field(item(R"("year": 2027, "base": 5, "kind2": 1)")), "items[0].kind2");
  EXPECT_EQ(field(head + R"({"alternative": "x", "name": "P", "kind": "cost", "year": 2027,)"
                         R"( "base": 5}]})"),
            "items[0].alternative");
  EXPECT_EQ(field(head + R"({"alternative": "outsourced", "name": "P", "kind": "gain",)"
                         R"( "year": 2027, "base": 5}]})"),
            "items[0].kind");
  EXPECT_EQ(field(head + R"(], "baseline": "today"})"), "baseline");
  EXPECT_EQ(field(head + R"(], "discount": {"first_40_years": 1.5}})"), "discount.first_40_years");
  EXPECT_EQ(field(head + R"(], "monte_carlo": {"draws": 0}})"), "monte_carlo.draws");
  EXPECT_EQ(field(head + R"(], "operating_costs": [{"year": 2026, "amount": 1},)"
                         R"( {"year": 2026, "amount": 2}]})"),
            "operating_costs[1].year");
  EXPECT_FALSE(ParseBusinessCaseJson("{\"first_year\": [").ok());
  EXPECT_FALSE(ParseBusinessCaseJson(std::string(40, '[')).ok());
}

}  // namespace
}  // namespace samspill::decision
