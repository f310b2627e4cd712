// The strategy register: the municipality's task areas with their spend, the peers' IKU it
// compares with, and the political targets — kept as one document (strategy_json.h) by the
// store. Pure; thread-safe as a value.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "strategy/iku_peers.h"
#include "strategy/political_targets.h"
#include "strategy/task_area.h"

namespace samspill::strategy {

struct StrategyRegister {
  std::string municipality;  // "Eksempel Kommune"
  AccountScheme scheme = AccountScheme::kDanishFunctions;
  std::string currency = "DKK";
  std::string region;  // NUTS code for market figures ("DK031")
  std::vector<TaskArea> areas;
  std::vector<PeerFigure> peers;
  std::vector<PoliticalTarget> targets;
  int64_t next_id = 1;  // for new areas and targets
  friend bool operator==(const StrategyRegister&, const StrategyRegister&) = default;
};
inline constexpr size_t kMaxTaskAreas = 500;
inline constexpr size_t kMaxTargets = 50;

// Every area (ValidateTaskArea, distinct ids < next_id, distinct names), every target, peers'
// municipality-years distinct, a currency of three letters, at most the maxima.
Status ValidateStrategyRegister(const StrategyRegister& r);

}  // namespace samspill::strategy
