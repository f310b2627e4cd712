// Benchmarks of the evaluation engine: a full evaluation with sensitivity analysis of a large
// tender (50 bids × 8 criteria, 100 000 weight draws) against a baseline that only scores and
// ranks the same table, so figures can be compared as ratios across machines.
//
// Every benchmark checks its answer (probabilities sum to 1, one outcome per bid, …) and
// stops with an error otherwise, so a broken engine cannot look fast.
// Run: ./build/release/bench/evaluation/evaluation_bench
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>

#include "evaluation/evaluation.h"

namespace samspill::evaluation {
namespace {

constexpr size_t kBids = 50;
constexpr size_t kCriteria = 8;  // price + 7 quality-like
constexpr int64_t kDraws = 100'000;

// A random but seeded tender: prices 8–12 MNOK, quality scores in half points.
BidTable LargeTable() {
  std::mt19937_64 rng(2025);
  BidTable table;
  table.price_model = PriceModel::kProportional;
  table.criteria.push_back({.id = "pris", .kind = CriterionKind::kPrice, .weight = 40});
  for (size_t k = 1; k < kCriteria; ++k) {
    table.criteria.push_back({.id = "q" + std::to_string(k),
                              .kind = k % 3 == 0 ? CriterionKind::kSocial : CriterionKind::kQuality,
                              .weight = static_cast<double>(5 + rng() % 11)});
  }
  for (size_t i = 0; i < kBids; ++i) {
    Bid bid;
    bid.id = "bid-" + std::to_string(i);
    bid.price_minor = static_cast<int64_t>(800'000'000 + rng() % 400'000'000);
    bid.scores.push_back(0.0);
    for (size_t k = 1; k < kCriteria; ++k)
      bid.scores.push_back(0.5 * static_cast<double>(rng() % 21));
    table.bids.push_back(std::move(bid));
  }
  return table;
}

std::string LargeTableJson(int64_t draws) {
  const BidTable table = LargeTable();
  nlohmann::json doc = {{"price_model", "proportional"},
                        {"sensitivity", {{"draws", draws}, {"seed", 1}}}};
  for (const Criterion& c : table.criteria) {
    doc["criteria"].push_back(
        {{"id", c.id}, {"kind", CriterionKindName(c.kind)}, {"weight", c.weight}});
  }
  for (const Bid& b : table.bids) {
    nlohmann::json scores = nlohmann::json::object();
    for (size_t k = 1; k < kCriteria; ++k) scores[table.criteria[k].id] = b.scores[k];
    doc["bids"].push_back(
        {{"id", b.id}, {"price", static_cast<double>(b.price_minor) / 100.0}, {"scores", scores}});
  }
  return doc.dump();
}

// Empty when the report is right; otherwise what is wrong.
std::string CheckReport(const EvaluationReport& report, bool sensitivity) {
  if (report.ranks.size() != kBids) return "wrong number of ranks";
  if (!report.winner && report.tied_for_first.empty()) return "no bid at rank 1";
  if (!sensitivity) return report.sensitivity.computed ? "sensitivity computed" : "";
  const SensitivityReport& s = report.sensitivity;
  if (s.withdrawal.size() != kBids) return "one withdrawal outcome per bid expected";
  if (s.weight_stability.size() != kCriteria || s.criterion_separation.size() != kCriteria) {
    return "one stability and separation entry per criterion expected";
  }
  if (s.rank_acceptability.draws != kDraws) return "wrong number of draws";
  double first = 0.0;
  for (size_t i = 0; i < kBids; ++i) {
    double sum = 0.0;
    for (double p : s.rank_acceptability.rank_probabilities[i]) sum += p;
    if (std::fabs(sum - 1.0) > 1e-9) return "rank probabilities of a bid do not sum to 1";
    first += s.rank_acceptability.first_rank[i];
  }
  if (first < 1.0 - 1e-9) return "no bid ranked first in some draws";
  return "";
}

void BM_RankOnlyBaseline(benchmark::State& state) {
  const BidTable table = LargeTable();
  EvaluationOptions options;
  options.sensitivity.enabled = false;
  for (auto _ : state) {
    Result<EvaluationReport> report = Evaluate(table, options);
    if (!report.ok()) return state.SkipWithError(report.status().ToString().c_str());
    if (std::string error = CheckReport(*report, false); !error.empty()) {
      return state.SkipWithError(error.c_str());
    }
    benchmark::DoNotOptimize(report->totals.data());
  }
}
BENCHMARK(BM_RankOnlyBaseline)->Unit(benchmark::kMicrosecond);

void BM_EvaluateFullSensitivity(benchmark::State& state) {
  const BidTable table = LargeTable();
  EvaluationOptions options;
  options.sensitivity.rank_acceptability.draws = kDraws;
  for (auto _ : state) {
    Result<EvaluationReport> report = Evaluate(table, options);
    if (!report.ok()) return state.SkipWithError(report.status().ToString().c_str());
    if (std::string error = CheckReport(*report, true); !error.empty()) {
      return state.SkipWithError(error.c_str());
    }
    benchmark::DoNotOptimize(report->sensitivity.rank_acceptability.first_rank.data());
  }
  state.counters["draws_per_second"] = benchmark::Counter(
      static_cast<double>(kDraws), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_EvaluateFullSensitivity)->Unit(benchmark::kMillisecond);

// The exact analyses alone (weight stability, withdrawal, separation): no Monte Carlo.
void BM_EvaluateExactSensitivity(benchmark::State& state) {
  const BidTable table = LargeTable();
  EvaluationOptions options;
  options.sensitivity.rank_acceptability.draws = 0;
  for (auto _ : state) {
    Result<EvaluationReport> report = Evaluate(table, options);
    if (!report.ok()) return state.SkipWithError(report.status().ToString().c_str());
    if (report->sensitivity.withdrawal.size() != kBids) {
      return state.SkipWithError("one withdrawal outcome per bid expected");
    }
    benchmark::DoNotOptimize(report->sensitivity.withdrawal.data());
  }
}
BENCHMARK(BM_EvaluateExactSensitivity)->Unit(benchmark::kMillisecond);

// The whole front door as the API runs it: parse, evaluate with 100 000 draws, render.
void BM_EvaluateBidTableJsonFull(benchmark::State& state) {
  const std::string text = LargeTableJson(kDraws);
  for (auto _ : state) {
    Result<nlohmann::json> report = EvaluateBidTableJson(text);
    if (!report.ok()) return state.SkipWithError(report.status().ToString().c_str());
    const nlohmann::json& bids = (*report)["sensitivity"]["rank_acceptability"]["bids"];
    if (bids.size() != kBids)
      return state.SkipWithError("one acceptability entry per bid expected");
    double first = 0.0;
    for (const nlohmann::json& b : bids) first += b["first_rank"].get<double>();
    if (first < 1.0 - 1e-9) return state.SkipWithError("first-rank acceptabilities below 1");
    benchmark::DoNotOptimize(report->size());
  }
}
BENCHMARK(BM_EvaluateBidTableJsonFull)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace samspill::evaluation

int main(int argc, char** argv) {
  benchmark::AddCustomContext("samspill_commit", SAMSPILL_BENCH_COMMIT);
  benchmark::AddCustomContext("samspill_build_type", SAMSPILL_BENCH_BUILD_TYPE);
  benchmark::AddCustomContext("table", "50 bids x 8 criteria, proportional price, 100000 draws");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
