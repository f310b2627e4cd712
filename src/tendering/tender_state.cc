#include "tendering/tender_state.h"

#include "common/text.h"

namespace samspill::tendering {
namespace {

std::string Verb(TenderAction action) {
  switch (action) {
    case TenderAction::kPublish:
      return "publish";
    case TenderAction::kCloseBidding:
      return "close bidding";
    case TenderAction::kOpenBids:
      return "open bids";
    case TenderAction::kCompleteEvaluation:
      return "complete the evaluation";
    case TenderAction::kProposeAward:
      return "propose an award";
    case TenderAction::kApprovePolitically:
      return "approve politically";
    case TenderAction::kSendAwardNotice:
      return "send the award notice";
    case TenderAction::kSignContract:
      return "sign the contract";
    case TenderAction::kCancel:
      return "cancel";
  }
  return "act";
}

Status WrongState(TenderState current, TenderAction action) {
  return Conflict("cannot " + Verb(action) + ": the tender is in state '" +
                  std::string(TenderStateName(current)) + "'");
}

// The state the action moves to, ignoring the cancellation reason; its own errors otherwise.
Result<TenderState> Next(TenderState current, TenderAction action, const TransitionContext& ctx) {
  if (ctx.minimum_bids < kMinMinimumBids || ctx.minimum_bids > kMaxMinimumBids) {
    return InvalidArgument("the minimum number of bids must be between 1 and 9, got " +
                               std::to_string(ctx.minimum_bids),
                           "minimum_bids");
  }
  if (action == TenderAction::kCancel) {
    if (IsTerminal(current)) return WrongState(current, action);
    return TenderState::kCancelled;
  }
  switch (current) {
    case TenderState::kDraft:
      if (action != TenderAction::kPublish) break;
      if (!ctx.bid_deadline) return InvalidArgument("set a bid deadline first", "bid_deadline");
      if (*ctx.bid_deadline <= ctx.now) {
        return InvalidArgument(
            "the bid deadline " + ctx.bid_deadline->ToIso() + " is not in the future",
            "bid_deadline");
      }
      return TenderState::kPublished;
    case TenderState::kPublished:
      if (action != TenderAction::kCloseBidding) break;
      if (!ctx.bid_deadline) return InvalidArgument("the bid deadline is missing", "bid_deadline");
      if (ctx.now < *ctx.bid_deadline) {
        return Conflict(
            "cannot close bidding: the tender is in state 'published' and the bid "
            "deadline " +
            ctx.bid_deadline->ToIso() + " has not passed (now " + ctx.now.ToIso() + ")");
      }
      return ctx.valid_bids < ctx.minimum_bids ? TenderState::kUnsuccessful
                                               : TenderState::kBiddingClosed;
    case TenderState::kBiddingClosed:
      if (action == TenderAction::kOpenBids) return TenderState::kOpened;
      break;
    case TenderState::kOpened:
      if (action == TenderAction::kCompleteEvaluation) return TenderState::kEvaluated;
      break;
    case TenderState::kEvaluated:
      if (action == TenderAction::kProposeAward) return TenderState::kAwardProposed;
      break;
    case TenderState::kAwardProposed:
      if (action == TenderAction::kApprovePolitically) {
        if (!ctx.political_approval_required) {
          return Conflict(
              "cannot approve politically: this tender needs no political approval (state "
              "'award_proposed')");
        }
        return TenderState::kPoliticalApproval;
      }
      if (action == TenderAction::kSendAwardNotice) {
        if (ctx.political_approval_required) {
          return Conflict(
              "cannot send the award notice: political approval is required first (state "
              "'award_proposed')");
        }
        return TenderState::kStandstill;
      }
      break;
    case TenderState::kPoliticalApproval:
      if (action == TenderAction::kSendAwardNotice) return TenderState::kStandstill;
      break;
    case TenderState::kStandstill:
      if (action != TenderAction::kSignContract) break;
      if (!ctx.standstill_end) {
        return InvalidArgument("the standstill end is missing", "standstill_end");
      }
      if (ctx.now < *ctx.standstill_end) {
        return Conflict(
            "cannot sign the contract: the tender is in state 'standstill', which "
            "runs until " +
            ctx.standstill_end->ToIso() + " (now " + ctx.now.ToIso() + ")");
      }
      return TenderState::kContractSigned;
    case TenderState::kContractSigned:
    case TenderState::kUnsuccessful:
    case TenderState::kCancelled:
      break;
  }
  return WrongState(current, action);
}

}  // namespace

std::string_view TenderStateName(TenderState state) {
  switch (state) {
    case TenderState::kDraft:
      return "draft";
    case TenderState::kPublished:
      return "published";
    case TenderState::kBiddingClosed:
      return "bidding_closed";
    case TenderState::kOpened:
      return "opened";
    case TenderState::kEvaluated:
      return "evaluated";
    case TenderState::kAwardProposed:
      return "award_proposed";
    case TenderState::kPoliticalApproval:
      return "political_approval";
    case TenderState::kStandstill:
      return "standstill";
    case TenderState::kContractSigned:
      return "contract_signed";
    case TenderState::kUnsuccessful:
      return "unsuccessful";
    case TenderState::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

std::string_view TenderActionName(TenderAction action) {
  switch (action) {
    case TenderAction::kPublish:
      return "publish";
    case TenderAction::kCloseBidding:
      return "close_bidding";
    case TenderAction::kOpenBids:
      return "open_bids";
    case TenderAction::kCompleteEvaluation:
      return "complete_evaluation";
    case TenderAction::kProposeAward:
      return "propose_award";
    case TenderAction::kApprovePolitically:
      return "approve_politically";
    case TenderAction::kSendAwardNotice:
      return "send_award_notice";
    case TenderAction::kSignContract:
      return "sign_contract";
    case TenderAction::kCancel:
      return "cancel";
  }
  return "unknown";
}

bool IsTerminal(TenderState state) {
  return state == TenderState::kContractSigned || state == TenderState::kCancelled;
}

Result<TenderState> Apply(TenderState current, TenderAction action, const TransitionContext& ctx) {
  SAMSPILL_ASSIGN_OR_RETURN(TenderState next, Next(current, action, ctx));
  if (action == TenderAction::kCancel && IsBlank(ctx.cancellation_reason)) {
    return InvalidArgument(
        "cancelling needs a written reason (saklig grunn, FOA § 25-4) for the protocol and the "
        "participants",
        "cancellation_reason");
  }
  return next;
}

std::vector<TenderAction> AllowedActions(TenderState state, const TransitionContext& ctx) {
  std::vector<TenderAction> allowed;
  for (TenderAction action : kAllTenderActions) {
    if (Next(state, action, ctx).ok()) allowed.push_back(action);
  }
  return allowed;
}

std::string UnsuccessfulReason(int valid_bids, int minimum_bids) {
  return std::to_string(valid_bids) + (valid_bids == 1 ? " valid bid" : " valid bids") +
         " received by the bid deadline; the tender requires at least " +
         std::to_string(minimum_bids);
}

}  // namespace samspill::tendering
