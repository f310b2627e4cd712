// BidTable: the typed input of an evaluation — the announced award criteria, the price
// model, and each bid's offered price and quality scores.
//
// Built at the edge (bid_table_json.h parses the API/CLI document) or by other modules.
// ValidateBidTable() checks every rule Evaluate() relies on, and its errors name the field
// as the JSON edge would ("bids[2].price", "criteria[1].weight"). Plain values; thread-safe
// as values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "evaluation/price_model.h"
#include "evaluation/weighting.h"

namespace samspill::evaluation {

// Quality scores are on a 0–10 scale, both ends included.
inline constexpr double kMinScore = 0.0;
inline constexpr double kMaxScore = 10.0;

// Largest relative weight accepted; weights are relative, so this only guards the sum.
inline constexpr double kMaxRelativeWeight = 1e9;

// Values are stable: never renumber.
enum class CriterionKind {
  kPrice = 1,        // scored from the offered price by the price model
  kQuality = 2,      // scored 0–10 by the evaluation committee
  kSocial = 3,       // quality-like: social criteria (e.g. apprentices, pay and conditions)
  kEnvironment = 4,  // quality-like: climate and environment (FOA § 7-9)
};

// API names: "price", "quality", "social", "environment".
std::string_view CriterionKindName(CriterionKind kind);
std::optional<CriterionKind> CriterionKindFromName(std::string_view name);
inline bool IsQualityLike(CriterionKind kind) { return kind != CriterionKind::kPrice; }

struct Criterion {
  std::string id;
  std::string name;  // optional label for people
  CriterionKind kind = CriterionKind::kQuality;
  double weight = 0.0;                // Weighting::kWeights: relative weight, > 0
  int priority = 0;                   // Weighting::kPriorityRankOrderCentroid: 1 = most important
  int64_t value_per_point_minor = 0;  // Weighting::kValuePerPoint, quality-like: > 0

  friend bool operator==(const Criterion&, const Criterion&) = default;
};

struct Bid {
  std::string id;
  std::string name;         // optional label (supplier name)
  int64_t price_minor = 0;  // offered price in minor units (øre), > 0
  // One entry per criterion, in BidTable::criteria order: the committee's 0–10 score. The
  // entry of the price criterion is ignored (price scores are computed).
  std::vector<double> scores;
  // Same indexing as `scores`; empty strings (or an empty vector) mean no justification.
  std::vector<std::string> justifications;
};

struct BidTable {
  std::string title;  // optional
  PriceModel price_model = PriceModel::kProportional;
  Weighting weighting = Weighting::kWeights;
  std::string currency = "NOK";
  std::vector<Criterion> criteria;
  std::vector<Bid> bids;
};

// Index of the criterion of kind price, if there is one.
std::optional<size_t> PriceCriterionIndex(const BidTable& table);

// Normalised weights (Σ = 1), one per criterion, for kWeights and
// kPriorityRankOrderCentroid; all zeros for kValuePerPoint. Precondition: a valid table.
std::vector<double> NormalisedWeights(const BidTable& table);

// Every rule of a well-formed table: at least one bid and one criterion; unique non-empty
// ids; exactly one price criterion for linear/proportional (at most one for quality
// pricing); weights > 0, or priorities a permutation of 1..n, or values per point > 0, as
// the weighting says; prices > 0; quality scores finite and within 0–10; a valid currency.
Status ValidateBidTable(const BidTable& table);

// "bids[2]", "criteria[1]": the JSON path prefix of an element, for error fields.
std::string BidPath(size_t index);
std::string CriterionPath(size_t index);

}  // namespace samspill::evaluation
