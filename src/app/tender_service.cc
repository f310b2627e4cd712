#include "app/tender_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/text.h"
#include "store/audit_chain.h"
#include "tendering/bid_access.h"
#include "tendering/lot_evaluation.h"
#include "tendering/protocol_html.h"
#include "tendering/tender_json.h"
#include "tendering/tender_outcome_json.h"

namespace samspill::app {
namespace {

using nlohmann::json;
using tendering::BidStatus;
using tendering::Tender;
using tendering::TenderAction;
using tendering::TenderState;

constexpr size_t kMaxSummaryChars = 20000;
constexpr size_t kMaxLotIdChars = 100;
constexpr size_t kMaxQuestionChars = 10000;
constexpr size_t kMaxReasonChars = 20000;

bool IsSupplier(const Actor& a) { return !a.is_system && a.role == Role::kSupplier; }
bool IsBuyerSide(const Actor& a) { return a.is_system || IsTenderBuyerRole(a.role); }
// The partnership roles work in the portfolio and read no tenders.
bool ReadsTenders(const Actor& a) { return IsBuyerSide(a) || IsSupplier(a); }
bool Runs(const Actor& a) { return a.is_system || a.role == Role::kProcurementOfficer; }
bool Scores(const Actor& a) {
  return a.is_system || a.role == Role::kProcurementOfficer || a.role == Role::kEvaluator;
}
// Who reads bid content is the tendering domain's one rule (tendering/bid_access.h).
tendering::BidReader Reader(const Actor& a) { return {a.role, a.is_system}; }
bool IsBiddingSupplier(const Actor& a, const store::StoredBid& bid) {
  return IsSupplier(a) && a.organisation_id && *a.organisation_id == bid.supplier_organisation_id;
}

std::string StateName(TenderState s) { return std::string(tendering::TenderStateName(s)); }

// A text field no longer than `max_chars`; the error names the field.
Status CheckLength(std::string_view value, const char* field, size_t max_chars) {
  if (value.size() <= max_chars) return Status::Ok();
  return InvalidArgument(
      std::string(field) + " is longer than " + std::to_string(max_chars) + " characters", field);
}

struct BidContent {
  Money price;
  std::string summary;
};

Result<BidContent> ParseStoredContent(const std::string& text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("price_minor") || !doc["price_minor"].is_number_integer()) {
    return Internal("a stored bid's content is corrupt");
  }
  BidContent c;
  c.price = Money{doc["price_minor"].get<int64_t>(), "NOK"};
  c.summary = doc.value("summary", "");
  return c;
}

Result<std::vector<tendering::BidScore>> ParseStoredScores(const std::string& text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_array()) return Internal("a stored bid's scores are corrupt");
  std::vector<tendering::BidScore> out;
  for (const json& s : doc) {
    out.push_back(
        {s.value("criterion_id", ""), s.value("score", 0.0), s.value("justification", "")});
  }
  return out;
}

json ScoresJson(const std::vector<tendering::BidScore>& scores) {
  json out = json::array();
  for (const auto& s : scores) {
    out.push_back(
        {{"criterion_id", s.criterion_id}, {"score", s.score}, {"justification", s.justification}});
  }
  return out;
}

// The evaluation of one bid, read from its lot's report: its own row only.
std::optional<OwnEvaluation> OwnEvaluationOf(const tendering::TenderOutcome& outcome,
                                             const store::StoredBid& bid) {
  if (!outcome.evaluations) return std::nullopt;
  auto lot = outcome.evaluations->find(bid.lot_id);
  if (lot == outcome.evaluations->end() || !lot->second.evaluated()) return std::nullopt;
  const json report = json::parse(lot->second.report_json, nullptr, false);
  if (!report.is_object()) return std::nullopt;
  const std::string id = std::to_string(bid.id);
  for (const json& row : report.value("ranking", json::array())) {
    if (row.value("id", "") != id) continue;
    OwnEvaluation own;
    own.total = row.value("total", 0.0);
    own.rank = row.value("rank", 0);
    own.lowest_price_wins = report.value("total_meaning", "").find("price") != std::string::npos;
    const json scores = row.value("scores", json::object());
    const json reasons = row.value("justifications", json::object());
    for (const json& c : report.value("criteria", json::array())) {
      const std::string cid = c.value("id", "");
      if (!scores.contains(cid)) continue;  // under quality pricing the price is no score
      own.scores.push_back(
          {cid, c.value("name", cid), scores[cid].get<double>(), reasons.value(cid, "")});
    }
    return own;
  }
  return std::nullopt;  // rejected before the evaluation: the bid was not scored
}

}  // namespace

struct TenderService::Loaded {
  store::StoredTender stored;
  Tender tender;
  tendering::TenderOutcome outcome;
};

TenderService::TenderService(store::Store& store, const Clock& clock,
                             tendering::ThresholdTable thresholds, OcdsSettings ocds)
    : store_(store), clock_(clock), thresholds_(std::move(thresholds)), ocds_(std::move(ocds)) {}

store::AuditEvent TenderService::Event(const Actor& actor, std::string action, int64_t tender_id,
                                       std::string details_json) const {
  store::AuditEvent e;
  e.at = clock_.Now();
  e.actor_user_id = actor.user_id;
  e.actor = actor.username;
  e.action = std::move(action);
  e.entity_type = "tender";
  if (tender_id > 0) e.entity_id = std::to_string(tender_id);
  e.after_json = details_json.empty() ? "{}" : std::move(details_json);
  return e;
}

Result<tendering::OrganisationRef> TenderService::OrganisationRef(int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(store::Organisation org, store_.FindOrganisationById(id));
  return tendering::OrganisationRef{org.id, org.name, org.org_number, org.address};
}

