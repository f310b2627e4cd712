#include "market/cardinal/quantile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace samspill::market::cardinal {

OrderStatistics::OrderStatistics(std::vector<double> values) : sorted_(std::move(values)) {
  for (double v : sorted_) {
    if (std::isnan(v)) has_nan_ = true;
  }
  if (!has_nan_) std::sort(sorted_.begin(), sorted_.end());
}

double OrderStatistics::Quantile(double p) const {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (sorted_.empty() || has_nan_ || !(p >= 0.0 && p <= 1.0)) return kNaN;
  const auto n = static_cast<int64_t>(sorted_.size());
  // Written as statrs writes it; the library is built with -ffp-contract=off so that this
  // is not fused into an fma (which would change the last bit).
  const double h = (static_cast<double>(n) + 1.0 / 3.0) * p + 1.0 / 3.0;
  const auto k = static_cast<int64_t>(h);  // truncation, as Rust's `as i64`
  if (k <= 0 || p == 0.0) return sorted_.front();
  if (k >= n || p == 1.0) return sorted_.back();
  const double a = sorted_[static_cast<size_t>(k - 1)];
  const double b = sorted_[static_cast<size_t>(k)];
  return a + (h - static_cast<double>(k)) * (b - a);
}

double Type8Quantile(std::vector<double> values, double p) {
  return OrderStatistics(std::move(values)).Quantile(p);
}

double UpperFence(double q1, double q3) { return std::fma(q3 - q1, 1.5, q3); }
double LowerFence(double q1, double q3) { return std::fma(q3 - q1, -1.5, q1); }

double RoundMeta(double v) { return std::round(v * 10000.0) / 10000.0; }

}  // namespace samspill::market::cardinal
