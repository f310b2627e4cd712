#include "tendering/lot_evaluation.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

AwardModel CleaningModel() {
  AwardModel m;
  m.criteria = {{"pris", "Pris", evaluation::CriterionKind::kPrice, 40},
                {"kvalitet", "Kvalitet", evaluation::CriterionKind::kQuality, 30},
                {"sosialt", "Sosiale hensyn", evaluation::CriterionKind::kSocial, 30}};
  return m;
}

LotBid Bid(int64_t id, const char* name, int64_t kroner, double quality, double social) {
  return LotBid{id,
                OrganisationRef{id, name, "934567897"},
                Money{kroner * 100, "NOK"},
                {{"kvalitet", quality, "Begrunnelse kvalitet"}, {"sosialt", social, "Sosialt"}}};
}

TEST(LotEvaluation, BuildsTheTableInCriterionOrderWithPriceCellsEmpty) {
  Result<evaluation::BidTable> table =
      LotBidTable(CleaningModel(), "Renhold",
                  {Bid(11, "Renhold og Inkludering AS", 11'850'000, 9, 9),
                   Bid(12, "Trøndelag Rent AS", 12'400'000, 8, 10)});
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  ASSERT_EQ(table->bids.size(), 2u);
  EXPECT_EQ(table->title, "Renhold");
  EXPECT_EQ(table->bids[0].id, "11");
  EXPECT_EQ(table->bids[0].price_minor, 1'185'000'000);
  EXPECT_EQ(table->bids[1].scores, (std::vector<double>{0, 8, 10}));
  EXPECT_EQ(table->bids[1].justifications[1], "Begrunnelse kvalitet");
  EXPECT_EQ(table->bids[1].justifications[0], "");
}

TEST(LotEvaluation, AMissingScoreNamesTheBidTheSupplierAndTheCriterion) {
  LotBid unscored = Bid(7, "Servicegruppen Nord AS", 10'950'000, 6, 10);
  unscored.scores.pop_back();
  Result<evaluation::BidTable> table = LotBidTable(CleaningModel(), "Renhold", {unscored});
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(table.status().message(),
            "bid 7 from Servicegruppen Nord AS has no score on the criterion 'sosialt'; score "
            "every valid bid before completing the evaluation");
}

TEST(LotEvaluation, AwardReasonsNameTheMeasureOfTheModel) {
  const OrganisationRef winner{3, "Renhold og Inkludering AS", "934567897"};
  EXPECT_EQ(AwardReasonsNb(winner, CleaningModel(), 8.7567, Money{1'185'000'000, "NOK"}),
            "Tilbudet fra Renhold og Inkludering AS (934567897) fikk høyest samlet poengsum "
            "(8,76) etter de kunngjorte tildelingskriteriene. Tilbudt pris: kr 11 850 000 "
            "ekskl. mva.");
  AwardModel priced = CleaningModel();
  priced.price_model = evaluation::PriceModel::kQualityPricing;
  EXPECT_EQ(AwardReasonsNb(winner, priced, 10'412'500.5, Money{1'185'000'000, "NOK"}),
            "Tilbudet fra Renhold og Inkludering AS (934567897) hadde lavest evaluert pris "
            "(kr 10 412 500,50) etter de kunngjorte tildelingskriteriene. Tilbudt pris: "
            "kr 11 850 000 ekskl. mva.");
}

}  // namespace
}  // namespace samspill::tendering
