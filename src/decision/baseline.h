// Baseline: what the service costs and achieves today, per unit and year, before deciding
// whether to tender (issue 16 §1; seed 000 §5.3 recommendation 1: "know your own services' costs
// and quality before deciding").
//
// A unit is one place the service is given (e.g. one of BoA's bofellesskap), kept under one
// KOSTRA function (234 aktivisering og servicetjenester, 253 institusjon, 254 heimetjenester,
// 261 institusjonslokaler). Per year: budget and accounts (NOK), årsverk and positions, sick
// leave and turnover in per cent, users by need level (the grouping is the case's setting: the
// national rule was not found, DOMAIN.md §5) and quality indicators. Figures the source does not
// give may be entered as examples: `example` marks them so every page and the printed decision
// say "eksempel". Comparison lines (e.g. a municipality's published KOSTRA figures) carry their
// source and are never added to the units' totals.
//
// Pure types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace samspill::decision {

inline constexpr int kMaxUnits = 200;
inline constexpr int kMaxBaselineYears = 30;
inline constexpr int kMaxNeedLevels = 10;
inline constexpr int kMaxQualityIndicators = 30;
// Far above any unit's figures, and far below overflow when units and years are summed.
inline constexpr int64_t kMaxBaselineAmount = 1'000'000'000'000'000;  // NOK, 10^15
inline constexpr int kMaxBaselineCount = 10'000'000;  // årsverk, positions, users, need counts

// The KOSTRA care functions a unit's accounts may belong to.
inline constexpr int kKostraFunctions[] = {234, 253, 254, 261};

// The need levels users are grouped into. Default: the three levels of the national statistics
// (noe/avgrenset, middels til stort, omfattende) — a setting, labelled as such on the pages.
struct NeedGrouping {
  std::vector<std::string> levels = {"noe/avgrenset", "middels til stort", "omfattende"};
  bool is_default = true;  // false once the case sets its own
};

struct QualityFigure {
  std::string name;  // "Brukertilfredshet", "Avvik per 1000 timer"
  double value = 0;
  std::string unit;  // "%", "poeng", ""
};

// One unit's figures for one year. Absent figures are unknown, never zero.
struct UnitYear {
  int year = 0;
  std::optional<int64_t> budget;             // NOK
  std::optional<int64_t> accounts;           // NOK, regnskap
  std::optional<double> fte;                 // årsverk, ≥ 0
  std::optional<int> positions;              // stillinger (heads), ≥ 0
  std::optional<double> sick_leave_percent;  // 0 … 100
  std::optional<double> turnover_percent;    // 0 … 100
  std::optional<int> users;                  // ≥ 0
  std::vector<int> users_by_need_level;      // empty, or one count per NeedGrouping level
  std::vector<QualityFigure> quality;
  bool example = false;  // plausible figures marked "eksempel", not from a source
};

struct BaselineUnit {
  std::string id;  // "lade", stable key within the case
  std::string name;
  int kostra_function = 254;
  std::vector<UnitYear> years;  // by year, each year once
};

// A published figure to compare against (Trondheim's KOSTRA cost per user, the national sick
// leave 7.7 % in 2023), with its source; shown beside the units, never summed with them.
struct ComparisonLine {
  std::string name;     // "Trondheim, KOSTRA 254, netto driftsutgifter per bruker"
  std::string measure;  // one of the measure names of BaselineMeasureNames()
  int year = 0;
  double value = 0;
  std::string source;  // "SSB tabell 12367, hentet 2021-06-13" — required
};

struct Baseline {
  NeedGrouping grouping;
  std::vector<BaselineUnit> units;
  std::vector<ComparisonLine> comparisons;
};

// InvalidArgument naming the field ("units[1].years[0].sick_leave_percent") for: a blank or
// repeated unit id, a blank name, a KOSTRA function not in kKostraFunctions, a year given twice
// for a unit or outside [first_year, last_year] when those are given (0 = no period), negative
// money, årsverk, positions or users, a percentage outside 0 … 100, need-level counts of the
// wrong length or negative, or adding to more than `users`, a blank quality name, a comparison
// without a source or with an unknown measure, and the limits above. Also a blank or repeated
// need level name (they name the import's columns) and a comparison without a name.
Status ValidateBaseline(const Baseline& b, int first_year = 0, int last_year = 0);

// Derived figures of one unit-year; absent when an input is absent or a divisor is zero.
struct UnitYearFigures {
  std::optional<double> cost_per_user;               // accounts ÷ users
  std::optional<double> cost_per_day;                // accounts ÷ (users × days in the year)
  std::optional<double> cost_per_fte;                // accounts ÷ årsverk
  std::optional<double> accounts_vs_budget_percent;  // (accounts − budget) ÷ budget × 100
};
UnitYearFigures DeriveFigures(const UnitYear& y);

// The units together for one year: sums of money, årsverk, positions and users over the units
// that give them; sick leave and turnover weighted by årsverk (units without årsverk left out);
// `units` counts the units with a row that year, `example` is true when any of them is an example.
struct BaselineYearTotal {
  int year = 0;
  int units = 0;
  std::optional<int64_t> budget, accounts;
  std::optional<double> fte;
  std::optional<int> positions, users;
  std::optional<double> sick_leave_percent, turnover_percent;
  UnitYearFigures figures;  // of the sums
  bool example = false;
};
std::vector<BaselineYearTotal> BaselineTotals(const Baseline& b);  // by year

// "budget", "accounts", "fte", "positions", "sick_leave_percent", "turnover_percent", "users",
// "cost_per_user", "cost_per_day", "cost_per_fte".
const std::vector<std::string>& BaselineMeasureNames();

}  // namespace samspill::decision
