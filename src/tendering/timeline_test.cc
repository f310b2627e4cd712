#include "tendering/timeline.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

std::vector<TimelineFinding> Check(const Timeline& t, LegalRegime regime,
                                   const TenderProfile& profile = {},
                                   const TimelineOptions& options = {}) {
  Result<std::vector<TimelineFinding>> findings = CheckTimeline(t, regime, profile, options);
  EXPECT_TRUE(findings.ok()) << findings.status().ToString();
  return findings.ok() ? *findings : std::vector<TimelineFinding>{};
}

int Count(const std::vector<TimelineFinding>& findings, Severity severity, Milestone milestone) {
  int n = 0;
  for (const TimelineFinding& f : findings) n += f.severity == severity && f.milestone == milestone;
  return n;
}

const TimelineFinding* Find(const std::vector<TimelineFinding>& findings, Severity severity,
                            Milestone milestone) {
  for (const TimelineFinding& f : findings) {
    if (f.severity == severity && f.milestone == milestone) return &f;
  }
  return nullptr;
}

Timeline Bidding(Date publication, Date deadline) {
  Timeline t;
  t.Set(Milestone::kPublication, publication);
  t.Set(Milestone::kBidDeadline, deadline);
  return t;
}

// Seed 000 (DOMAIN.md §9): Trondheim's care homes, part IV, ~100 årsverk, staff transfer,
// bystyret approves before award.
Timeline Seed000() {
  Timeline t;
  t.Set(Milestone::kPoliticalDecision, Date{2025, 2, 20});
  t.Set(Milestone::kMarketDialogue, Date{2024, 10, 15});
  t.Set(Milestone::kDocumentsReady, Date{2025, 8, 15});
  t.Set(Milestone::kPublication, Date{2025, 8, 21});
  t.Set(Milestone::kBidDeadline, Date{2025, 9, 19});
  return t;
}

const TenderProfile kSeed000Profile{.procedure = Procedure::kOther,
                                    .political_approval_required = true,
                                    .staff_transfer = true,
                                    .staff_years = 100};

TEST(Timeline, Seed000ShortBidPeriodIsWarnedCitingTheDays) {
  std::vector<TimelineFinding> findings = Check(Seed000(), LegalRegime::kPartIV, kSeed000Profile);
  ASSERT_EQ(findings.size(), 1u);
  const TimelineFinding& warning = findings[0];
  EXPECT_EQ(warning.severity, Severity::kWarning);
  EXPECT_EQ(warning.milestone, Milestone::kBidDeadline);
  EXPECT_NE(warning.message.find("29 days (2025-08-21 → 2025-09-19)"), std::string::npos)
      << warning.message;
  EXPECT_NE(warning.message.find("100 årsverk"), std::string::npos);
  // 45 days is the municipality's own recommendation, not a rule of law.
  EXPECT_NE(warning.message.find("the municipality's recommendation of 45 days"), std::string::npos)
      << warning.message;
  EXPECT_NE(warning.message.find("not law"), std::string::npos) << warning.message;
}

TEST(Timeline, LongEnoughBidPeriodHasNoWarning) {
  Timeline t = Seed000();
  t.Set(Milestone::kBidDeadline, Date{2025, 10, 5});  // 45 days
  EXPECT_TRUE(Check(t, LegalRegime::kPartIV, kSeed000Profile).empty());
}

TEST(Timeline, SmallTenderUsesTheOrdinaryRecommendation) {
  // Part II, 29 days: below the ordinary 30; 30 days is fine.
  EXPECT_EQ(Count(Check(Bidding({2025, 8, 21}, {2025, 9, 19}), LegalRegime::kPartII),
                  Severity::kWarning, Milestone::kBidDeadline),
            1);
  EXPECT_TRUE(Check(Bidding({2025, 8, 21}, {2025, 9, 20}), LegalRegime::kPartII).empty());
  // Staff transfer only makes a tender "large" above the EEA threshold.
  TenderProfile profile{.staff_transfer = true};
  EXPECT_TRUE(Check(Bidding({2025, 8, 21}, {2025, 9, 20}), LegalRegime::kPartII, profile).empty());
}

