#include "market/competition/statistics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace samspill::market {

Concentration ComputeConcentration(const std::vector<double>& sizes) {
  Concentration c;
  double total = std::accumulate(sizes.begin(), sizes.end(), 0.0);
  if (sizes.empty() || total <= 0) return c;
  c.suppliers = sizes.size();
  std::vector<double> shares;
  for (double s : sizes) shares.push_back(s / total);
  std::sort(shares.begin(), shares.end(), std::greater<>());
  for (double s : shares) c.hhi += (100 * s) * (100 * s);
  for (size_t i = 0; i < shares.size() && i < 3; ++i) c.top3_share += shares[i];
  return c;
}

Interval WilsonInterval(uint64_t k, uint64_t n, double z) {
  if (n == 0) return {0, 1};
  double nn = static_cast<double>(n);
  double p = static_cast<double>(k) / nn;
  double z2 = z * z;
  double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace samspill::market