Result<int64_t> TenderService::BuyerOrganisation(const Actor& actor) {
  if (actor.organisation_id) {
    SAMSPILL_ASSIGN_OR_RETURN(store::Organisation org,
                              store_.FindOrganisationById(*actor.organisation_id));
    if (org.kind == store::OrganisationKind::kBuyer) return org.id;
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::Organisation> orgs, store_.ListOrganisations());
  std::vector<int64_t> buyers;
  for (const auto& o : orgs) {
    if (o.kind == store::OrganisationKind::kBuyer) buyers.push_back(o.id);
  }
  if (buyers.size() == 1) return buyers[0];
  return FailedPrecondition(buyers.empty()
                                ? "no buyer organisation is registered; register the "
                                  "municipality first"
                                : "several buyer organisations are registered; link the user to "
                                  "the one it buys for");
}

Result<TenderService::Loaded> TenderService::Load(int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredTender stored, store_.FindTender(id));
  // A stored tender that no longer reads or restores (an award model that does not match the
  // hash locked at publication) was changed outside samspill: data loss, said in words, not an
  // anonymous internal error.
  Result<tendering::TenderSnapshot> snapshot =
      tendering::ParseTenderSnapshotJson(stored.document_json);
  if (!snapshot.ok()) {
    return DataLoss("the stored record of tender " + std::to_string(id) +
                    " is unreadable: " + snapshot.status().ToString());
  }
  Result<Tender> tender = Tender::Restore(std::move(*snapshot));
  if (!tender.ok()) {
    return DataLoss("the stored record of tender " + std::to_string(id) +
                    " was changed outside samspill: " + tender.status().message());
  }
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderOutcome outcome,
                            tendering::ParseTenderOutcomeJson(stored.outcome_json));
  return Loaded{std::move(stored), std::move(*tender), std::move(outcome)};
}

tendering::BidSeal TenderService::Seal(const Loaded& loaded) const {
  return tendering::BidSeal{loaded.tender.state(), loaded.outcome.opening.has_value(),
                            loaded.tender.draft().bid_deadline, clock_.Now()};
}

bool TenderService::MayReadContent(const Actor& actor, const Loaded& loaded,
                                   const store::StoredBid& bid) const {
  return tendering::MayReadBidContent(Reader(actor), IsBiddingSupplier(actor, bid), Seal(loaded));
}

Result<TenderService::Loaded> TenderService::LoadVisible(const Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(ReadsTenders(actor), actor, "read tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  // Suppliers never see drafts: a draft is the buyer's working paper.
  if (IsSupplier(actor) && loaded.tender.state() == TenderState::kDraft) {
    return NotFound("no tender with id " + std::to_string(id));
  }
  return loaded;
}

Result<TenderView> TenderService::Save(const Actor& actor, Loaded& loaded,
                                       const std::string& action, std::string details_json) {
  store::TenderUpdate update;
  update.id = loaded.stored.id;
  update.expected_version = loaded.stored.version;
  update.title = loaded.tender.draft().title;
  update.state = static_cast<int>(loaded.tender.state());
  update.bid_deadline = loaded.tender.draft().bid_deadline;
  update.document_json = tendering::TenderSnapshotToJson(loaded.tender.Snapshot()).dump();
  update.outcome_json = tendering::TenderOutcomeToJson(loaded.outcome).dump();
  json details = json::parse(details_json);
  details["state"] = StateName(loaded.tender.state());
  SAMSPILL_ASSIGN_OR_RETURN(
      loaded.stored,
      store_.UpdateTender(update, Event(actor, action, loaded.stored.id, details.dump())));
  return View(actor, loaded);
}

TenderView TenderService::View(const Actor& actor, const Loaded& loaded) {
  TenderView view;
  view.id = loaded.stored.id;
  view.version = loaded.stored.version;
  view.created_at = loaded.stored.created_at;
  view.updated_at = loaded.stored.updated_at;
  view.now = clock_.Now();
  if (Result<tendering::OrganisationRef> buyer =
          OrganisationRef(loaded.stored.buyer_organisation_id);
      buyer.ok()) {
    view.buyer = *buyer;
  }
  view.tender = loaded.tender;
  view.shows_actions = Runs(actor);
  const tendering::TenderOutcome& outcome = loaded.outcome;
  const TenderState state = loaded.tender.state();
  const bool award_public =
      state == TenderState::kStandstill || state == TenderState::kContractSigned;
  if (IsBuyerSide(actor)) {
    view.opening_record = outcome.opening;
    if (outcome.evaluations) {
      view.evaluation_summary.emplace();
      for (const auto& [lot, e] : *outcome.evaluations) {
        tendering::LotEvaluation summary;  // the winner and the tie, not the report
        summary.winner_bid_id = e.winner_bid_id;
        summary.tied_bid_ids = e.tied_bid_ids;
        (*view.evaluation_summary)[lot] = std::move(summary);
      }
    }
    view.awards = outcome.awards;
    view.notified_participants = outcome.notified;
  } else if (award_public) {
    // The award notice goes to every tenderer: the winner, the value and the reasons.
    view.awards = outcome.awards;
  }
  return view;
}

Result<TenderView> TenderService::Create(const Actor& actor, std::string_view draft_json) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "create tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderDraft draft,
                            tendering::ParseTenderDraftJson(draft_json));
  SAMSPILL_ASSIGN_OR_RETURN(Tender tender, Tender::CreateDraft(std::move(draft)));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t buyer, BuyerOrganisation(actor));
  store::StoredTender row;
  row.buyer_organisation_id = buyer;
  row.title = tender.draft().title;
  row.state = static_cast<int>(tender.state());
  row.bid_deadline = tender.draft().bid_deadline;
  row.document_json = tendering::TenderSnapshotToJson(tender.Snapshot()).dump();
  row.outcome_json = "{}";
  json details = {{"title", tender.draft().title}, {"state", StateName(tender.state())}};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredTender stored,
      store_.CreateTender(row, Event(actor, "tender.create", 0, details.dump())));
  Loaded loaded{std::move(stored), std::move(tender), {}};
  return View(actor, loaded);
}

std::vector<Status> TenderService::DraftProblems(std::string_view draft_json) {
  Result<tendering::TenderDraft> draft = tendering::ReadTenderDraftJson(draft_json);
  if (!draft.ok()) return {draft.status()};
  return tendering::DraftProblems(*draft);
}

