// The business case as a JSON document, for `samspill decision case FILE.json` (and later the
// API): ParseBusinessCaseJson reads it through common/strict_json.h, refusing unknown keys,
// wrong types and values out of range with the JSON path of the problem, and then the case's
// own rules (ValidateCase); BusinessCaseReportJson runs the totals and the Monte-Carlo.
//
//   {"first_year": 2026, "last_year": 2029,
//    "baseline": "in_house",                                   optional, this default
//    "discount": {"first_40_years": 0.04, "years_41_to_75": 0.03, "after_75_years": 0.02},
//    "alternatives": [{"id": "in_house", "name": "Egen drift som i dag"}, …],
//    "items": [{"alternative": "outsourced", "name": "Kontraktspris", "kind": "cost",
//               "year": 2027, "base": 98000000, "low": 90000000, "high": 120000000,
//               "uncertain": false}, …],                        low and high default to base
//    "operating_costs": [{"year": 2026, "amount": 600000000}, …],   optional
//    "monte_carlo": {"seed": 20250220, "draws": 10000}}             optional, these defaults
//
// Amounts are whole kroner at real prices, never negative. The report gives, per alternative,
// the counted savings, costs and net (nominal), the net present value (rounded to whole
// kroner), the worst and best case, the uncertain items apart, the difference from the baseline
// and the share of the operating costs; then the Monte-Carlo's p10/p50/p90, mean and the
// probability of beating the baseline. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"
#include "decision/business_case.h"

namespace samspill::decision {

inline constexpr size_t kMaxCaseJsonBytes = size_t{8} << 20;

struct CaseDocument {
  BusinessCase business_case;
  MonteCarloOptions monte_carlo;
};

Result<CaseDocument> ParseBusinessCaseJson(std::string_view text);

// The same document as a parsed value (a part of the decision case's document), and back:
// BusinessCaseFromJson(BusinessCaseToJson(d)) gives `d` again.
Result<CaseDocument> BusinessCaseFromJson(const nlohmann::json& doc);
nlohmann::json BusinessCaseToJson(const CaseDocument& document);

Result<nlohmann::json> BusinessCaseReportJson(const CaseDocument& document);

}  // namespace samspill::decision
