// Bid tables shared by the evaluation tests: the DOMAIN.md §3 worked examples built in code,
// and the JSON examples in testdata/ read from the source tree. Test-only; thread-safe.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "evaluation/bid_table.h"

namespace samspill::evaluation::testing {

// Criteria "price" (kind price) and "kvalitet" (quality) with the given relative weights.
inline BidTable PriceQualityTable(PriceModel model, double price_weight, double quality_weight,
                                  const std::vector<std::pair<std::string, double>>& bids_major,
                                  const std::vector<double>& quality_scores) {
  BidTable table;
  table.price_model = model;
  table.criteria = {{.id = "price", .kind = CriterionKind::kPrice, .weight = price_weight},
                    {.id = "kvalitet", .kind = CriterionKind::kQuality, .weight = quality_weight}};
  for (size_t i = 0; i < bids_major.size(); ++i) {
    Bid bid;
    bid.id = bids_major[i].first;
    bid.price_minor = static_cast<int64_t>(bids_major[i].second * 100.0 + 0.5);
    bid.scores = {0.0, quality_scores[i]};
    table.bids.push_back(bid);
  }
  return table;
}

// DOMAIN.md §3: proportional, 50/50, A (100, 6) and B (130, 8): A wins 8.000 to 7.846.
inline BidTable RankReversalTwoBids() {
  return PriceQualityTable(PriceModel::kProportional, 50, 50, {{"A", 100}, {"B", 130}}, {6, 8});
}

// The same with C (50, 0) added: A 5.500, B 5.923, C 5.000 — B wins.
inline BidTable RankReversalThreeBids() {
  return PriceQualityTable(PriceModel::kProportional, 50, 50, {{"A", 100}, {"B", 130}, {"C", 50}},
                           {6, 8, 0});
}

// The text of src/evaluation/testdata/<name>.
inline std::string ReadTestdata(const std::string& name) {
  std::ifstream in(std::string(SAMSPILL_SOURCE_DIR) + "/src/evaluation/testdata/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace samspill::evaluation::testing
