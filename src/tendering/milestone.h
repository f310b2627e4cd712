// Milestone: the dated steps of a tender's plan, from the political decision to operation start.
//
// Used by Timeline (timeline.h). Stored as integers: never renumber. Thread-safe (plain values).
#pragma once

#include <string_view>

namespace samspill::tendering {

enum class Milestone {
  kPoliticalDecision = 1,  // vedtak om konkurranseutsetting
  kMarketDialogue = 2,
  kDocumentsReady = 3,  // konkurransegrunnlaget ferdig
  kPublication = 4,     // kunngjøring, or sent to qualified suppliers
  kQuestionsDeadline = 5,
  kBidDeadline = 6,  // tilbudsfrist
  kEvaluationDone = 7,
  kPoliticalApproval = 8,  // e.g. bystyret approves the supplier before award (seed 000)
  kAwardNotice = 9,        // tildelingsbrev / meddelelse om tildeling
  kStandstillEnd = 10,     // last day of the karensperiode
  kContractSigned = 11,
  kStaffTransfer = 12,  // virksomhetsoverdragelse
  kOperationStart = 13,
  // Restricted and negotiated procedures, dialogue, innovation partnership: the last day to
  // request to take part (frist for forespørsel om å delta), counted from publication.
  kRequestDeadline = 14,
  // Staff transfer (arbeidsmiljøloven ch. 16): the day the employees are told of the transfer
  // (§ 16-6), and the last day they may reserve themselves against it (§ 16-3), which must be
  // at least 14 days after that information.
  kStaffInformation = 15,
  kReservationDeadline = 16,
};

inline constexpr int kMilestoneCount = 16;

// In the order of a tender's plan, as pages list them.
inline constexpr Milestone kAllMilestones[kMilestoneCount] = {
    Milestone::kPoliticalDecision, Milestone::kMarketDialogue,      Milestone::kDocumentsReady,
    Milestone::kPublication,       Milestone::kRequestDeadline,     Milestone::kQuestionsDeadline,
    Milestone::kBidDeadline,       Milestone::kEvaluationDone,      Milestone::kPoliticalApproval,
    Milestone::kAwardNotice,       Milestone::kStandstillEnd,       Milestone::kContractSigned,
    Milestone::kStaffInformation,  Milestone::kReservationDeadline, Milestone::kStaffTransfer,
    Milestone::kOperationStart};

// Stable API name: "political_decision", "bid_deadline", …
std::string_view MilestoneName(Milestone milestone);

}  // namespace samspill::tendering