Result<TenderView> TenderService::Revise(const Actor& actor, int64_t id,
                                         std::string_view draft_json) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "revise tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  // The state is checked before the body, so a change after publication is refused as such.
  if (loaded.tender.state() != TenderState::kDraft) {
    return loaded.tender.ReviseDraft(loaded.tender.draft());
  }
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderDraft draft,
                            tendering::ParseTenderDraftJson(draft_json));
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.ReviseDraft(std::move(draft)));
  return Save(actor, loaded, "tender.revise",
              json{{"title", loaded.tender.draft().title},
                   {"draft", tendering::TenderDraftToJson(loaded.tender.draft())}}
                  .dump());
}

Result<TenderView> TenderService::Get(const Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  return View(actor, loaded);
}

Result<PublicationCheckView> TenderService::CheckPublication(const Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "publish tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  PublicationCheckView out;
  out.tender = View(actor, loaded);
  out.check = loaded.tender.CheckPublication(out.tender.now, thresholds_);
  return out;
}

Result<std::vector<TenderSummary>> TenderService::List(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(ReadsTenders(actor), actor, "read tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredTender> rows, store_.ListTenderSummaries());
  std::vector<TenderSummary> out;
  for (const store::StoredTender& row : rows) {
    const auto state = static_cast<TenderState>(row.state);
    if (IsSupplier(actor) && state == TenderState::kDraft) continue;
    out.push_back({row.id, row.title, state, row.updated_at, row.bid_deadline});
  }
  return out;
}

Result<TenderView> TenderService::Act(const Actor& actor, int64_t id, TenderAction action,
                                      std::string_view reason) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "change a tender's state"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  const Timestamp now = clock_.Now();
  Tender& tender = loaded.tender;
  tendering::TenderOutcome& outcome = loaded.outcome;
  json details = json::object();
  details["from_state"] = StateName(tender.state());
  switch (action) {
    case TenderAction::kPublish: {
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<tendering::TimelineFinding> findings,
                                tender.Publish(now, thresholds_));
      json f = json::array();
      for (const auto& finding : findings) {
        f.push_back(
            {{"severity", finding.severity == tendering::Severity::kWarning ? "warning" : "info"},
             {"milestone", tendering::MilestoneName(finding.milestone)},
             {"message", finding.message}});
      }
      details["timeline_warnings"] = f;
      details["award_model_sha256"] = tender.locked_award_model()->sha256;
      break;
    }
    case TenderAction::kCloseBidding: {
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
      std::map<std::string, int> per_lot;
      for (const std::string& lot : tender.LotIds()) per_lot[lot] = 0;
      for (const auto& b : receipts) ++per_lot[b.lot_id];
      SAMSPILL_RETURN_IF_ERROR(tender.CloseBidding(now, per_lot));
      details["bids_per_lot"] = per_lot;
      details["unsuccessful_lots"] = tender.unsuccessful_lots();
      if (tender.state() == TenderState::kUnsuccessful) {
        int most = 0;
        for (const auto& [lot, n] : per_lot) most = std::max(most, n);
        details["finding"] = tendering::UnsuccessfulReason(most, tender.draft().minimum_bids);
      }
      break;
    }
    case TenderAction::kOpenBids: {
      SAMSPILL_RETURN_IF_ERROR(tender.Advance(TenderAction::kOpenBids, now));
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
      tendering::OpeningRecord record{now, actor.username, {}};
      for (const auto& b : receipts) {
        SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                                  OrganisationRef(b.supplier_organisation_id));
        record.bids.push_back({b.id, b.lot_id, std::move(org), b.received_at, b.version});
      }
      details["opening_record"] = tendering::OpeningRecordToJson(record);
      outcome.opening = std::move(record);
      break;
    }
    case TenderAction::kCompleteEvaluation: {
      if (tender.state() != TenderState::kOpened) {
        return tender.Advance(TenderAction::kCompleteEvaluation, now);
      }
      const tendering::AwardModel& model = tender.locked_award_model()->model;
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids, store_.ListBidsWithContent(id));
      const std::vector<std::string> unsuccessful = tender.unsuccessful_lots();
      std::map<std::string, tendering::LotEvaluation> evaluations;
      int evaluated_lots = 0;
      for (const std::string& lot : tender.LotIds()) {
        if (std::find(unsuccessful.begin(), unsuccessful.end(), lot) != unsuccessful.end()) {
          continue;
        }
        std::vector<tendering::LotBid> lot_bids;
        for (const auto& b : bids) {
          if (b.lot_id != lot || b.status != static_cast<int>(BidStatus::kValid)) continue;
          SAMSPILL_ASSIGN_OR_RETURN(tendering::LotBid lot_bid, LotBidOf(b));
          lot_bids.push_back(std::move(lot_bid));
        }
        SAMSPILL_ASSIGN_OR_RETURN(tendering::LotEvaluation evaluation,
                                  tendering::EvaluateLot(model, tender.draft().title, lot_bids));
        evaluated_lots += evaluation.evaluated() ? 1 : 0;
        evaluations[lot] = std::move(evaluation);
      }
      if (evaluated_lots == 0) {
        return FailedPrecondition(
            "no lot has a valid bid to evaluate; cancel the competition with written reasons");
      }
      SAMSPILL_RETURN_IF_ERROR(tender.Advance(TenderAction::kCompleteEvaluation, now));
      json winners = json::object();
      for (const auto& [lot, e] : evaluations) {
        winners[lot] = e.winner_bid_id ? json(*e.winner_bid_id) : json();
      }
      details["winners"] = winners;
      outcome.evaluations = std::move(evaluations);
      break;
    }
    case TenderAction::kProposeAward: {
      if (tender.state() != TenderState::kEvaluated) {
        return tender.Advance(TenderAction::kProposeAward, now);
      }
      if (!outcome.evaluations) outcome.evaluations.emplace();
      SAMSPILL_ASSIGN_OR_RETURN(auto winners, tendering::WinningBids(*outcome.evaluations));
      std::vector<tendering::LotAward> awards;
      json awards_json = json::array();
      for (const auto& [lot, bid_id] : winners) {
        SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid bid, store_.FindBidWithContent(bid_id));
        SAMSPILL_ASSIGN_OR_RETURN(tendering::LotBid winner, LotBidOf(bid));
        awards.push_back(tendering::AwardLot(lot, outcome.evaluations->at(lot), winner,
                                             tender.locked_award_model()->model));
        awards_json.push_back(tendering::LotAwardToJson(awards.back()));
      }
      SAMSPILL_RETURN_IF_ERROR(tender.Advance(TenderAction::kProposeAward, now));
      details["awards"] = awards_json;
      outcome.awards = std::move(awards);
      break;
    }
    case TenderAction::kCancel: {
      if (reason.size() > kMaxReasonChars) {
        return InvalidArgument("the reason is longer than 20000 characters", "reason");
      }
      SAMSPILL_RETURN_IF_ERROR(tender.Cancel(now, std::string(reason)));
      // Every participant is told, with the reasons (FOA § 25-4).
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> participants, Participants(id));
      details["reason"] = std::string(reason);
      details["notified"] = participants;
      outcome.notified = std::move(participants);
      break;
    }
    case TenderAction::kApprovePolitically:
    case TenderAction::kSendAwardNotice:
    case TenderAction::kSignContract:
      SAMSPILL_RETURN_IF_ERROR(tender.Advance(action, now));
      if (action == TenderAction::kSendAwardNotice) {
        SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> participants, Participants(id));
        details["notified"] = participants;
        outcome.notified = std::move(participants);
      }
      break;
  }
  return Save(actor, loaded, "tender." + std::string(tendering::TenderActionName(action)),
              details.dump());
}

