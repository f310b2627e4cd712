#include "web/tender_service.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "common/text.h"
#include "evaluation/evaluate.h"
#include "evaluation/json_input.h"
#include "evaluation/report_json.h"
#include "store/audit_chain.h"
#include "tendering/bid_access.h"
#include "tendering/lot_evaluation.h"
#include "tendering/ocds_export.h"
#include "tendering/protocol.h"
#include "tendering/protocol_html.h"
#include "tendering/protocol_json.h"
#include "tendering/tender_json.h"
#include "web/api.h"

namespace samspill::web {
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

bool IsSupplier(const app::Actor& a) { return !a.is_system && a.role == Role::kSupplier; }
bool IsBuyerSide(const app::Actor& a) { return a.is_system || IsTenderBuyerRole(a.role); }
// The partnership roles work in the portfolio and read no tenders.
bool ReadsTenders(const app::Actor& a) { return IsBuyerSide(a) || IsSupplier(a); }
bool Runs(const app::Actor& a) { return a.is_system || a.role == Role::kProcurementOfficer; }
bool Scores(const app::Actor& a) {
  return a.is_system || a.role == Role::kProcurementOfficer || a.role == Role::kEvaluator;
}
// Who reads bid content is the tendering domain's one rule (tendering/bid_access.h).
tendering::BidReader Reader(const app::Actor& a) { return {a.role, a.is_system}; }
bool IsBiddingSupplier(const app::Actor& a, const store::StoredBid& bid) {
  return IsSupplier(a) && a.organisation_id && *a.organisation_id == bid.supplier_organisation_id;
}

std::string StateName(TenderState s) { return std::string(tendering::TenderStateName(s)); }

std::optional<TenderAction> ActionFromName(std::string_view name) {
  for (TenderAction a : tendering::kAllTenderActions) {
    if (tendering::TenderActionName(a) == name) return a;
  }
  return std::nullopt;
}

// Whether the opening record exists (one part of tendering::BidsOpened).
bool IsOpened(const json& outcome) { return outcome.contains("opening_record"); }

json MoneyJson(const Money& m) {
  return json{{"amount", m.major_as_double()}, {"currency", m.currency}};
}

// The evaluation engine's money reader: exact øre, negative and zero prices named as such.
Result<Money> ReadPrice(const json& body) {
  auto it = body.find("price");
  if (it == body.end()) return InvalidArgument("missing price", "price");
  // Whether the amount is acceptable is the tender's rule (Tender::ReceiveBid).
  SAMSPILL_ASSIGN_OR_RETURN(int64_t minor, evaluation::ReadJsonMoney(*it, "price", "price"));
  return Money{minor, "NOK"};
}

Result<std::string> OptionalString(const json& body, const char* field, size_t max_chars) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgument(std::string(field) + " must be a string", field);
  std::string value = it->get<std::string>();
  if (value.size() > max_chars) {
    return InvalidArgument(
        std::string(field) + " is longer than " + std::to_string(max_chars) + " characters", field);
  }
  return value;
}

// The API's own check for unknown fields, after making sure the body is an object.
Status CheckKeys(const json& body, std::initializer_list<std::string_view> allowed) {
  if (!body.is_object()) return InvalidArgument("the body must be a JSON object");
  return OnlyFields(body, allowed);
}

json OrgJson(const tendering::OrganisationRef& o) {
  return json{{"id", o.id}, {"name", o.name}, {"org_number", o.org_number}};
}

struct BidContent {
  Money price;
  std::string summary;
};

Result<BidContent> ParseStoredContent(const std::string& text) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("price_minor")) {
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

}  // namespace

std::string_view BidStatusName(BidStatus status) {
  return status == BidStatus::kRejected ? "rejected" : "valid";
}

TenderService::TenderService(store::Store& store, const Clock& clock,
                             tendering::ThresholdTable thresholds, OcdsSettings ocds)
    : store_(store), clock_(clock), thresholds_(std::move(thresholds)), ocds_(std::move(ocds)) {}

store::AuditEvent TenderService::Event(const app::Actor& actor, std::string action,
                                       int64_t tender_id, json details) const {
  store::AuditEvent e;
  e.at = clock_.Now();
  e.actor_user_id = actor.user_id;
  e.actor = actor.username;
  e.action = std::move(action);
  e.entity_type = "tender";
  if (tender_id > 0) e.entity_id = std::to_string(tender_id);
  e.after_json = details.is_null() ? "{}" : details.dump();
  return e;
}

