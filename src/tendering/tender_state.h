// TenderState: the tender lifecycle as a pure state machine, from draft to signed contract.
//
// Apply(current, action, ctx) returns the next state or a Status naming the problem; it reads
// time only from ctx.now (fill it from a samspill::Clock). AllowedActions() lists what the UI may
// offer. Pure functions of plain values; thread-safe.
//
// Choices (DOMAIN.md §2):
// - political_approval means "approved by the council"; it is reachable only when
//   ctx.political_approval_required, and then the award notice may only follow it.
// - close_bidding with fewer bids than ctx.minimum_bids (default 2, 1–9) ends in the state
//   unsuccessful. That is a finding, not yet a decision: the only action it allows is cancel,
//   with a written reason (UnsuccessfulReason() gives the objective part of it) that the
//   caller records in the protocol and sends to every participant. A buyer willing to go on
//   with one bid sets minimum_bids to 1 before the deadline.
// - cancel is the only way out of a competition other than a signed contract: allowed from
//   every state but contract_signed and cancelled, and only with a non-blank written reason
//   (saklig grunn, FOA § 25-4).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace samspill::tendering {

// Stored with tenders: never renumber.
enum class TenderState {
  kDraft = 1,
  kPublished = 2,
  kBiddingClosed = 3,
  kOpened = 4,
  kEvaluated = 5,
  kAwardProposed = 6,
  kPoliticalApproval = 7,  // approved politically (only when required)
  kStandstill = 8,         // award notice sent; karensperiode running
  kContractSigned = 9,     // terminal
  kUnsuccessful = 10,      // too few bids at the deadline; only cancel (with reasons) follows
  kCancelled = 11,         // terminal: avlyst with written reasons
};

// Stored in the event log: never renumber.
enum class TenderAction {
  kPublish = 1,
  kCloseBidding = 2,
  kOpenBids = 3,
  kCompleteEvaluation = 4,
  kProposeAward = 5,
  kApprovePolitically = 6,
  kSendAwardNotice = 7,
  kSignContract = 8,
  kCancel = 9,
};

inline constexpr TenderState kAllTenderStates[] = {TenderState::kDraft,
                                                   TenderState::kPublished,
                                                   TenderState::kBiddingClosed,
                                                   TenderState::kOpened,
                                                   TenderState::kEvaluated,
                                                   TenderState::kAwardProposed,
                                                   TenderState::kPoliticalApproval,
                                                   TenderState::kStandstill,
                                                   TenderState::kContractSigned,
                                                   TenderState::kUnsuccessful,
                                                   TenderState::kCancelled};

inline constexpr TenderAction kAllTenderActions[] = {
    TenderAction::kPublish,         TenderAction::kCloseBidding,
    TenderAction::kOpenBids,        TenderAction::kCompleteEvaluation,
    TenderAction::kProposeAward,    TenderAction::kApprovePolitically,
    TenderAction::kSendAwardNotice, TenderAction::kSignContract,
    TenderAction::kCancel};

std::string_view TenderStateName(TenderState state);     // "draft", "bidding_closed", …
std::string_view TenderActionName(TenderAction action);  // "publish", "close_bidding", …
// contract_signed and cancelled. Not unsuccessful: a competition with too few bids still needs
// a cancellation decision with written reasons and notice to the participants (FOA § 25-4;
// silent abandonment was fined, KOFA 2025/0738), so cancel is its one way out.
bool IsTerminal(TenderState state);

inline constexpr int kDefaultMinimumBids = 2;
inline constexpr int kMinMinimumBids = 1;
inline constexpr int kMaxMinimumBids = 9;

struct TransitionContext {
  Timestamp now;                            // from a samspill::Clock
  std::optional<Timestamp> bid_deadline;    // needed to publish and to close bidding
  std::optional<Timestamp> standstill_end;  // needed to sign: the instant it has run out
  bool political_approval_required = false;
  int valid_bids = 0;  // bids received by the deadline, at close_bidding
  int minimum_bids = kDefaultMinimumBids;
  std::string cancellation_reason;  // needed to cancel
};

// The next state. Conflict when the state forbids the action ("cannot open bids: the tender is
// in state 'draft'") or its time has not come (deadline, standstill); InvalidArgument for a
// missing date, a blank cancellation reason or minimum_bids outside 1–9 (field named).
Result<TenderState> Apply(TenderState current, TenderAction action, const TransitionContext& ctx);

// The actions Apply() would accept now, in kAllTenderActions order. cancel is listed whenever the
// state allows it: the UI asks for the reason.
std::vector<TenderAction> AllowedActions(TenderState state, const TransitionContext& ctx);

// The protocol text for an unsuccessful tender: "1 valid bid received by the bid deadline; the
// tender requires at least 2".
std::string UnsuccessfulReason(int valid_bids, int minimum_bids);

}  // namespace samspill::tendering
