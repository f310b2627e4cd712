// The market report for a planned tender: how likely is it to get at least two bids, judging
// by comparable past lots, who are the active suppliers, and which past tenders compare.
//
// Comparable lots: competitive procedure (open, selective), known bidder count, CPV code
// starting with the query's code, and — when given — in the query's NUTS region and from the
// query's buyer. When fewer than `min_comparable` lots match, the scope is widened one step at
// a time and each step is reported: first the buyer is dropped, then the CPV code is cut back
// to its group (3 digits) and division (2 digits), then the region to its NUTS-2 parent and
// country, and finally dropped. The probability of ≥ 2 bids is k/n with a 95 % Wilson
// interval (statistics.h says why). ReportBuilder keeps only lots in the query's CPV division,
// so memory follows the size of that market, not of the input. Not thread-safe.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "market/competition/competition.h"
#include "market/competition/reference_names.h"
#include "market/competition/statistics.h"
#include "market/model/process.h"

namespace samspill::market {

struct ReportQuery {
  std::string cpv;     // 2 to 8 digits ("85", "853", "85311000")
  std::string region;  // NUTS code, "" for any
  std::string buyer;   // buyer id or organisation number, "" for any
  size_t min_comparable = 10;
  size_t max_listed = 20;  // comparable tenders listed
};

struct ComparableLot {
  std::string process_id;
  std::string lot_id;
  std::string title;
  std::string buyer;
  std::string region;
  std::string published;
  std::string cpv;
  std::string procedure;
  int bidders = 0;
  std::vector<std::string> winners;
};

struct MarketReport {
  ReportQuery query;
  std::string cpv_scope;     // the CPV prefix finally used
  std::string region_scope;  // "" when the region was dropped
  std::string buyer_scope;
  std::vector<std::string> widening;     // one sentence per step, in Norwegian
  uint64_t comparable = 0;               // n
  uint64_t two_or_more = 0;              // k
  double probability = 0;                // k / n
  Interval interval;                     // Wilson, 95 %
  std::vector<SupplierTotal> suppliers;  // winners in the comparable lots, most wins first
  Concentration concentration;
  bool concentration_by_value = false;
  BidderCoverage coverage;                 // of the comparable lots' bidder counts
  std::vector<ComparableLot> comparables;  // newest first, at most max_listed
  uint64_t lots_in_division = 0;           // lots seen in the CPV division, any procedure
  uint64_t lots_without_bidders = 0;       // … of which without a usable bidder count
};

class ReportBuilder {
 public:
  explicit ReportBuilder(ReportQuery query);
  void Add(const Process& process);
  MarketReport Finish() const;

 private:
  struct Kept {
    ComparableLot lot;
    std::string buyer_id, buyer_org;
    std::vector<Winner> winners;
    unsigned sources_present = 0, sources_rejected = 0;
    BidderSource source = BidderSource::kNone;
  };
  ReportQuery query_;
  std::vector<Kept> kept_;
  uint64_t lots_in_division_ = 0;
  uint64_t lots_without_bidders_ = 0;
};

nlohmann::json ReportToJson(const MarketReport& report, const ReferenceNames& names);
// Human-readable, Norwegian labels.
std::string ReportToText(const MarketReport& report, const ReferenceNames& names);

}  // namespace samspill::market
