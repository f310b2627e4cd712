#include "market/model/process_json.h"

namespace samspill::market {
namespace {

using nlohmann::json;

json MoneyToJson(const std::optional<Money>& money) {
  if (!money) return nullptr;
  return json{{"minor", money->minor}, {"currency", money->currency}};
}

json OrganisationToJson(const Organisation& org) {
  return json{{"id", org.id}, {"name", org.name}, {"org_number", org.org_number}};
}

// Reading back is strict about types: the document was written by ProcessToJson, so a
// mismatch means a corrupt row, reported with its field.
Status ReadString(const json& j, const char* key, std::string* out, const std::string& path) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return InvalidArgument("must be a string", path + "." + key);
  *out = it->get<std::string>();
  return Status::Ok();
}

Status ReadMoney(const json& j, const char* key, std::optional<Money>* out,
                 const std::string& path) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_object() || !it->contains("minor") || !(*it)["minor"].is_number_integer() ||
      !it->contains("currency") || !(*it)["currency"].is_string()) {
    return InvalidArgument("must be {minor, currency}", path + "." + key);
  }
  *out = Money{(*it)["minor"].get<int64_t>(), (*it)["currency"].get<std::string>()};
  return Status::Ok();
}

Status ReadOrganisation(const json& j, const char* key, Organisation* out,
                        const std::string& path) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return Status::Ok();
  if (!it->is_object()) return InvalidArgument("must be an object", path + "." + key);
  std::string p = path + "." + key;
  SAMSPILL_RETURN_IF_ERROR(ReadString(*it, "id", &out->id, p));
  SAMSPILL_RETURN_IF_ERROR(ReadString(*it, "name", &out->name, p));
  return ReadString(*it, "org_number", &out->org_number, p);
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
  auto lots = j.find("lots");
  if (lots == j.end() || !lots->is_array()) return InvalidArgument("must be an array", "$.lots");
  for (size_t i = 0; i < lots->size(); ++i) {
    const json& l = (*lots)[i];
    std::string path = "$.lots[" + std::to_string(i) + "]";
    if (!l.is_object()) return InvalidArgument("must be an object", path);
    Lot lot;
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "id", &lot.id, path));
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "title", &lot.title, path));
    SAMSPILL_RETURN_IF_ERROR(ReadString(l, "cpv", &lot.cpv, path));
    if (auto b = l.find("bidders"); b != l.end() && !b->is_null()) {
      if (!b->is_number_integer()) return InvalidArgument("must be an integer", path + ".bidders");
      lot.bidders = b->get<int>();
    }
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
        if (!(*w)[k].is_object()) return InvalidArgument("must be an object", wpath);
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
