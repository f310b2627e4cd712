// AwardModel: the award criteria, weights and scoring model a tender announces — and the
// lock that fixes them at publication.
//
// DOMAIN.md §2 (KOFA 2025/0993): criteria, weights, price model, scales and any
// normalisation are fixed when the tender is published; changing the announced model later
// is a breach. LockAwardModel() returns the model with a SHA-256 of its canonical text, so
// anyone can later recompute the hash and prove nothing changed (VerifyAwardModelLock).
// The model uses the evaluation engine's own types, so what is announced is exactly what
// is evaluated. Pure values and functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "evaluation/bid_table.h"
#include "evaluation/normalisation.h"
#include "evaluation/price_model.h"
#include "evaluation/ranking.h"
#include "evaluation/weighting.h"
#include "tendering/legal_regime.h"

namespace samspill::tendering {

struct AwardModel {
  evaluation::PriceModel price_model = evaluation::PriceModel::kProportional;
  evaluation::Weighting weighting = evaluation::Weighting::kWeights;
  evaluation::Normalisation normalisation = evaluation::Normalisation::kNone;
  evaluation::TieBreak tie_break = evaluation::TieBreak::kShared;
  std::string currency = "NOK";
  std::vector<evaluation::Criterion> criteria;

  friend bool operator==(const AwardModel&, const AwardModel&) = default;
};

// What the regime and the tender ask of the model, beyond its own well-formedness.
struct AwardModelRules {
  // FOA § 7-9 (from 2024-01-01): climate and environment weigh at least 30 % unless a
  // documented exception applies. Set by the tender when § 7-9 applies.
  bool climate_weight_required = false;
  double min_climate_weight_share = 0.30;
  std::string climate_exception;  // the documented reason when the 30 % is not met

  friend bool operator==(const AwardModelRules&, const AwardModelRules&) = default;
};

// Errors name the field ("criteria[1].weight"). Checks: the evaluation engine's rules for
// criteria (ids, kinds, weights/priorities/values per point, one price criterion); part III
// needs announced weights (a priority order is not enough, DOMAIN.md §1); the climate share
// when required, unless an exception is documented.
Status ValidateAwardModel(const AwardModel& model, LegalRegime regime,
                          const AwardModelRules& rules = {});

// The climate part of ValidateAwardModel: when rules.climate_weight_required, environment
// criteria weigh at least min_climate_weight_share unless rules.climate_exception gives the
// documented reason (FOA § 7-9, from 2024-01-01; DOMAIN.md §1). Field "criteria".
Status CheckClimateWeight(const AwardModel& model, const AwardModelRules& rules);

// The share of the total weight on environment criteria (0 when weights are not used).
double ClimateWeightShare(const AwardModel& model);

// One line per setting and per criterion, numbers printed exactly: the text the hash covers.
std::string CanonicalAwardModelText(const AwardModel& model);

struct LockedAwardModel {
  AwardModel model;
  std::string sha256;  // hex SHA-256 of CanonicalAwardModelText(model)
  Timestamp locked_at;

  friend bool operator==(const LockedAwardModel&, const LockedAwardModel&) = default;
};

// Validates and locks; called once, at publication.
Result<LockedAwardModel> LockAwardModel(const AwardModel& model, LegalRegime regime,
                                        const AwardModelRules& rules, Timestamp now);

// kInternal when the stored model no longer matches its hash: the lock was tampered with.
Status VerifyAwardModelLock(const LockedAwardModel& locked);

}  // namespace samspill::tendering
