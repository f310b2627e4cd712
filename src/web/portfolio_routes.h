// The JSON API of the partnership portfolio under /api/portfolio/: projects (list with
// filters, get with history, duplicate check, register, edit, merge), the duplicate report,
// CSV import and export, xlsx export, areas, indicators with attainment, yearly figures and the
// charts as SVG. Handlers parse, call one PortfolioService method and render.
#pragma once

#include <vector>

#include "web/api.h"
#include "web/portfolio_service.h"

namespace samspill::web {

std::vector<Route> PortfolioApiRoutes(PortfolioService& portfolio);

}  // namespace samspill::web
