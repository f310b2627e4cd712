#include "tendering/tender_outcome_json.h"

#include <cmath>
#include <optional>
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

int64_t Minor(const json& major) { return std::llround(major.get<double>() * 100.0); }

// The winner's flag, read from the report the evaluation stored (its one source), so that
// evaluations stored before the flag was typed carry it too.
std::optional<AbnormallyLowFlag> ReadAbnormallyLow(const json& report,
                                                   std::optional<int64_t> winner) {
  if (!winner || !report.contains("abnormally_low")) return std::nullopt;
  const std::string id = std::to_string(*winner);
  const std::string currency = report.value("currency", "NOK");
  for (const json& c : report["abnormally_low"].value("checks", json::array())) {
    if (c.at("bid").get<std::string>() != id || !c.at("flagged").get<bool>()) continue;
    AbnormallyLowFlag flag;
    flag.bid_id = *winner;
    for (const json& b : report.value("ranking", json::array())) {
      if (b.value("id", "") == id) flag.supplier_name = b.value("name", id);
    }
    flag.price = Money{Minor(c.at("price")), currency};
    flag.mean_of_others = Money{Minor(c.at("mean_of_others")), currency};
    flag.next_lowest = Money{Minor(c.at("next_lowest")), currency};
    flag.below_mean_of_others_percent = c.at("below_mean_of_others_percent").get<double>();
    flag.below_next_lowest_percent = c.at("below_next_lowest_percent").get<double>();
    flag.below_mean_threshold = c.at("below_mean_threshold").get<bool>();
    flag.below_next_threshold = c.at("below_next_threshold").get<bool>();
    return flag;
  }
  return std::nullopt;
}

PriceExplanation ReadExplanation(const json& p) {
  PriceExplanation out;
  out.bid_id = p.at("bid_id").get<int64_t>();
  Result<Date> asked = ParseIsoDate(p.at("asked_on").get<std::string>());
  if (!asked.ok()) throw std::invalid_argument(asked.status().message());
  out.asked_on = *asked;
  out.explanation = p.at("explanation").get<std::string>();
  Result<ExplanationAssessment> a =
      ExplanationAssessmentFromName(p.at("assessment").get<std::string>());
  if (!a.ok()) throw std::invalid_argument(a.status().message());
  out.assessment = *a;
  out.assessment_reasons = p.at("assessment_reasons").get<std::string>();
  out.recorded_by = p.at("recorded_by").get<std::string>();
  out.recorded_at = ReadTime(p.at("recorded_at"));
  return out;
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
  if (e.contains("report")) out.abnormally_low = ReadAbnormallyLow(e["report"], out.winner_bid_id);
  if (e.contains("price_explanation")) {
    out.price_explanation = ReadExplanation(e["price_explanation"]);
  }
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

json PriceExplanationToJson(const PriceExplanation& p) {
  return json{{"bid_id", p.bid_id},
              {"asked_on", p.asked_on.ToIso()},
              {"explanation", p.explanation},
              {"assessment", ExplanationAssessmentName(p.assessment)},
              {"assessment_reasons", p.assessment_reasons},
              {"recorded_by", p.recorded_by},
              {"recorded_at", p.recorded_at.ToIso()}};
}

json LotEvaluationToJson(const LotEvaluation& e) {
  if (!e.evaluated()) return json{{"note", e.note}};
  json out = {{"report", json::parse(e.report_json)}, {"tied_bid_ids", e.tied_bid_ids}};
  if (e.winner_bid_id) out["winner_bid_id"] = *e.winner_bid_id;
  if (e.winner_total) out["winner_total"] = *e.winner_total;
  if (e.price_explanation) out["price_explanation"] = PriceExplanationToJson(*e.price_explanation);
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
