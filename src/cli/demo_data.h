// Demo data for `samspill serve --demo`: the buyer (Trondheim kommune, its real
// organisation number), three fictitious suppliers (valid check digits, invented names), and
// one user per role with a known password, so a newcomer can log in as each kind of user.
// Idempotent: what exists already is left alone.
#pragma once

#include <string>
#include <vector>

#include "app/auth_service.h"
#include "app/organisation_service.h"
#include "common/role.h"
#include "common/status.h"

namespace samspill::cli {

struct DemoUser {
  std::string username;
  std::string display_name;
  Role role;
  std::string organisation_number;  // empty: none
};

struct DemoOrganisation {
  std::string org_number;
  std::string name;
  store::OrganisationKind kind;
  std::string address;  // "" for the fictive suppliers
};

inline constexpr char kDemoPassword[] = "demo-passord";

const std::vector<DemoUser>& DemoUsers();
const std::vector<DemoOrganisation>& DemoOrganisations();

// Creates whichever demo organisations and users are missing.
Status LoadDemoData(app::AuthService& auth, app::OrganisationService& organisations,
                    store::Store& store);

}  // namespace samspill::cli