Result<tendering::OrganisationRef> TenderService::OrganisationRef(int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(store::Organisation org, store_.FindOrganisationById(id));
  return tendering::OrganisationRef{org.id, org.name, org.org_number};
}

Result<int64_t> TenderService::BuyerOrganisation(const app::Actor& actor) {
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
  json outcome = json::parse(stored.outcome_json, nullptr, /*allow_exceptions=*/false);
  if (!outcome.is_object()) return Internal("the stored outcome of a tender is corrupt");
  return Loaded{std::move(stored), std::move(*tender), std::move(outcome)};
}

tendering::BidSeal TenderService::Seal(const Loaded& loaded) const {
  return tendering::BidSeal{loaded.tender.state(), IsOpened(loaded.outcome),
                            loaded.tender.draft().bid_deadline, clock_.Now()};
}

bool TenderService::MayReadContent(const app::Actor& actor, const Loaded& loaded,
                                   const store::StoredBid& bid) const {
  return tendering::MayReadBidContent(Reader(actor), IsBiddingSupplier(actor, bid), Seal(loaded));
}

Result<TenderService::Loaded> TenderService::LoadVisible(const app::Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(ReadsTenders(actor), actor, "read tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  // Suppliers never see drafts: a draft is the buyer's working paper.
  if (IsSupplier(actor) && loaded.tender.state() == TenderState::kDraft) {
    return NotFound("no tender with id " + std::to_string(id));
  }
  return loaded;
}

Result<json> TenderService::Save(const app::Actor& actor, Loaded& loaded, std::string action,
                                 json details) {
  store::TenderUpdate update;
  update.id = loaded.stored.id;
  update.expected_version = loaded.stored.version;
  update.title = loaded.tender.draft().title;
  update.state = static_cast<int>(loaded.tender.state());
  update.bid_deadline = loaded.tender.draft().bid_deadline;
  update.document_json = tendering::TenderSnapshotToJson(loaded.tender.Snapshot()).dump();
  update.outcome_json = loaded.outcome.dump();
  details["state"] = StateName(loaded.tender.state());
  SAMSPILL_ASSIGN_OR_RETURN(
      loaded.stored,
      store_.UpdateTender(update, Event(actor, std::move(action), loaded.stored.id, details)));
  return View(actor, loaded);
}

json TenderService::View(const app::Actor& actor, const Loaded& loaded) {
  const Timestamp now = clock_.Now();
  json view = tendering::TenderViewJson(loaded.tender, now);
  view["id"] = loaded.stored.id;
  view["version"] = loaded.stored.version;
  view["created_at"] = loaded.stored.created_at.ToIso();
  view["updated_at"] = loaded.stored.updated_at.ToIso();
  if (Result<tendering::OrganisationRef> buyer =
          OrganisationRef(loaded.stored.buyer_organisation_id);
      buyer.ok()) {
    view["buyer"] = OrgJson(*buyer);
  }
  if (!Runs(actor)) view.erase("allowed_actions");
  const TenderState state = loaded.tender.state();
  const bool award_public =
      state == TenderState::kStandstill || state == TenderState::kContractSigned;
  if (IsBuyerSide(actor)) {
    if (loaded.outcome.contains("opening_record")) {
      view["opening_record"] = loaded.outcome["opening_record"];
    }
    if (loaded.outcome.contains("evaluations")) {
      json summary = json::object();
      for (auto& [lot, e] : loaded.outcome["evaluations"].items()) {
        summary[lot] = json{{"winner_bid_id", e.value("winner_bid_id", json())},
                            {"tied_bid_ids", e.value("tied_bid_ids", json::array())}};
      }
      view["evaluation_summary"] = summary;
    }
    if (loaded.outcome.contains("awards")) view["awards"] = loaded.outcome["awards"];
  } else if (award_public && loaded.outcome.contains("awards")) {
    // The award notice goes to every tenderer: the winner, the value and the reasons.
    view["awards"] = loaded.outcome["awards"];
  }
  if (loaded.outcome.contains("notified")) {
    if (IsBuyerSide(actor)) view["notified_participants"] = loaded.outcome["notified"];
  }
  return view;
}

Result<json> TenderService::Create(const app::Actor& actor, std::string_view draft_json) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Runs(actor), actor, "create tenders"));
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
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredTender stored,
                            store_.CreateTender(row, Event(actor, "tender.create", 0, details)));
  Loaded loaded{std::move(stored), std::move(tender), json::object()};
  return View(actor, loaded);
}

