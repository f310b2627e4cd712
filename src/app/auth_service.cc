#include "app/auth_service.h"

#include <nlohmann/json.hpp>

namespace samspill::app {

Status CheckUsername(std::string_view username) {
  if (username.empty() || username.size() > 64) {
    return InvalidArgument("the username must have 1 to 64 characters", "username");
  }
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (!ok) {
      return InvalidArgument("the username may contain only a–z, 0–9, '.', '-' and '_'",
                             "username");
    }
  }
  return Status::Ok();
}

namespace {

// What a failed login keeps of the username it was given (in the audit trail and as the
// throttle's key): at most 128 bytes, cut at a character boundary, so an anonymous client
// cannot make the server store or hold a body-sized name.
constexpr size_t kMaxKeptUsernameBytes = 128;

std::string_view KeptUsername(std::string_view username) {
  if (username.size() <= kMaxKeptUsernameBytes) return username;
  size_t end = kMaxKeptUsernameBytes;
  while (end > 0 && (static_cast<unsigned char>(username[end]) & 0xC0) == 0x80) --end;
  return username.substr(0, end);
}

std::string UserJson(const store::User& user) {
  return nlohmann::json{{"id", user.id},
                        {"username", user.username},
                        {"display_name", user.display_name},
                        {"role", RoleName(user.role)},
                        {"active", user.active}}
      .dump();
}

}  // namespace

AuthService::AuthService(store::Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options), throttle_(options.throttle) {
  auto dummy = HashPassword("samspill-dummy-password", options_.password_hash);
  if (dummy.ok()) dummy_hash_ = *dummy;
}

store::AuditEvent AuthService::Event(const std::optional<Principal>& actor, std::string action,
                                     std::string entity_id) const {
  store::AuditEvent e;
  e.at = clock_.Now();
  if (actor) {
    e.actor_user_id = actor->user.id;
    e.actor = actor->user.username;
  } else {
    e.actor = "system";
  }
  e.action = std::move(action);
  e.entity_type = "user";
  e.entity_id = std::move(entity_id);
  return e;
}

Result<LoginResult> AuthService::Login(std::string_view given_username, std::string_view password) {
  // Longer names match no user (usernames are checked when created); the throttle and the
  // audit event see the bounded prefix.
  const std::string_view username = KeptUsername(given_username);
  const bool too_long = username.size() != given_username.size();
  Timestamp now = clock_.Now();
  if (int64_t wait = throttle_.RetryAfter(username, now); wait > 0) {
    return ResourceExhausted("too many failed logins for this user; try again in " +
                             std::to_string((wait + 59) / 60) + " minutes");
  }
  const Status wrong = Unauthenticated("wrong username or password");
  Result<store::User> user = too_long ? Result<store::User>(NotFound("no such user"))
                                      : store_.FindUserByUsername(username);
  bool verified = false;
  if (user.ok()) {
    verified = VerifyPassword(user->password_hash, password);
  } else {
    if (user.status().code() != StatusCode::kNotFound) return user.status();
    VerifyPassword(dummy_hash_, password);  // same work as for a real user
  }
  if (!verified || !user->active) {
    throttle_.RecordFailure(username, now);
    store::AuditEvent failed =
        Event(std::nullopt, "session.login_failed", user.ok() ? std::to_string(user->id) : "");
    failed.after_json = nlohmann::json{{"username", username}}.dump();
    if (too_long) {
      failed.after_json = nlohmann::json{
          {"username", username},
          {"username_bytes", given_username.size()},
          {"truncated", true}}.dump();
    }
    SAMSPILL_RETURN_IF_ERROR(store_.AppendAudit(std::move(failed)));
    return wrong;
  }
  throttle_.RecordSuccess(username);

  LoginResult result;
  result.token = RandomHexToken();
  store::Session& session = result.principal.session;
  session.token_hash = HashToken(result.token);
  session.user_id = user->id;
  session.csrf_token = RandomHexToken();
  session.created_at = now;
  session.expires_at = Timestamp{now.unix_seconds + options_.session_seconds};
  result.principal.user = *user;
  SAMSPILL_RETURN_IF_ERROR(store_.CreateSession(
      session, Event(result.principal, "session.login", std::to_string(user->id))));
  return result;
}

