#include "store/sqlite/sqlite_store.h"

#include <algorithm>

#include "common/mutex.h"
#include "store/audit_chain.h"
#include "store/sqlite/audit_rows.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrations.h"

namespace samspill::store {
namespace {

constexpr std::string_view kUserColumns =
    "id, username, display_name, role, password_hash, active, created_at, organisation_id";

Result<Timestamp> ReadTime(const std::string& text) {
  auto t = ParseIsoTimestamp(text);
  if (!t.ok()) return Internal("stored time is corrupt: " + t.status().message());
  return *t;
}

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
  return org;
}

constexpr std::string_view kTenderColumns =
    "id, buyer_organisation_id, title, state, bid_deadline, document_json, outcome_json, "
    "version, created_at, updated_at";

Result<StoredTender> ReadTender(const SqliteStatement& stmt) {
  StoredTender t;
  t.id = stmt.ColumnInt(0);
  t.buyer_organisation_id = stmt.ColumnInt(1);
  t.title = stmt.ColumnText(2);
  t.state = static_cast<int>(stmt.ColumnInt(3));
  if (!stmt.ColumnIsNull(4)) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp deadline, ReadTime(stmt.ColumnText(4)));
    t.bid_deadline = deadline;
  }
  t.document_json = stmt.ColumnText(5);
  t.outcome_json = stmt.ColumnText(6);
  t.version = stmt.ColumnInt(7);
  SAMSPILL_ASSIGN_OR_RETURN(t.created_at, ReadTime(stmt.ColumnText(8)));
  SAMSPILL_ASSIGN_OR_RETURN(t.updated_at, ReadTime(stmt.ColumnText(9)));
  return t;
}

// The content column is selected as '' for receipts, so sealed content never leaves SQLite.
std::string BidColumns(bool with_content) {
  return std::string(
             "id, tender_id, lot_id, supplier_organisation_id, submitted_by_user_id, version, "
             "received_at, ") +
         (with_content ? "content_json" : "''") + ", status, rejection_reason, scores_json";
}

Result<StoredBid> ReadBid(const SqliteStatement& stmt) {
  StoredBid b;
  b.id = stmt.ColumnInt(0);
  b.tender_id = stmt.ColumnInt(1);
  b.lot_id = stmt.ColumnText(2);
  b.supplier_organisation_id = stmt.ColumnInt(3);
  b.submitted_by_user_id = stmt.ColumnInt(4);
  b.version = static_cast<int>(stmt.ColumnInt(5));
  SAMSPILL_ASSIGN_OR_RETURN(b.received_at, ReadTime(stmt.ColumnText(6)));
  b.content_json = stmt.ColumnText(7);
  b.status = static_cast<int>(stmt.ColumnInt(8));
  b.rejection_reason = stmt.ColumnText(9);
  b.scores_json = stmt.ColumnText(10);
  return b;
}

constexpr std::string_view kQuestionColumns =
    "id, tender_id, lot_id, asked_by_organisation_id, asked_by_user_id, question, asked_at, "
    "answer, answered_at, answered_by_user_id";

Result<StoredQuestion> ReadQuestion(const SqliteStatement& stmt) {
  StoredQuestion q;
  q.id = stmt.ColumnInt(0);
  q.tender_id = stmt.ColumnInt(1);
  q.lot_id = stmt.ColumnText(2);
  q.asked_by_organisation_id = stmt.ColumnInt(3);
  q.asked_by_user_id = stmt.ColumnInt(4);
  q.question = stmt.ColumnText(5);
  SAMSPILL_ASSIGN_OR_RETURN(q.asked_at, ReadTime(stmt.ColumnText(6)));
  if (!stmt.ColumnIsNull(7)) q.answer = stmt.ColumnText(7);
  if (!stmt.ColumnIsNull(8)) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, ReadTime(stmt.ColumnText(8)));
    q.answered_at = at;
  }
  if (!stmt.ColumnIsNull(9)) q.answered_by_user_id = stmt.ColumnInt(9);
  return q;
}

constexpr std::string_view kProjectColumns =
    "id, name, area, kind, status, registered_by_user_id, merged_into, document_json, version, "
    "created_at, updated_at";

Result<StoredProject> ReadProject(const SqliteStatement& stmt) {
  StoredProject p;
  p.id = stmt.ColumnInt(0);
  p.name = stmt.ColumnText(1);
  p.area = stmt.ColumnText(2);
  p.kind = static_cast<int>(stmt.ColumnInt(3));
  p.status = static_cast<int>(stmt.ColumnInt(4));
  if (!stmt.ColumnIsNull(5)) p.registered_by_user_id = stmt.ColumnInt(5);
  if (!stmt.ColumnIsNull(6)) p.merged_into = stmt.ColumnInt(6);
  p.document_json = stmt.ColumnText(7);
  p.version = stmt.ColumnInt(8);
  SAMSPILL_ASSIGN_OR_RETURN(p.created_at, ReadTime(stmt.ColumnText(9)));
  SAMSPILL_ASSIGN_OR_RETURN(p.updated_at, ReadTime(stmt.ColumnText(10)));
  return p;
}

constexpr std::string_view kIndicatorColumns =
    "id, category, name, document_json, version, created_at, updated_at";

Result<StoredIndicator> ReadIndicator(const SqliteStatement& stmt) {
  StoredIndicator i;
  i.id = stmt.ColumnInt(0);
  i.category = stmt.ColumnText(1);
  i.name = stmt.ColumnText(2);
  i.document_json = stmt.ColumnText(3);
  i.version = stmt.ColumnInt(4);
  SAMSPILL_ASSIGN_OR_RETURN(i.created_at, ReadTime(stmt.ColumnText(5)));
  SAMSPILL_ASSIGN_OR_RETURN(i.updated_at, ReadTime(stmt.ColumnText(6)));
  return i;
}

std::optional<std::string> IsoOrNull(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return t->ToIso();
}