Result<std::vector<std::string>> TenderService::Participants(int64_t tender_id) {
  std::set<int64_t> ids;
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids, store_.ListBidReceipts(tender_id));
  for (const auto& b : bids) ids.insert(b.supplier_organisation_id);
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredQuestion> qs, store_.ListQuestions(tender_id));
  for (const auto& q : qs) ids.insert(q.asked_by_organisation_id);
  std::vector<std::string> names;
  for (int64_t id : ids) {
    SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org, OrganisationRef(id));
    names.push_back(org.name + " (" + org.org_number + ")");
  }
  return names;
}

Result<tendering::LotBid> TenderService::LotBidOf(const store::StoredBid& bid) {
  SAMSPILL_ASSIGN_OR_RETURN(BidContent content, ParseStoredContent(bid.content_json));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<tendering::BidScore> scores,
                            ParseStoredScores(bid.scores_json));
  SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                            OrganisationRef(bid.supplier_organisation_id));
  return tendering::LotBid{bid.id, std::move(org), content.price, std::move(scores)};
}

Result<BidView> TenderService::SubmitBid(const Actor& actor, int64_t id,
                                         const SubmitBidCommand& bid) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(IsSupplier(actor), actor, "submit bids"));
  if (!actor.organisation_id) {
    return FailedPrecondition("the user belongs to no supplier organisation");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckLength(bid.lot_id, "lot_id", kMaxLotIdChars));
  SAMSPILL_RETURN_IF_ERROR(CheckLength(bid.summary, "summary", kMaxSummaryChars));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  const Timestamp now = clock_.Now();
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
  std::vector<tendering::BidOnFile> on_file;
  for (const store::StoredBid& r : receipts) {
    on_file.push_back({r.lot_id, r.supplier_organisation_id});
  }
  SAMSPILL_ASSIGN_OR_RETURN(
      tendering::BidReceipt receipt,
      loaded.tender.ReceiveBid(now, {bid.lot_id, *actor.organisation_id, bid.price}, on_file));
  store::NewBid to_store{id,
                         bid.lot_id,
                         *actor.organisation_id,
                         actor.user_id.value_or(0),
                         now,
                         json{{"price_minor", bid.price.minor}, {"summary", bid.summary}}.dump()};
  // The event names the bid but never its content: the audit trail is readable before the
  // deadline.
  json details = {{"lot_id", bid.lot_id},
                  {"supplier_organisation_id", *actor.organisation_id},
                  {"received_at", now.ToIso()}};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredBid stored,
      store_.SubmitBid(to_store,
                       Event(actor, receipt.replaces_earlier ? "bid.replace" : "bid.submit", id,
                             details.dump())));
  BidView view;
  view.id = stored.id;
  view.lot_id = stored.lot_id;
  view.version = stored.version;
  view.received_at = stored.received_at;
  view.price = bid.price;
  view.summary = bid.summary;
  return view;
}

Result<BidList> TenderService::ListBids(const Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  BidList out;
  if (IsSupplier(actor)) {
    if (!actor.organisation_id) return out;
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
    for (const auto& r : receipts) {
      if (!MayReadContent(actor, loaded, r)) continue;  // only its own
      SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid own, store_.FindBidWithContent(r.id));
      SAMSPILL_ASSIGN_OR_RETURN(BidContent content, ParseStoredContent(own.content_json));
      BidView view{own.id,
                   own.lot_id,
                   own.version,
                   own.received_at,
                   static_cast<BidStatus>(own.status),
                   own.rejection_reason,
                   std::nullopt,
                   content.price,
                   content.summary,
                   std::nullopt};
      if (tendering::MayReadOwnEvaluation(Reader(actor), IsBiddingSupplier(actor, own),
                                          loaded.tender.state())) {
        view.own_evaluation = OwnEvaluationOf(loaded.outcome, own);
      }
      out.bids.push_back(std::move(view));
    }
    return out;
  }
  if (!tendering::BidsOpened(Seal(loaded))) {
    // Sealed: how many bids have arrived, and when — nothing about who sent them or what
    // they contain, for every role.
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
    out.sealed = true;
    for (const auto& r : receipts) out.receipts.push_back({r.lot_id, r.received_at});
    return out;
  }
  const bool content = tendering::ReadsOpenedBidContent(Reader(actor));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids,
                            content ? store_.ListBidsWithContent(id) : store_.ListBidReceipts(id));
  for (const auto& b : bids) {
    BidView view;
    view.id = b.id;
    view.lot_id = b.lot_id;
    view.version = b.version;
    view.received_at = b.received_at;
    view.status = static_cast<BidStatus>(b.status);
    view.rejection_reason = b.rejection_reason;
    SAMSPILL_ASSIGN_OR_RETURN(view.supplier, OrganisationRef(b.supplier_organisation_id));
    if (content && MayReadContent(actor, loaded, b)) {
      SAMSPILL_ASSIGN_OR_RETURN(BidContent c, ParseStoredContent(b.content_json));
      SAMSPILL_ASSIGN_OR_RETURN(view.scores, ParseStoredScores(b.scores_json));
      view.price = c.price;
      view.summary = c.summary;
    }
    out.bids.push_back(std::move(view));
  }
  return out;
}