Result<Principal> AuthService::Authenticate(std::string_view token) {
  const Status invalid = Unauthenticated("not logged in, or the session has expired");
  if (token.empty() || token.size() > 256) return invalid;
  Result<store::SessionAndUser> found = store_.FindSessionAndUser(HashToken(token));
  if (!found.ok()) {
    return found.status().code() == StatusCode::kNotFound ? invalid : found.status();
  }
  if (found->session.expires_at <= clock_.Now() || !found->user.active) return invalid;
  return Principal{std::move(found->user), std::move(found->session)};
}

Status AuthService::Logout(const Principal& principal) {
  return store_.DeleteSession(
      principal.session.token_hash,
      Event(principal, "session.logout", std::to_string(principal.user.id)));
}

Result<store::User> AuthService::CreateUser(const std::optional<Principal>& actor,
                                            const CreateUserRequest& request) {
  SAMSPILL_RETURN_IF_ERROR(CheckUsername(request.username));
  if (request.display_name.empty() || request.display_name.size() > 200) {
    return InvalidArgument("the name must have 1 to 200 characters", "display_name");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckPasswordPolicy(request.password));
  // Supplier isolation starts here: a supplier user acts for exactly one supplier, and
  // nobody on the buyer side belongs to a supplier.
  if (request.role == Role::kSupplier && !request.organisation_id) {
    return InvalidArgument("a supplier user must belong to a supplier organisation",
                           "organisation_id");
  }
  if (request.organisation_id) {
    Result<store::Organisation> org = store_.FindOrganisationById(*request.organisation_id);
    if (!org.ok()) {
      return InvalidArgument("no organisation with id " + std::to_string(*request.organisation_id),
                             "organisation_id");
    }
    bool is_supplier = org->kind == store::OrganisationKind::kSupplier;
    if (is_supplier != (request.role == Role::kSupplier)) {
      return InvalidArgument(is_supplier ? "only supplier users can belong to a supplier"
                                         : "a supplier user must belong to a supplier, not a buyer",
                             "organisation_id");
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::string hash,
                            HashPassword(request.password, options_.password_hash));
  store::NewUser user{request.username, request.display_name, request.role, hash,
                      request.organisation_id};
  store::AuditEvent event = Event(actor, "user.create", "");
  nlohmann::json after{{"username", request.username},
                       {"display_name", request.display_name},
                       {"role", RoleName(request.role)}};
  if (request.organisation_id) after["organisation_id"] = *request.organisation_id;
  event.after_json = after.dump();
  return store_.CreateUser(user, std::move(event));
}

Status AuthService::SetUserActive(const Principal& actor, int64_t user_id, bool active) {
  SAMSPILL_ASSIGN_OR_RETURN(store::User before, store_.FindUserById(user_id));
  if (user_id == actor.user.id && !active) {
    return Conflict("you cannot deactivate your own user");
  }
  store::AuditEvent event =
      Event(actor, active ? "user.activate" : "user.deactivate", std::to_string(user_id));
  event.before_json = UserJson(before);
  store::User after = before;
  after.active = active;
  event.after_json = UserJson(after);
  // The store ends every session of a deactivated user in the same transaction.
  return store_.SetUserActive(user_id, active, std::move(event));
}

Status AuthService::ChangeOwnPassword(const Principal& actor, std::string_view current_password,
                                      std::string_view new_password) {
  if (!VerifyPassword(actor.user.password_hash, current_password)) {
    return InvalidArgument("the current password is wrong", "current_password");
  }
  Status policy = CheckPasswordPolicy(new_password);
  if (!policy.ok()) return InvalidArgument(policy.message(), "new_password");
  SAMSPILL_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, options_.password_hash));
  // Every other session of the user ends (someone who knew the old password may hold one); the
  // one that changed the password stays. One transaction with the new password, so a login
  // with the old one that raced the change is ended too, and neither half can happen alone.
  const std::string id = std::to_string(actor.user.id);
  return store_.ChangeUserPassword(actor.user.id, hash, actor.session.token_hash,
                                   Event(actor, "user.password_change", id),
                                   Event(actor, "session.end_others", id));
}

}  // namespace samspill::app
