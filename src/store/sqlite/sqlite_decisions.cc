// SqliteStore's DecisionStore: decision cases, each a document with the columns lists need.

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {
namespace {

constexpr std::string_view kCaseColumns =
    "id, title, service_area, decided, created_by_user_id, document_json, version, created_at, "
    "updated_at";

Result<StoredDecisionCase> ReadCase(const SqliteStatement& stmt) {
  StoredDecisionCase c;
  c.id = stmt.ColumnInt(0);
  c.title = stmt.ColumnText(1);
  c.service_area = stmt.ColumnText(2);
  c.decided = stmt.ColumnInt(3) != 0;
  if (!stmt.ColumnIsNull(4)) c.created_by_user_id = stmt.ColumnInt(4);
  c.document_json = stmt.ColumnText(5);
  c.version = stmt.ColumnInt(6);
  SAMSPILL_ASSIGN_OR_RETURN(c.created_at, ReadTime(stmt.ColumnText(7)));
  SAMSPILL_ASSIGN_OR_RETURN(c.updated_at, ReadTime(stmt.ColumnText(8)));
  return c;
}

constexpr EntityTable<StoredDecisionCase> kCases{
    "decision_cases", kCaseColumns, &ReadCase,
    [](int64_t id) { return "no decision case with id " + std::to_string(id); }};

}  // namespace

Result<StoredDecisionCase> SqliteStore::CreateDecisionCase(const StoredDecisionCase& c,
                                                           AuditEvent audit) {
  MutexLock lock(mu_);
  const RowInsert insert{
      .sql =
          "INSERT INTO decision_cases (title, service_area, decided, created_by_user_id, "
          "document_json, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
      .bind =
          [&c, &audit](SqliteStatement& stmt) {
            stmt.Bind(1, c.title)
                .Bind(2, c.service_area)
                .Bind(3, int64_t{c.decided ? 1 : 0})
                .Bind(4, c.created_by_user_id)
                .Bind(5, c.document_json)
                .Bind(6, audit.at.ToIso())
                .Bind(7, audit.at.ToIso());
          },
      .on_conflict =
          [&c](const Status& violation) {
            return Conflict("decision case '" + c.title +
                            "' breaks a rule of the register: " + violation.message());
          },
  };
  return WriteWithAudit(kCases, insert, audit, AuditNames::kRow);
}

Result<StoredDecisionCase> SqliteStore::FindDecisionCase(int64_t id) {
  MutexLock lock(mu_);
  return FindRowLocked(kCases, id);
}

Result<std::vector<StoredDecisionCase>> SqliteStore::ListDecisionCases() {
  MutexLock lock(mu_);
  return ListRowsLocked(kCases, "id");
}

Result<StoredDecisionCase> SqliteStore::UpdateDecisionCase(const DecisionCaseUpdate& u,
                                                           AuditEvent audit) {
  MutexLock lock(mu_);
  const VersionedRowUpdate update{
      .id = u.id,
      .expected_version = u.expected_version,
      .set = "title = ?, service_area = ?, decided = ?, document_json = ?",
      .bind =
          [&u](SqliteStatement& stmt) {
            stmt.Bind(1, u.title)
                .Bind(2, u.service_area)
                .Bind(3, int64_t{u.decided ? 1 : 0})
                .Bind(4, u.document_json);
          },
      .subject = "the decision case",
  };
  return WriteWithAudit(kCases, update, audit, AuditNames::kRow);
}

}  // namespace samspill::store
