// The Monte-Carlo as first written (commit 1b5c4ee), kept as the baseline BM_MonteCarlo100k is
// measured against in the same run: one SplitMix64 draw per line and round, made round by round,
// lines whose years have one shape drawn with one quantile, the others year by year with scalar
// square roots. Same input and figures of the same distribution; not the same draws.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "decision/business_case.h"

namespace samspill::decision {

inline Result<MonteCarloResult> MonteCarloBefore(const BusinessCase& c,
                                                 const MonteCarloOptions& options) {
  SAMSPILL_RETURN_IF_ERROR(ValidateCase(c));
  if (options.draws < 1 || options.draws > 10'000'000) {
    return InvalidArgument("draws must be between 1 and 10 000 000", "draws");
  }
  // An item is a named line of an alternative with an amount per year; one draw per line and
  // round serves all its years (a contract price that runs high runs high every year). Per line,
  // once: its years' signed, discounted bounds. Where every year has the same shape (the mode at
  // the same place between low and high) the line's present value is linear in one quantile of
  // the unit triangle, so a round costs one quantile per line, not one per year.
  struct Year {
    double low = 0, mode = 0, high = 0, factor = 0;
  };
  struct Line {
    size_t alternative = 0;
    std::vector<Year> years;
    bool linear = true;
    double shape = 0;              // (mode − low) / (high − low), when linear
    double offset = 0, scale = 0;  // Σ factor·low and Σ factor·(high − low), when linear
  };
  std::map<std::string, size_t> index;
  for (const Alternative& a : c.alternatives) index.emplace(a.id, index.size());
  std::map<std::tuple<std::string, std::string, ItemKind>, size_t> line_of;
  std::vector<Line> lines;
  for (const CaseItem& item : c.items) {
    if (item.uncertain) continue;
    const auto key = std::make_tuple(item.alternative_id, item.name, item.kind);
    auto [it, added] = line_of.emplace(key, lines.size());
    if (added) lines.push_back({.alternative = index[item.alternative_id]});
    const double sign = item.kind == ItemKind::kSaving ? 1.0 : -1.0;
    lines[it->second].years.push_back(
        {static_cast<double>(item.low), static_cast<double>(item.base),
         static_cast<double>(item.high),
         sign * DiscountFactor(c.discount, item.year - c.first_year)});
  }
  for (Line& line : lines) {
    std::optional<double> shape;
    for (const Year& y : line.years) {
      const double width = y.high - y.low;
      line.offset += y.factor * y.low;
      line.scale += y.factor * width;
      if (width > 0 && !shape) shape = (y.mode - y.low) / width;
    }
    line.shape = shape.value_or(0.5);
    // Moving a year's mode by Δ (as a share of its width) moves its quantiles by at most Δ·width:
    // the line stays linear while that is below one krone a year (amounts are whole kroner, so a
    // line scaled by year rarely has exactly the same shape every year).
    double error = 0;
    for (const Year& y : line.years) {
      const double width = y.high - y.low;
      if (width > 0)
        error += std::abs(y.factor) * width * std::abs((y.mode - y.low) / width - line.shape);
    }
    line.linear = error < static_cast<double>(line.years.size());
  }
  const size_t n = c.alternatives.size();
  const size_t baseline = index[c.baseline_id];
  std::vector<std::vector<double>> values(n, std::vector<double>(options.draws));
  std::vector<int64_t> better(n, 0);
  // SplitMix64: small, fast and the same on every platform, which the reproducibility needs.
  uint64_t state = options.seed;
  auto rng = [&state] {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  std::vector<double> round(n);
  // The linear lines packed apart, so a round runs through a small contiguous array; the unit
  // triangle's two branches are both computed and one chosen, since u falls on either side at
  // random and a mispredicted branch would cost more than the second square root.
  struct Packed {
    uint32_t alternative = 0;
    double shape = 0, offset = 0, scale = 0;
  };
  std::vector<Packed> packed;
  std::vector<const Line*> by_year;
  for (const Line& line : lines) {
    if (line.linear) {
      packed.push_back(
          {static_cast<uint32_t>(line.alternative), line.shape, line.offset, line.scale});
    } else {
      by_year.push_back(&line);
    }
  }
  for (int d = 0; d < options.draws; ++d) {
    std::fill(round.begin(), round.end(), 0.0);
    for (const Packed& p : packed) {
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      const double below = std::sqrt(u * p.shape);
      const double above = 1 - std::sqrt((1 - u) * (1 - p.shape));
      round[p.alternative] += p.offset + p.scale * (u < p.shape ? below : above);
    }
    for (const Line* line : by_year) {
      const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
      for (const Year& y : line->years) {
        round[line->alternative] += y.factor * TriangularQuantile(y.low, y.mode, y.high, u);
      }
    }
    for (size_t a = 0; a < n; ++a) {
      values[a][d] = round[a];
      if (a != baseline && round[a] > round[baseline]) ++better[a];
    }
  }
  MonteCarloResult out{options.seed, options.draws, {}};
  auto quantile = [](std::vector<double>& v, double q) {
    const size_t k = static_cast<size_t>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    return v[k];
  };
  for (size_t a = 0; a < n; ++a) {
    std::vector<double>& v = values[a];
    double sum = 0;
    for (double x : v) sum += x;
    AlternativeRange r;
    r.alternative_id = c.alternatives[a].id;
    r.mean = sum / static_cast<double>(v.size());
    r.p10 = quantile(v, 0.10);
    r.p50 = quantile(v, 0.50);
    r.p90 = quantile(v, 0.90);
    r.probability_better_than_baseline =
        static_cast<double>(better[a]) / static_cast<double>(options.draws);
    out.alternatives.push_back(std::move(r));
  }
  return out;
}

}  // namespace samspill::decision
