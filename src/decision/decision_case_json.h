// The decision case as one JSON document: what the store keeps, what the API takes and gives,
// and what `samspill decision case` reads when the file is a whole case. Strict: unknown keys,
// wrong types and values out of range are refused with the JSON path of the problem, then the
// aggregate's rules (ValidateDecisionCase) run on the result.
//
//   {"title": "Drift av bofellesskap i BoA", "service_area": "Bo- og aktivitetstilbud",
//    "description": "…", "cpv": "85311000-2", "region": "NO060",       optional, "" defaults
//    "business_case": {…},       the business case document (decision/business_case_json.h)
//    "baseline": {…},            decision/baseline_json.h, optional
//    "risks": […],               decision/risk_json.h, optional
//    "decision": {"recommendation": "…", "recommended_alternative": "outsourced",
//                 "chosen_alternative": "outsourced", "outcome": "tender",
//                 "decided_by": "Bystyret", "decided_on": "2025-02-20",
//                 "political_reference": "PS 0023/25", "recorded_by": "kari",
//                 "figures": {…}, "figures_sha256": "…"},            optional, or null
//    "tender_id": 7}                                                   optional, or null
//
// "figures" is the business case report as it stood at the decision; its SHA-256 is checked
// when the document is read back, so a stored decision's figures cannot change unseen.
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"
#include "decision/decision_case.h"

namespace samspill::decision {

inline constexpr size_t kMaxDecisionCaseJsonBytes = size_t{8} << 20;

nlohmann::json DecisionCaseToJson(const DecisionCase& c);
Result<DecisionCase> DecisionCaseFromJson(const nlohmann::json& doc);
// The "decision" member alone (the API's body when recording a decision).
Result<CaseDecision> CaseDecisionFromJson(const nlohmann::json& decision);
// Text → case, through common/strict_json.h's limits.
Result<DecisionCase> ParseDecisionCaseJson(std::string_view text);

// The business case report (totals and Monte-Carlo) of the case as it stands.
Result<nlohmann::json> CaseFiguresJson(const DecisionCase& c);

// What `samspill decision case` prints for a whole case: the business case report (as
// decided, for a decided case) with the baseline's yearly totals, the risk register's rows
// and summary, and the decision.
Result<nlohmann::json> CaseReportJson(const DecisionCase& c);

// The baseline's yearly totals as JSON (unknown figures null).
nlohmann::json BaselineTotalsJson(const std::vector<BaselineYearTotal>& totals);

}  // namespace samspill::decision