Result<json> TenderService::Revise(const app::Actor& actor, int64_t id,
                                   std::string_view draft_json) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Runs(actor), actor, "revise tenders"));
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
                   {"draft", tendering::TenderDraftToJson(loaded.tender.draft())}});
}

Result<json> TenderService::Get(const app::Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  return View(actor, loaded);
}

Result<json> TenderService::List(const app::Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(ReadsTenders(actor), actor, "read tenders"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredTender> rows, store_.ListTenderSummaries());
  json out = json::array();
  for (const store::StoredTender& row : rows) {
    const auto state = static_cast<TenderState>(row.state);
    if (IsSupplier(actor) && state == TenderState::kDraft) continue;
    json item = {{"id", row.id},
                 {"title", row.title},
                 {"state", StateName(state)},
                 {"updated_at", row.updated_at.ToIso()}};
    if (row.bid_deadline) item["bid_deadline"] = row.bid_deadline->ToIso();
    out.push_back(std::move(item));
  }
  return json{{"tenders", out}};
}

Result<json> TenderService::Act(const app::Actor& actor, int64_t id, std::string_view action_name,
                                std::string_view reason) {
  std::optional<TenderAction> action = ActionFromName(action_name);
  if (!action) {
    return InvalidArgument("unknown action '" + std::string(action_name) + "'", "action");
  }
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Runs(actor), actor, "change a tender's state"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  const Timestamp now = clock_.Now();
  json details = json::object();
  details["from_state"] = StateName(loaded.tender.state());
  switch (*action) {
    case TenderAction::kPublish: {
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<tendering::TimelineFinding> findings,
                                loaded.tender.Publish(now, thresholds_));
      json f = json::array();
      for (const auto& finding : findings) {
        f.push_back(
            {{"severity", finding.severity == tendering::Severity::kWarning ? "warning" : "info"},
             {"milestone", tendering::MilestoneName(finding.milestone)},
             {"message", finding.message}});
      }
      details["timeline_warnings"] = f;
      details["award_model_sha256"] = loaded.tender.locked_award_model()->sha256;
      break;
    }
    case TenderAction::kCloseBidding:
      SAMSPILL_RETURN_IF_ERROR(CloseBidding(loaded, details));
      break;
    case TenderAction::kOpenBids:
      SAMSPILL_RETURN_IF_ERROR(OpenBids(actor, loaded, details));
      break;
    case TenderAction::kCompleteEvaluation:
      SAMSPILL_RETURN_IF_ERROR(CompleteEvaluation(loaded, details));
      break;
    case TenderAction::kProposeAward:
      SAMSPILL_RETURN_IF_ERROR(ProposeAward(loaded, details));
      break;
    case TenderAction::kCancel: {
      if (reason.size() > kMaxReasonChars) {
        return InvalidArgument("the reason is longer than 20000 characters", "reason");
      }
      SAMSPILL_RETURN_IF_ERROR(loaded.tender.Cancel(now, std::string(reason)));
      // Every participant is told, with the reasons (FOA § 25-4).
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> participants, Participants(id));
      loaded.outcome["notified"] = participants;
      details["reason"] = std::string(reason);
      details["notified"] = participants;
      break;
    }
    case TenderAction::kApprovePolitically:
    case TenderAction::kSendAwardNotice:
    case TenderAction::kSignContract:
      SAMSPILL_RETURN_IF_ERROR(loaded.tender.Advance(*action, now));
      if (*action == TenderAction::kSendAwardNotice) {
        SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> participants, Participants(id));
        loaded.outcome["notified"] = participants;
        details["notified"] = participants;
      }
      break;
  }
  return Save(actor, loaded, "tender." + std::string(action_name), std::move(details));
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

Status TenderService::CloseBidding(Loaded& loaded, json& details) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts,
                            store_.ListBidReceipts(loaded.stored.id));
  std::map<std::string, int> per_lot;
  for (const std::string& lot : loaded.tender.LotIds()) per_lot[lot] = 0;
  for (const auto& b : receipts) ++per_lot[b.lot_id];
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.CloseBidding(clock_.Now(), per_lot));
  details["bids_per_lot"] = per_lot;
  details["unsuccessful_lots"] = loaded.tender.unsuccessful_lots();
  if (loaded.tender.state() == TenderState::kUnsuccessful) {
    int most = 0;
    for (const auto& [lot, n] : per_lot) most = std::max(most, n);
    details["finding"] = tendering::UnsuccessfulReason(most, loaded.tender.draft().minimum_bids);
  }
  return Status::Ok();
}

