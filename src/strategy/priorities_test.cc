#include "strategy/priorities.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <numeric>

namespace samspill::strategy {
namespace {

constexpr size_t kVolume = static_cast<size_t>(PriorityCriterion::kVolumeGain);
constexpr size_t kPeer = static_cast<size_t>(PriorityCriterion::kPeerExperience);
constexpr size_t kMarket = static_cast<size_t>(PriorityCriterion::kMarketRobustness);
constexpr size_t kHistory = static_cast<size_t>(PriorityCriterion::kOwnHistory);

// The three areas of the worked example, budget year 2026, weights 40/20/20/20:
// - Hjemmepleje: volume 380 mill., gain 9,5 mill./yr from decision case 2, P(≥ 2) 0,8,
//   single-bid rate 0,1, never competed;
// - Rengøring: volume 60 mill., no case (5 % → 3 mill./yr, an estimate), P 0,95 / 0,05, last
//   competed 2019; others' experience set by hand to 8;
// - Madservice: volume 40 mill., gain 1 mill./yr from decision case 5, no market data, last
//   competed 2024.
PriorityList Example() {
  PriorityList list;
  list.budget_year = 2026;
  list.settings.draws = 0;
  Candidate home;
  home.area_id = 1;
  home.name = "Hjemmepleje";
  home.cpv = "85311000-2";
  home.region = "DK031";
  home.facts.yearly_volume = 380'000'000;
  home.facts.expected_gain = 9'500'000;
  home.facts.decision_case_id = 2;
  home.facts.p_two_or_more_bids = 0.8;
  home.facts.single_bid_rate = 0.1;
  home.facts.comparable_lots = 34;
  Candidate cleaning;
  cleaning.area_id = 2;
  cleaning.name = "Rengøring";
  cleaning.facts.yearly_volume = 60'000'000;
  cleaning.facts.p_two_or_more_bids = 0.95;
  cleaning.facts.single_bid_rate = 0.05;
  cleaning.facts.last_competed_year = 2019;
  cleaning.manual[kPeer] = ManualScore{8.0, "Lejre og Rudersdal har gode erfaringer"};
  Candidate meals;
  meals.area_id = 3;
  meals.name = "Madservice";
  meals.facts.yearly_volume = 40'000'000;
  meals.facts.expected_gain = 1'000'000;
  meals.facts.decision_case_id = 5;
  meals.facts.last_competed_year = 2024;
  list.candidates = {home, cleaning, meals};
  return list;
}

TEST(PriorityCriterion, NamesRoundTrip) {
  for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
    const auto c = static_cast<PriorityCriterion>(k);
    EXPECT_EQ(PriorityCriterionFromName(PriorityCriterionName(c)), c);
  }
  EXPECT_EQ(PriorityCriterionName(PriorityCriterion::kMarketRobustness), "market_robustness");
  EXPECT_EQ(PriorityCriterionLabelNb(PriorityCriterion::kVolumeGain), "Volum og gevinst");
  EXPECT_FALSE(PriorityCriterionFromName("volume").has_value());
}

TEST(ScoreCandidates, EveryRuleWithItsFigures) {
  auto s = ScoreCandidates(Example());
  ASSERT_EQ(s.size(), 3u);
  // Volume and gain: the largest gain is Hjemmepleje's 9,5 mill.; 10 × 9,5/9,5 = 10,
  // Rengøring 10 × 3/9,5 = 60/19, Madservice 10 × 1/9,5 = 20/19.
  EXPECT_NEAR(*s[0][kVolume].score, 10.0, 1e-9);
  EXPECT_NEAR(*s[1][kVolume].score, 60.0 / 19.0, 1e-9);
  EXPECT_NEAR(*s[2][kVolume].score, 20.0 / 19.0, 1e-9);
  EXPECT_FALSE(s[0][kVolume].estimate);
  EXPECT_TRUE(s[1][kVolume].estimate);
  EXPECT_EQ(s[0][kVolume].basis_nb,
            "Forventet gevinst 9,5 mill. kr/år fra beslutningssak 2; 10 × gevinst / høyeste "
            "gevinst (9,5 mill. kr/år)");
  EXPECT_EQ(s[1][kVolume].basis_en,
            "Estimated gain 3.0 million kr a year: 5 % of the volume 60.0 million kr, no "
            "decision case; 10 × gain / the largest gain (9.5 million kr a year)");
  // Others' experience: 5 without information, 8 by hand for Rengøring.
  EXPECT_EQ(*s[0][kPeer].score, 5.0);
  EXPECT_FALSE(s[0][kPeer].manual);
  EXPECT_EQ(*s[1][kPeer].score, 8.0);
  EXPECT_TRUE(s[1][kPeer].manual);
  EXPECT_EQ(s[1][kPeer].basis_nb,
            "Andre kommuners erfaringer: Lejre og Rudersdal har gode erfaringer (satt manuelt)");
  // Market: 5 × 0,8 + 5 × (1 − 0,1) = 4 + 4,5 = 8,5; 5 × 0,95 + 5 × 0,95 = 9,5; none for
  // Madservice.
  EXPECT_NEAR(*s[0][kMarket].score, 8.5, 1e-9);
  EXPECT_NEAR(*s[1][kMarket].score, 9.5, 1e-9);
  EXPECT_FALSE(s[2][kMarket].score.has_value());
  EXPECT_EQ(s[0][kMarket].basis_nb,
            "Markedet: P(≥ 2 tilbud) 0,80, enkeltbudsandel 10 %; 5 × 0,80 + 5 × (1 − 0,10), 34 "
            "sammenlignbare delkontrakter");
  EXPECT_EQ(s[2][kMarket].basis_nb, "Ingen markedsdata: telt som 0");
  // Own history: never → 10; 2026 − 2019 = 7; 2026 − 2024 = 2.
  EXPECT_EQ(*s[0][kHistory].score, 10.0);
  EXPECT_EQ(*s[1][kHistory].score, 7.0);
  EXPECT_EQ(*s[2][kHistory].score, 2.0);
  EXPECT_EQ(s[1][kHistory].basis_nb,
            "Sist konkurranseutsatt 2019, 7 år før budsjettåret; min(8, 7)");
}

TEST(ScoreCandidates, EdgesOfTheRules) {
  PriorityList list = Example();
  list.candidates[0].facts.last_competed_year = 2010;  // 16 years → capped at 8
  list.candidates[1].facts.last_competed_year = 2027;  // after the budget year → 0 years
  list.candidates[2].facts.expected_gain = 0;          // no gain → 0
  list.candidates[2].facts.p_two_or_more_bids = 0.5;   // only half the market data: unscored
  list.candidates[0].manual[kVolume] = ManualScore{2.5, "Skjønn"};
  auto s = ScoreCandidates(list);
  EXPECT_EQ(*s[0][kHistory].score, 8.0);
  EXPECT_EQ(*s[1][kHistory].score, 0.0);
  EXPECT_EQ(*s[2][kVolume].score, 0.0);
  EXPECT_FALSE(s[2][kMarket].score.has_value());
  // The hand-set score replaces Hjemmepleje's own score only; the others are still measured
  // against its 9,5 mill.: Rengøring 10 × 3/9,5.
  EXPECT_EQ(*s[0][kVolume].score, 2.5);
  EXPECT_TRUE(s[0][kVolume].manual);
  EXPECT_NEAR(*s[1][kVolume].score, 60.0 / 19.0, 1e-9);
  // A gain below a million is written in whole kroner: 10 × 0,45/9,5 = 9/19.
  list.candidates[2].facts.expected_gain = 450'000;
  s = ScoreCandidates(list);
  EXPECT_NEAR(*s[2][kVolume].score, 9.0 / 19.0, 1e-9);
  EXPECT_EQ(s[2][kVolume].basis_nb,
            "Forventet gevinst kr 450 000/år fra beslutningssak 5; 10 × gevinst / høyeste "
            "gevinst (9,5 mill. kr/år)");
  EXPECT_EQ(s[2][kVolume].basis_en,
            "Expected gain 450,000 kr a year from decision case 5; 10 × gain / the largest gain "
            "(9.5 million kr a year)");

  // Without a volume or a gain the criterion cannot be scored; with no gain anywhere every
  // score is 0 (no division by zero).
  PriorityList none = Example();
  none.candidates[0].facts.expected_gain.reset();
  none.candidates[0].facts.yearly_volume.reset();
  none.candidates[1].facts.yearly_volume = 0;
  none.candidates[2].facts.expected_gain = 0;
  auto n = ScoreCandidates(none);
  EXPECT_FALSE(n[0][kVolume].score.has_value());
  EXPECT_EQ(n[0][kVolume].basis_nb, "Ingen volum eller forventet gevinst: telt som 0");
  EXPECT_EQ(*n[1][kVolume].score, 0.0);
  EXPECT_EQ(*n[2][kVolume].score, 0.0);
}

TEST(RankPriorities, HandCheckedTotalsRanksAndReasons) {
  const PriorityList list = Example();
  ASSERT_TRUE(ValidatePriorityList(list).ok());
  PriorityRanking r = RankPriorities(list);
  EXPECT_DOUBLE_EQ(r.weights[kVolume], 0.4);
  EXPECT_DOUBLE_EQ(r.weights[kPeer], 0.2);
  ASSERT_EQ(r.ranked.size(), 3u);
  // Hjemmepleje 0,4·10 + 0,2·(5 + 8,5 + 10) = 4 + 4,7 = 8,7.
  // Rengøring 0,4·60/19 + 0,2·(8 + 9,5 + 7) = 24/19 + 4,9.
  // Madservice 0,4·20/19 + 0,2·(5 + 0 + 2) = 8/19 + 1,4.
  EXPECT_EQ(r.ranked[0].index, 0u);
  EXPECT_EQ(r.ranked[1].index, 1u);
  EXPECT_EQ(r.ranked[2].index, 2u);
  EXPECT_NEAR(r.ranked[0].total, 8.7, 1e-9);
  EXPECT_NEAR(r.ranked[1].total, 24.0 / 19.0 + 4.9, 1e-9);
  EXPECT_NEAR(r.ranked[2].total, 8.0 / 19.0 + 1.4, 1e-9);
  EXPECT_EQ(r.ranked[0].rank, 1);
  EXPECT_EQ(r.ranked[1].rank, 2);
  EXPECT_EQ(r.ranked[2].rank, 3);
  EXPECT_FALSE(r.ranked[0].in_top_n.has_value());  // no draws
  EXPECT_FALSE(r.top_n_unchanged.has_value());

  // Hjemmepleje's contributions: gain 4,0, history 2,0, market 1,7, peers 1,0.
  EXPECT_EQ(r.ranked[0].reasons_nb,
            (std::vector<std::string>{
                "Forventet gevinst 9,5 mill. kr/år fra beslutningssak 2 (10,0 av 10)",
                "Aldri konkurranseutsatt (10,0 av 10)",
                "Markedet: P(≥ 2 tilbud) 0,80, enkeltbudsandel 10 % (8,5 av 10)",
                "Ingen informasjon om andre kommuners erfaringer (5,0 av 10)"}));
  // Rengøring's: market 1,9, peers 1,6, history 1,4, gain 24/19 ≈ 1,26.
  EXPECT_EQ(r.ranked[1].reasons_nb,
            (std::vector<std::string>{
                "Markedet: P(≥ 2 tilbud) 0,95, enkeltbudsandel 5 % (9,5 av 10)",
                "Andre kommuners erfaringer: Lejre og Rudersdal har gode erfaringer (8,0 av 10, "
                "satt manuelt)",
                "Sist konkurranseutsatt 2019, 7 år før budsjettåret (7,0 av 10)",
                "Anslått gevinst 3,0 mill. kr/år: 5 % av volum 60,0 mill. kr, ingen "
                "beslutningssak (3,2 av 10)"}));
  // Madservice's: peers 1,0, gain 8/19 ≈ 0,42, history 0,4, market unscored (0).
  EXPECT_EQ(r.ranked[2].reasons_en,
            (std::vector<std::string>{
                "No information on other municipalities' experience (5.0 of 10)",
                "Expected gain 1.0 million kr a year from decision case 5 (1.1 of 10)",
                "Last competed in 2024, 2 years before the budget year (2.0 of 10)",
                "No market data: counted as 0"}));
  EXPECT_EQ(r.summary_nb, "Hjemmepleje står først (8,70 av 10); vektene er ikke trukket på nytt.");
}

// The totals with criterion k's weight set to t and the others rescaled proportionally, as
// weight stability varies it.
std::vector<double> TotalsAt(const PriorityList& list, size_t k, double t) {
  PriorityRanking base = RankPriorities(list);
  auto scores = ScoreCandidates(list);
  std::vector<double> totals;
  for (const auto& row : scores) {
    double total = 0;
    for (size_t j = 0; j < kPriorityCriterionCount; ++j) {
      const double w = j == k ? t : base.weights[j] * (1 - t) / (1 - base.weights[k]);
      total += w * row[j].score.value_or(0.0);
    }
    totals.push_back(total);
  }
  return totals;
}

TEST(RankPriorities, WeightStabilityOfTheFirstByHand) {
  const PriorityList list = Example();
  PriorityRanking r = RankPriorities(list);
  ASSERT_EQ(r.stability.size(), 4u);
  // Volume and gain at weight t, the others sharing 1 − t as 20:20:20:
  //   T_H = (1 − t)/0,6 · 4,7 + 10t, T_R = (1 − t)/0,6 · 4,9 + (60/19)t.
  //   T_H ≥ T_R ⇔ t·130/19 ≥ (1 − t)/3 ⇔ 390t ≥ 19 − 19t ⇔ t ≥ 19/409 ≈ 0,0465.
  EXPECT_EQ(r.stability[0].criterion, "volume_gain");
  EXPECT_DOUBLE_EQ(r.stability[0].weight, 0.4);
  EXPECT_NEAR(*r.stability[0].min, 19.0 / 409.0, 1e-12);
  EXPECT_NEAR(*r.stability[0].max, 1.0, 1e-12);
  EXPECT_EQ(r.stability[0].challenger_below, 1u);
  EXPECT_FALSE(r.stability[0].challenger_above.has_value());
  std::vector<double> at = TotalsAt(list, kVolume, 19.0 / 409.0);
  EXPECT_NEAR(at[0], at[1], 1e-12);  // at the bound Rengøring ties with Hjemmepleje
  // Others' experience at t: (1 − t)/0,8 · 7,7 + 5t vs (1 − t)/0,8 · (24/19 + 3,3) + 8t:
  //   (1 − t)/0,8 · 298/95 = 3t ⇔ 298(1 − t) = 228t ⇔ t = 149/263 ≈ 0,567.
  EXPECT_EQ(r.stability[1].criterion, "peer_experience");
  EXPECT_NEAR(*r.stability[1].min, 0.0, 1e-12);
  EXPECT_NEAR(*r.stability[1].max, 149.0 / 263.0, 1e-12);
  EXPECT_EQ(r.stability[1].challenger_above, 1u);
  at = TotalsAt(list, kPeer, 149.0 / 263.0);
  EXPECT_NEAR(at[0], at[1], 1e-12);
  // Market at t: (1 − t)/0,8 · 7 + 8,5t vs (1 − t)/0,8 · (24/19 + 3) + 9,5t:
  //   (1 − t)/0,8 · 52/19 = t ⇔ 65(1 − t) = 19t ⇔ t = 65/84 ≈ 0,774.
  EXPECT_NEAR(*r.stability[2].max, 65.0 / 84.0, 1e-12);
  EXPECT_EQ(r.stability[2].challenger_above, 1u);
  // Own history: Hjemmepleje has the best history score (10) and the best rest, so no weight
  // dethrones it.
  EXPECT_NEAR(*r.stability[3].min, 0.0, 1e-12);
  EXPECT_NEAR(*r.stability[3].max, 1.0, 1e-12);
  EXPECT_FALSE(r.stability[3].challenger_below.has_value());
  EXPECT_FALSE(r.stability[3].challenger_above.has_value());
}

TEST(RankPriorities, EqualTotalsShareARankAndHaveNoStability) {
  PriorityList list;
  list.budget_year = 2026;
  list.settings.weights = {25, 25, 25, 25};
  list.settings.top_n = 2;
  list.settings.draws = 0;
  auto all_manual = [](int64_t id, std::string name, std::array<double, 4> s) {
    Candidate c;
    c.area_id = id;
    c.name = std::move(name);
    for (size_t k = 0; k < 4; ++k) c.manual[k] = ManualScore{s[k], "Vurdert"};
    return c;
  };
  // Beta 0,25·(10 + 0 + 5 + 5) = 5; Alfa 0,25·(0 + 10 + 5 + 5) = 5; Gamma 0,25·4 = 1.
  list.candidates = {all_manual(1, "Beta", {10, 0, 5, 5}), all_manual(2, "Alfa", {0, 10, 5, 5}),
                     all_manual(3, "Gamma", {1, 1, 1, 1})};
  ASSERT_TRUE(ValidatePriorityList(list).ok());
  PriorityRanking r = RankPriorities(list);
  // Shared rank 1, then competition rank 3; within the tie by name.
  EXPECT_EQ(r.ranked[0].index, 1u);
  EXPECT_EQ(r.ranked[1].index, 0u);
  EXPECT_EQ(r.ranked[0].rank, 1);
  EXPECT_EQ(r.ranked[1].rank, 1);
  EXPECT_EQ(r.ranked[2].rank, 3);
  EXPECT_NEAR(r.ranked[0].total, 5.0, 1e-12);
  EXPECT_TRUE(r.stability.empty());
  EXPECT_EQ(r.summary_nb, "Alfa og Beta deler førsteplassen (5,00 av 10).");
  EXPECT_EQ(r.summary_en, "Alfa and Beta share the first place (5.00 of 10).");
}

TEST(RankPriorities, AZeroWeightSwitchesACriterionOff) {
  PriorityList list = Example();
  list.settings.weights = {40, 20, 0, 20};
  ASSERT_TRUE(ValidatePriorityList(list).ok());
  PriorityRanking r = RankPriorities(list);
  // Normalised 0,5 / 0,25 / 0 / 0,25.
  EXPECT_DOUBLE_EQ(r.weights[kVolume], 0.5);
  EXPECT_DOUBLE_EQ(r.weights[kMarket], 0.0);
  // Hjemmepleje 0,5·10 + 0,25·5 + 0,25·10 = 8,75; Rengøring 0,5·60/19 + 0,25·8 + 0,25·7 =
  // 30/19 + 3,75; Madservice 0,5·20/19 + 0,25·5 + 0,25·2 = 10/19 + 1,75.
  EXPECT_NEAR(r.ranked[0].total, 8.75, 1e-9);
  EXPECT_NEAR(r.ranked[1].total, 30.0 / 19.0 + 3.75, 1e-9);
  EXPECT_NEAR(r.ranked[2].total, 10.0 / 19.0 + 1.75, 1e-9);
  // The market adds nothing, so it comes last and says its weight is 0.
  EXPECT_EQ(r.ranked[0].reasons_nb.back(),
            "Markedet: P(≥ 2 tilbud) 0,80, enkeltbudsandel 10 % (8,5 av 10, vekt 0)");
  // Weight stability raises the market from 0: the others keep their 2:1:1 proportions, so
  // the bound is the one of the 40/20/20/20 example, (1 − t)·65/19 = t ⇔ t = 65/84.
  ASSERT_EQ(r.stability.size(), 4u);
  EXPECT_EQ(r.stability[kMarket].weight, 0.0);
  EXPECT_NEAR(*r.stability[kMarket].min, 0.0, 1e-12);
  EXPECT_NEAR(*r.stability[kMarket].max, 65.0 / 84.0, 1e-12);
  EXPECT_EQ(r.stability[kMarket].challenger_above, 1u);
  // Rank acceptability floors the zero weight at 0,1 points in every draw; without
  // perturbation that is weights 40/20/0,1/20 of 80,1, which keeps the order.
  list.settings.draws = 100;
  list.settings.perturbation_points = 0;
  list.settings.top_n = 2;
  r = RankPriorities(list);
  EXPECT_EQ(*r.ranked[0].in_top_n, 1.0);
  EXPECT_EQ(*r.ranked[1].in_top_n, 1.0);
  EXPECT_EQ(*r.ranked[2].in_top_n, 0.0);
  EXPECT_EQ(*r.top_n_unchanged, 1.0);
}

TEST(RankPriorities, NoPerturbationKeepsTheTopExactly) {
  PriorityList list = Example();
  list.settings.draws = 50;
  list.settings.perturbation_points = 0;
  list.settings.top_n = 2;
  PriorityRanking r = RankPriorities(list);
  EXPECT_EQ(*r.ranked[0].in_top_n, 1.0);
  EXPECT_EQ(*r.ranked[1].in_top_n, 1.0);
  EXPECT_EQ(*r.ranked[2].in_top_n, 0.0);
  EXPECT_EQ(*r.ranked[0].first, 1.0);
  EXPECT_EQ(*r.ranked[1].first, 0.0);
  EXPECT_EQ(*r.top_n_unchanged, 1.0);
  EXPECT_EQ(r.summary_nb,
            "Hjemmepleje står først i 100 % av trekningene. De 2 øverste er de samme i 100 % "
            "av 50 trekninger med vektene ±0 prosentpoeng.");
}

TEST(RankPriorities, DrawsAreDeterministicAndAgreeWithEachOther) {
  PriorityList list = Example();
  // ±50 points lets Rengøring overtake at times: weights 0,1/70/70/0,1 give Hjemmepleje
  // (0,5 + 350 + 595 + 1)/140,2 ≈ 6,75 and Rengøring (0,3 + 560 + 665 + 0,7)/140,2 ≈ 8,74.
  list.settings.perturbation_points = 50;
  list.settings.draws = 2000;
  list.settings.top_n = 1;
  list.settings.seed = 7;
  const PriorityRanking a = RankPriorities(list);
  const PriorityRanking b = RankPriorities(list);
  const double first = *a.ranked[0].first;
  EXPECT_GT(first, 0.0);
  EXPECT_LT(first, 1.0);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a.ranked[i].first, b.ranked[i].first);
    EXPECT_EQ(a.ranked[i].in_top_n, b.ranked[i].in_top_n);
  }
  EXPECT_EQ(a.top_n_unchanged, b.top_n_unchanged);
  EXPECT_EQ(a.summary_nb, b.summary_nb);
  // The top-1 set is unchanged exactly when Hjemmepleje is alone at rank 1: the set-per-draw
  // loop and the engine's rank counts saw the same draws. Distinct score rows never tie
  // exactly, so "first" and "alone first" agree.
  EXPECT_EQ(*a.top_n_unchanged, first);
  // Every draw puts exactly one candidate at rank 1 (no ties), so the shares sum to 1.
  double sum = 0;
  for (const RankedCandidate& c : a.ranked) sum += *c.in_top_n;
  EXPECT_NEAR(sum, 1.0, 1e-12);

  // Top 2: two per draw, and in_top_n is the sum of the first two rank shares.
  list.settings.top_n = 2;
  const PriorityRanking c = RankPriorities(list);
  sum = 0;
  for (const RankedCandidate& rc : c.ranked) sum += *rc.in_top_n;
  EXPECT_NEAR(sum, 2.0, 1e-12);
  EXPECT_GE(*c.ranked[0].in_top_n, *c.ranked[0].first);
  EXPECT_EQ(c.ranked[0].first, a.ranked[0].first);  // the same seed draws the same weights
}