Result<BidScores> TenderService::ScoreBid(const Actor& actor, int64_t id, int64_t bid_id,
                                          const ScoreBidCommand& command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Scores(actor), actor, "score bids"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (loaded.tender.state() != TenderState::kOpened) {
    return Conflict(
        "bids are scored after opening and before the evaluation is completed; the "
        "tender is in state '" +
        StateName(loaded.tender.state()) + "'");
  }
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid bid, store_.FindBidWithContent(bid_id));
  if (bid.tender_id != id) return NotFound("no bid " + std::to_string(bid_id) + " in this tender");
  const tendering::AwardModel& model = loaded.tender.locked_award_model()->model;
  std::set<std::string> seen;
  for (size_t i = 0; i < command.scores.size(); ++i) {
    const tendering::BidScore& s = command.scores[i];
    const std::string path = "scores[" + std::to_string(i) + "]";
    auto c = std::find_if(model.criteria.begin(), model.criteria.end(),
                          [&](const evaluation::Criterion& x) { return x.id == s.criterion_id; });
    if (c == model.criteria.end()) {
      return InvalidArgument("the announced award model has no criterion '" + s.criterion_id + "'",
                             path + ".criterion_id");
    }
    if (!evaluation::IsQualityLike(c->kind)) {
      return InvalidArgument("the price criterion is scored from the price, not by hand",
                             path + ".criterion_id");
    }
    if (!seen.insert(s.criterion_id).second) {
      return InvalidArgument("criterion '" + s.criterion_id + "' is scored twice",
                             path + ".criterion_id");
    }
    if (!std::isfinite(s.score) || s.score < 0 || s.score > 10) {
      return InvalidArgument("score must be a number from 0 to 10", path + ".score");
    }
  }
  json scores_json = ScoresJson(command.scores);
  SAMSPILL_RETURN_IF_ERROR(store_.SetBidEvaluation(
      bid_id, bid.status, bid.rejection_reason, scores_json.dump(),
      Event(actor, "bid.score", id, json{{"bid_id", bid_id}, {"scores", scores_json}}.dump())));
  return BidScores{bid_id, command.scores};
}

Result<BidRejection> TenderService::RejectBid(const Actor& actor, int64_t id, int64_t bid_id,
                                              std::string_view reason,
                                              tendering::RejectionKind kind) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "reject bids"));
  if (IsBlank(reason)) {
    return InvalidArgument("a rejection needs written reasons (FOA § 25-5)", "reason");
  }
  if (reason.size() > kMaxReasonChars) {
    return InvalidArgument("the reason is longer than 20000 characters", "reason");
  }
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  // After the evaluation one bid may still be rejected: the winner whose price explanation was
  // not accepted (FOA § 24-9). Its lot is then evaluated again without it.
  std::optional<std::string> reevaluate;
  if (loaded.tender.state() == TenderState::kEvaluated && loaded.outcome.evaluations) {
    SAMSPILL_ASSIGN_OR_RETURN(
        reevaluate, tendering::LotOfRejectedExplanation(*loaded.outcome.evaluations, bid_id));
  } else if (loaded.tender.state() != TenderState::kOpened) {
    return Conflict(
        "bids are rejected after opening and before the evaluation is completed; the "
        "tender is in state '" +
        StateName(loaded.tender.state()) + "'");
  }
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid bid, store_.FindBidWithContent(bid_id));
  if (bid.tender_id != id) return NotFound("no bid " + std::to_string(bid_id) + " in this tender");
  if (reevaluate) return RejectAndReevaluate(actor, loaded, bid, *reevaluate, reason);
  SAMSPILL_RETURN_IF_ERROR(store_.SetBidEvaluation(
      bid_id, static_cast<int>(BidStatus::kRejected), reason, bid.scores_json,
      Event(actor, "bid.reject", id,
            json{{"bid_id", bid_id},
                 {"supplier_organisation_id", bid.supplier_organisation_id},
                 {"reason", std::string(reason)},
                 {"kind", tendering::RejectionKindName(kind)}}
                .dump())));
  return BidRejection{bid_id, std::string(reason), kind};
}

Result<tendering::Complaint> TenderService::LodgeComplaint(const Actor& actor, int64_t id,
                                                           const LodgeComplaintCommand& command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(IsSupplier(actor), actor, "lodge complaints"));
  if (!actor.organisation_id) {
    return FailedPrecondition("the user belongs to no supplier organisation");
  }
  SAMSPILL_RETURN_IF_ERROR(tendering::CheckComplaintText(command.grounds, "grounds"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids, store_.ListBidReceipts(id));
  const bool took_part = std::any_of(bids.begin(), bids.end(), [&](const store::StoredBid& b) {
    return b.supplier_organisation_id == *actor.organisation_id;
  });
  if (!took_part) {
    return PermissionDenied(
        "only a supplier that submitted a bid to this tender may complain about its award");
  }
  SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef supplier,
                            OrganisationRef(*actor.organisation_id));
  SAMSPILL_ASSIGN_OR_RETURN(
      tendering::Complaint complaint,
      loaded.tender.LodgeComplaint(clock_.Now(), supplier.id, supplier.name, command.grounds));
  json details = {{"complaint_id", complaint.id},
                  {"supplier_organisation_id", supplier.id},
                  {"grounds", complaint.grounds}};
  SAMSPILL_RETURN_IF_ERROR(Save(actor, loaded, "complaint.lodge", details.dump()).status());
  return complaint;
}

