#include "store/sqlite/sqlite_connection.h"

namespace samspill::store {

Status SqliteError(sqlite3* db, int rc, std::string_view context) {
  std::string message =
      std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return Conflict(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable(message);
    default:
      return Internal(message);
  }
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if (rc != SQLITE_OK) status_ = SqliteError(db, rc, "preparing statement");
}

SqliteStatement::SqliteStatement(StatementCache& cache, std::string_view sql)
    : db_(cache.db()), cache_(&cache) {
  int rc = SQLITE_OK;
  stmt_ = cache.Borrow(sql, &rc);
  if (rc != SQLITE_OK) {
    status_ = SqliteError(db_, rc, "preparing statement");
    return;
  }
  sql_.assign(sql);
}

SqliteStatement::~SqliteStatement() {
  if (cache_ && stmt_) {
    cache_->GiveBack(sql_, stmt_);
  } else {
    sqlite3_finalize(stmt_);
  }
}

sqlite3_stmt* StatementCache::Borrow(std::string_view sql, int* rc) {
  // Heterogeneous lookup needs C++20's transparent hashing; a std::string key costs one
  // small allocation, far less than a parse.
  auto it = idle_.find(std::string(sql));
  if (it != idle_.end() && !it->second.empty()) {
    sqlite3_stmt* stmt = it->second.back();
    it->second.pop_back();
    *rc = SQLITE_OK;
    return stmt;
  }
  sqlite3_stmt* stmt = nullptr;
  *rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &stmt, nullptr);
  if (*rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return nullptr;
  }
  return stmt;
}

void StatementCache::GiveBack(std::string_view sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  auto it = idle_.find(std::string(sql));
  if (it == idle_.end()) {
    if (idle_.size() >= max_texts_) {
      sqlite3_finalize(stmt);
      return;
    }
    it = idle_.emplace(std::string(sql), std::vector<sqlite3_stmt*>{}).first;
  }
  // More than a few idle copies of one text means a deep nesting that will not recur.
  if (it->second.size() >= 4) {
    sqlite3_finalize(stmt);
    return;
  }
  it->second.push_back(stmt);
}

void StatementCache::Clear() {
  for (auto& [sql, stmts] : idle_) {
    for (sqlite3_stmt* stmt : stmts) sqlite3_finalize(stmt);
  }
  idle_.clear();
}

size_t StatementCache::kept() const {
  size_t n = 0;
  for (const auto& [sql, stmts] : idle_) n += stmts.size();
  return n;
}

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, std::string_view value) {
  if (stmt_) {
    sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  return *this;
}

SqliteStatement& SqliteStatement::BindNull(int index) {
  if (stmt_) sqlite3_bind_null(stmt_, index);
  return *this;
}

SqliteStatement& SqliteStatement::Bind(int index, const std::optional<int64_t>& value) {
  return value ? Bind(index, *value) : BindNull(index);
}

bool SqliteStatement::Step(Status* out) {
  if (!status_.ok()) {
    *out = status_;
    return false;
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *out = SqliteError(db_, rc, "executing statement");
  return false;
}

Status SqliteStatement::Run() {
  Status status;
  while (Step(&status)) {
  }
  return status;
}

int64_t SqliteStatement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string SqliteStatement::ColumnText(int col) const {
  const unsigned char* text = sqlite3_column_text(stmt_, col);
  if (!text) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

bool SqliteStatement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

Status ExecSql(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    Status base = SqliteError(nullptr, rc, "");
    return Status(base.code(), message);
  }
  return Status::Ok();
}

SqliteTransaction::SqliteTransaction(sqlite3* db) : db_(db) {
  status_ = ExecSql(db_, "BEGIN IMMEDIATE");
  open_ = status_.ok();
}

SqliteTransaction::~SqliteTransaction() {
  if (open_) ExecSql(db_, "ROLLBACK");
}

Status SqliteTransaction::Commit() {
  if (!open_) return status_.ok() ? Internal("transaction already finished") : status_;
  Status status = ExecSql(db_, "COMMIT");
  if (status.ok()) open_ = false;
  return status;
}

}  // namespace samspill::store
