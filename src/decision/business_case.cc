#include "decision/business_case.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "common/text.h"
#include "decision/monte_carlo_kernel.h"

namespace samspill::decision {
namespace {

std::string At(const std::string& list, size_t i, const std::string& field) {
  return list + "[" + std::to_string(i) + "]." + field;
}

}  // namespace

Status ValidateCase(const BusinessCase& c) {
  if (c.last_year < c.first_year) {
    return InvalidArgument("the period ends (" + std::to_string(c.last_year) +
                               ") before it starts (" + std::to_string(c.first_year) + ")",
                           "last_year");
  }
  if (c.last_year - c.first_year + 1 > kMaxPeriodYears) {
    return InvalidArgument("a period of at most " + std::to_string(kMaxPeriodYears) + " years",
                           "last_year");
  }
  for (const auto& [rate, field] : {std::pair{c.discount.first_40_years, "first_40_years"},
                                    std::pair{c.discount.years_41_to_75, "years_41_to_75"},
                                    std::pair{c.discount.after_75_years, "after_75_years"}}) {
    if (!(rate >= 0 && rate < 1)) {
      return InvalidArgument("a discount rate is between 0 and 1 (0.04 is 4 %)",
                             std::string("discount.") + field);
    }
  }
  if (c.alternatives.empty()) return InvalidArgument("a case needs alternatives", "alternatives");
  if (c.alternatives.size() > static_cast<size_t>(kMaxAlternatives)) {
    return InvalidArgument("at most " + std::to_string(kMaxAlternatives) + " alternatives",
                           "alternatives");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < c.alternatives.size(); ++i) {
    const Alternative& a = c.alternatives[i];
    if (IsBlank(a.id))
      return InvalidArgument("an alternative needs an id", At("alternatives", i, "id"));
    if (IsBlank(a.name)) {
      return InvalidArgument("an alternative needs a name", At("alternatives", i, "name"));
    }
    if (!ids.insert(a.id).second) {
      return InvalidArgument("the alternative id '" + a.id + "' is used twice",
                             At("alternatives", i, "id"));
    }
  }
  if (!ids.count(c.baseline_id)) {
    return InvalidArgument("the baseline '" + c.baseline_id + "' is not one of the alternatives",
                           "baseline_id");
  }
  if (c.items.size() > static_cast<size_t>(kMaxItems)) {
    return InvalidArgument("at most " + std::to_string(kMaxItems) + " items", "items");
  }
  for (size_t i = 0; i < c.items.size(); ++i) {
    const CaseItem& item = c.items[i];
    if (!ids.count(item.alternative_id)) {
      return InvalidArgument("no alternative '" + item.alternative_id + "' in this case",
                             At("items", i, "alternative_id"));
    }
    if (IsBlank(item.name)) return InvalidArgument("an item needs a name", At("items", i, "name"));
    if (item.year < c.first_year || item.year > c.last_year) {
      return InvalidArgument("the year " + std::to_string(item.year) + " is outside the period " +
                                 std::to_string(c.first_year) + "–" + std::to_string(c.last_year),
                             At("items", i, "year"));
    }
    if (item.low < 0 || item.base < 0 || item.high < 0) {
      return InvalidArgument(
          "amounts are not negative: the kind says whether the item saves or costs",
          At("items", i, "base"));
    }
    if (item.low > item.base || item.base > item.high) {
      return InvalidArgument("the estimates must be low ≤ base ≤ high", At("items", i, "base"));
    }
  }
  std::set<int> years;
  for (size_t i = 0; i < c.operating_costs.size(); ++i) {
    const OperatingCost& o = c.operating_costs[i];
    if (o.year < c.first_year || o.year > c.last_year) {
      return InvalidArgument("the year " + std::to_string(o.year) + " is outside the period " +
                                 std::to_string(c.first_year) + "–" + std::to_string(c.last_year),
                             At("operating_costs", i, "year"));
    }
    if (o.amount <= 0) {
      return InvalidArgument("operating costs are above zero", At("operating_costs", i, "amount"));
    }
    if (!years.insert(o.year).second) {
      return InvalidArgument("the year " + std::to_string(o.year) + " is given twice",
                             At("operating_costs", i, "year"));
    }
  }
  return Status::Ok();
}

double DiscountFactor(const DiscountRates& rates, int years_from_start) {
  double factor = 1;
  for (int k = 1; k <= years_from_start; ++k) {
    const double r = k <= 40   ? rates.first_40_years
                     : k <= 75 ? rates.years_41_to_75
                               : rates.after_75_years;
    factor /= 1 + r;
  }
  return factor;
}

Result<CaseTotals> ComputeTotals(const BusinessCase& c) {
  SAMSPILL_RETURN_IF_ERROR(ValidateCase(c));
  std::map<std::string, size_t> index;
  CaseTotals out;
  for (const Alternative& a : c.alternatives) {
    index[a.id] = out.alternatives.size();
    out.alternatives.push_back({.alternative_id = a.id});
  }
  for (const CaseItem& item : c.items) {
    AlternativeTotals& t = out.alternatives[index[item.alternative_id]];
    const int64_t sign = item.kind == ItemKind::kSaving ? 1 : -1;
    if (item.uncertain) {
      t.uncertain_net += sign * item.base;
      ++t.uncertain_items;
      continue;
    }
    (item.kind == ItemKind::kSaving ? t.savings : t.costs) += item.base;
    t.net += sign * item.base;
    t.net_present_value += static_cast<double>(sign * item.base) *
                           DiscountFactor(c.discount, item.year - c.first_year);
    t.net_low += item.kind == ItemKind::kSaving ? item.low : -item.high;
    t.net_high += item.kind == ItemKind::kSaving ? item.high : -item.low;
  }
  int64_t operating = 0;
  for (const OperatingCost& o : c.operating_costs) operating += o.amount;
  const AlternativeTotals baseline = out.alternatives[index[c.baseline_id]];
  for (AlternativeTotals& t : out.alternatives) {
    t.difference = t.net - baseline.net;
    t.difference_present_value = t.net_present_value - baseline.net_present_value;
    if (operating > 0) {
      t.has_share = true;
      t.share_of_operating_costs = static_cast<double>(t.net) / static_cast<double>(operating);
    }
  }
  return out;
}

double TriangularQuantile(double low, double mode, double high, double u) {
  if (high <= low) return low;
  const double width = high - low;
  const double c = (mode - low) / width;
  if (u < c) return low + std::sqrt(u * width * (mode - low));
  return high - std::sqrt((1 - u) * width * (high - mode));
}

namespace {

// Rounds per block: the block's sums of every alternative stay in the first two cache levels
// while each line adds its draws to them.
constexpr size_t kRoundsPerBlock = 512;

struct Year {
  double low = 0, mode = 0, high = 0, factor = 0;  // factor: signed discount factor
};

// One line's years as the kernels draw them (monte_carlo_kernel.h). Years are grouped by shape,
// from the lowest up; a year joins its group while the group's shape, that of its first year,
// moves its years' quantiles by less than a krone a year in present value in all (a line scaled
// by year in whole kroner rarely has exactly the same shape every year).
void PlanLine(uint32_t alternative, const std::vector<Year>& years, DrawPlan& plan) {
  PlannedLine line{.alternative = alternative};
  struct Shaped {
    double shape = 0, weight = 0, error_weight = 0;
  };
  std::vector<Shaped> shaped;
  for (const Year& y : years) {
    line.offset += y.factor * y.low;
    const double width = y.high - y.low;
    if (width > 0) shaped.push_back({(y.mode - y.low) / width, y.factor * width, 0});
  }
  std::stable_sort(shaped.begin(), shaped.end(),
                   [](const Shaped& a, const Shaped& b) { return a.shape < b.shape; });
  std::vector<double> shapes, weights;
  double error = 0;
  size_t members = 0;
  for (const Shaped& y : shaped) {
    const double moved = std::abs(y.weight) * (shapes.empty() ? 0 : y.shape - shapes.back());
    if (shapes.empty() || error + moved >= static_cast<double>(members + 1)) {
      shapes.push_back(y.shape);
      weights.push_back(0);
      error = 0;
      members = 0;
    } else {
      error += moved;
    }
    weights.back() += y.weight;
    ++members;
  }
  if (shapes.size() <= 1) {
    line.shape = shapes.empty() ? 0.5 : shapes[0];
    line.rest = 1 - line.shape;
    line.scale = weights.empty() ? 0 : weights[0];
    plan.lines.push_back(line);
    return;
  }
  const size_t k_count = shapes.size();
  line.groups = static_cast<uint32_t>(k_count);
  line.shapes_at = plan.shapes.size();
  line.table_at = plan.tables.size();
  plan.shapes.insert(plan.shapes.end(), shapes.begin(), shapes.end());
  // A_j, B_j, C_j for j = 0 … K: the groups below j are past their mode.
  for (size_t j = 0; j <= k_count; ++j) {
    double a = line.offset, b = 0, c = 0;
    for (size_t k = 0; k < k_count; ++k) {
      if (k < j) {
        a += weights[k];
        b += weights[k] * std::sqrt(1 - shapes[k]);
      } else {
        c += weights[k] * std::sqrt(shapes[k]);
      }
    }
    plan.tables.insert(plan.tables.end(), {a, b, c});
  }
  plan.lines.push_back(line);
}

}  // namespace

bool CanRunMonteCarloKernel(MonteCarloKernel kernel) {
  switch (kernel) {
    case MonteCarloKernel::kAvx2:
      return CanRunAvx2();
    case MonteCarloKernel::kAvx512:
      return CanRunAvx512();
    default:
      return true;
  }
}

double MonteCarloUniform(uint64_t seed, uint64_t k) {
  return static_cast<double>(SplitMix64Output(seed + (k + 1) * kSplitMix64Increment) >> 11) *
         0x1.0p-53;
}

Result<MonteCarloResult> MonteCarlo(const BusinessCase& c, const MonteCarloOptions& options) {
  SAMSPILL_RETURN_IF_ERROR(ValidateCase(c));
  if (options.draws < 1 || options.draws > 10'000'000) {
    return InvalidArgument("draws must be between 1 and 10 000 000", "draws");
  }
  MonteCarloKernel kernel = options.kernel;
  if (kernel == MonteCarloKernel::kAuto) {
    kernel = CanRunAvx512() ? MonteCarloKernel::kAvx512
             : CanRunAvx2() ? MonteCarloKernel::kAvx2
                            : MonteCarloKernel::kPortable;
  }
  if ((kernel == MonteCarloKernel::kAvx2 && !CanRunAvx2()) ||
      (kernel == MonteCarloKernel::kAvx512 && !CanRunAvx512())) {
    return FailedPrecondition("this processor cannot run the Monte-Carlo kernel asked for");
  }
  // An item is a named line of an alternative with an amount per year; one draw per line and
  // round serves all its years (a contract price that runs high runs high every year).
  std::map<std::string, size_t> index;
  for (const Alternative& a : c.alternatives) index.emplace(a.id, index.size());
  std::map<std::tuple<std::string, std::string, ItemKind>, size_t> line_of;
  std::vector<std::vector<Year>> years;
  std::vector<uint32_t> alternative_of;
  for (const CaseItem& item : c.items) {
    if (item.uncertain) continue;
    const auto key = std::make_tuple(item.alternative_id, item.name, item.kind);
    auto [it, added] = line_of.emplace(key, years.size());
    if (added) {
      years.emplace_back();
      alternative_of.push_back(static_cast<uint32_t>(index[item.alternative_id]));
    }
    const double sign = item.kind == ItemKind::kSaving ? 1.0 : -1.0;
    years[it->second].push_back({static_cast<double>(item.low), static_cast<double>(item.base),
                                 static_cast<double>(item.high),
                                 sign * DiscountFactor(c.discount, item.year - c.first_year)});
  }
  DrawPlan plan{.seed = options.seed};
  for (size_t i = 0; i < years.size(); ++i) PlanLine(alternative_of[i], years[i], plan);

  const size_t n = c.alternatives.size();
  const size_t baseline = index[c.baseline_id];
  const auto draws = static_cast<size_t>(options.draws);
  // The sums of every round, built a block of rounds at a time: each line adds its block of
  // draws to its alternative's sums, so a round's sum adds the lines in their order whichever
  // kernel runs.
  std::vector<std::vector<double>> values(n, std::vector<double>(draws, 0.0));
  std::vector<double*> sums(n);
  for (size_t first = 0; first < draws; first += kRoundsPerBlock) {
    const size_t count = std::min(kRoundsPerBlock, draws - first);
    for (size_t a = 0; a < n; ++a) sums[a] = values[a].data() + first;
    switch (kernel) {
      case MonteCarloKernel::kAvx512:
        AddRoundsAvx512(plan, first, count, sums);
        break;
      case MonteCarloKernel::kAvx2:
        AddRoundsAvx2(plan, first, count, sums);
        break;
      default:
        AddRoundsPortable(plan, first, count, sums);
    }
  }
  MonteCarloResult out{options.seed, options.draws, {}};
  const std::vector<double>& base = values[baseline];
  for (size_t a = 0; a < n; ++a) {
    std::vector<double>& v = values[a];
    double sum = 0;
    int64_t better = 0;
    for (size_t d = 0; d < draws; ++d) {
      sum += v[d];
      if (a != baseline && v[d] > base[d]) ++better;
    }
    AlternativeRange r;
    r.alternative_id = c.alternatives[a].id;
    r.mean = sum / static_cast<double>(draws);
    r.probability_better_than_baseline =
        static_cast<double>(better) / static_cast<double>(options.draws);
    out.alternatives.push_back(std::move(r));
  }
  // The baseline's draws are compared above before any is reordered here.
  auto at = [&](std::vector<double>& v, double q, size_t from, size_t to) {
    const size_t k = static_cast<size_t>(q * static_cast<double>(draws - 1));
    std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(from),
                     v.begin() + static_cast<std::ptrdiff_t>(k),
                     v.begin() + static_cast<std::ptrdiff_t>(to));
    return k;
  };
  for (size_t a = 0; a < n; ++a) {
    std::vector<double>& v = values[a];
    AlternativeRange& r = out.alternatives[a];
    // The median first; the 10th and 90th percentiles are then found within its halves.
    const size_t k50 = at(v, 0.50, 0, draws);
    r.p50 = v[k50];
    r.p10 = v[at(v, 0.10, 0, k50 + 1)];
    r.p90 = v[at(v, 0.90, k50, draws)];
  }
  return out;
}

}  // namespace samspill::decision