Result<tendering::Complaint> TenderService::HandleComplaint(const Actor& actor, int64_t id,
                                                            int64_t complaint_id,
                                                            const HandleComplaintCommand& command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "handle complaints"));
  SAMSPILL_RETURN_IF_ERROR(tendering::CheckComplaintText(command.reasons, "reasons"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (complaint_id < 1 || complaint_id > static_cast<int64_t>(tendering::kMaxComplaintsPerTender)) {
    return NotFound("the tender has no complaint " + std::to_string(complaint_id));
  }
  SAMSPILL_ASSIGN_OR_RETURN(
      tendering::Complaint complaint,
      loaded.tender.HandleComplaint(clock_.Now(), static_cast<int>(complaint_id), command.outcome,
                                    command.reasons));
  json details = {{"complaint_id", complaint.id},
                  {"supplier_organisation_id", complaint.supplier_organisation_id},
                  {"outcome", tendering::ComplaintOutcomeName(complaint.outcome)},
                  {"reasons", complaint.handling_reasons}};
  SAMSPILL_RETURN_IF_ERROR(Save(actor, loaded, "complaint.handle", details.dump()).status());
  return complaint;
}

Result<std::vector<tendering::Complaint>> TenderService::ListComplaints(const Actor& actor,
                                                                        int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  std::vector<tendering::Complaint> visible;
  for (const tendering::Complaint& c : loaded.tender.complaints()) {
    // Supplier isolation: a supplier sees its own organisation's complaints only.
    if (IsBuyerSide(actor) ||
        (actor.organisation_id && *actor.organisation_id == c.supplier_organisation_id)) {
      visible.push_back(c);
    }
  }
  return visible;
}

Result<BidRejection> TenderService::RejectAndReevaluate(const Actor& actor, Loaded& loaded,
                                                        const store::StoredBid& bid,
                                                        const std::string& lot,
                                                        std::string_view reason) {
  const int64_t id = loaded.stored.id;
  // Two writes: the bid's status, then the lot's new evaluation. Should the second fail, the
  // bid stands rejected while the stored evaluation still names it and refuses its award; the
  // same rejection sent again evaluates the lot anew (a rejected bid is rejected once).
  if (bid.status != static_cast<int>(BidStatus::kRejected)) {
    SAMSPILL_RETURN_IF_ERROR(store_.SetBidEvaluation(
        bid.id, static_cast<int>(BidStatus::kRejected), reason, bid.scores_json,
        Event(actor, "bid.reject", id,
              json{{"bid_id", bid.id},
                   {"supplier_organisation_id", bid.supplier_organisation_id},
                   {"reason", std::string(reason)},
                   {"after_price_explanation", true}}
                  .dump())));
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids, store_.ListBidsWithContent(id));
  std::vector<tendering::LotBid> lot_bids;
  for (const auto& b : bids) {
    if (b.lot_id != lot || b.status != static_cast<int>(BidStatus::kValid)) continue;
    SAMSPILL_ASSIGN_OR_RETURN(tendering::LotBid lot_bid, LotBidOf(b));
    lot_bids.push_back(std::move(lot_bid));
  }
  SAMSPILL_ASSIGN_OR_RETURN(tendering::LotEvaluation evaluation,
                            tendering::EvaluateLot(loaded.tender.locked_award_model()->model,
                                                   loaded.tender.draft().title, lot_bids));
  json details = {{"lot_id", lot}, {"rejected_bid_id", bid.id}};
  details["winner"] = evaluation.winner_bid_id ? json(*evaluation.winner_bid_id) : json();
  (*loaded.outcome.evaluations)[lot] = std::move(evaluation);
  SAMSPILL_RETURN_IF_ERROR(Save(actor, loaded, "tender.reevaluate_lot", details.dump()).status());
  return BidRejection{bid.id, std::string(reason)};
}

Result<QuestionView> TenderService::AskQuestion(const Actor& actor, int64_t id,
                                                const AskQuestionCommand& command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(IsSupplier(actor), actor, "ask questions"));
  if (!actor.organisation_id) {
    return FailedPrecondition("the user belongs to no supplier organisation");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckLength(command.lot_id, "lot_id", kMaxLotIdChars));
  SAMSPILL_RETURN_IF_ERROR(CheckLength(command.question, "question", kMaxQuestionChars));
  if (IsBlank(command.question)) return InvalidArgument("the question is empty", "question");
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  const Timestamp now = clock_.Now();
  if (loaded.tender.state() != TenderState::kPublished) {
    return Conflict("questions are asked while the tender is published; it is in state '" +
                    StateName(loaded.tender.state()) + "'");
  }
  if (std::optional<Date> last =
          loaded.tender.draft().timeline.Get(tendering::Milestone::kQuestionsDeadline);
      last && now.UtcDate() > *last) {
    return Conflict("the deadline for questions was " + last->ToIso());
  }
  if (const auto& deadline = loaded.tender.draft().bid_deadline; deadline && now >= *deadline) {
    return Conflict("the bid deadline has passed");
  }
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.CheckLotId(command.lot_id));
  store::NewQuestion q{
      id, command.lot_id, *actor.organisation_id, actor.user_id.value_or(0), command.question, now};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredQuestion stored,
      store_.CreateQuestion(
          q, Event(actor, "question.ask", id,
                   json{{"lot_id", command.lot_id}, {"question", command.question}}.dump())));
  QuestionView view;
  view.id = stored.id;
  view.lot_id = stored.lot_id;
  view.question = stored.question;
  view.asked_at = stored.asked_at;
  return view;
}

