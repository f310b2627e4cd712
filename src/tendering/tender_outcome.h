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
#include <string_view>
#include <vector>

#include "common/money.h"
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

// The winning bid's abnormally-low check when it flagged the bid (evaluation/abnormally_low.h):
// the figures the buyer shows and the supplier is asked to explain.
struct AbnormallyLowFlag {
  int64_t bid_id = 0;
  std::string supplier_name;
  Money price;
  Money mean_of_others;
  Money next_lowest;
  double below_mean_of_others_percent = 0.0;
  double below_next_lowest_percent = 0.0;
  bool below_mean_threshold = false;
  bool below_next_threshold = false;
};

// The officer's assessment of a supplier's explanation. Stored: never renumber.
enum class ExplanationAssessment { kAccepted = 1, kRejected = 2 };
std::string_view ExplanationAssessmentName(ExplanationAssessment a);  // "accepted", "rejected"
Result<ExplanationAssessment> ExplanationAssessmentFromName(std::string_view name);

// The supplier's written explanation of a flagged price and the procurement officer's
// assessment of it (FOA § 24-9): asked for, received, accepted or rejected, with reasons.
struct PriceExplanation {
  int64_t bid_id = 0;
  Date asked_on;            // when the supplier was asked in writing
  std::string explanation;  // the supplier's explanation as received
  ExplanationAssessment assessment = ExplanationAssessment::kAccepted;
  std::string assessment_reasons;  // why the explanation was accepted or rejected
  std::string recorded_by;         // username
  Timestamp recorded_at;
};

// The evaluation of one lot. A lot without valid bids carries only a note.
struct LotEvaluation {
  std::string note;         // "no valid bids" when nothing was evaluated
  std::string report_json;  // the evaluation report as rendered (evaluation/report_json.h)
  std::optional<int64_t> winner_bid_id;  // none when the tie rule did not decide
  std::optional<double> winner_total;
  std::vector<int64_t> tied_bid_ids;  // the bids sharing first place, when there is a tie
  // Read from the report: set when the abnormally-low check flagged the winning bid.
  std::optional<AbnormallyLowFlag> abnormally_low;
  std::optional<PriceExplanation> price_explanation;  // once recorded

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
// lot whose first place is shared and not decided by the announced tie rule, or whose winner
// the abnormally-low check flagged without an accepted explanation (CheckAwardable).
Result<std::map<std::string, int64_t>> WinningBids(
    const std::map<std::string, LotEvaluation>& evaluations);

// Whether the lot's winner may be awarded as far as the abnormally-low rule goes (FOA § 24-9):
// a flagged winner needs the supplier's explanation recorded and accepted first; a rejected
// explanation means the bid is to be rejected, not awarded. kFailedPrecondition naming the
// bid and its supplier otherwise.
Status CheckAwardable(const std::string& lot_id, const LotEvaluation& evaluation);

// Records `explanation` on the lot whose winner the check flagged as bid
// `explanation.bid_id`. kFailedPrecondition when no lot's winner is that flagged bid, or when an
// accepted explanation is already recorded; kInvalidArgument naming the field for a blank
// explanation or assessment. Answers the lot id.
Result<std::string> RecordPriceExplanation(std::map<std::string, LotEvaluation>& evaluations,
                                           PriceExplanation explanation);

// The lot whose flagged winner is bid `bid_id` with an explanation recorded and not accepted:
// the one bid that may still be rejected after the evaluation is completed, so that its lot is
// evaluated again without it (FOA § 24-9). kConflict otherwise.
Result<std::string> LotOfRejectedExplanation(
    const std::map<std::string, LotEvaluation>& evaluations, int64_t bid_id);

// The award of one lot to its winning bid, with the reasons of FOA § 25-5 (m).
LotAward AwardLot(const std::string& lot_id, const LotEvaluation& evaluation, const LotBid& winner,
                  const AwardModel& model);

}  // namespace samspill::tendering
