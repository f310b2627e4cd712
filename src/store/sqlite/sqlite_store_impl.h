// SqliteStore, the class behind OpenSqliteStore, and the helpers its files share. Private to
// store/sqlite/: everything else opens the store through sqlite_store.h and sees only Store.
//
// The class is one, because its aggregates share one connection, one statement cache and one
// mutex (a write to one aggregate appends to the audit trail in the same transaction); its
// member functions are defined in one file per aggregate, next to that aggregate's row readers:
//   sqlite_store.cc      opening, migrations, schema version
//   sqlite_users.cc      UserStore: organisations, users, sessions
//   sqlite_tenders.cc    TenderStore: tenders, bids, questions
//   sqlite_market.cc     MarketStore: imported market processes
//   sqlite_portfolio.cc  PortfolioStore: projects and revisions, areas, indicators
//   sqlite_decisions.cc  DecisionStore: decision cases
//   sqlite_strategy.cc   StrategyStore: the strategy's documents and published plan versions
//   sqlite_audit.cc      AuditLog, and InsertAudit, the one writer of audit events
// Every public method takes mu_ for its whole run; the helpers marked SAMSPILL_REQUIRES(mu_)
// are called with it held (checked by the thread_safety_analysis test).
//
// The writes of whole entities, new rows and versioned changes, go through one helper,
// WriteWithAudit, so the transaction, the version check, the audit event and the read-back are
// written once; WriteRowLocked is the same step inside a batch's transaction.
#pragma once

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/mutex.h"
#include "common/status.h"
#include "common/time.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrations.h"
#include "store/store.h"

