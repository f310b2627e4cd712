// UserStore: organisations, users and their login sessions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/role.h"
#include "common/status.h"
#include "common/time.h"
#include "store/audit.h"

namespace samspill::store {

// Stored as integers: never renumber.
enum class OrganisationKind {
  kBuyer = 1,     // oppdragsgiver: a municipality or other public buyer
  kSupplier = 2,  // leverandør
};

// A legal entity in Enhetsregisteret: the buyer or a supplier.
inline constexpr size_t kMaxOrganisationAddressChars = 300;

struct Organisation {
  int64_t id = 0;
  std::string org_number;  // nine digits, modulus-11 checked before it reaches the store
  std::string name;
  OrganisationKind kind = OrganisationKind::kSupplier;
  Timestamp created_at;
  std::string address;  // postal address, one line; "" when not registered
};

struct NewOrganisation {
  std::string org_number;
  std::string name;
  OrganisationKind kind = OrganisationKind::kSupplier;
  std::string address;  // at most kMaxOrganisationAddressChars
};

struct User {
  int64_t id = 0;
  std::string username;      // unique, case-sensitive login name
  std::string display_name;  // "Kari Nordmann"
  Role role = Role::kAuditor;
  std::string password_hash;  // Argon2id string in libsodium's encoded form
  bool active = true;
  Timestamp created_at;
  std::optional<int64_t> organisation_id;  // a supplier user belongs to one supplier
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kAuditor;
  std::string password_hash;
  std::optional<int64_t> organisation_id;  // must exist (else kConflict)
};

// A login session. The token itself is never stored, only its hash.
struct Session {
  std::string token_hash;  // hex BLAKE2b of the cookie token
  int64_t user_id = 0;
  std::string csrf_token;  // sent back on every state-changing request
  Timestamp created_at;
  Timestamp expires_at;
};

// A session together with the user it belongs to: what every authenticated request needs,
// read in one query.
struct SessionAndUser {
  Session session;
  User user;
};

class UserStore {
 public:
  virtual ~UserStore() = default;

  // Users. `audit` is written in the same transaction; its entity_id is filled with the
  // new user's id when left empty. Username taken → kConflict.
  virtual Result<User> CreateUser(const NewUser& user, AuditEvent audit) = 0;
  virtual Result<User> FindUserById(int64_t id) = 0;                   // kNotFound
  virtual Result<User> FindUserByUsername(std::string_view name) = 0;  // kNotFound
  virtual Result<std::vector<User>> ListUsers() = 0;                   // ordered by id
  virtual Result<int64_t> CountUsers() = 0;
  // Deactivating also ends the user's sessions.
  virtual Status SetUserActive(int64_t id, bool active, AuditEvent audit) = 0;
  virtual Status SetUserPassword(int64_t id, std::string_view password_hash, AuditEvent audit) = 0;
  // A user's own password change: the new hash, and the end of every other session of the user
  // (all but `keep_token_hash`), with both audit events, in one transaction, so no session
  // opened with the old password can outlive the change. Unknown user → kNotFound, nothing
  // written.
  virtual Status ChangeUserPassword(int64_t id, std::string_view password_hash,
                                    std::string_view keep_token_hash, AuditEvent password_audit,
                                    AuditEvent sessions_audit) = 0;

  // Organisations. Organisation number taken → kConflict.
  virtual Result<Organisation> CreateOrganisation(const NewOrganisation& organisation,
                                                  AuditEvent audit) = 0;
  virtual Result<Organisation> FindOrganisationById(int64_t id) = 0;  // kNotFound
  virtual Result<std::vector<Organisation>> ListOrganisations() = 0;  // ordered by name, id

  // Sessions.
  virtual Status CreateSession(const Session& session, AuditEvent audit) = 0;
  virtual Result<Session> FindSession(std::string_view token_hash) = 0;  // kNotFound
  // The session and its user in one read (kNotFound); inactive users are returned as they
  // are, so the caller decides.
  virtual Result<SessionAndUser> FindSessionAndUser(std::string_view token_hash) = 0;
  virtual Status DeleteSession(std::string_view token_hash, AuditEvent audit) = 0;
  // Ends every session of the user except the one whose hash is `except_token_hash` (empty:
  // every one) and returns how many ended; `audit` is written in the same transaction. An
  // unknown user has no sessions (0).
  virtual Result<int64_t> DeleteSessionsOfUser(int64_t user_id, std::string_view except_token_hash,
                                               AuditEvent audit) = 0;
  // Removes sessions expired at `now`; returns how many. Housekeeping, not audited.
  virtual Result<int64_t> DeleteExpiredSessions(Timestamp now) = 0;
};

}  // namespace samspill::store
