// The tendering strategy's pages and API (issue 17), inside the web module:
// - web/strategy_pages.cc: /strategi (potential and IKU, peers, political targets), the area
//   page /strategi/omrade/{id}, and the priorities /strategi/prioriteringer(/{year});
// - web/strategy_plan_pages.cc: the plan's draft /strategi/plan and the public plan
//   /anskaffelsesplan (no login) with its downloads;
// - web/strategy_routes.cc: the JSON API under /api/strategy and the public exports under
//   /api/public/plan.
// Every part reads and writes through StrategyService, which checks the roles again.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/strategy_service.h"
#include "web/api.h"
#include "web/page.h"

namespace samspill::web {

std::vector<PageRoute> StrategyPageRoutes(app::StrategyService& strategy);
std::vector<PageRoute> StrategyPlanPageRoutes(app::StrategyService& strategy);
std::vector<Route> StrategyApiRoutes(app::StrategyService& strategy);

// Shared by the strategy's page files.
namespace strategy_pages {

using Errors = std::vector<std::pair<std::string, std::string>>;

// An amount in whole kroner as millions with one decimal and the currency:
// "412,0 mill. DKK" / "DKK 412.0 m".
std::string Millions(const PageRequest& req, int64_t amount, std::string_view currency);
// A whole amount with thousands separators and the currency: "1 250 000 DKK" / "DKK 1,250,000".
std::string Amount(const PageRequest& req, int64_t amount, std::string_view currency);
// A percentage with one decimal: "26,5 %" / "26.5%".
std::string Percent(const PageRequest& req, double percent);
// The message of a refusal in the page's language, with the field it names.
std::string Message(const PageRequest& req, const Status& s);
// The error summary's entry for a refusal: linked to the form field it names when the field is
// one of the page's inputs (their ids have a prefix: "t-first", "w-volume_gain"), else the
// field's path written before the message.
Errors ErrorsOf(const PageRequest& req, const Status& s);
// A refusal that is not about the input (permission, storage) is answered as an error page.
bool IsInputError(const Status& s);
// The CSRF field and the version of the document shown.
std::string Hidden(const PageRequest& req, int64_t version);
std::string Label(const std::string& id, std::string_view text, std::string_view hint = {});
// A labelled input (type text unless `extra` says otherwise).
std::string Field(const std::string& id, std::string_view label, const std::string& value,
                  std::string_view hint = {}, std::string_view extra = {});
std::string Choice(const std::string& id, std::string_view label,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& selected);
std::string Button(std::string_view text);

}  // namespace strategy_pages
}  // namespace samspill::web
