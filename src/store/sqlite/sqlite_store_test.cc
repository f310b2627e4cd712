#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "store/audit_chain.h"
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

// Migration i brings the database to user_version i: a number given twice would skip the
// second migration on every database already at that number.
TEST(SqliteMigrationsTest, AreNumberedOneToLatestWithoutGaps) {
  int expected = 1;
  for (const Migration& m : SqliteMigrations()) EXPECT_EQ(m.version, expected++) << m.description;
}

// The postal address once shipped as a second migration 7: a version-7 database may or may not
// have the column, and both open at the latest version with it.
TEST_F(SqliteFileTest, AVersion7DatabaseGetsTheAddressWhetherOrNotItHadIt) {
  for (bool had_column : {true, false}) {
    std::filesystem::remove(path_);
    ASSERT_TRUE(OpenSqliteStore(path_).ok());
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string sql = had_column ? "" : "ALTER TABLE organisations DROP COLUMN address;";
    sql +=
        "DROP TABLE decision_cases; DROP TABLE strategy_documents; DROP TABLE plan_versions; "
        "PRAGMA user_version = 7;";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
    Result<std::unique_ptr<Store>> store = OpenSqliteStore(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->SchemaVersion(), SqliteLatestSchemaVersion());
    AuditEvent e{.at = *ParseIsoTimestamp("2025-01-01T00:00:00Z"),
                 .action = "organisation.create",
                 .entity_type = "organisation"};
    Result<Organisation> org = (*store)->CreateOrganisation({.org_number = "942110464",
                                                             .name = "Trondheim kommune",
                                                             .kind = OrganisationKind::kBuyer,
                                                             .address = "Postboks 2300"},
                                                            e);
    ASSERT_TRUE(org.ok()) << org.status().ToString() << (had_column ? " (had it)" : "");
    EXPECT_EQ((*store)->FindOrganisationById(org->id)->address, "Postboks 2300");
  }
}

