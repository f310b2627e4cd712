// The portfolio pages' parts and what they share, inside the web module. PortfolioPageRoutes
// (web/page.h) puts the parts' route tables together:
// - web/portfolio_pages.cc: the list, the project page and form, duplicates, the targets page;
// - web/portfolio_import_pages.cc: CSV import of projects and of indicators (upload or paste);
// - web/portfolio_figure_pages.cc: an indicator's target and yearly figures (coordinator);
// - web/portfolio_indicator_pages.cc: a new indicator, entered or counted (coordinator);
// - web/portfolio_area_pages.cc: the areas and the project leaders assigned to them.
// Every part reads and writes through PortfolioService, which checks the roles again.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "app/portfolio_service.h"
#include "common/role.h"
#include "web/actor.h"
#include "web/api.h"
#include "web/page.h"

namespace samspill::web {

// Everyone who reads the portfolio: the partnership roles, administrators and auditors.
std::vector<Role> PortfolioReaders();
bool IsCoordinator(const PageRequest& req);

// <option>s of (value, label) pairs with `selected` marked; an empty `empty_label` adds no
// empty option.
std::string SelectOptions(const std::vector<std::pair<std::string, std::string>>& values,
                          const std::string& selected, const std::string& empty_label);

// "rad 4, kolonne «type»: …" in the page's language (the message itself is the service's).
std::string RowErrorText(const PageRequest& req, const portfolio::RowError& error);

std::vector<PageRoute> PortfolioImportRoutes(app::PortfolioService& portfolio);
std::vector<PageRoute> PortfolioFigureRoutes(app::PortfolioService& portfolio);
std::vector<PageRoute> PortfolioIndicatorRoutes(app::PortfolioService& portfolio);
std::vector<PageRoute> PortfolioAreaRoutes(app::PortfolioService& portfolio);

}  // namespace samspill::web
