// TenderRecord: everything known about one competition, gathered for the documents made from it
// — the procurement protocol (protocol.h, FOA § 25-5) and the OCDS export (ocds_export.h).
//
// The web and CLI layers fill it from the store; the domain functions that read it do no I/O.
// Bid contents are only ever put into a record after the bids are opened, and only for a reader
// whom tendering/bid_access.h lets read them (the caller's duty: sealed bids). Plain values;
// thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"
#include "tendering/tender.h"

namespace samspill::tendering {

struct OrganisationRef {
  int64_t id = 0;
  std::string name;
  std::string org_number;  // nine digits (Enhetsregisteret)
  std::string address;     // postal address, one line; "" when not registered
};

// Stored with bids: never renumber.
enum class BidStatus {
  kValid = 1,     // received by the deadline and not rejected
  kRejected = 2,  // rejected (avvist) with a reason, FOA § 25-5 (j)/(k)
};

// What a rejection (avvisning) concerns, FOA § 25-5: the supplier (j) — it failed the
// qualification requirements or is excluded — or the tender itself (k), e.g. a material
// deviation from the specification. Stored by name in the bid.reject event: never renumber.
enum class RejectionKind { kTender = 1, kSupplier = 2 };

// "tender", "supplier".
std::string_view RejectionKindName(RejectionKind kind);
// The kind from its name; InvalidArgument naming `field` for any other name.
Result<RejectionKind> ParseRejectionKind(std::string_view name, const std::string& field);

// One score the evaluation committee gave a bid on one quality-like criterion.
struct BidScore {
  std::string criterion_id;
  double score = 0;  // 0–10
  std::string justification;
};

// The bid that counts: the last one a supplier submitted for a lot before the deadline
// (earlier versions are replaced and never opened).
struct SubmittedBid {
  int64_t id = 0;
  std::string lot_id;  // "" for a tender without lots
  OrganisationRef supplier;
  Timestamp received_at;  // when the last version arrived
  int version = 1;        // 2 when the supplier replaced its first bid once, …
  // The content, present only for a reader who may read it (tendering/bid_access.h): a record
  // made for anyone else leaves the price out and the summary and scores empty, so no document
  // made from it can show them.
  std::optional<Money> price;  // total evaluated price excl. VAT
  std::string summary;         // the supplier's own description of its offer
  BidStatus status = BidStatus::kValid;
  std::string rejection_reason;                           // when rejected
  std::vector<BidScore> scores;                           // filled in during evaluation
  RejectionKind rejection_kind = RejectionKind::kTender;  // when rejected
};

// One question a supplier asked and the answer published to every supplier (DOMAIN.md §2,
// KOFA 2025/0064). The asker is not shown to other suppliers.
struct QuestionAnswer {
  int64_t id = 0;
  std::string lot_id;
  std::string question;
  Timestamp asked_at;
  int64_t asked_by_supplier_id = 0;
  std::optional<std::string> answer;  // empty until answered; once answered, public
  std::optional<Timestamp> answered_at;
};

// The outcome of one lot after evaluation: the winner and why (FOA § 25-5 (m)).
struct LotAward {
  std::string lot_id;  // "" for a tender without lots
  int64_t bid_id = 0;
  OrganisationRef supplier;
  Money contract_value;  // the winning bid's price
  double total_score = 0;
  std::string reasons;  // name, value, relative advantages of the chosen tender
};

// A lot that got fewer valid bids than the tender's minimum at the deadline.
struct UnsuccessfulLot {
  std::string lot_id;
  int valid_bids = 0;
  std::string reason;  // UnsuccessfulReason(valid_bids, minimum_bids)
};

// One audit event about the tender, in the order they happened. `action` names are stable:
//   tender.create, tender.revise, tender.publish, tender.close_bidding, tender.open_bids,
//   tender.complete_evaluation, tender.propose_award, tender.approve_politically,
//   tender.send_award_notice, tender.sign_contract, tender.cancel,
//   bid.submit, bid.replace, bid.reject, bid.score, question.ask, question.answer,
//   conflict_of_interest.declare, tender.note, complaint.lodge, complaint.handle
// `details_json` is the event's after-state as JSON text (an object, possibly empty: "{}");
// for bid events before the deadline it never contains the bid's content, only its id, lot,
// supplier and receipt time.
struct TenderEvent {
  int64_t id = 0;
  Timestamp at;
  std::string actor;  // username, or "system"
  std::string action;
  std::string details_json;
};

struct TenderRecord {
  int64_t id = 0;         // the tender's id in samspill
  std::string ocid;       // "ocds-<prefix>-<id>", set by the caller
  OrganisationRef buyer;  // the municipality
  Tender tender;          // terms, state, regime, locked award model, cancellation reason
  Timestamp created_at;
  std::vector<SubmittedBid> bids;  // empty before the bids are opened
  std::vector<QuestionAnswer> questions;
  std::vector<LotAward> awards;
  std::vector<UnsuccessfulLot> unsuccessful_lots;
  // Participants who asked to take part or were invited (restricted procedure), FOA § 25-5 (g).
  std::vector<OrganisationRef> candidates;
  std::vector<TenderEvent> events;
};

}  // namespace samspill::tendering
