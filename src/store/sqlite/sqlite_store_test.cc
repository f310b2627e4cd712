#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "store/sqlite/sqlite_migrations.h"
#include "store/store_conformance_test.h"

namespace samspill::store {
namespace {

std::unique_ptr<Store> MakeMemorySqlite() {
  auto store = OpenSqliteStore(":memory:");
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(store).value() : nullptr;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformanceTest,
                         testing::Values(StoreFactory{"sqlite", &MakeMemorySqlite}));

class SqliteFileTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("samspill-store-" + std::to_string(::getpid()) + "-" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Pragma(const std::string& name) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &stmt, nullptr);
    std::string value;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteFileTest, UsesWalAndMigratesToLatest) {
  ASSERT_TRUE(OpenSqliteStore(path_).ok());
  EXPECT_EQ(Pragma("journal_mode"), "wal");
  EXPECT_EQ(Pragma("user_version"), std::to_string(SqliteLatestSchemaVersion()));
}

TEST_F(SqliteFileTest, DataSurvivesReopen) {
  {
    auto store = std::move(OpenSqliteStore(path_)).value();
    AuditEvent e{.at = *ParseIsoTimestamp("2025-01-01T00:00:00Z"),
                 .action = "user.create",
                 .entity_type = "user"};
    ASSERT_TRUE(store->CreateUser({"ola", "Ola", Role::kAuditor, "h"}, e).ok());
  }
  auto store = std::move(OpenSqliteStore(path_)).value();
  EXPECT_EQ(store->FindUserByUsername("ola")->display_name, "Ola");
}

// A database written by the release before migration 4 (roles 1–7 only) keeps its users and
// their sessions through the table rebuild, takes the new roles, and enforces foreign keys still.
TEST_F(SqliteFileTest, MigratesAVersion3DatabaseWithItsUsersAndSessions) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    for (const Migration& m : SqliteMigrations()) {
      if (m.version > 3) break;
      ASSERT_EQ(sqlite3_exec(db, std::string(m.sql).c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
          << "migration " << m.version;
    }
    const char* rows =
        "INSERT INTO users (id, username, display_name, role, password_hash, created_at) "
        "VALUES (7, 'ola', 'Ola', 5, 'h', '2025-01-01T00:00:00Z');"
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
        "VALUES ('tok', 7, 'c', '2025-01-01T00:00:00Z', '2999-01-01T00:00:00Z');"
        "PRAGMA user_version = 3;";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  Result<std::unique_ptr<Store>> opened = OpenSqliteStore(path_);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Store& store = **opened;
  EXPECT_EQ(store.SchemaVersion(), SqliteLatestSchemaVersion());
  Result<User> ola = store.FindUserByUsername("ola");
  ASSERT_TRUE(ola.ok());
  EXPECT_EQ(ola->id, 7);
  EXPECT_EQ(ola->role, Role::kUnionRepresentative);
  EXPECT_EQ(store.FindSession("tok")->user_id, 7);
  AuditEvent e{.at = *ParseIsoTimestamp("2025-01-02T00:00:00Z"),
               .action = "user.create",
               .entity_type = "user"};
  EXPECT_TRUE(store.CreateUser({"per", "Per", Role::kPolitician, "h"}, e).ok());
  Session orphan{"x", 999, "c", e.at, e.at};
  EXPECT_FALSE(store.CreateSession(orphan, e).ok()) << "foreign keys are off after the rebuild";
}

TEST_F(SqliteFileTest, RefusesDatabaseFromNewerVersion) {
  ASSERT_TRUE(OpenSqliteStore(path_).ok());
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  std::string sql = "PRAGMA user_version = " + std::to_string(SqliteLatestSchemaVersion() + 1);
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);

  auto store = OpenSqliteStore(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("newer samspill"), std::string::npos);
}

TEST_F(SqliteFileTest, AuditEventsCannotBeRewritten) {
  {
    auto store = std::move(OpenSqliteStore(path_)).value();
    AuditEvent e{
        .at = *ParseIsoTimestamp("2025-01-01T00:00:00Z"), .action = "x", .entity_type = "y"};
    ASSERT_TRUE(store->AppendAudit(e).ok());
  }
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  EXPECT_NE(
      sqlite3_exec(db, "UPDATE audit_events SET actor = 'mallory'", nullptr, nullptr, nullptr),
      SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_events", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST_F(SqliteFileTest, NotADatabaseGivesClearError) {
  {
    std::FILE* f = std::fopen(path_.c_str(), "w");
    std::fputs("this is a text file, not a database, and it is long enough to have a header", f);
    std::fclose(f);
  }
  auto store = OpenSqliteStore(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path_), std::string::npos);
}

}  // namespace
}  // namespace samspill::store