// A database from before migration 11 keeps its users and decision cases and gains the
// strategy's tables, which then store documents and plan versions.
TEST_F(SqliteFileTest, MigratesAVersion10DatabaseKeepingItsDataAndAddingTheStrategy) {
  const AuditEvent e{.at = *ParseIsoTimestamp("2026-01-01T00:00:00Z"),
                     .action = "user.create",
                     .entity_type = "user"};
  int64_t case_id = 0;
  {
    auto store = std::move(OpenSqliteStore(path_)).value();
    ASSERT_TRUE(store->CreateUser({"ola", "Ola", Role::kProcurementOfficer, "h"}, e).ok());
    StoredDecisionCase c;
    c.title = "Drift av bofellesskap";
    c.service_area = "Bo- og aktivitetstilbud";
    c.document_json = "{}";
    Result<StoredDecisionCase> created = store->CreateDecisionCase(c, e);
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    case_id = created->id;
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const char* back_to_10 =
        "DROP TABLE strategy_documents; DROP TABLE plan_versions; PRAGMA user_version = 10;";
    ASSERT_EQ(sqlite3_exec(db, back_to_10, nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  Result<std::unique_ptr<Store>> opened = OpenSqliteStore(path_);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  Store& store = **opened;
  EXPECT_EQ(store.SchemaVersion(), SqliteLatestSchemaVersion());
  EXPECT_EQ(store.FindUserByUsername("ola")->display_name, "Ola");
  EXPECT_EQ(store.FindDecisionCase(case_id)->title, "Drift av bofellesskap");
  EXPECT_EQ(store.ListAudit({})->size(), 2u);
  EXPECT_TRUE(store.VerifyAuditChain()->intact());
  EXPECT_TRUE(store
                  .PutStrategyDocument(
                      kStrategyRegisterKind, "", "{}", 0, std::nullopt, e.at,
                      {.at = e.at, .action = "strategy.register.save", .entity_type = "strategy"})
                  .ok());
  StoredPlanVersion first{.number = 1, .published_at = e.at, .document_json = "{}"};
  EXPECT_TRUE(store
                  .AppendPlanVersion(
                      first, {.at = e.at, .action = "strategy.plan.publish", .entity_type = "plan"})
                  .ok());
  EXPECT_EQ(store.ListPlanVersions()->size(), 1u);
}

// What was published stays as published, even for someone with the database file: the table
// refuses changes, removals and numbers out of sequence.
TEST_F(SqliteFileTest, PublishedPlanVersionsCannotBeRewritten) {
  {
    auto store = std::move(OpenSqliteStore(path_)).value();
    const Timestamp at = *ParseIsoTimestamp("2026-01-01T00:00:00Z");
    StoredPlanVersion first{.number = 1, .published_at = at, .document_json = "{\"v\":1}"};
    ASSERT_TRUE(store
                    ->AppendPlanVersion(
                        first, {.at = at, .action = "strategy.plan.publish", .entity_type = "plan"})
                    .ok());
  }
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  EXPECT_NE(
      sqlite3_exec(db, "UPDATE plan_versions SET document_json = '{}'", nullptr, nullptr, nullptr),
      SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM plan_versions", nullptr, nullptr, nullptr), SQLITE_OK);
  const char* gap =
      "INSERT INTO plan_versions (number, published_at, document_json) "
      "VALUES (3, '2026-01-02T00:00:00Z', '{}')";
  EXPECT_NE(sqlite3_exec(db, gap, nullptr, nullptr, nullptr), SQLITE_OK);
  const char* next =
      "INSERT INTO plan_versions (number, published_at, document_json) "
      "VALUES (2, '2026-01-02T00:00:00Z', '{}')";
  EXPECT_EQ(sqlite3_exec(db, next, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  const char* bad_kind =
      "INSERT INTO strategy_documents (kind, key, document_json, version, updated_at) "
      "VALUES ('budget', '', '{}', 1, '2026-01-02T00:00:00Z')";
  EXPECT_NE(sqlite3_exec(db, bad_kind, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
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

// The finding this guards against: with the append-only triggers dropped and recreated in one
// transaction, an edited, re-attributed, deleted or reordered event used to go unnoticed.
class SqliteAuditChainTest : public SqliteFileTest {
 protected:
  // Six events: 1 user.create, 2 tender.create, 3 and 4 bid.submit, 5 tender.cancel with its
  // reason, 6 session.login.
  void SetUp() override {
    SqliteFileTest::SetUp();
    auto store = std::move(OpenSqliteStore(path_)).value();
    AuditEvent e{.at = *ParseIsoTimestamp("2025-01-01T00:00:00Z"),
                 .actor = "admin",
                 .action = "user.create",
                 .entity_type = "user"};
    Result<User> kari = store->CreateUser({"kari", "Kari", Role::kProcurementOfficer, "h"}, e);
    ASSERT_TRUE(kari.ok()) << kari.status().ToString();
    auto append = [&](const char* action, std::string after) {
      AuditEvent event{.at = *ParseIsoTimestamp("2025-01-02T00:00:00Z"),
                       .actor_user_id = kari->id,
                       .actor = "kari",
                       .action = action,
                       .entity_type = "tender",
                       .entity_id = "1",
                       .after_json = std::move(after)};
      ASSERT_TRUE(store->AppendAudit(event).ok());
    };
    append("tender.create", "{}");
    append("bid.submit", R"({"bid_id":1})");
    append("bid.submit", R"({"bid_id":2})");
    append("tender.cancel", R"({"reason":"for få tilbud"})");
    append("session.login", "");
    Result<AuditChainReport> chain = store->VerifyAuditChain();
    ASSERT_TRUE(chain.ok());
    ASSERT_TRUE(chain->intact()) << chain->first_break->message;
    ASSERT_EQ(chain->events_checked, 6);
  }

  // Runs `sql` on the raw file the way an attacker with write access would: the append-only
  // triggers dropped and recreated around it, all in one transaction.
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const std::string all =
        "BEGIN;"
        "DROP TRIGGER audit_events_append_only_update;"
        "DROP TRIGGER audit_events_append_only_delete;" +
        sql +
        ";CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"
        "CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;"
        "COMMIT;";
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  AuditChainReport Verify() {
    auto store = std::move(OpenSqliteStore(path_)).value();
    Result<AuditChainReport> chain = store->VerifyAuditChain();
    EXPECT_TRUE(chain.ok()) << chain.status().ToString();
    return chain.ok() ? *chain : AuditChainReport{};
  }
};

TEST_F(SqliteAuditChainTest, EditedCancellationReasonIsFound) {
  Tamper("UPDATE audit_events SET after_json = '{\"reason\":\"annen grunn\"}' WHERE id = 5");
  AuditChainReport chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->kind, AuditChainBreak::Kind::kContentChanged);
  EXPECT_EQ(chain.first_break->event_id, 5);
  EXPECT_NE(chain.first_break->message.find("hash does not match the event's content"),
            std::string::npos)
      << chain.first_break->message;
}

TEST_F(SqliteAuditChainTest, ChangedActorIsFound) {
  Tamper("UPDATE audit_events SET actor = 'mallory', actor_user_id = NULL WHERE id = 3");
  AuditChainReport chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->kind, AuditChainBreak::Kind::kContentChanged);
  EXPECT_EQ(chain.first_break->event_id, 3);
}

TEST_F(SqliteAuditChainTest, DeletedBidSubmissionIsFound) {
  Tamper("DELETE FROM audit_events WHERE id = 3 AND action = 'bid.submit'");
  AuditChainReport chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->kind, AuditChainBreak::Kind::kEventsMissing);
  EXPECT_EQ(chain.first_break->event_id, 3);
  EXPECT_NE(chain.first_break->message.find("events missing between id 2 and 4"), std::string::npos)
      << chain.first_break->message;
}

// Only the recorded head remembers the newest event; an append after the deletion does not
// reuse its id, so the gap stays visible.
TEST_F(SqliteAuditChainTest, DeletedLastEventIsFoundEvenAfterLaterAppends) {
  Tamper("DELETE FROM audit_events WHERE id = 6");
  AuditChainReport chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->kind, AuditChainBreak::Kind::kEventsMissing);
  EXPECT_EQ(chain.first_break->event_id, 6);
  {
    auto store = std::move(OpenSqliteStore(path_)).value();
    AuditEvent later{
        .at = *ParseIsoTimestamp("2025-01-03T00:00:00Z"), .action = "x", .entity_type = "y"};
    ASSERT_TRUE(store->AppendAudit(later).ok());
    EXPECT_EQ(store->ListAudit({})->back().id, 7);
  }
  chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->event_id, 6);
}

TEST_F(SqliteAuditChainTest, SwappedEventsAreFoundAsReordered) {
  Tamper(
      "CREATE TEMP TABLE swapped AS SELECT * FROM audit_events WHERE id IN (3, 4);"
      "UPDATE audit_events SET (at, actor_user_id, actor, action, entity_type, entity_id, "
      "before_json, after_json, prev_hash, hash) = (SELECT at, actor_user_id, actor, action, "
      "entity_type, entity_id, before_json, after_json, prev_hash, hash FROM swapped "
      "WHERE swapped.id = 7 - audit_events.id) WHERE id IN (3, 4)");
  AuditChainReport chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->kind, AuditChainBreak::Kind::kOrderChanged);
  EXPECT_EQ(chain.first_break->event_id, 3);
  EXPECT_NE(chain.first_break->message.find("order changed"), std::string::npos);
}

// Rewriting the last event and its own hash consistently still disagrees with the head.
TEST_F(SqliteAuditChainTest, RehashedLastEventDisagreesWithTheHead) {
  std::string rehashed;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT id, at, actor_user_id, actor, action, entity_type, entity_id, "
                       "before_json, after_json, prev_hash FROM audit_events WHERE id = 6",
                       -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    auto text = [&](int col) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, col)));
    };
    StoredAuditRow row{6,         text(1), sqlite3_column_int64(stmt, 2),
                       "mallory", text(4), text(5),
                       text(6),   text(7), text(8),
                       text(9)};
    rehashed = AuditEventHash(row);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
  }
  Tamper("UPDATE audit_events SET actor = 'mallory', hash = '" + rehashed + "' WHERE id = 6");
  AuditChainReport chain = Verify();
  ASSERT_FALSE(chain.intact());
  EXPECT_EQ(chain.first_break->kind, AuditChainBreak::Kind::kHeadMismatch);
  EXPECT_EQ(chain.first_break->event_id, 6);
}

