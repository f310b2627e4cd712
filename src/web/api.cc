#include "web/api.h"

#include "common/strict_json.h"

namespace samspill::web {

Result<nlohmann::json> ParseJsonObjectBody(const HttpRequest& req) {
  std::string type = req.Header("Content-Type");
  if (type.rfind("application/json", 0) != 0) {
    return InvalidArgument("the request body must be JSON (Content-Type: application/json)",
                           "body");
  }
  SAMSPILL_ASSIGN_OR_RETURN(nlohmann::json body,
                            ParseStrictJson(req.body, "the request body", {.root_field = "body"}));
  if (!body.is_object()) return InvalidArgument("the request body must be a JSON object", "body");
  return body;
}

nlohmann::json ErrorJson(const Status& status) {
  nlohmann::json error{{"code", StatusCodeName(status.code())}, {"message", status.message()}};
  error["field"] =
      status.field().empty() ? nlohmann::json(nullptr) : nlohmann::json(status.field());
  return nlohmann::json{{"error", error}};
}

nlohmann::json UserJson(const store::User& user) {
  return nlohmann::json{
      {"id", user.id},
      {"username", user.username},
      {"display_name", user.display_name},
      {"role", RoleName(user.role)},
      {"active", user.active},
      {"created_at", user.created_at.ToIso()},
      {"organisation_id",
       user.organisation_id ? nlohmann::json(*user.organisation_id) : nlohmann::json(nullptr)}};
}

}  // namespace samspill::web
