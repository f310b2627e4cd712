// LegalRegime: which part of anskaffelsesforskriften (FOA) governs a tender, and why.
//
// DOMAIN.md §1: the regime follows from the estimated total value excl. VAT including options
// and extensions, the service category and the buyer type, compared with the thresholds in force
// on the decision (publication) date. Every threshold comes from a ThresholdTable; this file holds
// no amounts. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"
#include "tendering/threshold_table.h"

namespace samspill::tendering {

// Stored with tenders: never renumber.
enum class ServiceCategory {
  kOrdinary = 1,         // goods and ordinary services
  kHealthAndSocial = 2,  // helse- og sosialtjenester (FOA part IV chapter 30 above its threshold)
};

// Stored with tenders: never renumber.
enum class BuyerType {
  kMunicipal = 1,          // kommune, fylkeskommune
  kCentralGovernment = 2,  // statlig oppdragsgiver
};

// Stored with decisions: never renumber.
enum class LegalRegime {
  kOutside = 1,  // below the LOA lower limit: the procurement rules do not apply
  kPartI = 2,    // LOA and FOA part I only
  kPartII = 3,   // FOA part II (national threshold up to the EEA threshold)
  kPartIII = 4,  // FOA part III (at or above the EEA threshold)
  kPartIV = 5,   // FOA part IV chapter 30 (health and social services at or above its threshold)
};

std::string_view LegalRegimeName(LegalRegime regime);     // "outside", "part_i", …
std::string_view LegalRegimeLabelNb(LegalRegime regime);  // "FOA del III", …
std::string_view LegalRegimeLabelEn(LegalRegime regime);  // "FOA part III", …

struct RegimeInput {
  // Estimated total value excl. VAT, including options and extensions. NOK, not negative.
  Money estimated_value;
  ServiceCategory category = ServiceCategory::kOrdinary;
  BuyerType buyer = BuyerType::kMunicipal;
  Date decision_date;  // the publication date: thresholds in force then apply
};

struct RegimeDecision {
  LegalRegime regime = LegalRegime::kOutside;
  // The rows compared with the value, lowest first: what a reviewer needs to re-check the result.
  std::vector<ThresholdRow> thresholds_used;
  std::string explanation_nb;
  std::string explanation_en;
  // DOMAIN.md §1 last bullet: part III needs announced weights (a range is allowed); part II may
  // use a priority order instead. Parts I and IV: the sources state neither, so both are false.
  bool weights_required = false;
  bool priority_order_suffices = false;

  friend bool operator==(const RegimeDecision&, const RegimeDecision&) = default;
};

// InvalidArgument for a non-NOK or negative value (field "estimated_value"); NotFound when a
// threshold the decision needs is not in force on the decision date.
Result<RegimeDecision> DetermineRegime(const RegimeInput& input, const ThresholdTable& table);

}  // namespace samspill::tendering