Status TenderService::OpenBids(const app::Actor& actor, Loaded& loaded, json& details) {
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.Advance(TenderAction::kOpenBids, clock_.Now()));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts,
                            store_.ListBidReceipts(loaded.stored.id));
  json bids = json::array();
  for (const auto& b : receipts) {
    SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                              OrganisationRef(b.supplier_organisation_id));
    bids.push_back({{"bid_id", b.id},
                    {"lot_id", b.lot_id},
                    {"supplier", OrgJson(org)},
                    {"received_at", b.received_at.ToIso()},
                    {"version", b.version}});
  }
  json record = {
      {"opened_at", clock_.Now().ToIso()}, {"opened_by", actor.username}, {"bids", bids}};
  loaded.outcome["opening_record"] = record;
  details["opening_record"] = record;
  return Status::Ok();
}

Status TenderService::CompleteEvaluation(Loaded& loaded, json& details) {
  if (loaded.tender.state() != TenderState::kOpened) {
    return loaded.tender.Advance(TenderAction::kCompleteEvaluation, clock_.Now());
  }
  const tendering::AwardModel& model = loaded.tender.locked_award_model()->model;
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids,
                            store_.ListBidsWithContent(loaded.stored.id));
  const std::vector<std::string> unsuccessful = loaded.tender.unsuccessful_lots();
  json evaluations = json::object();
  int evaluated_lots = 0;
  for (const std::string& lot : loaded.tender.LotIds()) {
    if (std::find(unsuccessful.begin(), unsuccessful.end(), lot) != unsuccessful.end()) continue;
    std::vector<tendering::LotBid> lot_bids;
    for (const auto& b : bids) {
      if (b.lot_id != lot || b.status != static_cast<int>(BidStatus::kValid)) continue;
      SAMSPILL_ASSIGN_OR_RETURN(BidContent content, ParseStoredContent(b.content_json));
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<tendering::BidScore> scores,
                                ParseStoredScores(b.scores_json));
      SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                                OrganisationRef(b.supplier_organisation_id));
      lot_bids.push_back({b.id, std::move(org), content.price, std::move(scores)});
    }
    SAMSPILL_ASSIGN_OR_RETURN(evaluation::BidTable table,
                              tendering::LotBidTable(model, loaded.tender.draft().title, lot_bids));
    if (table.bids.empty()) {
      evaluations[lot] = json{{"note", "no valid bids"}};
      continue;
    }
    evaluation::EvaluationOptions options;
    options.normalisation = model.normalisation;
    options.tie_break = model.tie_break;
    SAMSPILL_ASSIGN_OR_RETURN(evaluation::EvaluationReport report,
                              evaluation::Evaluate(table, options));
    json entry = {{"report", evaluation::RenderReportJson(report)}};
    if (report.winner) {
      entry["winner_bid_id"] = std::stoll(table.bids[*report.winner].id);
      entry["winner_total"] = report.totals[*report.winner];
    }
    json tied = json::array();
    for (size_t i : report.tied_for_first) tied.push_back(std::stoll(table.bids[i].id));
    entry["tied_bid_ids"] = tied;
    evaluations[lot] = std::move(entry);
    ++evaluated_lots;
  }
  if (evaluated_lots == 0) {
    return FailedPrecondition(
        "no lot has a valid bid to evaluate; cancel the competition with written reasons");
  }
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.Advance(TenderAction::kCompleteEvaluation, clock_.Now()));
  loaded.outcome["evaluations"] = evaluations;
  json winners = json::object();
  for (auto& [lot, e] : evaluations.items()) winners[lot] = e.value("winner_bid_id", json());
  details["winners"] = winners;
  return Status::Ok();
}

Status TenderService::ProposeAward(Loaded& loaded, json& details) {
  if (loaded.tender.state() != TenderState::kEvaluated) {
    return loaded.tender.Advance(TenderAction::kProposeAward, clock_.Now());
  }
  json awards = json::array();
  for (auto& [lot, e] : loaded.outcome["evaluations"].items()) {
    if (!e.contains("report")) continue;
    if (!e.contains("winner_bid_id")) {
      return FailedPrecondition("lot '" + lot + "': bids " + e["tied_bid_ids"].dump() +
                                " share first place; the announced tie rule does not decide, so "
                                "the award cannot be proposed");
    }
    const int64_t bid_id = e["winner_bid_id"].get<int64_t>();
    SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid bid, store_.FindBidWithContent(bid_id));
    SAMSPILL_ASSIGN_OR_RETURN(BidContent content, ParseStoredContent(bid.content_json));
    SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                              OrganisationRef(bid.supplier_organisation_id));
    const double total = e.value("winner_total", 0.0);
    const std::string reasons = tendering::AwardReasonsNb(
        org, loaded.tender.locked_award_model()->model, total, content.price);
    awards.push_back({{"lot_id", lot},
                      {"bid_id", bid_id},
                      {"supplier", OrgJson(org)},
                      {"contract_value", MoneyJson(content.price)},
                      {"contract_value_minor", content.price.minor},
                      {"total_score", total},
                      {"reasons", reasons}});
  }
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.Advance(TenderAction::kProposeAward, clock_.Now()));
  loaded.outcome["awards"] = awards;
  details["awards"] = awards;
  return Status::Ok();
}

