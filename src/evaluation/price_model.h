// PriceModel: how an offered price becomes something comparable (DFØ "Veileder i evaluering
// av tilbud", DOMAIN.md §3), and the 0–10 price scores of the two score-based models.
//
// Pb is the lowest price among the bids being compared. Linear scores are never clamped: a
// price more than twice the lowest scores below zero, which is lawful (KOFA 2015/60).
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace samspill::evaluation {

// Announced with the tender and locked at publication. Values are stable: never renumber.
enum class PriceModel {
  kLinear = 1,          // S = 10 − 10·(P − Pb)/Pb
  kProportional = 2,    // S = 10·Pb/P
  kQualityPricing = 3,  // prissetting av kvalitet: evaluated price = P − Σ value·points
};

// API names: "linear", "proportional", "quality_pricing".
std::string_view PriceModelName(PriceModel model);
std::optional<PriceModel> PriceModelFromName(std::string_view name);

// Preconditions for both: 0 < lowest_minor <= price_minor.
double LinearPriceScore(int64_t price_minor, int64_t lowest_minor);
double ProportionalPriceScore(int64_t price_minor, int64_t lowest_minor);

// The score under a score-based model (kLinear or kProportional). Quality pricing has no
// price score; asking for one is a bug (asserts) and returns 0.
double PriceScore(PriceModel model, int64_t price_minor, int64_t lowest_minor);

}  // namespace samspill::evaluation
