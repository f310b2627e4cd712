#include "tendering/tender_outcome_json.h"

#include <string>

#include "common/strict_json.h"

namespace samspill::tendering {
namespace {

using nlohmann::json;

json MoneyJson(const Money& m) {
  return json{{"amount", m.major_as_double()}, {"currency", m.currency}};
}

// The outcome is samspill's own document, read back from the store: a value of the wrong type
// is data loss, reported by nlohmann's typed accessors (caught below) rather than field by
// field.
Timestamp ReadTime(const json& value) {
  Result<Timestamp> t = ParseIsoTimestamp(value.get<std::string>());
  if (!t.ok()) throw std::invalid_argument(t.status().message());
  return *t;
}

OrganisationRef ReadOrganisation(const json& o) {
  return {o.at("id").get<int64_t>(), o.at("name").get<std::string>(),
          o.at("org_number").get<std::string>()};
}

OpeningRecord ReadOpening(const json& r) {
  OpeningRecord record{ReadTime(r.at("opened_at")), r.at("opened_by").get<std::string>(), {}};
  for (const json& b : r.at("bids")) {
    record.bids.push_back({b.at("bid_id").get<int64_t>(), b.at("lot_id").get<std::string>(),
                           ReadOrganisation(b.at("supplier")), ReadTime(b.at("received_at")),
                           b.at("version").get<int>()});
  }
  return record;
}

LotEvaluation ReadEvaluation(const json& e) {
  LotEvaluation out;
  out.note = e.value("note", "");
  if (e.contains("report")) out.report_json = e["report"].dump();
  if (e.contains("winner_bid_id") && !e["winner_bid_id"].is_null()) {
    out.winner_bid_id = e["winner_bid_id"].get<int64_t>();
  }
  if (e.contains("winner_total")) out.winner_total = e["winner_total"].get<double>();
  if (e.contains("tied_bid_ids")) out.tied_bid_ids = e["tied_bid_ids"].get<std::vector<int64_t>>();
  return out;
}

LotAward ReadAward(const json& a) {
  LotAward award;
  award.lot_id = a.at("lot_id").get<std::string>();
  award.bid_id = a.at("bid_id").get<int64_t>();
  award.supplier = ReadOrganisation(a.at("supplier"));
  award.contract_value = Money{a.at("contract_value_minor").get<int64_t>(),
                               a.at("contract_value").at("currency").get<std::string>()};
  award.total_score = a.at("total_score").get<double>();
  award.reasons = a.at("reasons").get<std::string>();
  return award;
}

}  // namespace

json OrganisationRefToJson(const OrganisationRef& org) {
  return json{{"id", org.id}, {"name", org.name}, {"org_number", org.org_number}};
}

json OpeningRecordToJson(const OpeningRecord& record) {
  json bids = json::array();
  for (const OpenedBid& b : record.bids) {
    bids.push_back({{"bid_id", b.bid_id},
                    {"lot_id", b.lot_id},
                    {"supplier", OrganisationRefToJson(b.supplier)},
                    {"received_at", b.received_at.ToIso()},
                    {"version", b.version}});
  }
  return json{{"opened_at", record.opened_at.ToIso()},
              {"opened_by", record.opened_by},
              {"bids", std::move(bids)}};
}

json LotEvaluationToJson(const LotEvaluation& e) {
  if (!e.evaluated()) return json{{"note", e.note}};
  json out = {{"report", json::parse(e.report_json)}, {"tied_bid_ids", e.tied_bid_ids}};
  if (e.winner_bid_id) out["winner_bid_id"] = *e.winner_bid_id;
  if (e.winner_total) out["winner_total"] = *e.winner_total;
  return out;
}

json LotAwardToJson(const LotAward& a) {
  return json{{"lot_id", a.lot_id},
              {"bid_id", a.bid_id},
              {"supplier", OrganisationRefToJson(a.supplier)},
              {"contract_value", MoneyJson(a.contract_value)},
              {"contract_value_minor", a.contract_value.minor},
              {"total_score", a.total_score},
              {"reasons", a.reasons}};
}

json TenderOutcomeToJson(const TenderOutcome& outcome) {
  json out = json::object();
  if (outcome.opening) out["opening_record"] = OpeningRecordToJson(*outcome.opening);
  if (outcome.evaluations) {
    json evaluations = json::object();
    for (const auto& [lot, e] : *outcome.evaluations) evaluations[lot] = LotEvaluationToJson(e);
    out["evaluations"] = std::move(evaluations);
  }
  if (outcome.awards) {
    json awards = json::array();
    for (const LotAward& a : *outcome.awards) awards.push_back(LotAwardToJson(a));
    out["awards"] = std::move(awards);
  }
  if (outcome.notified) out["notified"] = *outcome.notified;
  return out;
}

Result<TenderOutcome> ParseTenderOutcomeJson(std::string_view text) {
  // Reports of large competitions run to megabytes; the limit only guards against nonsense.
  Result<json> doc = ParseStrictJson(text, "tender outcome", {.max_bytes = size_t{256} << 20});
  if (!doc.ok())
    return DataLoss("the stored outcome of a tender is unreadable: " + doc.status().message());
  if (!doc->is_object()) return DataLoss("the stored outcome of a tender is not an object");
  const char* part = "the document";
  try {
    TenderOutcome out;
    if (doc->contains("opening_record")) {
      part = "opening_record";
      out.opening = ReadOpening((*doc)["opening_record"]);
    }
    if (doc->contains("evaluations")) {
      part = "evaluations";
      out.evaluations.emplace();
      for (const auto& [lot, e] : (*doc)["evaluations"].items()) {
        (*out.evaluations)[lot] = ReadEvaluation(e);
      }
    }
    if (doc->contains("awards")) {
      part = "awards";
      out.awards.emplace();
      for (const json& a : (*doc)["awards"]) out.awards->push_back(ReadAward(a));
    }
    if (doc->contains("notified")) {
      part = "notified";
      out.notified = (*doc)["notified"].get<std::vector<std::string>>();
    }
    return out;
  } catch (const std::exception& e) {
    return DataLoss(std::string("the stored outcome of a tender is corrupt in ") + part + ": " +
                    e.what());
  }
}

}  // namespace samspill::tendering