TEST(Timeline, PartIiiOpenProcedureMinimumIsAnError) {
  std::vector<TimelineFinding> findings =
      Check(Bidding({2025, 8, 21}, {2025, 9, 19}), LegalRegime::kPartIII);
  const TimelineFinding* error = Find(findings, Severity::kError, Milestone::kBidDeadline);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(error->message.find("29 days"), std::string::npos);
  EXPECT_NE(error->message.find("at least 30 days"), std::string::npos);
  EXPECT_EQ(Count(findings, Severity::kWarning, Milestone::kBidDeadline), 0);
  EXPECT_TRUE(Check(Bidding({2025, 8, 21}, {2025, 9, 20}), LegalRegime::kPartIII).empty());
}

TEST(Timeline, PartIiiNonElectronicNeeds35Days) {
  TenderProfile profile{.electronic_submission_required = false};
  EXPECT_EQ(Count(Check(Bidding({2025, 1, 1}, {2025, 2, 4}), LegalRegime::kPartIII, profile),
                  Severity::kError, Milestone::kBidDeadline),
            1);  // 34 days
  EXPECT_TRUE(Check(Bidding({2025, 1, 1}, {2025, 2, 5}), LegalRegime::kPartIII, profile).empty());
}

TEST(Timeline, PartIiiPriorNoticeAllows15DaysButStillWarnsBelowRecommendation) {
  TenderProfile profile{.prior_notice_or_urgency = true};
  std::vector<TimelineFinding> findings =
      Check(Bidding({2025, 1, 1}, {2025, 1, 16}), LegalRegime::kPartIII, profile);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kBidDeadline), 0);
  EXPECT_EQ(Count(findings, Severity::kWarning, Milestone::kBidDeadline), 1);
  EXPECT_EQ(Count(Check(Bidding({2025, 1, 1}, {2025, 1, 15}), LegalRegime::kPartIII, profile),
                  Severity::kError, Milestone::kBidDeadline),
            1);
}

TEST(Timeline, PartIiiRestrictedTenderPeriodIs25Days) {
  TenderProfile profile{.procedure = Procedure::kRestricted};
  std::vector<TimelineFinding> findings =
      Check(Bidding({2025, 1, 1}, {2025, 1, 26}), LegalRegime::kPartIII, profile);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kBidDeadline), 0);
  EXPECT_EQ(Count(Check(Bidding({2025, 1, 1}, {2025, 1, 25}), LegalRegime::kPartIII, profile),
                  Severity::kError, Milestone::kBidDeadline),
            1);
}

// Restricted procedure with a request-to-participate deadline `request_days` after publication.
Timeline WithRequest(int request_days) {
  Timeline t = Bidding({2025, 1, 1}, {2025, 4, 1});
  t.Set(Milestone::kRequestDeadline, Date{2025, 1, 1}.AddDays(request_days));
  return t;
}

TEST(Timeline, PartIiiRequestToParticipatePeriodIsChecked) {
  for (Procedure procedure : {Procedure::kRestricted, Procedure::kOther}) {
    TenderProfile profile{.procedure = procedure};
    std::vector<TimelineFinding> findings = Check(WithRequest(29), LegalRegime::kPartIII, profile);
    const TimelineFinding* error = Find(findings, Severity::kError, Milestone::kRequestDeadline);
    ASSERT_NE(error, nullptr);
    EXPECT_NE(error->message.find("29 days"), std::string::npos) << error->message;
    EXPECT_NE(error->message.find("at least 30 days"), std::string::npos) << error->message;
    EXPECT_NE(error->message.find("DFØ-tabell 2023"), std::string::npos) << error->message;
    findings = Check(WithRequest(30), LegalRegime::kPartIII, profile);
    EXPECT_EQ(Count(findings, Severity::kError, Milestone::kRequestDeadline), 0);
    EXPECT_EQ(Count(findings, Severity::kWarning, Milestone::kRequestDeadline), 0);
    // Parts I, II and IV have no minimum time limits.
    EXPECT_TRUE(Check(WithRequest(29), LegalRegime::kPartII, profile).empty());
  }
  // The open procedure has no qualification phase.
  EXPECT_TRUE(Check(WithRequest(29), LegalRegime::kPartIII).empty());
}

