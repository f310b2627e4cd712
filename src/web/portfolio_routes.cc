#include "web/portfolio_routes.h"

#include <string>

#include "portfolio/project_json.h"
#include "web/actor.h"
#include "web/portfolio_json.h"

namespace samspill::web {
namespace {

using nlohmann::json;

ApiResponse Text(std::string text, std::string type, std::string filename = {}) {
  ApiResponse r;
  r.text = std::move(text);
  r.content_type = std::move(type);
  if (!filename.empty()) {
    r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + filename + "\""});
  }
  return r;
}

// A use case's typed answer as the API's JSON, with `status`.
template <typename View>
Result<ApiResponse> Encoded(Result<View> view, int status = 200) {
  if (!view.ok()) return view.status();
  return ApiResponse{status, ToJson(*view), {}};
}

// An import's answer: 200 with the count, or 400 naming every row and column in error.
Result<ApiResponse> ImportAnswer(Result<app::ImportOutcome> outcome) {
  if (!outcome.ok()) return outcome.status();
  if (outcome->errors.empty()) return ApiResponse{200, ToJson(*outcome), {}};
  json body = ErrorJson(InvalidArgument(std::to_string(outcome->errors.size()) +
                                        " rows have errors; nothing was imported"));
  body["row_errors"] = RowErrorsToJson(outcome->errors);
  return ApiResponse{400, std::move(body), {}};
}

std::vector<Role> Writers() { return {Role::kPartnershipCoordinator, Role::kProjectLeader}; }
std::vector<Role> Readers() {
  return {Role::kPartnershipCoordinator, Role::kProjectLeader, Role::kSteeringGroup,
          Role::kAdministrator, Role::kAuditor};
}

}  // namespace

