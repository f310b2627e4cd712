// The strategy's JSON API (web/strategy_pages.h): the register with its IKU and targets'
// attainment, the peers' CSV, the priority lists with their rankings, the plan's draft and its
// publication — and the public exports of the published plan (JSON, CSV, xlsx, OCDS planning
// releases), which need no login. Handlers parse, call one StrategyService method and render; every
// answer that returns a document carries its `version` for the next change (0: nothing stored yet).
#include <string>

#include "common/parse_number.h"
#include "strategy/plan_export.h"
#include "strategy/strategy_json.h"
#include "web/actor.h"
#include "web/strategy_pages.h"

namespace samspill::web {
namespace {

using nlohmann::json;

json RegisterViewJson(const app::RegisterView& v) {
  json targets = json::array();
  for (const app::TargetView& t : v.targets) {
    targets.push_back(strategy::TargetAttainmentJson(t.target, t.attainment));
  }
  json areas = json::array();
  for (size_t i = 0; i < v.reg.areas.size(); ++i) {
    areas.push_back({{"id", v.reg.areas[i].id}, {"iku", strategy::IkuJson(v.area_iku[i])}});
  }
  json national = json::array();
  for (const strategy::NationalIku& n : strategy::NationalIkuLine()) {
    national.push_back({{"year", n.year}, {"iku", n.iku}});
  }
  return {{"version", v.version},
          {"register", strategy::RegisterToJson(v.reg)},
          {"iku", strategy::IkuJson(v.total_iku)},
          {"areas_iku", areas},
          {"national_iku", national},
          {"national_iku_source", strategy::NationalIkuSource()},
          {"targets_attainment", targets}};
}

json PriorityViewJson(const app::PriorityView& v) {
  return {{"version", v.version},
          {"updated_at", v.updated_at.ToIso()},
          {"list", strategy::PriorityListToJson(v.list)},
          {"ranking", strategy::PriorityRankingJson(v.list, v.ranking)}};
}

json VersionsJson(const std::vector<app::PlanVersionSummary>& versions) {
  json out = json::array();
  for (const app::PlanVersionSummary& s : versions) {
    out.push_back({{"number", s.number},
                   {"published_at", s.published_at.ToIso()},
                   {"published_by", s.published_by},
                   {"items", s.items},
                   {"changes", s.changes}});
  }
  return out;
}

json PlanViewJson(const app::PlanView& v) {
  json tenders = json::array();
  for (const auto& [item, t] : v.tenders) {
    tenders.push_back(
        {{"item_id", item}, {"tender_id", t.id}, {"title", t.title}, {"state", t.state}});
  }
  return {{"version", v.version},
          {"plan", strategy::PlanToJson(v.plan)},
          {"published_versions", VersionsJson(v.versions)},
          {"ever_published", v.ever_published},
          {"tenders", tenders}};
}

template <typename View, typename ToJson>
Result<ApiResponse> Answer(Result<View> view, ToJson&& to_json, int status = 200) {
  if (!view.ok()) return view.status();
  return ApiResponse{status, to_json(*view), {}};
}

// {"version": 3, <key>: …}: the version the change is made from (0 when nothing is stored yet)
// and the member `key`.
Result<std::pair<int64_t, json>> VersionedBody(ApiRequest& req, const char* key) {
  SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"version", key}));
  SAMSPILL_ASSIGN_OR_RETURN(
      int64_t version, RequiredJsonInteger(body, "version", "", 0, int64_t{1} << 53, kApiFields));
  SAMSPILL_ASSIGN_OR_RETURN(const json* member, RequiredJsonMember(body, key, "", kApiFields));
  return std::pair<int64_t, json>{version, *member};
}

// A field error inside a member of the body names the member first ("register.areas[0].name").
Status InMember(const Status& s, std::string_view member) {
  if (s.ok()) return s;
  return Status(s.code(), s.message(),
                std::string(member) + (s.field().empty() ? "" : "." + std::string(s.field())));
}