Result<PublishedAnswer> TenderService::AnswerQuestion(const Actor& actor, int64_t id,
                                                      int64_t question_id,
                                                      std::string_view answer) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "answer questions"));
  if (IsBlank(answer)) return InvalidArgument("the answer is empty", "answer");
  if (answer.size() > kMaxReasonChars) {
    return InvalidArgument("the answer is longer than 20000 characters", "answer");
  }
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (loaded.tender.state() != TenderState::kPublished) {
    return Conflict("questions are answered while the tender is published; it is in state '" +
                    StateName(loaded.tender.state()) + "'");
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredQuestion> questions, store_.ListQuestions(id));
  auto q = std::find_if(questions.begin(), questions.end(),
                        [&](const auto& x) { return x.id == question_id; });
  if (q == questions.end()) {
    return NotFound("no question " + std::to_string(question_id) + " in this tender");
  }
  const Timestamp now = clock_.Now();
  // Published to every supplier: the answer goes into the shared list, never privately.
  SAMSPILL_RETURN_IF_ERROR(store_.AnswerQuestion(question_id, answer, actor.user_id.value_or(0),
                                                 now,
                                                 Event(actor, "question.answer", id,
                                                       json{{"question_id", question_id},
                                                            {"question", q->question},
                                                            {"answer", std::string(answer)}}
                                                           .dump())));
  return PublishedAnswer{question_id, q->question, std::string(answer), now};
}

Result<std::vector<QuestionView>> TenderService::ListQuestions(const Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredQuestion> questions, store_.ListQuestions(id));
  std::vector<QuestionView> out;
  for (const auto& q : questions) {
    const bool own = IsSupplier(actor) && actor.organisation_id == q.asked_by_organisation_id;
    // A supplier sees every answered question, and its own unanswered ones; never who asked.
    if (IsSupplier(actor) && !q.answer && !own) continue;
    QuestionView view;
    view.id = q.id;
    view.lot_id = q.lot_id;
    view.question = q.question;
    view.asked_at = q.asked_at;
    view.answer = q.answer;
    view.answered_at = q.answered_at;
    if (IsBuyerSide(actor)) {
      SAMSPILL_ASSIGN_OR_RETURN(view.asked_by, OrganisationRef(q.asked_by_organisation_id));
    } else {
      view.own = own;
    }
    out.push_back(std::move(view));
  }
  return out;
}

Result<std::map<std::string, tendering::LotEvaluation>> TenderService::Evaluations(
    const Actor& actor, int64_t id) {
  // The reports hold every bid's price: they follow the rule for bid content.
  SAMSPILL_RETURN_IF_ERROR(
      NeedRole(tendering::ReadsOpenedBidContent(Reader(actor)), actor, "read evaluation reports"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (!tendering::BidsOpened(Seal(loaded)) || !loaded.outcome.evaluations) {
    return std::map<std::string, tendering::LotEvaluation>{};
  }
  return *loaded.outcome.evaluations;
}

Result<tendering::PriceExplanation> TenderService::RecordPriceExplanation(
    const Actor& actor, int64_t id, int64_t bid_id, const PriceExplanationCommand& command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "record price explanations"));
  SAMSPILL_RETURN_IF_ERROR(CheckLength(command.explanation, "explanation", kMaxReasonChars));
  SAMSPILL_RETURN_IF_ERROR(
      CheckLength(command.assessment_reasons, "assessment_reasons", kMaxReasonChars));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (loaded.tender.state() != TenderState::kEvaluated || !loaded.outcome.evaluations) {
    return Conflict(
        "a price explanation is recorded after the evaluation and before the award is "
        "proposed; the tender is in state '" +
        StateName(loaded.tender.state()) + "'");
  }
  const tendering::PriceExplanation explanation{bid_id,
                                                command.asked_on,
                                                command.explanation,
                                                command.assessment,
                                                command.assessment_reasons,
                                                actor.username,
                                                clock_.Now()};
  SAMSPILL_ASSIGN_OR_RETURN(
      std::string lot, tendering::RecordPriceExplanation(*loaded.outcome.evaluations, explanation));
  json details = tendering::PriceExplanationToJson(explanation);
  details["lot_id"] = lot;
  SAMSPILL_RETURN_IF_ERROR(
      Save(actor, loaded, "tender.price_explanation", details.dump()).status());
  return explanation;
}

Result<ProtocolNote> TenderService::AddNote(const Actor& actor, int64_t id,
                                            const ProtocolNote& note) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Runs(actor), actor, "write protocol notes"));
  SAMSPILL_RETURN_IF_ERROR(CheckLength(note.letter, "letter", 1));
  ProtocolNote out{note.letter.empty() ? "p" : note.letter, note.text};
  if (out.letter[0] < 'a' || out.letter[0] > 'p') {
    return InvalidArgument("letter must be one of a–p (FOA § 25-5)", "letter");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckLength(out.text, "text", kMaxReasonChars));
  if (IsBlank(out.text)) return InvalidArgument("the note is empty", "text");
  SAMSPILL_RETURN_IF_ERROR(Load(id).status());
  json details = {{"letter", out.letter}, {"text", out.text}};
  SAMSPILL_RETURN_IF_ERROR(store_.AppendAudit(Event(actor, "tender.note", id, details.dump())));
  return out;
}

Result<ConflictDeclaration> TenderService::DeclareConflict(const Actor& actor, int64_t id,
                                                           const ConflictDeclaration& declaration) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Scores(actor), actor, "declare conflicts of interest"));
  json details = json::object();
  for (auto [field, value] : {std::pair{"person", &declaration.person},
                              std::pair{"description", &declaration.description},
                              std::pair{"remedy", &declaration.remedy}}) {
    SAMSPILL_RETURN_IF_ERROR(CheckLength(*value, field, kMaxReasonChars));
    if (IsBlank(*value)) return InvalidArgument(std::string(field) + " is required", field);
    details[field] = *value;
  }
  SAMSPILL_RETURN_IF_ERROR(Load(id).status());
  SAMSPILL_RETURN_IF_ERROR(
      store_.AppendAudit(Event(actor, "conflict_of_interest.declare", id, details.dump())));
  return declaration;
}

