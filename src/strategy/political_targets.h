// Political targets of the strategy (seed 002 step 1): an IKU target ("+2 points by 2028") and a
// green-procurement target (CO2e reduction or eco-label share), tracked year by year with the
// portfolio's target engine (portfolio/indicator.h) and charts (portfolio/attainment_chart.h):
// a target is a portfolio::Indicator with one decimal (values in tenths of a point), kind
// kReachByLastYear for "reach X by year Y" or kPerYear for "at least X every year".
//
// The IKU target's yearly figures are not entered: they are the municipality's IKU from the
// register (TotalIku), rounded half away from zero to tenths. A green target's figures are
// entered, with their notes. Pure functions; thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "portfolio/indicator.h"
#include "strategy/task_area.h"

namespace samspill::strategy {

// Stored as integers: never renumber.
enum class TargetSubject {
  kIku = 1,    // the share of may-be-competed spend that is competed, in percent
  kGreen = 2,  // green procurement: CO2e reduction from a base year, or eco-label share, percent
};
std::string_view TargetSubjectName(TargetSubject subject);  // "iku", "green"
std::optional<TargetSubject> TargetSubjectFromName(std::string_view name);

// The category of every target's indicator (the JSON does not carry it: all political targets
// share it, and ValidateIndicator needs one).
inline constexpr std::string_view kPoliticalTargetCategory = "politiske mål";

struct PoliticalTarget {
  int64_t id = 0;  // unique within the register, > 0
  TargetSubject subject = TargetSubject::kIku;
  // name, unit ("prosentpoeng" / "%"), target_kind (kReachByLastYear or kPerYear), target (in
  // tenths), decimals = 1, figures (entered for green; ignored and recomputed for IKU), note.
  portfolio::Indicator indicator;
  portfolio::Period period;  // e.g. 2024–2028: the first year is the baseline
  std::string adopted_by;    // "Byrådet, budgetaftale 2025"; may be empty
  friend bool operator==(const PoliticalTarget& a, const PoliticalTarget& b) {
    return a.id == b.id && a.subject == b.subject && a.indicator == b.indicator &&
           a.period.first_year == b.period.first_year && a.period.last_year == b.period.last_year &&
           a.adopted_by == b.adopted_by;
  }
};

// ValidateIndicator plus: decimals == 1, kind kReachByLastYear or kPerYear, a target in
// 0..1000 tenths, period first ≤ last within 1990..2100. kInvalidArgument naming the target.
Status ValidatePoliticalTarget(const PoliticalTarget& target);

// The indicator with its figures as the engine should see them: for kIku, one figure per year
// of `iku` (the register's TotalIku) in tenths, marked counted; for kGreen, unchanged.
portfolio::Indicator TargetIndicator(const PoliticalTarget& target,
                                     const std::vector<IkuPoint>& iku);

// The yearly attainment of the target (ComputeAttainment on TargetIndicator over its period).
portfolio::IndicatorAttainment TargetAttainment(const PoliticalTarget& target,
                                                const std::vector<IkuPoint>& iku);

// "+2 points by 2028" as a target: the period's first year figure (from `iku`) plus `points`,
// in tenths. nullopt when the first year has no IKU.
std::optional<int64_t> IkuTargetFromIncrease(const std::vector<IkuPoint>& iku, int first_year,
                                             double points);

}  // namespace samspill::strategy
