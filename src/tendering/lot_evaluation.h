// From the bids of one lot to the evaluation engine's input, and from its winner to the award
// reasons: the two steps between storing bids and the evaluation that hold rules of their own
// (every quality-like criterion must be scored; the reasons name the winner, the measure and
// the price), kept here so that every caller — the service, the demo, tests — applies them
// alike.
#pragma once

#include <string>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "evaluation/bid_table.h"
#include "tendering/award_model.h"
#include "tendering/tender_record.h"

namespace samspill::tendering {

// One valid bid of a lot as the evaluation needs it.
struct LotBid {
  int64_t bid_id = 0;
  OrganisationRef supplier;
  Money price;
  std::vector<BidScore> scores;  // the committee's scores on quality-like criteria
};

// The bid table of one lot under the locked award model, bids in the order given. A valid bid
// without a score on a quality-like criterion stops the evaluation with a message that names
// the bid, the supplier and the criterion (kFailedPrecondition).
Result<evaluation::BidTable> LotBidTable(const AwardModel& model, std::string title,
                                         const std::vector<LotBid>& bids);

// The award reasons in Norwegian, as the award notice and the protocol (FOA § 25-5 m) give
// them: who, by which measure (the highest total score, or the lowest evaluated price when
// quality is priced), and the offered price excl. VAT.
std::string AwardReasonsNb(const OrganisationRef& supplier, const AwardModel& model,
                           double winner_total, const Money& price);

}  // namespace samspill::tendering
