#include "tendering/bid_access.h"

#include <gtest/gtest.h>

#include "tendering/bid_access_json.h"

namespace samspill::tendering {
namespace {

Timestamp At(int64_t s) { return Timestamp{s}; }

BidSeal Opened() { return BidSeal{TenderState::kOpened, true, At(1000), At(2000)}; }

TEST(BidAccessTest, BeforeOpeningOnlyTheBiddingSupplierReadsItsBid) {
  const BidSeal sealed{TenderState::kPublished, false, At(1000), At(500)};
  for (Role role : kAllRoles) {
    EXPECT_FALSE(MayReadBidContent({role}, false, sealed)) << RoleName(role);
  }
  EXPECT_FALSE(MayReadBidContent({Role::kAdministrator, true}, false, sealed));
  EXPECT_TRUE(MayReadBidContent({Role::kSupplier}, true, sealed));
}

TEST(BidAccessTest, AfterOpeningTheEvaluatingAndControllingRolesRead) {
  for (Role role : kAllRoles) {
    const bool expected =
        role == Role::kProcurementOfficer || role == Role::kEvaluator || role == Role::kAuditor;
    EXPECT_EQ(MayReadBidContent({role}, false, Opened()), expected) << RoleName(role);
    EXPECT_EQ(ReadsOpenedBidContent({role}), expected) << RoleName(role);
  }
  EXPECT_TRUE(MayReadBidContent({Role::kAdministrator, true}, false, Opened()));
  // A supplier reads its own bid and never another's.
  EXPECT_TRUE(MayReadBidContent({Role::kSupplier}, true, Opened()));
  EXPECT_FALSE(MayReadBidContent({Role::kSupplier}, false, Opened()));
}

TEST(BidAccessTest, OpenedNeedsTheRecordTheDeadlineAndAStateAfterOpening) {
  EXPECT_TRUE(BidsOpened(Opened()));
  BidSeal no_record = Opened();
  no_record.opening_recorded = false;
  EXPECT_FALSE(BidsOpened(no_record));
  BidSeal early = Opened();
  early.now = At(999);
  EXPECT_FALSE(BidsOpened(early));
  BidSeal no_deadline = Opened();
  no_deadline.bid_deadline.reset();
  EXPECT_FALSE(BidsOpened(no_deadline));
  for (TenderState state : {TenderState::kDraft, TenderState::kPublished,
                            TenderState::kBiddingClosed, TenderState::kUnsuccessful}) {
    BidSeal s = Opened();
    s.state = state;
    EXPECT_FALSE(BidsOpened(s)) << TenderStateName(state);
  }
  for (TenderState state :
       {TenderState::kEvaluated, TenderState::kAwardProposed, TenderState::kPoliticalApproval,
        TenderState::kStandstill, TenderState::kContractSigned, TenderState::kCancelled}) {
    BidSeal s = Opened();
    s.state = state;
    EXPECT_TRUE(BidsOpened(s)) << TenderStateName(state);
  }
}

TEST(BidAccessTest, ASupplierReadsItsOwnEvaluationFromTheAwardNoticeOn) {
  for (TenderState state : kAllTenderStates) {
    const bool after_notice =
        state == TenderState::kStandstill || state == TenderState::kContractSigned;
    EXPECT_EQ(MayReadOwnEvaluation({Role::kSupplier}, true, state), after_notice)
        << TenderStateName(state);
    // Never another supplier's.
    EXPECT_FALSE(MayReadOwnEvaluation({Role::kSupplier}, false, state)) << TenderStateName(state);
  }
  // The buyer side reads evaluations by the content rule, not as its "own".
  for (Role role : kAllRoles) {
    if (role == Role::kSupplier) continue;
    EXPECT_FALSE(MayReadOwnEvaluation({role}, true, TenderState::kStandstill)) << RoleName(role);
  }
}

TEST(BidAccessTest, BidEventsLoseTheirContentForRolesThatReadNoBids) {
  const nlohmann::json score = {{"bid_id", 7}, {"scores", {{{"criterion_id", "q"}, {"score", 8}}}}};
  EXPECT_EQ(BidEventDetailsFor({Role::kAuditor}, "bid.score", score), score);
  EXPECT_EQ(BidEventDetailsFor({Role::kAdministrator}, "bid.score", score),
            (nlohmann::json{{"bid_id", 7}}));
  const nlohmann::json award = {{"awards", {{{"contract_value_minor", 100}}}}};
  EXPECT_EQ(BidEventDetailsFor({Role::kAdministrator}, "tender.propose_award", award), award);
  EXPECT_EQ(BidEventDetailsFor({Role::kAdministrator}, "bid.submit",
                               {{"lot_id", ""}, {"price_minor", 1}, {"summary", "x"}}),
            (nlohmann::json{{"lot_id", ""}}));
}

}  // namespace
}  // namespace samspill::tendering
