// The per-thread state of the 11 red-flag indicators: Add() folds one release into it,
// Merge() combines the states of several threads, Finish() computes the fences and writes
// cardinal's JSON. One Accumulator per worker thread; not thread-safe.
//
// Determinism: results that cardinal keys by ocid (where a duplicate ocid replaces an
// earlier one) carry the line number they came from, and Merge() keeps the later line, so
// the output equals a sequential run over the file whatever the thread count and in
// whatever order batches were processed. Sums and sets merge exactly.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "market/cardinal/release.h"
#include "market/cardinal/settings.h"

namespace samspill::market::cardinal {

// Hash maps keyed by std::string that are looked up with string_views from the parser,
// without building a std::string per lookup.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

template <typename V>
V& Slot(StringMap<V>& map, std::string_view key) {
  auto it = map.find(key);
  if (it != map.end()) return it->second;
  return map.emplace(std::string(key), V{}).first->second;
}

// Stored in this order in per-ocid arrays; the codes are what cardinal prints.
enum Indicator : uint8_t {
  kR003,
  kR018,
  kR024,
  kR025,
  kR028,
  kR030,
  kR035,
  kR036,
  kR038,
  kR048,
  kR058,
  kIndicatorCount
};
const char* IndicatorCode(Indicator indicator);

struct OutputOptions {
  bool meta = true;   // false: --no-meta
  bool maps = false;  // true: --map
};

class Accumulator {
 public:
  Accumulator(const Settings& settings, bool maps);

  // Batches are cardinal's partitions for the first-observed main currency (only used when
  // `currency` is not set); `batch` numbers them in file order.
  void StartBatch(uint64_t batch);
  // Folds one release read from line `line` (1-based, unique per line).
  void Add(const Release& release, uint64_t line);
  void Merge(Accumulator&& other);
  // The indicators' JSON, as `ocdscardinal indicators` prints it (keys sorted).
  std::string Finish(const OutputOptions& options) const;

  uint64_t releases() const { return releases_; }
  uint64_t currency_mismatches() const { return currency_mismatches_; }

 private:
  struct OcidResult {
    uint16_t mask = 0;
    std::array<uint64_t, kIndicatorCount> line{};
    std::array<double, kIndicatorCount> value{};
  };
  struct Ratio {  // R024 and R058: the second-lowest bid ratio of one process
    uint64_t line = 0;
    double ratio = 0;
    std::string winner;
    std::string second;
    std::string currency;  // the main currency it was computed under (when not configured)
  };
  struct Fraction {
    uint64_t numerator = 0;
    uint64_t denominator = 0;
  };
  struct Classifications {  // R048
    std::unordered_set<std::string> codes;
    uint64_t processes = 0;
  };
  struct TaggedIds {  // a Maps entry: last line wins, like cardinal's insert
    uint64_t line = 0;
    std::vector<std::string> ids;
  };

  void Flag(std::string_view ocid, Indicator indicator, double value, uint64_t line);
  void FlagTenderer(std::string_view id, Indicator indicator);
  void SetMap(StringMap<TaggedIds>& map, std::string_view ocid, uint64_t line,
              std::vector<std::string> ids);
  // The main currency: the setting, or the first observed in this batch (cardinal's slot).
  bool IsMainCurrency(std::string_view currency);
  bool PassesPriceComparison(const Release& r) const;

  void AddR003(const Release& r, uint64_t line);
  void AddR018(const Release& r, uint64_t line);
  void AddSecondLowestBidRatio(const Release& r, uint64_t line, const Award& award);
  void AddR025(const Release& r, const Award& award);
  void AddR028(const Release& r, uint64_t line);
  void AddR030(const Release& r, uint64_t line);
  void AddR035(const Release& r, uint64_t line);
  void AddR036(const Release& r, uint64_t line);
  void AddR038(const Release& r, uint64_t line);
  void AddR048(const Release& r);

  const Settings& settings_;
  bool maps_;
  uint64_t releases_ = 0;
  uint64_t currency_mismatches_ = 0;

  // The first-observed currency slot (only without the `currency` setting).
  uint64_t batch_ = 0;
  bool batch_has_currency_ = false;
  std::string batch_currency_;
  uint64_t first_currency_batch_ = UINT64_MAX;
  std::string first_currency_;

  StringMap<OcidResult> ocid_;
  StringMap<uint16_t> tenderer_flags_;  // constant-valued flags
  StringMap<Ratio> ratios_;
  StringMap<Fraction> r025_;
  StringMap<Fraction> r038_buyer_;
  StringMap<Fraction> r038_procuring_entity_;
  StringMap<Fraction> r038_tenderer_;
  StringMap<Classifications> r048_;

  // --map only.
  StringMap<TaggedIds> map_r028_, map_r030_, map_r035_;
  StringMap<TaggedIds> map_buyer_r038_, map_procuring_entity_r038_;
  StringMap<TaggedIds> map_ocid_tenderer_;
};

}  // namespace samspill::market::cardinal
