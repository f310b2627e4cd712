// The business case's Monte-Carlo at the size issue 16 names: 10 alternatives × 200 lines × 10
// years (20 000 items) and 100 000 draws (BM_MonteCarlo100k, goal: under 0.2 s on one core),
// against the deterministic totals of the same case (BM_TotalsBaseline) measured in the same
// run, and against the first engine (monte_carlo_before.h). Every line has the same shape in
// every year, as a line entered with one low/base/high scaled by year does;
// BM_MonteCarlo100kShapeChanges moves each line's mode in its last year, so each line has two
// shapes. Each run checks its answer: the mean of the draws must be the exact expected present
// value, within 0.5 % of the spread.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "decision/business_case.h"
#include "monte_carlo_before.h"

namespace samspill::decision {
namespace {

BusinessCase Generated(bool shape_changes) {
  BusinessCase c;
  c.first_year = 2026;
  c.last_year = 2035;
  std::mt19937 rng(2026);
  std::uniform_int_distribution<int64_t> base(100'000, 5'000'000);
  for (int a = 0; a < 10; ++a) {
    const std::string id = a == 0 ? "in_house" : "alternative_" + std::to_string(a);
    c.alternatives.push_back({id, "Alternativ " + std::to_string(a)});
    for (int line = 0; line < 200; ++line) {
      const int64_t b = base(rng);
      const ItemKind kind = line % 3 == 0 ? ItemKind::kCost : ItemKind::kSaving;
      for (int year = c.first_year; year <= c.last_year; ++year) {
        const int64_t grown = b + (year - c.first_year) * b / 50;
        const bool moved = shape_changes && year == c.last_year;
        c.items.push_back({id, "Linje " + std::to_string(line), kind, year, grown * 8 / 10,
                           moved ? grown * 12 / 10 : grown, grown * 13 / 10, false});
      }
    }
  }
  return c;
}

// The mean of the draws against the exact expectation, Σ sign · discount · (low + base + high) / 3
// per alternative (the mean is linear, whatever the draws share): within 0.5 % of the spread.
void Check(benchmark::State& state, const BusinessCase& c, const MonteCarloResult& r) {
  std::vector<double> expected(c.alternatives.size()), spread(c.alternatives.size());
  for (const CaseItem& item : c.items) {
    size_t a = 0;
    while (c.alternatives[a].id != item.alternative_id) ++a;
    const double f = DiscountFactor(c.discount, item.year - c.first_year) *
                     (item.kind == ItemKind::kSaving ? 1.0 : -1.0);
    expected[a] += f * static_cast<double>(item.low + item.base + item.high) / 3;
    spread[a] += std::abs(f) * static_cast<double>(item.high - item.low);
  }
  for (size_t a = 0; a < c.alternatives.size(); ++a) {
    if (std::abs(r.alternatives[a].mean - expected[a]) > 0.005 * spread[a]) {
      state.SkipWithError("the draws' mean is not the expected present value: the engine is wrong");
      return;
    }
  }
}

void BM_TotalsBaseline(benchmark::State& state) {
  const BusinessCase c = Generated(false);
  for (auto _ : state) {
    Result<CaseTotals> t = ComputeTotals(c);
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_TotalsBaseline)->Unit(benchmark::kMillisecond);

using Engine = Result<MonteCarloResult> (*)(const BusinessCase&, const MonteCarloOptions&);

void MonteCarloBench(benchmark::State& state, bool shape_changes, Engine engine = MonteCarlo,
                     MonteCarloKernel kernel = MonteCarloKernel::kAuto) {
  if (!CanRunMonteCarloKernel(kernel)) {
    state.SkipWithError("this processor does not run the kernel");
    return;
  }
  const BusinessCase c = Generated(shape_changes);
  const MonteCarloOptions options{.seed = 1, .draws = 100'000, .kernel = kernel};
  Result<MonteCarloResult> r = engine(c, options);
  for (auto _ : state) {
    r = engine(c, options);
    benchmark::DoNotOptimize(r);
  }
  if (!r.ok()) {
    state.SkipWithError("the Monte-Carlo refused the case");
    return;
  }
  Check(state, c, *r);
  state.counters["draws/s"] = benchmark::Counter(
      100'000.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_MonteCarlo100k(benchmark::State& state) { MonteCarloBench(state, false); }
BENCHMARK(BM_MonteCarlo100k)->Unit(benchmark::kMillisecond);

void BM_MonteCarlo100kShapeChanges(benchmark::State& state) { MonteCarloBench(state, true); }
BENCHMARK(BM_MonteCarlo100kShapeChanges)->Unit(benchmark::kMillisecond);

// Each kernel on its own (kAuto above takes AVX-512, then AVX2, then the portable one): the
// same figures, bit for bit, at their own speeds.
void BM_MonteCarlo100kAvx2(benchmark::State& state) {
  MonteCarloBench(state, false, MonteCarlo, MonteCarloKernel::kAvx2);
}
BENCHMARK(BM_MonteCarlo100kAvx2)->Unit(benchmark::kMillisecond);

void BM_MonteCarlo100kPortable(benchmark::State& state) {
  MonteCarloBench(state, false, MonteCarlo, MonteCarloKernel::kPortable);
}
BENCHMARK(BM_MonteCarlo100kPortable)->Unit(benchmark::kMillisecond);

void BM_MonteCarlo100kShapeChangesAvx2(benchmark::State& state) {
  MonteCarloBench(state, true, MonteCarlo, MonteCarloKernel::kAvx2);
}
BENCHMARK(BM_MonteCarlo100kShapeChangesAvx2)->Unit(benchmark::kMillisecond);

void BM_MonteCarlo100kShapeChangesPortable(benchmark::State& state) {
  MonteCarloBench(state, true, MonteCarlo, MonteCarloKernel::kPortable);
}
BENCHMARK(BM_MonteCarlo100kShapeChangesPortable)->Unit(benchmark::kMillisecond);

// The first engine (monte_carlo_before.h) on the same cases, for the ratio.
void BM_MonteCarlo100kBefore(benchmark::State& state) {
  MonteCarloBench(state, false, MonteCarloBefore);
}
BENCHMARK(BM_MonteCarlo100kBefore)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_MonteCarlo100kShapeChangesBefore(benchmark::State& state) {
  MonteCarloBench(state, true, MonteCarloBefore);
}
BENCHMARK(BM_MonteCarlo100kShapeChangesBefore)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace samspill::decision

int main(int argc, char** argv) {
  benchmark::AddCustomContext("samspill_commit", SAMSPILL_BENCH_COMMIT);
  benchmark::AddCustomContext("samspill_build_type", SAMSPILL_BENCH_BUILD_TYPE);
  benchmark::AddCustomContext("case", "10 alternatives x 200 lines x 10 years, 100000 draws");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
