// Who acts on a use case (tenders, portfolio, users): a logged-in user, or the system itself
// (demo data, scheduled jobs). Use cases check roles on the Actor, so the same rules hold for
// the API, the pages and the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/auth_service.h"
#include "common/role.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::app {

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

// Ok when `allowed`; otherwise PermissionDenied saying that the actor's role may not `what`
// ("the role auditor may not submit bids").
Status NeedRole(bool allowed, const Actor& actor, std::string_view what);

}  // namespace samspill::app
