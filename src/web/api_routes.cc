#include "web/api_routes.h"

#include <limits>

#include "common/parse_number.h"
#include "evaluation/bid_table_json.h"
#include "store/audit_chain.h"
#include "tendering/bid_access.h"
#include "tendering/bid_access_json.h"
#include "web/actor.h"

namespace samspill::web {
namespace {

using nlohmann::json;

json SessionJson(const app::Principal& p) {
  return json{{"user", UserJson(p.user)},
              {"csrf_token", p.session.csrf_token},
              {"expires_at", p.session.expires_at.ToIso()}};
}

// A shared server answers many users: one request's Monte Carlo work is capped at about half
// a second on this class of machine (the CLI keeps the engine's larger limits).
const evaluation::EvaluationOptions& ServerEvaluationDefaults() {
  static const evaluation::EvaluationOptions kDefaults = [] {
    evaluation::EvaluationOptions options;
    options.limits.max_draws = 200'000;
    options.limits.max_draw_work = 2e8;
    return options;
  }();
  return kDefaults;
}

json OrganisationJson(const store::Organisation& o) {
  return json{{"id", o.id},           {"org_number", o.org_number},
              {"name", o.name},       {"kind", app::OrganisationKindName(o.kind)},
              {"address", o.address}, {"created_at", o.created_at.ToIso()}};
}

Result<int64_t> PositiveId(const std::string& text) { return ParseWholeNumber(text, "id", 1); }

}  // namespace

std::string SessionCookie(const std::string& value, int64_t max_age, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) cookie += "; Secure";
  return cookie;
}

