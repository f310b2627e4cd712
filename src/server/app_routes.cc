#include "server/app_routes.h"

#include "web/decision_routes.h"
#include "web/market_routes.h"
#include "web/portfolio_routes.h"
#include "web/strategy_pages.h"
#include "web/tender_routes.h"

namespace samspill::server {

AppRoutes ModuleRoutes(app::AuthService& auth, app::TenderService& tenders,
                       app::PortfolioService& portfolio, app::DecisionService& decisions,
                       app::StrategyService& strategy, app::MarketService& market,
                       store::Store& store, bool secure_cookies) {
  AppRoutes routes;
  auto add_api = [&routes](std::vector<web::Route> more) {
    for (web::Route& r : more) routes.api.push_back(std::move(r));
  };
  auto add_pages = [&routes](std::vector<web::PageRoute> more) {
    for (web::PageRoute& p : more) routes.pages.push_back(std::move(p));
  };
  add_api(web::TenderApiRoutes(tenders));
  add_api(web::PortfolioApiRoutes(portfolio));
  add_api(web::DecisionApiRoutes(decisions));
  add_api(web::StrategyApiRoutes(strategy));
  add_api(web::MarketApiRoutes(market));
  add_pages(web::TenderPageRoutes(auth, tenders, market, store, secure_cookies));
  add_pages(web::TenderFormRoutes(tenders));
  add_pages(web::TenderCheckRoutes(tenders));
  add_pages(web::PortfolioPageRoutes(portfolio));
  add_pages(web::DecisionPageRoutes(decisions));
  add_pages(web::StrategyPageRoutes(strategy));
  add_pages(web::StrategyPlanPageRoutes(strategy));
  add_pages(web::MarketPageRoutes(market));
  return routes;
}

}  // namespace samspill::server
