#include "tendering/award_model.h"

#include <sodium.h>

#include <cmath>
#include <cstdio>

namespace samspill::tendering {
namespace {

// Exact, locale-independent text of a double: enough digits to round-trip.
std::string Exact(double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

// Lengths before strings, so no choice of ids can make two models print alike.
std::string Field(std::string_view text) {
  return std::to_string(text.size()) + ":" + std::string(text);
}

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

}  // namespace

double ClimateWeightShare(const AwardModel& model) {
  if (model.weighting == evaluation::Weighting::kValuePerPoint) return 0.0;
  evaluation::BidTable table;
  table.weighting = model.weighting;
  table.criteria = model.criteria;
  std::vector<double> weights = evaluation::NormalisedWeights(table);
  double share = 0.0;
  for (size_t i = 0; i < model.criteria.size() && i < weights.size(); ++i) {
    if (model.criteria[i].kind == evaluation::CriterionKind::kEnvironment) share += weights[i];
  }
  return share;
}

Status ValidateAwardModel(const AwardModel& model, LegalRegime regime,
                          const AwardModelRules& rules) {
  if (model.criteria.empty())
    return InvalidArgument("announce at least one award criterion", "criteria");
  // The engine's own rules, checked on a table with one neutral bid so a model that
  // validates here is one the engine will evaluate.
  evaluation::BidTable table;
  table.price_model = model.price_model;
  table.weighting = model.weighting;
  table.currency = model.currency;
  table.criteria = model.criteria;
  table.bids.push_back({"probe", "", 100, std::vector<double>(model.criteria.size(), 0.0), {}});
  SAMSPILL_RETURN_IF_ERROR(evaluation::ValidateBidTable(table));

  // An announced model is exactly what the officer typed: weights are percentages that add up
  // to 100, never rescaled behind the officer's back (40/40/10 is not 44/44/11).
  if (model.weighting == evaluation::Weighting::kWeights) {
    double sum = 0.0;
    for (const evaluation::Criterion& c : model.criteria) sum += c.weight;
    if (std::fabs(sum - 100.0) > 1e-6) {
      char total[40];
      std::snprintf(total, sizeof total, "%g", sum);
      return InvalidArgument(std::string("the weights add up to ") + total +
                                 " %; announced weights must add up to exactly 100 %",
                             "criteria");
    }
  }
  if (regime == LegalRegime::kPartIII &&
      model.weighting == evaluation::Weighting::kPriorityRankOrderCentroid) {
    return InvalidArgument(
        "FOA part III requires announced weights for the award criteria; a priority order is "
        "not enough",
        "weighting");
  }
  return CheckClimateWeight(model, rules);
}

Status CheckClimateWeight(const AwardModel& model, const AwardModelRules& rules) {
  if (rules.climate_weight_required && model.weighting != evaluation::Weighting::kValuePerPoint) {
    double share = ClimateWeightShare(model);
    if (share + 1e-12 < rules.min_climate_weight_share &&
        rules.climate_exception.find_first_not_of(" \t\r\n") == std::string::npos) {
      char percent[32];
      std::snprintf(percent, sizeof percent, "%.1f", share * 100.0);
      return InvalidArgument(std::string("climate and environment weigh ") + percent +
                                 " %; FOA § 7-9 requires at least 30 % unless a documented "
                                 "exception applies",
                             "criteria");
    }
  }
  return Status::Ok();
}

std::string CanonicalAwardModelText(const AwardModel& model) {
  std::string out = "samspill-award-model-v1\n";
  out += "price_model " + std::string(evaluation::PriceModelName(model.price_model)) + "\n";
  out += "weighting " + std::string(evaluation::WeightingName(model.weighting)) + "\n";
  out += "normalisation " + std::string(evaluation::NormalisationName(model.normalisation)) + "\n";
  out += "tie_break " + std::string(evaluation::TieBreakName(model.tie_break)) + "\n";
  out += "currency " + Field(model.currency) + "\n";
  for (const evaluation::Criterion& c : model.criteria) {
    out += "criterion " + Field(c.id) + " " + Field(c.name) + " " +
           std::string(evaluation::CriterionKindName(c.kind)) + " weight " + Exact(c.weight) +
           " priority " + std::to_string(c.priority) + " value_per_point_minor " +
           std::to_string(c.value_per_point_minor) + "\n";
  }
  return out;
}

Result<LockedAwardModel> LockAwardModel(const AwardModel& model, LegalRegime regime,
                                        const AwardModelRules& rules, Timestamp now) {
  SAMSPILL_RETURN_IF_ERROR(ValidateAwardModel(model, regime, rules));
  return LockedAwardModel{model, Sha256Hex(CanonicalAwardModelText(model)), now};
}

Status VerifyAwardModelLock(const LockedAwardModel& locked) {
  if (locked.sha256 != Sha256Hex(CanonicalAwardModelText(locked.model))) {
    return Internal("the award model no longer matches the hash locked at publication " +
                    locked.locked_at.ToIso() + ": it has been changed");
  }
  return Status::Ok();
}

}  // namespace samspill::tendering
