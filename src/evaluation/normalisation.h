// Normalisation: optional rescaling of quality scores so the best bid on each criterion
// gets the maximum score, S' = 10·S / max S (a column of zeros stays zeros).
//
// Legally disputed (KOFA 2021/1000, 2024/0759: two reasonable normalisations picked
// different winners), so it is off unless the tender announced it, and every report states
// which setting was used. Price scores are never normalised: they are relative already.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace samspill::evaluation {

// Values are stable: never renumber.
enum class Normalisation {
  kNone = 1,         // scores used as given (default)
  kBestGetsMax = 2,  // each quality criterion rescaled so its best bid gets 10
};

// API names: "none", "best_gets_max".
std::string_view NormalisationName(Normalisation normalisation);
std::optional<Normalisation> NormalisationFromName(std::string_view name);

// Rescales one criterion's scores (one per bid) in place so the maximum becomes `max_score`.
// Leaves the column unchanged when its maximum is not positive.
void NormaliseBestGetsMax(std::span<double> scores, double max_score = 10.0);

}  // namespace samspill::evaluation
