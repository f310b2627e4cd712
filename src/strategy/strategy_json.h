// The strategy's documents as JSON: what the store keeps, what the API takes and gives, and
// what the `samspill strategy` commands read. Strict: unknown keys, wrong types and values out
// of range are refused with the JSON path of the problem, then the domain's Validate… runs.
//
// Register:
//   {"municipality": "Eksempel Kommune", "scheme": "dk_functions", "currency": "DKK",
//    "region": "DK031", "next_id": 9,
//    "areas": [{"id": 1, "code": "5.32.32", "name": "Hjemmepleje", "cpv": "85311000-2",
//               "years": [{"year": 2024, "spend": 412000000, "may_compete": 380000000,
//                          "private_purchases": 96000000, "in_house_wins": 0,
//                          "example": true, "note": ""}]}],
//    "peers": [{"municipality": "Svendborg", "code": "479", "year": 2021, "iku": 28.3}],
//    "targets": [{"id": 7, "subject": "iku", "name": "IKU", "unit": "prosentpoeng",
//                 "target_kind": "reach_by_last_year", "target": 285, "first_year": 2024,
//                 "last_year": 2028, "adopted_by": "…", "note": "",
//                 "figures": [{"year": 2024, "value": 120, "note": ""}]}]}
//   (target and figure values in tenths of a point; figures of an IKU target are ignored)
// Priority list:
//   {"budget_year": 2026, "note": "", "settings": {"weights": {"volume_gain": 40, …},
//    "default_gain_rate": 0.05, "top_n": 3, "draws": 10000, "perturbation_points": 10,
//    "seed": 1},
//    "candidates": [{"area_id": 1, "name": "…", "cpv": "…", "region": "…", "note": "",
//                    "facts": {"yearly_volume": …, "expected_gain": …, "decision_case_id": …,
//                              "p_two_or_more_bids": …, "single_bid_rate": …,
//                              "comparable_lots": …, "last_competed_year": …},
//                    "manual": {"peer_experience": {"score": 7, "reason": "…"}}}]}
// Plan: {"title", "organisation", "next_item_id", "items": [{"id", "title", "area", "area_id",
//   "cpv", "description", "estimated_value", "currency", "publication_year",
//   "publication_quarter", "contract_start" ("2026-09-01"), "contract_months", "contact_name",
//   "contact_email", "status", "tender_id", "decision_case_id", "public"}]}
// Published plan: {"number", "published_at" (RFC 3339), "published_by", "title",
//   "organisation", "change_note", "items": [… as above], "changes": [{"item_id", "title",
//   "kind": "added"|"removed"|"changed", "fields": [{"field", "before", "after"}]}]}
// Optional members may be absent or null. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"
#include "strategy/priorities.h"
#include "strategy/procurement_plan.h"
#include "strategy/strategy_register.h"

namespace samspill::strategy {

inline constexpr size_t kMaxStrategyJsonBytes = size_t{8} << 20;

// Register (register_json.cc).
nlohmann::json RegisterToJson(const StrategyRegister& r);
Result<StrategyRegister> RegisterFromJson(const nlohmann::json& doc);
Result<StrategyRegister> ParseRegisterJson(std::string_view text);
// IKU per year as JSON: [{"year", "may_compete", "competed", "iku" (or null), "example"}].
nlohmann::json IkuJson(const std::vector<IkuPoint>& points);
// A target's attainment: {"target_id", "name", "years": [{"year", "value", "target", "state",
// "note"}], "period": state, "summary_nb", "summary_en"}; values in tenths.
nlohmann::json TargetAttainmentJson(const PoliticalTarget& t,
                                    const portfolio::IndicatorAttainment& a);

// Priorities (priorities_json.cc).
nlohmann::json PriorityListToJson(const PriorityList& list);
Result<PriorityList> PriorityListFromJson(const nlohmann::json& doc);
Result<PriorityList> ParsePriorityListJson(std::string_view text);
// The ranking: {"weights": {name: w}, "ranked": [{"area_id", "name", "rank", "total", "scores":
// {name: {"score", "manual", "estimate", "basis_nb", "basis_en"}}, "in_top_n", "first",
// "reasons_nb", "reasons_en"}], "stability": […], "top_n_unchanged", "summary_nb",
// "summary_en"}.
nlohmann::json PriorityRankingJson(const PriorityList& list, const PriorityRanking& ranking);

// Plan (plan_json.cc).
nlohmann::json PlanToJson(const ProcurementPlan& plan);
Result<ProcurementPlan> PlanFromJson(const nlohmann::json& doc);
Result<ProcurementPlan> ParsePlanJson(std::string_view text);
nlohmann::json PlanItemToJson(const PlanItem& item);
Result<PlanItem> PlanItemFromJson(const nlohmann::json& doc);  // id optional (0) for new items
nlohmann::json PublishedPlanToJson(const PublishedPlan& plan);
Result<PublishedPlan> PublishedPlanFromJson(const nlohmann::json& doc);

}  // namespace samspill::strategy