// Every remaining row of `stmt`, each read with `read`; the first unreadable row or step
// error stops it.
template <typename T>
Result<std::vector<T>> ReadRows(SqliteStatement& stmt, Result<T> (*read)(const SqliteStatement&)) {
  std::vector<T> out;
  Status status;
  while (stmt.Step(&status)) {
    SAMSPILL_ASSIGN_OR_RETURN(T row, read(stmt));
    out.push_back(std::move(row));
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  return out;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db), cache_(db) {}
  ~SqliteStore() override {
    cache_.Clear();
    sqlite3_close_v2(db_);
  }

  Status Migrate() SAMSPILL_EXCLUDES(mu_) {
    MutexLock lock(mu_);
    SAMSPILL_ASSIGN_OR_RETURN(int current, ReadUserVersion());
    int latest = SqliteLatestSchemaVersion();
    if (current > latest) {
      return FailedPrecondition("the database has schema version " + std::to_string(current) +
                                ", written by a newer samspill; this binary knows only up to " +
                                std::to_string(latest) + ". Upgrade samspill to open it.");
    }
    for (const Migration& m : SqliteMigrations()) {
      if (m.version <= current) continue;
      if (!m.rebuilds_tables) {
        SAMSPILL_RETURN_IF_ERROR(Apply(m));
        continue;
      }
      // PRAGMA foreign_keys has no effect inside a transaction: switch it around one.
      SAMSPILL_RETURN_IF_ERROR(ExecSql(db_, "PRAGMA foreign_keys = OFF"));
      Status applied = Apply(m);
      Status restored = ExecSql(db_, "PRAGMA foreign_keys = ON");
      SAMSPILL_RETURN_IF_ERROR(applied);
      SAMSPILL_RETURN_IF_ERROR(restored);
    }
    return Status::Ok();
  }

  // One migration in one transaction; a table rebuild must leave every foreign key intact.
  Status Apply(const Migration& m) SAMSPILL_REQUIRES(mu_) {
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    Status applied = ExecSql(db_, std::string(m.sql));
    if (applied.ok() && m.fill) applied = m.fill(db_);
    if (applied.ok() && !m.sql_after.empty()) applied = ExecSql(db_, std::string(m.sql_after));
    if (!applied.ok()) {
      return Internal("migration " + std::to_string(m.version) + " failed: " + applied.message());
    }
    if (m.rebuilds_tables) {
      SqliteStatement check(cache_, "PRAGMA foreign_key_check");
      Status step;
      const bool broken = check.Step(&step);
      SAMSPILL_RETURN_IF_ERROR(step);
      if (broken) {
        return Internal("migration " + std::to_string(m.version) +
                        " would break a foreign key in table " + check.ColumnText(0));
      }
    }
    SAMSPILL_RETURN_IF_ERROR(ExecSql(db_, "PRAGMA user_version = " + std::to_string(m.version)));
    return tx.Commit();
  }

  int SchemaVersion() override {
    MutexLock lock(mu_);
    auto v = ReadUserVersion();
    return v.ok() ? *v : -1;
  }

  Result<User> CreateUser(const NewUser& user, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement insert(cache_,
                           "INSERT INTO users (username, display_name, role, password_hash, "
                           "active, created_at, organisation_id) VALUES (?, ?, ?, ?, 1, ?, ?)");
    insert.Bind(1, user.username)
        .Bind(2, user.display_name)
        .Bind(3, static_cast<int64_t>(user.role))
        .Bind(4, user.password_hash)
        .Bind(5, audit.at.ToIso())
        .Bind(6, user.organisation_id);
    Status status = insert.Run();
    if (status.code() == StatusCode::kConflict) {
      if (status.message().find("FOREIGN KEY") != std::string::npos) {
        return Conflict("no organisation with id " + std::to_string(*user.organisation_id));
      }
      return Conflict("the username '" + user.username + "' is taken");
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    int64_t id = sqlite3_last_insert_rowid(db_);
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_ASSIGN_OR_RETURN(User created, FindUserLocked("id = ?", id, {}));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return created;
  }

  Result<User> FindUserById(int64_t id) override {
    MutexLock lock(mu_);
    return FindUserLocked("id = ?", id, {});
  }

  Result<User> FindUserByUsername(std::string_view name) override {
    MutexLock lock(mu_);
    return FindUserLocked("username = ?", std::nullopt, name);
  }

  Result<std::vector<User>> ListUsers() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_, "SELECT " + std::string(kUserColumns) + " FROM users ORDER BY id");
    return ReadRows<User>(stmt, &ReadUser);
  }

  Result<int64_t> CountUsers() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_, "SELECT count(*) FROM users");
    Status status;
    if (!stmt.Step(&status)) return status.ok() ? Internal("count returned no row") : status;
    return stmt.ColumnInt(0);
  }

  Status SetUserActive(int64_t id, bool active, AuditEvent audit) override {
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

  Status SetUserPassword(int64_t id, std::string_view password_hash, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SAMSPILL_RETURN_IF_ERROR(UpdatePasswordLocked(id, password_hash));
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    return tx.Commit();
  }

  Status ChangeUserPassword(int64_t id, std::string_view password_hash,
                            std::string_view keep_token_hash, AuditEvent password_audit,
                            AuditEvent sessions_audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SAMSPILL_RETURN_IF_ERROR(UpdatePasswordLocked(id, password_hash));
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(password_audit));
    SAMSPILL_RETURN_IF_ERROR(DeleteSessionsOfUserLocked(id, keep_token_hash).status());
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(sessions_audit));
    return tx.Commit();
  }

  Result<Organisation> CreateOrganisation(const NewOrganisation& org, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement insert(cache_,
                           "INSERT INTO organisations (org_number, name, kind, created_at) "
                           "VALUES (?, ?, ?, ?)");
    insert.Bind(1, org.org_number)
        .Bind(2, org.name)
        .Bind(3, static_cast<int64_t>(org.kind))
        .Bind(4, audit.at.ToIso());
    Status status = insert.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("organisation number " + org.org_number + " is already registered");
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    int64_t id = sqlite3_last_insert_rowid(db_);
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_ASSIGN_OR_RETURN(Organisation created, FindOrganisationLocked(id));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return created;
  }

  Result<Organisation> FindOrganisationById(int64_t id) override {
    MutexLock lock(mu_);
    return FindOrganisationLocked(id);
  }

  Result<std::vector<Organisation>> ListOrganisations() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_,
                         "SELECT id, org_number, name, kind, created_at FROM organisations "
                         "ORDER BY name, id");
    return ReadRows<Organisation>(stmt, &ReadOrganisation);
  }

  Status CreateSession(const Session& session, AuditEvent audit) override {
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
  Result<Session> FindSession(std::string_view token_hash) override {
    SAMSPILL_ASSIGN_OR_RETURN(SessionAndUser found, FindSessionAndUser(token_hash));
    return std::move(found.session);
  }

  Result<SessionAndUser> FindSessionAndUser(std::string_view token_hash) override {
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

  Status DeleteSession(std::string_view token_hash, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement del(cache_, "DELETE FROM sessions WHERE token_hash = ?");
    SAMSPILL_RETURN_IF_ERROR(del.Bind(1, token_hash).Run());
    if (sqlite3_changes(db_) == 0) return NotFound("no such session");
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    return tx.Commit();
  }

  Result<int64_t> DeleteSessionsOfUser(int64_t user_id, std::string_view except_token_hash,
                                       AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SAMSPILL_ASSIGN_OR_RETURN(const int64_t ended,
                              DeleteSessionsOfUserLocked(user_id, except_token_hash));
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return ended;
  }

  Result<int64_t> DeleteExpiredSessions(Timestamp now) override {
    MutexLock lock(mu_);
    SqliteStatement del(cache_, "DELETE FROM sessions WHERE expires_at <= ?");
    SAMSPILL_RETURN_IF_ERROR(del.Bind(1, now.ToIso()).Run());
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<StoredTender> CreateTender(const StoredTender& t, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement insert(
        cache_,
        "INSERT INTO tenders (buyer_organisation_id, title, state, bid_deadline, "
        "document_json, outcome_json, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)");
    insert.Bind(1, t.buyer_organisation_id)
        .Bind(2, t.title)
        .Bind(3, int64_t{t.state})
        .Bind(5, t.document_json)
        .Bind(6, t.outcome_json.empty() ? std::string_view("{}") : std::string_view(t.outcome_json))
        .Bind(7, audit.at.ToIso())
        .Bind(8, audit.at.ToIso());
    BindOptionalText(insert, 4, IsoOrNull(t.bid_deadline));
    Status status = insert.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("the tender could not be stored: no buyer organisation with id " +
                      std::to_string(t.buyer_organisation_id) + ", or a value out of range");
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    int64_t id = sqlite3_last_insert_rowid(db_);
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_ASSIGN_OR_RETURN(StoredTender created, FindTenderLocked(id));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return created;
  }

  Result<StoredTender> FindTender(int64_t id) override {
    MutexLock lock(mu_);
    return FindTenderLocked(id);
  }

  Result<std::vector<StoredTender>> ListTenders() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(
        cache_, "SELECT " + std::string(kTenderColumns) + " FROM tenders ORDER BY id DESC");
    return ReadRows<StoredTender>(stmt, &ReadTender);
  }

  Result<std::vector<StoredTender>> ListTenderSummaries() override {
    MutexLock lock(mu_);
    // kTenderColumns with the two documents selected as '' so ReadTender reads the same shape.
    SqliteStatement stmt(cache_,
                         "SELECT id, buyer_organisation_id, title, state, bid_deadline, '', '', "
                         "version, created_at, updated_at FROM tenders ORDER BY id DESC");
    return ReadRows<StoredTender>(stmt, &ReadTender);
  }

  Result<StoredTender> UpdateTender(const TenderUpdate& u, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement update(cache_,
                           "UPDATE tenders SET title = ?, state = ?, bid_deadline = ?, "
                           "document_json = ?, outcome_json = ?, version = version + 1, "
                           "updated_at = ? WHERE id = ? AND version = ?");
    update.Bind(1, u.title)
        .Bind(2, int64_t{u.state})
        .Bind(4, u.document_json)
        .Bind(5, u.outcome_json.empty() ? std::string_view("{}") : std::string_view(u.outcome_json))
        .Bind(6, audit.at.ToIso())
        .Bind(7, u.id)
        .Bind(8, u.expected_version);
    BindOptionalText(update, 3, IsoOrNull(u.bid_deadline));
    SAMSPILL_RETURN_IF_ERROR(update.Run());
    if (sqlite3_changes(db_) == 0) {
      SAMSPILL_ASSIGN_OR_RETURN(StoredTender current, FindTenderLocked(u.id));
      return Conflict("the tender was changed by someone else (version " +
                      std::to_string(current.version) + ", not " +
                      std::to_string(u.expected_version) + "); reload and try again");
    }
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(u.id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_ASSIGN_OR_RETURN(StoredTender updated, FindTenderLocked(u.id));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return updated;
  }

  Result<StoredBid> SubmitBid(const NewBid& b, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement upsert(
        cache_,
        "INSERT INTO bids (tender_id, lot_id, supplier_organisation_id, submitted_by_user_id, "
        "received_at, content_json) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (tender_id, lot_id, supplier_organisation_id) DO UPDATE SET "
        "submitted_by_user_id = excluded.submitted_by_user_id, version = version + 1, "
        "received_at = excluded.received_at, content_json = excluded.content_json");
    upsert.Bind(1, b.tender_id)
        .Bind(2, b.lot_id)
        .Bind(3, b.supplier_organisation_id)
        .Bind(4, b.submitted_by_user_id)
        .Bind(5, b.received_at.ToIso())
        .Bind(6, b.content_json);
    Status status = upsert.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("the bid could not be stored: unknown tender, supplier or user");
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    SqliteStatement find(cache_, "SELECT " + BidColumns(true) +
                                     " FROM bids WHERE tender_id = ? AND lot_id = ? AND "
                                     "supplier_organisation_id = ?");
    find.Bind(1, b.tender_id).Bind(2, b.lot_id).Bind(3, b.supplier_organisation_id);
    if (!find.Step(&status)) return status.ok() ? Internal("stored bid not found") : status;
    SAMSPILL_ASSIGN_OR_RETURN(StoredBid stored, ReadBid(find));
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return stored;
  }

  Result<std::vector<StoredBid>> ListBidReceipts(int64_t tender_id) override {
    MutexLock lock(mu_);
    return ListBidsLocked(tender_id, /*with_content=*/false);
  }

  Result<std::vector<StoredBid>> ListBidsWithContent(int64_t tender_id) override {
    MutexLock lock(mu_);
    return ListBidsLocked(tender_id, /*with_content=*/true);
  }

  Result<StoredBid> FindBidWithContent(int64_t bid_id) override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_, "SELECT " + BidColumns(true) + " FROM bids WHERE id = ?");
    stmt.Bind(1, bid_id);
    Status status;
    if (!stmt.Step(&status)) return status.ok() ? NotFound("no such bid") : status;
    return ReadBid(stmt);
  }

  Status SetBidEvaluation(int64_t bid_id, int status_value, std::string_view rejection_reason,
                          std::string_view scores_json, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement update(
        cache_, "UPDATE bids SET status = ?, rejection_reason = ?, scores_json = ? WHERE id = ?");
    update.Bind(1, int64_t{status_value})
        .Bind(2, rejection_reason)
        .Bind(3, scores_json)
        .Bind(4, bid_id);
    Status status = update.Run();
    if (status.code() == StatusCode::kConflict) return InvalidArgument("bid status out of range");
    SAMSPILL_RETURN_IF_ERROR(status);
    if (sqlite3_changes(db_) == 0) return NotFound("no bid with id " + std::to_string(bid_id));
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    return tx.Commit();
  }

  Result<StoredQuestion> CreateQuestion(const NewQuestion& q, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement insert(cache_,
                           "INSERT INTO questions (tender_id, lot_id, asked_by_organisation_id, "
                           "asked_by_user_id, question, asked_at) VALUES (?, ?, ?, ?, ?, ?)");
    insert.Bind(1, q.tender_id)
        .Bind(2, q.lot_id)
        .Bind(3, q.asked_by_organisation_id)
        .Bind(4, q.asked_by_user_id)
        .Bind(5, q.question)
        .Bind(6, q.asked_at.ToIso());
    Status status = insert.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict(
          "the question could not be stored: unknown tender, supplier or user, or "
          "an empty or over-long question");
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    int64_t id = sqlite3_last_insert_rowid(db_);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SqliteStatement find(
        cache_, "SELECT " + std::string(kQuestionColumns) + " FROM questions WHERE id = ?");
    find.Bind(1, id);
    if (!find.Step(&status)) return status.ok() ? Internal("stored question not found") : status;
    SAMSPILL_ASSIGN_OR_RETURN(StoredQuestion stored, ReadQuestion(find));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return stored;
  }

  Status AnswerQuestion(int64_t question_id, std::string_view answer, int64_t answered_by_user_id,
                        Timestamp at, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement update(cache_,
                           "UPDATE questions SET answer = ?, answered_at = ?, "
                           "answered_by_user_id = ? WHERE id = ? AND answer IS NULL");
    update.Bind(1, answer).Bind(2, at.ToIso()).Bind(3, answered_by_user_id).Bind(4, question_id);
    Status status = update.Run();
    if (status.code() == StatusCode::kConflict) return Conflict("unknown answering user");
    SAMSPILL_RETURN_IF_ERROR(status);
    if (sqlite3_changes(db_) == 0) {
      SqliteStatement exists(cache_, "SELECT 1 FROM questions WHERE id = ?");
      exists.Bind(1, question_id);
      if (!exists.Step(&status)) {
        return status.ok() ? NotFound("no question with id " + std::to_string(question_id))
                           : status;
      }
      return Conflict("question " + std::to_string(question_id) +
                      " is already answered; its answer has been published to every supplier");
    }
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    return tx.Commit();
  }

  Result<std::vector<StoredQuestion>> ListQuestions(int64_t tender_id) override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_, "SELECT " + std::string(kQuestionColumns) +
                                     " FROM questions WHERE tender_id = ? ORDER BY id");
    stmt.Bind(1, tender_id);
    return ReadRows<StoredQuestion>(stmt, &ReadQuestion);
  }

  Status AppendAudit(AuditEvent event) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
    return tx.Commit();
  }

  Result<int64_t> ImportMarketProcesses(const std::vector<StoredMarketProcess>& processes,
                                        AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    // Replacing a process deletes its lots through the foreign key's ON DELETE CASCADE.
    SqliteStatement remove(cache_, "DELETE FROM market_processes WHERE process_key = ?");
    SqliteStatement insert(cache_,
                           "INSERT INTO market_processes (process_key, source, buyer, region, "
                           "published, document_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    // A lot id repeated within one process (bad data) keeps the last.
    SqliteStatement lot(cache_,
                        "INSERT OR REPLACE INTO market_lots (process_id, lot_id, cpv, bidders, "
                        "bidder_source) VALUES (?, ?, ?, ?, ?)");
    SAMSPILL_RETURN_IF_ERROR(remove.status());
    SAMSPILL_RETURN_IF_ERROR(insert.status());
    SAMSPILL_RETURN_IF_ERROR(lot.status());
    std::string now = audit.at.ToIso();
    for (const StoredMarketProcess& p : processes) {
      remove.Reset();
      insert.Reset();
      SAMSPILL_RETURN_IF_ERROR(remove.Bind(1, p.process_key).Run());
      SAMSPILL_RETURN_IF_ERROR(insert.Bind(1, p.process_key)
                                   .Bind(2, p.source)
                                   .Bind(3, p.buyer)
                                   .Bind(4, p.region)
                                   .Bind(5, p.published)
                                   .Bind(6, p.document_json)
                                   .Bind(7, now)
                                   .Run());
      int64_t id = sqlite3_last_insert_rowid(db_);
      for (const StoredMarketLot& l : p.lots) {
        lot.Reset();
        SAMSPILL_RETURN_IF_ERROR(lot.Bind(1, id)
                                     .Bind(2, l.lot_id)
                                     .Bind(3, l.cpv)
                                     .Bind(4, l.bidders)
                                     .Bind(5, int64_t{l.bidder_source})
                                     .Run());
      }
    }
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(processes.size());
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return static_cast<int64_t>(processes.size());
  }

  Result<std::vector<StoredMarketProcess>> ListMarketProcesses(
      std::string_view cpv_prefix) override {
    MutexLock lock(mu_);
    // substr() rather than LIKE: a prefix with % or _ must not act as a pattern.
    SqliteStatement stmt(cache_,
                         "SELECT id, process_key, source, buyer, region, published, document_json "
                         "FROM market_processes p WHERE EXISTS (SELECT 1 FROM market_lots l "
                         "WHERE l.process_id = p.id AND substr(l.cpv, 1, length(?1)) = ?1) "
                         "ORDER BY id");
    SqliteStatement lots(cache_,
                         "SELECT lot_id, cpv, bidders, bidder_source FROM market_lots "
                         "WHERE process_id = ? ORDER BY rowid");
    SAMSPILL_RETURN_IF_ERROR(stmt.status());
    SAMSPILL_RETURN_IF_ERROR(lots.status());
    stmt.Bind(1, cpv_prefix);
    std::vector<StoredMarketProcess> out;
    Status status;
    while (stmt.Step(&status)) {
      StoredMarketProcess p;
      p.id = stmt.ColumnInt(0);
      p.process_key = stmt.ColumnText(1);
      p.source = stmt.ColumnText(2);
      p.buyer = stmt.ColumnText(3);
      p.region = stmt.ColumnText(4);
      p.published = stmt.ColumnText(5);
      p.document_json = stmt.ColumnText(6);
      out.push_back(std::move(p));
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    for (StoredMarketProcess& p : out) {
      lots.Reset();
      lots.Bind(1, p.id);
      Status lot_status;
      while (lots.Step(&lot_status)) {
        StoredMarketLot l;
        l.lot_id = lots.ColumnText(0);
        l.cpv = lots.ColumnText(1);
        if (!lots.ColumnIsNull(2)) l.bidders = lots.ColumnInt(2);
        l.bidder_source = static_cast<int>(lots.ColumnInt(3));
        p.lots.push_back(std::move(l));
      }
      SAMSPILL_RETURN_IF_ERROR(lot_status);
    }
    return out;
  }

  Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& query) override {
    if (query.limit < 1 || query.limit > kMaxAuditPage) {
      return InvalidArgument("limit must be between 1 and " + std::to_string(kMaxAuditPage),
                             "limit");
    }
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_,
                         "SELECT id, at, actor_user_id, actor, action, entity_type, entity_id, "
                         "before_json, after_json FROM audit_events WHERE id > ? "
                         "AND (? = '' OR entity_type = ?) AND (? = '' OR entity_id = ?) "
                         "ORDER BY id LIMIT ?");
    stmt.Bind(1, query.after_id)
        .Bind(2, query.entity_type)
        .Bind(3, query.entity_type)
        .Bind(4, query.entity_id)
        .Bind(5, query.entity_id)
        .Bind(6, int64_t{query.limit});
    std::vector<AuditEvent> events;
    Status status;
    while (stmt.Step(&status)) {
      AuditEvent e;
      e.id = stmt.ColumnInt(0);
      SAMSPILL_ASSIGN_OR_RETURN(e.at, ReadTime(stmt.ColumnText(1)));
      if (!stmt.ColumnIsNull(2)) e.actor_user_id = stmt.ColumnInt(2);
      e.actor = stmt.ColumnText(3);
      e.action = stmt.ColumnText(4);
      e.entity_type = stmt.ColumnText(5);
      e.entity_id = stmt.ColumnText(6);
      e.before_json = stmt.ColumnText(7);
      e.after_json = stmt.ColumnText(8);
      events.push_back(std::move(e));
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    return events;
  }

  Result<AuditChainReport> VerifyAuditChain() override {
    MutexLock lock(mu_);
    // One read transaction: the events and the head from the same snapshot, even while
    // another process appends.
    SAMSPILL_RETURN_IF_ERROR(ExecSql(db_, "BEGIN"));
    Result<AuditChainReport> report = VerifyAuditChainLocked();
    ExecSql(db_, "COMMIT");
    return report;
  }

 private:
  Result<AuditChainReport> VerifyAuditChainLocked() SAMSPILL_REQUIRES(mu_) {
    SqliteStatement rows(cache_, std::string("SELECT ") + kAuditRowColumns +
                                     ", prev_hash, hash FROM audit_events ORDER BY id");
    SqliteStatement by_hash(cache_, "SELECT id FROM audit_events WHERE hash = ? LIMIT 1");
    SqliteStatement head(cache_, "SELECT last_id, hash FROM audit_head WHERE id = 1");
    SAMSPILL_RETURN_IF_ERROR(rows.status());
    SAMSPILL_RETURN_IF_ERROR(by_hash.status());
    SAMSPILL_RETURN_IF_ERROR(head.status());
    AuditChainVerifier verifier([&by_hash](std::string_view hash) -> std::optional<int64_t> {
      by_hash.Reset();
      by_hash.Bind(1, hash);
      Status ignored;  // a failed lookup only makes the report say "prev_hash" not "order"
      if (by_hash.Step(&ignored)) return by_hash.ColumnInt(0);
      return std::nullopt;
    });
    Status status;
    StoredAuditRow row;
    while (rows.Step(&status)) {
      ReadAuditRow(rows, row);
      row.prev_hash = rows.ColumnText(9);
      row.hash = rows.ColumnText(10);
      verifier.Add(row);
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    std::optional<AuditHead> recorded;
    if (head.Step(&status)) recorded = AuditHead{head.ColumnInt(0), head.ColumnText(1)};
    SAMSPILL_RETURN_IF_ERROR(status);
    return verifier.Finish(recorded);
  }

  Result<int> ReadUserVersion() SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(cache_, "PRAGMA user_version");
    Status status;
    if (!stmt.Step(&status)) return status.ok() ? Internal("no user_version") : status;
    return static_cast<int>(stmt.ColumnInt(0));
  }

  Status UpdatePasswordLocked(int64_t id, std::string_view password_hash) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement update(cache_, "UPDATE users SET password_hash = ? WHERE id = ?");
    SAMSPILL_RETURN_IF_ERROR(update.Bind(1, password_hash).Bind(2, id).Run());
    if (sqlite3_changes(db_) == 0) return NotFound("no user with id " + std::to_string(id));
    return Status::Ok();
  }

  // Ends the user's sessions but the one with `except_token_hash`; returns how many ended.
  Result<int64_t> DeleteSessionsOfUserLocked(int64_t user_id, std::string_view except_token_hash)
      SAMSPILL_REQUIRES(mu_) {
    SqliteStatement del(cache_, "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
    SAMSPILL_RETURN_IF_ERROR(del.Bind(1, user_id).Bind(2, except_token_hash).Run());
    return static_cast<int64_t>(sqlite3_changes(db_));
  }

  Result<User> FindUserLocked(std::string_view where, std::optional<int64_t> id,
                              std::string_view name) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(
        cache_, "SELECT " + std::string(kUserColumns) + " FROM users WHERE " + std::string(where));
    if (id) {
      stmt.Bind(1, *id);
    } else {
      stmt.Bind(1, name);
    }
    Status status;
    if (!stmt.Step(&status)) return status.ok() ? NotFound("no such user") : status;
    return ReadUser(stmt);
  }

  Result<Organisation> FindOrganisationLocked(int64_t id) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(cache_,
                         "SELECT id, org_number, name, kind, created_at FROM organisations "
                         "WHERE id = ?");
    stmt.Bind(1, id);
    Status status;
    if (!stmt.Step(&status)) return status.ok() ? NotFound("no such organisation") : status;
    return ReadOrganisation(stmt);
  }

  Result<StoredTender> FindTenderLocked(int64_t id) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(cache_,
                         "SELECT " + std::string(kTenderColumns) + " FROM tenders WHERE id = ?");
    stmt.Bind(1, id);
    Status status;
    if (!stmt.Step(&status)) {
      return status.ok() ? NotFound("no tender with id " + std::to_string(id)) : status;
    }
    return ReadTender(stmt);
  }

  Result<std::vector<StoredBid>> ListBidsLocked(int64_t tender_id, bool with_content)
      SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(cache_, "SELECT " + BidColumns(with_content) +
                                     " FROM bids WHERE tender_id = ? ORDER BY id");
    stmt.Bind(1, tender_id);
    return ReadRows<StoredBid>(stmt, &ReadBid);
  }

  static void BindOptionalText(SqliteStatement& stmt, int index,
                               const std::optional<std::string>& value) {
    if (value) {
      stmt.Bind(index, std::string_view(*value));
    } else {
      stmt.BindNull(index);
    }
  }

  // ---- portfolio ----

  Result<std::vector<StoredProject>> CreateProjects(const std::vector<StoredProject>& projects,
                                                    const AuditEvent& audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    std::vector<StoredProject> created;
    for (const StoredProject& p : projects) {
      SqliteStatement insert(cache_,
                             "INSERT INTO portfolio_projects (name, area, kind, status, "
                             "registered_by_user_id, merged_into, document_json, version, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
      insert.Bind(1, p.name)
          .Bind(2, p.area)
          .Bind(3, int64_t{p.kind})
          .Bind(4, int64_t{p.status})
          .Bind(5, p.registered_by_user_id)
          .Bind(6, p.merged_into)
          .Bind(7, p.document_json)
          .Bind(8, audit.at.ToIso())
          .Bind(9, audit.at.ToIso());
      Status status = insert.Run();
      if (status.code() == StatusCode::kConflict) {
        return Conflict("project '" + p.name +
                        "' breaks a rule of the register: " + status.message());
      }
      SAMSPILL_RETURN_IF_ERROR(status);
      const int64_t id = sqlite3_last_insert_rowid(db_);
      SAMSPILL_RETURN_IF_ERROR(InsertRevision(id, 1, audit, p.document_json));
      AuditEvent event = audit;
      event.entity_id = std::to_string(id);
      SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
      SAMSPILL_ASSIGN_OR_RETURN(StoredProject stored, FindProjectLocked(id));
      created.push_back(std::move(stored));
    }
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return created;
  }

  Result<StoredProject> FindProject(int64_t id) override {
    MutexLock lock(mu_);
    return FindProjectLocked(id);
  }

  Result<std::vector<StoredProject>> ListProjects() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(
        cache_, "SELECT " + std::string(kProjectColumns) + " FROM portfolio_projects ORDER BY id");
    return ReadRows<StoredProject>(stmt, &ReadProject);
  }

  Result<std::vector<StoredProject>> UpdateProjects(const std::vector<ProjectUpdate>& updates,
                                                    const AuditEvent& audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    std::vector<StoredProject> out;
    for (const ProjectUpdate& u : updates) {
      SqliteStatement update(cache_,
                             "UPDATE portfolio_projects SET name = ?, area = ?, kind = ?, "
                             "status = ?, merged_into = ?, document_json = ?, "
                             "version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
      update.Bind(1, u.name)
          .Bind(2, u.area)
          .Bind(3, int64_t{u.kind})
          .Bind(4, int64_t{u.status})
          .Bind(5, u.merged_into)
          .Bind(6, u.document_json)
          .Bind(7, audit.at.ToIso())
          .Bind(8, u.id)
          .Bind(9, u.expected_version);
      SAMSPILL_RETURN_IF_ERROR(update.Run());
      if (sqlite3_changes(db_) == 0) {
        SAMSPILL_ASSIGN_OR_RETURN(StoredProject current, FindProjectLocked(u.id));
        return Conflict("project " + std::to_string(u.id) +
                        " was changed by someone else (version " + std::to_string(current.version) +
                        ", not " + std::to_string(u.expected_version) + "); reload and try again");
      }
      SAMSPILL_RETURN_IF_ERROR(
          InsertRevision(u.id, u.expected_version + 1, audit, u.document_json));
      AuditEvent event = audit;
      event.entity_id = std::to_string(u.id);
      SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
      SAMSPILL_ASSIGN_OR_RETURN(StoredProject stored, FindProjectLocked(u.id));
      out.push_back(std::move(stored));
    }
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return out;
  }

  Result<std::vector<ProjectRevision>> ListProjectRevisions(int64_t project_id) override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_,
                         "SELECT project_id, version, at, user_id, actor, action, document_json "
                         "FROM portfolio_project_revisions WHERE project_id = ? ORDER BY version");
    stmt.Bind(1, project_id);
    std::vector<ProjectRevision> out;
    Status status;
    while (stmt.Step(&status)) {
      ProjectRevision r;
      r.project_id = stmt.ColumnInt(0);
      r.version = stmt.ColumnInt(1);
      SAMSPILL_ASSIGN_OR_RETURN(r.at, ReadTime(stmt.ColumnText(2)));
      if (!stmt.ColumnIsNull(3)) r.user_id = stmt.ColumnInt(3);
      r.actor = stmt.ColumnText(4);
      r.action = stmt.ColumnText(5);
      r.document_json = stmt.ColumnText(6);
      out.push_back(std::move(r));
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    return out;
  }

  Status SetAreaAssignment(int64_t user_id, std::string_view area, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    if (area.empty()) {
      SqliteStatement remove(cache_, "DELETE FROM portfolio_area_assignments WHERE user_id = ?");
      SAMSPILL_RETURN_IF_ERROR(remove.Bind(1, user_id).Run());
    } else {
      SqliteStatement upsert(cache_,
                             "INSERT INTO portfolio_area_assignments (user_id, area) VALUES (?, ?) "
                             "ON CONFLICT (user_id) DO UPDATE SET area = excluded.area");
      Status status = upsert.Bind(1, user_id).Bind(2, area).Run();
      if (status.code() == StatusCode::kConflict) {
        return Conflict("no user with id " + std::to_string(user_id));
      }
      SAMSPILL_RETURN_IF_ERROR(status);
    }
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(user_id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    return tx.Commit();
  }

  Result<std::vector<AreaAssignment>> ListAreaAssignments() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_,
                         "SELECT user_id, area FROM portfolio_area_assignments ORDER BY user_id");
    std::vector<AreaAssignment> out;
    Status status;
    while (stmt.Step(&status)) out.push_back({stmt.ColumnInt(0), stmt.ColumnText(1)});
    SAMSPILL_RETURN_IF_ERROR(status);
    return out;
  }

  Result<std::vector<StoredIndicator>> SaveIndicators(
      const std::vector<StoredIndicator>& indicators, const AuditEvent& audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    std::vector<StoredIndicator> out;
    for (const StoredIndicator& ind : indicators) {
      SqliteStatement upsert(
          cache_,
          "INSERT INTO portfolio_indicators (category, name, document_json, version, created_at, "
          "updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (category, name) DO UPDATE SET "
          "document_json = excluded.document_json, version = version + 1, "
          "updated_at = excluded.updated_at");
      upsert.Bind(1, ind.category)
          .Bind(2, ind.name)
          .Bind(3, ind.document_json)
          .Bind(4, audit.at.ToIso())
          .Bind(5, audit.at.ToIso());
      SAMSPILL_RETURN_IF_ERROR(upsert.Run());
      SqliteStatement find(cache_,
                           "SELECT id FROM portfolio_indicators WHERE category = ? AND name = ?");
      find.Bind(1, ind.category).Bind(2, ind.name);
      Status status;
      if (!find.Step(&status)) return status.ok() ? Internal("saved indicator not found") : status;
      const int64_t id = find.ColumnInt(0);
      AuditEvent event = audit;
      event.entity_id = std::to_string(id);
      SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
      SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator stored, FindIndicatorLocked(id));
      out.push_back(std::move(stored));
    }
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return out;
  }

  Result<StoredIndicator> FindIndicator(int64_t id) override {
    MutexLock lock(mu_);
    return FindIndicatorLocked(id);
  }

  Result<std::vector<StoredIndicator>> ListIndicators() override {
    MutexLock lock(mu_);
    SqliteStatement stmt(cache_, "SELECT " + std::string(kIndicatorColumns) +
                                     " FROM portfolio_indicators ORDER BY id");
    return ReadRows<StoredIndicator>(stmt, &ReadIndicator);
  }

  Result<StoredIndicator> UpdateIndicator(const IndicatorUpdate& u, AuditEvent audit) override {
    MutexLock lock(mu_);
    SqliteTransaction tx(db_);
    SAMSPILL_RETURN_IF_ERROR(tx.status());
    SqliteStatement update(cache_,
                           "UPDATE portfolio_indicators SET document_json = ?, "
                           "version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
    update.Bind(1, u.document_json)
        .Bind(2, audit.at.ToIso())
        .Bind(3, u.id)
        .Bind(4, u.expected_version);
    SAMSPILL_RETURN_IF_ERROR(update.Run());
    if (sqlite3_changes(db_) == 0) {
      SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator current, FindIndicatorLocked(u.id));
      return Conflict("the indicator was changed by someone else (version " +
                      std::to_string(current.version) + ", not " +
                      std::to_string(u.expected_version) + "); reload and try again");
    }
    if (audit.entity_id.empty()) audit.entity_id = std::to_string(u.id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
    SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator updated, FindIndicatorLocked(u.id));
    SAMSPILL_RETURN_IF_ERROR(tx.Commit());
    return updated;
  }

  Result<StoredProject> FindProjectLocked(int64_t id) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(
        cache_, "SELECT " + std::string(kProjectColumns) + " FROM portfolio_projects WHERE id = ?");
    stmt.Bind(1, id);
    Status status;
    if (!stmt.Step(&status)) {
      SAMSPILL_RETURN_IF_ERROR(status);
      return NotFound("no project with id " + std::to_string(id));
    }
    return ReadProject(stmt);
  }

  Result<StoredIndicator> FindIndicatorLocked(int64_t id) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement stmt(cache_, "SELECT " + std::string(kIndicatorColumns) +
                                     " FROM portfolio_indicators WHERE id = ?");
    stmt.Bind(1, id);
    Status status;
    if (!stmt.Step(&status)) {
      SAMSPILL_RETURN_IF_ERROR(status);
      return NotFound("no indicator with id " + std::to_string(id));
    }
    return ReadIndicator(stmt);
  }

  Status InsertRevision(int64_t project_id, int64_t version, const AuditEvent& audit,
                        const std::string& document_json) SAMSPILL_REQUIRES(mu_) {
    SqliteStatement insert(cache_,
                           "INSERT INTO portfolio_project_revisions (project_id, version, at, "
                           "user_id, actor, action, document_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.Bind(1, project_id)
        .Bind(2, version)
        .Bind(3, audit.at.ToIso())
        .Bind(4, audit.actor_user_id)
        .Bind(5, audit.actor.empty() ? std::string_view("system") : std::string_view(audit.actor))
        .Bind(6, audit.action)
        .Bind(7, document_json);
    return insert.Run();
  }

  // The one place an audit event is written: it links the event to the chain's head and moves
  // the head, inside the caller's write transaction. BEGIN IMMEDIATE (SqliteTransaction) holds
  // SQLite's write lock from the start, so no other connection or process can append between
  // reading the head and writing the event: concurrent writers cannot fork the chain.
  Status InsertAudit(const AuditEvent& e) SAMSPILL_REQUIRES(mu_) {
    if (e.action.empty() || e.entity_type.empty()) {
      return Internal("an audit event needs an action and an entity type");
    }
    if (sqlite3_get_autocommit(db_)) {
      return Internal("an audit event is appended only inside a write transaction");
    }
    StoredAuditRow row;
    row.prev_hash = std::string(kAuditGenesisHash);
    int64_t last_id = 0;
    Status status;
    SqliteStatement head(cache_, "SELECT last_id, hash FROM audit_head WHERE id = 1");
    if (head.Step(&status)) {
      last_id = head.ColumnInt(0);
      row.prev_hash = head.ColumnText(1);
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    // Ids continue after the head even when the newest rows were deleted behind our back, so
    // the deletion stays visible as a gap instead of being papered over by a reused id.
    SqliteStatement max_id(cache_, "SELECT coalesce(max(id), 0) FROM audit_events");
    if (!max_id.Step(&status)) return status.ok() ? Internal("max(id) returned no row") : status;
    row.id = std::max(last_id, max_id.ColumnInt(0)) + 1;
    row.at = e.at.ToIso();
    row.actor_user_id = e.actor_user_id;
    row.actor = e.actor.empty() ? "system" : e.actor;
    row.action = e.action;
    row.entity_type = e.entity_type;
    row.entity_id = e.entity_id;
    row.before_json = e.before_json;
    row.after_json = e.after_json;
    row.hash = AuditEventHash(row);
    SqliteStatement insert(cache_, InsertAuditRowSql("audit_events"));
    SAMSPILL_RETURN_IF_ERROR(BindAuditRow(insert, row).Run());
    SqliteStatement move_head(cache_,
                              "INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?) "
                              "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, "
                              "hash = excluded.hash");
    return move_head.Bind(1, row.id).Bind(2, row.hash).Run();
  }

  Mutex mu_;
  sqlite3* const db_ SAMSPILL_GUARDED_BY(mu_);
  StatementCache cache_ SAMSPILL_GUARDED_BY(mu_);  // of db_; cleared before db_ closes
};

}  // namespace

int SqliteLatestSchemaVersion() { return SqliteMigrations().back().version; }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options) {
  sqlite3* db = nullptr;
  // NOMUTEX: SqliteStore holds its own mutex around every use of the connection, so SQLite's
  // per-call locking would only add a second, always uncontended lock to every bind and read.
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        "cannot open database '" + path + "': " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return Unavailable(message);
  }
  auto store = std::make_unique<SqliteStore>(db);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  // journal_mode returns a row; ":memory:" stays "memory", which is fine for tests.
  Status status = ExecSql(db, "PRAGMA journal_mode = WAL");
  if (status.ok()) status = ExecSql(db, "PRAGMA foreign_keys = ON");
  if (status.ok()) status = ExecSql(db, "PRAGMA synchronous = NORMAL");
  if (!status.ok()) {
    return Unavailable("cannot use database '" + path + "': " + status.message());
  }
  SAMSPILL_RETURN_IF_ERROR(store->Migrate());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace samspill::store
