#include "strategy/strategy_register.h"

#include <algorithm>
#include <set>
#include <utility>

#include "common/text.h"

namespace samspill::strategy {

Status ValidateStrategyRegister(const StrategyRegister& r) {
  if (r.municipality.size() > 300) {
    return InvalidArgument("the municipality's name is too long", "municipality");
  }
  const bool three_letters =
      r.currency.size() == 3 && std::all_of(r.currency.begin(), r.currency.end(),
                                            [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!three_letters) {
    return InvalidArgument(
        "the currency is a three-letter code (DKK, NOK), not '" + r.currency + "'", "currency");
  }
  if (r.region.size() > 10) return InvalidArgument("the region is a NUTS code", "region");
  if (r.next_id < 1) return InvalidArgument("next_id must be positive", "next_id");
  if (r.areas.size() > kMaxTaskAreas) {
    return InvalidArgument("more than " + std::to_string(kMaxTaskAreas) + " task areas", "areas");
  }
  if (r.targets.size() > kMaxTargets) {
    return InvalidArgument("more than " + std::to_string(kMaxTargets) + " political targets",
                           "targets");
  }
  if (r.peers.size() > kMaxPeerFigures) {
    return InvalidArgument("more than " + std::to_string(kMaxPeerFigures) + " peer figures",
                           "peers");
  }
  // Areas and targets draw new ids from the same next_id; each kind's ids are distinct.
  std::set<int64_t> ids;
  std::set<std::string> names;
  for (size_t i = 0; i < r.areas.size(); ++i) {
    const TaskArea& a = r.areas[i];
    const std::string path = "areas[" + std::to_string(i) + "]";
    if (Status s = ValidateTaskArea(a); !s.ok()) {
      return InvalidArgument(s.message(), path + "." + s.field());
    }
    if (a.id >= r.next_id) {
      return InvalidArgument("task area '" + a.name + "' has the id " + std::to_string(a.id) +
                                 ", not below next_id " + std::to_string(r.next_id),
                             path + ".id");
    }
    if (!ids.insert(a.id).second) {
      return InvalidArgument("the id " + std::to_string(a.id) + " is used twice", path + ".id");
    }
    if (!names.insert(std::string(Trim(a.name))).second) {
      return InvalidArgument("two task areas are called '" + a.name + "'", path + ".name");
    }
  }
  ids.clear();
  for (size_t i = 0; i < r.targets.size(); ++i) {
    const PoliticalTarget& t = r.targets[i];
    const std::string path = "targets[" + std::to_string(i) + "]";
    if (Status s = ValidatePoliticalTarget(t); !s.ok()) {
      return InvalidArgument(s.message(), path + "." + s.field());
    }
    if (t.id >= r.next_id) {
      return InvalidArgument("political target '" + t.indicator.name + "' has the id " +
                                 std::to_string(t.id) + ", not below next_id " +
                                 std::to_string(r.next_id),
                             path + ".id");
    }
    if (!ids.insert(t.id).second) {
      return InvalidArgument("the id " + std::to_string(t.id) + " is used twice", path + ".id");
    }
  }
  std::set<std::pair<std::string, int>> peer_years;
  for (size_t i = 0; i < r.peers.size(); ++i) {
    const PeerFigure& p = r.peers[i];
    const std::string path = "peers[" + std::to_string(i) + "]";
    if (IsBlank(p.municipality)) {
      return InvalidArgument("a peer figure needs a municipality", path + ".municipality");
    }
    if (p.year < 1990 || p.year > 2100) {
      return InvalidArgument("the year " + std::to_string(p.year) + " is outside 1990–2100",
                             path + ".year");
    }
    if (!(p.iku >= 0.0 && p.iku <= 100.0)) {
      return InvalidArgument("the IKU is a percentage from 0 to 100", path + ".iku");
    }
    if (!peer_years.insert({p.municipality, p.year}).second) {
      return InvalidArgument(
          "a second figure for " + p.municipality + " in " + std::to_string(p.year), path);
    }
  }
  return Status::Ok();
}

}  // namespace samspill::strategy
