// Evaluate: scores and ranks the bids of a tender by its announced award model, checks the
// winner for an abnormally low price, and analyses how sensitive the outcome is to the
// weights and to bids being withdrawn.
//
// The single domain function behind `samspill evaluate` and the evaluation endpoint (through
// bid_table_json.h). Pure computation: no I/O, no clock; randomness only from the seed in
// the options. Thread-safe (no shared state).
#pragma once

#include "common/status.h"
#include "evaluation/bid_table.h"
#include "evaluation/evaluation_options.h"
#include "evaluation/evaluation_report.h"

namespace samspill::evaluation {

// InvalidArgument, naming the field, for an invalid table or options or one over the limits.
Result<EvaluationReport> Evaluate(const BidTable& table, const EvaluationOptions& options = {});

}  // namespace samspill::evaluation
