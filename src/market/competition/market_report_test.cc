#include "market/competition/market_report.h"

#include <gtest/gtest.h>

namespace samspill::market {
namespace {

Process Tender(const std::string& id, const std::string& cpv, const std::string& region,
               int bidders, const std::string& winner) {
  Process p;
  p.id = id;
  p.title = "Tender " + id;
  p.buyer = {"B-" + region, "Buyer " + region, ""};
  p.region = region;
  p.procedure = Procedure::kOpen;
  p.published = "2024-01-" + id;
  Lot lot;
  lot.cpv = cpv;
  lot.bidders = bidders;
  lot.bidder_source = BidderSource::kBidsStatistics;
  lot.winners.push_back({{winner, winner, ""}, std::nullopt});
  p.lots.push_back(lot);
  return p;
}

TEST(MarketReport, WidensFromGroupToDivisionAndSaysSo) {
  ReportBuilder builder({.cpv = "85311000", .region = "NO060", .min_comparable = 4});
  builder.Add(Tender("10", "85311000", "NO060", 1, "A"));
  builder.Add(Tender("11", "85312000", "NO060", 3, "B"));
  builder.Add(Tender("12", "85100000", "NO060", 2, "A"));
  builder.Add(Tender("13", "85100000", "NO060", 4, "C"));
  builder.Add(Tender("14", "85100000", "NO081", 1, "D"));  // other region
  builder.Add(Tender("15", "45000000", "NO060", 5, "E"));  // other division: not kept
  MarketReport r = builder.Finish();
  EXPECT_EQ(r.query.cpv, "85311");
  ASSERT_EQ(r.widening.size(), 2u);  // 85311 → 853 → 85
  EXPECT_EQ(r.cpv_scope, "85");
  EXPECT_EQ(r.region_scope, "NO060");
  EXPECT_EQ(r.comparable, 4u);
  EXPECT_EQ(r.two_or_more, 3u);
  EXPECT_DOUBLE_EQ(r.probability, 0.75);
  Interval expected = WilsonInterval(3, 4);
  EXPECT_DOUBLE_EQ(r.interval.low, expected.low);
  ASSERT_EQ(r.suppliers.size(), 3u);
  EXPECT_EQ(r.suppliers[0].supplier.name, "A");  // two wins
  EXPECT_EQ(r.suppliers[0].wins, 2u);
  // By wins 2, 1, 1: shares ½, ¼, ¼ → HHI 2500 + 625 + 625.
  EXPECT_DOUBLE_EQ(r.concentration.hhi, 3750);
  EXPECT_EQ(r.comparables.front().process_id, "13");  // newest first
  EXPECT_EQ(r.lots_in_division, 5u);

  ReferenceNames names;
  names.AddCpv("85000000", "Helse- og sosialtjenester");
  std::string text = ReportToText(r, names);
  EXPECT_NE(text.find("Sannsynlighet for minst to tilbud: 75 %"), std::string::npos) << text;
  EXPECT_NE(text.find("utvidet til CPV-hovedgruppe 85"), std::string::npos) << text;
  nlohmann::json j = ReportToJson(r, names);
  EXPECT_EQ(j["at_least_two_bids"]["comparable_lots"], 4);
  EXPECT_EQ(j["scope"]["cpv_name"], "Helse- og sosialtjenester");
  EXPECT_EQ(j["at_least_two_bids"]["interval"]["method"], "wilson");
}

TEST(MarketReport, EnoughInTheGroupNeedsNoWidening) {
  ReportBuilder builder({.cpv = "853", .min_comparable = 2});
  builder.Add(Tender("10", "85311000", "NO060", 2, "A"));
  builder.Add(Tender("11", "85312000", "NO081", 2, "B"));
  builder.Add(Tender("12", "85100000", "NO060", 1, "C"));
  MarketReport r = builder.Finish();
  EXPECT_TRUE(r.widening.empty());
  EXPECT_EQ(r.comparable, 2u);
  EXPECT_DOUBLE_EQ(r.probability, 1.0);
}

TEST(ReferenceNames, ReadsTheSharedLists) {
  ReferenceNames names =
      ReferenceNames::Load(std::string(SAMSPILL_SOURCE_DIR) + "/../shared/data/reference");
  EXPECT_GT(names.cpv_count(), 9000u);
  EXPECT_EQ(names.Cpv("03"), "Landbruk, gårdsbruk, fiske, skogsbruk og relaterte produkter");
  EXPECT_EQ(names.Municipality("958935420"), "Oslo");
  EXPECT_FALSE(names.Nuts("NO060").empty());
}

}  // namespace
}  // namespace samspill::market
