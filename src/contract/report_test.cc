#include "contract/report.h"

#include <gtest/gtest.h>

#include <functional>

namespace samspill::contract {
namespace {

// Quarterly from 2025-01-01, due 20 days after each quarter ends, reminded 7 days before.
ReportingSchedule Quarterly() {
  ReportingSchedule schedule;
  schedule.first_period_start = Date{2025, 1, 1};
  schedule.period_length = PeriodLength::kQuarter;
  schedule.due_days_after_end = 20;
  schedule.reminder_days_before_due = 7;
  return schedule;
}

Timestamp At(std::string_view iso) {
  Result<Timestamp> at = ParseIsoTimestamp(iso);
  EXPECT_TRUE(at.ok()) << iso;
  return at.ok() ? *at : Timestamp{};
}

SupplierReport Report(Date period_start, ReportState state = ReportState::kDraft) {
  SupplierReport report;
  report.period_start = period_start;
  report.values["Andel beboere med oppdatert tiltaksplan"] = 0.92;
  report.values["Sykefravær"] = std::nullopt;
  report.comments = "Sykefraværet er ikke klart før neste måned.";
  report.state = state;
  return report;
}

TEST(ReportingScheduleTest, QuarterlyPeriodsAcrossTheYearEnd) {
  Result<std::vector<ReportPeriod>> periods = Periods(Quarterly(), Date{2026, 1, 1});
  ASSERT_TRUE(periods.ok()) << periods.status().ToString();
  ASSERT_EQ(periods->size(), 5u);  // four quarters of 2025 and the one starting 2026-01-01
  // Q1: 2025-03-31 + 20 days = 2025-04-20 (31 March + 20 = 20 April); reminder 20 − 7 = 13 April.
  EXPECT_EQ((*periods)[0], (ReportPeriod{1, Date{2025, 1, 1}, Date{2025, 3, 31}, Date{2025, 4, 20},
                                         Date{2025, 4, 13}}));
  // Q2: 30 June + 20 = 20 July; reminder 13 July.
  EXPECT_EQ((*periods)[1], (ReportPeriod{2, Date{2025, 4, 1}, Date{2025, 6, 30}, Date{2025, 7, 20},
                                         Date{2025, 7, 13}}));
  // Q4 ends 31 December; 31 December + 20 = 20 January of the next year; reminder 13 January.
  EXPECT_EQ((*periods)[3], (ReportPeriod{4, Date{2025, 10, 1}, Date{2025, 12, 31},
                                         Date{2026, 1, 20}, Date{2026, 1, 13}}));
  // Q1 2026: 31 March 2026 + 20 = 20 April 2026.
  EXPECT_EQ((*periods)[4], (ReportPeriod{5, Date{2026, 1, 1}, Date{2026, 3, 31}, Date{2026, 4, 20},
                                         Date{2026, 4, 13}}));
}

TEST(ReportingScheduleTest, OnlyPeriodsStartedByTheDateAreListed) {
  Result<std::vector<ReportPeriod>> before = Periods(Quarterly(), Date{2024, 12, 31});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());
  Result<std::vector<ReportPeriod>> first = Periods(Quarterly(), Date{2025, 3, 31});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->size(), 1u);
  Result<std::vector<ReportPeriod>> second = Periods(Quarterly(), Date{2025, 4, 1});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->size(), 2u);
}

TEST(ReportingScheduleTest, MonthlyPeriodsFromMidMonthInALeapYear) {
  ReportingSchedule schedule;
  schedule.first_period_start = Date{2024, 1, 15};
  schedule.period_length = PeriodLength::kMonth;
  schedule.due_days_after_end = 0;
  schedule.reminder_days_before_due = 3;
  Result<std::vector<ReportPeriod>> periods = Periods(schedule, Date{2024, 2, 15});
  ASSERT_TRUE(periods.ok()) << periods.status().ToString();
  ASSERT_EQ(periods->size(), 2u);
  // 15 January to 14 February, due the same day, reminded 3 days before (11 February).
  EXPECT_EQ((*periods)[0], (ReportPeriod{1, Date{2024, 1, 15}, Date{2024, 2, 14}, Date{2024, 2, 14},
                                         Date{2024, 2, 11}}));
  // 15 February to 14 March (2024 is a leap year; the month's end does not matter here).
  EXPECT_EQ((*periods)[1], (ReportPeriod{2, Date{2024, 2, 15}, Date{2024, 3, 14}, Date{2024, 3, 14},
                                         Date{2024, 3, 11}}));
}

