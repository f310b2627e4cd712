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
//   sqlite_audit.cc      AuditLog, and InsertAudit, the one writer of audit events
// Every public method takes mu_ for its whole run; the helpers marked SAMSPILL_REQUIRES(mu_)
// are called with it held (checked by the thread_safety_analysis test).
#pragma once

#include <sqlite3.h>

#include <cstdint>
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

  // AuditLog (sqlite_audit.cc).
  Status AppendAudit(AuditEvent event) override;
  Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& query) override;
  Result<AuditChainReport> VerifyAuditChain() override;

 private:
  // Opening and migrations (sqlite_store.cc).
  // One migration in one transaction; a table rebuild must leave every foreign key intact.
  Status Apply(const Migration& m) SAMSPILL_REQUIRES(mu_);
  Result<int> ReadUserVersion() SAMSPILL_REQUIRES(mu_);

  // Users, organisations, sessions (sqlite_users.cc).
  Status UpdatePasswordLocked(int64_t id, std::string_view password_hash) SAMSPILL_REQUIRES(mu_);
  // Ends the user's sessions but the one with `except_token_hash`; returns how many ended.
  Result<int64_t> DeleteSessionsOfUserLocked(int64_t user_id, std::string_view except_token_hash)
      SAMSPILL_REQUIRES(mu_);
  Result<User> FindUserLocked(std::string_view where, std::optional<int64_t> id,
                              std::string_view name) SAMSPILL_REQUIRES(mu_);
  Result<Organisation> FindOrganisationLocked(int64_t id) SAMSPILL_REQUIRES(mu_);

  // Tenders, bids, questions (sqlite_tenders.cc).
  Result<StoredTender> FindTenderLocked(int64_t id) SAMSPILL_REQUIRES(mu_);
  Result<std::vector<StoredBid>> ListBidsLocked(int64_t tender_id, bool with_content)
      SAMSPILL_REQUIRES(mu_);

  // Portfolio (sqlite_portfolio.cc).
  Result<StoredProject> FindProjectLocked(int64_t id) SAMSPILL_REQUIRES(mu_);
  Result<StoredIndicator> FindIndicatorLocked(int64_t id) SAMSPILL_REQUIRES(mu_);
  Status InsertRevision(int64_t project_id, int64_t version, const AuditEvent& audit,
                        const std::string& document_json) SAMSPILL_REQUIRES(mu_);

  // Audit trail (sqlite_audit.cc).
  Result<AuditChainReport> VerifyAuditChainLocked() SAMSPILL_REQUIRES(mu_);
  // The one place an audit event is written: it links the event to the chain's head and moves
  // the head, inside the caller's write transaction. BEGIN IMMEDIATE (SqliteTransaction) holds
  // SQLite's write lock from the start, so no other connection or process can append between
  // reading the head and writing the event: concurrent writers cannot fork the chain.
  Status InsertAudit(const AuditEvent& e) SAMSPILL_REQUIRES(mu_);

  Mutex mu_;
  sqlite3* const db_ SAMSPILL_GUARDED_BY(mu_);
  StatementCache cache_ SAMSPILL_GUARDED_BY(mu_);  // of db_; cleared before db_ closes
};

}  // namespace samspill::store
