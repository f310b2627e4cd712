// ProtocolToJson: the procurement protocol (protocol.h) as JSON, for the API and for archiving.
//
// Shape: {"tender_id", "ocid", "title", "buyer_name", "state", "state_nb", "generated_at",
// "sections": [{"letter": "a", "heading_nb", "heading_en", "status", "status_nb",
// "statement_nb", "entries": [{"key", "label_nb", "value", "source"}],
// "tables": [{"key", "caption_nb", "columns_nb", "rows", "source"}]}]}. Enum values are their
// stable names (ProtocolSourceName, SectionStatusName, TenderStateName); every section is present,
// a to p. Pure function; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "tendering/protocol.h"

namespace samspill::tendering {

nlohmann::json ProtocolToJson(const Protocol& protocol);

}  // namespace samspill::tendering
