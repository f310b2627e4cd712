// Fuzz target for the risk register's JSON (decision/risk_json.h), outside data from case
// documents and, later, request bodies: it must either give a register that passes
// ValidateRisks, writes back to the same JSON and can be drawn, or refuse with a named problem
// — never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/strict_json.h"
#include "decision/risk_heatmap.h"
#include "decision/risk_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  using namespace samspill::decision;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<nlohmann::json> doc = ParseStrictJson(text, "risk register", {.max_depth = 8});
  if (!doc.ok()) return 0;
  Result<std::vector<Risk>> risks = RisksFromJson(*doc);
  if (!risks.ok()) {
    if (risks.status().message().empty() || risks.status().field().empty()) std::abort();
    return 0;
  }
  if (!ValidateRisks(*risks).ok()) std::abort();
  const nlohmann::json written = RisksToJson(*risks);
  Result<std::vector<Risk>> again = RisksFromJson(written);
  if (!again.ok() || RisksToJson(*again) != written) std::abort();
  if (RiskHeatmapSvg(*risks, HeatmapKind::kInherent).empty()) std::abort();
  if (RiskHeatmapSvg(*risks, HeatmapKind::kResidual, {.english = true}).empty()) std::abort();
  if (RiskSummary(*risks, false).empty()) std::abort();
  return 0;
}
