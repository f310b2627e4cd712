#include "web/decision_routes.h"

#include <string>

#include "decision/baseline_json.h"
#include "decision/decision_case_json.h"
#include "market/competition/reference_names.h"
#include "web/actor.h"

namespace samspill::web {
namespace {

using nlohmann::json;

json ViewJson(const app::DecisionCaseView& v) {
  json out = {{"id", v.id},
              {"version", v.version},
              {"created_at", v.created_at.ToIso()},
              {"updated_at", v.updated_at.ToIso()},
              {"decided", v.c.decision.has_value()},
              {"case", decision::DecisionCaseToJson(v.c)}};
  Result<json> figures = decision::CaseFiguresJson(v.c);
  out["figures"] = figures.ok() ? *figures : json(nullptr);
  out["figures_as_decided"] = v.figures_as_decided;
  out["baseline_totals"] = decision::BaselineTotalsJson(v.baseline_totals);
  return out;
}

Result<ApiResponse> Answer(Result<app::DecisionCaseView> view, int status = 200) {
  if (!view.ok()) return view.status();
  return ApiResponse{status, ViewJson(*view), {}};
}

// {"version": 3, <key>: …}: the version the change is made from and the member `key`.
Result<std::pair<int64_t, json>> VersionedBody(ApiRequest& req, const char* key) {
  SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"version", key}));
  SAMSPILL_ASSIGN_OR_RETURN(
      int64_t version, RequiredJsonInteger(body, "version", "", 1, int64_t{1} << 53, kApiFields));
  SAMSPILL_ASSIGN_OR_RETURN(const json* member, RequiredJsonMember(body, key, "", kApiFields));
  return std::pair<int64_t, json>{version, *member};
}

}  // namespace

std::vector<Route> DecisionApiRoutes(app::DecisionService& decisions) {
  const std::string one = std::string("/api/decision/cases/") + kIdPattern;
  std::vector<Route> routes;
  routes.push_back(
      {"GET", "/api/decision/cases", false, DecisionReaderRoles(),
       [&decisions](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::DecisionCaseSummary> list,
                                   decisions.ListCases(Who(req)));
         json cases = json::array();
         for (const app::DecisionCaseSummary& c : list) {
           cases.push_back(
               {{"id", c.id},
                {"title", c.title},
                {"service_area", c.service_area},
                {"decided", c.decided},
                {"outcome", c.outcome.empty() ? json(nullptr) : json(c.outcome)},
                {"decided_on", c.decided_on ? json(c.decided_on->ToIso()) : json(nullptr)},
                {"tender_id", c.tender_id ? json(*c.tender_id) : json(nullptr)},
                {"version", c.version},
                {"updated_at", c.updated_at.ToIso()}});
         }
         return ApiResponse{200, {{"cases", cases}}, {}};
       }});
  routes.push_back(
      {"POST", "/api/decision/cases", false, DecisionWriterRoles(),
       [&decisions](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase c, decision::DecisionCaseFromJson(body));
         SAMSPILL_ASSIGN_OR_RETURN(app::DecisionCaseView view,
                                   decisions.CreateCase(Who(req), std::move(c)));
         return ApiResponse{
             201, ViewJson(view), {{"Location", "/api/decision/cases/" + std::to_string(view.id)}}};
       }});
  routes.push_back({"GET", one, false, DecisionReaderRoles(), [&decisions](ApiRequest& req) {
                      return Answer(decisions.GetCase(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back(
      {"POST", one, false, DecisionWriterRoles(),
       [&decisions](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(auto body, VersionedBody(req, "case"));
         SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase c,
                                   decision::DecisionCaseFromJson(body.second));
         return Answer(decisions.ReplaceCase(Who(req), IdParam(req, 0), body.first, std::move(c)));
       }});
  routes.push_back(
      {"POST", one + "/baseline", false, DecisionWriterRoles(),
       [&decisions](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(int64_t version,
                                   ParseWholeNumber(req.http.Param("version"), "version", 1));
         Result<app::BaselineImportOutcome> outcome =
             decisions.ImportBaseline(Who(req), IdParam(req, 0), version, {"body", req.http.body});
         if (!outcome.ok()) return outcome.status();
         if (outcome->errors.empty()) return ApiResponse{200, ViewJson(*outcome->view), {}};
         json body = ErrorJson(InvalidArgument(std::to_string(outcome->errors.size()) +
                                               " rows have errors; nothing was imported"));
         json rows = json::array();
         for (const auto& e : outcome->errors) {
           rows.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message}});
         }
         body["row_errors"] = std::move(rows);
         return ApiResponse{400, std::move(body), {}};
       }});
  routes.push_back({"POST", one + "/decision", false, DecisionWriterRoles(),
                    [&decisions](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(auto body, VersionedBody(req, "decision"));
                      const json& d = body.second;
                      SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(d, "decision", kApiFields));
                      decision::CaseDecision decision;
                      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
                          d,
                          {"recommendation", "recommended_alternative", "chosen_alternative",
                           "outcome", "decided_by", "decided_on", "political_reference"},
                          "decision"));
                      SAMSPILL_ASSIGN_OR_RETURN(decision, decision::CaseDecisionFromJson(d));
                      // The figures and who recorded it are the service's, never the caller's.
                      decision.recorded_by.clear();
                      decision.figures_json.clear();
                      decision.figures_sha256.clear();
                      return Answer(decisions.Decide(Who(req), IdParam(req, 0), body.first,
                                                     std::move(decision)));
                    }});
  routes.push_back(
      {"POST", one + "/tender", false, DecisionWriterRoles(),
       [&decisions](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(auto body, VersionedBody(req, "tender_id"));
         SAMSPILL_ASSIGN_OR_RETURN(int64_t tender, ReadJsonInteger(body.second, "tender_id", 1,
                                                                   int64_t{1} << 53, kApiFields));
         return Answer(decisions.LinkTender(Who(req), IdParam(req, 0), body.first, tender));
       }});
  routes.push_back({"GET", one + "/figures", false, DecisionReaderRoles(),
                    [&decisions](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(std::string figures,
                                                decisions.FiguresJson(Who(req), IdParam(req, 0)));
                      return ApiResponse{200, json::parse(figures), {}};
                    }});
  routes.push_back({"GET", one + "/market", false, DecisionReaderRoles(),
                    [&decisions](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(app::DecisionCaseView view,
                                                decisions.GetCase(Who(req), IdParam(req, 0)));
                      if (view.c.cpv.empty()) {
                        return FailedPrecondition("the case has no CPV code yet");
                      }
                      SAMSPILL_ASSIGN_OR_RETURN(
                          app::MarketSection m,
                          decisions.Market(Who(req), view.c.cpv, view.c.region));
                      json out = market::ReportToJson(m.report, market::ReferenceNames());
                      out["processes_in_division"] = m.processes;
                      out["low_competition"] = m.low_competition;
                      return ApiResponse{200, std::move(out), {}};
                    }});
  return routes;
}

}  // namespace samspill::web
