// The SQLite schema as an ordered list of migrations, compiled into the binary.
// Migration i (1-based) brings the database from user_version i−1 to i. Never edit a
// migration that has shipped; add a new one.
#pragma once

#include <span>
#include <string_view>

namespace samspill::store {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
  // A migration that rebuilds a table other tables refer to (SQLite cannot change a CHECK
  // constraint in place) runs with foreign keys off, as SQLite's documented procedure asks;
  // the runner then checks every foreign key before it commits.
  bool rebuilds_tables = false;
};

std::span<const Migration> SqliteMigrations();

}  // namespace samspill::store
