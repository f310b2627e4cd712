#include "app/actor.h"

namespace samspill::app {

Actor Actor::FromUser(const store::User& user) {
  Actor a;
  a.user_id = user.id;
  a.username = user.username;
  a.role = user.role;
  a.organisation_id = user.organisation_id;
  return a;
}

Actor Actor::System() {
  Actor a;
  a.is_system = true;
  return a;
}

Status NeedRole(bool allowed, const Actor& actor, std::string_view what) {
  if (allowed) return Status::Ok();
  return PermissionDenied("the role " + std::string(RoleName(actor.role)) + " may not " +
                          std::string(what));
}

}  // namespace samspill::app
