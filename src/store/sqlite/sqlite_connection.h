// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement, and a
// transaction guard that rolls back unless committed. Not thread-safe: SqliteStore
// serialises access.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace samspill::store {

// A connection's prepared statements, kept for reuse. Preparing (parsing and planning) costs
// more than running the small queries a page makes, so the store borrows a prepared statement
// by its SQL text and gives it back reset and unbound. A statement borrowed twice at once
// (a nested query with the same text) is prepared a second time. At most `max_texts` distinct
// texts are kept; the store's SQL is a fixed set, so the bound is never reached in practice.
// Not thread-safe: SqliteStore serialises access.
class StatementCache {
 public:
  explicit StatementCache(sqlite3* db, size_t max_texts = 512) : db_(db), max_texts_(max_texts) {}
  ~StatementCache() { Clear(); }
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  sqlite3* db() const { return db_; }
  // A prepared statement for `sql` (SQLITE_OK in *rc) or nullptr with SQLite's code in *rc.
  sqlite3_stmt* Borrow(std::string_view sql, int* rc);
  // Resets `stmt`, clears its bindings and keeps it for the next Borrow of `sql`.
  void GiveBack(std::string_view sql, sqlite3_stmt* stmt);
  // Finalises every kept statement (before the connection closes).
  void Clear();
  size_t kept() const;

 private:
  sqlite3* db_;
  size_t max_texts_;
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>> idle_;
};

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  // Borrows the statement from `cache` and gives it back on destruction.
  SqliteStatement(StatementCache& cache, std::string_view sql);
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
  StatementCache* cache_ = nullptr;
  std::string sql_;  // the cache's key, when borrowed
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
