#include "tendering/tender_state.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>

#include "common/clock.h"

namespace samspill::tendering {
namespace {

using S = TenderState;
using A = TenderAction;

constexpr int64_t kDay = 24 * 60 * 60;
const Timestamp kNow{1'758'283'200};  // 2025-09-19T12:00:00Z

// A context where every condition of every action holds (deadline and standstill passed).
TransitionContext Satisfied(bool political_approval_required, A action) {
  TransitionContext ctx;
  ctx.now = kNow;
  // Publishing needs a future deadline; closing needs a past one.
  ctx.bid_deadline = Timestamp{kNow.unix_seconds + (action == A::kPublish ? kDay : -kDay)};
  ctx.standstill_end = Timestamp{kNow.unix_seconds - kDay};
  ctx.political_approval_required = political_approval_required;
  ctx.valid_bids = 3;
  ctx.cancellation_reason = "Budsjettet er ikke vedtatt.";
  return ctx;
}

std::map<std::pair<S, A>, S> ExpectedTransitions(bool political_approval_required) {
  std::map<std::pair<S, A>, S> t = {
      {{S::kDraft, A::kPublish}, S::kPublished},
      {{S::kPublished, A::kCloseBidding}, S::kBiddingClosed},
      {{S::kBiddingClosed, A::kOpenBids}, S::kOpened},
      {{S::kOpened, A::kCompleteEvaluation}, S::kEvaluated},
      {{S::kEvaluated, A::kProposeAward}, S::kAwardProposed},
      {{S::kPoliticalApproval, A::kSendAwardNotice}, S::kStandstill},
      {{S::kStandstill, A::kSignContract}, S::kContractSigned},
  };
  if (political_approval_required) {
    t[{S::kAwardProposed, A::kApprovePolitically}] = S::kPoliticalApproval;
  } else {
    t[{S::kAwardProposed, A::kSendAwardNotice}] = S::kStandstill;
  }
  for (S state : kAllTenderStates) {
    if (!IsTerminal(state)) t[{state, A::kCancel}] = S::kCancelled;
  }
  return t;
}

TEST(TenderState, EveryStateTimesEveryAction) {
  for (bool political : {false, true}) {
    const std::map<std::pair<S, A>, S> expected = ExpectedTransitions(political);
    for (S state : kAllTenderStates) {
      for (A action : kAllTenderActions) {
        SCOPED_TRACE(std::string(TenderStateName(state)) + " × " +
                     std::string(TenderActionName(action)) +
                     (political ? " (political approval required)" : ""));
        Result<S> next = Apply(state, action, Satisfied(political, action));
        auto it = expected.find({state, action});
        if (it != expected.end()) {
          ASSERT_TRUE(next.ok()) << next.status().ToString();
          EXPECT_EQ(*next, it->second);
        } else {
          ASSERT_FALSE(next.ok());
          EXPECT_EQ(next.status().code(), StatusCode::kConflict);
          EXPECT_NE(next.status().message().find("'" + std::string(TenderStateName(state)) + "'"),
                    std::string::npos)
              << next.status().message();
        }
      }
    }
  }
}

TEST(TenderState, ConflictMessageNamesStateAndAction) {
  Result<S> next = Apply(S::kDraft, A::kOpenBids, Satisfied(false, A::kOpenBids));
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().message(), "cannot open bids: the tender is in state 'draft'");
}

TEST(TenderState, AllowedActionsMatchTheTable) {
  for (bool political : {false, true}) {
    const std::map<std::pair<S, A>, S> expected = ExpectedTransitions(political);
    for (S state : kAllTenderStates) {
      std::vector<A> want;
      for (A action : kAllTenderActions) {
        if (action == A::kPublish) continue;  // needs a future deadline, checked below
        if (expected.contains({state, action})) want.push_back(action);
      }
      std::vector<A> got = AllowedActions(state, Satisfied(political, A::kCancel));
      EXPECT_EQ(got, want) << TenderStateName(state);
    }
  }
  EXPECT_EQ(AllowedActions(S::kDraft, Satisfied(false, A::kPublish)),
            (std::vector<A>{A::kPublish, A::kCancel}));
  // The reason is asked for when the user cancels, so cancel is offered without one.
  TransitionContext no_reason = Satisfied(false, A::kCancel);
  no_reason.cancellation_reason.clear();
  EXPECT_EQ(AllowedActions(S::kOpened, no_reason),
            (std::vector<A>{A::kCompleteEvaluation, A::kCancel}));
  EXPECT_TRUE(AllowedActions(S::kCancelled, no_reason).empty());
}

TEST(TenderState, Seed000OneBidWithMinimumTwoIsUnsuccessful) {
  // Sent out 2025-08-21, deadline 2025-09-19, one bid.
  FakeClock clock(*ParseIsoTimestamp("2025-08-21T09:00:00Z"));
  TransitionContext ctx;
  ctx.bid_deadline = *ParseIsoTimestamp("2025-09-19T12:00:00+02:00");
  ctx.political_approval_required = true;
  ctx.now = clock.Now();
  Result<S> state = Apply(S::kDraft, A::kPublish, ctx);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(*state, S::kPublished);

  clock.Set(*ParseIsoTimestamp("2025-09-19T10:00:00Z"));
  ctx.now = clock.Now();
  ctx.valid_bids = 1;
  state = Apply(*state, A::kCloseBidding, ctx);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(*state, S::kUnsuccessful);
  EXPECT_FALSE(IsTerminal(*state));  // a decision must still be taken
  EXPECT_EQ(UnsuccessfulReason(ctx.valid_bids, ctx.minimum_bids),
            "1 valid bid received by the bid deadline; the tender requires at least 2");
  EXPECT_EQ(AllowedActions(*state, ctx), std::vector<A>{A::kCancel});
  EXPECT_EQ(Apply(*state, A::kCancel, ctx).status().code(), StatusCode::kInvalidArgument);
  ctx.cancellation_reason = UnsuccessfulReason(ctx.valid_bids, ctx.minimum_bids) +
                            ": no real competition, the competition is cancelled";
  EXPECT_EQ(*Apply(*state, A::kCancel, ctx), S::kCancelled);

  // With a minimum of 1 the same bid lets the tender go on.
  ctx.minimum_bids = 1;
  EXPECT_EQ(*Apply(S::kPublished, A::kCloseBidding, ctx), S::kBiddingClosed);
}

TEST(TenderState, Seed004CleaningTenderRunsToSignedContract) {
  FakeClock clock(*ParseIsoTimestamp("2025-01-06T08:00:00Z"));
  TransitionContext ctx;
  ctx.bid_deadline = *ParseIsoTimestamp("2025-02-10T12:00:00Z");
  ctx.valid_bids = 4;
  S state = S::kDraft;
  auto step = [&](A action, S want) {
    ctx.now = clock.Now();
    Result<S> next = Apply(state, action, ctx);
    ASSERT_TRUE(next.ok()) << TenderActionName(action) << ": " << next.status().ToString();
    EXPECT_EQ(*next, want);
    state = *next;
  };
  step(A::kPublish, S::kPublished);
  clock.Set(*ctx.bid_deadline);  // exactly at the deadline
  step(A::kCloseBidding, S::kBiddingClosed);
  step(A::kOpenBids, S::kOpened);
  clock.Advance(14 * kDay);
  step(A::kCompleteEvaluation, S::kEvaluated);
  step(A::kProposeAward, S::kAwardProposed);
  step(A::kSendAwardNotice, S::kStandstill);
  ctx.standstill_end = Timestamp{clock.Now().unix_seconds + 10 * kDay};
  clock.Advance(10 * kDay);
  step(A::kSignContract, S::kContractSigned);
}

TEST(TenderState, CancelNeedsAWrittenReason) {
  TransitionContext ctx = Satisfied(false, A::kCancel);
  ctx.cancellation_reason = "  \n";
  Result<S> next = Apply(S::kPublished, A::kCancel, ctx);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(next.status().field(), "cancellation_reason");
  // A terminal state is a Conflict even without a reason.
  EXPECT_EQ(Apply(S::kContractSigned, A::kCancel, ctx).status().code(), StatusCode::kConflict);
}

TEST(TenderState, SignContractBeforeStandstillEndIsRejected) {
  FakeClock clock(*ParseIsoTimestamp("2025-05-01T12:00:00Z"));
  TransitionContext ctx;
  ctx.standstill_end = *ParseIsoTimestamp("2025-05-12T00:00:00Z");
  ctx.now = clock.Now();
  Result<S> next = Apply(S::kStandstill, A::kSignContract, ctx);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().code(), StatusCode::kConflict);
  EXPECT_NE(next.status().message().find("2025-05-12T00:00:00Z"), std::string::npos);
  EXPECT_TRUE(AllowedActions(S::kStandstill, ctx) == std::vector<A>{A::kCancel});

