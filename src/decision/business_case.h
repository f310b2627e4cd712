// BusinessCase: the total cost of each alternative over the contract period, before deciding
// whether to tender (issue 16, seed 000 §5.3, seed 003).
//
// A case has alternatives ("in-house as today", "in-house improved", "outsourced", …) and items
// per alternative and year, each a saving or a cost against running the service as today, with
// a low, base and high estimate. Items marked uncertain are shown but never counted in a total
// (seed 003 left "reduced conflict", (6,8) and (9,0) MNOK, out of its totals for that reason).
//
// Totals per alternative: the nominal sum and the present value of the net saving (savings
// minus costs), at real prices. Discounting follows the Ministry of Finance's circular
// R-109/2021 (DOMAIN.md §6): a real rate, 4 % by default, for the first 40 years, 3 % for years
// 41–75 and 2 % after; the rate is a setting, shown with the result. Year-count convention: the
// first year of the period is year 0 and is not discounted; year t is discounted by the factor
// of its distance from the first year. The difference from the baseline alternative (in-house as
// today) and each total as a share of the period's operating costs are given beside them.
//
// MonteCarlo() draws every counted item from its triangular (low, base, high) distribution. The
// items of one line (same alternative, name and kind) in different years share one draw per
// round: a line that runs high runs high every year. It gives per alternative the
// range of the net present value and the probability that it saves more than the baseline. The
// same seed gives the same figures on every machine (SplitMix64, with the uniform draws made from
// its raw 64-bit output, not from a library distribution; no fused multiply-add, and the
// vectorised kernels compute what the portable one does, operation for operation). Years of a
// line whose shapes (the mode's place between low and high) differ by less than a krone a year
// in present value are drawn as one shape. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace samspill::decision {

inline constexpr int kMaxAlternatives = 50;
inline constexpr int kMaxItems = 20'000;
inline constexpr int kMaxPeriodYears = 100;

// Stored: never renumber.
enum class ItemKind { kSaving = 1, kCost = 2 };

struct Alternative {
  std::string id;  // "in_house", "in_house_improved", "outsourced"
  std::string name;
};

// Amounts are whole kroner (NOK, real prices of the case's price year), never negative: the
// kind says whether the item saves or costs. low ≤ base ≤ high.
struct CaseItem {
  std::string alternative_id;
  std::string name;  // "Sykefravær", "Anbudskostnader"
  ItemKind kind = ItemKind::kSaving;
  int year = 0;
  int64_t low = 0;
  int64_t base = 0;
  int64_t high = 0;
  bool uncertain = false;  // shown, never in a total
};

struct OperatingCost {
  int year = 0;
  int64_t amount = 0;  // the service's (or municipality's) operating costs that year, NOK
};

// The discount rates of R-109/2021 by the year's distance from the start of the period.
struct DiscountRates {
  double first_40_years = 0.04;
  double years_41_to_75 = 0.03;
  double after_75_years = 0.02;
};

struct BusinessCase {
  int first_year = 0;
  int last_year = 0;
  std::string baseline_id = "in_house";  // "in-house as today": the differences are against it
  DiscountRates discount;
  std::vector<Alternative> alternatives;
  std::vector<CaseItem> items;
  std::vector<OperatingCost> operating_costs;  // for the shares; may be empty
};

// InvalidArgument naming the field ("items[3].year", "alternatives[1].id") for: a period that
// is empty or longer than kMaxPeriodYears, no alternatives or too many, a blank or repeated
// alternative id, a baseline that is not an alternative, an item of an unknown alternative, a
// year outside the period, a negative amount or low > base > high out of order, a blank item
// name, a discount rate outside [0, 1), an operating cost outside the period, negative or given
// twice for a year.
Status ValidateCase(const BusinessCase& c);

// The factor that discounts an amount in `year` to the first year of the period.
double DiscountFactor(const DiscountRates& rates, int years_from_start);

struct AlternativeTotals {
  std::string alternative_id;
  // Counted items only (base estimates), saving positive, cost negative.
  int64_t savings = 0;  // Σ savings
  int64_t costs = 0;    // Σ costs (as a positive amount)
  int64_t net = 0;      // savings − costs, nominal
  double net_present_value = 0;
  int64_t net_low = 0;        // Σ lows of savings − Σ highs of costs: the worst case
  int64_t net_high = 0;       // Σ highs of savings − Σ lows of costs: the best case
  int64_t uncertain_net = 0;  // the uncertain items, shown apart (saving positive)
  int uncertain_items = 0;
  // Against the baseline alternative: net − the baseline's net.
  int64_t difference = 0;
  double difference_present_value = 0;
  // net ÷ the period's operating costs; absent when none are given.
  bool has_share = false;
  double share_of_operating_costs = 0;
};

struct CaseTotals {
  std::vector<AlternativeTotals> alternatives;  // in the case's order
};

Result<CaseTotals> ComputeTotals(const BusinessCase& c);

// How MonteCarlo() computes its rounds. Every kernel gives the same figures to the last bit;
// kAuto takes the fastest this processor runs, the others are there for tests and benchmarks.
enum class MonteCarloKernel { kAuto, kPortable, kAvx2, kAvx512 };

struct MonteCarloOptions {
  uint64_t seed = 20250220;
  int draws = 10'000;  // 1 … 10 000 000
  MonteCarloKernel kernel = MonteCarloKernel::kAuto;
};

struct AlternativeRange {
  std::string alternative_id;
  double p10 = 0, p50 = 0, p90 = 0;  // net present value
  double mean = 0;
  // Share of the draws in which the alternative's net present value beats the baseline's (for
  // the baseline itself: 0).
  double probability_better_than_baseline = 0;
};

struct MonteCarloResult {
  uint64_t seed = 0;
  int draws = 0;
  std::vector<AlternativeRange> alternatives;
};

// FailedPrecondition when this processor cannot run options.kernel.
Result<MonteCarloResult> MonteCarlo(const BusinessCase& c, const MonteCarloOptions& options);

// Whether this processor runs the kernel (x86-64 with AVX2, or AVX-512 F and DQ).
bool CanRunMonteCarloKernel(MonteCarloKernel kernel);

// Uniform draw number k (from 0) of a seed: SplitMix64's (k + 1)-th output, its top 53 bits as
// a fraction in [0, 1). With the counted lines numbered 0 … L − 1 in the order they first appear
// among the items, line i uses draw d · L + i in round d.
double MonteCarloUniform(uint64_t seed, uint64_t k);

// The inverse distribution function of the triangular distribution (low, mode, high) at u in
// [0, 1]; `low` when the three are equal.
double TriangularQuantile(double low, double mode, double high, double u);

}  // namespace samspill::decision
