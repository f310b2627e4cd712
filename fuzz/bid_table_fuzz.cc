// Fuzz target for the bid-table JSON front door (EvaluateBidTableJson): whatever the bytes,
// it must return a report or an InvalidArgument status — never crash, throw, hang, or
// produce a report that cannot be dumped or breaks its own invariants.
//
// Monte Carlo draws and table sizes are capped (defaults and limits passed in, inputs asking
// for more are rejected) so each input runs in milliseconds.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "evaluation/bid_table_json.h"

namespace {

using samspill::evaluation::EvaluationOptions;

const EvaluationOptions& FuzzOptions() {
  static const EvaluationOptions options = [] {
    EvaluationOptions o;
    o.sensitivity.rank_acceptability.draws = 32;
    o.limits.max_draws = 256;
    o.limits.max_bids = 64;
    o.limits.max_criteria = 16;
    o.limits.max_draw_work = 1e6;
    return o;
  }();
  return options;
}

[[noreturn]] void Fail() { std::abort(); }

void CheckReport(const nlohmann::json& report) {
  // Dumping throws on invalid UTF-8; every string must come from valid input or from us.
  const std::string text = report.dump();
  if (text.empty()) Fail();
  const nlohmann::json& ranking = report.at("ranking");
  if (!ranking.is_array() || ranking.empty()) Fail();
  int previous_rank = 0;
  for (const nlohmann::json& bid : ranking) {
    const int rank = bid.at("rank").get<int>();
    if (rank < 1 || rank < previous_rank) Fail();
    previous_rank = rank;
    if (!std::isfinite(bid.at("total").get<double>())) Fail();
  }
  const bool has_winner = !report.at("winner").is_null();
  if (has_winner != report.at("tied_for_first").empty()) Fail();
  const nlohmann::json& sensitivity = report.at("sensitivity");
  for (const nlohmann::json& bid : sensitivity.at("rank_acceptability").at("bids")) {
    double sum = 0.0;
    for (const nlohmann::json& p : bid.at("rank_probabilities")) sum += p.get<double>();
    if (std::fabs(sum - 1.0) > 1e-9) Fail();
  }
  if (sensitivity.at("withdrawal").size() != ranking.size()) Fail();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  samspill::Result<nlohmann::json> report =
      samspill::evaluation::EvaluateBidTableJson(text, FuzzOptions());
  if (!report.ok()) {
    // Bad input is the caller's problem and must say so; anything else is our bug.
    if (report.status().code() != samspill::StatusCode::kInvalidArgument) Fail();
    return 0;
  }
  CheckReport(*report);
  return 0;
}
