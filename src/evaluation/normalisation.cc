#include "evaluation/normalisation.h"

#include <algorithm>

namespace samspill::evaluation {

std::string_view NormalisationName(Normalisation normalisation) {
  switch (normalisation) {
    case Normalisation::kNone:
      return "none";
    case Normalisation::kBestGetsMax:
      return "best_gets_max";
  }
  return "unknown";
}

std::optional<Normalisation> NormalisationFromName(std::string_view name) {
  for (Normalisation n : {Normalisation::kNone, Normalisation::kBestGetsMax}) {
    if (NormalisationName(n) == name) return n;
  }
  return std::nullopt;
}

void NormaliseBestGetsMax(std::span<double> scores, double max_score) {
  if (scores.empty()) return;
  double best = *std::max_element(scores.begin(), scores.end());
  if (!(best > 0.0)) return;
  for (double& s : scores) s = max_score * s / best;
}

}  // namespace samspill::evaluation
