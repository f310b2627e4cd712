#include "tendering/protocol_json.h"

#include <string>

namespace samspill::tendering {

using nlohmann::json;

nlohmann::json ProtocolToJson(const Protocol& protocol) {
  json sections = json::array();
  for (const ProtocolSection& s : protocol.sections) {
    json entries = json::array();
    for (const ProtocolEntry& e : s.entries) {
      entries.push_back({{"key", e.key},
                         {"label_nb", e.label_nb},
                         {"value", e.value},
                         {"source", ProtocolSourceName(e.source)}});
    }
    json tables = json::array();
    for (const ProtocolTable& t : s.tables) {
      tables.push_back({{"key", t.key},
                        {"caption_nb", t.caption_nb},
                        {"columns_nb", t.columns_nb},
                        {"rows", t.rows},
                        {"source", ProtocolSourceName(t.source)}});
    }
    sections.push_back({{"letter", std::string(1, s.letter)},
                        {"heading_nb", s.heading_nb},
                        {"heading_en", s.heading_en},
                        {"status", SectionStatusName(s.status)},
                        {"status_nb", SectionStatusLabelNb(s.status)},
                        {"statement_nb", s.statement_nb},
                        {"entries", std::move(entries)},
                        {"tables", std::move(tables)}});
  }
  return {{"tender_id", protocol.tender_id},
          {"ocid", protocol.ocid},
          {"title", protocol.title},
          {"buyer_name", protocol.buyer_name},
          {"legal_basis_nb", protocol.legal_basis_nb},
          {"state", TenderStateName(protocol.state)},
          {"state_nb", TenderStateLabelNb(protocol.state)},
          {"generated_at", protocol.generated_at.ToIso()},
          {"sections", std::move(sections)}};
}

}  // namespace samspill::tendering
