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
//   answer (never who asked), and nothing of other suppliers' bids.
// Thread-safe: state lives in the Store.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/auth_service.h"
#include "common/clock.h"
#include "common/money.h"
#include "common/status.h"
#include "store/store.h"
#include "tendering/bid_access.h"
#include "tendering/tender.h"
#include "tendering/tender_record.h"
#include "tendering/threshold_table.h"
#include "web/actor.h"

namespace samspill::web {

// How tenders are published as open data. The prefix must be the publisher's own, registered
// with the Open Contracting Partnership; the default is a placeholder for demos and tests.
struct OcdsSettings {
  std::string ocid_prefix = "ocds-smspll";
  std::string package_uri_base = "https://samspill.invalid/ocds/";
};

// A supplier's bid as submitted. Money is integer øre from the form field or the API's JSON to
// the store; the page parses "1 250 000,50" straight into it.
struct SubmitBidCommand {
  std::string lot_id;  // "" for an undivided tender
  Money price;
  std::string summary;
};

// The API's bid body {"lot_id": "1", "price": 1250000.50, "summary": "…"} as a command; unknown
// keys, a price that is not an exact amount in øre, and over-long text are named by field.
Result<SubmitBidCommand> SubmitBidCommandFromJson(const nlohmann::json& body);

class TenderService {
 public:
  TenderService(store::Store& store, const Clock& clock,
                tendering::ThresholdTable thresholds = tendering::ThresholdTable::Norway(),
                OcdsSettings ocds = {});

  // Tenders. Create/Revise take the draft document of tendering/tender_json.h.
  Result<nlohmann::json> Create(const app::Actor& actor, std::string_view draft_json);
  Result<nlohmann::json> Revise(const app::Actor& actor, int64_t id, std::string_view draft_json);
  Result<nlohmann::json> Get(const app::Actor& actor, int64_t id);
  Result<nlohmann::json> List(const app::Actor& actor);

  // Lifecycle actions by API name ("publish", "close_bidding", "open_bids",
  // "complete_evaluation", "propose_award", "approve_politically", "send_award_notice",
  // "sign_contract", "cancel"). `reason` is required for cancel. Illegal ones are kConflict
  // naming the current state.
  Result<nlohmann::json> Act(const app::Actor& actor, int64_t id, std::string_view action,
                             std::string_view reason = {});

  // Bids. The tender decides whether the bid is received and whether it replaces the
  // supplier's earlier one for the lot (tendering::Tender::ReceiveBid).
  Result<nlohmann::json> SubmitBid(const app::Actor& actor, int64_t id,
                                   const SubmitBidCommand& bid);
  Result<nlohmann::json> ListBids(const app::Actor& actor, int64_t id);
  Result<nlohmann::json> ScoreBid(const app::Actor& actor, int64_t id, int64_t bid_id,
                                  const nlohmann::json& body);
  Result<nlohmann::json> RejectBid(const app::Actor& actor, int64_t id, int64_t bid_id,
                                   std::string_view reason);

  // Questions and answers.
  Result<nlohmann::json> AskQuestion(const app::Actor& actor, int64_t id,
                                     const nlohmann::json& body);
  Result<nlohmann::json> AnswerQuestion(const app::Actor& actor, int64_t id, int64_t question_id,
                                        std::string_view answer);
  Result<nlohmann::json> ListQuestions(const app::Actor& actor, int64_t id);

  // The evaluation reports per lot ({"<lot>": {"report": …, "winner_bid_id": …}}), for the
  // roles that read opened bids; {} before the evaluation is completed.
  Result<nlohmann::json> Evaluations(const app::Actor& actor, int64_t id);

  // Protocol entries without a state change: a note for one of the letters a–p of FOA
  // § 25-5 ({"letter": "d", "text": "…"}; procurement officers), and a declared conflict of
  // interest ({"person", "description", "remedy"}; procurement officers and evaluators).
  Result<nlohmann::json> AddNote(const app::Actor& actor, int64_t id, const nlohmann::json& body);
  Result<nlohmann::json> DeclareConflict(const app::Actor& actor, int64_t id,
                                         const nlohmann::json& body);

  // Documents made from the whole record (buyer-side roles).
  Result<tendering::TenderRecord> Record(const app::Actor& actor, int64_t id);
  Result<nlohmann::json> ProtocolJson(const app::Actor& actor, int64_t id);
  Result<std::string> ProtocolHtml(const app::Actor& actor, int64_t id, bool inline_css);
  Result<nlohmann::json> OcdsPackage(const app::Actor& actor, int64_t id);

 private:
  struct Loaded {
    store::StoredTender stored;
    tendering::Tender tender;
    nlohmann::json outcome;
  };

  Result<Loaded> Load(int64_t id);
  Result<Loaded> LoadVisible(const app::Actor& actor, int64_t id);
  // The seal on the loaded tender's bids, and the domain's rule for one of them
  // (tendering/bid_access.h), which every read of bid content goes through.
  tendering::BidSeal Seal(const Loaded& loaded) const;
  bool MayReadContent(const app::Actor& actor, const Loaded& loaded,
                      const store::StoredBid& bid) const;
  Result<nlohmann::json> Save(const app::Actor& actor, Loaded& loaded, std::string action,
                              nlohmann::json details);
  nlohmann::json View(const app::Actor& actor, const Loaded& loaded);
  Result<int64_t> BuyerOrganisation(const app::Actor& actor);
  Result<tendering::OrganisationRef> OrganisationRef(int64_t id);

  Status CloseBidding(Loaded& loaded, nlohmann::json& details);
  Status OpenBids(const app::Actor& actor, Loaded& loaded, nlohmann::json& details);
  Status CompleteEvaluation(Loaded& loaded, nlohmann::json& details);
  Status ProposeAward(Loaded& loaded, nlohmann::json& details);
  Result<std::vector<std::string>> Participants(int64_t tender_id);

  store::AuditEvent Event(const app::Actor& actor, std::string action, int64_t tender_id,
                          nlohmann::json details) const;

  store::Store& store_;
  const Clock& clock_;
  tendering::ThresholdTable thresholds_;
  OcdsSettings ocds_;
};

// The bid states as API names: "valid", "rejected".
std::string_view BidStatusName(tendering::BidStatus status);

}  // namespace samspill::web
