// SqliteStore: opening the database, its migrations and schema version (the class and the
// other files are described in sqlite_store_impl.h).

#include "store/sqlite/sqlite_store.h"

#include <memory>

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {

Result<Timestamp> ReadTime(const std::string& text) {
  auto t = ParseIsoTimestamp(text);
  if (!t.ok()) return Internal("stored time is corrupt: " + t.status().message());
  return *t;
}

SqliteStore::~SqliteStore() {
  cache_.Clear();
  sqlite3_close_v2(db_);
}

Status SqliteStore::Migrate() {
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

Status SqliteStore::Apply(const Migration& m) {
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

int SqliteStore::SchemaVersion() {
  MutexLock lock(mu_);
  auto v = ReadUserVersion();
  return v.ok() ? *v : -1;
}

Result<int> SqliteStore::ReadUserVersion() {
  SqliteStatement stmt(cache_, "PRAGMA user_version");
  Status status;
  if (!stmt.Step(&status)) return status.ok() ? Internal("no user_version") : status;
  return static_cast<int>(stmt.ColumnInt(0));
}

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
