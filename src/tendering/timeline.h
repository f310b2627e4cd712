// Timeline: a tender's planned dates, and CheckTimeline(), which finds what is wrong with them.
//
// Findings are errors (out of order, below a legal minimum, missing political approval),
// warnings (a bid period short for the tender's size, a short standstill where it is not a legal
// minimum) and info (defaults filled in). DOMAIN.md §1 and §2. Dates are calendar days (FOA
// § 7-6). Timeline is a plain value; CheckTimeline is a pure function; both thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "tendering/legal_regime.h"
#include "tendering/milestone.h"
#include "tendering/time_limit_table.h"

namespace samspill::tendering {

class Timeline {
 public:
  std::optional<Date> Get(Milestone milestone) const { return dates_[Index(milestone)]; }
  void Set(Milestone milestone, const Date& date) { dates_[Index(milestone)] = date; }
  void Clear(Milestone milestone) { dates_[Index(milestone)].reset(); }

  friend bool operator==(const Timeline&, const Timeline&) = default;

 private:
  static size_t Index(Milestone m) { return static_cast<size_t>(m) - 1; }
  std::array<std::optional<Date>, kMilestoneCount> dates_;
};

// Stored with procedures: never renumber.
enum class Procedure {
  kOpen = 1,        // åpen anbudskonkurranse: publication → bid deadline is the tender period
  kRestricted = 2,  // begrenset: "publication" is the invitation to the qualified suppliers
  kOther = 3,       // negotiated, dialogue, part IV own procedure: no tender-period minimum
};

// Facts about the tender that change which rules apply.
struct TenderProfile {
  Procedure procedure = Procedure::kOpen;
  bool electronic_submission_required = true;
  bool prior_notice_or_urgency = false;      // prior information notice or documented urgency
  bool political_approval_required = false;  // seed 000: bystyret approved before award
  bool staff_transfer = false;               // virksomhetsoverdragelse
  int staff_years = 0;                       // årsverk in the contract

  friend bool operator==(const TenderProfile&, const TenderProfile&) = default;
};

// Stored with findings: never renumber.
enum class Severity { kError = 1, kWarning = 2, kInfo = 3 };

struct TimelineFinding {
  Severity severity = Severity::kInfo;
  Milestone milestone = Milestone::kPublication;  // the date to change
  std::string message;
};

// The bid periods the municipality recommends. These figures are its own choice, not law: the
// regulation asks only for "sufficient time" given the tender's complexity (and, in part III,
// the minimums of the time-limit table, which are checked on their own). DOMAIN.md has no
// source for them [U], so they are settings and the warnings they give say so.
struct BidPeriodPolicy {
  // A tender at or above the EEA threshold with staff transfer or more than `large_staff_years`
  // årsverk should give `recommended_days_large`; any other tender `recommended_days`.
  int recommended_days = 30;
  int recommended_days_large = 45;
  int large_staff_years = 20;
};

struct TimelineOptions {
  // Standstill (karensperiode) in calendar days after the award notice: the municipality's
  // setting. Part III: never below the legal minimum in `minimum_time_limits` (FOA § 25-2, 10
  // days [P]); part II "reasonable"; part IV not confirmed [U]; part I no duty.
  int standstill_days = 10;
  BidPeriodPolicy bid_period;
  TimeLimitTable minimum_time_limits = TimeLimitTable::Norway();
};

// Checks the timeline against the regime's rules. A missing standstill end is taken as award
// notice + standstill_days (with an info finding). InvalidArgument for negative option values
// and, in part III, for a standstill_days below the legal minimum (field "standstill_days");
// NotFound when a part III minimum is not in force on the publication date (or, without one,
// the award notice date).
Result<std::vector<TimelineFinding>> CheckTimeline(const Timeline& timeline, LegalRegime regime,
                                                   const TenderProfile& profile,
                                                   const TimelineOptions& options = {});

}  // namespace samspill::tendering