TEST(ReportingScheduleTest, YearlyPeriodEndsOnTheDayBeforeTheNextStarts) {
  ReportingSchedule schedule = Quarterly();
  schedule.first_period_start = Date{2025, 7, 1};
  schedule.period_length = PeriodLength::kYear;
  schedule.due_days_after_end = 60;
  Result<std::vector<ReportPeriod>> periods = Periods(schedule, Date{2025, 7, 1});
  ASSERT_TRUE(periods.ok());
  ASSERT_EQ(periods->size(), 1u);
  // 30 June 2026 + 60 days: 31 days of July reach 31 July, 29 more reach 29 August.
  EXPECT_EQ((*periods)[0], (ReportPeriod{1, Date{2025, 7, 1}, Date{2026, 6, 30}, Date{2026, 8, 29},
                                         Date{2026, 8, 22}}));
}

TEST(ReportingScheduleTest, InvalidSchedulesNameTheField) {
  struct Case {
    std::function<void(ReportingSchedule&)> change;
    std::string field;
  };
  const std::vector<Case> cases = {
      {[](ReportingSchedule& s) {
         s.first_period_start = Date{2025, 1, 29};
       },
       "first_period_start"},
      {[](ReportingSchedule& s) {
         s.first_period_start = Date{2025, 2, 30};
       },
       "first_period_start"},
      {[](ReportingSchedule& s) {
         s.first_period_start = Date{1989, 12, 1};
       },
       "first_period_start"},
      {[](ReportingSchedule& s) { s.period_length = static_cast<PeriodLength>(9); },
       "period_length"},
      {[](ReportingSchedule& s) { s.due_days_after_end = -1; }, "due_days_after_end"},
      {[](ReportingSchedule& s) { s.due_days_after_end = 366; }, "due_days_after_end"},
      {[](ReportingSchedule& s) { s.reminder_days_before_due = -1; }, "reminder_days_before_due"},
      {[](ReportingSchedule& s) { s.reminder_days_before_due = 366; }, "reminder_days_before_due"},
  };
  ASSERT_TRUE(ValidateReportingSchedule(Quarterly()).ok());
  for (const Case& c : cases) {
    ReportingSchedule schedule = Quarterly();
    c.change(schedule);
    Status status = ValidateReportingSchedule(schedule);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.field;
    EXPECT_EQ(status.field(), c.field);
    EXPECT_EQ(Periods(schedule, Date{2026, 1, 1}).status().field(), c.field);
  }
}

TEST(ReportingScheduleTest, TooManyPeriodsAreRefused) {
  ReportingSchedule schedule = Quarterly();
  schedule.first_period_start = Date{1990, 1, 1};
  schedule.period_length = PeriodLength::kMonth;
  // 1990-01 to 2089-12 is exactly 100 years = 1200 months, the limit.
  Result<std::vector<ReportPeriod>> limit = Periods(schedule, Date{2089, 12, 31});
  ASSERT_TRUE(limit.ok());
  EXPECT_EQ(limit->size(), 1200u);
  EXPECT_EQ(Periods(schedule, Date{2090, 1, 1}).status().code(), StatusCode::kInvalidArgument);
}

TEST(ReportingScheduleTest, NamesRoundTrip) {
  for (PeriodLength p : {PeriodLength::kMonth, PeriodLength::kQuarter, PeriodLength::kYear}) {
    EXPECT_EQ(PeriodLengthFromName(PeriodLengthName(p)), p);
  }
  EXPECT_EQ(PeriodLengthLabelNb(PeriodLength::kQuarter), "Kvartal");
  EXPECT_EQ(PeriodLengthFromName("week"), std::nullopt);
  for (ReportState s :
       {ReportState::kDraft, ReportState::kSubmitted, ReportState::kCorrectionsRequested,
        ReportState::kResubmitted, ReportState::kAccepted}) {
    EXPECT_EQ(ReportStateFromName(ReportStateName(s)), s);
    EXPECT_NE(ReportStateLabelNb(s), "Ukjent");
    EXPECT_NE(ReportStateLabelEn(s), "Unknown");
  }
  EXPECT_EQ(ReportStateName(ReportState::kCorrectionsRequested), "corrections_requested");
}

