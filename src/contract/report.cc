#include "contract/report.h"

#include <algorithm>
#include <utility>

namespace samspill::contract {
namespace {

constexpr int kMaxDayCount = 365;

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == text.npos; }

int MonthsOf(PeriodLength p) {
  switch (p) {
    case PeriodLength::kMonth:
      return 1;
    case PeriodLength::kQuarter:
      return 3;
    case PeriodLength::kYear:
      return 12;
  }
  return 0;
}

// `date` moved `months` calendar months ahead; the day of month is kept, which is safe because
// the schedule's start day is at most 28.
Date AddMonths(Date date, int64_t months) {
  const int64_t index = static_cast<int64_t>(date.year) * 12 + (date.month - 1) + months;
  return Date{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1, date.day};
}

Status WrongState(std::string_view action, ReportState state) {
  return FailedPrecondition("a report cannot be " + std::string(action) + " when it is " +
                            std::string(ReportStateName(state)));
}

}  // namespace

std::string_view PeriodLengthName(PeriodLength p) {
  switch (p) {
    case PeriodLength::kMonth:
      return "month";
    case PeriodLength::kQuarter:
      return "quarter";
    case PeriodLength::kYear:
      return "year";
  }
  return "unknown";
}

std::optional<PeriodLength> PeriodLengthFromName(std::string_view name) {
  for (PeriodLength p : {PeriodLength::kMonth, PeriodLength::kQuarter, PeriodLength::kYear}) {
    if (PeriodLengthName(p) == name) return p;
  }
  return std::nullopt;
}

std::string_view PeriodLengthLabelNb(PeriodLength p) {
  switch (p) {
    case PeriodLength::kMonth:
      return "Måned";
    case PeriodLength::kQuarter:
      return "Kvartal";
    case PeriodLength::kYear:
      return "År";
  }
  return "Ukjent";
}

std::string_view PeriodLengthLabelEn(PeriodLength p) {
  switch (p) {
    case PeriodLength::kMonth:
      return "Month";
    case PeriodLength::kQuarter:
      return "Quarter";
    case PeriodLength::kYear:
      return "Year";
  }
  return "Unknown";
}

Status ValidateReportingSchedule(const ReportingSchedule& schedule) {
  const Date& start = schedule.first_period_start;
  if (start.year < 1990 || start.year > 2100 || start.month < 1 || start.month > 12 ||
      start.day < 1 || start.day > DaysInMonth(start.year, start.month)) {
    return InvalidArgument(
        "the first period must start on a real date in 1990 to 2100, not " + start.ToIso(),
        "first_period_start");
  }
  // Day 29 to 31 do not exist in every month, so later periods would start on shifting days.
  if (start.day > 28) {
    return InvalidArgument(
        "the first period must start on day 1 to 28 of a month, so every period starts on the "
        "same day, not " +
            start.ToIso(),
        "first_period_start");
  }
  if (MonthsOf(schedule.period_length) == 0) {
    return InvalidArgument("the period length must be a month, a quarter or a year",
                           "period_length");
  }
  if (schedule.due_days_after_end < 0 || schedule.due_days_after_end > kMaxDayCount) {
    return InvalidArgument("the report must be due 0 to 365 days after its period, not " +
                               std::to_string(schedule.due_days_after_end),
                           "due_days_after_end");
  }
  if (schedule.reminder_days_before_due < 0 || schedule.reminder_days_before_due > kMaxDayCount) {
    return InvalidArgument("the reminder must come 0 to 365 days before the due day, not " +
                               std::to_string(schedule.reminder_days_before_due),
                           "reminder_days_before_due");
  }
  return Status::Ok();
}

Result<std::vector<ReportPeriod>> Periods(const ReportingSchedule& schedule, Date up_to) {
  SAMSPILL_RETURN_IF_ERROR(ValidateReportingSchedule(schedule));
  const int months = MonthsOf(schedule.period_length);
  std::vector<ReportPeriod> periods;
  for (int64_t i = 0;; ++i) {
    const Date start = AddMonths(schedule.first_period_start, i * months);
    if (start > up_to) break;
    if (periods.size() == kMaxReportPeriods) {
      return InvalidArgument("more than 1200 report periods up to " + up_to.ToIso(), "up_to");
    }
    ReportPeriod period;
    period.number = static_cast<int>(i) + 1;
    period.start = start;
    period.end = AddMonths(schedule.first_period_start, (i + 1) * months).AddDays(-1);
    period.due = period.end.AddDays(schedule.due_days_after_end);
    period.reminder = period.due.AddDays(-schedule.reminder_days_before_due);
    periods.push_back(period);
  }
  return periods;
}

