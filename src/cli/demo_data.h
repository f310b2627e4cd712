// Demo data for `samspill serve --demo`: one user per role with a known password, so a
// newcomer can log in as each kind of user. Idempotent: existing users are left alone.
#pragma once

#include <string>
#include <vector>

#include "common/role.h"
#include "common/status.h"
#include "web/auth_service.h"

namespace samspill::cli {

struct DemoUser {
  std::string username;
  std::string display_name;
  Role role;
};

inline constexpr char kDemoPassword[] = "demo-passord";

const std::vector<DemoUser>& DemoUsers();

// Creates whichever demo users are missing.
Status LoadDemoData(web::AuthService& auth, store::Store& store);

}  // namespace samspill::cli
