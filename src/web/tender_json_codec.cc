#include "web/tender_json_codec.h"

#include <optional>
#include <utility>

#include "common/json_fields.h"
#include "tendering/ocds_export.h"
#include "tendering/tender_json.h"
#include "tendering/tender_outcome_json.h"

namespace samspill::web {
namespace {

using nlohmann::json;

// The commands' wording: "summary must be a string". Text members may be absent or null ("" then);
// the service checks their length.
constexpr JsonFieldStyle kCommandFields{.naming = JsonNaming::kPath, .null_is_absent = true};

// The body must be an object with no other keys than `allowed`.
Status CheckKeys(const json& body, std::initializer_list<std::string_view> allowed) {
  if (!body.is_object()) return InvalidArgument("the body must be a JSON object");
  return CheckJsonKeys(body, allowed);
}

json OptionalTime(const std::optional<Timestamp>& t) { return t ? json(t->ToIso()) : json(); }

json ScoresToJson(const std::vector<tendering::BidScore>& scores) {
  json out = json::array();
  for (const auto& s : scores) {
    out.push_back(
        {{"criterion_id", s.criterion_id}, {"score", s.score}, {"justification", s.justification}});
  }
  return out;
}

}  // namespace

Result<app::SubmitBidCommand> SubmitBidCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"lot_id", "price", "summary"}));
  app::SubmitBidCommand bid;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "lot_id", "", kCommandFields), bid.lot_id));
  SAMSPILL_ASSIGN_OR_RETURN(const json* price, RequiredJsonMember(body, "price", ""));
  // The evaluation engine's money reader: exact øre, negative and zero prices named as such.
  // Whether the amount is acceptable is the tender's rule (Tender::ReceiveBid).
  SAMSPILL_ASSIGN_OR_RETURN(int64_t minor, ReadJsonMoney(*price, "price", "price"));
  bid.price = Money{minor, "NOK"};
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "summary", "", kCommandFields), bid.summary));
  return bid;
}

Result<app::ScoreBidCommand> ScoreBidCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"scores"}));
  auto it = body.find("scores");
  if (it == body.end() || !it->is_array()) {
    return InvalidArgument("scores must be an array of {criterion_id, score, justification}",
                           "scores");
  }
  app::ScoreBidCommand command;
  for (size_t i = 0; i < it->size(); ++i) {
    const json& s = (*it)[i];
    const std::string path = "scores[" + std::to_string(i) + "]";
    if (!s.is_object()) return InvalidArgument("a score must be an object", path);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(s, {"criterion_id", "score", "justification"}, path));
    // The API's message for each member is the same whichever way it is wrong (absent or of
    // another type); clients already read these.
    Result<std::string> criterion_id = RequiredJsonString(s, "criterion_id", path);
    if (!criterion_id.ok()) {
      return InvalidArgument("criterion_id must be a string", JsonPath(path, "criterion_id"));
    }
    Result<double> score = RequiredJsonNumber(s, "score", path);
    if (!score.ok()) {
      return InvalidArgument("score must be a number from 0 to 10", JsonPath(path, "score"));
    }
    Result<std::optional<std::string>> justification = OptionalJsonString(s, "justification", path);
    if (!justification.ok()) {
      return InvalidArgument("justification must be a string", JsonPath(path, "justification"));
    }
    command.scores.push_back(
        {std::move(*criterion_id), *score, justification->value_or(std::string())});
  }
  return command;
}

Result<app::AskQuestionCommand> AskQuestionCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"lot_id", "question"}));
  app::AskQuestionCommand command;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "lot_id", "", kCommandFields), command.lot_id));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "question", "", kCommandFields), command.question));
  return command;
}

Result<app::ProtocolNote> ProtocolNoteFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"letter", "text"}));
  app::ProtocolNote note;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "letter", "", kCommandFields), note.letter));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "text", "", kCommandFields), note.text));
  return note;
}

Result<BidRejectionRequest> BidRejectionFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"reason", "kind"}));
  BidRejectionRequest request;
  SAMSPILL_ASSIGN_OR_RETURN(request.reason, RequiredJsonString(body, "reason", "", kCommandFields));
  std::string kind = "tender";
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "kind", "", kCommandFields), kind));
  SAMSPILL_ASSIGN_OR_RETURN(request.kind, tendering::ParseRejectionKind(kind, "kind"));
  return request;
}

Result<app::LodgeComplaintCommand> LodgeComplaintCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"grounds"}));
  app::LodgeComplaintCommand command;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "grounds", "", kCommandFields), command.grounds));
  return command;
}

