// The JSON API's plumbing: typed request/response, route table entries, JSON errors.
//
// Handlers stay thin: parse the body into a typed struct, call one domain function,
// render JSON. Errors are returned as Status and rendered in one place as
// {"error":{"code":"invalid_argument","message":"…","field":"…"}}.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/auth_service.h"
#include "common/json_fields.h"
#include "common/role.h"
#include "common/status.h"
#include "web/http_message.h"

namespace samspill::web {

struct ApiRequest {
  const HttpRequest& http;
  std::optional<app::Principal> principal;  // set on every non-public route
  std::vector<std::string> params;          // regex captures from the route pattern
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;  // null: no body (204)
  std::vector<std::pair<std::string, std::string>> headers;
  // A non-JSON body (the printable protocol): sent instead of `body` when content_type is set.
  std::string text;
  std::string content_type;
};

using ApiHandler = std::function<Result<ApiResponse>(ApiRequest&)>;

// A service's JSON answer as a response with `status`, or its error.
inline Result<ApiResponse> Ok(Result<nlohmann::json> body, int status = 200) {
  if (!body.ok()) return body.status();
  return ApiResponse{status, std::move(*body), {}};
}

struct Route {
  std::string method;   // "GET", "POST", "PATCH", "DELETE"
  std::string pattern;  // full-match regex on the path, e.g. R"(/api/users/(\d+))"
  bool is_public = false;
  std::vector<Role> roles;  // allowed roles; empty means every logged-in role
  ApiHandler handler;
};

// Parses a JSON object body. Names the problem: wrong content type, malformed JSON
// (with the byte offset), not an object.
Result<nlohmann::json> ParseJsonObjectBody(const HttpRequest& req);

// How the API's bodies word field errors ("'username' is required", "'active' must be true or
// false"), read with common/json_fields.h; null stands for an absent optional field.
inline constexpr JsonFieldStyle kApiFields{.naming = JsonNaming::kQuotedPath,
                                           .null_is_absent = true};

nlohmann::json ErrorJson(const Status& status);
nlohmann::json UserJson(const store::User& user);

}  // namespace samspill::web
