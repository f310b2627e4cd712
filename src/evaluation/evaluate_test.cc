#include "evaluation/evaluate.h"

#include <gtest/gtest.h>

#include "evaluation/test_tables.h"

namespace samspill::evaluation {
namespace {

EvaluationOptions NoMonteCarlo() {
  EvaluationOptions options;
  options.sensitivity.rank_acceptability.draws = 0;
  return options;
}

TEST(Evaluate, RankReversalWorkedExampleTwoBids) {
  Result<EvaluationReport> r = Evaluate(testing::RankReversalTwoBids(), NoMonteCarlo());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NEAR(r->totals[0], 8.000, 1e-12);
  EXPECT_NEAR(r->totals[1], 7.846, 5e-4);
  EXPECT_EQ(r->winner, 0u);  // A
  EXPECT_EQ(r->runner_up, 1u);
  EXPECT_NEAR(*r->margin, 8.0 - 7.846153846153846, 1e-12);
}

TEST(Evaluate, RankReversalWorkedExampleThreeBids) {
  Result<EvaluationReport> r = Evaluate(testing::RankReversalThreeBids(), NoMonteCarlo());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NEAR(r->totals[0], 5.500, 1e-12);
  EXPECT_NEAR(r->totals[1], 5.923, 5e-4);
  EXPECT_NEAR(r->totals[2], 5.000, 1e-12);
  EXPECT_EQ(r->winner, 1u);  // B now beats A
  EXPECT_EQ(r->ranks, (std::vector<int>{2, 1, 3}));
  EXPECT_EQ(r->order, (std::vector<size_t>{1, 0, 2}));
  // C does not win, yet withdrawing it makes A the winner again.
  const WithdrawalOutcome& without_c = r->sensitivity.withdrawal[2];
  EXPECT_EQ(without_c.winner, 0u);
  EXPECT_TRUE(without_c.winner_changed);
  ASSERT_EQ(without_c.reversals.size(), 1u);
  EXPECT_EQ(without_c.reversals[0].was_ahead, 1u);
  EXPECT_EQ(without_c.reversals[0].now_ahead, 0u);
}

TEST(Evaluate, LinearScoreBelowZeroIsKeptAndNoted) {
  // C costs 250 against a lowest 100: 10 − 10·150/100 = −5.
  BidTable table = testing::PriceQualityTable(PriceModel::kLinear, 50, 50,
                                              {{"A", 100}, {"B", 130}, {"C", 250}}, {6, 8, 10});
  Result<EvaluationReport> r = Evaluate(table, NoMonteCarlo());
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->scores.value(2, 0), -5.0);
  EXPECT_DOUBLE_EQ(r->totals[2], 0.5 * -5.0 + 0.5 * 10.0);
  bool noted = false;
  for (const std::string& note : r->notes)
    noted = noted || note.find("KOFA 2015/60") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(Evaluate, SharedTieHasNoWinner) {
  // Linear, 50/50: A (100, 6) = 5 + 3 = 8; B (110, 7) = 4.5 + 3.5 = 8; C lower.
  BidTable table = testing::PriceQualityTable(PriceModel::kLinear, 50, 50,
                                              {{"B", 110}, {"A", 100}, {"C", 120}}, {7, 6, 5});
  Result<EvaluationReport> r = Evaluate(table, NoMonteCarlo());
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->winner.has_value());
  EXPECT_EQ(r->tied_for_first, (std::vector<size_t>{1, 0}));  // by id: A, B
  EXPECT_EQ(r->ranks, (std::vector<int>{1, 1, 3}));
  EXPECT_FALSE(r->margin.has_value());
  EXPECT_EQ(r->sensitivity.weight_stability[0].status, StabilityStatus::kNoUniqueWinner);
  // Both tied bids are checked for an abnormally low price.
  EXPECT_EQ(r->abnormally_low.checks.size(), 2u);
}

TEST(Evaluate, LowestPriceBreaksTheTie) {
  BidTable table = testing::PriceQualityTable(PriceModel::kLinear, 50, 50,
                                              {{"B", 110}, {"A", 100}, {"C", 120}}, {7, 6, 5});
  EvaluationOptions options = NoMonteCarlo();
  options.tie_break = TieBreak::kLowestPrice;
  Result<EvaluationReport> r = Evaluate(table, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->winner, 1u);  // A, the cheaper
  EXPECT_EQ(r->ranks, (std::vector<int>{2, 1, 3}));
  EXPECT_TRUE(r->tied_for_first.empty());
}

TEST(Evaluate, NormalisationChangesTheScoresAsSpecified) {
  BidTable table = testing::PriceQualityTable(PriceModel::kProportional, 50, 50,
                                              {{"A", 100}, {"B", 125}}, {4, 5});
  Result<EvaluationReport> plain = Evaluate(table, NoMonteCarlo());
  EvaluationOptions options = NoMonteCarlo();
  options.normalisation = Normalisation::kBestGetsMax;
  Result<EvaluationReport> normalised = Evaluate(table, options);
  ASSERT_TRUE(plain.ok() && normalised.ok());
  // Without: A 5 + 2 = 7, B 4 + 2.5 = 6.5. With: A 5 + 4 = 9, B 4 + 5 = 9 — a tie.
  EXPECT_DOUBLE_EQ(plain->totals[0], 7.0);
  EXPECT_DOUBLE_EQ(plain->totals[1], 6.5);
  EXPECT_DOUBLE_EQ(normalised->totals[0], 9.0);
  EXPECT_DOUBLE_EQ(normalised->totals[1], 9.0);
  EXPECT_EQ(plain->winner, 0u);
  EXPECT_FALSE(normalised->winner.has_value());
  EXPECT_FALSE(normalised->notes.empty());
}

TEST(Evaluate, PriorityOrderUsesRankOrderCentroidWeights) {
  BidTable table = testing::RankReversalThreeBids();
  table.weighting = Weighting::kPriorityRankOrderCentroid;
  table.criteria[0].priority = 2;  // price second
  table.criteria[1].priority = 1;  // quality first
  Result<EvaluationReport> r = Evaluate(table, NoMonteCarlo());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NEAR(r->normalised_weights[0], 0.25, 1e-15);
  EXPECT_NEAR(r->normalised_weights[1], 0.75, 1e-15);
  // B: 0.25·50/13 + 0.75·8 = 6.9615; A: 0.25·5 + 0.75·6 = 5.75.
  EXPECT_NEAR(r->totals[1], 0.25 * 50.0 / 13.0 + 6.0, 1e-12);
  EXPECT_EQ(r->winner, 1u);
  // The law allows a priority order but prescribes no weights: the report says whose choice
  // the conversion is.
  bool explained = false;
  for (const std::string& note : r->notes) {
    explained = explained || (note.find("rank-order-centroid") != std::string::npos &&
                              note.find("the municipality's chosen method") != std::string::npos &&
                              note.find("not law") != std::string::npos);
  }
  EXPECT_TRUE(explained);
}

TEST(Evaluate, QualityPricingRanksByLowestEvaluatedPrice) {
  BidTable table;
  table.price_model = PriceModel::kQualityPricing;
  table.weighting = Weighting::kValuePerPoint;
  table.criteria = {
      {.id = "pris", .kind = CriterionKind::kPrice},
      {.id = "kvalitet", .kind = CriterionKind::kQuality, .value_per_point_minor = 2'000'000},
      {.id = "miljo", .kind = CriterionKind::kEnvironment, .value_per_point_minor = 1'000'000}};
  table.bids = {{.id = "A", .price_minor = 95'000'000, .scores = {0, 9, 7}},
                {.id = "B", .price_minor = 90'000'000, .scores = {0, 5, 6}},
                {.id = "C", .price_minor = 110'000'000, .scores = {0, 10, 8}}};
  Result<EvaluationReport> r = Evaluate(table, NoMonteCarlo());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_DOUBLE_EQ(r->totals[0], 700000.0);
  EXPECT_DOUBLE_EQ(r->totals[1], 740000.0);
  EXPECT_DOUBLE_EQ(r->totals[2], 820000.0);
  EXPECT_EQ(r->winner, 0u);
  EXPECT_EQ(r->ranks, (std::vector<int>{1, 2, 3}));
  EXPECT_DOUBLE_EQ(*r->margin, 40000.0);
  // Independent of other bids' prices: removing the cheapest bid leaves A at 700 000.
  EXPECT_DOUBLE_EQ(r->sensitivity.withdrawal[1].totals[0], 700000.0);
}

TEST(Evaluate, FlagsAnAbnormallyLowWinner) {
  // A at 55 wins on price; others 100 and 100: 45 % below both.
  BidTable table = testing::PriceQualityTable(PriceModel::kProportional, 70, 30,
                                              {{"A", 55}, {"B", 100}, {"C", 100}}, {5, 7, 7});
  Result<EvaluationReport> r = Evaluate(table, NoMonteCarlo());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->winner, 0u);
  EXPECT_TRUE(r->abnormally_low.applies);
  EXPECT_TRUE(r->abnormally_low.flagged);
  ASSERT_EQ(r->abnormally_low.checks.size(), 1u);
  EXPECT_EQ(r->abnormally_low.checks[0].bid, 0u);
}

