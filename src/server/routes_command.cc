// `samspill routes`: the server's route table as JSON — every JSON API route and every page,
// with its method, path pattern (a full-match regex), whether it is public, and the roles it
// admits (an empty list: every logged-in role). Built by the same functions `serve` uses, on a
// throw-away in-memory database, so the table is the server's own. The access-matrix test
// (tests/api/access_matrix_test.cc) sends every route as every role from it.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/auth_service.h"
#include "app/decision_service.h"
#include "app/organisation_service.h"
#include "app/password_hasher.h"
#include "app/tender_service.h"
#include "common/clock.h"
#include "common/role.h"
#include "server/app_routes.h"
#include "server/commands.h"
#include "store/sqlite/sqlite_store.h"
#include "web/api_routes.h"

namespace samspill::server {
namespace {

nlohmann::json RouteJson(std::string_view kind, const std::string& method,
                         const std::string& pattern, bool is_public,
                         const std::vector<Role>& roles) {
  nlohmann::json names = nlohmann::json::array();
  for (Role r : roles) names.push_back(std::string(RoleName(r)));
  return {{"kind", kind},
          {"method", method},
          {"pattern", pattern},
          {"public", is_public},
          {"roles", std::move(names)}};
}

Status PrintRoutes() {
  SAMSPILL_RETURN_IF_ERROR(app::InitCrypto());
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store,
                            store::OpenSqliteStore(":memory:"));
  SystemClock clock;
  app::AuthService auth(*store, clock);
  app::OrganisationService organisations(*store, clock);
  app::TenderService tenders(*store, clock);
  app::PortfolioService portfolio(*store, clock);
  app::DecisionService decisions(*store, clock);
  app::StrategyService strategy(*store, clock);
  app::MarketService market(*store, clock);

  nlohmann::json table = nlohmann::json::array();
  // The order the server matches them in: the core API, then the modules' API, then pages.
  for (const web::Route& r : web::CoreApiRoutes(*store, auth, organisations, false)) {
    table.push_back(RouteJson("api", r.method, r.pattern, r.is_public, r.roles));
  }
  AppRoutes routes =
      ModuleRoutes(auth, tenders, portfolio, decisions, strategy, market, *store, false);
  for (const web::Route& r : routes.api) {
    table.push_back(RouteJson("api", r.method, r.pattern, r.is_public, r.roles));
  }
  for (const web::PageRoute& p : routes.pages) {
    table.push_back(RouteJson("page", p.method, p.pattern, p.is_public, p.roles));
  }
  // One route a line: easy to read and to diff.
  std::string out = "[\n";
  for (size_t i = 0; i < table.size(); ++i) {
    out += "  " + table[i].dump() + (i + 1 < table.size() ? ",\n" : "\n");
  }
  out += "]\n";
  std::fputs(out.c_str(), stdout);
  return Status::Ok();
}

}  // namespace

void AddRoutesCommand(CLI::App& app, cli::CommandAction* action) {
  auto* cmd = app.add_subcommand(
      "routes", "Print the server's route table (API and pages, with their roles) as JSON");
  cmd->callback([action] { *action = [] { return PrintRoutes(); }; });
}

}  // namespace samspill::server
