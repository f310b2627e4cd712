// The acting user of a request, and the ids captured from a route's path.
#pragma once

#include <cstdint>

#include "app/actor.h"
#include "common/parse_number.h"

namespace samspill::web {

// The acting user of a logged-in request (ApiRequest or PageRequest).
template <typename Request>
app::Actor Who(const Request& req) {
  return app::Actor::FromPrincipal(*req.principal);
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