std::vector<Route> PortfolioApiRoutes(app::PortfolioService& portfolio) {
  const std::vector<Role> coordinator = {Role::kPartnershipCoordinator};
  const std::string project = std::string("/api/portfolio/projects/") + kIdPattern;
  std::vector<Route> routes;
  routes.push_back(
      {"GET", "/api/portfolio/projects", false, Readers(), [&portfolio](ApiRequest& req) {
         app::ProjectFilter f{req.http.Param("area"), req.http.Param("kind"),
                              req.http.Param("status"), req.http.Param("q")};
         return Encoded(portfolio.ListProjects(Who(req), f));
       }});
  routes.push_back(
      {"POST", "/api/portfolio/projects", false, Writers(),
       [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_ASSIGN_OR_RETURN(app::ProjectCommand command, ProjectCommandFromJson(body));
         SAMSPILL_ASSIGN_OR_RETURN(app::ProjectView view,
                                   portfolio.CreateProject(Who(req), std::move(command)));
         std::string location = "/api/portfolio/projects/" + std::to_string(view.project.id);
         return ApiResponse{201, ToJson(view), {{"Location", location}}};
       }});
  routes.push_back({"POST", "/api/portfolio/projects/check", false, Readers(),
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(portfolio::Project candidate,
                                                portfolio::ProjectFromJson(body));
                      SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::DuplicateMatch> matches,
                                                portfolio.CheckDuplicates(Who(req), candidate));
                      return ApiResponse{200, DuplicatesToJson(matches), {}};
                    }});
  routes.push_back({"GET", project, false, Readers(), [&portfolio](ApiRequest& req) {
                      return Encoded(portfolio.GetProject(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back(
      {"PUT", project, false, Writers(), [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_ASSIGN_OR_RETURN(app::ProjectEditCommand command,
                                   ProjectEditCommandFromJson(body));
         return Encoded(portfolio.UpdateProject(Who(req), IdParam(req, 0), std::move(command)));
       }});
  // POST /api/portfolio/projects/{keep}/merge {"duplicate_id": 12}
  routes.push_back({"POST", project + "/merge", false, coordinator,
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"duplicate_id"}));
                      auto it = body.find("duplicate_id");
                      if (it == body.end() || !it->is_number_integer()) {
                        return InvalidArgument("duplicate_id is required", "duplicate_id");
                      }
                      return Encoded(
                          portfolio.Merge(Who(req), IdParam(req, 0), it->get<int64_t>()));
                    }});
  routes.push_back(
      {"GET", "/api/portfolio/duplicates", false, Readers(),
       [&portfolio](ApiRequest& req) { return Encoded(portfolio.Duplicates(Who(req))); }});
  routes.push_back({"POST", "/api/portfolio/projects/import", false, coordinator,
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_RETURN_IF_ERROR(portfolio.CheckImportSize(req.http.body));
                      return ImportAnswer(portfolio.ImportProjectsCsv(Who(req), req.http.body));
                    }});
  routes.push_back({"GET", "/api/portfolio/projects.csv", false, Readers(),
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(std::string csv,
                                                portfolio.ExportProjectsCsv(Who(req)));
                      return Text(std::move(csv), "text/csv; charset=utf-8", "prosjekter.csv");
                    }});
  routes.push_back({"GET", "/api/portfolio/portfolio.xlsx", false, Readers(),
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(std::string bytes, portfolio.ExportXlsx(Who(req)));
                      return Text(
                          std::move(bytes),
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          "portefolje.xlsx");
                    }});
  routes.push_back({"GET", "/api/portfolio/areas", false, Readers(),
                    [&portfolio](ApiRequest& req) { return Encoded(portfolio.Areas(Who(req))); }});
  // PUT /api/portfolio/areas/{user id} {"area": "Helse og velferd"} ("" removes it)
  routes.push_back({"PUT", std::string("/api/portfolio/areas/") + kIdPattern, false, coordinator,
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"area"}));
                      SAMSPILL_ASSIGN_OR_RETURN(std::string area,
                                                RequiredJsonString(body, "area", "", kApiFields));
                      SAMSPILL_RETURN_IF_ERROR(
                          portfolio.AssignArea(Who(req), IdParam(req, 0), area));
                      return Encoded(portfolio.Areas(Who(req)));
                    }});
  routes.push_back(
      {"GET", "/api/portfolio/indicators", false, Readers(),
       [&portfolio](ApiRequest& req) { return Encoded(portfolio.ListIndicators(Who(req))); }});
  // Defines (or redefines, by category and name) an indicator, e.g. one counted from the
  // register: {"category", "name", "target_kind", "target", "count_rule": {"kinds": [...],
  // "granted_only", "facilitated_only"}}. Figures are never taken from this body.
  routes.push_back({"POST", "/api/portfolio/indicators", false, coordinator,
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      if (body.contains("figures")) {
                        return InvalidArgument(
                            "figures are entered with PUT …/figures, not when defining", "figures");
                      }
                      SAMSPILL_ASSIGN_OR_RETURN(portfolio::Indicator indicator,
                                                portfolio::IndicatorFromJson(body));
                      return Encoded(portfolio.DefineIndicator(Who(req), indicator), 201);
                    }});
  routes.push_back({"PUT", std::string("/api/portfolio/indicators/") + kIdPattern + "/figures",
                    false, Writers(), [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::FigureCommand command,
                                                FigureCommandFromJson(body));
                      return Encoded(portfolio.SetFigure(Who(req), IdParam(req, 0), command));
                    }});
  routes.push_back({"POST", "/api/portfolio/indicators/import", false, coordinator,
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_RETURN_IF_ERROR(portfolio.CheckImportSize(req.http.body));
                      return ImportAnswer(portfolio.ImportIndicatorsCsv(Who(req), req.http.body));
                    }});
  routes.push_back({"GET", "/api/portfolio/attainment.csv", false, Readers(),
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(std::string csv, portfolio.AttainmentCsv(Who(req)));
                      return Text(std::move(csv), "text/csv; charset=utf-8", "maltall.csv");
                    }});
  // GET /api/portfolio/charts/{category}.svg
  routes.push_back({"GET", R"(/api/portfolio/charts/([^/]{1,200})\.svg)", false, Readers(),
                    [&portfolio](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(std::string svg,
                                                portfolio.CategorySvg(Who(req), req.params[0],
                                                                      /*standalone=*/true));
                      return Text(std::move(svg), "image/svg+xml; charset=utf-8");
                    }});
  return routes;
}

}  // namespace samspill::web
