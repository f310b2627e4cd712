#include "market/model/process_json.h"

#include <cstdint>
#include <limits>
#include <utility>

#include "common/json_fields.h"

namespace samspill::market {
namespace {

using nlohmann::json;

// Reading back is strict about types: the document was written by ProcessToJson, so a
// mismatch means a corrupt row, reported with its field. Null is how it writes "none".
constexpr JsonFieldStyle kStoredFields{.naming = JsonNaming::kBare, .null_is_absent = true};

json MoneyToJson(const std::optional<Money>& money) {
  if (!money) return nullptr;
  return json{{"minor", money->minor}, {"currency", money->currency}};
}

json OrganisationToJson(const Organisation& org) {
  return json{{"id", org.id}, {"name", org.name}, {"org_number", org.org_number}};
}

Status ReadString(const json& j, const char* key, std::string* out, const std::string& path) {
  return AssignIfPresent(OptionalJsonString(j, key, path, kStoredFields), *out);
}

// The pair is written as a whole, so one message names every way it is broken.
Status ReadMoney(const json& j, const char* key, std::optional<Money>* out,
                 const std::string& path) {
  const std::string field = JsonPath(path, key);
  const Status broken = InvalidArgument("must be {minor, currency}", field);
  Result<const json*> money = OptionalJsonObject(j, key, path, kStoredFields);
  if (!money.ok()) return broken;
  if (*money == nullptr) return Status::Ok();
  Result<int64_t> minor =
      RequiredJsonInteger(**money, "minor", field, std::numeric_limits<int64_t>::min(),
                          std::numeric_limits<int64_t>::max());
  Result<std::string> currency = RequiredJsonString(**money, "currency", field);
  if (!minor.ok() || !currency.ok()) return broken;
  *out = Money{*minor, std::move(*currency)};
  return Status::Ok();
}

Status ReadOrganisation(const json& j, const char* key, Organisation* out,
                        const std::string& path) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* org, OptionalJsonObject(j, key, path, kStoredFields));
  if (org == nullptr) return Status::Ok();
  const std::string p = JsonPath(path, key);
  SAMSPILL_RETURN_IF_ERROR(ReadString(*org, "id", &out->id, p));
  SAMSPILL_RETURN_IF_ERROR(ReadString(*org, "name", &out->name, p));
  return ReadString(*org, "org_number", &out->org_number, p);
}

}  // namespace

json ProcessToJson(const Process& p) {
  json lots = json::array();
  for (const Lot& lot : p.lots) {
    json winners = json::array();
    for (const Winner& w : lot.winners) {
      winners.push_back(
          json{{"supplier", OrganisationToJson(w.supplier)}, {"value", MoneyToJson(w.value)}});
    }
    lots.push_back(json{{"id", lot.id},
                        {"title", lot.title},
                        {"cpv", lot.cpv},
                        {"bidders", lot.bidders ? json(*lot.bidders) : json(nullptr)},
                        {"bidder_source", BidderSourceName(lot.bidder_source)},
                        {"sources_present", lot.sources_present},
                        {"sources_rejected", lot.sources_rejected},
                        {"estimated_value", MoneyToJson(lot.estimated_value)},
                        {"awarded_value", MoneyToJson(lot.awarded_value)},
                        {"winners", std::move(winners)},
                        {"tender_start", lot.tender_start},
                        {"tender_end", lot.tender_end}});
  }
  return json{{"format", p.format == SourceFormat::kEforms ? "eforms" : "ocds"},
              {"id", p.id},
              {"source", p.source},
              {"title", p.title},
              {"buyer", OrganisationToJson(p.buyer)},
              {"region", p.region},
              {"country", p.country},
              {"procedure", ProcedureName(p.procedure)},
              {"procedure_details", p.procedure_details},
              {"cpv", p.cpv},
              {"estimated_value", MoneyToJson(p.estimated_value)},
              {"published", p.published},
              {"status", p.status},
              {"lots", std::move(lots)}};
}

Result<Process> ProcessFromJson(const json& j) {
  if (!j.is_object()) return InvalidArgument("a process must be a JSON object", "$");
  Process p;
  const std::string root = "$";
  std::string text;
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "format", &text, root));
  p.format = text == "eforms" ? SourceFormat::kEforms : SourceFormat::kOcds;
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "id", &p.id, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "source", &p.source, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "title", &p.title, root));
  SAMSPILL_RETURN_IF_ERROR(ReadOrganisation(j, "buyer", &p.buyer, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "region", &p.region, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "country", &p.country, root));
  text.clear();
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "procedure", &text, root));
  p.procedure = ProcedureFromName(text);
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "procedure_details", &p.procedure_details, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "cpv", &p.cpv, root));
  SAMSPILL_RETURN_IF_ERROR(ReadMoney(j, "estimated_value", &p.estimated_value, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "published", &p.published, root));
  SAMSPILL_RETURN_IF_ERROR(ReadString(j, "status", &p.status, root));
  SAMSPILL_ASSIGN_OR_RETURN(const json* lots, RequiredJsonMember(j, "lots", root));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(*lots, "$.lots", kStoredFields));
  for (size_t i = 0; i < lots->size(); ++i) {
    const json& l = (*lots)[i];
    std::string path = "$.lots[" + std::to_string(i) + "]";
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(l, path, kStoredFields));
    Lot lot;
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "id", &lot.id, path));
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "title", &lot.title, path));
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "cpv", &lot.cpv, path));
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonInteger(l, "bidders", path, std::numeric_limits<int>::min(),
                                            std::numeric_limits<int>::max(), kStoredFields),
                        lot.bidders));
    std::string source;
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "bidder_source", &source, path));
    for (int s = 0; s < kBidderSourceCount; ++s) {
      if (source == BidderSourceName(static_cast<BidderSource>(s))) {
        lot.bidder_source = static_cast<BidderSource>(s);
      }
    }
    for (auto [key, out] : {std::pair{"sources_present", &lot.sources_present},
                            std::pair{"sources_rejected", &lot.sources_rejected}}) {
      if (auto m = l.find(key); m != l.end() && m->is_number_unsigned()) *out = m->get<unsigned>();
    }
    SAMSPILL_RETURN_IF_ERROR(ReadMoney(l, "estimated_value", &lot.estimated_value, path));
    SAMSPILL_RETURN_IF_ERROR(ReadMoney(l, "awarded_value", &lot.awarded_value, path));
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "tender_start", &lot.tender_start, path));
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "tender_end", &lot.tender_end, path));
    if (auto w = l.find("winners"); w != l.end() && w->is_array()) {
      for (size_t k = 0; k < w->size(); ++k) {
        std::string wpath = path + ".winners[" + std::to_string(k) + "]";
        SAMSPILL_RETURN_IF_ERROR(CheckJsonObject((*w)[k], wpath, kStoredFields));
        Winner winner;
        SAMSPILL_RETURN_IF_ERROR(ReadOrganisation((*w)[k], "supplier", &winner.supplier, wpath));
        SAMSPILL_RETURN_IF_ERROR(ReadMoney((*w)[k], "value", &winner.value, wpath));
        lot.winners.push_back(std::move(winner));
      }
    }
    p.lots.push_back(std::move(lot));
  }
  return p;
}

}  // namespace samspill::market
