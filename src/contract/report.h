// The supplier's periodic report (issue 18 §2): on a fixed schedule the supplier reports the
// contract's quality indicators with comments, each report due a number of days after its
// period ends and reminded a number of days before. The municipality accepts a report or asks
// for corrections, and the supplier then submits it again. A report submitted after its due day
// is marked late; a corrected report keeps the time of its first submission, so asking for
// corrections never makes a punctual supplier late.
// Pure functions; thread-safe as values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace samspill::contract {

// Stored as integers: never renumber.
enum class PeriodLength {
  kMonth = 1,
  kQuarter = 2,
  kYear = 3,
};
std::string_view PeriodLengthName(PeriodLength p);  // "month", "quarter", "year"
std::optional<PeriodLength> PeriodLengthFromName(std::string_view name);
std::string_view PeriodLengthLabelNb(PeriodLength p);  // "Måned", "Kvartal", "År"
std::string_view PeriodLengthLabelEn(PeriodLength p);  // "Month", "Quarter", "Year"

struct ReportingSchedule {
  Date first_period_start;  // the first period's first day; its day of month is 1..28
  PeriodLength period_length = PeriodLength::kQuarter;
  int due_days_after_end = 0;        // 0..365: due this many days after the period's last day
  int reminder_days_before_due = 0;  // 0..365: reminded this many days before the due day
  friend bool operator==(const ReportingSchedule&, const ReportingSchedule&) = default;
};

// The first period starts in 1990..2100 on day 1..28 of its month (so every later period starts
// on the same day of its month), and both day counts are 0..365. kInvalidArgument naming the
// field ("first_period_start", "period_length", "due_days_after_end",
// "reminder_days_before_due").
Status ValidateReportingSchedule(const ReportingSchedule& schedule);

struct ReportPeriod {
  int number = 0;  // 1 for the first period, 2, …
  Date start;
  Date end;       // the period's last day
  Date due;       // end + due_days_after_end
  Date reminder;  // due − reminder_days_before_due
  friend bool operator==(const ReportPeriod&, const ReportPeriod&) = default;
};

// At most this many periods are listed (a hundred years of months).
inline constexpr size_t kMaxReportPeriods = 1200;

// The periods that start on or before `up_to`, in order (the running period included, so its
// reminder can be shown ahead of its end); empty when `up_to` is before the first period.
// Validates the schedule; kInvalidArgument when more than kMaxReportPeriods would be listed.
Result<std::vector<ReportPeriod>> Periods(const ReportingSchedule& schedule, Date up_to);

// Stored as integers: never renumber.
enum class ReportState {
  kDraft = 1,                 // being written by the supplier
  kSubmitted = 2,             // sent to the municipality
  kCorrectionsRequested = 3,  // returned with the municipality's comment
  kResubmitted = 4,           // sent again after corrections
  kAccepted = 5,              // accepted by the municipality; final
};
std::string_view ReportStateName(ReportState s);  // "draft", "submitted", …
std::optional<ReportState> ReportStateFromName(std::string_view name);
std::string_view ReportStateLabelNb(ReportState s);  // "Utkast", "Levert", …
std::string_view ReportStateLabelEn(ReportState s);  // "Draft", "Submitted", …

struct SupplierReport {
  Date period_start;                                    // identifies the period in the schedule
  std::map<std::string, std::optional<double>> values;  // indicator name → value (none: not given)
  std::string comments;                                 // the supplier's comments
  ReportState state = ReportState::kDraft;
  std::optional<Timestamp> submitted_at;       // the first submission; decides lateness
  std::optional<Timestamp> last_submitted_at;  // the latest submission
  std::optional<Timestamp> decided_at;         // the latest acceptance or request
  std::string correction_comment;              // the municipality's latest request
  int correction_rounds = 0;                   // how many times corrections were requested
  friend bool operator==(const SupplierReport&, const SupplierReport&) = default;
};

// Each transition refuses a report in any other state with kFailedPrecondition naming the state,
// and leaves the report unchanged on every error.
// Draft → submitted, or corrections requested → resubmitted, at `at`.
Status SubmitReport(SupplierReport& report, Timestamp at);
// Submitted or resubmitted → accepted, at `at`.
Status AcceptReport(SupplierReport& report, Timestamp at);
// Submitted or resubmitted → corrections requested with the municipality's comment, which is
// required (kInvalidArgument, field "correction_comment").
Status RequestCorrections(SupplierReport& report, std::string comment, Timestamp at);

// The calendar day of an instant in Norwegian time: a report sent at 23:30 on its due day in
// Oslo is on time even though it is the next day in UTC.
Date OsloDate(Timestamp at);

// Late when first submitted after the end of the due day (Norwegian time), or not yet submitted
// and `today` is after the due day.
bool IsLate(const SupplierReport& report, Date due, Date today);

struct ReportReminder {
  ReportPeriod period;
  int64_t days_left = 0;  // due − today; negative when overdue
  friend bool operator==(const ReportReminder&, const ReportReminder&) = default;
};

// The periods whose reminder day is on or before `today` and whose report is not yet submitted
// (no report for the period, or one still in draft), in period order. Validates the schedule.
Result<std::vector<ReportReminder>> DueReminders(const ReportingSchedule& schedule,
                                                 const std::vector<SupplierReport>& reports,
                                                 Date today);

}  // namespace samspill::contract