namespace samspill::store {

// A stored ISO time; one that does not parse is corruption (kInternal), not bad input.
Result<Timestamp> ReadTime(const std::string& text);

// Every remaining row of `stmt`, each read with `read`; the first unreadable row or step
// error stops it.
template <typename T>
Result<std::vector<T>> ReadRows(SqliteStatement& stmt, Result<T> (*read)(const SqliteStatement&)) {
  std::vector<T> out;
  Status status;
  while (stmt.Step(&status)) {
    SAMSPILL_ASSIGN_OR_RETURN(T row, read(stmt));
    out.push_back(std::move(row));
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  return out;
}

// What the entity helpers need to know of a table whose rows have an integer `id` and are read
// whole by one reader. Each aggregate's file defines its tables next to their readers.
template <typename T>
struct EntityTable {
  std::string_view table;    // "tenders"
  std::string_view columns;  // what `read` reads, in its order
  Result<T> (*read)(const SqliteStatement&);
  std::string (*not_found)(int64_t id);  // the kNotFound message: "no tender with id 3"
};

// Which entity the audit event of an entity write names (its entity_id).
enum class AuditNames {
  kAsGiven,     // the caller's entity_id: a question's event names its tender
  kRowIfEmpty,  // the written row's id when the caller left entity_id empty
  kRow,         // always the written row: a batch writes one event per row from one template
};

// The INSERT of one new row, for WriteWithAudit.
struct RowInsert {
  std::string_view sql;
  std::function<void(SqliteStatement&)> bind;
  // The error for a constraint violation (the kConflict SQLite reported) in the entity's words,
  // e.g. "the username 'kari' is taken": SQLite's own message names columns, not the cause.
  std::function<Status(const Status& violation)> on_conflict;
};

// The change of one versioned row (with `version` and `updated_at` columns), for WriteWithAudit.
struct VersionedRowUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;  // the version the change was made from
  // The changed columns ("title = ?, state = ?"), bound from parameter 1 on by `bind`; the
  // helper adds the version bump, updated_at and the version check after them.
  std::string_view set;
  std::function<void(SqliteStatement&)> bind;
  std::string subject;  // what "was changed by someone else": "the tender", "project 7"
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : db_(db), cache_(db) {}
  ~SqliteStore() override;

  // Applies the migrations this database lacks; refuses one written by a newer samspill.
  Status Migrate() SAMSPILL_EXCLUDES(mu_);
  int SchemaVersion() override;

  // UserStore (sqlite_users.cc).
  Result<User> CreateUser(const NewUser& user, AuditEvent audit) override;
  Result<User> FindUserById(int64_t id) override;
  Result<User> FindUserByUsername(std::string_view name) override;
  Result<std::vector<User>> ListUsers() override;
  Result<int64_t> CountUsers() override;
  Status SetUserActive(int64_t id, bool active, AuditEvent audit) override;
  Status SetUserPassword(int64_t id, std::string_view password_hash, AuditEvent audit) override;
  Status ChangeUserPassword(int64_t id, std::string_view password_hash,
                            std::string_view keep_token_hash, AuditEvent password_audit,
                            AuditEvent sessions_audit) override;
  Result<Organisation> CreateOrganisation(const NewOrganisation& org, AuditEvent audit) override;
  Result<Organisation> FindOrganisationById(int64_t id) override;
  Result<std::vector<Organisation>> ListOrganisations() override;
  Status CreateSession(const Session& session, AuditEvent audit) override;
  Result<Session> FindSession(std::string_view token_hash) override;
  Result<SessionAndUser> FindSessionAndUser(std::string_view token_hash) override;
  Status DeleteSession(std::string_view token_hash, AuditEvent audit) override;
  Result<int64_t> DeleteSessionsOfUser(int64_t user_id, std::string_view except_token_hash,
                                       AuditEvent audit) override;
  Result<int64_t> DeleteExpiredSessions(Timestamp now) override;

  // TenderStore (sqlite_tenders.cc).
  Result<StoredTender> CreateTender(const StoredTender& t, AuditEvent audit) override;
  Result<StoredTender> FindTender(int64_t id) override;
  Result<std::vector<StoredTender>> ListTenders() override;
  Result<std::vector<StoredTender>> ListTenderSummaries() override;
  Result<StoredTender> UpdateTender(const TenderUpdate& u, AuditEvent audit) override;
  Result<StoredBid> SubmitBid(const NewBid& b, AuditEvent audit) override;
  Result<std::vector<StoredBid>> ListBidReceipts(int64_t tender_id) override;
  Result<std::vector<StoredBid>> ListBidsWithContent(int64_t tender_id) override;
  Result<StoredBid> FindBidWithContent(int64_t bid_id) override;
  Status SetBidEvaluation(int64_t bid_id, int status_value, std::string_view rejection_reason,
                          std::string_view scores_json, AuditEvent audit) override;
  Result<StoredQuestion> CreateQuestion(const NewQuestion& q, AuditEvent audit) override;
  Status AnswerQuestion(int64_t question_id, std::string_view answer, int64_t answered_by_user_id,
                        Timestamp at, AuditEvent audit) override;
  Result<std::vector<StoredQuestion>> ListQuestions(int64_t tender_id) override;

  // MarketStore (sqlite_market.cc).
  Result<int64_t> ImportMarketProcesses(const std::vector<StoredMarketProcess>& processes,
                                        AuditEvent audit) override;
  Result<std::vector<StoredMarketProcess>> ListMarketProcesses(
      std::string_view cpv_prefix) override;

  // PortfolioStore (sqlite_portfolio.cc).
  Result<std::vector<StoredProject>> CreateProjects(const std::vector<StoredProject>& projects,
                                                    const AuditEvent& audit) override;
  Result<StoredProject> FindProject(int64_t id) override;
  Result<std::vector<StoredProject>> ListProjects() override;
  Result<std::vector<StoredProject>> UpdateProjects(const std::vector<ProjectUpdate>& updates,
                                                    const AuditEvent& audit) override;
  Result<std::vector<ProjectRevision>> ListProjectRevisions(int64_t project_id) override;
  Status SetAreaAssignment(int64_t user_id, std::string_view area, AuditEvent audit) override;
  Result<std::vector<AreaAssignment>> ListAreaAssignments() override;
  Result<std::vector<StoredIndicator>> SaveIndicators(
      const std::vector<StoredIndicator>& indicators, const AuditEvent& audit) override;
  Result<StoredIndicator> FindIndicator(int64_t id) override;
  Result<std::vector<StoredIndicator>> ListIndicators() override;
  Result<StoredIndicator> UpdateIndicator(const IndicatorUpdate& u, AuditEvent audit) override;

  // DecisionStore (sqlite_decisions.cc).
  Result<StoredDecisionCase> CreateDecisionCase(const StoredDecisionCase& c,
                                                AuditEvent audit) override;
  Result<StoredDecisionCase> FindDecisionCase(int64_t id) override;
  Result<std::vector<StoredDecisionCase>> ListDecisionCases() override;
  Result<StoredDecisionCase> UpdateDecisionCase(const DecisionCaseUpdate& u,
                                                AuditEvent audit) override;

  // StrategyStore (sqlite_strategy.cc).
  Result<std::optional<StoredStrategyDocument>> FindStrategyDocument(std::string_view kind,
                                                                     std::string_view key) override;
  Result<std::vector<StoredStrategyDocument>> ListStrategyDocuments(std::string_view kind) override;
  Result<StoredStrategyDocument> PutStrategyDocument(std::string_view kind, std::string_view key,
                                                     std::string document_json,
                                                     int64_t expected_version,
                                                     std::optional<int64_t> user_id, Timestamp at,
                                                     AuditEvent audit) override;
  Result<StoredPlanVersion> AppendPlanVersion(const StoredPlanVersion& version,
                                              AuditEvent audit) override;
  Result<std::vector<StoredPlanVersion>> ListPlanVersions() override;
  Result<std::optional<StoredPlanVersion>> LatestPlanVersion() override;

  // AuditLog (sqlite_audit.cc).
  Status AppendAudit(AuditEvent event) override;
  Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& query) override;
  Result<AuditChainReport> VerifyAuditChain() override;