TEST(Timeline, PartIiiUrgentRestrictedRequestPeriodIs15Days) {
  // The profile does not tell urgency from a prior notice, and only urgency shortens the
  // request period: below 15 is an error, below 30 a warning to document the urgency.
  TenderProfile profile{.procedure = Procedure::kRestricted, .prior_notice_or_urgency = true};
  EXPECT_EQ(Count(Check(WithRequest(14), LegalRegime::kPartIII, profile), Severity::kError,
                  Milestone::kRequestDeadline),
            1);
  std::vector<TimelineFinding> findings = Check(WithRequest(15), LegalRegime::kPartIII, profile);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kRequestDeadline), 0);
  EXPECT_EQ(Count(findings, Severity::kWarning, Milestone::kRequestDeadline), 1);
  EXPECT_TRUE(Check(WithRequest(30), LegalRegime::kPartIII, profile).empty());
}

TEST(Timeline, PartIiiQualificationWithoutARequestDeadlineIsWarned) {
  TenderProfile profile{.procedure = Procedure::kRestricted};
  std::vector<TimelineFinding> findings =
      Check(Bidding({2025, 1, 1}, {2025, 4, 1}), LegalRegime::kPartIII, profile);
  EXPECT_EQ(Count(findings, Severity::kWarning, Milestone::kRequestDeadline), 1);
}

TEST(Timeline, RequestDeadlineComesAfterPublicationAndBeforeTheBidDeadline) {
  TenderProfile profile{.procedure = Procedure::kRestricted};
  Timeline t = WithRequest(0);
  EXPECT_EQ(
      Count(Check(t, LegalRegime::kPartII, profile), Severity::kError, Milestone::kRequestDeadline),
      1);
  t.Set(Milestone::kRequestDeadline, Date{2025, 4, 1});
  EXPECT_EQ(
      Count(Check(t, LegalRegime::kPartII, profile), Severity::kError, Milestone::kBidDeadline), 1);
}

TEST(Timeline, BidDeadlineBeforePublicationIsAnError) {
  std::vector<TimelineFinding> findings =
      Check(Bidding({2025, 9, 19}, {2025, 8, 21}), LegalRegime::kPartIV);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_NE(findings[0].message.find("bid deadline (2025-08-21) must come after publication"),
            std::string::npos)
      << findings[0].message;
  // Same day is also an error: there is no bid period at all.
  EXPECT_EQ(Count(Check(Bidding({2025, 9, 19}, {2025, 9, 19}), LegalRegime::kPartI),
                  Severity::kError, Milestone::kBidDeadline),
            1);
}

TEST(Timeline, QuestionsDeadlineAfterBidDeadlineIsAnError) {
  Timeline t = Bidding({2025, 1, 1}, {2025, 3, 1});
  t.Set(Milestone::kQuestionsDeadline, Date{2025, 3, 2});
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartI), Severity::kError, Milestone::kBidDeadline), 1);
  t.Set(Milestone::kQuestionsDeadline, Date{2025, 2, 20});
  EXPECT_TRUE(Check(t, LegalRegime::kPartI).empty());
}

TEST(Timeline, ContractSignedBeforeStandstillEndIsAnError) {
  Timeline t;
  t.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  t.Set(Milestone::kStandstillEnd, Date{2025, 5, 11});
  t.Set(Milestone::kContractSigned, Date{2025, 5, 11});
  std::vector<TimelineFinding> findings = Check(t, LegalRegime::kPartIII);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kContractSigned), 1);
  t.Set(Milestone::kContractSigned, Date{2025, 5, 12});
  EXPECT_TRUE(Check(t, LegalRegime::kPartIII).empty());
}

TEST(Timeline, StandstillEndDefaultsToAwardNoticePlusSetting) {
  Timeline t;
  t.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  t.Set(Milestone::kContractSigned, Date{2025, 5, 8});
  std::vector<TimelineFinding> findings = Check(t, LegalRegime::kPartIV);
  const TimelineFinding* info = Find(findings, Severity::kInfo, Milestone::kStandstillEnd);
  ASSERT_NE(info, nullptr);
  EXPECT_NE(info->message.find("2025-05-11"), std::string::npos);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kContractSigned), 1);

  TimelineOptions five_days;
  five_days.standstill_days = 5;
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartIV, {}, five_days), Severity::kError,
                  Milestone::kContractSigned),
            0);
}

