#include "tendering/legal_regime.h"

#include <utility>

#include "common/format_nb.h"

namespace samspill::tendering {
namespace {

std::string FormatNok(const Money& money) { return FormatMoneyNb(money); }

// "NOK 1,300,000": the English explanation writes amounts as English pages do.
std::string FormatNokEn(const Money& money) {
  std::string digits = std::to_string(money.minor / 100);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(at, ",");
  return "NOK " + digits;
}

// The threshold in words, never its table id ("eea_municipal").
std::string ThresholdNameEn(ThresholdKind kind) {
  switch (kind) {
    case ThresholdKind::kLowerLimit:
      return "the lower limit of the procurement rules";
    case ThresholdKind::kNational:
      return "the national threshold";
    case ThresholdKind::kEeaMunicipal:
      return "the EEA threshold for municipalities";
    case ThresholdKind::kEeaCentralGovernment:
      return "the EEA threshold for central government";
    case ThresholdKind::kEeaHealthSocial:
      return "the EEA threshold for health and social services";
  }
  return "the threshold";
}

std::string Describe(const ThresholdRow& row) {
  return ThresholdNameEn(row.kind) + " " + FormatNokEn(row.value) + " (from " +
         row.valid_from.ToIso() + ")";
}

}  // namespace

std::string_view LegalRegimeName(LegalRegime regime) {
  switch (regime) {
    case LegalRegime::kOutside:
      return "outside";
    case LegalRegime::kPartI:
      return "part_i";
    case LegalRegime::kPartII:
      return "part_ii";
    case LegalRegime::kPartIII:
      return "part_iii";
    case LegalRegime::kPartIV:
      return "part_iv";
  }
  return "unknown";
}

std::string_view LegalRegimeLabelEn(LegalRegime regime) {
  switch (regime) {
    case LegalRegime::kOutside:
      return "Outside the procurement rules";
    case LegalRegime::kPartI:
      return "FOA part I";
    case LegalRegime::kPartII:
      return "FOA part II";
    case LegalRegime::kPartIII:
      return "FOA part III";
    case LegalRegime::kPartIV:
      return "FOA part IV chapter 30";
  }
  return "unknown";
}

std::string_view LegalRegimeLabelNb(LegalRegime regime) {
  switch (regime) {
    case LegalRegime::kOutside:
      return "Utenfor anskaffelsesregelverket";
    case LegalRegime::kPartI:
      return "FOA del I";
    case LegalRegime::kPartII:
      return "FOA del II";
    case LegalRegime::kPartIII:
      return "FOA del III";
    case LegalRegime::kPartIV:
      return "FOA del IV kapittel 30";
  }
  return "ukjent";
}

Result<RegimeDecision> DetermineRegime(const RegimeInput& input, const ThresholdTable& table) {
  if (input.estimated_value.currency != "NOK") {
    return InvalidArgument("the estimated value must be in NOK excl. VAT, got currency '" +
                               input.estimated_value.currency + "'",
                           "estimated_value.currency");
  }
  if (input.estimated_value.minor < 0) {
    return InvalidArgument("the estimated value cannot be negative", "estimated_value");
  }
  const Date& date = input.decision_date;
  const int64_t value = input.estimated_value.minor;
  const std::string value_text = FormatNok(input.estimated_value);
  const std::string value_en = FormatNokEn(input.estimated_value);

  RegimeDecision decision;
  SAMSPILL_ASSIGN_OR_RETURN(ThresholdRow lower, table.InForce(ThresholdKind::kLowerLimit, date));
  decision.thresholds_used.push_back(lower);
  if (value < lower.value.minor) {
    decision.regime = LegalRegime::kOutside;
    decision.explanation_nb = "Anslått verdi " + value_text + " er under nedre terskel " +
                              FormatNok(lower.value) + ": regelverket gjelder ikke.";
    decision.explanation_en = "Estimated value " + value_en + " is below " + Describe(lower) +
                              ": the procurement rules do not apply.";
    return decision;
  }

  if (input.category == ServiceCategory::kHealthAndSocial) {
    SAMSPILL_ASSIGN_OR_RETURN(ThresholdRow part_iv,
                              table.InForce(ThresholdKind::kEeaHealthSocial, date));
    decision.thresholds_used.push_back(part_iv);
    if (value >= part_iv.value.minor) {
      decision.regime = LegalRegime::kPartIV;
      decision.explanation_nb = "Helse- og sosialtjenester: anslått verdi " + value_text +
                                " er minst EØS-terskelen " + FormatNok(part_iv.value) +
                                ": FOA del IV kapittel 30.";
      decision.explanation_en = "Health and social services: estimated value " + value_en +
                                " is at or above " + Describe(part_iv) +
                                ": FOA part IV chapter 30.";
    } else {
      decision.regime = LegalRegime::kPartI;
      decision.explanation_nb = "Helse- og sosialtjenester: anslått verdi " + value_text +
                                " er under EØS-terskelen " + FormatNok(part_iv.value) +
                                ": bare LOA og FOA del I.";
      decision.explanation_en = "Health and social services: estimated value " + value_en +
                                " is below " + Describe(part_iv) + ": LOA and FOA part I only.";
    }
    return decision;
  }

  SAMSPILL_ASSIGN_OR_RETURN(ThresholdRow national, table.InForce(ThresholdKind::kNational, date));
  const ThresholdKind eea_kind = input.buyer == BuyerType::kMunicipal
                                     ? ThresholdKind::kEeaMunicipal
                                     : ThresholdKind::kEeaCentralGovernment;
  SAMSPILL_ASSIGN_OR_RETURN(ThresholdRow eea, table.InForce(eea_kind, date));
  decision.thresholds_used.push_back(national);
  decision.thresholds_used.push_back(eea);
  if (value >= eea.value.minor) {
    decision.regime = LegalRegime::kPartIII;
    decision.weights_required = true;
    decision.explanation_nb = "Anslått verdi " + value_text + " er minst EØS-terskelen " +
                              FormatNok(eea.value) +
                              ": FOA del III; tildelingskriteriene må vektes.";
    decision.explanation_en = "Estimated value " + value_en + " is at or above " + Describe(eea) +
                              ": FOA part III; award criteria must be weighted.";
  } else if (value >= national.value.minor) {
    decision.regime = LegalRegime::kPartII;
    decision.priority_order_suffices = true;
    decision.explanation_nb = "Anslått verdi " + value_text + " er minst nasjonal terskel " +
                              FormatNok(national.value) + " og under EØS-terskelen " +
                              FormatNok(eea.value) +
                              ": FOA del II; prioritert rekkefølge av kriteriene er nok.";
    decision.explanation_en = "Estimated value " + value_en + " is at or above " +
                              Describe(national) + " and below " + Describe(eea) +
                              ": FOA part II; a priority order of the criteria suffices.";
  } else {
    decision.regime = LegalRegime::kPartI;
    decision.explanation_nb = "Anslått verdi " + value_text + " er under nasjonal terskel " +
                              FormatNok(national.value) + ": LOA og FOA del I.";
    decision.explanation_en =
        "Estimated value " + value_en + " is below " + Describe(national) + ": LOA and FOA part I.";
  }
  return decision;
}

}  // namespace samspill::tendering