 private:
  // Opening and migrations (sqlite_store.cc).
  // One migration in one transaction; a table rebuild must leave every foreign key intact.
  Status Apply(const Migration& m) SAMSPILL_REQUIRES(mu_);
  Result<int> ReadUserVersion() SAMSPILL_REQUIRES(mu_);

  // The entity helpers (defined below the class), called with mu_ held.
  //
  // Writes one row with its audit event in one transaction and returns the row as stored. `write`
  // is a RowInsert (a new row; the audit event may name it) or a VersionedRowUpdate (a row at
  // another version than the expected one is kConflict "… was changed by someone else", a missing
  // row kNotFound, and nothing is written).
  template <typename T, typename Write>
  Result<T> WriteWithAudit(const EntityTable<T>& table, const Write& write, const AuditEvent& audit,
                           AuditNames names) SAMSPILL_REQUIRES(mu_);
  // The same inside the caller's transaction, for a batch that stores all rows or none.
  template <typename T>
  Result<T> WriteRowLocked(const EntityTable<T>& table, const RowInsert& insert,
                           const AuditEvent& audit, AuditNames names) SAMSPILL_REQUIRES(mu_);
  template <typename T>
  Result<T> WriteRowLocked(const EntityTable<T>& table, const VersionedRowUpdate& update,
                           const AuditEvent& audit, AuditNames names) SAMSPILL_REQUIRES(mu_);
  template <typename T>
  Result<T> FindRowLocked(const EntityTable<T>& table, int64_t id) SAMSPILL_REQUIRES(mu_);
  // Every row, in the order `order_by` gives ("id", "name, id").
  template <typename T>
  Result<std::vector<T>> ListRowsLocked(const EntityTable<T>& table, std::string_view order_by)
      SAMSPILL_REQUIRES(mu_);

  // Users, organisations, sessions (sqlite_users.cc).
  Status UpdatePasswordLocked(int64_t id, std::string_view password_hash) SAMSPILL_REQUIRES(mu_);
  // Ends the user's sessions but the one with `except_token_hash`; returns how many ended.
  Result<int64_t> DeleteSessionsOfUserLocked(int64_t user_id, std::string_view except_token_hash)
      SAMSPILL_REQUIRES(mu_);

  // Bids (sqlite_tenders.cc).
  Result<std::vector<StoredBid>> ListBidsLocked(int64_t tender_id, bool with_content)
      SAMSPILL_REQUIRES(mu_);

  // Project revisions (sqlite_portfolio.cc).
  Status InsertRevision(int64_t project_id, int64_t version, const AuditEvent& audit,
                        const std::string& document_json) SAMSPILL_REQUIRES(mu_);

  // Strategy documents and plan versions (sqlite_strategy.cc).
  Result<std::optional<StoredStrategyDocument>> FindStrategyDocumentLocked(std::string_view kind,
                                                                           std::string_view key)
      SAMSPILL_REQUIRES(mu_);
  Result<std::optional<StoredPlanVersion>> FindPlanVersionLocked(int64_t number)
      SAMSPILL_REQUIRES(mu_);

