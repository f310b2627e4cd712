#include "evaluation/score_matrix.h"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace samspill::evaluation {

double ScoreMatrix::Total(size_t bid) const {
  double total = offsets[bid];
  for (size_t k = 0; k < criterion_count; ++k) total += Contribution(bid, k);
  return total;
}

void ScoreMatrix::FillMerits(std::span<const double> coefs, std::span<double> merits) const {
  assert(coefs.size() == criterion_count && merits.size() == bid_count);
  const double sign = MeritSign();
  const double* row = values.data();
  for (size_t i = 0; i < bid_count; ++i, row += criterion_count) {
    double total = offsets[i];
    for (size_t k = 0; k < criterion_count; ++k) total += coefs[k] * row[k];
    merits[i] = sign * total;
  }
}

std::vector<double> ScoreMatrix::Merits() const {
  std::vector<double> merits(bid_count);
  FillMerits(coefficients, merits);
  return merits;
}

ScoreMatrix BuildScoreMatrix(const BidTable& table, Normalisation normalisation) {
  std::vector<size_t> all(table.bids.size());
  std::iota(all.begin(), all.end(), size_t{0});
  return BuildScoreMatrix(table, normalisation, all);
}

ScoreMatrix BuildScoreMatrix(const BidTable& table, Normalisation normalisation,
                             std::span<const size_t> bids) {
  ScoreMatrix m;
  m.bid_count = bids.size();
  m.criterion_count = table.criteria.size();
  m.price_model = table.price_model;
  m.price_criterion = PriceCriterionIndex(table);
  m.lower_is_better = table.price_model == PriceModel::kQualityPricing;
  m.values.assign(m.bid_count * m.criterion_count, 0.0);
  m.offsets.assign(m.bid_count, 0.0);
  m.prices_minor.resize(m.bid_count);
  for (size_t i = 0; i < m.bid_count; ++i) m.prices_minor[i] = table.bids[bids[i]].price_minor;
  m.lowest_price_minor =
      m.prices_minor.empty() ? 0 : *std::min_element(m.prices_minor.begin(), m.prices_minor.end());

  std::vector<double> column(m.bid_count);
  for (size_t k = 0; k < m.criterion_count; ++k) {
    const Criterion& criterion = table.criteria[k];
    for (size_t i = 0; i < m.bid_count; ++i) {
      const Bid& bid = table.bids[bids[i]];
      if (IsQualityLike(criterion.kind)) {
        column[i] = bid.scores[k];
      } else if (m.lower_is_better) {
        column[i] = static_cast<double>(bid.price_minor) / 100.0;
      } else {
        column[i] = PriceScore(table.price_model, bid.price_minor, m.lowest_price_minor);
      }
    }
    for (size_t i = 0; i < m.bid_count; ++i) m.values[i * m.criterion_count + k] = column[i];
  }
  m.raw_scores = m.values;
  if (normalisation == Normalisation::kBestGetsMax) {
    for (size_t k = 0; k < m.criterion_count; ++k) {
      if (!IsQualityLike(table.criteria[k].kind)) continue;
      for (size_t i = 0; i < m.bid_count; ++i) column[i] = m.values[i * m.criterion_count + k];
      NormaliseBestGetsMax(column, kMaxScore);
      for (size_t i = 0; i < m.bid_count; ++i) m.values[i * m.criterion_count + k] = column[i];
    }
  }

  if (m.lower_is_better) {
    m.coefficients.assign(m.criterion_count, 0.0);
    for (size_t k = 0; k < m.criterion_count; ++k) {
      const Criterion& criterion = table.criteria[k];
      m.coefficients[k] = IsQualityLike(criterion.kind)
                              ? -static_cast<double>(criterion.value_per_point_minor) / 100.0
                              : 1.0;
    }
    if (!m.price_criterion) {
      for (size_t i = 0; i < m.bid_count; ++i) {
        m.offsets[i] = static_cast<double>(m.prices_minor[i]) / 100.0;
      }
    }
  } else {
    m.coefficients = NormalisedWeights(table);
  }
  return m;
}

}  // namespace samspill::evaluation
