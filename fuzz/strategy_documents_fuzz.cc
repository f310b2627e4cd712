// Fuzz target for the tendering strategy's readers of outside data: the peers' IKU table
// (strategy/iku_peers.h, a download from noegletal.dk) and the strategy's JSON documents
// (strategy/strategy_json.h: the register, the priority list, the plan and a published plan),
// which arrive as request bodies, files for `samspill strategy` and stored documents read back.
//
// The first byte chooses the reader, the rest is its text; the byte is read as a digit so the
// seed files stay readable ('0' peers, '1' register, '2' priority list, '3' plan, '4' published
// plan), and every other byte still picks one of them, so no mutation is wasted. Each reader
// must either refuse with a message and the field of the problem, or give a value that passes
// its domain's validation and writes back to JSON that reads as the same value — never crash.
// Peers read are each 0..100, sorted by municipality then year, with no municipality-year
// twice; a priority list read can be ranked, every candidate exactly once.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <tuple>
#include <vector>

#include "common/strict_json.h"
#include "strategy/iku_peers.h"
#include "strategy/priorities.h"
#include "strategy/procurement_plan.h"
#include "strategy/strategy_json.h"
#include "strategy/strategy_register.h"

namespace {

using namespace samspill;
using namespace samspill::strategy;

void Check(bool condition) {
  if (!condition) std::abort();
}

// A refusal of outside data says what is wrong. The field is not required: a refusal of the
// whole text (too long, malformed, not an object) has none.
void CheckRefusal(const Status& status) {
  Check(status.code() == StatusCode::kInvalidArgument);
  Check(!status.message().empty());
}

// Draws cost time in proportion to their number, and a stored list may ask for a million of
// them: a few hundred reach the same code while keeping each run short.
constexpr int64_t kMaxFuzzDraws = 200;

void CheckPeers(std::string_view text) {
  Result<std::vector<PeerFigure>> peers = ParsePeerIkuCsv(text);
  if (!peers.ok()) {
    CheckRefusal(peers.status());
    return;
  }
  Check(peers->size() <= kMaxPeerFigures);
  for (size_t i = 0; i < peers->size(); ++i) {
    const PeerFigure& p = (*peers)[i];
    Check(std::isfinite(p.iku) && p.iku >= 0.0 && p.iku <= 100.0);
    if (i > 0) {
      const PeerFigure& before = (*peers)[i - 1];
      // Strictly increasing: sorted, and a municipality-year read twice is refused.
      Check(std::tie(before.municipality, before.year) < std::tie(p.municipality, p.year));
    }
  }
  const std::vector<std::string> names = PeerMunicipalities(*peers);
  for (size_t i = 1; i < names.size(); ++i) Check(names[i - 1] != names[i]);
}

void CheckRegister(std::string_view text) {
  Result<StrategyRegister> r = ParseRegisterJson(text);
  if (!r.ok()) {
    CheckRefusal(r.status());
    return;
  }
  Check(ValidateStrategyRegister(*r).ok());
  const nlohmann::json written = RegisterToJson(*r);
  Result<StrategyRegister> again = ParseRegisterJson(written.dump());
  Check(again.ok() && *again == *r);
}

void CheckPriorityList(std::string_view text) {
  Result<PriorityList> list = ParsePriorityListJson(text);
  if (!list.ok()) {
    CheckRefusal(list.status());
    return;
  }
  Check(ValidatePriorityList(*list).ok());
  const nlohmann::json written = PriorityListToJson(*list);
  Result<PriorityList> again = ParsePriorityListJson(written.dump());
  Check(again.ok() && *again == *list);

  PriorityList capped = *list;
  capped.settings.draws = std::min(capped.settings.draws, kMaxFuzzDraws);
  const PriorityRanking ranking = RankPriorities(capped);
  const size_t n = capped.candidates.size();
  Check(ranking.ranked.size() == n);
  std::vector<bool> seen(n);
  for (const RankedCandidate& c : ranking.ranked) {
    Check(c.index < n && !seen[c.index]);
    seen[c.index] = true;
    Check(c.rank >= 1 && static_cast<size_t>(c.rank) <= n);
    // The weighted sum of scores 0..10 with weights summing to one; a little slack for rounding.
    Check(std::isfinite(c.total) && c.total >= -1e-9 && c.total <= 10.0 + 1e-9);
    if (c.in_top_n) Check(*c.in_top_n >= 0.0 && *c.in_top_n <= 1.0);
    if (c.first) Check(*c.first >= 0.0 && *c.first <= 1.0);
  }
  for (size_t i = 1; i < ranking.ranked.size(); ++i) {
    Check(ranking.ranked[i - 1].rank <= ranking.ranked[i].rank);
  }
  PriorityRankingJson(capped, ranking);
}

void CheckPlan(std::string_view text) {
  Result<ProcurementPlan> plan = ParsePlanJson(text);
  if (!plan.ok()) {
    CheckRefusal(plan.status());
    return;
  }
  Check(ValidateProcurementPlan(*plan).ok());
  const nlohmann::json written = PlanToJson(*plan);
  Result<ProcurementPlan> again = ParsePlanJson(written.dump());
  Check(again.ok() && *again == *plan);
}

// The published plan has no text reader of its own: the service parses a stored version
// strictly first, with the strategy documents' size limit, as here.
void CheckPublishedPlan(std::string_view text) {
  Result<nlohmann::json> doc =
      ParseStrictJson(text, "published plan", {.max_bytes = kMaxStrategyJsonBytes});
  if (!doc.ok()) {
    CheckRefusal(doc.status());
    return;
  }
  Result<PublishedPlan> plan = PublishedPlanFromJson(*doc);
  if (!plan.ok()) {
    CheckRefusal(plan.status());
    return;
  }
  const nlohmann::json written = PublishedPlanToJson(*plan);
  Result<PublishedPlan> again = PublishedPlanFromJson(written);
  Check(again.ok() && *again == *plan);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (static_cast<uint8_t>(data[0] - '0') % 5) {
    case 0:
      CheckPeers(text);
      break;
    case 1:
      CheckRegister(text);
      break;
    case 2:
      CheckPriorityList(text);
      break;
    case 3:
      CheckPlan(text);
      break;
    default:
      CheckPublishedPlan(text);
      break;
  }
  return 0;
}