  ctx.standstill_end.reset();
  EXPECT_EQ(Apply(S::kStandstill, A::kSignContract, ctx).status().field(), "standstill_end");
}

TEST(TenderState, CloseBeforeDeadlineIsRejected) {
  FakeClock clock(*ParseIsoTimestamp("2025-09-19T09:59:59Z"));
  TransitionContext ctx;
  ctx.bid_deadline = *ParseIsoTimestamp("2025-09-19T10:00:00Z");
  ctx.valid_bids = 5;
  ctx.now = clock.Now();
  Result<S> early = Apply(S::kPublished, A::kCloseBidding, ctx);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), StatusCode::kConflict);
  EXPECT_NE(early.status().message().find("has not passed"), std::string::npos);
  clock.Advance(1);
  ctx.now = clock.Now();
  EXPECT_EQ(*Apply(S::kPublished, A::kCloseBidding, ctx), S::kBiddingClosed);
}

TEST(TenderState, PublishNeedsAFutureDeadline) {
  TransitionContext ctx;
  ctx.now = kNow;
  EXPECT_EQ(Apply(S::kDraft, A::kPublish, ctx).status().field(), "bid_deadline");
  ctx.bid_deadline = kNow;
  EXPECT_EQ(Apply(S::kDraft, A::kPublish, ctx).status().code(), StatusCode::kInvalidArgument);
}

TEST(TenderState, MinimumBidsMustBeOneToNine) {
  TransitionContext ctx = Satisfied(false, A::kOpenBids);
  for (int minimum : {0, 10}) {
    ctx.minimum_bids = minimum;
    Result<S> next = Apply(S::kBiddingClosed, A::kOpenBids, ctx);
    ASSERT_FALSE(next.ok());
    EXPECT_EQ(next.status().field(), "minimum_bids");
  }
  ctx.minimum_bids = 9;
  EXPECT_TRUE(Apply(S::kBiddingClosed, A::kOpenBids, ctx).ok());
}

}  // namespace
}  // namespace samspill::tendering
