#include "evaluation/ranking.h"

#include <gtest/gtest.h>

#include <vector>

namespace samspill::evaluation {
namespace {

std::vector<int> Ranks(TieBreak tie_break, const std::vector<double>& merits,
                       const std::vector<int64_t>& prices) {
  Ranker ranker(tie_break, prices);
  std::vector<int> ranks(merits.size());
  ranker.Rank(merits, ranks);
  return ranks;
}

TEST(Ranking, CompetitionRanksShareAndSkip) {
  EXPECT_EQ(Ranks(TieBreak::kShared, {7, 9, 9, 5}, {1, 1, 1, 1}), (std::vector<int>{3, 1, 1, 4}));
}

TEST(Ranking, FloatNoiseNeverDecides) {
  // 0.1 + 0.2 != 0.3 in binary floating point; the two must still tie.
  EXPECT_EQ(Ranks(TieBreak::kShared, {0.1 + 0.2, 0.3}, {100, 200}), (std::vector<int>{1, 1}));
  EXPECT_TRUE(MeritsTie(0.1 + 0.2, 0.3));
  EXPECT_FALSE(MeritsTie(0.3, 0.3000001));
}

TEST(Ranking, LowestPriceBreaksTiesAndEqualPricesStillShare) {
  EXPECT_EQ(Ranks(TieBreak::kLowestPrice, {8, 8, 8, 9}, {300, 100, 300, 500}),
            (std::vector<int>{3, 2, 3, 1}));
  EXPECT_EQ(Ranks(TieBreak::kShared, {8, 8, 8, 9}, {300, 100, 300, 500}),
            (std::vector<int>{2, 2, 2, 1}));
}

TEST(Ranking, ResultDoesNotDependOnThePreviousCall) {
  Ranker ranker(TieBreak::kShared, std::vector<int64_t>{1, 2, 3, 4, 5});
  std::vector<int> ranks(5);
  ranker.Rank(std::vector<double>{5, 4, 3, 2, 1}, ranks);
  EXPECT_EQ(ranks, (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(ranker.Rank(std::vector<double>{1, 2, 3, 5, 5}, ranks), 2u);
  EXPECT_EQ(ranks, (std::vector<int>{5, 4, 3, 1, 1}));
  EXPECT_EQ(std::vector<size_t>(ranker.order().begin(), ranker.order().end()),
            (std::vector<size_t>{3, 4, 2, 1, 0}));
}

TEST(Ranking, UniqueWinner) {
  EXPECT_EQ(UniqueWinner(std::vector<int>{2, 1, 3}), 1u);
  EXPECT_FALSE(UniqueWinner(std::vector<int>{1, 1, 3}).has_value());
  EXPECT_FALSE(UniqueWinner(std::vector<int>{}).has_value());
}

}  // namespace
}  // namespace samspill::evaluation
