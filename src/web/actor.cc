#include "web/actor.h"

namespace samspill::web {

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

}  // namespace samspill::web
