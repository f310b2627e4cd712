// Who acts on a service (tenders, portfolio): a logged-in user, or the system itself (demo
// data, scheduled jobs). Services check roles on the Actor, so the same rules hold for the
// API, the pages and the CLI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/parse_number.h"
#include "common/role.h"
#include "store/store.h"
#include "web/auth_service.h"

namespace samspill::web {

struct Actor {
  std::optional<int64_t> user_id;
  std::string username = "system";
  Role role = Role::kAdministrator;
  std::optional<int64_t> organisation_id;
  bool is_system = false;

  static Actor FromUser(const store::User& user);
  static Actor FromPrincipal(const Principal& p) { return FromUser(p.user); }
  static Actor System();
};

// The acting user of a logged-in request (ApiRequest or PageRequest).
template <typename Request>
Actor Who(const Request& req) {
  return Actor::FromPrincipal(*req.principal);
}

// Route patterns capture ids with kIdPattern; IdParam reads the i-th capture.
inline constexpr char kIdPattern[] = R"((\d{1,18}))";
// kIdPattern admits 1 to 18 digits, which always fit; anything else reads as 0, which is no
// one's id (never an exception).
template <typename Request>
int64_t IdParam(const Request& req, size_t i) {
  Result<int64_t> id = ParseWholeNumber(req.params[i], "id", 0);
  return id.ok() ? *id : 0;
}

}  // namespace samspill::web
