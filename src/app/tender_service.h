// TenderService: runs a competition from draft to signed contract on top of the Store — the
// one place the API and the CLI go through for tenders, bids, questions and answers, the
// opening record, evaluation, award, the protocol and the OCDS export.
//
// Every change is loaded, checked by the tendering domain (state machine, locked award model,
// deadlines from the Clock) and stored with its audit event in one transaction; concurrent
// changes to one tender are caught by the store's version check. Audit events about a tender
// all carry entity ("tender", id), so the protocol is generated from them.
//
// Who may do what (routes check the role first; these checks hold for the CLI too):
// - procurement officers create, revise, publish and move tenders, open bids, reject bids,
//   propose the award, answer questions and cancel;
// - evaluators (and procurement officers) score opened bids;
// - every buyer-side role reads tenders, questions and the protocol;
// - bid content (price, summary, scores, the evaluation reports) follows the one rule of
//   tendering/bid_access.h: after opening procurement officers, evaluators and auditors read
//   it; before opening nobody reads it — administrators included — except the supplier that
//   submitted it. The protocol and the OCDS export are made from a record that holds content
//   only for those readers, so other roles get them without bid prices (awards keep their
//   value: the award is not bid content);
// - a supplier sees published tenders, its own bids, its own questions and every published
//   answer (never who asked), and nothing of other suppliers' bids;
// - a supplier that bid may lodge a complaint during the standstill period and sees its own
//   complaints, never another supplier's; procurement officers record the handling; every
//   buyer-side role reads all complaints (TenderView's tender holds them all: pages show
//   complaints only through ListComplaints).
// Thread-safe: state lives in the Store.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "common/clock.h"
#include "common/money.h"
#include "common/status.h"
#include "store/store.h"
#include "tendering/bid_access.h"
#include "tendering/ocds_options.h"
#include "tendering/protocol.h"
#include "tendering/tender.h"
#include "tendering/tender_outcome.h"
#include "tendering/tender_record.h"
#include "tendering/threshold_table.h"

