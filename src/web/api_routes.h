// The JSON API's route table for the foundation: health, sessions, users, audit trail,
// and bid evaluation. Later modules add their own tables.
#pragma once

#include <vector>

#include "store/store.h"
#include "web/api.h"
#include "web/auth_service.h"
#include "web/organisation_service.h"

namespace samspill::web {

inline constexpr char kSessionCookie[] = "samspill_session";

std::vector<Route> CoreApiRoutes(store::Store& store, AuthService& auth,
                                 OrganisationService& organisations, bool secure_cookies);

}  // namespace samspill::web
