// Advertisement-period bands of Opentender/DIGIWHIST, per country (see the project's DOMAIN
// notes §7): days from the notice (tender period start, else publication) to the deadline.
//   Norway  ≥ 49 days no risk, 29–48 medium, shorter high;
//   Denmark ≥ 52 no risk, 1–51 high;  Sweden ≥ 55 / 1–54;  Finland ≥ 31 / 0–30.
// Other countries, or missing dates, are "unknown". Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

namespace samspill::market {

// Stored as integers: never renumber.
enum class AdvertBand { kUnknown = 0, kNoRisk = 1, kMedium = 2, kHigh = 3 };
const char* AdvertBandName(AdvertBand band);  // "unknown", "no_risk", "medium", "high"

AdvertBand BandForDays(const std::string& country, int days);

// Whole days from `start` to `end` (ISO 8601 dates or date-times; the date part is used).
std::optional<int> DaysBetween(const std::string& start, const std::string& end);

}  // namespace samspill::market
