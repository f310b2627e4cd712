#include "evaluation/evaluate.h"

#include <numeric>
#include <string>

namespace samspill::evaluation {
namespace {

Status CheckLimits(const BidTable& table, const EvaluationOptions& options) {
  const EvaluationLimits& limits = options.limits;
  if (table.bids.size() > limits.max_bids) {
    return InvalidArgument("at most " + std::to_string(limits.max_bids) + " bids", "bids");
  }
  if (table.criteria.size() > limits.max_criteria) {
    return InvalidArgument("at most " + std::to_string(limits.max_criteria) + " criteria",
                           "criteria");
  }
  if (options.sensitivity.enabled) {
    const double work = static_cast<double>(options.sensitivity.rank_acceptability.draws) *
                        static_cast<double>(table.bids.size()) *
                        static_cast<double>(table.criteria.size());
    if (work > limits.max_draw_work) {
      return InvalidArgument("draws × bids × criteria is too large; use fewer draws",
                             "sensitivity.draws");
    }
  }
  return Status::Ok();
}

void AddNotes(EvaluationReport& report) {
  const BidTable& table = report.table;
  if (report.options.normalisation == Normalisation::kBestGetsMax) {
    report.notes.push_back(
        "Quality scores were normalised so the best bid on each criterion gets 10. "
        "Normalisation is legally disputed (KOFA 2021/1000) and must have been announced.");
  }
  if (table.weighting == Weighting::kPriorityRankOrderCentroid) {
    report.notes.push_back(
        "Criteria were given in priority order; to rank the bids they were turned into "
        "rank-order-centroid weights w_k = (1/n)·Σ_{j=k..n} 1/j. This conversion is the "
        "municipality's chosen method, not law: the regulation allows a priority order but "
        "prescribes no weights for it.");
  }
  if (table.bids.size() == 1) {
    report.notes.push_back("Only one bid: there was no real competition on price.");
  }
  if (!report.winner && report.tied_for_first.size() > 1) {
    report.notes.push_back("Several bids share rank 1: the announced tie rule does not decide.");
  }
  for (size_t i = 0; i < table.bids.size(); ++i) {
    if (report.scores.price_criterion && !report.scores.lower_is_better &&
        report.scores.value(i, *report.scores.price_criterion) < 0.0) {
      report.notes.push_back(
          "Bid " + table.bids[i].id +
          " has a negative price score (price more than twice the lowest); lawful under the "
          "linear model (KOFA 2015/60).");
    }
  }
}

}  // namespace

Result<EvaluationReport> Evaluate(const BidTable& table, const EvaluationOptions& options) {
  SAMSPILL_RETURN_IF_ERROR(ValidateEvaluationOptions(options));
  SAMSPILL_RETURN_IF_ERROR(CheckLimits(table, options));
  SAMSPILL_RETURN_IF_ERROR(ValidateBidTable(table));

  EvaluationReport report;
  report.table = table;
  report.options = options;
  report.scores = BuildScoreMatrix(table, options.normalisation);
  report.normalised_weights = NormalisedWeights(table);
  const ScoreMatrix& matrix = report.scores;
  const size_t n = table.bids.size();

  report.totals.resize(n);
  for (size_t i = 0; i < n; ++i) report.totals[i] = matrix.Total(i);
  report.ranks.assign(n, 0);
  Ranker ranker(options.tie_break, matrix.prices_minor, options.tie_tolerance);
  ranker.Rank(matrix.Merits(), report.ranks);
  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), size_t{0});
  report.order = OrderByRankThenId(table, all, report.ranks);

  std::vector<size_t> first_ranked;
  for (size_t i = 0; i < n; ++i) {
    if (report.ranks[i] == 1) first_ranked.push_back(i);
  }
  if (first_ranked.size() == 1) {
    report.winner = first_ranked[0];
    // The ranker's order breaks remaining ties deterministically; the runner-up is the
    // best bid after the winner in it.
    if (n >= 2) {
      report.runner_up = ranker.order()[1];
      report.margin =
          matrix.MeritSign() * (report.totals[*report.winner] - report.totals[*report.runner_up]);
    }
  } else {
    for (size_t i : report.order) {
      if (report.ranks[i] == 1) report.tied_for_first.push_back(i);
    }
  }

  AbnormallyLowReport& low = report.abnormally_low;
  low.applies = n >= options.abnormally_low.min_bids;
  if (low.applies) {
    for (size_t i : report.order) {
      if (report.ranks[i] != 1) continue;
      low.checks.push_back(CheckAbnormallyLow(matrix.prices_minor, i, options.abnormally_low));
      low.flagged = low.flagged || low.checks.back().flagged;
    }
  }

  if (options.sensitivity.enabled) {
    SensitivityReport& s = report.sensitivity;
    s.computed = true;
    s.weight_stability = AnalyseWeightStability(matrix, report.winner);
    s.rank_acceptability =
        AnalyseRankAcceptability(matrix, options.sensitivity.rank_acceptability, options.tie_break,
                                 options.tie_tolerance, report.winner);
    s.withdrawal = AnalyseWithdrawals(
        table, report.ranks,
        WithdrawalOptions{options.normalisation, options.tie_break, options.tie_tolerance,
                          options.sensitivity.max_listed_reversals});
    SeparationContext context{options.tie_break, options.tie_tolerance, first_ranked, report.winner,
                              report.runner_up};
    s.criterion_separation = AnalyseCriterionSeparation(matrix, context, options.separation);
  }
  AddNotes(report);
  return report;
}

}  // namespace samspill::evaluation