namespace samspill::app {

// How tenders are published as open data. The prefix must be the publisher's own, registered
// with the Open Contracting Partnership; the default is a placeholder for demos and tests.
struct OcdsSettings {
  std::string ocid_prefix = "ocds-smspll";
  std::string package_uri_base = "https://samspill.invalid/ocds/";
};

// ---- Commands: what the pages parse their forms into and the API decodes its bodies into
// (web/tender_json_codec.h). Lengths and the rules are checked here, not by the decoders.

// A supplier's bid as submitted. Money is integer øre from the form field or the API's JSON to
// the store; the page parses "1 250 000,50" straight into it.
struct SubmitBidCommand {
  std::string lot_id;  // "" for an undivided tender
  Money price;
  std::string summary;
};

// The committee's scores of one bid on the quality-like criteria (0–10 each).
struct ScoreBidCommand {
  std::vector<tendering::BidScore> scores;
};

struct AskQuestionCommand {
  std::string lot_id;  // "" for the whole tender
  std::string question;
};

// A protocol note for one of the letters a–p of FOA § 25-5 ("" means "p", other matters).
struct ProtocolNote {
  std::string letter;
  std::string text;
};

// A declared conflict of interest and what was done about it.
struct ConflictDeclaration {
  std::string person;
  std::string description;
  std::string remedy;
};

// The supplier's written explanation of a price the abnormally-low check flagged, and the
// procurement officer's assessment of it (FOA § 24-9).
struct PriceExplanationCommand {
  Date asked_on;  // when the supplier was asked in writing
  std::string explanation;
  tendering::ExplanationAssessment assessment = tendering::ExplanationAssessment::kAccepted;
  std::string assessment_reasons;
};

// A supplier's complaint (klage) about the award, lodged during the standstill period.
struct LodgeComplaintCommand {
  std::string grounds;
};

// The procurement officer's handling of a complaint: upheld or rejected, with written reasons.
struct HandleComplaintCommand {
  tendering::ComplaintOutcome outcome = tendering::ComplaintOutcome::kRejected;
  std::string reasons;
};

// ---- Views: what the actor may see, typed. The API encodes them (web/tender_json_codec.h);
// the pages render them.

// A tender as the actor sees it.
struct TenderView {
  int64_t id = 0;
  int64_t version = 0;
  Timestamp created_at;
  Timestamp updated_at;
  Timestamp now;  // the moment the view was made: the allowed actions are the ones at `now`
  std::optional<tendering::OrganisationRef> buyer;
  tendering::Tender tender;    // terms, state, regime, locked award model, cancellation
  bool shows_actions = false;  // the actor runs the competition and sees its next steps
  // The outcome as far as the actor may see it: the buyer side sees all of it; a supplier sees
  // the awards once the award notice is sent (the winner, the value and the reasons).
  std::optional<tendering::OpeningRecord> opening_record;
  // Per lot: the winner and the tied bids, without the reports (Evaluations has those).
  std::optional<std::map<std::string, tendering::LotEvaluation>> evaluation_summary;
  std::optional<std::vector<tendering::LotAward>> awards;
  std::optional<std::vector<std::string>> notified_participants;
};

// The check list before publishing: the tender, and what publishing it now would find.
struct PublicationCheckView {
  TenderView tender;
  tendering::PublicationCheck check;
};

// One line of the tender list.
struct TenderSummary {
  int64_t id = 0;
  std::string title;
  tendering::TenderState state = tendering::TenderState::kDraft;
  Timestamp updated_at;
  std::optional<Timestamp> bid_deadline;
};

// A supplier's own evaluation after the award notice (tendering::MayReadOwnEvaluation): each
// criterion's score on 0–10 with the committee's reasons, the total and the rank.
struct OwnEvaluation {
  struct Line {
    std::string criterion_id;
    std::string criterion_name;
    double score = 0.0;
    std::string justification;
  };
  std::vector<Line> scores;
  double total = 0.0;
  int rank = 0;
  bool lowest_price_wins = false;  // the total is an evaluated price (quality pricing)
};

// A bid as its reader may see it. The content (price, summary) is present only for a reader the
// rule of tendering/bid_access.h lets read it; scores only for the buyer side after opening.
struct BidView {
  int64_t id = 0;
  std::string lot_id;
  int version = 1;
  Timestamp received_at;
  tendering::BidStatus status = tendering::BidStatus::kValid;
  std::string rejection_reason;                        // when rejected
  std::optional<tendering::OrganisationRef> supplier;  // buyer side, after opening
  std::optional<Money> price;
  std::string summary;  // with the price
  std::optional<std::vector<tendering::BidScore>> scores;
  std::optional<OwnEvaluation> own_evaluation;  // a supplier's own bid, after the award notice
};

// When a bid arrived, and for which lot: all anyone sees of a sealed bid.
struct BidReceiptView {
  std::string lot_id;
  Timestamp received_at;
};

// The bids of a tender: sealed (receipts only) or the bids the reader may see.
struct BidList {
  bool sealed = false;
  std::vector<BidReceiptView> receipts;  // when sealed
  std::vector<BidView> bids;             // when not
};

struct BidScores {
  int64_t bid_id = 0;
  std::vector<tendering::BidScore> scores;
};

struct BidRejection {
  int64_t bid_id = 0;
  std::string reason;
  tendering::RejectionKind kind = tendering::RejectionKind::kTender;
};

// A question as its reader sees it: the buyer side sees who asked; a supplier only whether it
// asked it itself.
struct QuestionView {
  int64_t id = 0;
  std::string lot_id;
  std::string question;
  Timestamp asked_at;
  std::optional<std::string> answer;
  std::optional<Timestamp> answered_at;
  std::optional<tendering::OrganisationRef> asked_by;  // buyer side
  std::optional<bool> own;                             // suppliers
};

// An answer as published to every supplier.
struct PublishedAnswer {
  int64_t id = 0;  // the question's
  std::string question;
  std::string answer;
  Timestamp answered_at;
};

// The OCDS release package's input: the record as the actor may see it, and the options.
struct OcdsRelease {
  tendering::TenderRecord record;
  tendering::OcdsExportOptions options;
};

class TenderService {
 public:
  TenderService(store::Store& store, const Clock& clock,
                tendering::ThresholdTable thresholds = tendering::ThresholdTable::Norway(),
                OcdsSettings ocds = {});

  // Tenders. Create/Revise take the draft document of tendering/tender_json.h.
  Result<TenderView> Create(const Actor& actor, std::string_view draft_json);
  Result<TenderView> Revise(const Actor& actor, int64_t id, std::string_view draft_json);
  Result<TenderView> Get(const Actor& actor, int64_t id);
  // What publishing would find now, without publishing (tendering::Tender::CheckPublication):
  // for those who publish (procurement officers).
  Result<PublicationCheckView> CheckPublication(const Actor& actor, int64_t id);
  // Every problem of a draft document at once, so a form can show them all in one round: the
  // document's one shape error when it cannot be read as a draft, else
  // tendering::DraftProblems(). Empty when Create and Revise would accept it. Reads nothing.
  static std::vector<Status> DraftProblems(std::string_view draft_json);
  Result<std::vector<TenderSummary>> List(const Actor& actor);

  // A lifecycle action (tendering::TenderAction). `reason` is required for cancel. Illegal
  // ones are kConflict naming the current state.
  Result<TenderView> Act(const Actor& actor, int64_t id, tendering::TenderAction action,
                         std::string_view reason = {});

  // Bids. The tender decides whether the bid is received and whether it replaces the
  // supplier's earlier one for the lot (tendering::Tender::ReceiveBid).
  Result<BidView> SubmitBid(const Actor& actor, int64_t id, const SubmitBidCommand& bid);
  Result<BidList> ListBids(const Actor& actor, int64_t id);
  Result<BidScores> ScoreBid(const Actor& actor, int64_t id, int64_t bid_id,
                             const ScoreBidCommand& command);
  // Rejects a bid with written reasons: after opening and before the evaluation is completed,
  // or, once evaluated, the winner whose price explanation was not accepted — its lot is then
  // evaluated again without it (tendering::LotOfRejectedExplanation).
  // `kind` says whether the supplier is rejected (qualification, exclusion: FOA § 25-5 (j)) or
  // the tender itself (k); the bid.reject event records it, and the record reads it from there.
  Result<BidRejection> RejectBid(const Actor& actor, int64_t id, int64_t bid_id,
                                 std::string_view reason,
                                 tendering::RejectionKind kind = tendering::RejectionKind::kTender);

