#include "evaluation/weighting.h"

#include <cassert>

namespace samspill::evaluation {

std::string_view WeightingName(Weighting weighting) {
  switch (weighting) {
    case Weighting::kWeights:
      return "weights";
    case Weighting::kPriorityRankOrderCentroid:
      return "priority_rank_order_centroid";
    case Weighting::kValuePerPoint:
      return "value_per_point";
  }
  return "unknown";
}

std::vector<double> RankOrderCentroidWeights(size_t n) {
  std::vector<double> weights(n, 0.0);
  // Summing from the least important criterion upwards reuses each tail sum once.
  double tail = 0.0;
  for (size_t k = n; k-- > 0;) {
    tail += 1.0 / static_cast<double>(k + 1);
    weights[k] = tail / static_cast<double>(n);
  }
  return weights;
}

std::vector<double> NormaliseWeights(std::span<const double> weights) {
  double sum = 0.0;
  for (double w : weights) sum += w;
  std::vector<double> out(weights.size(), 0.0);
  if (sum <= 0.0) return out;
  for (size_t k = 0; k < weights.size(); ++k) out[k] = weights[k] / sum;
  return out;
}

std::vector<double> WeightsFromPriorities(std::span<const int> priorities) {
  std::vector<double> roc = RankOrderCentroidWeights(priorities.size());
  std::vector<double> out(priorities.size(), 0.0);
  for (size_t k = 0; k < priorities.size(); ++k) {
    int p = priorities[k];
    assert(p >= 1 && static_cast<size_t>(p) <= priorities.size());
    if (p >= 1 && static_cast<size_t>(p) <= priorities.size()) out[k] = roc[p - 1];
  }
  return out;
}

}  // namespace samspill::evaluation
