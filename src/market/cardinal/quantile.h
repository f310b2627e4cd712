// The statistics behind cardinal's outlier fences, reproduced bit for bit: statrs 0.16's
// quantile estimator (Hyndman-Fan type 8) and Tukey fences computed with a fused
// multiply-add, as Rust's f64::mul_add does. Pure functions; thread-safe.
#pragma once

#include <span>
#include <vector>

namespace samspill::market::cardinal {

// The p-quantile (0 <= p <= 1) of `values`, type 8: h = (n + 1/3)p + 1/3, k = floor(h);
// x[1] if k <= 0 or p = 0, x[n] if k >= n or p = 1, else x[k] + (h - k)(x[k+1] - x[k]).
// Empty input, p outside [0, 1], or any NaN gives NaN.
double Type8Quantile(std::vector<double> values, double p);

// Sorts a copy once and answers several probabilities (Q1, Q3, a percentile).
class OrderStatistics {
 public:
  explicit OrderStatistics(std::vector<double> values);
  double Quantile(double p) const;
  double LowerQuartile() const { return Quantile(0.25); }
  double UpperQuartile() const { return Quantile(0.75); }

 private:
  std::vector<double> sorted_;
  bool has_nan_ = false;
};

// Q3 + 1.5 IQR and Q1 - 1.5 IQR, as fma(Q3 - Q1, ±1.5, Q3 or Q1).
double UpperFence(double q1, double q3);
double LowerFence(double q1, double q3);

// cardinal's Meta rounding: round(v * 10000) / 10000, halves away from zero.
double RoundMeta(double v);

}  // namespace samspill::market::cardinal
