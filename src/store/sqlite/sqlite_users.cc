// SqliteStore's UserStore: organisations, users and their sessions.

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {
namespace {

constexpr std::string_view kUserColumns =
    "id, username, display_name, role, password_hash, active, created_at, organisation_id";

Result<User> ReadUser(const SqliteStatement& stmt) {
  User user;
  user.id = stmt.ColumnInt(0);
  user.username = stmt.ColumnText(1);
  user.display_name = stmt.ColumnText(2);
  const int64_t role = stmt.ColumnInt(3);
  bool known = false;
  for (Role r : kAllRoles) known = known || static_cast<int64_t>(r) == role;
  if (!known) return Internal("stored role " + std::to_string(role) + " is unknown");
  user.role = static_cast<Role>(role);
  user.password_hash = stmt.ColumnText(4);
  user.active = stmt.ColumnInt(5) != 0;
  SAMSPILL_ASSIGN_OR_RETURN(user.created_at, ReadTime(stmt.ColumnText(6)));
  if (!stmt.ColumnIsNull(7)) user.organisation_id = stmt.ColumnInt(7);
  return user;
}

Result<Organisation> ReadOrganisation(const SqliteStatement& stmt) {
  Organisation org;
  org.id = stmt.ColumnInt(0);
  org.org_number = stmt.ColumnText(1);
  org.name = stmt.ColumnText(2);
  int64_t kind = stmt.ColumnInt(3);
  if (kind != 1 && kind != 2) return Internal("stored organisation kind is corrupt");
  org.kind = static_cast<OrganisationKind>(kind);
  SAMSPILL_ASSIGN_OR_RETURN(org.created_at, ReadTime(stmt.ColumnText(4)));
  org.address = stmt.ColumnText(5);
  return org;
}

constexpr EntityTable<User> kUsers{"users", kUserColumns, &ReadUser,
                                   [](int64_t) { return std::string("no such user"); }};
constexpr EntityTable<Organisation> kOrganisations{
    "organisations", "id, org_number, name, kind, created_at, address", &ReadOrganisation,
    [](int64_t) { return std::string("no such organisation"); }};

}  // namespace

Result<User> SqliteStore::CreateUser(const NewUser& user, AuditEvent audit) {
  MutexLock lock(mu_);
  const RowInsert insert{
      .sql =
          "INSERT INTO users (username, display_name, role, password_hash, active, "
          "created_at, organisation_id) VALUES (?, ?, ?, ?, 1, ?, ?)",
      .bind =
          [&user, &audit](SqliteStatement& stmt) {
            stmt.Bind(1, user.username)
                .Bind(2, user.display_name)
                .Bind(3, static_cast<int64_t>(user.role))
                .Bind(4, user.password_hash)
                .Bind(5, audit.at.ToIso())
                .Bind(6, user.organisation_id);
          },
      .on_conflict =
          [&user](const Status& violation) {
            if (violation.message().find("FOREIGN KEY") != std::string::npos) {
              return Conflict("no organisation with id " + std::to_string(*user.organisation_id));
            }
            return Conflict("the username '" + user.username + "' is taken");
          },
  };
  return WriteWithAudit(kUsers, insert, audit, AuditNames::kRowIfEmpty);
}

Result<User> SqliteStore::FindUserById(int64_t id) {
  MutexLock lock(mu_);
  return FindRowLocked(kUsers, id);
}

Result<User> SqliteStore::FindUserByUsername(std::string_view name) {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_,
                       "SELECT " + std::string(kUserColumns) + " FROM users WHERE username = ?");
  stmt.Bind(1, name);
  Status status;
  if (!stmt.Step(&status)) return status.ok() ? NotFound("no such user") : status;
  return ReadUser(stmt);
}

Result<std::vector<User>> SqliteStore::ListUsers() {
  MutexLock lock(mu_);
  return ListRowsLocked(kUsers, "id");
}

Result<int64_t> SqliteStore::CountUsers() {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_, "SELECT count(*) FROM users");
  Status status;
  if (!stmt.Step(&status)) return status.ok() ? Internal("count returned no row") : status;
  return stmt.ColumnInt(0);
}

Status SqliteStore::SetUserActive(int64_t id, bool active, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement update(cache_, "UPDATE users SET active = ? WHERE id = ?");
  SAMSPILL_RETURN_IF_ERROR(update.Bind(1, int64_t{active ? 1 : 0}).Bind(2, id).Run());
  if (sqlite3_changes(db_) == 0) return NotFound("no user with id " + std::to_string(id));
  if (!active) {
    SqliteStatement end(cache_, "DELETE FROM sessions WHERE user_id = ?");
    SAMSPILL_RETURN_IF_ERROR(end.Bind(1, id).Run());
  }
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

Status SqliteStore::SetUserPassword(int64_t id, std::string_view password_hash, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SAMSPILL_RETURN_IF_ERROR(UpdatePasswordLocked(id, password_hash));
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

Status SqliteStore::ChangeUserPassword(int64_t id, std::string_view password_hash,
                                       std::string_view keep_token_hash, AuditEvent password_audit,
                                       AuditEvent sessions_audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SAMSPILL_RETURN_IF_ERROR(UpdatePasswordLocked(id, password_hash));
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(password_audit));
  SAMSPILL_RETURN_IF_ERROR(DeleteSessionsOfUserLocked(id, keep_token_hash).status());
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(sessions_audit));
  return tx.Commit();
}

