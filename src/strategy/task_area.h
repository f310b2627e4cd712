// The municipality's task areas (opgaver / tjenesteområder) and how much of each is exposed to
// competition: the potential of seed 002 step 1, measured by the Danish IKU.
//
// IKU (indikator for konkurrenceudsættelse, KL / noegletal.dk; DOMAIN.md §6):
//   IKU = (purchases from private suppliers + in-house wins of control bids) × 100
//         / (spend on tasks that private suppliers may perform)
// per year and per area, and for the municipality as the same ratio of the summed amounts (not
// the mean of the areas' percentages). A Norwegian municipality uses the same arithmetic on
// KOSTRA-style spend per function ("254 Helse- og omsorgstjenester i hjemmet"): the register's
// scheme says which accounts its codes come from; the indicator is then called
// "konkurranseeksponert andel" and carries no official national line.
// Amounts are whole kroner (major units) in the register's currency: municipal accounts are
// kept in thousands, never in øre. Pure functions; thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace samspill::strategy {

// Stored as integers: never renumber.
enum class AccountScheme {
  kDanishFunctions = 1,  // Danish municipal accounts (hovedkonto.hovedfunktion.funktion), IKU
  kKostra = 2,           // Norwegian KOSTRA functions, the IKU arithmetic under another name
};
std::string_view AccountSchemeName(AccountScheme scheme);  // "dk_functions", "kostra"
std::optional<AccountScheme> AccountSchemeFromName(std::string_view name);

// One year of one area, in whole kroner.
struct AreaYear {
  int year = 0;
  int64_t spend = 0;              // the area's gross operating spend
  int64_t may_compete = 0;        // the part private suppliers may perform (≤ spend)
  int64_t private_purchases = 0;  // bought from private suppliers
  int64_t in_house_wins = 0;      // in-house bids that won a control bid (kontrolbud)
  bool example = false;           // invented for a demonstration ("eksempel"), shown as such
  std::string note;
  friend bool operator==(const AreaYear&, const AreaYear&) = default;
};

struct TaskArea {
  int64_t id = 0;               // unique within the register, > 0
  std::string code;             // account function, "5.32.32" or "254"; may be empty
  std::string name;             // "Hjemmepleje", required
  std::string cpv;              // the CPV code its tenders would use ("85311000-2"); may be empty
  std::vector<AreaYear> years;  // sorted by year, one per year
  friend bool operator==(const TaskArea&, const TaskArea&) = default;

  const AreaYear* Year(int year) const;
  // Sets (or adds) the figures for `figures.year`, keeping the list sorted.
  void SetYear(AreaYear figures);
};

// Years 1990..2100; amounts ≥ 0 and ≤ 10^13; may_compete ≤ spend; private_purchases +
// in_house_wins ≤ may_compete. kInvalidArgument naming the area, the year and the field.
Status ValidateTaskArea(const TaskArea& area);

// Competed = private_purchases + in_house_wins.
int64_t Competed(const AreaYear& figures);

// IKU in percent; nullopt when nothing may be competed (the ratio is undefined, never 0).
std::optional<double> IkuPercent(int64_t competed, int64_t may_compete);

struct IkuPoint {
  int year = 0;
  int64_t may_compete = 0;
  int64_t competed = 0;
  std::optional<double> iku;  // percent
  bool example = false;       // any figure behind the point is an example
};

// The area's IKU per year, in year order.
std::vector<IkuPoint> AreaIku(const TaskArea& area);

// The municipality's IKU per year over all areas: sums of the amounts of every area that has
// figures for the year, then the ratio. Years in order; a year with no area is absent.
std::vector<IkuPoint> TotalIku(const std::vector<TaskArea>& areas);

// The competed share still open: may_compete − competed for the latest year of the area (the
// area's potential, in kroner), and nullopt when the area has no years.
std::optional<int64_t> OpenPotential(const TaskArea& area);

}  // namespace samspill::strategy