  // Complaints (klage). Lodge: a supplier organisation that submitted a bid to the tender, during
  // the standstill period (tendering::Tender::LodgeComplaint); answers 201's body, the complaint.
  // Handle: procurement officers, once per complaint. List: the buyer side sees every
  // complaint, a supplier only its own organisation's.
  Result<tendering::Complaint> LodgeComplaint(const Actor& actor, int64_t id,
                                              const LodgeComplaintCommand& command);
  Result<tendering::Complaint> HandleComplaint(const Actor& actor, int64_t id, int64_t complaint_id,
                                               const HandleComplaintCommand& command);
  Result<std::vector<tendering::Complaint>> ListComplaints(const Actor& actor, int64_t id);

  // Questions and answers.
  Result<QuestionView> AskQuestion(const Actor& actor, int64_t id,
                                   const AskQuestionCommand& command);
  Result<PublishedAnswer> AnswerQuestion(const Actor& actor, int64_t id, int64_t question_id,
                                         std::string_view answer);
  Result<std::vector<QuestionView>> ListQuestions(const Actor& actor, int64_t id);

  // The evaluation of each lot with its report, for the roles that read opened bids; empty
  // before the evaluation is completed.
  Result<std::map<std::string, tendering::LotEvaluation>> Evaluations(const Actor& actor,
                                                                      int64_t id);

  // Records the supplier's explanation of bid `bid_id`'s price, which the abnormally-low check
  // flagged as its lot's winner, and the assessment (procurement officers; tender evaluated).
  // The award of that lot waits for an accepted explanation (tendering::CheckAwardable).
  Result<tendering::PriceExplanation> RecordPriceExplanation(
      const Actor& actor, int64_t id, int64_t bid_id, const PriceExplanationCommand& command);

  // Protocol entries without a state change: a note for one of the letters a–p of FOA
  // § 25-5 (procurement officers), and a declared conflict of interest (procurement officers
  // and evaluators). Each answers with what was recorded.
  Result<ProtocolNote> AddNote(const Actor& actor, int64_t id, const ProtocolNote& note);
  Result<ConflictDeclaration> DeclareConflict(const Actor& actor, int64_t id,
                                              const ConflictDeclaration& declaration);

  // Documents made from the whole record (buyer-side roles).
  Result<tendering::TenderRecord> Record(const Actor& actor, int64_t id);
  Result<tendering::Protocol> Protocol(const Actor& actor, int64_t id);
  // The protocol is written in Norwegian; `in_norwegian`, when given, turns the English
  // messages it quotes from the record (the timeline's warnings at publication) into Norwegian
  // (the pages pass their message catalogue).
  Result<std::string> ProtocolHtml(
      const Actor& actor, int64_t id, bool inline_css,
      const std::function<std::string(std::string_view)>& in_norwegian = nullptr);
  Result<OcdsRelease> Ocds(const Actor& actor, int64_t id);

 private:
  struct Loaded;  // the stored row, the restored aggregate and its outcome

  Result<Loaded> Load(int64_t id);
  Result<Loaded> LoadVisible(const Actor& actor, int64_t id);
  // The seal on the loaded tender's bids, and the domain's rule for one of them
  // (tendering/bid_access.h), which every read of bid content goes through.
  tendering::BidSeal Seal(const Loaded& loaded) const;
  bool MayReadContent(const Actor& actor, const Loaded& loaded, const store::StoredBid& bid) const;
  // Stores the changed tender with its audit event (`details_json`: the event's details, an
  // object to which the new state is added) and answers with the view.
  Result<TenderView> Save(const Actor& actor, Loaded& loaded, const std::string& action,
                          std::string details_json);
  TenderView View(const Actor& actor, const Loaded& loaded);
  Result<int64_t> BuyerOrganisation(const Actor& actor);
  Result<tendering::OrganisationRef> OrganisationRef(int64_t id);
  Result<std::vector<std::string>> Participants(int64_t tender_id);
  // Rejects the evaluated winner of `lot` whose explanation was not accepted and evaluates the
  // lot again without it.
  Result<BidRejection> RejectAndReevaluate(const Actor& actor, Loaded& loaded,
                                           const store::StoredBid& bid, const std::string& lot,
                                           std::string_view reason);
  // The valid bids of one lot with their content and scores, as the evaluation reads them.
  Result<tendering::LotBid> LotBidOf(const store::StoredBid& bid);

  store::AuditEvent Event(const Actor& actor, std::string action, int64_t tender_id,
                          std::string details_json) const;

  store::Store& store_;
  const Clock& clock_;
  tendering::ThresholdTable thresholds_;
  OcdsSettings ocds_;
};

}  // namespace samspill::app
