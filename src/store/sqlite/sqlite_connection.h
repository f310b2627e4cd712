// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement, and a
// transaction guard that rolls back unless committed. Not thread-safe: SqliteStore
// serialises access.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill::store {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  const Status& status() const { return status_; }  // preparation error, if any

  // Parameters are 1-based as in SQLite.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, std::string_view value);
  SqliteStatement& BindNull(int index);
  SqliteStatement& Bind(int index, const std::optional<int64_t>& value);

  // Steps once: true when a row is available, false when done; errors in `out`.
  bool Step(Status* out);
  // Runs to completion (for statements that return no rows).
  Status Run();
  // Makes the statement ready to bind and run again (bindings are replaced by the next Bind).
  void Reset() { sqlite3_reset(stmt_); }

  int64_t ColumnInt(int col) const;
  std::string ColumnText(int col) const;
  bool ColumnIsNull(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

// Maps a SQLite result code (and the connection's message) to a Status: constraint
// violations become kConflict, busy/locked kUnavailable, the rest kInternal.
Status SqliteError(sqlite3* db, int rc, std::string_view context);

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit() succeeded.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(sqlite3* db);
  ~SqliteTransaction();
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  const Status& status() const { return status_; }
  Status Commit();

 private:
  sqlite3* db_;
  Status status_;
  bool open_ = false;
};

Status ExecSql(sqlite3* db, const std::string& sql);

}  // namespace samspill::store
