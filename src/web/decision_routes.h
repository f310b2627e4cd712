// The JSON API of decision cases under /api/decision/cases (issue 16): list, create from a
// whole case document (decision/decision_case_json.h), read with its figures, replace, import a
// baseline (CSV text or xlsx bytes in the body), record the decision, link the tender, the
// figures alone and the market section. Handlers parse, call one DecisionService method and
// render; every answer that returns a case carries its `version` for the next change.
#pragma once

#include <vector>

#include "app/decision_service.h"
#include "web/api.h"

namespace samspill::web {

std::vector<Route> DecisionApiRoutes(app::DecisionService& decisions);

// The page routes under /beslutning (web/decision_pages.cc).
struct PageRoute;
std::vector<PageRoute> DecisionPageRoutes(app::DecisionService& decisions);

}  // namespace samspill::web
