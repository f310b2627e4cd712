// The market data import for the procurement officer: the page /marked/import (upload an OCDS
// or Doffin eForms export) and the API route POST /api/market/imports (the file as the body).
// Both call app::MarketService, which reads and stores the file all or nothing; they only
// parse the request and render the outcome.
#pragma once

#include <vector>

#include "app/market_service.h"
#include "web/api.h"
#include "web/page.h"

namespace samspill::web {

std::vector<PageRoute> MarketPageRoutes(app::MarketService& market);
std::vector<Route> MarketApiRoutes(app::MarketService& market);

}  // namespace samspill::web