Result<tendering::TenderRecord> TenderService::Record(const Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(IsBuyerSide(actor), actor, "read the tender's record"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  tendering::TenderRecord record;
  record.id = id;
  record.ocid = ocds_.ocid_prefix + "-" + std::to_string(id);
  SAMSPILL_ASSIGN_OR_RETURN(record.buyer, OrganisationRef(loaded.stored.buyer_organisation_id));
  record.created_at = loaded.stored.created_at;
  if (tendering::BidsOpened(Seal(loaded))) {
    // Every document made from the record (protocol, OCDS) shows what it holds: the content
    // goes in only for a reader who may read it.
    const bool content = tendering::ReadsOpenedBidContent(Reader(actor));
    SAMSPILL_ASSIGN_OR_RETURN(
        std::vector<store::StoredBid> bids,
        content ? store_.ListBidsWithContent(id) : store_.ListBidReceipts(id));
    for (const auto& b : bids) {
      tendering::SubmittedBid sb;
      sb.id = b.id;
      sb.lot_id = b.lot_id;
      SAMSPILL_ASSIGN_OR_RETURN(sb.supplier, OrganisationRef(b.supplier_organisation_id));
      sb.received_at = b.received_at;
      sb.version = b.version;
      sb.status = static_cast<BidStatus>(b.status);
      sb.rejection_reason = b.rejection_reason;
      if (content && MayReadContent(actor, loaded, b)) {
        SAMSPILL_ASSIGN_OR_RETURN(BidContent c, ParseStoredContent(b.content_json));
        sb.price = c.price;
        sb.summary = c.summary;
        SAMSPILL_ASSIGN_OR_RETURN(sb.scores, ParseStoredScores(b.scores_json));
      }
      record.bids.push_back(std::move(sb));
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredQuestion> questions, store_.ListQuestions(id));
  for (const auto& q : questions) {
    record.questions.push_back({q.id, q.lot_id, q.question, q.asked_at, q.asked_by_organisation_id,
                                q.answer, q.answered_at});
  }
  if (loaded.outcome.awards) {
    for (tendering::LotAward award : *loaded.outcome.awards) {
      // The supplier as registered now (its name may have been corrected since the award).
      SAMSPILL_ASSIGN_OR_RETURN(award.supplier, OrganisationRef(award.supplier.id));
      record.awards.push_back(std::move(award));
    }
  }
  if (loaded.tender.state() != TenderState::kDraft) {
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
    for (const std::string& lot : loaded.tender.unsuccessful_lots()) {
      int n = 0;
      for (const auto& r : receipts) n += r.lot_id == lot ? 1 : 0;
      record.unsuccessful_lots.push_back(
          {lot, n, tendering::UnsuccessfulReason(n, loaded.tender.draft().minimum_bids)});
    }
  }
  int64_t after = 0;
  while (true) {
    SAMSPILL_ASSIGN_OR_RETURN(
        std::vector<store::AuditEvent> events,
        store_.ListAudit({"tender", std::to_string(id), after, store::kMaxAuditPage}));
    for (const auto& e : events) {
      record.events.push_back({e.id, e.at, e.actor, e.action, e.after_json});
      after = e.id;
    }
    if (events.size() < static_cast<size_t>(store::kMaxAuditPage)) break;
  }
  // The bids table keeps that a bid is rejected; what the rejection concerns (the supplier or
  // the tender) is in its bid.reject event, the last one for the bid counting.
  for (const tendering::TenderEvent& e : record.events) {
    if (e.action != "bid.reject") continue;
    const json details = json::parse(e.details_json, nullptr, false);
    if (!details.is_object() || !details.contains("bid_id") ||
        !details["bid_id"].is_number_integer()) {
      continue;
    }
    const int64_t bid_id = details["bid_id"].get<int64_t>();
    tendering::RejectionKind kind = tendering::RejectionKind::kTender;
    if (details.contains("kind") && details["kind"].is_string()) {
      if (Result<tendering::RejectionKind> parsed =
              tendering::ParseRejectionKind(details["kind"].get<std::string>(), "kind");
          parsed.ok()) {
        kind = *parsed;
      }
    }
    for (tendering::SubmittedBid& bid : record.bids) {
      if (bid.id == bid_id) bid.rejection_kind = kind;
    }
  }
  record.tender = std::move(loaded.tender);
  return record;
}

Result<tendering::Protocol> TenderService::Protocol(const Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderRecord record, Record(actor, id));
  // The protocol is built from the audit events: a shortened or edited trail would give a
  // protocol that silently lacks a line.
  SAMSPILL_RETURN_IF_ERROR(store::RequireIntactAuditTrail(store_));
  return tendering::BuildProtocol(record, clock_.Now());
}

Result<std::string> TenderService::ProtocolHtml(
    const Actor& actor, int64_t id, bool inline_css,
    const std::function<std::string(std::string_view)>& in_norwegian) {
  SAMSPILL_ASSIGN_OR_RETURN(tendering::Protocol protocol, Protocol(actor, id));
  if (in_norwegian) {
    for (tendering::ProtocolSection& section : protocol.sections) {
      for (tendering::ProtocolEntry& entry : section.entries) {
        if (entry.key == "timeline_warning" && entry.source == tendering::ProtocolSource::kEvents) {
          entry.value = in_norwegian(entry.value);
        }
      }
    }
  }
  tendering::ProtocolHtmlOptions options;
  options.styling = inline_css ? tendering::ProtocolStyling::kInlineStyle
                               : tendering::ProtocolStyling::kStylesheetLink;
  return tendering::ProtocolToHtml(protocol, options);
}

Result<OcdsRelease> TenderService::Ocds(const Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderRecord record, Record(actor, id));
  if (record.tender.state() == TenderState::kDraft) {
    return FailedPrecondition("a draft is not published and has no OCDS release");
  }
  tendering::OcdsExportOptions options;
  options.publisher_name = record.buyer.name;
  options.package_uri_base = ocds_.package_uri_base;
  options.ocid_prefix = ocds_.ocid_prefix;
  options.published_date = clock_.Now();
  SAMSPILL_RETURN_IF_ERROR(tendering::ValidateOcdsExportOptions(options));
  return OcdsRelease{std::move(record), std::move(options)};
}

}  // namespace samspill::app
