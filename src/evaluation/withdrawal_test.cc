#include "evaluation/withdrawal.h"

#include <gtest/gtest.h>

#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

// Today's ranks of the three-bid example: B 1, A 2, C 3.
const std::vector<int> kThreeBidRanks = {2, 1, 3};

TEST(Withdrawal, WithdrawingCMakesAWinAndFlipsAAndB) {
  std::vector<WithdrawalOutcome> out =
      AnalyseWithdrawals(testing::RankReversalThreeBids(), kThreeBidRanks, {});
  ASSERT_EQ(out.size(), 3u);
  const WithdrawalOutcome& without_c = out[2];
  EXPECT_EQ(without_c.withdrawn, 2u);
  EXPECT_EQ(without_c.winner, 0u);  // A
  EXPECT_TRUE(without_c.winner_changed);
  // Price scores are recomputed from the new lowest price (100): A 8.000, B 7.846.
  ASSERT_EQ(without_c.order, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(without_c.ranks, (std::vector<int>{1, 2}));
  EXPECT_NEAR(without_c.totals[0], 8.0, 1e-12);
  EXPECT_NEAR(without_c.totals[1], 7.846153846153846, 1e-12);
  ASSERT_EQ(without_c.reversal_count, 1u);
  ASSERT_EQ(without_c.reversals.size(), 1u);
  EXPECT_EQ(without_c.reversals[0].was_ahead, 1u);  // B was ahead of A
  EXPECT_EQ(without_c.reversals[0].now_ahead, 0u);  // A is now ahead of B
}

TEST(Withdrawal, WithdrawingALeavesBWinning) {
  std::vector<WithdrawalOutcome> out =
      AnalyseWithdrawals(testing::RankReversalThreeBids(), kThreeBidRanks, {});
  EXPECT_EQ(out[0].winner, 1u);
  EXPECT_FALSE(out[0].winner_changed);
  EXPECT_EQ(out[0].reversal_count, 0u);
  // Withdrawing the winner always changes the winner.
  EXPECT_EQ(out[1].winner, 0u);
  EXPECT_TRUE(out[1].winner_changed);
}

TEST(Withdrawal, ListedReversalsAreCappedButAllCounted) {
  WithdrawalOptions options;
  options.max_listed_reversals = 0;
  std::vector<WithdrawalOutcome> out =
      AnalyseWithdrawals(testing::RankReversalThreeBids(), kThreeBidRanks, options);
  EXPECT_EQ(out[2].reversal_count, 1u);
  EXPECT_TRUE(out[2].reversals.empty());
}

TEST(Withdrawal, NormalisationIsRecomputedWithoutTheWithdrawnBid) {
  // With best_gets_max, B's 8 is the best quality; without B, A's 6 becomes 10.
  WithdrawalOptions options;
  options.normalisation = Normalisation::kBestGetsMax;
  std::vector<WithdrawalOutcome> out =
      AnalyseWithdrawals(testing::RankReversalThreeBids(), std::vector<int>{2, 1, 3}, options);
  // Without B: A price 5, quality 10 → 7.5; C price 10, quality 0 → 5.
  ASSERT_EQ(out[1].order, (std::vector<size_t>{0, 2}));
  EXPECT_NEAR(out[1].totals[0], 7.5, 1e-12);
  EXPECT_NEAR(out[1].totals[1], 5.0, 1e-12);
}

TEST(Withdrawal, TheOnlyBidLeavesNothing) {
  BidTable table = testing::RankReversalTwoBids();
  table.bids.pop_back();
  std::vector<WithdrawalOutcome> out = AnalyseWithdrawals(table, std::vector<int>{1}, {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].winner.has_value());
  EXPECT_TRUE(out[0].order.empty());
  EXPECT_TRUE(out[0].winner_changed);
}

}  // namespace
}  // namespace samspill::evaluation
