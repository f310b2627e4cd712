// BidAccess: the one rule for who may read a bid's content — its price, its summary and the
// committee's scores — used by every endpoint, page and document that can show it (the bids
// list, the evaluation reports, the protocol, the OCDS export, the audit trail).
//
// - A supplier reads its own bid, always (it wrote it), and nobody else's, ever.
// - Nobody else reads any content before the bids are opened — administrators included
//   (DOMAIN.md §2, sealed bids). Opened means the opening record exists and the bid deadline
//   has passed.
// - After opening, the roles that evaluate or control the competition read it: procurement
//   officers, evaluators and auditors, and the system itself (CLI, demo data). Administrators,
//   service leaders, union representatives and politicians see that a bid was received, from
//   whom and whether it was rejected, never what it offered. The award (winner, contract value
//   and reasons) is not bid content: it is shown by its own rules (TenderService::View, the OCDS
//   export once the award notice is sent).
// - A supplier whose bid lost reads its own evaluation — its scores, the committee's reasons and
//   its total — once the award notice is sent (FOA § 25-1 owes it the reasons), never another
//   bid's (MayReadOwnEvaluation).
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "common/role.h"
#include "common/time.h"
#include "tendering/tender_state.h"

namespace samspill::tendering {

// Who reads: a user's role, or the system itself.
struct BidReader {
  Role role = Role::kAdministrator;
  bool is_system = false;
};

// Where the competition stands, as far as the seal on its bids goes.
struct BidSeal {
  TenderState state = TenderState::kDraft;
  bool opening_recorded = false;          // the opening record exists
  std::optional<Timestamp> bid_deadline;  // the tender's
  Timestamp now;                          // from the caller's Clock
};

// True once the bids are opened: the opening record exists, the deadline has passed, and the
// state is one that follows the opening (an unsuccessful tender's bids are never opened).
bool BidsOpened(const BidSeal& seal);

// The roles that read every bid's content once the bids are opened.
bool ReadsOpenedBidContent(const BidReader& reader);

// Whether `reader` may read the content of one bid. `is_bidding_supplier`: the reader is a
// supplier user of the organisation that submitted the bid.
bool MayReadBidContent(const BidReader& reader, bool is_bidding_supplier, const BidSeal& seal);

// Whether a supplier reads the evaluation of its own bid (scores, reasons, total, rank): from
// the award notice on (standstill, contract signed). Only suppliers, only their own bid; the
// buyer side reads every evaluation by MayReadBidContent.
bool MayReadOwnEvaluation(const BidReader& reader, bool is_bidding_supplier, TenderState state);

}  // namespace samspill::tendering
