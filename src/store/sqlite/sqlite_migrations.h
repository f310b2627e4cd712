// The SQLite schema as an ordered list of migrations, compiled into the binary.
// Migration i (1-based) brings the database from user_version i−1 to i. Never edit a
// migration that has shipped; add a new one.
#pragma once

#include <sqlite3.h>

#include <span>
#include <string_view>

#include "common/status.h"

namespace samspill::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
  // A migration that rebuilds a table other tables refer to (SQLite cannot change a CHECK
  // constraint in place) runs with foreign keys off, as SQLite's documented procedure asks;
  // the runner then checks every foreign key before it commits.
  bool rebuilds_tables = false;
  // Work SQL cannot do (computing hashes), run after `sql` in the same transaction, then
  // `sql_after`: a migration can build a new table in `sql`, fill it in C++, and swap it in.
  Status (*fill)(sqlite3* db) = nullptr;
  std::string_view sql_after = {};
};

std::span<const Migration> SqliteMigrations();

}  // namespace samspill::store
