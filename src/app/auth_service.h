// AuthService: logins, sessions and user administration, with every change audited.
//
// Sessions are opaque random tokens sent in an HttpOnly cookie; only their BLAKE2b hash is
// stored. Each session carries a CSRF token that state-changing requests must echo.
// A failed login says only "wrong username or password" whatever was wrong, takes about
// as long whether or not the user exists, and counts toward the LoginThrottle.
// Thread-safe (the Store and LoginThrottle are).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/login_throttle.h"
#include "app/password_hasher.h"
#include "common/clock.h"
#include "common/role.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::app {

struct AuthOptions {
  int64_t session_seconds = 8 * 3600;  // one working day
  PasswordHashOptions password_hash;
  LoginThrottleOptions throttle;
};

// The authenticated caller of a request.
struct Principal {
  store::User user;
  store::Session session;
};

struct LoginResult {
  std::string token;  // the cookie value; never stored
  Principal principal;
};

struct CreateUserRequest {
  std::string username;
  std::string display_name;
  Role role = Role::kAuditor;
  std::string password;
  // Required for suppliers (their company); must not be a supplier for other roles.
  std::optional<int64_t> organisation_id;
};

class AuthService {
 public:
  AuthService(store::Store& store, const Clock& clock, AuthOptions options = {});

  Result<LoginResult> Login(std::string_view username, std::string_view password);
  // kUnauthenticated for unknown, expired or deactivated sessions.
  Result<Principal> Authenticate(std::string_view token);
  Status Logout(const Principal& principal);

  // `actor` is empty for the system itself (command line, demo data).
  Result<store::User> CreateUser(const std::optional<Principal>& actor,
                                 const CreateUserRequest& request);
  // Deactivating ends every session of the user.
  Status SetUserActive(const Principal& actor, int64_t user_id, bool active);
  // Ends every other session of the user; the one that made the change stays.
  Status ChangeOwnPassword(const Principal& actor, std::string_view current_password,
                           std::string_view new_password);

  const Clock& clock() const { return clock_; }

 private:
  store::AuditEvent Event(const std::optional<Principal>& actor, std::string action,
                          std::string entity_id) const;

  store::Store& store_;
  const Clock& clock_;
  AuthOptions options_;
  LoginThrottle throttle_;
  std::string dummy_hash_;  // verified against when the username is unknown
};

// Usernames: 1–64 of a–z, 0–9, '.', '-', '_' (lower case, so "Kari" and "kari" never clash).
Status CheckUsername(std::string_view username);

}  // namespace samspill::app
