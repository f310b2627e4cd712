// The JSON form of a TenderOutcome: what the store keeps (the tender's outcome document) and
// the parts the API shows (the opening record, the evaluations, the awards). The form is the
// one samspill has always stored, so outcomes written before it was typed read unchanged:
//   {"opening_record": {"opened_at", "opened_by", "bids": [{"bid_id", "lot_id", "supplier":
//      {"id", "name", "org_number"}, "received_at", "version"}]},
//    "evaluations": {"<lot>": {"report": {…}, "winner_bid_id", "winner_total", "tied_bid_ids",
//                              "price_explanation"?: {"bid_id", "asked_on", "explanation",
//                              "assessment": "accepted" | "rejected", "assessment_reasons",
//                              "recorded_by", "recorded_at"}}
//                   | {"note": "no valid bids"}},
// The winner's abnormally-low flag is read from the report's "abnormally_low", not stored twice.
//    "awards": [{"lot_id", "bid_id", "supplier", "contract_value": {"amount", "currency"},
//                "contract_value_minor", "total_score", "reasons"}],
//    "notified": ["Name (org number)", …]}
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"
#include "tendering/tender_outcome.h"

namespace samspill::tendering {

nlohmann::json OrganisationRefToJson(const OrganisationRef& org);
nlohmann::json OpeningRecordToJson(const OpeningRecord& record);
nlohmann::json LotEvaluationToJson(const LotEvaluation& evaluation);
nlohmann::json PriceExplanationToJson(const PriceExplanation& explanation);
nlohmann::json LotAwardToJson(const LotAward& award);
nlohmann::json TenderOutcomeToJson(const TenderOutcome& outcome);

// Reads a stored outcome document; kDataLoss naming the field when it is not one.
Result<TenderOutcome> ParseTenderOutcomeJson(std::string_view text);

}  // namespace samspill::tendering