Result<app::HandleComplaintCommand> HandleComplaintCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"outcome", "reasons"}));
  app::HandleComplaintCommand command;
  std::string outcome;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "outcome", "", kCommandFields), outcome));
  SAMSPILL_ASSIGN_OR_RETURN(command.outcome, tendering::ParseHandlingOutcome(outcome, "outcome"));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "reasons", "", kCommandFields), command.reasons));
  return command;
}

Result<app::ConflictDeclaration> ConflictDeclarationFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(body, {"person", "description", "remedy"}));
  app::ConflictDeclaration declaration;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "person", "", kCommandFields), declaration.person));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonString(body, "description", "", kCommandFields), declaration.description));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(body, "remedy", "", kCommandFields), declaration.remedy));
  return declaration;
}

Result<app::PriceExplanationCommand> PriceExplanationCommandFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(
      CheckKeys(body, {"asked_on", "explanation", "assessment", "assessment_reasons"}));
  app::PriceExplanationCommand command;
  SAMSPILL_ASSIGN_OR_RETURN(std::string asked_on,
                            RequiredJsonString(body, "asked_on", "", kCommandFields));
  Result<Date> date = ParseIsoDate(asked_on);
  if (!date.ok()) return InvalidArgument("asked_on must be a date, YYYY-MM-DD", "asked_on");
  command.asked_on = *date;
  SAMSPILL_ASSIGN_OR_RETURN(command.explanation,
                            RequiredJsonString(body, "explanation", "", kCommandFields));
  SAMSPILL_ASSIGN_OR_RETURN(std::string assessment,
                            RequiredJsonString(body, "assessment", "", kCommandFields));
  SAMSPILL_ASSIGN_OR_RETURN(command.assessment,
                            tendering::ExplanationAssessmentFromName(assessment));
  SAMSPILL_ASSIGN_OR_RETURN(command.assessment_reasons,
                            RequiredJsonString(body, "assessment_reasons", "", kCommandFields));
  return command;
}

Result<tendering::TenderAction> TenderActionFromPath(std::string_view name) {
  for (tendering::TenderAction a : tendering::kAllTenderActions) {
    if (tendering::TenderActionName(a) == name) return a;
  }
  return InvalidArgument("unknown action '" + std::string(name) + "'", "action");
}

std::string_view BidStatusName(tendering::BidStatus status) {
  return status == tendering::BidStatus::kRejected ? "rejected" : "valid";
}

json MoneyToJson(const Money& m) {
  return json{{"amount", m.major_as_double()}, {"currency", m.currency}};
}

json ToJson(const app::TenderView& v) {
  json view = tendering::TenderViewJson(v.tender, v.now);
  view["id"] = v.id;
  view["version"] = v.version;
  view["created_at"] = v.created_at.ToIso();
  view["updated_at"] = v.updated_at.ToIso();
  if (v.buyer) view["buyer"] = tendering::OrganisationRefToJson(*v.buyer);
  if (!v.shows_actions) view.erase("allowed_actions");
  if (v.opening_record) view["opening_record"] = tendering::OpeningRecordToJson(*v.opening_record);
  if (v.evaluation_summary) {
    json summary = json::object();
    for (const auto& [lot, e] : *v.evaluation_summary) {
      summary[lot] = json{{"winner_bid_id", e.winner_bid_id ? json(*e.winner_bid_id) : json()},
                          {"tied_bid_ids", e.tied_bid_ids}};
    }
    view["evaluation_summary"] = std::move(summary);
  }
  if (v.awards) {
    json awards = json::array();
    for (const tendering::LotAward& a : *v.awards) awards.push_back(tendering::LotAwardToJson(a));
    view["awards"] = std::move(awards);
  }
  if (v.notified_participants) view["notified_participants"] = *v.notified_participants;
  return view;
}

json ToJson(const std::vector<app::TenderSummary>& tenders) {
  json out = json::array();
  for (const app::TenderSummary& t : tenders) {
    json item = {{"id", t.id},
                 {"title", t.title},
                 {"state", tendering::TenderStateName(t.state)},
                 {"updated_at", t.updated_at.ToIso()}};
    if (t.bid_deadline) item["bid_deadline"] = t.bid_deadline->ToIso();
    out.push_back(std::move(item));
  }
  return json{{"tenders", std::move(out)}};
}

