// EvaluationOptions: every setting of an evaluation with its default, written once here.
//
// Normalisation, tie rule and thresholds are part of the model announced with the tender;
// the JSON edge fills them from the bid-table document. Limits keep a single request from
// running for minutes. Plain values; thread-safe as values.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/status.h"
#include "evaluation/abnormally_low.h"
#include "evaluation/criterion_separation.h"
#include "evaluation/normalisation.h"
#include "evaluation/rank_acceptability.h"
#include "evaluation/ranking.h"

namespace samspill::evaluation {

struct SensitivityOptions {
  // false: ranking and abnormally-low check only (no stability, acceptability, withdrawal or
  // separation analysis).
  bool enabled = true;
  RankAcceptabilityOptions rank_acceptability;
  size_t max_listed_reversals = 100;  // per withdrawal; all are counted
};

struct EvaluationLimits {
  size_t max_bids = 500;
  size_t max_criteria = 50;
  int64_t max_draws = 1'000'000;
  // draws × bids × criteria: bounds the Monte Carlo work of one evaluation.
  double max_draw_work = 2e9;
};

struct EvaluationOptions {
  Normalisation normalisation = Normalisation::kNone;
  TieBreak tie_break = TieBreak::kShared;
  double tie_tolerance = kDefaultTieTolerance;
  AbnormallyLowOptions abnormally_low;
  SeparationOptions separation;
  SensitivityOptions sensitivity;
  EvaluationLimits limits;
};

// Errors name the JSON field that sets the option ("sensitivity.draws").
Status ValidateEvaluationOptions(const EvaluationOptions& options);

}  // namespace samspill::evaluation