std::string_view ReportStateName(ReportState s) {
  switch (s) {
    case ReportState::kDraft:
      return "draft";
    case ReportState::kSubmitted:
      return "submitted";
    case ReportState::kCorrectionsRequested:
      return "corrections_requested";
    case ReportState::kResubmitted:
      return "resubmitted";
    case ReportState::kAccepted:
      return "accepted";
  }
  return "unknown";
}

std::optional<ReportState> ReportStateFromName(std::string_view name) {
  for (ReportState s :
       {ReportState::kDraft, ReportState::kSubmitted, ReportState::kCorrectionsRequested,
        ReportState::kResubmitted, ReportState::kAccepted}) {
    if (ReportStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view ReportStateLabelNb(ReportState s) {
  switch (s) {
    case ReportState::kDraft:
      return "Utkast";
    case ReportState::kSubmitted:
      return "Levert";
    case ReportState::kCorrectionsRequested:
      return "Retting bedt om";
    case ReportState::kResubmitted:
      return "Levert på nytt";
    case ReportState::kAccepted:
      return "Godkjent";
  }
  return "Ukjent";
}

std::string_view ReportStateLabelEn(ReportState s) {
  switch (s) {
    case ReportState::kDraft:
      return "Draft";
    case ReportState::kSubmitted:
      return "Submitted";
    case ReportState::kCorrectionsRequested:
      return "Corrections requested";
    case ReportState::kResubmitted:
      return "Resubmitted";
    case ReportState::kAccepted:
      return "Accepted";
  }
  return "Unknown";
}

Status SubmitReport(SupplierReport& report, Timestamp at) {
  if (report.state == ReportState::kDraft) {
    report.state = ReportState::kSubmitted;
    report.submitted_at = at;
  } else if (report.state == ReportState::kCorrectionsRequested) {
    report.state = ReportState::kResubmitted;
  } else {
    return WrongState("submitted", report.state);
  }
  report.last_submitted_at = at;
  return Status::Ok();
}

Status AcceptReport(SupplierReport& report, Timestamp at) {
  if (report.state != ReportState::kSubmitted && report.state != ReportState::kResubmitted) {
    return WrongState("accepted", report.state);
  }
  report.state = ReportState::kAccepted;
  report.decided_at = at;
  return Status::Ok();
}

Status RequestCorrections(SupplierReport& report, std::string comment, Timestamp at) {
  if (report.state != ReportState::kSubmitted && report.state != ReportState::kResubmitted) {
    return WrongState("returned for corrections", report.state);
  }
  // The supplier must be told what to correct.
  if (Blank(comment)) {
    return InvalidArgument("a request for corrections needs a comment", "correction_comment");
  }
  report.state = ReportState::kCorrectionsRequested;
  report.correction_comment = std::move(comment);
  report.decided_at = at;
  ++report.correction_rounds;
  return Status::Ok();
}

Date OsloDate(Timestamp at) { return Timestamp{at.unix_seconds + OsloOffsetSeconds(at)}.UtcDate(); }

bool IsLate(const SupplierReport& report, Date due, Date today) {
  if (report.submitted_at) return OsloDate(*report.submitted_at) > due;
  return today > due;
}

Result<std::vector<ReportReminder>> DueReminders(const ReportingSchedule& schedule,
                                                 const std::vector<SupplierReport>& reports,
                                                 Date today) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<ReportPeriod> periods, Periods(schedule, today));
  std::vector<ReportReminder> reminders;
  for (const ReportPeriod& period : periods) {
    if (period.reminder > today) continue;
    const auto report = std::find_if(reports.begin(), reports.end(), [&](const SupplierReport& r) {
      return r.period_start == period.start;
    });
    if (report != reports.end() && report->state != ReportState::kDraft) continue;
    reminders.push_back(ReportReminder{period, DaysBetween(today, period.due)});
  }
  return reminders;
}

}  // namespace samspill::contract