ApiResponse File(std::string content, std::string type, std::string filename) {
  ApiResponse r;
  r.text = std::move(content);
  r.content_type = std::move(type);
  r.headers.push_back({"Content-Disposition", "attachment; filename=\"" + filename + "\""});
  return r;
}

// The published version the query asks for (?versjon=N or ?version=N), or the latest.
Result<strategy::PublishedPlan> AskedPlan(ApiRequest& req, app::StrategyService& s) {
  std::string text = FormValue(req.http, "versjon");
  if (text.empty()) text = FormValue(req.http, "version");
  std::optional<int64_t> number;
  if (!text.empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(int64_t n, ParseWholeNumber(text, "version", 1));
    number = n;
  }
  return s.PublishedPlan(number);
}

bool English(ApiRequest& req) { return FormValue(req.http, "lang") == "en"; }

std::string PlanFileName(const strategy::PublishedPlan& p, std::string_view ext) {
  return "anskaffelsesplan-v" + std::to_string(p.number) + "." + std::string(ext);
}

}  // namespace

std::vector<Route> StrategyApiRoutes(app::StrategyService& s) {
  const std::vector<Role> readers = StrategyReaderRoles();
  const std::vector<Role> writers = StrategyWriterRoles();
  std::vector<Route> r;
  // ---- The register.
  r.push_back({"GET", "/api/strategy/register", false, readers, [&s](ApiRequest& req) {
                 return Answer(s.GetRegister(Who(req)), RegisterViewJson);
               }});
  // PUT {"version": 2, "register": {…}}
  r.push_back({"PUT", "/api/strategy/register", false, writers,
               [&s](ApiRequest& req) -> Result<ApiResponse> {
                 SAMSPILL_ASSIGN_OR_RETURN(auto body, VersionedBody(req, "register"));
                 Result<strategy::StrategyRegister> reg = strategy::RegisterFromJson(body.second);
                 if (!reg.ok()) return InMember(reg.status(), "register");
                 return Answer(s.ReplaceRegister(Who(req), body.first, std::move(*reg)),
                               RegisterViewJson);
               }});
  // POST the CSV as the body, ?version=N.
  r.push_back({"POST", "/api/strategy/register/peers", false, writers,
               [&s](ApiRequest& req) -> Result<ApiResponse> {
                 SAMSPILL_ASSIGN_OR_RETURN(
                     int64_t version,
                     ParseWholeNumber(FormValue(req.http, "version"), "version", 0));
                 return Answer(s.ImportPeers(Who(req), version, req.http.body), RegisterViewJson);
               }});
  // ---- Priorities.
  r.push_back({"GET", "/api/strategy/priorities", false, readers,
               [&s](ApiRequest& req) -> Result<ApiResponse> {
                 SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::PrioritySummary> list,
                                           s.ListPriorities(Who(req)));
                 json out = json::array();
                 for (const app::PrioritySummary& p : list) {
                   out.push_back({{"budget_year", p.budget_year},
                                  {"candidates", p.candidates},
                                  {"version", p.version},
                                  {"updated_at", p.updated_at.ToIso()}});
                 }
                 return ApiResponse{200, {{"priorities", out}}, {}};
               }});
  const std::string year = R"(/api/strategy/priorities/(\d{4}))";
  r.push_back({"GET", year, false, readers, [&s](ApiRequest& req) {
                 return Answer(s.GetPriorities(Who(req), static_cast<int>(IdParam(req, 0))),
                               PriorityViewJson);
               }});
  // POST starts the year's list from the register (201).
  r.push_back({"POST", year, false, writers, [&s](ApiRequest& req) {
                 return Answer(s.StartPriorities(Who(req), static_cast<int>(IdParam(req, 0))),
                               PriorityViewJson, 201);
               }});
  // PUT {"version": 3, "list": {…}} (version 0 creates).
  r.push_back({"PUT", year, false, writers, [&s](ApiRequest& req) -> Result<ApiResponse> {
                 SAMSPILL_ASSIGN_OR_RETURN(auto body, VersionedBody(req, "list"));
                 Result<strategy::PriorityList> list = strategy::PriorityListFromJson(body.second);
                 if (!list.ok()) return InMember(list.status(), "list");
                 return Answer(s.ReplacePriorities(Who(req), static_cast<int>(IdParam(req, 0)),
                                                   body.first, std::move(*list)),
                               PriorityViewJson);
               }});
  // POST {"version": 3}: the facts read again from the data.
  r.push_back(
      {"POST", year + "/refresh", false, writers, [&s](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"version"}));
         SAMSPILL_ASSIGN_OR_RETURN(
             int64_t version,
             RequiredJsonInteger(body, "version", "", 1, int64_t{1} << 53, kApiFields));
         return Answer(s.RefreshFacts(Who(req), static_cast<int>(IdParam(req, 0)), version),
                       PriorityViewJson);
       }});
  // ---- The plan's draft.
  r.push_back({"GET", "/api/strategy/plan", false, readers,
               [&s](ApiRequest& req) { return Answer(s.GetPlan(Who(req)), PlanViewJson); }});
  // PUT {"version": 1, "plan": {…}}
  r.push_back(
      {"PUT", "/api/strategy/plan", false, writers, [&s](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(auto body, VersionedBody(req, "plan"));
         Result<strategy::ProcurementPlan> plan = strategy::PlanFromJson(body.second);
         if (!plan.ok()) return InMember(plan.status(), "plan");
         return Answer(s.ReplacePlan(Who(req), body.first, std::move(*plan)), PlanViewJson);
       }});
  // POST {"version": 4, "change_note": "…"} publishes the draft's public items (201).
  r.push_back({"POST", "/api/strategy/plan/publish", false, writers,
               [&s](ApiRequest& req) -> Result<ApiResponse> {
                 SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                 SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"version", "change_note"}));
                 SAMSPILL_ASSIGN_OR_RETURN(
                     int64_t version,
                     RequiredJsonInteger(body, "version", "", 1, int64_t{1} << 53, kApiFields));
                 SAMSPILL_ASSIGN_OR_RETURN(std::optional<std::string> note,
                                           OptionalJsonString(body, "change_note", "", kApiFields));
                 return Answer(s.Publish(Who(req), version, note.value_or("")), PlanViewJson, 201);
               }});
  // ---- The published plan: public.
  r.push_back({"GET", "/api/public/plan", true, {}, [&s](ApiRequest& req) -> Result<ApiResponse> {
                 SAMSPILL_ASSIGN_OR_RETURN(strategy::PublishedPlan p, AskedPlan(req, s));
                 SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::PlanVersionSummary> versions,
                                           s.PublishedVersions());
                 return ApiResponse{200,
                                    {{"plan", strategy::PublishedPlanToJson(p)},
                                     {"versions", VersionsJson(versions)}},
                                    {}};
               }});
  r.push_back(
      {"GET", "/api/public/plan.csv", true, {}, [&s](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(strategy::PublishedPlan p, AskedPlan(req, s));
         return File(strategy::PlanCsv(p, English(req)), "text/csv; charset=utf-8",
                     PlanFileName(p, "csv"));
       }});
  r.push_back(
      {"GET", "/api/public/plan.xlsx", true, {}, [&s](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(strategy::PublishedPlan p, AskedPlan(req, s));
         SAMSPILL_ASSIGN_OR_RETURN(std::string bytes, strategy::PlanXlsx(p, English(req)));
         return File(std::move(bytes),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     PlanFileName(p, "xlsx"));
       }});
  r.push_back(
      {"GET", "/api/public/plan/ocds.json", true, {}, [&s](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(strategy::PublishedPlan p, AskedPlan(req, s));
         return ApiResponse{200, strategy::PlanOcdsPackage(p, s.OcdsOptions(p)), {}};
       }});
  return r;
}

}  // namespace samspill::web