TEST(SupplierReportTest, CorrectedReportKeepsItsFirstSubmission) {
  SupplierReport report = Report(Date{2025, 1, 1});
  const Timestamp first = At("2025-04-18T10:00:00+02:00");
  const Timestamp returned = At("2025-04-22T09:00:00+02:00");
  const Timestamp again = At("2025-04-25T14:00:00+02:00");
  const Timestamp accepted = At("2025-04-28T08:00:00+02:00");
  ASSERT_TRUE(SubmitReport(report, first).ok());
  EXPECT_EQ(report.state, ReportState::kSubmitted);
  ASSERT_TRUE(RequestCorrections(report, "Sykefraværet mangler.", returned).ok());
  EXPECT_EQ(report.state, ReportState::kCorrectionsRequested);
  EXPECT_EQ(report.correction_comment, "Sykefraværet mangler.");
  EXPECT_EQ(report.correction_rounds, 1);
  ASSERT_TRUE(SubmitReport(report, again).ok());
  EXPECT_EQ(report.state, ReportState::kResubmitted);
  EXPECT_EQ(report.submitted_at, first);
  EXPECT_EQ(report.last_submitted_at, again);
  ASSERT_TRUE(AcceptReport(report, accepted).ok());
  EXPECT_EQ(report.state, ReportState::kAccepted);
  EXPECT_EQ(report.decided_at, accepted);
  // Resubmitted on 25 April, after the due day 20 April, yet on time: the first submission counts.
  EXPECT_FALSE(IsLate(report, Date{2025, 4, 20}, Date{2025, 5, 1}));
}

TEST(SupplierReportTest, EveryIllegalTransitionIsRefusedAndLeavesTheReportUnchanged) {
  const Timestamp at = At("2025-04-18T10:00:00+02:00");
  enum Action { kSubmit, kAccept, kRequest };
  struct Case {
    ReportState state;
    Action action;
  };
  const std::vector<Case> cases = {
      {ReportState::kDraft, kAccept},
      {ReportState::kDraft, kRequest},
      {ReportState::kSubmitted, kSubmit},
      {ReportState::kCorrectionsRequested, kAccept},
      {ReportState::kCorrectionsRequested, kRequest},
      {ReportState::kResubmitted, kSubmit},
      {ReportState::kAccepted, kSubmit},
      {ReportState::kAccepted, kAccept},
      {ReportState::kAccepted, kRequest},
  };
  for (const Case& c : cases) {
    SupplierReport report = Report(Date{2025, 1, 1}, c.state);
    const SupplierReport before = report;
    Status status = c.action == kSubmit   ? SubmitReport(report, at)
                    : c.action == kAccept ? AcceptReport(report, at)
                                          : RequestCorrections(report, "Rett tallene.", at);
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition)
        << ReportStateName(c.state) << " " << c.action;
    EXPECT_NE(status.message().find(std::string(ReportStateName(c.state))), std::string::npos)
        << status.message();
    EXPECT_EQ(report, before);
  }
}

TEST(SupplierReportTest, ACorrectionRequestNeedsAComment) {
  SupplierReport report = Report(Date{2025, 1, 1}, ReportState::kSubmitted);
  const SupplierReport before = report;
  Status status = RequestCorrections(report, "  \n", At("2025-04-22T09:00:00+02:00"));
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.field(), "correction_comment");
  EXPECT_EQ(report, before);
}

TEST(SupplierReportTest, SubmittedOnTheDueDayInNorwayIsOnTimeTheNextDayLate) {
  const Date due{2025, 4, 20};  // Q1's due day; April is summer time, UTC+2
  SupplierReport report = Report(Date{2025, 1, 1});
  ASSERT_TRUE(SubmitReport(report, At("2025-04-20T23:59:59+02:00")).ok());
  EXPECT_FALSE(IsLate(report, due, Date{2025, 5, 1}));

  // 00:00 on 21 April in Oslo is still 20 April (22:00) in UTC, and late.
  SupplierReport next_day = Report(Date{2025, 1, 1});
  ASSERT_TRUE(SubmitReport(next_day, At("2025-04-21T00:00:00+02:00")).ok());
  EXPECT_EQ(next_day.submitted_at->UtcDate(), due);
  EXPECT_TRUE(IsLate(next_day, due, Date{2025, 5, 1}));

  // Q4's due day 2026-01-20 is in winter time, UTC+1: 23:30 Oslo is 22:30 UTC the same day.
  SupplierReport winter = Report(Date{2025, 10, 1});
  ASSERT_TRUE(SubmitReport(winter, At("2026-01-20T23:30:00+01:00")).ok());
  EXPECT_FALSE(IsLate(winter, Date{2026, 1, 20}, Date{2026, 2, 1}));
}

