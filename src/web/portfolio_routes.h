// The JSON API of the partnership portfolio under /api/portfolio/: projects (list with
// filters, get with history, duplicate check, register, edit, merge), the duplicate report,
// CSV import and export, xlsx export, areas, indicators with attainment, yearly figures and the
// charts as SVG. Handlers parse, call one PortfolioService method and render.
#pragma once

#include <vector>

#include "app/portfolio_service.h"
#include "web/api.h"

namespace samspill::web {

std::vector<Route> PortfolioApiRoutes(app::PortfolioService& portfolio);

}  // namespace samspill::web
