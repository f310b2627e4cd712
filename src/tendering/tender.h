// Tender: one competition as a domain object — what the procurement officer drafts, what is
// locked at publication, and where it stands in its lifecycle.
//
// The draft can be revised freely until publication. Publish() then decides the legal regime
// on the publication date (dated threshold table), refuses a timeline with errors, and locks
// the award model with its hash (KOFA 2025/0993); after that, ReviseDraft() is a Conflict and
// the award model can never change. Lifecycle actions go through the TenderState machine, so
// illegal ones name the current state; Cancel() needs written reasons. Time comes in as
// arguments (from a Clock). Snapshot() and Restore() carry the whole state to and from storage
// (tender_json.h gives it a text form); Restore() refuses snapshots no sequence of actions could
// have produced, and a changed award model. A value type; not thread-safe for concurrent
// mutation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"
#include "tendering/award_model.h"
#include "tendering/complaint.h"
#include "tendering/ideal_reservation.h"
#include "tendering/legal_regime.h"
#include "tendering/tender_state.h"
#include "tendering/threshold_table.h"
#include "tendering/timeline.h"

namespace samspill::tendering {

inline constexpr size_t kMaxLotsPerTender = 100;

// Who carries a responsibility in the contract (seed 000 §4.1). Stored: never renumber.
enum class Party { kMunicipality = 1, kSupplier = 2, kShared = 3 };

struct Responsibility {
  std::string area;  // "Legetjenester", "Vedlikehold av bygg"
  Party party = Party::kSupplier;
  std::string description;  // what exactly, in the contract's words

  friend bool operator==(const Responsibility&, const Responsibility&) = default;
};

struct Lot {
  std::string id;  // "1", "2", … unique within the tender
  std::string title;
  Money estimated_value;  // excl. VAT, options and extensions included

  friend bool operator==(const Lot&, const Lot&) = default;
};

// Everything the procurement officer edits before publication.
struct TenderDraft {
  std::string title;
  std::string description;
  std::string cpv_code;  // main CPV code, e.g. "85000000-9", checked against CPV 2008 (cpv.h)
  ServiceCategory category = ServiceCategory::kOrdinary;
  BuyerType buyer_type = BuyerType::kMunicipal;
  // Estimated total value excl. VAT including options and extensions: decides the regime.
  Money estimated_value;
  std::vector<Lot> lots;        // empty: one undivided contract
  std::string why_not_divided;  // FOA § 25-5 (c): the protocol asks when there are no lots
  TenderProfile profile;
  Timeline timeline;                       // milestones as calendar dates
  std::optional<Timestamp> bid_deadline;   // the exact instant bids close
  int minimum_bids = kDefaultMinimumBids;  // fewer valid bids at the deadline: unsuccessful
  int standstill_days = 10;                // karensperiode; part IV not confirmed [U]
  // Non-empty: reserved for ideelle organisasjoner under FOA § 30-2a, with this justification.
  std::string ideal_reservation_justification;
  std::vector<Responsibility> responsibilities;
  AwardModel award_model;
  AwardModelRules award_rules;

  friend bool operator==(const TenderDraft&, const TenderDraft&) = default;
};

// FOA § 7-9 (climate and environment weigh at least 30 %) applies from this date (DOMAIN.md §1).
inline constexpr Date kClimateRuleFrom{2024, 1, 1};

// Whether the 30 % climate rule binds the draft: the officer says § 7-9 applies
// (award_rules.climate_weight_required) and the publication, when set, is on or after
// kClimateRuleFrom. A documented exception (award_rules.climate_exception) still lifts it.
bool ClimateRuleApplies(const TenderDraft& draft);

// Every problem of the draft at once, so a form can show them all in one round: each is
// InvalidArgument naming its field ("lots[1].id", "minimum_bids", "timeline.questions_deadline",
// "award_model.criteria", "award_rules.climate_exception"). Besides the fields' own rules:
// the CPV code is in the CPV 2008 list with its check digit; publication < questions deadline <
// bid deadline where set; an award model with criteria passes the evaluation engine's rules,
// its weights add up to exactly 100, and climate weighs at least 30 % where ClimateRuleApplies()
// unless an exception is written. Empty when the draft is valid.
std::vector<Status> DraftProblems(const TenderDraft& draft);
// The first of DraftProblems(), or Ok.
Status ValidateDraft(const TenderDraft& draft);

// Everything a Tender holds, for storage: Tender::Restore(tender.Snapshot()) is the same
// tender. The optional parts are set from publication on; the per-lot outcome from the close
// of bidding on.
struct TenderSnapshot {
  TenderDraft draft;
  TenderState state = TenderState::kDraft;
  std::optional<LockedAwardModel> locked_award_model;
  std::optional<RegimeDecision> regime;
  std::optional<IdealReservation> ideal_reservation;  // when reserved under FOA § 30-2a
  std::string cancellation_reason;                    // non-blank exactly when cancelled
  std::map<std::string, int> valid_bids_per_lot;      // lot id ("" undivided) → valid bids
  std::vector<std::string> unsuccessful_lots;         // fewer than minimum_bids, in lot order
  std::vector<Complaint> complaints;                  // in the order lodged, ids 1, 2, …

