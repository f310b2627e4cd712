// The areas page, /portefolje/omrader: the configured areas (innsatsområder) with how many
// projects each has, and every project leader with the area they edit. Everyone who reads the
// portfolio sees it; the coordinator also gets a form per project leader to assign or change
// the area (POST /portefolje/omrader/{user id}, app::PortfolioService::AssignArea).
#include <map>

#include "app/portfolio_service.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/portfolio_pages.h"

namespace samspill::web {
namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;

// `chosen`: a value the coordinator sent that was refused, shown again in its row.
Result<PageResponse> AreasPage(PageRequest& req, app::PortfolioService& portfolio,
                               const Errors& errors, int64_t chosen_user, const std::string& chosen,
                               int status) {
  SAMSPILL_ASSIGN_OR_RETURN(app::AreasView areas, portfolio.Areas(Who(req)));
  SAMSPILL_ASSIGN_OR_RETURN(app::ProjectList projects, portfolio.ListProjects(Who(req), {}));
  std::map<std::string, int> count;
  for (const app::ProjectView& p : projects.projects) ++count[p.project.area];

  const std::string title(req.T("pf.areas"));
  const std::string saved = req.Param("lagret");
  std::string notice;
  std::string list;
  std::vector<std::pair<std::string, std::string>> options;
  for (const std::string& area : areas.areas) {
    options.push_back({area, area});
    list += "<li>" + H(area) + " (" + std::to_string(count[area]) + " " + H(req.T("pf.count")) +
            ")</li>";
  }
  const std::string areas_section =
      Section("area-list", req.T("pf.area_list"),
              "<p>" + H(req.T("pf.area_list_help")) + "</p><ul>" + list + "</ul>");

  std::string rows;
  for (const app::ProjectLeaderView& u : areas.project_leaders) {
    const int64_t id = u.user_id;
    const std::string& name = u.display_name;
    const std::string& area = u.area;
    if (std::to_string(id) == saved) {
      notice = "<p class=\"notice\" role=\"status\">" + H(req.T("pf.area_saved")) + " " + H(name) +
               ": " + H(area.empty() ? std::string(req.T("pf.no_area")) : area) + "</p>";
    }
    std::string row = "<tr><td>" + H(name) + "</td><td>" + H(u.username) +
                      (u.active ? "" : " (" + H(req.T("pf.inactive")) + ")") + "</td><td>" +
                      H(area.empty() ? std::string(req.T("pf.no_area")) : area) + "</td>";
    if (IsCoordinator(req)) {
      const std::string field = "area-" + std::to_string(id);
      std::string error;
      for (const auto& [f, message] : errors) {
        if (f == field) error = message;
      }
      const std::string label = std::string(req.T("pf.area_for")) + " " + name;
      row +=
          "<td><form method=\"post\" action=\"/portefolje/omrader/" + std::to_string(id) +
          "\" class=\"actions\">" + CsrfField(req) +
          (error.empty()
               ? ""
               : "<p class=\"field-error\" id=\"" + field + "-error\">" + H(error) + "</p>") +
          "<select id=\"" + field + "\" name=\"area\" aria-label=\"" + H(label) + "\"" +
          (error.empty() ? "" : " aria-invalid=\"true\" aria-describedby=\"" + field + "-error\"") +
          ">" +
          SelectOptions(options, id == chosen_user ? chosen : area,
                        std::string(req.T("pf.no_area"))) +
          "</select><button type=\"submit\" aria-label=\"" + H(req.T("pf.save_area_for")) + " " +
          H(name) + "\">" + H(req.T("pf.save")) + "</button></form></td>";
    }
    rows += row + "</tr>";
  }
  std::string table =
      rows.empty()
          ? "<p>" + H(req.T("home.none")) + "</p>"
          : "<table>" +
                (IsCoordinator(req)
                     ? Head(req, {"pf.project_leader", "pf.username", "pf.area", "pf.change_area"})
                     : Head(req, {"pf.project_leader", "pf.username", "pf.area"})) +
                "<tbody>" + rows + "</tbody></table>";
  const std::string body = "<h1>" + H(title) + "</h1>" + ErrorSummary(req, errors) + notice +
                           areas_section +
                           Section("project-leaders", req.T("pf.project_leaders"),
                                   "<p>" + H(req.T("pf.project_leaders_help")) + "</p>" + table);
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

Result<PageResponse> Assign(PageRequest& req, app::PortfolioService& portfolio) {
  const int64_t user = IdParam(req, 0);
  const std::string area = req.Param("area");
  Status assigned = portfolio.AssignArea(Who(req), user, area);
  if (assigned.ok()) return Redirect("/portefolje/omrader?lagret=" + std::to_string(user));
  if (assigned.code() != StatusCode::kInvalidArgument) return assigned;
  // Only a project leader has a row (and a field) to point to.
  const std::string field = assigned.field() == "area" ? "area-" + std::to_string(user) : "";
  return AreasPage(req, portfolio, {{field, InLanguage(req.lang, assigned.message())}}, user, area,
                   400);
}

}  // namespace

std::vector<PageRoute> PortfolioAreaRoutes(app::PortfolioService& portfolio) {
  return {{"GET", "/portefolje/omrader", false, PortfolioReaders(),
           [&portfolio](PageRequest& req) { return AreasPage(req, portfolio, {}, 0, "", 200); }},
          {"POST",
           std::string("/portefolje/omrader/") + kIdPattern,
           false,
           {Role::kPartnershipCoordinator},
           [&portfolio](PageRequest& req) { return Assign(req, portfolio); }}};
}

}  // namespace samspill::web
