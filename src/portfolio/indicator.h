// Indicator targets (måltall) and their attainment: an indicator belongs to a category
// ("forskningssamarbeid"), has a kind of target, a target number, and yearly figures — entered,
// or counted from the register — each with an optional note ("13 søknader venter fortsatt på
// svar").
//
// Target kinds and what "met" means (see docs/decisions/0012):
// - per_year: each year's figure ≥ target; the period is met only when every year is;
// - period_total: the period's total (given, or the sum of the years) ≥ target;
// - increase_over_period: growth over the period: a positive total of new items when the total
//   is given, else the last year's figure above the first's;
// - increase_each_edition: each edition of a recurring event (years with a figure) above the
//   previous one; editions before the period count as the baseline;
// - none: tracked without a target;
// - reach_by_last_year: the period's last year's figure ≥ target is the period's attainment;
//   each earlier year with a figure is met when it is on the straight path from the first
//   year's figure (the baseline) to the target in the last year ("+2 points by 2028"). The
//   first year itself is the baseline: no target applies to it.
// Values may carry decimals: an indicator with `decimals` = 1 keeps 26.5 as 265 (target,
// figures and period total alike); the charts and summaries print the decimal.
// Pure functions; thread-safe as values. Stored enums: never renumber.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "portfolio/project.h"

namespace samspill::portfolio {

// Stored as integers: never renumber.
enum class TargetKind {
  kPerYear = 1,
  kPeriodTotal = 2,
  kIncreaseOverPeriod = 3,
  kIncreaseEachEdition = 4,
  kNone = 5,
  kReachByLastYear = 6,
};
inline constexpr TargetKind kAllTargetKinds[] = {TargetKind::kPerYear,
                                                 TargetKind::kPeriodTotal,
                                                 TargetKind::kIncreaseOverPeriod,
                                                 TargetKind::kIncreaseEachEdition,
                                                 TargetKind::kNone,
                                                 TargetKind::kReachByLastYear};
std::string_view TargetKindName(TargetKind kind);  // "per_year", …
std::optional<TargetKind> TargetKindFromName(std::string_view name);
std::string_view TargetKindLabelNb(TargetKind kind);  // "Årlig måltall", …
// Whether an indicator of this kind needs a target number (per_year, period_total and
// reach_by_last_year).
bool TargetIsRequired(TargetKind kind);

struct YearFigure {
  int year = 0;
  std::optional<int64_t> value;
  std::string note;
  bool counted = false;  // counted from the register rather than entered
  friend bool operator==(const YearFigure&, const YearFigure&) = default;
};

// How to count an indicator's yearly figure from the register: projects of these kinds whose
// application was sent (applied_on) in the year, optionally only those granted (active or
// completed), optionally only those the partnership facilitated.
struct CountRule {
  std::vector<ProjectKind> kinds;
  bool granted_only = false;
  bool facilitated_only = false;
  friend bool operator==(const CountRule&, const CountRule&) = default;
};

struct Indicator {
  int64_t id = 0;
  std::string category;  // "forskningssamarbeid"
  std::string name;      // "Forsknings- og innovasjonssøknader sendt"
  std::string unit = "antall";
  TargetKind target_kind = TargetKind::kPerYear;
  std::optional<int64_t> target;
  std::vector<YearFigure> figures;      // sorted by year, one per year
  std::optional<int64_t> period_total;  // when only the period's total is known
  std::string note;
  std::optional<CountRule> count_rule;
  int decimals = 0;  // 0..2: values are integers × 10^decimals
  friend bool operator==(const Indicator&, const Indicator&) = default;

  const YearFigure* Figure(int year) const;
  // Sets (or adds) the figure for `year`, keeping the list sorted.
  void SetFigure(YearFigure figure);
};

struct Period {
  int first_year = 2022;
  int last_year = 2025;
};

enum class Attainment {
  kMet,
  kNotMet,
  kNoTarget,  // no target applies to this year (or to the indicator)
  kNoFigure,  // a target applies but no figure is reported
};
std::string_view AttainmentName(Attainment a);  // "met", "not_met", "no_target", "no_figure"

struct YearAttainment {
  int year = 0;
  std::optional<int64_t> value;
  std::optional<int64_t> target;  // what the year's figure is compared with
  Attainment state = Attainment::kNoTarget;
  std::string note;
};

struct IndicatorAttainment {
  std::vector<YearAttainment> years;  // the period's years (and baseline editions)
  Attainment period = Attainment::kNoTarget;
  std::optional<int64_t> period_value;  // total over the period, when it means something
  int years_met = 0;
  int years_with_target = 0;
  std::string summary_nb;  // "Nådd 3 av 4 år", "9 av 4 i perioden"
  std::string summary_en;  // "Met in 3 of 4 years", "9 of 4 in the period"
};

// `value` (an integer × 10^decimals) printed with `decimals` decimals: "26,5" in Norwegian,
// "26.5" in English; whole values with no decimals print as before ("1234", never grouped, as
// the summaries and charts always printed them).
std::string FormatIndicatorValue(int64_t value, int decimals, bool english);

// Checks a category and name, a target where the kind needs one, decimals 0..2, and years and
// figures that are not negative.
Status ValidateIndicator(const Indicator& indicator);

IndicatorAttainment ComputeAttainment(const Indicator& indicator, const Period& period);

// The figure `rule` counts for `year` in the register (merged-away projects excluded).
int64_t CountFromRegister(const CountRule& rule, int year, const std::vector<Project>& projects);

}  // namespace samspill::portfolio
