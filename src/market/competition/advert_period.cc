#include "market/competition/advert_period.h"

#include "common/time.h"

namespace samspill::market {

const char* AdvertBandName(AdvertBand band) {
  switch (band) {
    case AdvertBand::kUnknown:
      return "unknown";
    case AdvertBand::kNoRisk:
      return "no_risk";
    case AdvertBand::kMedium:
      return "medium";
    case AdvertBand::kHigh:
      return "high";
  }
  return "unknown";
}

AdvertBand BandForDays(const std::string& country, int days) {
  if (days < 0) return AdvertBand::kUnknown;
  if (country == "NO") {
    if (days >= 49) return AdvertBand::kNoRisk;
    if (days >= 29) return AdvertBand::kMedium;
    return AdvertBand::kHigh;
  }
  int no_risk_from = country == "DK" ? 52 : country == "SE" ? 55 : country == "FI" ? 31 : -1;
  if (no_risk_from < 0) return AdvertBand::kUnknown;
  return days >= no_risk_from ? AdvertBand::kNoRisk : AdvertBand::kHigh;
}

std::optional<int> DaysBetween(const std::string& start, const std::string& end) {
  if (start.size() < 10 || end.size() < 10) return std::nullopt;
  auto a = ParseIsoDate(start.substr(0, 10));
  auto b = ParseIsoDate(end.substr(0, 10));
  if (!a.ok() || !b.ok()) return std::nullopt;
  return static_cast<int>(::samspill::DaysBetween(*a, *b));
}

}  // namespace samspill::market