Result<SubmitBidCommand> SubmitBidCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"lot_id", "price", "summary"}));
  SubmitBidCommand bid;
  // The lengths are TenderService::SubmitBid's to check, for the page's bids too.
  constexpr size_t kAnyLength = std::numeric_limits<size_t>::max();
  SAMSPILL_ASSIGN_OR_RETURN(bid.lot_id, OptionalString(body, "lot_id", kAnyLength));
  SAMSPILL_ASSIGN_OR_RETURN(bid.price, ReadPrice(body));
  SAMSPILL_ASSIGN_OR_RETURN(bid.summary, OptionalString(body, "summary", kAnyLength));
  return bid;
}

Result<json> TenderService::SubmitBid(const app::Actor& actor, int64_t id,
                                      const SubmitBidCommand& bid) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(IsSupplier(actor), actor, "submit bids"));
  if (!actor.organisation_id) {
    return FailedPrecondition("the user belongs to no supplier organisation");
  }
  if (bid.lot_id.size() > kMaxLotIdChars) {
    return InvalidArgument(
        "lot_id is longer than " + std::to_string(kMaxLotIdChars) + " characters", "lot_id");
  }
  if (bid.summary.size() > kMaxSummaryChars) {
    return InvalidArgument(
        "summary is longer than " + std::to_string(kMaxSummaryChars) + " characters", "summary");
  }
  const std::string& lot_id = bid.lot_id;
  const Money& price = bid.price;
  const std::string& summary = bid.summary;
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  const Timestamp now = clock_.Now();
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
  std::vector<tendering::BidOnFile> on_file;
  for (const store::StoredBid& r : receipts)
    on_file.push_back({r.lot_id, r.supplier_organisation_id});
  SAMSPILL_ASSIGN_OR_RETURN(
      tendering::BidReceipt receipt,
      loaded.tender.ReceiveBid(now, {lot_id, *actor.organisation_id, price}, on_file));
  store::NewBid to_store{id,
                         lot_id,
                         *actor.organisation_id,
                         actor.user_id.value_or(0),
                         now,
                         json{{"price_minor", price.minor}, {"summary", summary}}.dump()};
  // The event names the bid but never its content: the audit trail is readable before the
  // deadline.
  json details = {{"lot_id", lot_id},
                  {"supplier_organisation_id", *actor.organisation_id},
                  {"received_at", now.ToIso()}};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredBid stored,
      store_.SubmitBid(
          to_store,
          Event(actor, receipt.replaces_earlier ? "bid.replace" : "bid.submit", id, details)));
  return json{{"id", stored.id},           {"lot_id", stored.lot_id},
              {"version", stored.version}, {"received_at", stored.received_at.ToIso()},
              {"price", MoneyJson(price)}, {"summary", summary},
              {"status", "valid"}};
}