TEST(RankPriorities, AnEmptyList) {
  PriorityList list;
  list.budget_year = 2026;
  list.settings.top_n = 1;
  ASSERT_TRUE(ValidatePriorityList(list).ok());
  PriorityRanking r = RankPriorities(list);
  EXPECT_TRUE(r.ranked.empty());
  EXPECT_TRUE(r.stability.empty());
  EXPECT_FALSE(r.top_n_unchanged.has_value());
  EXPECT_EQ(r.summary_en, "The list has no candidates.");
}

TEST(ValidatePriorityList, EachRefusalNamesTheField) {
  ASSERT_TRUE(ValidatePriorityList(Example()).ok());
  struct Case {
    std::function<void(PriorityList&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](PriorityList& l) { l.budget_year = 1989; }, "budget_year"},
      {[](PriorityList& l) { l.settings.weights[1] = -1; }, "settings.weights.peer_experience"},
      {[](PriorityList& l) { l.settings.weights[0] = std::nan(""); },
       "settings.weights.volume_gain"},
      {[](PriorityList& l) {
         l.settings.weights = {0, 0, 0, 0};
       },
       "settings.weights"},
      {[](PriorityList& l) { l.settings.default_gain_rate = 1.5; }, "settings.default_gain_rate"},
      {[](PriorityList& l) { l.settings.top_n = 0; }, "settings.top_n"},
      {[](PriorityList& l) { l.settings.top_n = 4; }, "settings.top_n"},
      {[](PriorityList& l) { l.settings.draws = 1'000'001; }, "settings.draws"},
      {[](PriorityList& l) { l.settings.perturbation_points = 51; },
       "settings.perturbation_points"},
      {[](PriorityList& l) { l.candidates[1].area_id = 0; }, "candidates[1].area_id"},
      {[](PriorityList& l) { l.candidates[2].area_id = 1; }, "candidates[2].area_id"},
      {[](PriorityList& l) { l.candidates[0].name = " "; }, "candidates[0].name"},
      {[](PriorityList& l) { l.candidates[0].facts.yearly_volume = -1; },
       "candidates[0].facts.yearly_volume"},
      {[](PriorityList& l) { l.candidates[0].facts.expected_gain = -1; },
       "candidates[0].facts.expected_gain"},
      {[](PriorityList& l) { l.candidates[0].facts.decision_case_id = 0; },
       "candidates[0].facts.decision_case_id"},
      {[](PriorityList& l) { l.candidates[0].facts.p_two_or_more_bids = 1.01; },
       "candidates[0].facts.p_two_or_more_bids"},
      {[](PriorityList& l) { l.candidates[0].facts.single_bid_rate = -0.1; },
       "candidates[0].facts.single_bid_rate"},
      {[](PriorityList& l) { l.candidates[0].facts.comparable_lots = -3; },
       "candidates[0].facts.comparable_lots"},
      {[](PriorityList& l) { l.candidates[0].facts.last_competed_year = 1800; },
       "candidates[0].facts.last_competed_year"},
      {[](PriorityList& l) { l.candidates[1].manual[kPeer]->score = 10.5; },
       "candidates[1].manual.peer_experience.score"},
      {[](PriorityList& l) { l.candidates[1].manual[kPeer]->reason = ""; },
       "candidates[1].manual.peer_experience.reason"},
      {[](PriorityList& l) { l.candidates[1].note = std::string(4001, 'x'); },
       "candidates[1].note"},
  };
  for (const Case& c : cases) {
    PriorityList list = Example();
    c.change(list);
    Status s = ValidatePriorityList(list);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(s.field(), c.field) << s.ToString();
  }
  // The message names the candidate too.
  PriorityList list = Example();
  list.candidates[1].manual[kPeer]->reason = "";
  EXPECT_EQ(ValidatePriorityList(list).message(),
            "candidate 'Rengøring': a score set by hand needs a reason");
  // Too many candidates.
  list = Example();
  list.candidates.clear();
  for (int64_t i = 1; i <= static_cast<int64_t>(kMaxCandidates) + 1; ++i) {
    Candidate c;
    c.area_id = i;
    c.name = "Område " + std::to_string(i);
    list.candidates.push_back(c);
  }
  EXPECT_EQ(ValidatePriorityList(list).field(), "candidates");
}

}  // namespace
}  // namespace samspill::strategy
