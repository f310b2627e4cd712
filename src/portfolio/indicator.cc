#include "portfolio/indicator.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "common/text.h"

namespace samspill::portfolio {
namespace {

struct KindEntry {
  TargetKind kind;
  std::string_view name;
  std::string_view label;
};
constexpr KindEntry kKinds[] = {
    {TargetKind::kPerYear, "per_year", "Årlig måltall"},
    {TargetKind::kPeriodTotal, "period_total", "Måltall for perioden"},
    {TargetKind::kIncreaseOverPeriod, "increase_over_period", "Økning i perioden"},
    {TargetKind::kIncreaseEachEdition, "increase_each_edition", "Økning for hvert arrangement"},
    {TargetKind::kNone, "none", "Uten måltall"},
    {TargetKind::kReachByLastYear, "reach_by_last_year", "Nås innen siste år"},
};

// a / b rounded half away from zero (b > 0): the straight path's value for a year between the
// baseline and the target, so 0.5 of the scale's last digit counts as reached the same way for
// an increase and a decrease.
int64_t DivideRounded(int64_t a, int64_t b) {
  int64_t q = a / b;
  const int64_t r = a % b;
  if (2 * (r < 0 ? -r : r) >= b) q += a < 0 ? -1 : 1;
  return q;
}

// The straight path from `baseline` (step 0) to `target` (step `span` > 0) at step `k`, rounded
// half away from zero: (baseline·span + (target − baseline)·k) / span. Exact in integers; only
// figures near the limits of int64_t (which no indicator has) fall back to long double.
int64_t PathValue(int64_t baseline, int64_t target, int64_t k, int64_t span) {
  int64_t diff = 0, start = 0, step = 0, sum = 0;
  if (!__builtin_sub_overflow(target, baseline, &diff) &&
      !__builtin_mul_overflow(baseline, span, &start) && !__builtin_mul_overflow(diff, k, &step) &&
      !__builtin_add_overflow(start, step, &sum)) {
    return DivideRounded(sum, span);
  }
  const long double exact =
      static_cast<long double>(baseline) +
      (static_cast<long double>(target) - static_cast<long double>(baseline)) *
          static_cast<long double>(k) / static_cast<long double>(span);
  return static_cast<int64_t>(std::llroundl(exact));
}

}  // namespace

bool TargetIsRequired(TargetKind k) {
  return k == TargetKind::kPerYear || k == TargetKind::kPeriodTotal ||
         k == TargetKind::kReachByLastYear;
}

std::string FormatIndicatorValue(int64_t value, int decimals, bool english) {
  if (decimals <= 0) return std::to_string(value);
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // The magnitude as unsigned, so the smallest int64_t prints too.
  const uint64_t magnitude =
      value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  const uint64_t whole = magnitude / static_cast<uint64_t>(scale);
  std::string fraction = std::to_string(magnitude % static_cast<uint64_t>(scale));
  fraction.insert(0, static_cast<size_t>(decimals) - fraction.size(), '0');
  return std::string(value < 0 ? "-" : "") + std::to_string(whole) + (english ? "." : ",") +
         fraction;
}

std::string_view TargetKindName(TargetKind kind) {
  for (const auto& e : kKinds) {
    if (e.kind == kind) return e.name;
  }
  return "unknown";
}
std::optional<TargetKind> TargetKindFromName(std::string_view name) {
  for (const auto& e : kKinds) {
    if (e.name == name) return e.kind;
  }
  return std::nullopt;
}
std::string_view TargetKindLabelNb(TargetKind kind) {
  for (const auto& e : kKinds) {
    if (e.kind == kind) return e.label;
  }
  return "?";
}

std::string_view AttainmentName(Attainment a) {
  switch (a) {
    case Attainment::kMet:
      return "met";
    case Attainment::kNotMet:
      return "not_met";
    case Attainment::kNoTarget:
      return "no_target";
    case Attainment::kNoFigure:
      return "no_figure";
  }
  return "no_target";
}

const YearFigure* Indicator::Figure(int year) const {
  for (const YearFigure& f : figures) {
    if (f.year == year) return &f;
  }
  return nullptr;
}

void Indicator::SetFigure(YearFigure figure) {
  auto it = std::find_if(figures.begin(), figures.end(),
                         [&](const YearFigure& f) { return f.year >= figure.year; });
  if (it != figures.end() && it->year == figure.year) {
    *it = std::move(figure);
  } else {
    figures.insert(it, std::move(figure));
  }
}

Status ValidateIndicator(const Indicator& ind) {
  if (IsBlank(ind.category)) return InvalidArgument("the indicator needs a category", "category");
  if (IsBlank(ind.name)) return InvalidArgument("the indicator needs a name", "name");
  if (ind.category.size() > 200 || ind.name.size() > 300 || ind.note.size() > 2000) {
    return InvalidArgument("category, name or note too long");
  }
  if (TargetIsRequired(ind.target_kind) && !ind.target) {
    return InvalidArgument(
        "a " + std::string(TargetKindName(ind.target_kind)) + " indicator needs a target",
        "target");
  }
  if (ind.target && *ind.target < 0) return InvalidArgument("the target is negative", "target");
  if (ind.decimals < 0 || ind.decimals > 2) {
    return InvalidArgument("decimals must be 0, 1 or 2, not " + std::to_string(ind.decimals),
                           "decimals");
  }
  int previous = 0;
  for (const YearFigure& f : ind.figures) {
    if (f.year < 1900 || f.year > 2200) {
      return InvalidArgument("the year " + std::to_string(f.year) + " is out of range", "year");
    }
    if (f.year <= previous) return InvalidArgument("figures must have one entry per year", "year");
    previous = f.year;
    if (f.value && *f.value < 0) {
      return InvalidArgument("the figure for " + std::to_string(f.year) + " is negative",
                             std::to_string(f.year));
    }
  }
  return Status::Ok();
}

IndicatorAttainment ComputeAttainment(const Indicator& ind, const Period& period) {
  IndicatorAttainment out;
  auto nb = [&](int64_t v) { return FormatIndicatorValue(v, ind.decimals, false); };
  auto en = [&](int64_t v) { return FormatIndicatorValue(v, ind.decimals, true); };
  auto figure_year = [&](int year) {
    YearAttainment y;
    y.year = year;
    if (const YearFigure* f = ind.Figure(year)) {
      y.value = f->value;
      y.note = f->note;
    }
    return y;
  };
  int64_t sum = 0;
  bool any_value = false;
  for (int year = period.first_year; year <= period.last_year; ++year) {
    if (const YearFigure* f = ind.Figure(year); f && f->value) {
      sum += *f->value;
      any_value = true;
    }
  }

  // A kind that needs a target but has none is tracked like one without a target.
  const TargetKind kind =
      TargetIsRequired(ind.target_kind) && !ind.target ? TargetKind::kNone : ind.target_kind;
  switch (kind) {
    case TargetKind::kPerYear: {
      for (int year = period.first_year; year <= period.last_year; ++year) {
        YearAttainment y = figure_year(year);
        y.target = ind.target;
        y.state = !y.value ? Attainment::kNoFigure
                           : (*y.value >= *ind.target ? Attainment::kMet : Attainment::kNotMet);
        ++out.years_with_target;
        if (y.state == Attainment::kMet) ++out.years_met;
        out.years.push_back(std::move(y));
      }
      out.period = out.years_met == out.years_with_target ? Attainment::kMet : Attainment::kNotMet;
      if (any_value) out.period_value = sum;
      out.summary_nb = "Nådd " + std::to_string(out.years_met) + " av " +
                       std::to_string(out.years_with_target) + " år";
      out.summary_en = "Met in " + std::to_string(out.years_met) + " of " +
                       std::to_string(out.years_with_target) + " years";
      break;
    }
    case TargetKind::kPeriodTotal: {
      for (int year = period.first_year; year <= period.last_year; ++year) {
        if (ind.Figure(year)) out.years.push_back(figure_year(year));
      }
      if (ind.period_total) {
        out.period_value = ind.period_total;
      } else if (any_value) {
        out.period_value = sum;
      }
      out.period = !out.period_value                  ? Attainment::kNoFigure
                   : *out.period_value >= *ind.target ? Attainment::kMet
                                                      : Attainment::kNotMet;
      out.summary_nb = (out.period_value ? nb(*out.period_value) : "–") + " av " + nb(*ind.target) +
                       " i perioden";
      out.summary_en = (out.period_value ? en(*out.period_value) : "–") + " of " + en(*ind.target) +
                       " in the period";
      break;
    }
    case TargetKind::kIncreaseOverPeriod: {
      for (int year = period.first_year; year <= period.last_year; ++year) {
        if (ind.Figure(year)) out.years.push_back(figure_year(year));
      }
      if (ind.period_total) {
        out.period_value = ind.period_total;
        out.period = *ind.period_total > 0 ? Attainment::kMet : Attainment::kNotMet;
        out.summary_nb = nb(*ind.period_total) + " nye i perioden";
        out.summary_en = en(*ind.period_total) + " new in the period";
      } else {
        std::vector<const YearAttainment*> valued;
        for (const YearAttainment& y : out.years) {
          if (y.value) valued.push_back(&y);
        }
        if (valued.size() < 2) {
          out.period = Attainment::kNoFigure;
          out.summary_nb = "For få tall til å vurdere økning";
          out.summary_en = "Too few figures to judge an increase";
        } else {
          const bool grew = *valued.back()->value > *valued.front()->value;
          out.period = grew ? Attainment::kMet : Attainment::kNotMet;
          out.summary_nb = std::string(grew ? "Økt" : "Ikke økt") + " fra " +
                           nb(*valued.front()->value) + " til " + nb(*valued.back()->value);
          out.summary_en = std::string(grew ? "Increased" : "Not increased") + " from " +
                           en(*valued.front()->value) + " to " + en(*valued.back()->value);
        }
      }
      break;
    }
    case TargetKind::kIncreaseEachEdition: {
      std::optional<int64_t> previous;
      for (const YearFigure& f : ind.figures) {
        if (!f.value || f.year > period.last_year) continue;
        YearAttainment y = figure_year(f.year);
        if (previous) {
          y.target = *previous + 1;
          y.state = *f.value > *previous ? Attainment::kMet : Attainment::kNotMet;
          if (f.year >= period.first_year) {
            ++out.years_with_target;
            if (y.state == Attainment::kMet) ++out.years_met;
          }
        }
        previous = f.value;
        out.years.push_back(std::move(y));
      }
      out.period = out.years_with_target == 0               ? Attainment::kNoFigure
                   : out.years_met == out.years_with_target ? Attainment::kMet
                                                            : Attainment::kNotMet;
      out.summary_nb = "Økning ved " + std::to_string(out.years_met) + " av " +
                       std::to_string(out.years_with_target) + " arrangementer";
      out.summary_en = "Increase at " + std::to_string(out.years_met) + " of " +
                       std::to_string(out.years_with_target) + " editions";
      break;
    }
    case TargetKind::kNone: {
      for (int year = period.first_year; year <= period.last_year; ++year) {
        if (ind.Figure(year)) out.years.push_back(figure_year(year));
      }
      out.period_value = ind.period_total ? ind.period_total
                         : any_value      ? std::optional<int64_t>(sum)
                                          : std::nullopt;
      out.period = Attainment::kNoTarget;
      out.summary_nb =
          out.period_value ? nb(*out.period_value) + " i perioden (uten måltall)" : "Uten måltall";
      out.summary_en =
          out.period_value ? en(*out.period_value) + " in the period (no target)" : "No target";
      break;
    }
    case TargetKind::kReachByLastYear: {
      // The first year is the baseline; each later year is compared with the straight path
      // from the baseline figure to the target in the last year, the last year with the target
      // itself. Without a baseline figure there is no path: only the last year counts.
      const YearFigure* first = ind.Figure(period.first_year);
      const std::optional<int64_t> baseline = first ? first->value : std::nullopt;
      const int64_t span = period.last_year - period.first_year;
      for (int year = period.first_year; year <= period.last_year; ++year) {
        YearAttainment y = figure_year(year);
        if (year == period.last_year) {
          y.target = ind.target;
        } else if (year > period.first_year && baseline) {
          y.target = PathValue(*baseline, *ind.target, year - period.first_year, span);
        }
        if (y.target) {
          y.state = !y.value ? Attainment::kNoFigure
                             : (*y.value >= *y.target ? Attainment::kMet : Attainment::kNotMet);
          ++out.years_with_target;
          if (y.state == Attainment::kMet) ++out.years_met;
        }
        if (year == period.last_year) out.period = y.state;
        out.years.push_back(std::move(y));
      }
      const std::string last = std::to_string(period.last_year);
      out.summary_nb = "På sporet " + std::to_string(out.years_met) + " av " +
                       std::to_string(out.years_with_target) + " år; målet " + nb(*ind.target) +
                       " gjelder " + last;
      out.summary_en = "On track in " + std::to_string(out.years_met) + " of " +
                       std::to_string(out.years_with_target) + " years; the target " +
                       en(*ind.target) + " is for " + last;
      break;
    }
  }
  return out;
}

int64_t CountFromRegister(const CountRule& rule, int year, const std::vector<Project>& projects) {
  int64_t n = 0;
  for (const Project& p : projects) {
    if (p.merged_into || p.status == ProjectStatus::kMerged) continue;
    if (!p.applied_on || p.applied_on->year != year) continue;
    if (!rule.kinds.empty() &&
        std::find(rule.kinds.begin(), rule.kinds.end(), p.kind) == rule.kinds.end()) {
      continue;
    }
    if (rule.granted_only && p.status != ProjectStatus::kActive &&
        p.status != ProjectStatus::kCompleted) {
      continue;
    }
    if (rule.facilitated_only && !p.facilitated_by_partnership) continue;
    ++n;
  }
  return n;
}

}  // namespace samspill::portfolio