TEST(Evaluate, OneBidIsEvaluatedWithoutComparisons) {
  BidTable table = testing::RankReversalTwoBids();
  table.bids.pop_back();
  Result<EvaluationReport> r = Evaluate(table);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->winner, 0u);
  EXPECT_FALSE(r->runner_up.has_value());
  EXPECT_FALSE(r->abnormally_low.applies);
  EXPECT_EQ(r->sensitivity.rank_acceptability.first_rank, (std::vector<double>{1.0}));
}

TEST(Evaluate, SensitivityCanBeSwitchedOff) {
  EvaluationOptions options;
  options.sensitivity.enabled = false;
  Result<EvaluationReport> r = Evaluate(testing::RankReversalThreeBids(), options);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->sensitivity.computed);
  EXPECT_TRUE(r->sensitivity.withdrawal.empty());
}

TEST(Evaluate, RejectsOptionsAndTablesOverTheLimits) {
  EvaluationOptions options;
  options.sensitivity.rank_acceptability.draws = 1'000'001;
  Result<EvaluationReport> r = Evaluate(testing::RankReversalThreeBids(), options);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "sensitivity.draws");

  options = EvaluationOptions{};
  options.limits.max_bids = 2;
  r = Evaluate(testing::RankReversalThreeBids(), options);
  EXPECT_EQ(r.status().field(), "bids");

  options = EvaluationOptions{};
  options.sensitivity.rank_acceptability.perturbation_points = -1;
  r = Evaluate(testing::RankReversalThreeBids(), options);
  EXPECT_EQ(r.status().field(), "sensitivity.perturbation_points");

  BidTable bad = testing::RankReversalThreeBids();
  bad.bids[1].price_minor = 0;
  r = Evaluate(bad);
  EXPECT_EQ(r.status().field(), "bids[1].price");
}

}  // namespace
}  // namespace samspill::evaluation
