#include "evaluation/weight_stability.h"

#include <cmath>
#include <limits>

namespace samspill::evaluation {

std::string_view StabilityStatusName(StabilityStatus status) {
  switch (status) {
    case StabilityStatus::kOk:
      return "ok";
    case StabilityStatus::kSingleCriterion:
      return "single_criterion";
    case StabilityStatus::kNoUniqueWinner:
      return "no_unique_winner";
    case StabilityStatus::kNotApplicable:
      return "not_applicable";
  }
  return "unknown";
}

WinnerInterval SolveWinnerInterval(const std::vector<double>& alpha,
                                   const std::vector<double>& beta, size_t winner, double lo,
                                   double hi, double current) {
  WinnerInterval out{lo, hi, std::nullopt, std::nullopt};
  // Slope of the challenger that binds at each bound: just outside the bound, the binding
  // bid with the steepest relative slope has the highest merit and takes over.
  double below_slope = 0.0;
  double above_slope = 0.0;
  for (size_t i = 0; i < alpha.size(); ++i) {
    if (i == winner) continue;
    // d(t) = m_W(t) − m_i(t) = a + b·t must stay ≥ 0.
    const double a = alpha[winner] - alpha[i];
    const double b = beta[winner] - beta[i];
    if (b == 0.0) continue;  // parallel: the order never changes
    const double crossing = -a / b;
    if (!std::isfinite(crossing)) continue;
    if (b > 0.0) {
      // d grows with t: the winner loses below the crossing.
      if (crossing > out.min || (crossing == out.min && out.challenger_below && b > below_slope)) {
        if (crossing > lo) {
          out.min = crossing;
          out.challenger_below = i;
          below_slope = b;
        }
      }
    } else {
      if (crossing < out.max || (crossing == out.max && out.challenger_above && -b > above_slope)) {
        if (crossing < hi) {
          out.max = crossing;
          out.challenger_above = i;
          above_slope = -b;
        }
      }
    }
  }
  // Float noise at an exact tie may put a crossing a hair on the wrong side of the current
  // value; the current setting is by definition one where the winner wins.
  if (out.min > current) out.min = current;
  if (out.max < current) out.max = current;
  return out;
}

std::vector<WeightStability> AnalyseWeightStability(const ScoreMatrix& matrix,
                                                    std::optional<size_t> winner) {
  const size_t n = matrix.bid_count;
  const size_t m = matrix.criterion_count;
  std::vector<WeightStability> out(m);
  std::vector<double> alpha(n), beta(n);
  for (size_t k = 0; k < m; ++k) {
    WeightStability& s = out[k];
    s.criterion = k;
    if (matrix.lower_is_better) {
      s.current = -matrix.coefficients[k];
      if (matrix.price_criterion == k) {
        s.status = StabilityStatus::kNotApplicable;
        s.current = matrix.coefficients[k];
        continue;
      }
    } else {
      s.current = matrix.coefficients[k];
      if (m == 1) {
        s.status = StabilityStatus::kSingleCriterion;
        continue;
      }
    }
    if (!winner) {
      s.status = StabilityStatus::kNoUniqueWinner;
      continue;
    }
    WinnerInterval interval;
    if (matrix.lower_is_better) {
      // merit_i(v) = −(evaluated price without criterion k) + v·S_ik.
      for (size_t i = 0; i < n; ++i) {
        alpha[i] = -(matrix.Total(i) - matrix.Contribution(i, k));
        beta[i] = matrix.value(i, k);
      }
      interval = SolveWinnerInterval(alpha, beta, *winner, 0.0,
                                     std::numeric_limits<double>::infinity(), s.current);
    } else {
      // T_i(t) = R_i + t·(S_ik − R_i), R_i = Σ_{j≠k} w_j·S_ij / (1 − w_k).
      const double rest = 1.0 - matrix.coefficients[k];
      for (size_t i = 0; i < n; ++i) {
        double others = 0.0;
        for (size_t j = 0; j < m; ++j) {
          if (j != k) others += matrix.Contribution(i, j);
        }
        const double r = rest > 0.0 ? others / rest : 0.0;
        alpha[i] = r;
        beta[i] = matrix.value(i, k) - r;
      }
      interval = SolveWinnerInterval(alpha, beta, *winner, 0.0, 1.0, s.current);
    }
    s.min = interval.min;
    if (std::isfinite(interval.max)) s.max = interval.max;
    s.challenger_below = interval.challenger_below;
    s.challenger_above = interval.challenger_above;
  }
  return out;
}

}  // namespace samspill::evaluation
