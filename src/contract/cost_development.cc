#include "contract/cost_development.h"

#include <cstdio>

#include "common/money.h"
#include "common/text.h"

namespace samspill::contract {
namespace {

// 10^13 NOK in øre: the largest amount per period, so 1 200 periods sum far below int64 limits.
constexpr int64_t kMaxPeriodMinor = 1'000'000'000'000'000;

std::string PeriodPath(size_t i, const char* field) {
  return "periods[" + std::to_string(i) + "]." + field;
}

}  // namespace

std::string CostPeriodId::Label() const {
  char buffer[24];
  if (kind == PeriodKind::kQuarter) {
    std::snprintf(buffer, sizeof buffer, "%04d K%d", year, number);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, number);
  }
  return buffer;
}

Result<std::vector<CostRow>> CostDevelopment(int64_t frame_minor,
                                             const std::vector<CostPeriod>& periods,
                                             int threshold_bp) {
  if (frame_minor <= 0 || frame_minor > kMaxMoneyMinor) {
    return InvalidArgument("the frame must be above 0 and at most 10^15", "frame_minor");
  }
  if (threshold_bp < 0 || threshold_bp > 10'000) {
    return InvalidArgument("the threshold must be from 0 to 100 %", "threshold_bp");
  }
  if (periods.size() > kMaxCostPeriods) {
    return InvalidArgument("at most " + std::to_string(kMaxCostPeriods) + " periods", "periods");
  }
  std::vector<CostRow> rows;
  rows.reserve(periods.size());
  int64_t cum_budget = 0;
  int64_t cum_invoiced = 0;
  for (size_t i = 0; i < periods.size(); ++i) {
    const CostPeriod& p = periods[i];
    const CostPeriodId& id = p.period;
    if (id.kind != PeriodKind::kMonth && id.kind != PeriodKind::kQuarter) {
      return InvalidArgument("a period is a month or a quarter", PeriodPath(i, "period.kind"));
    }
    if (id.kind != periods[0].period.kind) {
      return InvalidArgument("all periods must be of one kind (months or quarters)",
                             PeriodPath(i, "period.kind"));
    }
    const int max_number = id.kind == PeriodKind::kMonth ? 12 : 4;
    if (id.year < 1900 || id.year > 2200 || id.number < 1 || id.number > max_number) {
      return InvalidArgument("not a real period", PeriodPath(i, "period"));
    }
    if (i > 0 && !(periods[i - 1].period < id)) {
      return InvalidArgument(id.Label() + " must come after " + periods[i - 1].period.Label(),
                             PeriodPath(i, "period"));
    }
    if (p.budget_minor < 0 || p.budget_minor > kMaxPeriodMinor) {
      return InvalidArgument(id.Label() + ": the budget must be from 0 to 10^13",
                             PeriodPath(i, "budget_minor"));
    }
    if (p.invoiced_minor < 0 || p.invoiced_minor > kMaxPeriodMinor) {
      return InvalidArgument(id.Label() + ": the invoiced amount must be from 0 to 10^13",
                             PeriodPath(i, "invoiced_minor"));
    }
    CostRow row;
    row.period = id;
    row.budget_minor = p.budget_minor;
    row.invoiced_minor = p.invoiced_minor;
    row.difference_minor = p.invoiced_minor - p.budget_minor;
    cum_budget += p.budget_minor;
    cum_invoiced += p.invoiced_minor;
    row.cumulative_budget_minor = cum_budget;
    row.cumulative_invoiced_minor = cum_invoiced;
    row.cumulative_difference_minor = cum_invoiced - cum_budget;
    // Up to 1.2·10^18 × 2·10^4 needs 128 bits.
    const __int128 used = static_cast<__int128>(cum_invoiced) * 20'000 + frame_minor;
    row.frame_used_bp = static_cast<int64_t>(used / (static_cast<__int128>(frame_minor) * 2));
    const __int128 magnitude =
        static_cast<__int128>(row.difference_minor < 0 ? -row.difference_minor
                                                       : row.difference_minor) *
        10'000;
    const bool beyond = magnitude > static_cast<__int128>(threshold_bp) * p.budget_minor;
    row.explanation = p.explanation;
    row.unexplained = beyond && IsBlank(p.explanation);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace samspill::contract