  friend bool operator==(const TenderSnapshot&, const TenderSnapshot&) = default;
};

// What publishing the tender now would find, without publishing it: the check list shown
// before "Kunngjør".
struct PublicationCheck {
  Date publication;                       // the draft's, or today's when unset
  std::optional<RegimeDecision> regime;   // as decided on `publication`
  std::vector<TimelineFinding> findings;  // errors, warnings and notes, as Publish() finds them
  // Why Publish() would refuse, every reason at once (InvalidArgument or Conflict naming the
  // field): the draft's problems, the regime, timeline errors, the award model under the regime,
  // and the state and bid deadline. Empty: the tender can be published now.
  std::vector<Status> problems;
};

// A bid as it arrives, before it is stored.
struct IncomingBid {
  std::string lot_id;  // "" for an undivided tender
  int64_t supplier_organisation_id = 0;
  Money price;  // the bid's total, excl. VAT
};

// A bid already received for the tender, as far as receiving the next one needs it.
struct BidOnFile {
  std::string lot_id;
  int64_t supplier_organisation_id = 0;
};

// What receiving a bid means: whether it replaces the same supplier's earlier bid for the lot.
struct BidReceipt {
  bool replaces_earlier = false;
};

class Tender {
 public:
  // An empty draft that fails ValidateDraft: only a placeholder to assign a real tender to.
  Tender() = default;
  static Result<Tender> CreateDraft(TenderDraft draft);

  // A tender from its stored snapshot, refused unless it is one the methods below could have
  // produced: a valid draft; from publication on a regime decision, a bid deadline and a
  // locked award model equal to the draft's (a draft has none of them); a reservation exactly
  // when the published draft asks for one; per-lot bid counts for every lot from the close of
  // bidding on (none before) with the unsuccessful lots and state they imply; a written reason
  // exactly when cancelled; complaints only once the award notice is sent, numbered 1, 2, … in
  // order, each handled (time and reasons) exactly when not open, none open once the contract is
  // signed. kInternal when the locked model no longer matches its hash or the
  // draft's model differs from it (the announced terms were changed after publication);
  // InvalidArgument naming the snapshot field ("draft.title", "regime") otherwise.
  static Result<Tender> Restore(TenderSnapshot snapshot);
  TenderSnapshot Snapshot() const;

  const TenderDraft& draft() const { return draft_; }
  TenderState state() const { return state_; }
  const std::optional<LockedAwardModel>& locked_award_model() const { return locked_; }
  const std::optional<RegimeDecision>& regime() const { return regime_; }
  const std::optional<IdealReservation>& ideal_reservation() const { return reservation_; }
  const std::string& cancellation_reason() const { return cancellation_reason_; }
  // Set by CloseBidding: the valid bids per lot id ("" for an undivided tender), and the ids of
  // the lots that got fewer than minimum_bids, in the draft's lot order. Empty before.
  const std::map<std::string, int>& valid_bids_per_lot() const { return valid_bids_per_lot_; }
  const std::vector<std::string>& unsuccessful_lots() const { return unsuccessful_lots_; }
  const std::vector<Complaint>& complaints() const { return complaints_; }
  // The first complaint not yet handled, or nullptr.
  const Complaint* OpenComplaint() const;

  // Only while a draft: after publication the announced terms are locked.
  Status ReviseDraft(TenderDraft draft);

  // The regime as it would be decided on `date` (a preview for drafts).
  Result<RegimeDecision> RegimeOn(const Date& date, const ThresholdTable& table) const;