Result<json> TenderService::ListBids(const app::Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  const bool opened = tendering::BidsOpened(Seal(loaded));
  json out = json::array();
  if (IsSupplier(actor)) {
    if (!actor.organisation_id) return json{{"bids", out}};
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
    for (const auto& r : receipts) {
      if (!MayReadContent(actor, loaded, r)) continue;  // only its own
      SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid own, store_.FindBidWithContent(r.id));
      SAMSPILL_ASSIGN_OR_RETURN(BidContent content, ParseStoredContent(own.content_json));
      json item = {{"id", own.id},
                   {"lot_id", own.lot_id},
                   {"version", own.version},
                   {"received_at", own.received_at.ToIso()},
                   {"price", MoneyJson(content.price)},
                   {"summary", content.summary},
                   {"status", BidStatusName(static_cast<BidStatus>(own.status))}};
      if (own.status == static_cast<int>(BidStatus::kRejected)) {
        item["rejection_reason"] = own.rejection_reason;
      }
      out.push_back(std::move(item));
    }
    return json{{"bids", out}, {"sealed", false}};
  }
  if (!opened) {
    // Sealed: how many bids have arrived, and when — nothing about who sent them or what
    // they contain, for every role.
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> receipts, store_.ListBidReceipts(id));
    json times = json::array();
    for (const auto& r : receipts) {
      times.push_back({{"lot_id", r.lot_id}, {"received_at", r.received_at.ToIso()}});
    }
    return json{{"sealed", true}, {"count", receipts.size()}, {"receipts", times}};
  }
  const bool content = tendering::ReadsOpenedBidContent(Reader(actor));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredBid> bids,
                            content ? store_.ListBidsWithContent(id) : store_.ListBidReceipts(id));
  for (const auto& b : bids) {
    SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                              OrganisationRef(b.supplier_organisation_id));
    json item = {{"id", b.id},
                 {"lot_id", b.lot_id},
                 {"supplier", OrgJson(org)},
                 {"version", b.version},
                 {"received_at", b.received_at.ToIso()},
                 {"status", BidStatusName(static_cast<BidStatus>(b.status))}};
    if (b.status == static_cast<int>(BidStatus::kRejected)) {
      item["rejection_reason"] = b.rejection_reason;
    }
    if (content && MayReadContent(actor, loaded, b)) {
      SAMSPILL_ASSIGN_OR_RETURN(BidContent c, ParseStoredContent(b.content_json));
      SAMSPILL_ASSIGN_OR_RETURN(std::vector<tendering::BidScore> scores,
                                ParseStoredScores(b.scores_json));
      item["price"] = MoneyJson(c.price);
      item["summary"] = c.summary;
      item["scores"] = ScoresJson(scores);
    }
    out.push_back(std::move(item));
  }
  return json{{"bids", out}, {"sealed", false}};
}

Result<json> TenderService::ScoreBid(const app::Actor& actor, int64_t id, int64_t bid_id,
                                     const json& body) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Scores(actor), actor, "score bids"));
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"scores"}));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (loaded.tender.state() != TenderState::kOpened) {
    return Conflict(
        "bids are scored after opening and before the evaluation is completed; the "
        "tender is in state '" +
        StateName(loaded.tender.state()) + "'");
  }
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid bid, store_.FindBidWithContent(bid_id));
  if (bid.tender_id != id) return NotFound("no bid " + std::to_string(bid_id) + " in this tender");
  auto it = body.find("scores");
  if (it == body.end() || !it->is_array()) {
    return InvalidArgument("scores must be an array of {criterion_id, score, justification}",
                           "scores");
  }
  const tendering::AwardModel& model = loaded.tender.locked_award_model()->model;
  std::vector<tendering::BidScore> scores;
  std::set<std::string> seen;
  for (size_t i = 0; i < it->size(); ++i) {
    const json& s = (*it)[i];
    const std::string path = "scores[" + std::to_string(i) + "]";
    if (!s.is_object()) return InvalidArgument("a score must be an object", path);
    for (auto k = s.begin(); k != s.end(); ++k) {
      if (k.key() != "criterion_id" && k.key() != "score" && k.key() != "justification") {
        return InvalidArgument("unknown field '" + k.key() + "'", path + "." + k.key());
      }
    }
    if (!s.contains("criterion_id") || !s["criterion_id"].is_string()) {
      return InvalidArgument("criterion_id must be a string", path + ".criterion_id");
    }
    const std::string cid = s["criterion_id"].get<std::string>();
    auto c = std::find_if(model.criteria.begin(), model.criteria.end(),
                          [&](const evaluation::Criterion& x) { return x.id == cid; });
    if (c == model.criteria.end()) {
      return InvalidArgument("the announced award model has no criterion '" + cid + "'",
                             path + ".criterion_id");
    }
    if (!evaluation::IsQualityLike(c->kind)) {
      return InvalidArgument("the price criterion is scored from the price, not by hand",
                             path + ".criterion_id");
    }
    if (!seen.insert(cid).second) {
      return InvalidArgument("criterion '" + cid + "' is scored twice", path + ".criterion_id");
    }
    if (!s.contains("score") || !s["score"].is_number() ||
        !std::isfinite(s["score"].get<double>()) || s["score"].get<double>() < 0 ||
        s["score"].get<double>() > 10) {
      return InvalidArgument("score must be a number from 0 to 10", path + ".score");
    }
    std::string justification;
    if (s.contains("justification")) {
      if (!s["justification"].is_string()) {
        return InvalidArgument("justification must be a string", path + ".justification");
      }
      justification = s["justification"].get<std::string>();
    }
    scores.push_back({cid, s["score"].get<double>(), justification});
  }
  json scores_json = ScoresJson(scores);
  SAMSPILL_RETURN_IF_ERROR(store_.SetBidEvaluation(
      bid_id, bid.status, bid.rejection_reason, scores_json.dump(),
      Event(actor, "bid.score", id, json{{"bid_id", bid_id}, {"scores", scores_json}})));
  return json{{"bid_id", bid_id}, {"scores", scores_json}};
}

