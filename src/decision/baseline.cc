#include "decision/baseline.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>

#include "common/text.h"

namespace samspill::decision {
namespace {

std::string At(const std::string& list, size_t i) { return list + "[" + std::to_string(i) + "]"; }
std::string At(const std::string& list, size_t i, const std::string& field) {
  return At(list, i) + "." + field;
}

bool IsKostraFunction(int f) {
  return std::find(std::begin(kKostraFunctions), std::end(kKostraFunctions), f) !=
         std::end(kKostraFunctions);
}

std::string KostraList() {
  std::string out;
  for (int f : kKostraFunctions) out += (out.empty() ? "" : ", ") + std::to_string(f);
  return out;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

Status ValidateYear(const UnitYear& y, const std::string& path, size_t levels) {
  for (const auto& [money, name] :
       {std::pair{&y.budget, "budget"}, std::pair{&y.accounts, "accounts"}}) {
    if (money->has_value() && **money < 0) {
      return InvalidArgument(std::string(name) + " is not negative", path + "." + name);
    }
    if (money->has_value() && **money > kMaxBaselineAmount) {
      return InvalidArgument(std::string(name) + " is at most 10^15 kroner", path + "." + name);
    }
  }
  if (y.fte && !(*y.fte >= 0)) return InvalidArgument("årsverk are not negative", path + ".fte");
  if (y.fte && *y.fte > kMaxBaselineCount) {
    return InvalidArgument("at most " + std::to_string(kMaxBaselineCount) + " årsverk",
                           path + ".fte");
  }
  if (y.positions && *y.positions < 0) {
    return InvalidArgument("positions are not negative", path + ".positions");
  }
  if (y.positions && *y.positions > kMaxBaselineCount) {
    return InvalidArgument("at most " + std::to_string(kMaxBaselineCount) + " positions",
                           path + ".positions");
  }
  for (const auto& [percent, name, words] :
       {std::tuple{&y.sick_leave_percent, "sick_leave_percent", "sick leave"},
        std::tuple{&y.turnover_percent, "turnover_percent", "turnover"}}) {
    if (percent->has_value() && !(**percent >= 0 && **percent <= 100)) {
      return InvalidArgument(std::string(words) + " is a percentage from 0 to 100",
                             path + "." + name);
    }
  }
  if (y.users && *y.users < 0) return InvalidArgument("users are not negative", path + ".users");
  if (y.users && *y.users > kMaxBaselineCount) {
    return InvalidArgument("at most " + std::to_string(kMaxBaselineCount) + " users",
                           path + ".users");
  }
  if (!y.users_by_need_level.empty()) {
    if (y.users_by_need_level.size() != levels) {
      return InvalidArgument("one count per need level (" + std::to_string(levels) + "), not " +
                                 std::to_string(y.users_by_need_level.size()),
                             path + ".users_by_need_level");
    }
    int64_t sum = 0;
    for (size_t k = 0; k < y.users_by_need_level.size(); ++k) {
      if (y.users_by_need_level[k] < 0 || y.users_by_need_level[k] > kMaxBaselineCount) {
        return InvalidArgument(
            "a need level's count is from 0 to " + std::to_string(kMaxBaselineCount),
            At(path + ".users_by_need_level", k));
      }
      sum += y.users_by_need_level[k];
    }
    if (y.users && sum > *y.users) {
      return InvalidArgument("the need levels add up to " + std::to_string(sum) +
                                 ", more than the " + std::to_string(*y.users) + " users",
                             path + ".users_by_need_level");
    }
  }
  if (y.quality.size() > static_cast<size_t>(kMaxQualityIndicators)) {
    return InvalidArgument(
        "at most " + std::to_string(kMaxQualityIndicators) + " quality indicators",
        path + ".quality");
  }
  for (size_t q = 0; q < y.quality.size(); ++q) {
    if (IsBlank(y.quality[q].name)) {
      return InvalidArgument("a quality indicator needs a name", At(path + ".quality", q, "name"));
    }
  }
  return Status::Ok();
}

std::optional<double> Ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *b == 0) return std::nullopt;
  return *a / *b;
}

// Sums saturate, so totals of unvalidated input stay defined; validated input never gets near.
template <typename T>
void Add(std::optional<T>& sum, const std::optional<T>& value) {
  if (!value) return;
  if constexpr (std::is_integral_v<T>) {
    T out{};
    if (__builtin_add_overflow(sum.value_or(T{}), *value, &out)) {
      out = *value > 0 ? std::numeric_limits<T>::max() : std::numeric_limits<T>::min();
    }
    sum = out;
  } else {
    sum = sum.value_or(T{}) + *value;
  }
}

UnitYearFigures Derive(int year, std::optional<int64_t> budget, std::optional<int64_t> accounts,
                       std::optional<double> fte, std::optional<int> users) {
  UnitYearFigures f;
  const std::optional<double> acc =
      accounts ? std::optional<double>(static_cast<double>(*accounts)) : std::nullopt;
  const std::optional<double> n =
      users ? std::optional<double>(static_cast<double>(*users)) : std::nullopt;
  f.cost_per_user = Ratio(acc, n);
  if (n) f.cost_per_day = Ratio(acc, *n * (IsLeapYear(year) ? 366 : 365));
  f.cost_per_fte = Ratio(acc, fte);
  if (acc && budget && *budget != 0) {
    f.accounts_vs_budget_percent =
        (*acc - static_cast<double>(*budget)) / static_cast<double>(*budget) * 100;
  }
  return f;
}

}  // namespace