  // draft → published. Sets the publication date to now's date when unset, decides the
  // regime, checks the timeline (errors block; warnings are returned for the record), and
  // locks the award model.
  Result<std::vector<TimelineFinding>> Publish(Timestamp now, const ThresholdTable& table,
                                               const TimelineOptions& options = {});

  // Publish()'s checks at `now`, all of them, with nothing changed.
  PublicationCheck CheckPublication(Timestamp now, const ThresholdTable& table,
                                    const TimelineOptions& options = {}) const;

  // At or after the bid deadline: published → bidding_closed. `valid_bids_per_lot` holds the
  // valid bids received for every lot, keyed by lot id ("" for an undivided tender), each lot
  // exactly once; a lot with fewer than minimum_bids becomes unsuccessful (DOMAIN.md §2), and
  // the tender as a whole becomes unsuccessful only when every lot is. InvalidArgument (field
  // "lots") for a missing or unknown lot or a negative count.
  Status CloseBidding(Timestamp now, const std::map<std::string, int>& valid_bids_per_lot);

  // The steps after closing: open_bids, complete_evaluation, propose_award,
  // approve_politically, send_award_notice (standstill end = notice date + standstill_days,
  // unless planned; a notice sent after its planned date moves the planned end by as much),
  // sign_contract (a Conflict naming the complaint while one is open). Not for publish,
  // close_bidding or cancel.
  Status Advance(TenderAction action, Timestamp now);

  // From any state but contract_signed and cancelled; `reason` must say why (FOA § 25-4).
  Status Cancel(Timestamp now, std::string reason);

  // The lot ids bids are given for, in the draft's order; {""} for an undivided tender.
  std::vector<std::string> LotIds() const;
  // Ok when `lot_id` is one of LotIds(); InvalidArgument (field "lot_id") otherwise, saying to
  // leave it out when the tender has no lots.
  Status CheckLotId(const std::string& lot_id) const;

  // Whether `bid` is received at `now`. Bids arrive only while the tender is published and
  // strictly before the bid deadline — a late bid is rejected, however little late
  // (DOMAIN.md, sealed bids) — for one of the tender's lots, with a price above zero in the
  // tender's currency and from a supplier organisation. A second bid from the same supplier for the
  // same lot replaces the first (`on_file` holds the bids already received). Conflict naming the
  // state or the deadline; InvalidArgument naming the field ("lot_id", "price") otherwise.
  Result<BidReceipt> ReceiveBid(Timestamp now, const IncomingBid& bid,
                                const std::vector<BidOnFile>& on_file) const;

  // What the state machine allows now (for pages and the API); sign_contract is left out while
  // a complaint is open.
  std::vector<TenderAction> AllowedActions(Timestamp now) const;

  // A supplier's complaint (klage) about the award, received at `now`: only during the
  // standstill period — after the award notice, before the standstill end — else a Conflict
  // naming the state or the end. The caller checks that the supplier took part (submitted a
  // bid). InvalidArgument naming "grounds" for a blank or too long text. Answers with the
  // complaint as recorded (its id is the next number).
  Result<Complaint> LodgeComplaint(Timestamp now, int64_t supplier_organisation_id,
                                   std::string supplier_name, std::string grounds);
  // The buyer's handling of complaint `complaint_id`: upheld or rejected, with written reasons
  // ("reasons"). NotFound for an unknown complaint, Conflict for one already handled. An upheld
  // complaint is recorded here; what follows (a new evaluation, a cancellation) is its own step.
  Result<Complaint> HandleComplaint(Timestamp now, int complaint_id, ComplaintOutcome outcome,
                                    std::string reasons);

 private:
  explicit Tender(TenderDraft draft) : draft_(std::move(draft)) {}
  TransitionContext Context(Timestamp now) const;
  std::optional<Timestamp> StandstillEnd() const;

  TenderDraft draft_;
  TenderState state_ = TenderState::kDraft;
  std::optional<LockedAwardModel> locked_;
  std::optional<RegimeDecision> regime_;
  std::optional<IdealReservation> reservation_;
  std::string cancellation_reason_;
  std::map<std::string, int> valid_bids_per_lot_;
  std::vector<std::string> unsuccessful_lots_;
  std::vector<Complaint> complaints_;
};

}  // namespace samspill::tendering
