#include "store/sqlite/sqlite_connection.h"

#include <gtest/gtest.h>

#include <memory>

namespace samspill::store {
namespace {

class StatementCacheTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(ExecSql(db_, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)").ok());
    ASSERT_TRUE(ExecSql(db_, "INSERT INTO t (v) VALUES ('a'), ('b'), ('c')").ok());
  }
  void TearDown() override {
    cache_.reset();
    sqlite3_close(db_);
  }
  sqlite3* db_ = nullptr;
  std::unique_ptr<StatementCache> cache_;
};

TEST_F(StatementCacheTest, ReusesOneStatementPerTextAndForgetsItsBindings) {
  cache_ = std::make_unique<StatementCache>(db_);
  const char* sql = "SELECT v FROM t WHERE id = ?";
  sqlite3_stmt* first = nullptr;
  {
    SqliteStatement stmt(*cache_, sql);
    stmt.Bind(1, int64_t{2});
    Status status;
    ASSERT_TRUE(stmt.Step(&status));
    EXPECT_EQ(stmt.ColumnText(0), "b");
    int rc = 0;
    // A second borrow while the first is out gets its own statement.
    first = cache_->Borrow(sql, &rc);
    ASSERT_EQ(rc, SQLITE_OK);
    cache_->GiveBack(sql, first);
  }
  EXPECT_EQ(cache_->kept(), 2u);
  {
    // Given back unbound: the parameter is NULL again, so no row matches.
    SqliteStatement stmt(*cache_, sql);
    Status status;
    EXPECT_FALSE(stmt.Step(&status));
    EXPECT_TRUE(status.ok()) << status.ToString();
  }
  EXPECT_EQ(cache_->kept(), 2u);
}

TEST_F(StatementCacheTest, AStatementLeftMidwayIsResetSoItHoldsNoReadTransaction) {
  cache_ = std::make_unique<StatementCache>(db_);
  {
    SqliteStatement stmt(*cache_, "SELECT v FROM t ORDER BY id");
    Status status;
    ASSERT_TRUE(stmt.Step(&status));  // one of three rows read, then abandoned
  }
  // An unfinished read would leave the connection inside a transaction.
  EXPECT_NE(sqlite3_get_autocommit(db_), 0);
  EXPECT_TRUE(ExecSql(db_, "DROP TABLE t").ok());
}

TEST_F(StatementCacheTest, APreparationErrorIsReportedAndNothingIsKept) {
  cache_ = std::make_unique<StatementCache>(db_);
  {
    SqliteStatement stmt(*cache_, "SELECT nope FROM t");
    EXPECT_FALSE(stmt.status().ok());
    EXPECT_NE(stmt.status().message().find("no such column"), std::string::npos)
        << stmt.status().ToString();
    Status status;
    EXPECT_FALSE(stmt.Step(&status));
    EXPECT_FALSE(status.ok());
  }
  EXPECT_EQ(cache_->kept(), 0u);
}

TEST_F(StatementCacheTest, KeepsAtMostTheConfiguredNumberOfTexts) {
  cache_ = std::make_unique<StatementCache>(db_, /*max_texts=*/2);
  for (int i = 0; i < 5; ++i) {
    SqliteStatement stmt(*cache_, "SELECT " + std::to_string(i));
    Status status;
    ASSERT_TRUE(stmt.Step(&status));
    EXPECT_EQ(stmt.ColumnInt(0), i);
  }
  EXPECT_EQ(cache_->kept(), 2u);
}

TEST_F(StatementCacheTest, AKeptStatementSurvivesASchemaChange) {
  cache_ = std::make_unique<StatementCache>(db_);
  const char* sql = "SELECT count(*) FROM t";
  {
    SqliteStatement stmt(*cache_, sql);
    Status status;
    ASSERT_TRUE(stmt.Step(&status));
    EXPECT_EQ(stmt.ColumnInt(0), 3);
  }
  ASSERT_TRUE(ExecSql(db_, "ALTER TABLE t ADD COLUMN w TEXT").ok());
  ASSERT_TRUE(ExecSql(db_, "INSERT INTO t (v) VALUES ('d')").ok());
  SqliteStatement stmt(*cache_, sql);
  Status status;
  ASSERT_TRUE(stmt.Step(&status)) << status.ToString();
  EXPECT_EQ(stmt.ColumnInt(0), 4);
}

}  // namespace
}  // namespace samspill::store
