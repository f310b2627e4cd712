#include "evaluation/bid_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

void ExpectInvalid(const BidTable& table, const std::string& field) {
  Status status = ValidateBidTable(table);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status.ToString();
  EXPECT_EQ(status.field(), field) << status.ToString();
}

TEST(BidTable, WorkedExampleIsValid) {
  EXPECT_TRUE(ValidateBidTable(testing::RankReversalThreeBids()).ok());
}

TEST(BidTable, RejectsZeroAndNegativePrices) {
  BidTable table = testing::RankReversalThreeBids();
  table.bids[2].price_minor = 0;
  ExpectInvalid(table, "bids[2].price");
  table.bids[2].price_minor = -100;
  ExpectInvalid(table, "bids[2].price");
}

TEST(BidTable, RejectsScoresOutsideZeroToTenAndNaN) {
  BidTable table = testing::RankReversalThreeBids();
  table.bids[1].scores[1] = 10.5;
  ExpectInvalid(table, "bids[1].scores.kvalitet");
  table.bids[1].scores[1] = std::nan("");
  ExpectInvalid(table, "bids[1].scores.kvalitet");
  table.bids[1].scores[1] = -0.1;
  ExpectInvalid(table, "bids[1].scores.kvalitet");
}

TEST(BidTable, RejectsBadWeights) {
  BidTable table = testing::RankReversalThreeBids();
  table.criteria[1].weight = 0;
  ExpectInvalid(table, "criteria[1].weight");
  table.criteria[1].weight = std::numeric_limits<double>::infinity();
  ExpectInvalid(table, "criteria[1].weight");
}

TEST(BidTable, RejectsDuplicateIds) {
  BidTable table = testing::RankReversalThreeBids();
  table.bids[2].id = "A";
  ExpectInvalid(table, "bids[2].id");
  table = testing::RankReversalThreeBids();
  table.criteria[1].id = "price";
  ExpectInvalid(table, "criteria[1].id");
}

TEST(BidTable, ScoreModelsNeedExactlyOnePriceCriterion) {
  BidTable table = testing::RankReversalThreeBids();
  table.criteria[0].kind = CriterionKind::kQuality;
  ExpectInvalid(table, "criteria");
  table.criteria[0].kind = CriterionKind::kPrice;
  table.criteria[1].kind = CriterionKind::kPrice;
  ExpectInvalid(table, "criteria[1].kind");
}

TEST(BidTable, PrioritiesMustBeAPermutation) {
  BidTable table = testing::RankReversalThreeBids();
  table.weighting = Weighting::kPriorityRankOrderCentroid;
  table.criteria[0].priority = 1;
  table.criteria[1].priority = 1;
  ExpectInvalid(table, "criteria[1].priority");
  table.criteria[1].priority = 3;
  ExpectInvalid(table, "criteria[1].priority");
  table.criteria[1].priority = 2;
  EXPECT_TRUE(ValidateBidTable(table).ok());
  std::vector<double> w = NormalisedWeights(table);
  EXPECT_NEAR(w[0], 0.75, 1e-15);
  EXPECT_NEAR(w[1], 0.25, 1e-15);
}

TEST(BidTable, NeedsBidsCriteriaAndACurrency) {
  BidTable table = testing::RankReversalThreeBids();
  table.bids.clear();
  ExpectInvalid(table, "bids");
  table = testing::RankReversalThreeBids();
  table.criteria.clear();
  ExpectInvalid(table, "criteria");
  table = testing::RankReversalThreeBids();
  table.currency = "nok";
  ExpectInvalid(table, "currency");
}

TEST(BidTable, KindNamesRoundTrip) {
  for (CriterionKind k : {CriterionKind::kPrice, CriterionKind::kQuality, CriterionKind::kSocial,
                          CriterionKind::kEnvironment}) {
    EXPECT_EQ(CriterionKindFromName(CriterionKindName(k)), k);
  }
  EXPECT_FALSE(IsQualityLike(CriterionKind::kPrice));
  EXPECT_TRUE(IsQualityLike(CriterionKind::kSocial));
}

}  // namespace
}  // namespace samspill::evaluation
