// The JSON API's route table for the foundation: health, sessions, users, audit trail,
// and bid evaluation. Later modules add their own tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/auth_service.h"
#include "app/organisation_service.h"
#include "store/store.h"
#include "web/api.h"

namespace samspill::web {

inline constexpr char kSessionCookie[] = "samspill_session";

// The Set-Cookie value of the session: HttpOnly, SameSite=Strict, Secure when asked; an empty
// value with max_age 0 ends it. Used by the API's login and the login page alike.
std::string SessionCookie(const std::string& value, int64_t max_age, bool secure);

std::vector<Route> CoreApiRoutes(store::Store& store, app::AuthService& auth,
                                 app::OrganisationService& organisations, bool secure_cookies);

}  // namespace samspill::web
