#include "decision/business_case.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace samspill::decision {
namespace {

constexpr int64_t kMillion = 1'000'000;

CaseItem Item(std::string name, ItemKind kind, double mnok, bool uncertain = false) {
  const auto amount = static_cast<int64_t>(std::llround(mnok * kMillion));
  return {"in_house_improved", std::move(name), kind, 2013, amount, amount, amount, uncertain};
}

// Seed 003 ("Samarbeid lønner seg", KNS): the savings of three-party cooperation in one year,
// in MNOK, as "in-house improved" against "in-house as today". The source gives no operating
// costs, only each total's share of them; the operating costs here are the ones its own shares
// imply (18,0 / 3,0 % = 600 MNOK …), so the test checks the share arithmetic, not the source.
BusinessCase Kns(std::vector<CaseItem> items, double operating_mnok) {
  BusinessCase c;
  c.first_year = c.last_year = 2013;
  c.alternatives = {{"in_house", "Egen drift som i dag"},
                    {"in_house_improved", "Egen drift, forbedret (trepartssamarbeid)"}};
  c.items = std::move(items);
  c.operating_costs = {{2013, static_cast<int64_t>(std::llround(operating_mnok * kMillion))}};
  return c;
}

const AlternativeTotals& Improved(const CaseTotals& t) { return t.alternatives[1]; }

TEST(BusinessCase, TheKnsTableOfSeed003) {
  using K = ItemKind;
  // The extracted table does not say which two columns "Redusert konflikt (6,8) (9,0)" stand
  // in; they are taken as the first two. Either way they are too uncertain to count.
  const BusinessCase lunner =
      Kns({Item("Sykefravær", K::kSaving, 3.0), Item("AFP", K::kSaving, 3.3),
           Item("Turnover", K::kSaving, 4.0), Item("Heltid-deltid", K::kSaving, 1.5),
           Item("Konsulentbruk", K::kSaving, 2.4), Item("Anbudskostnader", K::kSaving, 3.8),
           Item("Redusert konflikt", K::kSaving, 6.8, /*uncertain=*/true)},
          600);
  const BusinessCase songdalen =
      Kns({Item("Sykefravær", K::kSaving, 6.0), Item("AFP", K::kSaving, 2.0),
           Item("Turnover", K::kSaving, 3.0), Item("Heltid-deltid", K::kSaving, 1.5),
           Item("Konsulentbruk", K::kSaving, 0.7), Item("Anbudskostnader", K::kSaving, 2.3),
           Item("Redusert konflikt", K::kSaving, 9.0, /*uncertain=*/true)},
          15.6 / 0.034);
  // Bømlo's turnover rose: printed "+ 2,5", a cost.
  const BusinessCase bomlo =
      Kns({Item("Sykefravær", K::kSaving, 10.0), Item("AFP", K::kSaving, 1.0),
           Item("Turnover", K::kCost, 2.5), Item("Heltid-deltid", K::kSaving, 1.0),
           Item("Konsulentbruk", K::kSaving, 1.6), Item("Anbudskostnader", K::kSaving, 5.9)},
          17.0 / 0.021);

  Result<CaseTotals> l = ComputeTotals(lunner);
  Result<CaseTotals> s = ComputeTotals(songdalen);
  Result<CaseTotals> b = ComputeTotals(bomlo);
  ASSERT_TRUE(l.ok() && s.ok() && b.ok());
  EXPECT_EQ(Improved(*l).net, 18'000'000);
  // The source prints 15,6; its own items add to 15,5. The sum is shown as it is.
  EXPECT_EQ(Improved(*s).net, 15'500'000);
  EXPECT_EQ(Improved(*b).net, 17'000'000);
  EXPECT_EQ(Improved(*b).costs, 2'500'000);
  EXPECT_EQ(Improved(*b).savings, 19'500'000);
  // The uncertain items are shown apart and never in the totals.
  EXPECT_EQ(Improved(*l).uncertain_net, 6'800'000);
  EXPECT_EQ(Improved(*l).uncertain_items, 1);
  EXPECT_EQ(Improved(*s).uncertain_net, 9'000'000);
  EXPECT_EQ(Improved(*b).uncertain_items, 0);
  // One year, no discounting; the difference from today is the net itself.
  EXPECT_DOUBLE_EQ(Improved(*l).net_present_value, 18'000'000.0);
  EXPECT_EQ(Improved(*l).difference, 18'000'000);
  EXPECT_EQ(l->alternatives[0].net, 0);
  // 3,0 % / 3,4 % / 2,1 % of the operating costs, to the source's one decimal.
  EXPECT_NEAR(Improved(*l).share_of_operating_costs * 100, 3.0, 0.05);
  EXPECT_NEAR(Improved(*s).share_of_operating_costs * 100, 3.4, 0.05);
  EXPECT_NEAR(Improved(*b).share_of_operating_costs * 100, 2.1, 0.05);
}

// However large, an uncertain item changes no total, no range and no Monte-Carlo figure.
TEST(BusinessCase, UncertainItemsNeverEnterATotal) {
  BusinessCase c;
  c.first_year = 2026;
  c.last_year = 2029;
  c.alternatives = {{"in_house", "Som i dag"}, {"outsourced", "Konkurranseutsatt"}};
  for (int year = 2026; year <= 2029; ++year) {
    c.items.push_back({"outsourced", "Kontraktspris", ItemKind::kCost, year, 90 * kMillion,
                       100 * kMillion, 120 * kMillion, false});
    c.items.push_back({"outsourced", "Egen drift faller bort", ItemKind::kSaving, year,
                       95 * kMillion, 105 * kMillion, 110 * kMillion, false});
  }
  const Result<CaseTotals> before = ComputeTotals(c);
  const Result<MonteCarloResult> draws_before = MonteCarlo(c, {.seed = 7, .draws = 2000});
  ASSERT_TRUE(before.ok() && draws_before.ok());
  for (ItemKind kind : {ItemKind::kSaving, ItemKind::kCost}) {
    BusinessCase with = c;
    with.items.push_back(
        {"outsourced", "Redusert konflikt", kind, 2027, 1, 900 * kMillion, 5000 * kMillion, true});
    with.items.push_back({"in_house", "Ukjent", kind, 2028, 0, 50 * kMillion, 70 * kMillion, true});
    const Result<CaseTotals> after = ComputeTotals(with);
    const Result<MonteCarloResult> draws_after = MonteCarlo(with, {.seed = 7, .draws = 2000});
    ASSERT_TRUE(after.ok() && draws_after.ok());
    for (size_t a = 0; a < 2; ++a) {
      const AlternativeTotals& x = before->alternatives[a];
      const AlternativeTotals& y = after->alternatives[a];
      EXPECT_EQ(x.net, y.net);
      EXPECT_EQ(x.savings, y.savings);
      EXPECT_EQ(x.costs, y.costs);
      EXPECT_EQ(x.net_low, y.net_low);
      EXPECT_EQ(x.net_high, y.net_high);
      EXPECT_EQ(x.difference, y.difference);
      EXPECT_DOUBLE_EQ(x.net_present_value, y.net_present_value);
      EXPECT_EQ(y.uncertain_items, 1);
      EXPECT_DOUBLE_EQ(draws_before->alternatives[a].p50, draws_after->alternatives[a].p50);
      EXPECT_DOUBLE_EQ(draws_before->alternatives[a].probability_better_than_baseline,
                       draws_after->alternatives[a].probability_better_than_baseline);
    }
  }
}

// R-109/2021: 4 % for the first 40 years, 3 % for years 41–75, 2 % after; year 0 undiscounted.
TEST(BusinessCase, PresentValueMatchesTheClosedForm) {
  const DiscountRates r;
  EXPECT_DOUBLE_EQ(DiscountFactor(r, 0), 1.0);
  EXPECT_NEAR(DiscountFactor(r, 40), std::pow(1.04, -40), 1e-15);
  EXPECT_NEAR(DiscountFactor(r, 41), std::pow(1.04, -40) / 1.03, 1e-15);
  EXPECT_NEAR(DiscountFactor(r, 80), std::pow(1.04, -40) * std::pow(1.03, -35) * std::pow(1.02, -5),
              1e-15);
  // A constant saving A for n years: A · (1 − v^n) / (1 − v), v = 1 / 1.04.
  BusinessCase c;
  c.first_year = 2026;
  c.last_year = 2035;
  c.alternatives = {{"in_house", "Som i dag"}, {"in_house_improved", "Forbedret"}};
  const int64_t a = 3 * kMillion;
  for (int year = 2026; year <= 2035; ++year) {
    c.items.push_back({"in_house_improved", "Sykefravær", ItemKind::kSaving, year, a, a, a, false});
  }
  const Result<CaseTotals> t = ComputeTotals(c);
  ASSERT_TRUE(t.ok());
  const double v = 1 / 1.04;
  EXPECT_NEAR(t->alternatives[1].net_present_value, a * (1 - std::pow(v, 10)) / (1 - v), 1e-6);
  EXPECT_EQ(t->alternatives[1].net, 10 * a);
  c.discount.first_40_years = 0.0;  // a municipality's own choice: shown with the result
  EXPECT_DOUBLE_EQ(ComputeTotals(c)->alternatives[1].net_present_value, 10.0 * a);
}

TEST(BusinessCase, TriangularQuantileIsTheInverseDistribution) {
  EXPECT_DOUBLE_EQ(TriangularQuantile(0, 50, 100, 0.5), 50);
  EXPECT_DOUBLE_EQ(TriangularQuantile(0, 50, 100, 0.0), 0);
  EXPECT_DOUBLE_EQ(TriangularQuantile(0, 50, 100, 1.0), 100);
  EXPECT_DOUBLE_EQ(TriangularQuantile(10, 10, 10, 0.3), 10);
  // F(x) = (x − a)² / ((b − a)(c − a)) below the mode: F(20) = 400 / (100 · 40) = 0.1.
  EXPECT_NEAR(TriangularQuantile(0, 40, 100, 0.1), 20, 1e-12);
  // Above: 1 − F(x) = (b − x)² / ((b − a)(b − c)); x = 70 → 900 / 6000 = 0.15.
  EXPECT_NEAR(TriangularQuantile(0, 40, 100, 0.85), 70, 1e-12);
}

// Against closed forms: the mean (a + c + b) / 3, and P(X − 50 > 0) = (100 − 50)² / 100² = 0.25
// for X ~ triangular(0, 0, 100) against a baseline of 0; within four standard errors.
TEST(BusinessCase, MonteCarloIsReproducibleAndMatchesTheDistribution) {
  BusinessCase c;
  c.first_year = c.last_year = 2026;
  c.alternatives = {{"in_house", "Som i dag"}, {"outsourced", "Konkurranseutsatt"}};
  c.items = {{"outsourced", "Innsparing", ItemKind::kSaving, 2026, 0, 0, 100, false},
             {"outsourced", "Oppfølging", ItemKind::kCost, 2026, 50, 50, 50, false}};
  const int n = 200'000;
  const Result<MonteCarloResult> r = MonteCarlo(c, {.seed = 42, .draws = n});
  ASSERT_TRUE(r.ok());
  const AlternativeRange& out = r->alternatives[1];
  const double mean = 100.0 / 3 - 50;
  const double sd = std::sqrt(100.0 * 100.0 / 18);  // (a² + b² + c² − ab − ac − bc) / 18
  EXPECT_NEAR(out.mean, mean, 4 * sd / std::sqrt(n));
  EXPECT_NEAR(out.probability_better_than_baseline, 0.25, 4 * std::sqrt(0.25 * 0.75 / n));
  // The median of triangular(0, 0, 100) is 100 (1 − √½) ≈ 29.29.
  EXPECT_NEAR(out.p50, 100 * (1 - std::sqrt(0.5)) - 50, 0.5);
  EXPECT_DOUBLE_EQ(r->alternatives[0].probability_better_than_baseline, 0);
  // The same seed gives the same figures; another seed other figures.
  const Result<MonteCarloResult> again = MonteCarlo(c, {.seed = 42, .draws = n});
  EXPECT_EQ(again->alternatives[1].mean, out.mean);
  EXPECT_EQ(again->alternatives[1].p10, out.p10);
  EXPECT_EQ(again->alternatives[1].probability_better_than_baseline,
            out.probability_better_than_baseline);
  EXPECT_NE(MonteCarlo(c, {.seed = 43, .draws = n})->alternatives[1].mean, out.mean);
}

// The items of one line in different years share a draw: two years of triangular(0, 0, 100)
// against a fixed cost of 100 save more exactly when X > 50, P = 0.25 (independent draws would
// give P(X₁ + X₂ > 100) = 1/6). With the mode moving between the years the quantiles are added
// year by year: p10 = 100 (1 − √0.9) + 100 √0.1 ≈ 36.75.
TEST(BusinessCase, TheYearsOfALineShareOneDraw) {
  BusinessCase c;
  c.first_year = 2026;
  c.last_year = 2027;
  c.discount.first_40_years = 0;
  c.alternatives = {{"in_house", "Som i dag"}, {"outsourced", "Konkurranseutsatt"}};
  c.items = {{"outsourced", "Innsparing", ItemKind::kSaving, 2026, 0, 0, 100, false},
             {"outsourced", "Innsparing", ItemKind::kSaving, 2027, 0, 0, 100, false},
             {"outsourced", "Oppfølging", ItemKind::kCost, 2026, 100, 100, 100, false}};
  const int n = 100'000;
  const Result<MonteCarloResult> linear = MonteCarlo(c, {.seed = 3, .draws = n});
  ASSERT_TRUE(linear.ok());
  EXPECT_NEAR(linear->alternatives[1].probability_better_than_baseline, 0.25,
              4 * std::sqrt(0.25 * 0.75 / n));
  c.items = {{"outsourced", "Innsparing", ItemKind::kSaving, 2026, 0, 0, 100, false},
             {"outsourced", "Innsparing", ItemKind::kSaving, 2027, 0, 100, 100, false}};
  const Result<MonteCarloResult> shifted = MonteCarlo(c, {.seed = 3, .draws = n});
  ASSERT_TRUE(shifted.ok());
  EXPECT_NEAR(shifted->alternatives[1].p10, 100 * (1 - std::sqrt(0.9)) + 100 * std::sqrt(0.1), 1.0);
  EXPECT_NEAR(shifted->alternatives[1].mean, 100, 1.0);
}

// SplitMix64 as published (Vigna, splitmix64.c): seed 1234567 gives 6457827717110365317 and
// then 3203168211198807973; a uniform is the output's top 53 bits over 2⁵³.
TEST(BusinessCase, UniformsAreSplitMix64sOutput) {
  EXPECT_EQ(MonteCarloUniform(1234567, 0),
            static_cast<double>(6457827717110365317ULL >> 11) / 0x1.0p53);
  EXPECT_EQ(MonteCarloUniform(1234567, 1),
            static_cast<double>(3203168211198807973ULL >> 11) / 0x1.0p53);
}

// A case of lines with one shape, with a mode that moves every year, with two shapes, a
// constant one and one of zero width, and a round count that is neither a multiple of four nor
// of the engine's block.
BusinessCase MovingModes() {
  BusinessCase c;
  c.first_year = 2026;
  c.last_year = 2033;
  c.alternatives = {{"in_house", "Som i dag"},
                    {"outsourced", "Konkurranseutsatt"},
                    {"in_house_improved", "Forbedret"}};
  for (int year = c.first_year; year <= c.last_year; ++year) {
    const int64_t t = year - c.first_year;
    c.items.push_back({"in_house", "Lønn", ItemKind::kCost, year, 80 * kMillion, 90 * kMillion,
                       120 * kMillion, false});
    c.items.push_back({"outsourced", "Kontraktspris", ItemKind::kCost, year, 70 * kMillion,
                       (71 + 6 * t) * kMillion, 130 * kMillion, false});
    c.items.push_back({"outsourced", "Egen drift faller bort", ItemKind::kSaving, year,
                       (10 + t) * kMillion, (10 + t) * kMillion, (20 + 2 * t) * kMillion, false});
    c.items.push_back({"outsourced", "Oppfølging", ItemKind::kCost, year, 2 * kMillion,
                       2 * kMillion, 2 * kMillion, false});
    c.items.push_back({"in_house_improved", "Sykefravær", ItemKind::kSaving, year, 0,
                       (t < 4 ? 1 : 9) * kMillion, 10 * kMillion, false});
    c.items.push_back({"in_house_improved", "Lønn", ItemKind::kCost, year, 85 * kMillion,
                       (t % 2 ? 86 : 110) * kMillion, 115 * kMillion, false});
  }
  return c;
}

// Every kernel this processor runs gives the portable kernel's figures to the last bit.
TEST(BusinessCase, KernelsGiveTheSameFiguresBitForBit) {
  const BusinessCase c = MovingModes();
  int compared = 0;
  for (MonteCarloKernel kernel : {MonteCarloKernel::kAvx2, MonteCarloKernel::kAvx512}) {
    if (!CanRunMonteCarloKernel(kernel)) {
      EXPECT_FALSE(MonteCarlo(c, {.kernel = kernel}).ok());
      continue;
    }
    ++compared;
    for (int draws : {1, 3, 517, 20'001}) {
      const Result<MonteCarloResult> portable =
          MonteCarlo(c, {.seed = 11, .draws = draws, .kernel = MonteCarloKernel::kPortable});
      const Result<MonteCarloResult> vector =
          MonteCarlo(c, {.seed = 11, .draws = draws, .kernel = kernel});
      ASSERT_TRUE(portable.ok() && vector.ok());
      for (size_t a = 0; a < c.alternatives.size(); ++a) {
        const AlternativeRange& x = portable->alternatives[a];
        const AlternativeRange& y = vector->alternatives[a];
        EXPECT_EQ(x.mean, y.mean) << draws << " " << x.alternative_id;
        EXPECT_EQ(x.p10, y.p10);
        EXPECT_EQ(x.p50, y.p50);
        EXPECT_EQ(x.p90, y.p90);
        EXPECT_EQ(x.probability_better_than_baseline, y.probability_better_than_baseline);
      }
    }
  }
  if (compared == 0) GTEST_SKIP() << "no vector kernel runs on this processor";
}

// The engine against the definition, written out: round d of line i draws uniform d · L + i and
// adds every year's discounted triangular quantile at it. The engine sums a moving line's years
// as A_j − √(1 − u)·B_j + √u·C_j (monte_carlo_kernel.h), with √u and √c apart where the
// definition takes √(u·c), and adds the parts in another order, so a round's sum differs by
// rounding only: a few units in the last place of the amounts summed, far below 10⁻⁹ of the
// spread. The order statistics move by no more than the largest of those differences.
TEST(BusinessCase, MovingModesMatchTheDefinition) {
  const BusinessCase c = MovingModes();
  const int draws = 5'003;
  const uint64_t seed = 99;
  std::vector<std::tuple<std::string, std::string, ItemKind>> lines;
  for (const CaseItem& item : c.items) {
    const auto key = std::make_tuple(item.alternative_id, item.name, item.kind);
    if (std::find(lines.begin(), lines.end(), key) == lines.end()) lines.push_back(key);
  }
  std::vector<std::vector<double>> values(c.alternatives.size(), std::vector<double>(draws));
  for (int d = 0; d < draws; ++d) {
    for (const CaseItem& item : c.items) {
      const auto key = std::make_tuple(item.alternative_id, item.name, item.kind);
      const auto i =
          static_cast<uint64_t>(std::find(lines.begin(), lines.end(), key) - lines.begin());
      const double u = MonteCarloUniform(seed, static_cast<uint64_t>(d) * lines.size() + i);
      size_t a = 0;
      while (c.alternatives[a].id != item.alternative_id) ++a;
      values[a][d] +=
          (item.kind == ItemKind::kSaving ? 1 : -1) *
          DiscountFactor(c.discount, item.year - c.first_year) *
          TriangularQuantile(static_cast<double>(item.low), static_cast<double>(item.base),
                             static_cast<double>(item.high), u);
    }
  }
  const Result<MonteCarloResult> r = MonteCarlo(c, {.seed = seed, .draws = draws});
  ASSERT_TRUE(r.ok());
  const double tolerance = 1e-9 * 1000 * kMillion;
  for (size_t a = 0; a < c.alternatives.size(); ++a) {
    std::vector<double> v = values[a];
    double sum = 0;
    int better = 0;
    for (int d = 0; d < draws; ++d) {
      sum += v[d];
      if (a != 0 && v[d] > values[0][d]) ++better;
    }
    std::sort(v.begin(), v.end());
    const AlternativeRange& out = r->alternatives[a];
    EXPECT_NEAR(out.mean, sum / draws, tolerance) << out.alternative_id;
    EXPECT_NEAR(out.p10, v[static_cast<size_t>(0.1 * (draws - 1))], tolerance);
    EXPECT_NEAR(out.p50, v[static_cast<size_t>(0.5 * (draws - 1))], tolerance);
    EXPECT_NEAR(out.p90, v[static_cast<size_t>(0.9 * (draws - 1))], tolerance);
    EXPECT_EQ(out.probability_better_than_baseline, static_cast<double>(better) / draws);
  }
}

TEST(BusinessCase, BadInputIsRefusedNamingTheField) {
  BusinessCase good;
  good.first_year = 2026;
  good.last_year = 2029;
  good.alternatives = {{"in_house", "Som i dag"}, {"outsourced", "Konkurranseutsatt"}};
  good.items = {{"outsourced", "Kontraktspris", ItemKind::kCost, 2027, 1, 2, 3, false}};
  good.operating_costs = {{2026, 500 * kMillion}};
  ASSERT_TRUE(ValidateCase(good).ok());
  auto field = [&](auto change) {
    BusinessCase c = good;
    change(c);
    const Status s = ValidateCase(c);
    EXPECT_FALSE(ComputeTotals(c).ok());
    EXPECT_FALSE(MonteCarlo(c, {}).ok());
    return s.ok() ? std::string("ok") : s.field();
  };
  EXPECT_EQ(field([](BusinessCase& c) { c.items[0].year = 2030; }), "items[0].year");
  EXPECT_EQ(field([](BusinessCase& c) { c.items[0].alternative_id = "x"; }),
            "items[0].alternative_id");
  EXPECT_EQ(field([](BusinessCase& c) { c.items[0].low = -1; }), "items[0].base");
  EXPECT_EQ(field([](BusinessCase& c) { c.items[0].high = 1; }), "items[0].base");
  EXPECT_EQ(field([](BusinessCase& c) { c.items[0].name = " "; }), "items[0].name");
  EXPECT_EQ(field([](BusinessCase& c) { c.baseline_id = "today"; }), "baseline_id");
  EXPECT_EQ(field([](BusinessCase& c) { c.alternatives[1].id = "in_house"; }),
            "alternatives[1].id");
  EXPECT_EQ(field([](BusinessCase& c) { c.discount.first_40_years = 4; }),
            "discount.first_40_years");
  EXPECT_EQ(field([](BusinessCase& c) { c.last_year = 2025; }), "last_year");
  EXPECT_EQ(field([](BusinessCase& c) {
              c.operating_costs.push_back({2026, 1});
            }),
            "operating_costs[1].year");
  EXPECT_EQ(field([](BusinessCase& c) { c.operating_costs[0].amount = -5; }),
            "operating_costs[0].amount");
  EXPECT_FALSE(MonteCarlo(good, {.seed = 1, .draws = 0}).ok());
}

}  // namespace
}  // namespace samspill::decision