Result<json> TenderService::RejectBid(const app::Actor& actor, int64_t id, int64_t bid_id,
                                      std::string_view reason) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Runs(actor), actor, "reject bids"));
  if (IsBlank(reason)) {
    return InvalidArgument("a rejection needs written reasons (FOA § 25-5)", "reason");
  }
  if (reason.size() > kMaxReasonChars) {
    return InvalidArgument("the reason is longer than 20000 characters", "reason");
  }
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (loaded.tender.state() != TenderState::kOpened) {
    return Conflict(
        "bids are rejected after opening and before the evaluation is completed; the "
        "tender is in state '" +
        StateName(loaded.tender.state()) + "'");
  }
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredBid bid, store_.FindBidWithContent(bid_id));
  if (bid.tender_id != id) return NotFound("no bid " + std::to_string(bid_id) + " in this tender");
  SAMSPILL_RETURN_IF_ERROR(store_.SetBidEvaluation(
      bid_id, static_cast<int>(BidStatus::kRejected), reason, bid.scores_json,
      Event(actor, "bid.reject", id,
            json{{"bid_id", bid_id},
                 {"supplier_organisation_id", bid.supplier_organisation_id},
                 {"reason", std::string(reason)}})));
  return json{{"bid_id", bid_id}, {"status", "rejected"}, {"rejection_reason", reason}};
}

Result<json> TenderService::AskQuestion(const app::Actor& actor, int64_t id, const json& body) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(IsSupplier(actor), actor, "ask questions"));
  if (!actor.organisation_id) {
    return FailedPrecondition("the user belongs to no supplier organisation");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"lot_id", "question"}));
  SAMSPILL_ASSIGN_OR_RETURN(std::string lot_id, OptionalString(body, "lot_id", 100));
  SAMSPILL_ASSIGN_OR_RETURN(std::string question,
                            OptionalString(body, "question", kMaxQuestionChars));
  if (IsBlank(question)) return InvalidArgument("the question is empty", "question");
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
  SAMSPILL_RETURN_IF_ERROR(loaded.tender.CheckLotId(lot_id));
  store::NewQuestion q{id,       lot_id, *actor.organisation_id, actor.user_id.value_or(0),
                       question, now};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredQuestion stored,
      store_.CreateQuestion(
          q, Event(actor, "question.ask", id, json{{"lot_id", lot_id}, {"question", question}})));
  return json{{"id", stored.id},
              {"lot_id", stored.lot_id},
              {"question", stored.question},
              {"asked_at", stored.asked_at.ToIso()},
              {"answer", nullptr}};
}

Result<json> TenderService::AnswerQuestion(const app::Actor& actor, int64_t id, int64_t question_id,
                                           std::string_view answer) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Runs(actor), actor, "answer questions"));
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
                                                            {"answer", std::string(answer)}})));
  return json{{"id", question_id},
              {"question", q->question},
              {"answer", answer},
              {"answered_at", now.ToIso()},
              {"published_to", "all suppliers"}};
}

Result<json> TenderService::ListQuestions(const app::Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, LoadVisible(actor, id));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredQuestion> questions, store_.ListQuestions(id));
  json out = json::array();
  for (const auto& q : questions) {
    const bool own = IsSupplier(actor) && actor.organisation_id == q.asked_by_organisation_id;
    // A supplier sees every answered question, and its own unanswered ones; never who asked.
    if (IsSupplier(actor) && !q.answer && !own) continue;
    json item = {{"id", q.id},
                 {"lot_id", q.lot_id},
                 {"question", q.question},
                 {"asked_at", q.asked_at.ToIso()},
                 {"answer", q.answer ? json(*q.answer) : json()},
                 {"answered_at", q.answered_at ? json(q.answered_at->ToIso()) : json()}};
    if (IsBuyerSide(actor)) {
      SAMSPILL_ASSIGN_OR_RETURN(tendering::OrganisationRef org,
                                OrganisationRef(q.asked_by_organisation_id));
      item["asked_by"] = OrgJson(org);
    } else {
      item["own"] = own;
    }
    out.push_back(std::move(item));
  }
  return json{{"questions", out}};
}

