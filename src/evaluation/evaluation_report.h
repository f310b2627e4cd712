// EvaluationReport: everything an evaluation found — the ranking with each bid's scores and
// contributions, the winner, the abnormally-low check and the sensitivity analyses.
//
// Bids and criteria are referred to by index into `table`, which the report carries so it
// can be rendered (report_json.h) or shown on its own. A plain value; thread-safe as a value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "evaluation/abnormally_low.h"
#include "evaluation/bid_table.h"
#include "evaluation/criterion_separation.h"
#include "evaluation/evaluation_options.h"
#include "evaluation/rank_acceptability.h"
#include "evaluation/score_matrix.h"
#include "evaluation/weight_stability.h"
#include "evaluation/withdrawal.h"

namespace samspill::evaluation {

struct AbnormallyLowReport {
  bool applies = false;                    // false with fewer bids than the rule needs
  std::vector<AbnormallyLowCheck> checks;  // one per first-ranked bid
  bool flagged = false;                    // any check flagged
};

struct SensitivityReport {
  bool computed = false;
  std::vector<WeightStability> weight_stability;  // one per criterion
  RankAcceptability rank_acceptability;
  std::vector<WithdrawalOutcome> withdrawal;              // one per bid
  std::vector<CriterionSeparation> criterion_separation;  // one per criterion
};

struct EvaluationReport {
  BidTable table;  // the table as evaluated
  EvaluationOptions options;
  ScoreMatrix scores;                      // values, coefficients, totals
  std::vector<double> normalised_weights;  // one per criterion; zeros under quality pricing
  std::vector<double> totals;              // per bid: weighted score, or evaluated price
  std::vector<int> ranks;                  // per bid: competition rank, 1 = best
  std::vector<size_t> order;               // bids by rank, then id
  std::optional<size_t> winner;            // the unique bid at rank 1
  std::vector<size_t> tied_for_first;      // set when several bids share rank 1
  std::optional<size_t> runner_up;         // best bid after the unique winner
  std::optional<double> margin;            // winner's lead over the runner-up (total units)
  AbnormallyLowReport abnormally_low;
  SensitivityReport sensitivity;
  std::vector<std::string> notes;  // plain-language remarks for the committee
};

}  // namespace samspill::evaluation