Result<Organisation> SqliteStore::CreateOrganisation(const NewOrganisation& org, AuditEvent audit) {
  MutexLock lock(mu_);
  const RowInsert insert{
      .sql =
          "INSERT INTO organisations (org_number, name, kind, created_at, address) "
          "VALUES (?, ?, ?, ?, ?)",
      .bind =
          [&org, &audit](SqliteStatement& stmt) {
            stmt.Bind(1, org.org_number)
                .Bind(2, org.name)
                .Bind(3, static_cast<int64_t>(org.kind))
                .Bind(4, audit.at.ToIso())
                .Bind(5, org.address);
          },
      .on_conflict =
          [&org](const Status&) {
            return Conflict("organisation number " + org.org_number + " is already registered");
          },
  };
  return WriteWithAudit(kOrganisations, insert, audit, AuditNames::kRowIfEmpty);
}

Result<Organisation> SqliteStore::FindOrganisationById(int64_t id) {
  MutexLock lock(mu_);
  return FindRowLocked(kOrganisations, id);
}

Result<std::vector<Organisation>> SqliteStore::ListOrganisations() {
  MutexLock lock(mu_);
  return ListRowsLocked(kOrganisations, "name, id");
}

Status SqliteStore::CreateSession(const Session& session, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement insert(cache_,
                         "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                         "expires_at) VALUES (?, ?, ?, ?, ?)");
  insert.Bind(1, session.token_hash)
      .Bind(2, session.user_id)
      .Bind(3, session.csrf_token)
      .Bind(4, session.created_at.ToIso())
      .Bind(5, session.expires_at.ToIso());
  Status status = insert.Run();
  if (status.code() == StatusCode::kConflict) {
    return Conflict("session could not be created (unknown user or duplicate token)");
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

// The session as the joined read gives it: one query and one reader for both.
Result<Session> SqliteStore::FindSession(std::string_view token_hash) {
  SAMSPILL_ASSIGN_OR_RETURN(SessionAndUser found, FindSessionAndUser(token_hash));
  return std::move(found.session);
}

Result<SessionAndUser> SqliteStore::FindSessionAndUser(std::string_view token_hash) {
  MutexLock lock(mu_);
  // The user's columns first, in kUserColumns' order, so ReadUser reads them.
  SqliteStatement stmt(cache_,
                       "SELECT u.id, u.username, u.display_name, u.role, u.password_hash, "
                       "u.active, u.created_at, u.organisation_id, s.token_hash, s.csrf_token, "
                       "s.created_at, s.expires_at FROM sessions s JOIN users u "
                       "ON u.id = s.user_id WHERE s.token_hash = ?");
  stmt.Bind(1, token_hash);
  Status status;
  if (!stmt.Step(&status)) return status.ok() ? NotFound("no such session") : status;
  SessionAndUser out;
  SAMSPILL_ASSIGN_OR_RETURN(out.user, ReadUser(stmt));
  out.session.user_id = out.user.id;
  out.session.token_hash = stmt.ColumnText(8);
  out.session.csrf_token = stmt.ColumnText(9);
  SAMSPILL_ASSIGN_OR_RETURN(out.session.created_at, ReadTime(stmt.ColumnText(10)));
  SAMSPILL_ASSIGN_OR_RETURN(out.session.expires_at, ReadTime(stmt.ColumnText(11)));
  return out;
}

Status SqliteStore::DeleteSession(std::string_view token_hash, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement del(cache_, "DELETE FROM sessions WHERE token_hash = ?");
  SAMSPILL_RETURN_IF_ERROR(del.Bind(1, token_hash).Run());
  if (sqlite3_changes(db_) == 0) return NotFound("no such session");
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

Result<int64_t> SqliteStore::DeleteSessionsOfUser(int64_t user_id,
                                                  std::string_view except_token_hash,
                                                  AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SAMSPILL_ASSIGN_OR_RETURN(const int64_t ended,
                            DeleteSessionsOfUserLocked(user_id, except_token_hash));
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return ended;
}

Result<int64_t> SqliteStore::DeleteExpiredSessions(Timestamp now) {
  MutexLock lock(mu_);
  SqliteStatement del(cache_, "DELETE FROM sessions WHERE expires_at <= ?");
  SAMSPILL_RETURN_IF_ERROR(del.Bind(1, now.ToIso()).Run());
  return static_cast<int64_t>(sqlite3_changes(db_));
}

Status SqliteStore::UpdatePasswordLocked(int64_t id, std::string_view password_hash) {
  SqliteStatement update(cache_, "UPDATE users SET password_hash = ? WHERE id = ?");
  SAMSPILL_RETURN_IF_ERROR(update.Bind(1, password_hash).Bind(2, id).Run());
  if (sqlite3_changes(db_) == 0) return NotFound("no user with id " + std::to_string(id));
  return Status::Ok();
}

Result<int64_t> SqliteStore::DeleteSessionsOfUserLocked(int64_t user_id,
                                                        std::string_view except_token_hash) {
  SqliteStatement del(cache_, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
  SAMSPILL_RETURN_IF_ERROR(del.Bind(1, user_id).Bind(2, except_token_hash).Run());
  return static_cast<int64_t>(sqlite3_changes(db_));
}

}  // namespace samspill::store
