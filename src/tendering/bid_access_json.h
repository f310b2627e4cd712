// The rule for bid content (tendering/bid_access.h) applied to the audit trail's JSON details,
// apart from bid_access.h so that the use cases' headers need no JSON. Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "tendering/bid_access.h"

namespace samspill::tendering {

// An audit event's details (before or after) as `reader` may see them: in the events about bids
// ("bid.*"), the content fields — price, price_minor, summary, scores — are taken out for a
// reader who reads no opened bid's content. Bid events never carry content before opening (a
// submission's event names the bid only), so for them the role decides.
nlohmann::json BidEventDetailsFor(const BidReader& reader, std::string_view action,
                                  nlohmann::json details);

}  // namespace samspill::tendering
