#include "tendering/milestone.h"

namespace samspill::tendering {

std::string_view MilestoneName(Milestone milestone) {
  switch (milestone) {
    case Milestone::kPoliticalDecision:
      return "political_decision";
    case Milestone::kMarketDialogue:
      return "market_dialogue";
    case Milestone::kDocumentsReady:
      return "documents_ready";
    case Milestone::kPublication:
      return "publication";
    case Milestone::kQuestionsDeadline:
      return "questions_deadline";
    case Milestone::kBidDeadline:
      return "bid_deadline";
    case Milestone::kEvaluationDone:
      return "evaluation_done";
    case Milestone::kPoliticalApproval:
      return "political_approval";
    case Milestone::kAwardNotice:
      return "award_notice";
    case Milestone::kStandstillEnd:
      return "standstill_end";
    case Milestone::kContractSigned:
      return "contract_signed";
    case Milestone::kStaffTransfer:
      return "staff_transfer";
    case Milestone::kOperationStart:
      return "operation_start";
    case Milestone::kRequestDeadline:
      return "request_deadline";
    case Milestone::kStaffInformation:
      return "staff_information";
    case Milestone::kReservationDeadline:
      return "reservation_deadline";
  }
  return "unknown";
}

}  // namespace samspill::tendering
