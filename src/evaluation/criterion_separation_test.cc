#include "evaluation/criterion_separation.h"

#include <gtest/gtest.h>

#include <numeric>

#include "evaluation/bid_table_json.h"
#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

std::vector<CriterionSeparation> Analyse(const BidTable& table,
                                         SeparationContext* context_out = nullptr) {
  ScoreMatrix m = BuildScoreMatrix(table, Normalisation::kNone);
  Ranker ranker(TieBreak::kShared, m.prices_minor);
  std::vector<int> ranks(m.bid_count);
  ranker.Rank(m.Merits(), ranks);
  SeparationContext context;
  for (size_t i = 0; i < ranks.size(); ++i) {
    if (ranks[i] == 1) context.first_ranked.push_back(i);
  }
  context.winner = UniqueWinner(ranks);
  if (context.winner && m.bid_count > 1) context.runner_up = ranker.order()[1];
  if (context_out) *context_out = context;
  return AnalyseCriterionSeparation(m, context, {});
}

TEST(CriterionSeparation, SocialCriterionOfTheCleaningTenderDecidedNothing) {
  // Seed 004: 30 % social weight, every bidder scored 9 or 10.
  Result<ParsedBidTable> parsed =
      ParseBidTableJson(testing::ReadTestdata("cleaning_tender_seed004.json"));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const BidTable& table = parsed->table;
  ASSERT_EQ(table.criteria[2].id, "sosialt");
  SeparationContext context;
  std::vector<CriterionSeparation> s = Analyse(table, &context);
  ASSERT_EQ(context.winner, 0u);  // Renhold Midt AS

  // Social: range 0.3·(10 − 9) = 0.3 points = 3 % of the scale → "little", not decisive.
  EXPECT_NEAR(s[2].range, 0.3, 1e-12);
  EXPECT_EQ(s[2].band, SeparationBand::kLittle);
  EXPECT_FALSE(s[2].decisive);
  ASSERT_EQ(s[2].first_without.size(), 1u);
  EXPECT_EQ(s[2].first_without[0], 0u);
  // It even worked against the winner (who scored 9 against the runner-up's 10).
  EXPECT_LT(*s[2].margin_contribution, 0.0);
  // Price and quality did the separating.
  EXPECT_EQ(s[0].band, SeparationBand::kMuch);
  EXPECT_EQ(s[1].band, SeparationBand::kMuch);
  EXPECT_NEAR(s[1].range, 0.9, 1e-12);
  EXPECT_LT(s[2].share_of_ranges, s[0].share_of_ranges);
  EXPECT_NEAR(s[0].share_of_ranges + s[1].share_of_ranges + s[2].share_of_ranges, 1.0, 1e-12);
}

TEST(CriterionSeparation, MarginContributionsSumToTheMargin) {
  SeparationContext context;
  BidTable table = testing::RankReversalThreeBids();
  std::vector<CriterionSeparation> s = Analyse(table, &context);
  ASSERT_EQ(context.winner, 1u);     // B
  ASSERT_EQ(context.runner_up, 0u);  // A
  // B − A: price 0.5·(50/13 − 5) = −0.577, quality 0.5·(8 − 6) = 1; margin 0.423.
  EXPECT_NEAR(*s[0].margin_contribution, 0.5 * (50.0 / 13.0 - 5.0), 1e-12);
  EXPECT_NEAR(*s[1].margin_contribution, 1.0, 1e-12);
  EXPECT_NEAR(*s[0].margin_contribution + *s[1].margin_contribution, 5.923076923076923 - 5.5,
              1e-12);
}

TEST(CriterionSeparation, ACriterionIsDecisiveWhenTheWinnerChangesWithoutIt) {
  std::vector<CriterionSeparation> s = Analyse(testing::RankReversalThreeBids());
  // Without quality, price alone: C (cheapest) wins.
  EXPECT_TRUE(s[1].decisive);
  EXPECT_EQ(s[1].first_without, (std::vector<size_t>{2}));
  // Without price, quality alone: B still wins.
  EXPECT_FALSE(s[0].decisive);
  EXPECT_EQ(s[0].first_without, (std::vector<size_t>{1}));
}

TEST(CriterionSeparation, EqualScoresSeparateNothing) {
  BidTable table = testing::PriceQualityTable(PriceModel::kLinear, 40, 60,
                                              {{"A", 100}, {"B", 120}, {"C", 150}}, {10, 10, 10});
  std::vector<CriterionSeparation> s = Analyse(table);
  EXPECT_EQ(s[1].range, 0.0);
  EXPECT_EQ(s[1].std_dev, 0.0);
  EXPECT_EQ(s[1].band, SeparationBand::kNone);
  EXPECT_EQ(s[1].share_of_ranges, 0.0);
  EXPECT_FALSE(s[1].decisive);
  // Linear: B 8, C 5 → weighted range 0.4·5 = 2 points.
  EXPECT_NEAR(s[0].range, 2.0, 1e-12);
  EXPECT_NEAR(s[0].std_dev,
              0.4 * std::sqrt(((10 - 23.0 / 3) * (10 - 23.0 / 3) + (8 - 23.0 / 3) * (8 - 23.0 / 3) +
                               (5 - 23.0 / 3) * (5 - 23.0 / 3)) /
                              3.0),
              1e-12);
}

TEST(CriterionSeparation, BandNames) {
  EXPECT_EQ(SeparationBandName(SeparationBand::kNone), "none");
  EXPECT_EQ(SeparationBandName(SeparationBand::kLittle), "little");
  EXPECT_EQ(SeparationBandName(SeparationBand::kMuch), "much");
}

}  // namespace
}  // namespace samspill::evaluation