std::vector<Route> CoreApiRoutes(store::Store& store, app::AuthService& auth,
                                 app::OrganisationService& organisations, bool secure_cookies) {
  std::vector<Route> routes;

  routes.push_back({"GET", "/api/health", true, {}, [](ApiRequest&) -> Result<ApiResponse> {
                      return ApiResponse{200, json{{"status", "ok"}}, {}};
                    }});

  // Log in: {"username","password"} → session cookie + CSRF token.
  routes.push_back(
      {"POST",
       "/api/session",
       true,
       {},
       [&auth, secure_cookies](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"username", "password"}));
         SAMSPILL_ASSIGN_OR_RETURN(std::string username,
                                   RequiredJsonString(body, "username", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(std::string password,
                                   RequiredJsonString(body, "password", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(app::LoginResult login, auth.Login(username, password));
         int64_t max_age =
             login.principal.session.expires_at.unix_seconds - auth.clock().Now().unix_seconds;
         return ApiResponse{200,
                            SessionJson(login.principal),
                            {{"Set-Cookie", SessionCookie(login.token, max_age,
                                                          secure_cookies || req.http.https)}}};
       }});

  routes.push_back({"GET", "/api/session", false, {}, [](ApiRequest& req) -> Result<ApiResponse> {
                      return ApiResponse{200, SessionJson(*req.principal), {}};
                    }});

  routes.push_back({"DELETE",
                    "/api/session",
                    false,
                    {},
                    [&auth, secure_cookies](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_RETURN_IF_ERROR(auth.Logout(*req.principal));
                      return ApiResponse{
                          204,
                          nullptr,
                          {{"Set-Cookie", SessionCookie("", 0, secure_cookies || req.http.https)}}};
                    }});

  routes.push_back({"GET",
                    "/api/users",
                    false,
                    {Role::kAdministrator, Role::kAuditor},
                    [&store](ApiRequest&) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(auto users, store.ListUsers());
                      json list = json::array();
                      for (const auto& u : users) list.push_back(UserJson(u));
                      return ApiResponse{200, json{{"users", list}}, {}};
                    }});

  routes.push_back(
      {"POST",
       "/api/users",
       false,
       {Role::kAdministrator},
       [&auth](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
             body, {"username", "display_name", "role", "password", "organisation_id"}));
         app::CreateUserRequest create;
         SAMSPILL_ASSIGN_OR_RETURN(
             create.organisation_id,
             OptionalJsonInteger(body, "organisation_id", "", std::numeric_limits<int64_t>::min(),
                                 std::numeric_limits<int64_t>::max(), kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(create.username,
                                   RequiredJsonString(body, "username", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(create.display_name,
                                   RequiredJsonString(body, "display_name", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(std::string role,
                                   RequiredJsonString(body, "role", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(create.password,
                                   RequiredJsonString(body, "password", "", kApiFields));
         auto parsed = RoleFromName(role);
         if (!parsed) return InvalidArgument("unknown role '" + role + "'", "role");
         create.role = *parsed;
         SAMSPILL_ASSIGN_OR_RETURN(store::User user, auth.CreateUser(req.principal, create));
         return ApiResponse{
             201, UserJson(user), {{"Location", "/api/users/" + std::to_string(user.id)}}};
       }});

  routes.push_back({"GET",
                    R"(/api/users/(\d+))",
                    false,
                    {Role::kAdministrator, Role::kAuditor},
                    [&store](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(int64_t id, PositiveId(req.params[0]));
                      SAMSPILL_ASSIGN_OR_RETURN(store::User user, store.FindUserById(id));
                      return ApiResponse{200, UserJson(user), {}};
                    }});

  // {"active": false} deactivates a user (users are never deleted: the audit trail names them).
  routes.push_back({"PATCH",
                    R"(/api/users/(\d+))",
                    false,
                    {Role::kAdministrator},
                    [&auth, &store](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(int64_t id, PositiveId(req.params[0]));
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"active"}));
                      SAMSPILL_ASSIGN_OR_RETURN(bool active,
                                                RequiredJsonBool(body, "active", "", kApiFields));
                      SAMSPILL_RETURN_IF_ERROR(auth.SetUserActive(*req.principal, id, active));
                      SAMSPILL_ASSIGN_OR_RETURN(store::User user, store.FindUserById(id));
                      return ApiResponse{200, UserJson(user), {}};
                    }});

  // Any user may change their own password (this changes no procurement data).
  routes.push_back(
      {"POST", "/api/session/password", false, {}, [&auth](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"current_password", "new_password"}));
         SAMSPILL_ASSIGN_OR_RETURN(std::string current,
                                   RequiredJsonString(body, "current_password", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(std::string next,
                                   RequiredJsonString(body, "new_password", "", kApiFields));
         SAMSPILL_RETURN_IF_ERROR(auth.ChangeOwnPassword(*req.principal, current, next));
         return ApiResponse{204, nullptr, {}};
       }});

  // The audit trail: ?entity_type=&entity_id=&after=&limit=
  routes.push_back(
      {"GET",
       "/api/audit",
       false,
       {Role::kAdministrator, Role::kAuditor},
       [&store](ApiRequest& req) -> Result<ApiResponse> {
         const app::Actor actor = Who(req);
         store::AuditQuery query;
         query.entity_type = req.http.Param("entity_type");
         query.entity_id = req.http.Param("entity_id");
         if (std::string after = req.http.Param("after"); !after.empty()) {
           SAMSPILL_ASSIGN_OR_RETURN(query.after_id, ParseWholeNumber(after, "after", 0));
         }
         if (std::string limit = req.http.Param("limit"); !limit.empty()) {
           SAMSPILL_ASSIGN_OR_RETURN(int64_t n, ParseWholeNumber(limit, "limit", 0, 999'999));
           query.limit = static_cast<int>(n);
         }
         // A page of a broken trail would look complete: say so instead (data_loss).
         SAMSPILL_RETURN_IF_ERROR(store::RequireIntactAuditTrail(store));
         SAMSPILL_ASSIGN_OR_RETURN(auto events, store.ListAudit(query));
         json list = json::array();
         for (const auto& e : events) {
           json item{{"id", e.id},
                     {"at", e.at.ToIso()},
                     {"actor", e.actor},
                     {"actor_user_id", e.actor_user_id ? json(*e.actor_user_id) : json(nullptr)},
                     {"action", e.action},
                     {"entity_type", e.entity_type},
                     {"entity_id", e.entity_id}};
           for (auto [key, text] :
                {std::pair{"before", &e.before_json}, std::pair{"after", &e.after_json}}) {
             json parsed = json::parse(*text, nullptr, false);
             item[key] = text->empty() || parsed.is_discarded() ? json(nullptr) : parsed;
             // Bid content in a bid event follows the rule for bid content.
             if (e.entity_type == "tender") {
               item[key] = tendering::BidEventDetailsFor({actor.role, actor.is_system}, e.action,
                                                         std::move(item[key]));
             }
           }
           list.push_back(std::move(item));
         }
         return ApiResponse{200, json{{"events", list}}, {}};
       }});

  // Organisations (the buyer and suppliers) are public facts from Enhetsregisteret: every
  // logged-in role may read them; the buyer side registers them.
  routes.push_back(
      {"GET", "/api/organisations", false, {}, [&store](ApiRequest&) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(auto orgs, store.ListOrganisations());
         json list = json::array();
         for (const auto& o : orgs) list.push_back(OrganisationJson(o));
         return ApiResponse{200, json{{"organisations", list}}, {}};
       }});

  routes.push_back(
      {"POST",
       "/api/organisations",
       false,
       {Role::kAdministrator, Role::kProcurementOfficer},
       [&organisations](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"org_number", "name", "kind", "address"}));
         app::CreateOrganisationRequest create;
         SAMSPILL_ASSIGN_OR_RETURN(create.org_number,
                                   RequiredJsonString(body, "org_number", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(create.name, RequiredJsonString(body, "name", "", kApiFields));
         SAMSPILL_ASSIGN_OR_RETURN(std::string kind,
                                   RequiredJsonString(body, "kind", "", kApiFields));
         auto parsed = app::OrganisationKindFromName(kind);
         if (!parsed) {
           return InvalidArgument("kind must be 'buyer' or 'supplier'", "kind");
         }
         create.kind = *parsed;
         SAMSPILL_RETURN_IF_ERROR(
             AssignIfPresent(OptionalJsonString(body, "address", "", kApiFields), create.address));
         SAMSPILL_ASSIGN_OR_RETURN(store::Organisation org,
                                   organisations.Create(req.principal, create));
         return ApiResponse{201, OrganisationJson(org), {}};
       }});

  // Evaluate a bid table posted as JSON: the same function as `samspill evaluate`.
  routes.push_back(
      {"POST", "/api/evaluate", false, TenderBuyerRoles(),
       [](ApiRequest& req) -> Result<ApiResponse> {
         std::string type = req.http.Header("Content-Type");
         if (type.rfind("application/json", 0) != 0) {
           return InvalidArgument("the bid table must be sent as application/json", "body");
         }
         SAMSPILL_ASSIGN_OR_RETURN(json report, evaluation::EvaluateBidTableJson(
                                                    req.http.body, ServerEvaluationDefaults()));
         return ApiResponse{200, std::move(report), {}};
       }});

  return routes;
}

}  // namespace samspill::web
