#include "evaluation/price_model.h"

#include <cassert>

namespace samspill::evaluation {

std::string_view PriceModelName(PriceModel model) {
  switch (model) {
    case PriceModel::kLinear:
      return "linear";
    case PriceModel::kProportional:
      return "proportional";
    case PriceModel::kQualityPricing:
      return "quality_pricing";
  }
  return "unknown";
}

std::optional<PriceModel> PriceModelFromName(std::string_view name) {
  for (PriceModel model :
       {PriceModel::kLinear, PriceModel::kProportional, PriceModel::kQualityPricing}) {
    if (PriceModelName(model) == name) return model;
  }
  return std::nullopt;
}

double LinearPriceScore(int64_t price_minor, int64_t lowest_minor) {
  // The difference is taken in integer øre so it is exact before the one division.
  double excess = static_cast<double>(price_minor - lowest_minor);
  return 10.0 - 10.0 * excess / static_cast<double>(lowest_minor);
}

double ProportionalPriceScore(int64_t price_minor, int64_t lowest_minor) {
  return 10.0 * static_cast<double>(lowest_minor) / static_cast<double>(price_minor);
}

double PriceScore(PriceModel model, int64_t price_minor, int64_t lowest_minor) {
  switch (model) {
    case PriceModel::kLinear:
      return LinearPriceScore(price_minor, lowest_minor);
    case PriceModel::kProportional:
      return ProportionalPriceScore(price_minor, lowest_minor);
    case PriceModel::kQualityPricing:
      break;
  }
  assert(false && "quality pricing has no price score");
  return 0.0;
}

}  // namespace samspill::evaluation
