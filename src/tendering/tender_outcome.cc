#include "tendering/tender_outcome.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "evaluation/evaluate.h"
#include "evaluation/report_json.h"

namespace samspill::tendering {
namespace {

// "lot '2': " for a divided tender, nothing for an undivided one.
std::string LotPrefix(const std::string& lot_id) {
  return lot_id.empty() ? std::string() : "lot '" + lot_id + "': ";
}

std::string Percent(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f %%", value);
  return buffer;
}

}  // namespace

std::string_view ExplanationAssessmentName(ExplanationAssessment a) {
  switch (a) {
    case ExplanationAssessment::kAccepted:
      return "accepted";
    case ExplanationAssessment::kRejected:
      return "rejected";
  }
  return "accepted";
}

Result<ExplanationAssessment> ExplanationAssessmentFromName(std::string_view name) {
  if (name == "accepted") return ExplanationAssessment::kAccepted;
  if (name == "rejected") return ExplanationAssessment::kRejected;
  return InvalidArgument("the assessment must be 'accepted' or 'rejected'", "assessment");
}

Result<LotEvaluation> EvaluateLot(const AwardModel& model, const std::string& title,
                                  const std::vector<LotBid>& bids) {
  SAMSPILL_ASSIGN_OR_RETURN(evaluation::BidTable table, LotBidTable(model, title, bids));
  LotEvaluation out;
  if (table.bids.empty()) {
    out.note = "no valid bids";
    return out;
  }
  evaluation::EvaluationOptions options;
  options.normalisation = model.normalisation;
  options.tie_break = model.tie_break;
  SAMSPILL_ASSIGN_OR_RETURN(evaluation::EvaluationReport report,
                            evaluation::Evaluate(table, options));
  out.report_json = evaluation::RenderReportJson(report).dump();
  // The table's rows are the bids in the order given: row i is bids[i].
  if (report.winner) {
    out.winner_bid_id = bids[*report.winner].bid_id;
    out.winner_total = report.totals[*report.winner];
  }
  for (size_t i : report.tied_for_first) out.tied_bid_ids.push_back(bids[i].bid_id);
  for (const evaluation::AbnormallyLowCheck& check : report.abnormally_low.checks) {
    if (!check.flagged || !report.winner || check.bid != *report.winner) continue;
    const LotBid& bid = bids[check.bid];
    const std::string& currency = bid.price.currency;
    out.abnormally_low = AbnormallyLowFlag{bid.bid_id,
                                           bid.supplier.name,
                                           bid.price,
                                           Money{check.mean_of_others_minor, currency},
                                           Money{check.next_lowest_minor, currency},
                                           check.below_mean_of_others_percent,
                                           check.below_next_lowest_percent,
                                           check.below_mean_threshold,
                                           check.below_next_threshold};
  }
  return out;
}

Result<std::map<std::string, int64_t>> WinningBids(
    const std::map<std::string, LotEvaluation>& evaluations) {
  std::map<std::string, int64_t> winners;
  for (const auto& [lot, e] : evaluations) {
    if (!e.evaluated()) continue;
    if (!e.winner_bid_id) {
      std::string ids;
      for (int64_t id : e.tied_bid_ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
      return FailedPrecondition("lot '" + lot + "': bids [" + ids +
                                "] share first place; the announced tie rule does not decide, "
                                "so the award cannot be proposed");
    }
    SAMSPILL_RETURN_IF_ERROR(CheckAwardable(lot, e));
    winners[lot] = *e.winner_bid_id;
  }
  return winners;
}

Status CheckAwardable(const std::string& lot_id, const LotEvaluation& evaluation) {
  if (!evaluation.abnormally_low) return Status::Ok();
  const AbnormallyLowFlag& flag = *evaluation.abnormally_low;
  const std::string bid = "bid " + std::to_string(flag.bid_id) + " from " + flag.supplier_name;
  const std::optional<PriceExplanation>& e = evaluation.price_explanation;
  if (!e || e->bid_id != flag.bid_id) {
    const std::string figure =
        flag.below_mean_threshold
            ? Percent(flag.below_mean_of_others_percent) + " below the mean of the other bids"
            : Percent(flag.below_next_lowest_percent) + " below the next-lowest bid";
    return FailedPrecondition(LotPrefix(lot_id) + bid + " may be abnormally low (" + figure +
                              "); ask the supplier to explain the price in writing and record the "
                              "explanation and your assessment before the award (FOA § 24-9)");
  }
  if (e->assessment == ExplanationAssessment::kRejected) {
    return FailedPrecondition(LotPrefix(lot_id) + "the explanation of " + bid +
                              " was not accepted; the bid is to be rejected, not awarded "
                              "(FOA § 24-9)");
  }
  return Status::Ok();
}

Result<std::string> RecordPriceExplanation(std::map<std::string, LotEvaluation>& evaluations,
                                           PriceExplanation explanation) {
  if (IsBlank(explanation.explanation)) {
    return InvalidArgument("the supplier's explanation is empty", "explanation");
  }
  if (IsBlank(explanation.assessment_reasons)) {
    return InvalidArgument("the assessment needs written reasons", "assessment_reasons");
  }
  for (auto& [lot, e] : evaluations) {
    if (!e.abnormally_low || e.abnormally_low->bid_id != explanation.bid_id) continue;
    if (e.price_explanation &&
        e.price_explanation->assessment == ExplanationAssessment::kAccepted) {
      return FailedPrecondition("the explanation of bid " + std::to_string(explanation.bid_id) +
                                " is already recorded and accepted");
    }
    e.price_explanation = std::move(explanation);
    return lot;
  }
  return FailedPrecondition("bid " + std::to_string(explanation.bid_id) +
                            " is not a winning bid flagged as possibly abnormally low; only such a "
                            "bid's explanation is recorded");
}

Result<std::string> LotOfRejectedExplanation(
    const std::map<std::string, LotEvaluation>& evaluations, int64_t bid_id) {
  for (const auto& [lot, e] : evaluations) {
    if (e.abnormally_low && e.abnormally_low->bid_id == bid_id && e.price_explanation &&
        e.price_explanation->assessment == ExplanationAssessment::kRejected) {
      return lot;
    }
  }
  return Conflict(
      "after the evaluation only a winning bid whose price explanation was not "
      "accepted is rejected; bid " +
      std::to_string(bid_id) + " is not one");
}

LotAward AwardLot(const std::string& lot_id, const LotEvaluation& evaluation, const LotBid& winner,
                  const AwardModel& model) {
  LotAward award;
  award.lot_id = lot_id;
  award.bid_id = winner.bid_id;
  award.supplier = winner.supplier;
  award.contract_value = winner.price;
  award.total_score = evaluation.winner_total.value_or(0.0);
  award.reasons = AwardReasonsNb(winner.supplier, model, award.total_score, winner.price);
  return award;
}

}  // namespace samspill::tendering
