// SqliteStore: the embedded SQLite backend of Store.
//
// One database file in WAL mode with foreign keys on. Migrations are compiled into the
// binary (sqlite_migrations.cc) and applied at open, each in its own transaction; a
// database written by a newer samspill (higher PRAGMA user_version) is refused.
// Thread-safe: one connection, every call serialised by a mutex. SQLite allows one writer
// at a time anyway; readers can get their own connections when load asks for it.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "store/store.h"

namespace samspill::store {

struct SqliteOptions {
  int busy_timeout_ms = 5000;  // wait this long for a lock held by another process
};

// Opens (creating if missing) and migrates the database at `path` (":memory:" works).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options = {});

// The schema version this binary writes.
int SqliteLatestSchemaVersion();

}  // namespace samspill::store
