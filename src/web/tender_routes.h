// The JSON API of the tender lifecycle: tenders, lifecycle actions, sealed bids, questions
// and answers, the procurement protocol (JSON and printable HTML) and the OCDS export.
//
// Every handler parses, calls one TenderService method and renders; the route's role list is
// the first gate and the service checks the finer rules (sealed bids, supplier isolation).
#pragma once

#include <vector>

#include "app/tender_service.h"
#include "web/api.h"

namespace samspill::web {

std::vector<Route> TenderApiRoutes(app::TenderService& tenders);

}  // namespace samspill::web
