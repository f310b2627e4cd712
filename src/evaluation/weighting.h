// Weighting: how the relative importance of the award criteria is announced, and how it
// becomes normalised weights (Σ w = 1) for the weighted total T_i = Σ_k w_k·S_ik.
//
// FOA part III requires weights; part II allows a priority order instead (DOMAIN.md §1).
// A priority order is turned into rank-order-centroid (ROC) weights,
// w_k = (1/n)·Σ_{j=k..n} 1/j, the expected weights of all weight vectors consistent with the
// order. Quality pricing announces a money value per score point instead of weights.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace samspill::evaluation {

// Values are stable: never renumber.
enum class Weighting {
  kWeights = 1,                    // relative weights, divided by their sum
  kPriorityRankOrderCentroid = 2,  // priorities 1..n, converted with ROC weights
  kValuePerPoint = 3,              // quality pricing: money per score point, no weights
};

// API names: "weights", "priority_rank_order_centroid", "value_per_point".
std::string_view WeightingName(Weighting weighting);

// ROC weights for n criteria, most important first. Empty for n = 0.
std::vector<double> RankOrderCentroidWeights(size_t n);

// Divides each weight by the sum. Precondition: every weight is finite and > 0.
std::vector<double> NormaliseWeights(std::span<const double> weights);

// priorities[k] is the priority (1 = most important) of criterion k; returns the ROC weight
// of each criterion in the same order. Precondition: priorities are a permutation of 1..n.
std::vector<double> WeightsFromPriorities(std::span<const int> priorities);

}  // namespace samspill::evaluation