TEST(Timeline, ShortStandstillIsAnErrorOnlyInPartIii) {
  Timeline t;
  t.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  t.Set(Milestone::kStandstillEnd, Date{2025, 5, 8});
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartIII), Severity::kError, Milestone::kStandstillEnd), 1);
  std::vector<TimelineFinding> part_iv = Check(t, LegalRegime::kPartIV);
  const TimelineFinding* warning = Find(part_iv, Severity::kWarning, Milestone::kStandstillEnd);
  ASSERT_NE(warning, nullptr);
  EXPECT_NE(warning->message.find("not confirmed"), std::string::npos);
  EXPECT_TRUE(Check(t, LegalRegime::kPartI).empty());  // no standstill duty in part I
}

TEST(Timeline, PartIiiStandstillSettingBelowTheLawIsRefused) {
  // FOA § 25-2: a part III standstill is at least 10 days; a draft may lengthen it, never
  // shorten it, whether or not the end is planned.
  Timeline t = Bidding({2025, 1, 1}, {2025, 2, 15});
  t.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  TimelineOptions five_days;
  five_days.standstill_days = 5;
  Result<std::vector<TimelineFinding>> refused =
      CheckTimeline(t, LegalRegime::kPartIII, {}, five_days);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "standstill_days");
  EXPECT_NE(refused.status().message().find("FOA § 25-2"), std::string::npos)
      << refused.status().message();
  EXPECT_NE(refused.status().message().find("10 days"), std::string::npos);
  t.Set(Milestone::kStandstillEnd, Date{2025, 5, 11});
  EXPECT_FALSE(CheckTimeline(t, LegalRegime::kPartIII, {}, five_days).ok());
  // Parts II and IV have no legal minimum: the municipality's setting may be shorter.
  EXPECT_TRUE(CheckTimeline(t, LegalRegime::kPartII, {}, five_days).ok());
  EXPECT_TRUE(CheckTimeline(t, LegalRegime::kPartIV, {}, five_days).ok());
}

// A short standstill warned as the municipality's setting of `days`, never as law.
void ExpectSettingWarning(const std::vector<TimelineFinding>& findings, int days) {
  const TimelineFinding* warning = Find(findings, Severity::kWarning, Milestone::kStandstillEnd);
  ASSERT_NE(warning, nullptr);
  EXPECT_NE(
      warning->message.find("the municipality's setting of " + std::to_string(days) + " days"),
      std::string::npos)
      << warning->message;
  EXPECT_NE(warning->message.find("not law"), std::string::npos) << warning->message;
}

TEST(Timeline, PartIiiStandstillBetweenTheLawAndALongerSettingIsOnlyAWarning) {
  Timeline t;
  t.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  t.Set(Milestone::kStandstillEnd, Date{2025, 5, 13});  // 12 days: lawful, short of the setting
  TimelineOptions fifteen_days;
  fifteen_days.standstill_days = 15;
  std::vector<TimelineFinding> findings = Check(t, LegalRegime::kPartIII, {}, fifteen_days);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kStandstillEnd), 0);
  ExpectSettingWarning(findings, 15);
}

TEST(Timeline, ShortStandstillWarningSaysTheFigureIsTheMunicipalitysSetting) {
  Timeline t;
  t.Set(Milestone::kAwardNotice, Date{2025, 5, 1});
  t.Set(Milestone::kStandstillEnd, Date{2025, 5, 8});
  for (LegalRegime regime : {LegalRegime::kPartII, LegalRegime::kPartIV}) {
    ExpectSettingWarning(Check(t, regime), 10);
  }
}

TEST(Timeline, AwardNoticeBeforePoliticalApprovalIsAnError) {
  Timeline t;
  t.Set(Milestone::kPoliticalApproval, Date{2025, 11, 20});
  t.Set(Milestone::kAwardNotice, Date{2025, 11, 10});
  std::vector<TimelineFinding> findings = Check(t, LegalRegime::kPartIV, kSeed000Profile);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kAwardNotice), 1);
  t.Set(Milestone::kAwardNotice, Date{2025, 11, 21});
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartIV, kSeed000Profile), Severity::kError,
                  Milestone::kAwardNotice),
            0);
}

