// Small statistics for competition indicators: concentration of a market (HHI, top-3 share)
// and a binomial confidence interval. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace samspill::market {

struct Concentration {
  size_t suppliers = 0;
  double hhi = 0;         // Herfindahl–Hirschman index on the 0–10,000 scale
  double top3_share = 0;  // share (0–1) of the three largest suppliers
};

// From each supplier's size (award value or number of wins; any non-negative unit). Zero
// suppliers, or a zero total, give all zeros.
Concentration ComputeConcentration(const std::vector<double>& sizes);

struct Interval {
  double low = 0;
  double high = 1;
};

// The Wilson score interval for k successes in n trials at normal quantile z (1.96 ≈ 95 %).
// Chosen over the plain (Wald) interval because it stays inside [0, 1] and keeps close to its
// nominal coverage for small n and for rates near 0 or 1, which is the usual case here (a
// dozen comparable tenders, most with two or more bids). n = 0 gives [0, 1].
Interval WilsonInterval(uint64_t k, uint64_t n, double z = 1.959963984540054);

}  // namespace samspill::market
