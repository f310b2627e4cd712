#include "contract/deviation.h"

#include <gtest/gtest.h>

#include <functional>

namespace samspill::contract {
namespace {

Timestamp At(std::string_view iso) {
  Result<Timestamp> at = ParseIsoTimestamp(iso);
  EXPECT_TRUE(at.ok()) << iso;
  return at.ok() ? *at : Timestamp{};
}

// Raised on Monday 3 March 2025 (winter time, UTC+1), response due by the end of 17 March.
Deviation Sample() {
  Deviation deviation;
  deviation.id = 1;
  deviation.raised_by = DeviationRaisedBy::kMunicipality;
  deviation.raised_at = At("2025-03-03T09:00:00+01:00");
  deviation.severity = DeviationSeverity::kHigh;
  deviation.description = "Renholdet av fellesarealene ble ikke utført i uke 9.";
  deviation.responsibility_area = "Renhold av fellesarealer";
  deviation.response_deadline = Date{2025, 3, 17};
  return deviation;
}

Sanction Penalty(int64_t kroner) {
  return Sanction{Money{kroner * 100, "NOK"}, "Kontrakten pkt. 12.3 (dagbot)"};
}

// The sample moved to `state` through the legal transitions.
Deviation InState(DeviationState state) {
  Deviation deviation = Sample();
  if (state == DeviationState::kOpen) return deviation;
  EXPECT_TRUE(RespondToDeviation(deviation, "Vikar var syk; rutinen er endret.",
                                 At("2025-03-10T12:00:00+01:00"))
                  .ok());
  if (state == DeviationState::kResponded) return deviation;
  EXPECT_TRUE(DecideDeviation(deviation, "Dagbot for fem dager.", Penalty(25'000),
                              At("2025-03-20T10:00:00+01:00"))
                  .ok());
  if (state == DeviationState::kDecided) return deviation;
  EXPECT_TRUE(
      CloseDeviation(deviation, "Dagboten er trukket i fakturaen.", At("2025-04-02T10:00:00+02:00"))
          .ok());
  return deviation;
}

TEST(DeviationTest, FollowsItsWayFromOpenToClosed) {
  Deviation deviation = Sample();
  ASSERT_TRUE(ValidateDeviation(deviation).ok());
  ASSERT_TRUE(
      RespondToDeviation(deviation, "Vikar var syk.", At("2025-03-10T12:00:00+01:00")).ok());
  EXPECT_EQ(deviation.state, DeviationState::kResponded);
  EXPECT_EQ(deviation.response, "Vikar var syk.");
  EXPECT_EQ(deviation.responded_at, At("2025-03-10T12:00:00+01:00"));
  ASSERT_TRUE(ValidateDeviation(deviation).ok());
  // 5 days × 5 000 kr = 25 000 kr = 2 500 000 øre.
  ASSERT_TRUE(DecideDeviation(deviation, "Dagbot for fem dager.", Penalty(25'000),
                              At("2025-03-20T10:00:00+01:00"))
                  .ok());
  EXPECT_EQ(deviation.state, DeviationState::kDecided);
  ASSERT_TRUE(deviation.sanction.has_value());
  EXPECT_EQ(deviation.sanction->penalty.minor, 2'500'000);
  ASSERT_TRUE(ValidateDeviation(deviation).ok());
  ASSERT_TRUE(CloseDeviation(deviation, "", At("2025-04-02T10:00:00+02:00")).ok());
  EXPECT_EQ(deviation.state, DeviationState::kClosed);
  EXPECT_EQ(deviation.closed_at, At("2025-04-02T10:00:00+02:00"));
  EXPECT_TRUE(ValidateDeviation(deviation).ok());
}

TEST(DeviationTest, OverdueTheDayAfterItsDeadlineNotOnIt) {
  const Deviation open = Sample();
  EXPECT_FALSE(IsOverdue(open, Date{2025, 3, 16}));
  EXPECT_FALSE(IsOverdue(open, Date{2025, 3, 17}));
  EXPECT_TRUE(IsOverdue(open, Date{2025, 3, 18}));
  // A response, even a late one, ends the overdue mark.
  for (DeviationState state :
       {DeviationState::kResponded, DeviationState::kDecided, DeviationState::kClosed}) {
    EXPECT_FALSE(IsOverdue(InState(state), Date{2025, 3, 18})) << DeviationStateName(state);
  }
}

TEST(DeviationTest, EveryIllegalTransitionIsRefusedAndLeavesTheDeviationUnchanged) {
  const Timestamp after_deadline = At("2025-03-25T10:00:00+01:00");
  enum Action { kRespond, kDecide, kClose };
  struct Case {
    DeviationState state;
    Action action;
  };
  const std::vector<Case> cases = {
      {DeviationState::kOpen, kClose},      {DeviationState::kResponded, kRespond},
      {DeviationState::kResponded, kClose}, {DeviationState::kDecided, kRespond},
      {DeviationState::kDecided, kDecide},  {DeviationState::kClosed, kRespond},
      {DeviationState::kClosed, kDecide},   {DeviationState::kClosed, kClose},
  };
  for (const Case& c : cases) {
    Deviation deviation = InState(c.state);
    const Deviation before = deviation;
    Status status = c.action == kRespond ? RespondToDeviation(deviation, "Svar.", after_deadline)
                    : c.action == kDecide
                        ? DecideDeviation(deviation, "Vedtak.", std::nullopt, after_deadline)
                        : CloseDeviation(deviation, "Lukket.", after_deadline);
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition)
        << DeviationStateName(c.state) << " " << c.action;
    EXPECT_NE(status.message().find(std::string(DeviationStateName(c.state))), std::string::npos)
        << status.message();
    EXPECT_EQ(deviation, before);
  }
  // Closing names its reason: a decision is required.
  Deviation open = Sample();
  EXPECT_NE(CloseDeviation(open, "", after_deadline).message().find("requires a decision"),
            std::string::npos);
}

TEST(DeviationTest, DecidedWithoutAResponseOnlyAfterTheDeadline) {
  // 23:30 on 17 March in Oslo is still the deadline day: the supplier may yet respond.
  Deviation on_deadline = Sample();
  const Deviation before = on_deadline;
  Status status =
      DecideDeviation(on_deadline, "Vedtak.", std::nullopt, At("2025-03-17T23:30:00+01:00"));
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(on_deadline, before);

  // 00:30 on 18 March in Oslo (23:30 UTC on the 17th) is past it.
  Deviation after = Sample();
  ASSERT_TRUE(DecideDeviation(after, "Ikke besvart; dagbot.", Penalty(5'000),
                              At("2025-03-18T00:30:00+01:00"))
                  .ok());
  EXPECT_EQ(after.state, DeviationState::kDecided);
  EXPECT_TRUE(after.response.empty());
}

TEST(DeviationTest, MissingTextIsRefusedNamingTheField) {
  Deviation open = Sample();
  const Deviation open_before = open;
  Status response = RespondToDeviation(open, " ", At("2025-03-10T12:00:00+01:00"));
  EXPECT_EQ(response.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(response.field(), "response");
  EXPECT_EQ(open, open_before);

  Deviation responded = InState(DeviationState::kResponded);
  const Deviation responded_before = responded;
  Status decision = DecideDeviation(responded, "", std::nullopt, At("2025-03-20T10:00:00+01:00"));
  EXPECT_EQ(decision.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(decision.field(), "decision");
  EXPECT_EQ(responded, responded_before);
}

TEST(DeviationTest, ANegativeOrUnfoundedSanctionIsRefused) {
  struct Case {
    Sanction sanction;
    std::string field;
  };
  const std::vector<Case> cases = {
      {Sanction{Money{-1, "NOK"}, "Kontrakten pkt. 12.3"}, "sanction.penalty"},
      {Sanction{Money{kMaxMoneyMinor + 1, "NOK"}, "Kontrakten pkt. 12.3"}, "sanction.penalty"},
      {Sanction{Money{100, "kr"}, "Kontrakten pkt. 12.3"}, "sanction.penalty.currency"},
      {Sanction{Money{100, "NOK"}, "  "}, "sanction.contract_term"},
  };
  for (const Case& c : cases) {
    Deviation deviation = InState(DeviationState::kResponded);
    const Deviation before = deviation;
    Status status =
        DecideDeviation(deviation, "Dagbot.", c.sanction, At("2025-03-20T10:00:00+01:00"));
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(status.field(), c.field);
    EXPECT_EQ(deviation, before);
  }
  // A sanction without money (a formal warning) is allowed.
  Deviation warning = InState(DeviationState::kResponded);
  EXPECT_TRUE(
      DecideDeviation(warning, "Skriftlig advarsel.", Penalty(0), At("2025-03-20T10:00:00+01:00"))
          .ok());
}

TEST(DeviationTest, ValidationNamesTheField) {
  struct Case {
    std::function<void(Deviation&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](Deviation& d) { d.description = ""; }, "description"},
      {[](Deviation& d) { d.severity = static_cast<DeviationSeverity>(0); }, "severity"},
      {[](Deviation& d) { d.raised_by = static_cast<DeviationRaisedBy>(3); }, "raised_by"},
      {[](Deviation& d) { d.state = static_cast<DeviationState>(7); }, "state"},
      // Raised on 3 March: a deadline of 2 March is before it.
      {[](Deviation& d) {
         d.response_deadline = Date{2025, 3, 2};
       },
       "response_deadline"},
      {[](Deviation& d) { d.state = DeviationState::kResponded; }, "response"},
      {[](Deviation& d) {
         d.state = DeviationState::kDecided;
         d.response = "Svar.";
       },
       "decision"},
      // A sanction belongs to a decision, not to an open deviation.
      {[](Deviation& d) { d.sanction = Penalty(1'000); }, "sanction"},
      {[](Deviation& d) {
         d.state = DeviationState::kDecided;
         d.decision = "Dagbot.";
         d.sanction = Penalty(-1);
       },
       "sanction.penalty"},
  };
  for (const Case& c : cases) {
    Deviation deviation = Sample();
    c.change(deviation);
    Status status = ValidateDeviation(deviation);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(status.field(), c.field);
  }
  // The deadline may be the day it was raised.
  Deviation same_day = Sample();
  same_day.response_deadline = Date{2025, 3, 3};
  EXPECT_TRUE(ValidateDeviation(same_day).ok());
}

TEST(DeviationTest, NamesRoundTrip) {
  for (DeviationSeverity s : {DeviationSeverity::kLow, DeviationSeverity::kMedium,
                              DeviationSeverity::kHigh, DeviationSeverity::kCritical}) {
    EXPECT_EQ(DeviationSeverityFromName(DeviationSeverityName(s)), s);
    EXPECT_NE(DeviationSeverityLabelNb(s), "Ukjent");
    EXPECT_NE(DeviationSeverityLabelEn(s), "Unknown");
  }
  for (DeviationState s : {DeviationState::kOpen, DeviationState::kResponded,
                           DeviationState::kDecided, DeviationState::kClosed}) {
    EXPECT_EQ(DeviationStateFromName(DeviationStateName(s)), s);
    EXPECT_NE(DeviationStateLabelNb(s), "Ukjent");
  }
  for (DeviationRaisedBy r : {DeviationRaisedBy::kMunicipality, DeviationRaisedBy::kSupplier}) {
    EXPECT_EQ(DeviationRaisedByFromName(DeviationRaisedByName(r)), r);
  }
  EXPECT_EQ(DeviationSeverityLabelNb(DeviationSeverity::kCritical), "Kritisk");
  EXPECT_EQ(DeviationSeverityFromName("severe"), std::nullopt);
}

}  // namespace
}  // namespace samspill::contract