// A database from before migration 7 gets its existing events chained in id order, keeps the
// append-only triggers, and goes on appending to the same chain.
TEST_F(SqliteFileTest, MigratesAVersion6AuditTrailIntoAChain) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    for (const Migration& m : SqliteMigrations()) {
      if (m.version > 6) break;
      ASSERT_EQ(sqlite3_exec(db, std::string(m.sql).c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
          << "migration " << m.version;
    }
    const char* rows =
        "INSERT INTO audit_events (id, at, actor, action, entity_type, entity_id, after_json) "
        "VALUES (1, '2025-01-01T00:00:00Z', 'system', 'user.create', 'user', '1', '{}'),"
        "       (2, '2025-01-02T00:00:00Z', 'kari', 'tender.cancel', 'tender', '1', "
        "        '{\"reason\":\"x\"}');"
        "PRAGMA user_version = 6;";
    ASSERT_EQ(sqlite3_exec(db, rows, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  {
    Result<std::unique_ptr<Store>> opened = OpenSqliteStore(path_);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    Store& store = **opened;
    auto events = *store.ListAudit({});
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].after_json, R"({"reason":"x"})");
    Result<AuditChainReport> chain = store.VerifyAuditChain();
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->intact()) << chain->first_break->message;
    EXPECT_EQ(chain->head_id, 2);
    AuditEvent e{
        .at = *ParseIsoTimestamp("2025-01-03T00:00:00Z"), .action = "x", .entity_type = "y"};
    ASSERT_TRUE(store.AppendAudit(e).ok());
    chain = store.VerifyAuditChain();
    EXPECT_TRUE(chain->intact());
    EXPECT_EQ(chain->events_checked, 3);
  }
  sqlite3* db = nullptr;
  sqlite3_open(path_.c_str(), &db);
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit_events SET actor = 'x'", nullptr, nullptr, nullptr),
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
