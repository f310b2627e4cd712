// The per-thread state of the 11 red-flag indicators: Add() folds one release into it,
// Merge() combines the states of several threads, Finish() computes the fences and writes
// cardinal's JSON. One Accumulator per worker thread; not thread-safe.
//
// Determinism: results that cardinal keys by ocid (where a duplicate ocid replaces an
// earlier one) carry the line number they came from, and Finish() keeps the later line, so
// the output equals a sequential run over the file whatever the thread count and in
// whatever order batches were processed. Sums and sets merge exactly.
//
// Speed: organisation ids are interned once per release occurrence into dense ids
// (StringTable), so the per-organisation figures are vector slots; per-ocid results are
// appended to a flat list and grouped once at the end, so the hot loop does no per-ocid
// hashing or string allocation (docs/decisions/0015).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "market/cardinal/release.h"
#include "market/cardinal/settings.h"
#include "market/cardinal/string_table.h"

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
  // Sorts this state's per-process records by ocid and line. Each worker calls it on its own
  // thread when its input is done, so that Merge and Finish, which run alone, only merge
  // sorted runs. Optional: Finish sorts what is not sorted.
  void SortProcesses();
  void Merge(Accumulator&& other);
  // The indicators' JSON, as `ocdscardinal indicators` prints it (keys sorted).
  std::string Finish(const OutputOptions& options) const;

  uint64_t releases() const { return releases_; }
  uint64_t currency_mismatches() const { return currency_mismatches_; }

 private:
  struct Fraction {
    uint64_t numerator = 0;
    uint64_t denominator = 0;
  };
  // Everything kept per organisation id, indexed by its id in orgs_. An organisation takes
  // part in an indicator's group when its denominator (or mask) is non-zero.
  struct Org {
    uint16_t flags = 0;  // constant-valued tenderer flags (R028 R030 R035)
    Fraction r025;
    Fraction r038_tenderer;
    Fraction r038_buyer;
    Fraction r038_procuring_entity;
    uint64_t r048_processes = 0;
    uint32_t r048_codes = 0;  // distinct classification prefixes (pairs in r048_pairs_)
  };
  // What one release line contributed per ocid: appended once per line that flags
  // something or has a second-lowest bid ratio. Finish() groups them by ocid and, per
  // indicator, keeps the latest line, as cardinal's map insert does for a repeated ocid.
  struct Process {
    std::string_view ocid;  // in ocids_
    uint64_t line = 0;
    uint16_t mask = 0;  // the flags of R003 R018 R028 R030 R035 R036 from this line
    bool has_ratio = false;
    double r035 = 0;                  // R035's value (the number of other disqualified bidders)
    double ratio = 0;                 // R024/R058: (second lowest - winning) / winning
    uint32_t winner = 0, second = 0;  // org ids
    uint32_t currency = 0;  // id in currencies_ of the main currency it was computed under
  };
  struct TaggedIds {  // a Maps entry: last line wins, like cardinal's insert
    uint64_t line = 0;
    std::vector<std::string> ids;
  };

  Process& Current(const Release& r, uint64_t line);
  void Flag(const Release& r, Indicator indicator, uint64_t line);
  Org& OrgAt(uint32_t id);
  // The org id of r.ids[i], interned once per release.
  uint32_t OrgOf(const Release& r, uint32_t i);
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

  StringTable orgs_;
  std::vector<Org> org_data_;
  StringTable codes_;  // R048's classification prefixes
  U64Set r048_pairs_;  // (org id << 32 | code id)
  StringTable currencies_;
  StringArena ocids_;
  std::vector<Process> processes_;
  bool processes_sorted_ = false;  // by (ocid, line)

  // Per release: its Process (or none yet) and its interned org ids.
  size_t current_process_ = SIZE_MAX;
  std::vector<uint32_t> org_of_id_;
  // Scratch space reused across releases.
  std::vector<std::string_view> ids_a_, ids_b_, ids_c_;
  std::vector<uint32_t> counted_;

  // --map only.
  StringMap<TaggedIds> map_r028_, map_r030_, map_r035_;
  StringMap<TaggedIds> map_buyer_r038_, map_procuring_entity_r038_;
  StringMap<TaggedIds> map_ocid_tenderer_;
};

}  // namespace samspill::market::cardinal