TEST(SupplierReportTest, AnUnsubmittedReportIsLateOnlyAfterItsDueDay) {
  const SupplierReport draft = Report(Date{2025, 1, 1});
  EXPECT_FALSE(IsLate(draft, Date{2025, 4, 20}, Date{2025, 4, 20}));
  EXPECT_TRUE(IsLate(draft, Date{2025, 4, 20}, Date{2025, 4, 21}));
}

TEST(DueRemindersTest, RemindedFromTheReminderDayWithTheDaysLeft) {
  const ReportingSchedule schedule = Quarterly();
  Result<std::vector<ReportReminder>> early = DueReminders(schedule, {}, Date{2025, 4, 12});
  ASSERT_TRUE(early.ok());
  EXPECT_TRUE(early->empty());  // Q1's reminder day is 13 April

  Result<std::vector<ReportReminder>> on_day = DueReminders(schedule, {}, Date{2025, 4, 13});
  ASSERT_TRUE(on_day.ok());
  ASSERT_EQ(on_day->size(), 1u);
  EXPECT_EQ((*on_day)[0].period.number, 1);
  EXPECT_EQ((*on_day)[0].days_left, 7);  // 13 → 20 April

  // Overdue: 25 April is 5 days past 20 April. A draft is not submitted, so it is still reminded.
  Result<std::vector<ReportReminder>> overdue =
      DueReminders(schedule, {Report(Date{2025, 1, 1})}, Date{2025, 4, 25});
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->size(), 1u);
  EXPECT_EQ((*overdue)[0].days_left, -5);

  // A submitted report, or one returned for corrections, is no longer reminded.
  for (ReportState state : {ReportState::kSubmitted, ReportState::kCorrectionsRequested,
                            ReportState::kResubmitted, ReportState::kAccepted}) {
    Result<std::vector<ReportReminder>> done =
        DueReminders(schedule, {Report(Date{2025, 1, 1}, state)}, Date{2025, 4, 25});
    ASSERT_TRUE(done.ok());
    EXPECT_TRUE(done->empty()) << ReportStateName(state);
  }
}

TEST(DueRemindersTest, AcrossTheYearEnd) {
  const ReportingSchedule schedule = Quarterly();
  const std::vector<SupplierReport> reports = {
      Report(Date{2025, 1, 1}, ReportState::kAccepted),
      Report(Date{2025, 4, 1}, ReportState::kAccepted),
      Report(Date{2025, 7, 1}, ReportState::kSubmitted),
  };
  // Q4's reminder day is 13 January 2026, 7 days before 20 January.
  Result<std::vector<ReportReminder>> before = DueReminders(schedule, reports, Date{2026, 1, 12});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());
  Result<std::vector<ReportReminder>> on_day = DueReminders(schedule, reports, Date{2026, 1, 13});
  ASSERT_TRUE(on_day.ok());
  ASSERT_EQ(on_day->size(), 1u);
  EXPECT_EQ((*on_day)[0].period.start, (Date{2025, 10, 1}));
  EXPECT_EQ((*on_day)[0].days_left, 7);
  // 21 January is one day past the due day; Q1 2026 (due 20 April) is not yet reminded.
  Result<std::vector<ReportReminder>> after = DueReminders(schedule, reports, Date{2026, 1, 21});
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].days_left, -1);
}

TEST(DueRemindersTest, AnInvalidScheduleIsRefused) {
  ReportingSchedule schedule = Quarterly();
  schedule.due_days_after_end = -3;
  EXPECT_EQ(DueReminders(schedule, {}, Date{2025, 4, 25}).status().field(), "due_days_after_end");
}

}  // namespace
}  // namespace samspill::contract