  // Audit trail (sqlite_audit.cc).
  Result<AuditChainReport> VerifyAuditChainLocked() SAMSPILL_REQUIRES(mu_);
  // The one place an audit event is written: it links the event to the chain's head and moves
  // the head, inside the caller's write transaction. BEGIN IMMEDIATE (SqliteTransaction) holds
  // SQLite's write lock from the start, so no other connection or process can append between
  // reading the head and writing the event: concurrent writers cannot fork the chain.
  Status InsertAudit(const AuditEvent& e) SAMSPILL_REQUIRES(mu_);
  // InsertAudit for an entity write to row `id`, with the entity_id `names` asks for.
  Status InsertAuditFor(const AuditEvent& audit, AuditNames names, int64_t id)
      SAMSPILL_REQUIRES(mu_);

  Mutex mu_;
  sqlite3* const db_ SAMSPILL_GUARDED_BY(mu_);
  StatementCache cache_ SAMSPILL_GUARDED_BY(mu_);  // of db_; cleared before db_ closes
};

template <typename T, typename Write>
Result<T> SqliteStore::WriteWithAudit(const EntityTable<T>& table, const Write& write,
                                      const AuditEvent& audit, AuditNames names) {
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SAMSPILL_ASSIGN_OR_RETURN(T stored, WriteRowLocked(table, write, audit, names));
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

template <typename T>
Result<T> SqliteStore::WriteRowLocked(const EntityTable<T>& table, const RowInsert& insert,
                                      const AuditEvent& audit, AuditNames names) {
  SqliteStatement stmt(cache_, insert.sql);
  insert.bind(stmt);
  Status status = stmt.Run();
  if (status.code() == StatusCode::kConflict) return insert.on_conflict(status);
  SAMSPILL_RETURN_IF_ERROR(status);
  const int64_t id = sqlite3_last_insert_rowid(db_);
  SAMSPILL_RETURN_IF_ERROR(InsertAuditFor(audit, names, id));
  return FindRowLocked(table, id);
}

template <typename T>
Result<T> SqliteStore::WriteRowLocked(const EntityTable<T>& table, const VersionedRowUpdate& update,
                                      const AuditEvent& audit, AuditNames names) {
  // The version check is the UPDATE's own WHERE clause, so checking and writing are one step.
  std::string sql = "UPDATE " + std::string(table.table) + " SET " + std::string(update.set);
  sql += ", version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
  SqliteStatement stmt(cache_, sql);
  update.bind(stmt);
  const int next = static_cast<int>(std::count(update.set.begin(), update.set.end(), '?')) + 1;
  stmt.Bind(next, audit.at.ToIso())
      .Bind(next + 1, update.id)
      .Bind(next + 2, update.expected_version);
  SAMSPILL_RETURN_IF_ERROR(stmt.Run());
  if (sqlite3_changes(db_) == 0) {
    SAMSPILL_ASSIGN_OR_RETURN(T current, FindRowLocked(table, update.id));
    return Conflict(update.subject + " was changed by someone else (version " +
                    std::to_string(current.version) + ", not " +
                    std::to_string(update.expected_version) + "); reload and try again");
  }
  SAMSPILL_RETURN_IF_ERROR(InsertAuditFor(audit, names, update.id));
  return FindRowLocked(table, update.id);
}

template <typename T>
Result<T> SqliteStore::FindRowLocked(const EntityTable<T>& table, int64_t id) {
  SqliteStatement stmt(cache_, "SELECT " + std::string(table.columns) + " FROM " +
                                   std::string(table.table) + " WHERE id = ?");
  stmt.Bind(1, id);
  Status status;
  if (!stmt.Step(&status)) {
    SAMSPILL_RETURN_IF_ERROR(status);
    return NotFound(table.not_found(id));
  }
  return table.read(stmt);
}

template <typename T>
Result<std::vector<T>> SqliteStore::ListRowsLocked(const EntityTable<T>& table,
                                                   std::string_view order_by) {
  SqliteStatement stmt(cache_, "SELECT " + std::string(table.columns) + " FROM " +
                                   std::string(table.table) + " ORDER BY " + std::string(order_by));
  return ReadRows<T>(stmt, table.read);
}

}  // namespace samspill::store