Status ValidateBaseline(const Baseline& b, int first_year, int last_year) {
  const size_t levels = b.grouping.levels.size();
  if (levels > static_cast<size_t>(kMaxNeedLevels)) {
    return InvalidArgument("at most " + std::to_string(kMaxNeedLevels) + " need levels",
                           "grouping.levels");
  }
  std::set<std::string> level_names;
  for (size_t k = 0; k < levels; ++k) {
    if (IsBlank(b.grouping.levels[k])) {
      return InvalidArgument("a need level needs a name", At("grouping.levels", k));
    }
    if (!level_names.insert(b.grouping.levels[k]).second) {
      return InvalidArgument("the need level '" + b.grouping.levels[k] + "' is given twice",
                             At("grouping.levels", k));
    }
  }
  if (b.units.size() > static_cast<size_t>(kMaxUnits)) {
    return InvalidArgument("at most " + std::to_string(kMaxUnits) + " units", "units");
  }
  const bool period = first_year != 0 || last_year != 0;
  std::set<std::string> ids;
  for (size_t i = 0; i < b.units.size(); ++i) {
    const BaselineUnit& u = b.units[i];
    if (IsBlank(u.id)) return InvalidArgument("a unit needs an id", At("units", i, "id"));
    if (!ids.insert(u.id).second) {
      return InvalidArgument("the unit id '" + u.id + "' is used twice", At("units", i, "id"));
    }
    if (IsBlank(u.name)) return InvalidArgument("a unit needs a name", At("units", i, "name"));
    if (!IsKostraFunction(u.kostra_function)) {
      return InvalidArgument("the KOSTRA function " + std::to_string(u.kostra_function) +
                                 " is not one of " + KostraList(),
                             At("units", i, "kostra_function"));
    }
    if (u.years.size() > static_cast<size_t>(kMaxBaselineYears)) {
      return InvalidArgument("at most " + std::to_string(kMaxBaselineYears) + " years a unit",
                             At("units", i, "years"));
    }
    std::set<int> years;
    for (size_t j = 0; j < u.years.size(); ++j) {
      const UnitYear& y = u.years[j];
      const std::string path = At(At("units", i, "years"), j);
      if (!years.insert(y.year).second) {
        return InvalidArgument("the year " + std::to_string(y.year) + " is given twice",
                               path + ".year");
      }
      if (period && (y.year < first_year || y.year > last_year)) {
        return InvalidArgument("the year " + std::to_string(y.year) + " is outside the period " +
                                   std::to_string(first_year) + "–" + std::to_string(last_year),
                               path + ".year");
      }
      SAMSPILL_RETURN_IF_ERROR(ValidateYear(y, path, levels));
    }
  }
  const std::vector<std::string>& measures = BaselineMeasureNames();
  for (size_t i = 0; i < b.comparisons.size(); ++i) {
    const ComparisonLine& c = b.comparisons[i];
    if (IsBlank(c.name)) {
      return InvalidArgument("a comparison needs a name", At("comparisons", i, "name"));
    }
    if (std::find(measures.begin(), measures.end(), c.measure) == measures.end()) {
      return InvalidArgument("unknown measure '" + c.measure + "'",
                             At("comparisons", i, "measure"));
    }
    if (IsBlank(c.source)) {
      return InvalidArgument("a comparison needs its source (where and when it was taken)",
                             At("comparisons", i, "source"));
    }
  }
  return Status::Ok();
}

UnitYearFigures DeriveFigures(const UnitYear& y) {
  return Derive(y.year, y.budget, y.accounts, y.fte, y.users);
}

std::vector<BaselineYearTotal> BaselineTotals(const Baseline& b) {
  struct Weighted {
    double sum = 0, weight = 0;
  };
  std::map<int, BaselineYearTotal> totals;
  std::map<int, Weighted> sick, turnover;
  for (const BaselineUnit& u : b.units) {
    for (const UnitYear& y : u.years) {
      BaselineYearTotal& t = totals[y.year];
      t.year = y.year;
      ++t.units;
      t.example = t.example || y.example;
      Add(t.budget, y.budget);
      Add(t.accounts, y.accounts);
      Add(t.fte, y.fte);
      Add(t.positions, y.positions);
      Add(t.users, y.users);
      if (!y.fte) continue;
      if (y.sick_leave_percent) {
        sick[y.year].sum += *y.sick_leave_percent * *y.fte;
        sick[y.year].weight += *y.fte;
      }
      if (y.turnover_percent) {
        turnover[y.year].sum += *y.turnover_percent * *y.fte;
        turnover[y.year].weight += *y.fte;
      }
    }
  }
  std::vector<BaselineYearTotal> out;
  for (auto& [year, t] : totals) {
    if (auto it = sick.find(year); it != sick.end() && it->second.weight > 0) {
      t.sick_leave_percent = it->second.sum / it->second.weight;
    }
    if (auto it = turnover.find(year); it != turnover.end() && it->second.weight > 0) {
      t.turnover_percent = it->second.sum / it->second.weight;
    }
    t.figures = Derive(year, t.budget, t.accounts, t.fte, t.users);
    out.push_back(std::move(t));
  }
  return out;
}

const std::vector<std::string>& BaselineMeasureNames() {
  static const std::vector<std::string> kNames = {
      "budget",           "accounts", "fte",           "positions",    "sick_leave_percent",
      "turnover_percent", "users",    "cost_per_user", "cost_per_day", "cost_per_fte"};
  return kNames;
}

}  // namespace samspill::decision
