#include "market/competition/competition.h"

#include <gtest/gtest.h>

namespace samspill::market {
namespace {

Lot MakeLot(const std::string& cpv, std::optional<int> bidders, BidderSource source,
            const std::string& winner, int64_t value_minor) {
  Lot lot;
  lot.cpv = cpv;
  lot.bidders = bidders;
  lot.bidder_source = bidders ? source : BidderSource::kNone;
  lot.sources_present = 1u << static_cast<int>(source);
  if (!winner.empty()) lot.winners.push_back({{winner, winner, ""}, Money{value_minor, "NOK"}});
  return lot;
}

TEST(CompetitionIndicators, SingleBidRatesPerKeyWithWorkedNumbers) {
  Process a;
  a.buyer = {"B1", "Trondheim kommune", "942110464"};
  a.region = "NO060";
  a.country = "NO";
  a.procedure = Procedure::kOpen;
  a.published = "2024-01-01";
  a.lots = {MakeLot("85311000", 1, BidderSource::kBidsStatistics, "S1", 600),
            MakeLot("85312000", 3, BidderSource::kBidsStatistics, "S2", 300),
            MakeLot("45000000", 2, BidderSource::kBidsDetails, "S1", 100),
            MakeLot("85100000", std::nullopt, BidderSource::kTenderers, "", 0)};
  a.lots[0].tender_end = "2024-02-19";  // 49 days: no risk
  a.lots[1].tender_end = "2024-01-20";  // 19 days: high
  Process direct;
  direct.procedure = Procedure::kLimited;  // one bid by design: not in the rates
  direct.lots = {MakeLot("85311000", 1, BidderSource::kNumberOfTenderers, "S3", 0)};

  CompetitionIndicators ind;
  ind.Add(a);
  ind.Add(direct);
  EXPECT_EQ(ind.overall().lots, 3u);
  EXPECT_EQ(ind.overall().single_bid, 1u);
  EXPECT_DOUBLE_EQ(ind.overall().mean_bidders(), 2.0);
  EXPECT_EQ(ind.by_cpv_division().at("85").lots, 2u);
  EXPECT_DOUBLE_EQ(ind.by_cpv_division().at("85").single_bid_rate(), 0.5);
  EXPECT_EQ(ind.by_cpv_group().at("853").lots, 2u);
  EXPECT_EQ(ind.by_cpv_group().at("450").single_bid, 0u);
  EXPECT_EQ(ind.by_buyer().at("942110464").lots, 3u);
  EXPECT_EQ(ind.by_region().at("NO060").single_bid, 1u);
  EXPECT_EQ(ind.by_procedure().count("limited"), 0u);
  // Coverage: every lot is counted, sources as present and used.
  EXPECT_EQ(ind.coverage().lots, 5u);
  EXPECT_EQ(ind.coverage().used[int(BidderSource::kBidsStatistics)], 2u);
  EXPECT_EQ(ind.coverage().used[int(BidderSource::kNone)], 1u);
  EXPECT_EQ(ind.coverage().present[int(BidderSource::kTenderers)], 1u);
  // Suppliers by value: S1 700, S2 300, S3 0 → shares 70 %, 30 %, 0 → HHI 4900 + 900.
  bool by_value = false;
  Concentration c = ind.SupplierConcentration(&by_value);
  EXPECT_TRUE(by_value);
  EXPECT_EQ(c.suppliers, 3u);
  EXPECT_DOUBLE_EQ(c.hhi, 5800);
  EXPECT_EQ(ind.suppliers().at("S1").wins, 2u);
  EXPECT_EQ(ind.advert_bands()[int(AdvertBand::kNoRisk)], 1u);
  EXPECT_EQ(ind.advert_bands()[int(AdvertBand::kHigh)], 1u);
  EXPECT_EQ(ind.ToJson()["by_cpv_division"]["85"]["single_bid"], 1);
}

}  // namespace
}  // namespace samspill::market
