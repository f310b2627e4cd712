#include "tendering/tender_outcome.h"

#include <nlohmann/json.hpp>

#include "evaluation/evaluate.h"
#include "evaluation/report_json.h"

namespace samspill::tendering {

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
    winners[lot] = *e.winner_bid_id;
  }
  return winners;
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
