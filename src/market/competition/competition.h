// Competition indicators over normalised processes, per lot: bidder counts and the coverage of
// each source of them, single-bid rates by CPV division (2 digits) and group (3 digits), buyer,
// region and procedure, the winning suppliers and their concentration, and advertisement-period
// bands. Add() processes one at a time (memory grows with the number of distinct keys and
// suppliers, not with the number of processes). Not thread-safe: one per thread, then Merge.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "market/competition/advert_period.h"
#include "market/competition/statistics.h"
#include "market/model/process.h"

namespace samspill::market {

// Single-bid rate of one group of lots. Only lots of competitive procedures (open,
// selective) with a known bidder count are counted: a direct award has one bid by design.
struct RateCell {
  uint64_t lots = 0;
  uint64_t single_bid = 0;
  uint64_t bidders = 0;  // sum, for the mean
  double single_bid_rate() const { return lots == 0 ? 0 : double(single_bid) / double(lots); }
  double mean_bidders() const { return lots == 0 ? 0 : double(bidders) / double(lots); }
};

struct BidderCoverage {
  uint64_t lots = 0;
  std::array<uint64_t, kBidderSourceCount> present{};   // lots where the data had the source
  std::array<uint64_t, kBidderSourceCount> used{};      // lots whose count came from it
  std::array<uint64_t, kBidderSourceCount> rejected{};  // lots where it failed a sanity check
};

struct SupplierTotal {
  Organisation supplier;
  uint64_t wins = 0;        // lots won
  int64_t value_minor = 0;  // awarded value in `currency` (other currencies are left out)
};

class CompetitionIndicators {
 public:
  // `currency`: the one whose award values count for value concentration.
  explicit CompetitionIndicators(std::string currency = "NOK") : currency_(std::move(currency)) {}

  void Add(const Process& process);

  const BidderCoverage& coverage() const { return coverage_; }
  const std::map<std::string, RateCell>& by_cpv_division() const { return by_division_; }
  const std::map<std::string, RateCell>& by_cpv_group() const { return by_group_; }
  const std::map<std::string, RateCell>& by_buyer() const { return by_buyer_; }
  const std::map<std::string, RateCell>& by_region() const { return by_region_; }
  const std::map<std::string, RateCell>& by_procedure() const { return by_procedure_; }
  const RateCell& overall() const { return overall_; }
  const std::map<std::string, SupplierTotal>& suppliers() const { return suppliers_; }
  const std::array<uint64_t, 4>& advert_bands() const { return bands_; }  // by AdvertBand

  // By value when any winner has a value in the currency, else by number of wins.
  Concentration SupplierConcentration(bool* by_value = nullptr) const;

  nlohmann::json ToJson() const;

 private:
  std::string currency_;
  BidderCoverage coverage_;
  RateCell overall_;
  std::map<std::string, RateCell> by_division_, by_group_, by_buyer_, by_region_, by_procedure_;
  std::map<std::string, SupplierTotal> suppliers_;
  std::array<uint64_t, 4> bands_{};
};

// The key a supplier is counted under: its org number, else its id, else its name.
std::string SupplierKey(const Organisation& supplier);

}  // namespace samspill::market