json ToJson(const app::BidView& b) {
  json item = {{"id", b.id},
               {"lot_id", b.lot_id},
               {"version", b.version},
               {"received_at", b.received_at.ToIso()},
               {"status", BidStatusName(b.status)}};
  if (b.status == tendering::BidStatus::kRejected) item["rejection_reason"] = b.rejection_reason;
  if (b.supplier) item["supplier"] = tendering::OrganisationRefToJson(*b.supplier);
  if (b.price) {
    item["price"] = MoneyToJson(*b.price);
    item["summary"] = b.summary;
  }
  if (b.scores) item["scores"] = ScoresToJson(*b.scores);
  if (b.own_evaluation) {
    json scores = json::array();
    for (const app::OwnEvaluation::Line& l : b.own_evaluation->scores) {
      scores.push_back({{"criterion_id", l.criterion_id},
                        {"criterion", l.criterion_name},
                        {"score", l.score},
                        {"justification", l.justification}});
    }
    item["own_evaluation"] = {{"scores", std::move(scores)},
                              {"total", b.own_evaluation->total},
                              {"rank", b.own_evaluation->rank}};
  }
  return item;
}

json ToJson(const tendering::PriceExplanation& p) { return tendering::PriceExplanationToJson(p); }

json ToJson(const app::BidList& list) {
  if (list.sealed) {
    json times = json::array();
    for (const app::BidReceiptView& r : list.receipts) {
      times.push_back({{"lot_id", r.lot_id}, {"received_at", r.received_at.ToIso()}});
    }
    return json{{"sealed", true}, {"count", list.receipts.size()}, {"receipts", std::move(times)}};
  }
  json bids = json::array();
  for (const app::BidView& b : list.bids) bids.push_back(ToJson(b));
  return json{{"bids", std::move(bids)}, {"sealed", false}};
}

json ToJson(const app::BidScores& s) {
  return json{{"bid_id", s.bid_id}, {"scores", ScoresToJson(s.scores)}};
}

json ToJson(const app::BidRejection& r) {
  return json{{"bid_id", r.bid_id},
              {"status", "rejected"},
              {"rejection_reason", r.reason},
              {"rejection_kind", tendering::RejectionKindName(r.kind)}};
}

json ToJson(const app::QuestionView& q) {
  json item = {{"id", q.id},
               {"lot_id", q.lot_id},
               {"question", q.question},
               {"asked_at", q.asked_at.ToIso()},
               {"answer", q.answer ? json(*q.answer) : json()},
               {"answered_at", OptionalTime(q.answered_at)}};
  if (q.asked_by) item["asked_by"] = tendering::OrganisationRefToJson(*q.asked_by);
  if (q.own) item["own"] = *q.own;
  return item;
}

json ToJson(const std::vector<app::QuestionView>& questions) {
  json out = json::array();
  for (const app::QuestionView& q : questions) out.push_back(ToJson(q));
  return json{{"questions", std::move(out)}};
}

json ToJson(const app::PublishedAnswer& a) {
  return json{{"id", a.id},
              {"question", a.question},
              {"answer", a.answer},
              {"answered_at", a.answered_at.ToIso()},
              {"published_to", "all suppliers"}};
}

json ToJson(const std::map<std::string, tendering::LotEvaluation>& evaluations) {
  json out = json::object();
  for (const auto& [lot, e] : evaluations) out[lot] = tendering::LotEvaluationToJson(e);
  return out;
}

json ToJson(const app::ProtocolNote& note) {
  return json{{"letter", note.letter}, {"text", note.text}};
}

json ToJson(const app::ConflictDeclaration& d) {
  return json{{"person", d.person}, {"description", d.description}, {"remedy", d.remedy}};
}

json ToJson(const tendering::Complaint& c) {
  return json{{"id", c.id},
              {"supplier", {{"id", c.supplier_organisation_id}, {"name", c.supplier_name}}},
              {"lodged_at", c.lodged_at.ToIso()},
              {"grounds", c.grounds},
              {"outcome", tendering::ComplaintOutcomeName(c.outcome)},
              {"handled_at", c.handled_at ? json(c.handled_at->ToIso()) : json(nullptr)},
              {"handling_reasons", c.handling_reasons}};
}

json ToJson(const std::vector<tendering::Complaint>& complaints) {
  json list = json::array();
  for (const tendering::Complaint& c : complaints) list.push_back(ToJson(c));
  return json{{"complaints", std::move(list)}};
}

json ToJson(const app::OcdsRelease& release) {
  return tendering::ExportOcdsReleasePackage(release.record, release.options);
}

}  // namespace samspill::web
