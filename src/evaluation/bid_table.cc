#include "evaluation/bid_table.h"

#include <cmath>
#include <set>

#include "common/money.h"

namespace samspill::evaluation {

std::string_view CriterionKindName(CriterionKind kind) {
  switch (kind) {
    case CriterionKind::kPrice:
      return "price";
    case CriterionKind::kQuality:
      return "quality";
    case CriterionKind::kSocial:
      return "social";
    case CriterionKind::kEnvironment:
      return "environment";
  }
  return "unknown";
}

std::optional<CriterionKind> CriterionKindFromName(std::string_view name) {
  for (CriterionKind kind : {CriterionKind::kPrice, CriterionKind::kQuality, CriterionKind::kSocial,
                             CriterionKind::kEnvironment}) {
    if (CriterionKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<size_t> PriceCriterionIndex(const BidTable& table) {
  for (size_t k = 0; k < table.criteria.size(); ++k) {
    if (table.criteria[k].kind == CriterionKind::kPrice) return k;
  }
  return std::nullopt;
}

std::vector<double> NormalisedWeights(const BidTable& table) {
  const size_t m = table.criteria.size();
  switch (table.weighting) {
    case Weighting::kWeights: {
      std::vector<double> raw(m);
      for (size_t k = 0; k < m; ++k) raw[k] = table.criteria[k].weight;
      return NormaliseWeights(raw);
    }
    case Weighting::kPriorityRankOrderCentroid: {
      std::vector<int> priorities(m);
      for (size_t k = 0; k < m; ++k) priorities[k] = table.criteria[k].priority;
      return WeightsFromPriorities(priorities);
    }
    case Weighting::kValuePerPoint:
      break;
  }
  return std::vector<double>(m, 0.0);
}

std::string BidPath(size_t index) { return "bids[" + std::to_string(index) + "]"; }
std::string CriterionPath(size_t index) { return "criteria[" + std::to_string(index) + "]"; }

namespace {

Status ValidateCriteria(const BidTable& table) {
  const bool quality_pricing = table.price_model == PriceModel::kQualityPricing;
  if (table.criteria.empty())
    return InvalidArgument("at least one criterion is needed", "criteria");
  if (quality_pricing != (table.weighting == Weighting::kValuePerPoint)) {
    return InvalidArgument(quality_pricing
                               ? "quality_pricing uses a value per point, not weights or priorities"
                               : "a value per point is only used with quality_pricing",
                           "criteria");
  }
  std::set<std::string_view> ids;
  std::vector<bool> priority_used(table.criteria.size() + 1, false);
  size_t price_criteria = 0;
  for (size_t k = 0; k < table.criteria.size(); ++k) {
    const Criterion& c = table.criteria[k];
    const std::string path = CriterionPath(k);
    if (c.id.empty()) return InvalidArgument("criterion id must not be empty", path + ".id");
    if (!ids.insert(c.id).second) {
      return InvalidArgument("duplicate criterion id '" + c.id + "'", path + ".id");
    }
    if (c.kind == CriterionKind::kPrice && ++price_criteria > 1) {
      return InvalidArgument("only one criterion may be of kind price", path + ".kind");
    }
    switch (table.weighting) {
      case Weighting::kWeights:
        if (!std::isfinite(c.weight) || c.weight <= 0.0) {
          return InvalidArgument("weight must be a number greater than 0", path + ".weight");
        }
        if (c.weight > kMaxRelativeWeight) {
          return InvalidArgument("weight is too large (at most 1e9)", path + ".weight");
        }
        break;
      case Weighting::kPriorityRankOrderCentroid:
        if (c.priority < 1 || static_cast<size_t>(c.priority) > table.criteria.size()) {
          return InvalidArgument("priority must be between 1 and the number of criteria (" +
                                     std::to_string(table.criteria.size()) + ")",
                                 path + ".priority");
        }
        if (priority_used[c.priority]) {
          return InvalidArgument(
              "priority " + std::to_string(c.priority) + " is given to two criteria",
              path + ".priority");
        }
        priority_used[c.priority] = true;
        break;
      case Weighting::kValuePerPoint:
        if (IsQualityLike(c.kind) &&
            (c.value_per_point_minor <= 0 || c.value_per_point_minor > kMaxMoneyMinor)) {
          return InvalidArgument("value_per_point must be a positive amount",
                                 path + ".value_per_point");
        }
        break;
    }
  }
  if (!quality_pricing && price_criteria != 1) {
    return InvalidArgument(std::string(PriceModelName(table.price_model)) +
                               " price scoring needs exactly one criterion of kind price",
                           "criteria");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateBidTable(const BidTable& table) {
  if (!IsCurrencyCode(table.currency)) {
    return InvalidArgument("currency must be three upper-case letters (ISO 4217)", "currency");
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateCriteria(table));
  if (table.bids.empty()) return InvalidArgument("at least one bid is needed", "bids");
  std::set<std::string_view> ids;
  for (size_t i = 0; i < table.bids.size(); ++i) {
    const Bid& bid = table.bids[i];
    const std::string path = BidPath(i);
    if (bid.id.empty()) return InvalidArgument("bid id must not be empty", path + ".id");
    if (!ids.insert(bid.id).second) {
      return InvalidArgument("duplicate bid id '" + bid.id + "'", path + ".id");
    }
    if (bid.price_minor <= 0) {
      // A zero price makes every price score undefined (division by the lowest price).
      return InvalidArgument("price must be greater than 0", path + ".price");
    }
    if (bid.price_minor > kMaxMoneyMinor) {
      return InvalidArgument("price is too large", path + ".price");
    }
    if (bid.scores.size() != table.criteria.size()) {
      return InvalidArgument("bid must have one score slot per criterion", path + ".scores");
    }
    if (!bid.justifications.empty() && bid.justifications.size() != table.criteria.size()) {
      return InvalidArgument("bid must have one justification slot per criterion",
                             path + ".scores");
    }
    for (size_t k = 0; k < table.criteria.size(); ++k) {
      if (!IsQualityLike(table.criteria[k].kind)) continue;
      double s = bid.scores[k];
      if (!std::isfinite(s) || s < kMinScore || s > kMaxScore) {
        return InvalidArgument("score must be a number from 0 to 10",
                               path + ".scores." + table.criteria[k].id);
      }
    }
  }
  return Status::Ok();
}

}  // namespace samspill::evaluation
