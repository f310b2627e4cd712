// The bid-table JSON document: parsing it into a BidTable and EvaluationOptions, and the
// one function the CLI (`samspill evaluate FILE`) and the HTTP endpoint call.
//
// Document (see src/evaluation/testdata/ for complete examples):
//   {"price_model": "linear" | "proportional" | "quality_pricing",
//    "currency": "NOK",                         optional, ISO 4217
//    "title": "...",                            optional
//    "normalisation": "none" | "best_gets_max", optional, default "none"
//    "tie_break": "shared" | "lowest_price",    optional, default "shared"
//    "sensitivity": {"draws": 10000, "seed": 1, "perturbation_points": 10,
//                    "min_weight_points": 0.1}, optional
//    "criteria": [{"id": "price", "kind": "price", "weight": 40},
//                 {"id": "kvalitet", "kind": "quality", "weight": 60}],
//    "bids": [{"id": "A", "price": 1000000, "scores": {"kvalitet": 7}}]}
// Criteria carry either "weight" (relative, > 0) or "priority" (1..n), never a mix; under
// quality_pricing quality criteria carry "value_per_point" (money per score point) instead.
// Kinds: "price", "quality", "social", "environment". Prices and money values are numbers
// in major units with at most two decimals. A score is a number from 0 to 10 or
// {"score": 7, "justification": "..."}. Unknown fields are errors, so a misspelt setting
// cannot silently change the model.
//
// Errors are InvalidArgument with `field` the JSON path of the problem ("bids[2].price",
// "criteria[1].weight", "bids[0].scores.kvalitet"; empty for the document itself). Nothing
// throws out of these functions. Thread-safe (no shared state).
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "evaluation/bid_table.h"
#include "evaluation/evaluation_options.h"

namespace samspill::evaluation {

// Deeper documents are never ours: the nesting limit the bid table and the tender documents
// (tendering/tender_json.h) are read with by common/strict_json.h.
inline constexpr int kMaxJsonNestingDepth = 32;

struct ParsedBidTable {
  BidTable table;
  EvaluationOptions options;
};

// The announced criteria: what the document's "criteria" array holds. The tender's award model
// (tendering/tender_json.h) is read by this same function, so criteria have one parser.
struct ParsedCriteria {
  // From the criteria: kValuePerPoint under quality_pricing, else kPriorityRankOrderCentroid
  // when they carry priorities, kWeights when they carry weights.
  Weighting weighting = Weighting::kWeights;
  std::vector<Criterion> criteria;
};

// Parses a non-empty "criteria" array (at most limits.max_criteria) for `price_model`: unique
// ids, known kinds, and weights, priorities or values per point as described above. Errors name
// the field from "criteria" on ("criteria[1].weight"); a caller that nests the array elsewhere
// puts its own path in front. Rules that need the whole table (one price criterion, priorities a
// permutation) are left to ValidateBidTable.
Result<ParsedCriteria> ParseCriteriaJson(const nlohmann::json& value, PriceModel price_model,
                                         const EvaluationLimits& limits = {});

// Parses the document; options not set in it keep the values of `defaults`, whose limits
// also apply. Validates the table and options fully.
Result<ParsedBidTable> ParseBidTableJson(std::string_view json_text,
                                         const EvaluationOptions& defaults = {});

// Parses a bid-table JSON document, evaluates it with sensitivity analysis, returns the report.
Result<nlohmann::json> EvaluateBidTableJson(std::string_view json_text);

// The same with other defaults and limits (the fuzzer uses small draw limits).
Result<nlohmann::json> EvaluateBidTableJson(std::string_view json_text,
                                            const EvaluationOptions& defaults);

}  // namespace samspill::evaluation
