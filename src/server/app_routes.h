// The application's route tables beyond the core API: what `samspill serve` adds to its
// WebServer, and what `samspill routes` prints (with the core API that the WebServer adds
// itself, web::CoreApiRoutes). One function for both, so a route added to the server is a
// route in the printed table, and the access-matrix test (tests/api/access_matrix_test.cc)
// cannot miss it.
#pragma once

#include <vector>

#include "app/auth_service.h"
#include "app/decision_service.h"
#include "app/market_service.h"
#include "app/portfolio_service.h"
#include "app/strategy_service.h"
#include "app/tender_service.h"
#include "store/store.h"
#include "web/api.h"
#include "web/page.h"

namespace samspill::server {

struct AppRoutes {
  std::vector<web::Route> api;        // JSON API, after the core routes
  std::vector<web::PageRoute> pages;  // server-rendered pages
};

// The module route tables (tenders, portfolio, decision cases, the strategy, market data) in the
// order the server adds them. `secure_cookies`: the login page's cookie is Secure (HTTPS or behind
// a TLS proxy).
AppRoutes ModuleRoutes(app::AuthService& auth, app::TenderService& tenders,
                       app::PortfolioService& portfolio, app::DecisionService& decisions,
                       app::StrategyService& strategy, app::MarketService& market,
                       store::Store& store, bool secure_cookies);

}  // namespace samspill::server
