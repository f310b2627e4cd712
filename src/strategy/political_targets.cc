#include "strategy/political_targets.h"

#include <cmath>

namespace samspill::strategy {
namespace {

struct SubjectEntry {
  TargetSubject subject;
  std::string_view name;
};
constexpr SubjectEntry kSubjects[] = {{TargetSubject::kIku, "iku"},
                                      {TargetSubject::kGreen, "green"}};

// A number of points in tenths, rounded half away from zero (std::llround does so).
int64_t Tenths(double points) { return std::llround(points * 10.0); }

// A point's IKU in tenths of a percent, rounded half away from zero from the amounts themselves
// (competed × 1000 / may_compete), so a ratio that lies exactly on a half is never tipped by
// the double's representation. The amounts are at most 5·10^15 (500 areas of 10^13), so the
// product stays below 2^63. Only called for points that have an IKU (may_compete > 0).
int64_t IkuTenths(const IkuPoint& p) {
  const int64_t numerator = p.competed * 1000;
  int64_t q = numerator / p.may_compete;
  if (2 * (numerator % p.may_compete) >= p.may_compete) ++q;  // both ≥ 0
  return q;
}

}  // namespace

std::string_view TargetSubjectName(TargetSubject subject) {
  for (const SubjectEntry& e : kSubjects) {
    if (e.subject == subject) return e.name;
  }
  return "unknown";
}

std::optional<TargetSubject> TargetSubjectFromName(std::string_view name) {
  for (const SubjectEntry& e : kSubjects) {
    if (e.name == name) return e.subject;
  }
  return std::nullopt;
}

Status ValidatePoliticalTarget(const PoliticalTarget& t) {
  const std::string who =
      "political target " +
      (t.indicator.name.empty() ? "#" + std::to_string(t.id) : "'" + t.indicator.name + "'");
  if (t.id <= 0) return InvalidArgument(who + ": the id must be positive", "id");
  if (Status s = portfolio::ValidateIndicator(t.indicator); !s.ok()) {
    return InvalidArgument(who + ": " + s.message(), s.field());
  }
  if (t.indicator.decimals != 1) {
    return InvalidArgument(who + ": the values are kept in tenths (decimals 1)", "decimals");
  }
  if (t.indicator.target_kind != portfolio::TargetKind::kReachByLastYear &&
      t.indicator.target_kind != portfolio::TargetKind::kPerYear) {
    return InvalidArgument(who + ": the kind is reach_by_last_year or per_year, not " +
                               std::string(portfolio::TargetKindName(t.indicator.target_kind)),
                           "target_kind");
  }
  // ValidateIndicator has checked that both kinds have a target.
  if (*t.indicator.target < 0 || *t.indicator.target > 1000) {
    return InvalidArgument(who + ": the target must be between 0 and 100.0 percent", "target");
  }
  if (t.period.first_year < 1990 || t.period.last_year > 2100 ||
      t.period.first_year > t.period.last_year) {
    return InvalidArgument(who + ": the period " + std::to_string(t.period.first_year) + "–" +
                               std::to_string(t.period.last_year) +
                               " must run forwards within 1990–2100",
                           "first_year");
  }
  if (t.adopted_by.size() > 300) {
    return InvalidArgument(who + ": adopted_by is too long", "adopted_by");
  }
  return Status::Ok();
}

portfolio::Indicator TargetIndicator(const PoliticalTarget& target,
                                     const std::vector<IkuPoint>& iku) {
  portfolio::Indicator ind = target.indicator;
  if (target.subject != TargetSubject::kIku) return ind;
  // The register's IKU replaces whatever figures were stored: they are counted, not entered.
  ind.figures.clear();
  for (const IkuPoint& p : iku) {
    if (!p.iku || p.may_compete <= 0) continue;
    ind.figures.push_back({.year = p.year,
                           .value = IkuTenths(p),
                           .note = p.example ? "eksempel" : "",
                           .counted = true});
  }
  return ind;
}

portfolio::IndicatorAttainment TargetAttainment(const PoliticalTarget& target,
                                                const std::vector<IkuPoint>& iku) {
  return portfolio::ComputeAttainment(TargetIndicator(target, iku), target.period);
}

std::optional<int64_t> IkuTargetFromIncrease(const std::vector<IkuPoint>& iku, int first_year,
                                             double points) {
  for (const IkuPoint& p : iku) {
    if (p.year == first_year && p.iku && p.may_compete > 0) return IkuTenths(p) + Tenths(points);
  }
  return std::nullopt;
}

}  // namespace samspill::strategy
