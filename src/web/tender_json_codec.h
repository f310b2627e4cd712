// The tender API's JSON: request bodies decoded into app/tender_service.h's commands, and its
// views encoded as the answers the API has always given. The decoders check the shape (an
// object, known keys, the types) and name the field of a problem; lengths and rules are the
// service's. Pure functions; thread-safe.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/tender_service.h"
#include "common/status.h"

namespace samspill::web {

// {"lot_id": "1", "price": 1250000.50, "summary": "…"}: the price exact to the øre.
Result<app::SubmitBidCommand> SubmitBidCommandFromJson(const nlohmann::json& body);
// {"scores": [{"criterion_id": "kvalitet", "score": 8, "justification": "…"}, …]}
Result<app::ScoreBidCommand> ScoreBidCommandFromJson(const nlohmann::json& body);
// {"lot_id": "1", "question": "…"}
Result<app::AskQuestionCommand> AskQuestionCommandFromJson(const nlohmann::json& body);
// {"letter": "d", "text": "…"}
Result<app::ProtocolNote> ProtocolNoteFromJson(const nlohmann::json& body);
// {"person": "…", "description": "…", "remedy": "…"}
Result<app::ConflictDeclaration> ConflictDeclarationFromJson(const nlohmann::json& body);
// {"asked_on": "2025-10-01", "explanation": "…", "assessment": "accepted" | "rejected",
//  "assessment_reasons": "…"}
Result<app::PriceExplanationCommand> PriceExplanationCommandFromJson(const nlohmann::json& body);

// {"reason": "…", "kind": "tender" | "supplier"}: the kind defaults to "tender".
struct BidRejectionRequest {
  std::string reason;
  tendering::RejectionKind kind = tendering::RejectionKind::kTender;
};
Result<BidRejectionRequest> BidRejectionFromJson(const nlohmann::json& body);
// {"grounds": "…"}
Result<app::LodgeComplaintCommand> LodgeComplaintCommandFromJson(const nlohmann::json& body);
// {"outcome": "upheld" | "rejected", "reasons": "…"}; the outcome is required.
Result<app::HandleComplaintCommand> HandleComplaintCommandFromJson(const nlohmann::json& body);
// The lifecycle action of the path /api/tenders/{id}/actions/{name}: InvalidArgument on
// "action" for a name that is none.
Result<tendering::TenderAction> TenderActionFromPath(std::string_view name);

// The API's bid states: "valid", "rejected".
std::string_view BidStatusName(tendering::BidStatus status);

nlohmann::json MoneyToJson(const Money& money);  // {"amount": 1250000.5, "currency": "NOK"}
nlohmann::json ToJson(const app::TenderView& view);
nlohmann::json ToJson(const std::vector<app::TenderSummary>& tenders);  // {"tenders": […]}
nlohmann::json ToJson(const app::BidView& bid);
nlohmann::json ToJson(const app::BidList& bids);
nlohmann::json ToJson(const app::BidScores& scores);
nlohmann::json ToJson(const app::BidRejection& rejection);
nlohmann::json ToJson(const app::QuestionView& question);
nlohmann::json ToJson(const std::vector<app::QuestionView>& questions);  // {"questions": […]}
nlohmann::json ToJson(const app::PublishedAnswer& answer);
nlohmann::json ToJson(const std::map<std::string, tendering::LotEvaluation>& evaluations);
nlohmann::json ToJson(const tendering::PriceExplanation& explanation);
nlohmann::json ToJson(const app::ProtocolNote& note);
nlohmann::json ToJson(const app::ConflictDeclaration& declaration);
// {"id": 1, "supplier": {"id", "name"}, "lodged_at", "grounds", "outcome": "open" | "upheld" |
// "rejected", "handled_at": null | "…", "handling_reasons"}
nlohmann::json ToJson(const tendering::Complaint& complaint);
nlohmann::json ToJson(const std::vector<tendering::Complaint>& complaints);  // {"complaints": […]}
// The OCDS release package (tendering/ocds_export.h).
nlohmann::json ToJson(const app::OcdsRelease& release);

}  // namespace samspill::web
