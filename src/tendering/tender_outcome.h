// TenderOutcome: what a competition has produced after publication — the opening record, the
// evaluation of each lot, the proposed awards and who was told of the award or the
// cancellation. The Tender aggregate (tender.h) holds the terms and the state; the outcome is
// kept beside it (stored apart, because it holds bid content that the terms never do), and
// these functions hold its rules: a lot's evaluation from its valid bids, and that an award
// can only be proposed where the announced tie rule decided the winner.
//
// The JSON form (tender_outcome_json.h) is what the store keeps and what the API shows of it.
// Plain values; thread-safe as values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "tendering/award_model.h"
#include "tendering/lot_evaluation.h"
#include "tendering/tender_record.h"

namespace samspill::tendering {

// One bid as the opening record lists it: who, for which lot, when — never what it offers.
struct OpenedBid {
  int64_t bid_id = 0;
  std::string lot_id;
  OrganisationRef supplier;
  Timestamp received_at;
  int version = 1;
};

// The record of the opening of bids (FOA § 25-5 (h)): when, by whom, which bids.
struct OpeningRecord {
  Timestamp opened_at;
  std::string opened_by;  // username
  std::vector<OpenedBid> bids;
};

// The evaluation of one lot. A lot without valid bids carries only a note.
struct LotEvaluation {
  std::string note;         // "no valid bids" when nothing was evaluated
  std::string report_json;  // the evaluation report as rendered (evaluation/report_json.h)
  std::optional<int64_t> winner_bid_id;  // none when the tie rule did not decide
  std::optional<double> winner_total;
  std::vector<int64_t> tied_bid_ids;  // the bids sharing first place, when there is a tie

  bool evaluated() const { return !report_json.empty(); }
};

struct TenderOutcome {
  std::optional<OpeningRecord> opening;                             // set when the bids are opened
  std::optional<std::map<std::string, LotEvaluation>> evaluations;  // by lot id
  std::optional<std::vector<LotAward>> awards;       // set when the award is proposed
  std::optional<std::vector<std::string>> notified;  // "Name (org number)", FOA § 25-4
};

// Evaluates one lot's valid bids under the locked award model (kFailedPrecondition when a bid
// lacks a score, from LotBidTable). No bids: a LotEvaluation with the note "no valid bids".
Result<LotEvaluation> EvaluateLot(const AwardModel& model, const std::string& title,
                                  const std::vector<LotBid>& bids);

// The winning bid of every evaluated lot, by lot id, or kFailedPrecondition naming the first
// lot whose first place is shared and not decided by the announced tie rule.
Result<std::map<std::string, int64_t>> WinningBids(
    const std::map<std::string, LotEvaluation>& evaluations);

// The award of one lot to its winning bid, with the reasons of FOA § 25-5 (m).
LotAward AwardLot(const std::string& lot_id, const LotEvaluation& evaluation, const LotBid& winner,
                  const AwardModel& model);

}  // namespace samspill::tendering
