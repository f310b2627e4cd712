#include "web/api.h"

#include <algorithm>

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

Result<std::string> RequiredString(const nlohmann::json& obj, const std::string& field) {
  auto it = obj.find(field);
  if (it == obj.end()) return InvalidArgument("'" + field + "' is required", field);
  if (!it->is_string()) return InvalidArgument("'" + field + "' must be a string", field);
  return it->get<std::string>();
}

Result<bool> RequiredBool(const nlohmann::json& obj, const std::string& field) {
  auto it = obj.find(field);
  if (it == obj.end()) return InvalidArgument("'" + field + "' is required", field);
  if (!it->is_boolean()) return InvalidArgument("'" + field + "' must be true or false", field);
  return it->get<bool>();
}

Status OnlyFields(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return InvalidArgument("unknown field '" + key + "'", key);
    }
  }
  return Status::Ok();
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