TEST(Timeline, RequiredPoliticalApprovalMustBePlanned) {
  Timeline t;
  t.Set(Milestone::kAwardNotice, Date{2025, 11, 10});
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartIV, kSeed000Profile), Severity::kError,
                  Milestone::kPoliticalApproval),
            1);
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartIV), Severity::kError, Milestone::kPoliticalApproval),
            0);
}

TEST(Timeline, SideOrdersAreChecked) {
  Timeline t = Bidding({2025, 1, 1}, {2025, 3, 1});
  t.Set(Milestone::kPoliticalDecision, Date{2025, 2, 1});
  t.Set(Milestone::kContractSigned, Date{2025, 6, 1});
  t.Set(Milestone::kStaffTransfer, Date{2025, 5, 1});
  std::vector<TimelineFinding> findings = Check(t, LegalRegime::kPartI);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kPublication), 1);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kStaffTransfer), 1);
}

// DOMAIN.md §4: the reservation deadline is "ikke kortere enn 14 dager etter at informasjon etter
// § 16-6 er gitt" (arbeidsmiljøloven § 16-3) — in every regime, since it is labour law.
TEST(Timeline, ReservationDeadlineIsAtLeastFourteenDaysAfterTheInformation) {
  for (LegalRegime regime : {LegalRegime::kOutside, LegalRegime::kPartI, LegalRegime::kPartIV}) {
    Timeline t;
    t.Set(Milestone::kStaffInformation, Date{2026, 3, 2});
    t.Set(Milestone::kReservationDeadline, Date{2026, 3, 15});  // 13 days
    std::vector<TimelineFinding> findings = Check(t, regime);
    ASSERT_EQ(Count(findings, Severity::kError, Milestone::kReservationDeadline), 1);
    const std::string& message = findings.front().message;
    EXPECT_NE(message.find("is 13 days after"), std::string::npos) << message;
    EXPECT_NE(message.find("arbeidsmiljøloven § 16-3 requires at least 14 days"), std::string::npos)
        << message;
    t.Set(Milestone::kReservationDeadline, Date{2026, 3, 16});  // 14 days: the floor itself
    EXPECT_TRUE(Check(t, regime).empty());
  }
}

TEST(Timeline, ReservationComesAfterTheInformationAndBeforeTheTransfer) {
  Timeline t;
  t.Set(Milestone::kStaffInformation, Date{2026, 3, 2});
  t.Set(Milestone::kReservationDeadline, Date{2026, 3, 2});
  EXPECT_EQ(
      Count(Check(t, LegalRegime::kPartIV), Severity::kError, Milestone::kReservationDeadline), 1);
  t.Set(Milestone::kReservationDeadline, Date{2026, 4, 20});
  t.Set(Milestone::kStaffTransfer, Date{2026, 4, 1});
  std::vector<TimelineFinding> findings = Check(t, LegalRegime::kPartIV);
  EXPECT_EQ(Count(findings, Severity::kError, Milestone::kReservationDeadline), 0);
  ASSERT_EQ(Count(findings, Severity::kWarning, Milestone::kReservationDeadline), 1);
  t.Set(Milestone::kStaffInformation, Date{2026, 4, 2});
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartIV), Severity::kError, Milestone::kStaffTransfer), 1);
}

TEST(Timeline, MissingDatesAreSkippedButOrderHoldsAcrossGaps) {
  Timeline t;
  t.Set(Milestone::kPublication, Date{2025, 6, 1});
  t.Set(Milestone::kOperationStart, Date{2025, 5, 1});
  EXPECT_EQ(Count(Check(t, LegalRegime::kPartI), Severity::kError, Milestone::kOperationStart), 1);
}

TEST(Timeline, NegativeOptionsAreRejected) {
  TimelineOptions options;
  options.standstill_days = -1;
  Result<std::vector<TimelineFinding>> findings =
      CheckTimeline(Timeline{}, LegalRegime::kPartI, {}, options);
  ASSERT_FALSE(findings.ok());
  EXPECT_EQ(findings.status().field(), "standstill_days");
}

}  // namespace
}  // namespace samspill::tendering
