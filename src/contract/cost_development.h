// Cost development against the contract's frame (issue 18 §1, seed 000 §5.3: "cost development
// under control").
//
// Per period (a month or a quarter) the officer records the budget and what was invoiced, and
// explains a difference. The development shows each period's difference and the running totals:
// budget, invoiced, difference and the share of the frame used so far. A period whose invoiced
// amount differs from its budget by more than a threshold (default 5 % of the budget) and has no
// explanation is flagged, so the annual review shows what is not yet accounted for.
// Amounts are integer minor units (øre) in the frame's currency. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace samspill::contract {

// Stored as integers: never renumber.
enum class PeriodKind { kMonth = 1, kQuarter = 2 };

struct CostPeriodId {
  int year = 0;  // 1900..2200
  PeriodKind kind = PeriodKind::kMonth;
  int number = 1;  // month 1..12 or quarter 1..4
  friend auto operator<=>(const CostPeriodId&, const CostPeriodId&) = default;
  std::string Label() const;  // "2026-03" or "2026 K1"
};

struct CostPeriod {
  CostPeriodId period;
  int64_t budget_minor = 0;    // ≥ 0
  int64_t invoiced_minor = 0;  // ≥ 0
  std::string explanation;     // why invoiced differs from the budget
  friend bool operator==(const CostPeriod&, const CostPeriod&) = default;
};

// The default threshold: 5 % in basis points (hundredths of a percent).
inline constexpr int kDefaultDeviationThresholdBp = 500;
inline constexpr size_t kMaxCostPeriods = 1200;

struct CostRow {
  CostPeriodId period;
  int64_t budget_minor = 0;
  int64_t invoiced_minor = 0;
  int64_t difference_minor = 0;  // invoiced − budget; positive is over budget
  int64_t cumulative_budget_minor = 0;
  int64_t cumulative_invoiced_minor = 0;
  int64_t cumulative_difference_minor = 0;
  // Cumulative invoiced ÷ frame in basis points (10 000 = the whole frame), rounded half up.
  int64_t frame_used_bp = 0;
  std::string explanation;
  bool unexplained = false;  // differs by more than the threshold with a blank explanation
  friend bool operator==(const CostRow&, const CostRow&) = default;
};

// One row per period, in order. The frame is > 0 and ≤ kMaxMoneyMinor; the periods are of one
// kind, real (month 1..12, quarter 1..4, year 1900..2200), strictly increasing, at most
// kMaxCostPeriods, with amounts 0..10^15 øre (10^13 NOK); the threshold is 0..10 000 basis
// points. A period differs by more than the threshold when |invoiced − budget| × 10 000 >
// threshold × budget, so with a budget of 0 any invoiced amount does. kInvalidArgument naming
// the field ("periods[3].invoiced_minor").
Result<std::vector<CostRow>> CostDevelopment(int64_t frame_minor,
                                             const std::vector<CostPeriod>& periods,
                                             int threshold_bp = kDefaultDeviationThresholdBp);

}  // namespace samspill::contract