Result<json> TenderService::Evaluations(const app::Actor& actor, int64_t id) {
  // The reports hold every bid's price: they follow the rule for bid content.
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(tendering::ReadsOpenedBidContent(Reader(actor)), actor,
                                         "read evaluation reports"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded loaded, Load(id));
  if (!tendering::BidsOpened(Seal(loaded))) return json::object();
  return loaded.outcome.value("evaluations", json::object());
}

Result<json> TenderService::AddNote(const app::Actor& actor, int64_t id, const json& body) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Runs(actor), actor, "write protocol notes"));
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"letter", "text"}));
  SAMSPILL_ASSIGN_OR_RETURN(std::string letter, OptionalString(body, "letter", 1));
  if (letter.empty()) letter = "p";
  if (letter[0] < 'a' || letter[0] > 'p') {
    return InvalidArgument("letter must be one of a–p (FOA § 25-5)", "letter");
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, OptionalString(body, "text", kMaxReasonChars));
  if (IsBlank(text)) return InvalidArgument("the note is empty", "text");
  SAMSPILL_RETURN_IF_ERROR(Load(id).status());
  json details = {{"letter", letter}, {"text", text}};
  SAMSPILL_RETURN_IF_ERROR(store_.AppendAudit(Event(actor, "tender.note", id, details)));
  return details;
}

Result<json> TenderService::DeclareConflict(const app::Actor& actor, int64_t id, const json& body) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(Scores(actor), actor, "declare conflicts of interest"));
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"person", "description", "remedy"}));
  json details = json::object();
  for (const char* field : {"person", "description", "remedy"}) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string value, OptionalString(body, field, kMaxReasonChars));
    if (IsBlank(value)) return InvalidArgument(std::string(field) + " is required", field);
    details[field] = value;
  }
  SAMSPILL_RETURN_IF_ERROR(Load(id).status());
  SAMSPILL_RETURN_IF_ERROR(
      store_.AppendAudit(Event(actor, "conflict_of_interest.declare", id, details)));
  return details;
}

Result<tendering::TenderRecord> TenderService::Record(const app::Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(app::NeedRole(IsBuyerSide(actor), actor, "read the tender's record"));
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
  if (loaded.outcome.contains("awards")) {
    for (const json& a : loaded.outcome["awards"]) {
      tendering::LotAward award;
      award.lot_id = a.value("lot_id", "");
      award.bid_id = a.value("bid_id", int64_t{0});
      SAMSPILL_ASSIGN_OR_RETURN(award.supplier,
                                OrganisationRef(a["supplier"].value("id", int64_t{0})));
      award.contract_value = Money{a.value("contract_value_minor", int64_t{0}), "NOK"};
      award.total_score = a.value("total_score", 0.0);
      award.reasons = a.value("reasons", "");
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
  record.tender = std::move(loaded.tender);
  return record;
}

Result<json> TenderService::ProtocolJson(const app::Actor& actor, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderRecord record, Record(actor, id));
  // The protocol is built from the audit events: a shortened or edited trail would give a
  // protocol that silently lacks a line.
  SAMSPILL_RETURN_IF_ERROR(store::RequireIntactAuditTrail(store_));
  SAMSPILL_ASSIGN_OR_RETURN(tendering::Protocol protocol,
                            tendering::BuildProtocol(record, clock_.Now()));
  return tendering::ProtocolToJson(protocol);
}

Result<std::string> TenderService::ProtocolHtml(const app::Actor& actor, int64_t id,
                                                bool inline_css) {
  SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderRecord record, Record(actor, id));
  SAMSPILL_RETURN_IF_ERROR(store::RequireIntactAuditTrail(store_));
  SAMSPILL_ASSIGN_OR_RETURN(tendering::Protocol protocol,
                            tendering::BuildProtocol(record, clock_.Now()));
  tendering::ProtocolHtmlOptions options;
  options.styling = inline_css ? tendering::ProtocolStyling::kInlineStyle
                               : tendering::ProtocolStyling::kStylesheetLink;
  return tendering::ProtocolToHtml(protocol, options);
}

Result<json> TenderService::OcdsPackage(const app::Actor& actor, int64_t id) {
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
  return tendering::ExportOcdsReleasePackage(record, options);
}

}  // namespace samspill::web
