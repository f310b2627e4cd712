// Front door of the evaluation module: scoring and ranking bids by a tender's announced award
// model (DFØ price models, weights or priority order, quality pricing), the abnormally-low
// check, and the sensitivity analyses (weight stability, rank acceptability, withdrawal and
// rank reversal, criterion separation).
//
// Most callers need only EvaluateBidTableJson() (bid_table_json.h); domain code with typed
// data calls Evaluate() (evaluate.h). Other modules reading JSON from outside use the same
// field readers (common/json_fields.h) and criteria parser (ParseCriteriaJson). Everything here is
// pure computation without I/O and is thread-safe unless a header says otherwise (Ranker is
// per-thread scratch).
#pragma once

#include "evaluation/abnormally_low.h"
#include "evaluation/bid_table.h"
#include "evaluation/bid_table_json.h"
#include "evaluation/criterion_separation.h"
#include "evaluation/evaluate.h"
#include "evaluation/evaluation_options.h"
#include "evaluation/evaluation_report.h"
#include "evaluation/normalisation.h"
#include "evaluation/price_model.h"
#include "evaluation/rank_acceptability.h"
#include "evaluation/ranking.h"
#include "evaluation/report_json.h"
#include "evaluation/score_matrix.h"
#include "evaluation/weight_stability.h"
#include "evaluation/weighting.h"
#include "evaluation/withdrawal.h"
