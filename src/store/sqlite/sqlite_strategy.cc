// SqliteStore's StrategyStore: the tendering strategy's documents, each kept whole under its kind
// and key, and the procurement plan's published versions, append-only.

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {
namespace {

constexpr std::string_view kDocumentColumns =
    "kind, key, document_json, version, updated_by_user_id, updated_at";
constexpr std::string_view kPlanVersionColumns =
    "number, published_at, published_by_user_id, document_json";

Result<StoredStrategyDocument> ReadDocument(const SqliteStatement& stmt) {
  StoredStrategyDocument d;
  d.kind = stmt.ColumnText(0);
  d.key = stmt.ColumnText(1);
  d.document_json = stmt.ColumnText(2);
  d.version = stmt.ColumnInt(3);
  if (!stmt.ColumnIsNull(4)) d.updated_by_user_id = stmt.ColumnInt(4);
  SAMSPILL_ASSIGN_OR_RETURN(d.updated_at, ReadTime(stmt.ColumnText(5)));
  return d;
}

Result<StoredPlanVersion> ReadPlanVersion(const SqliteStatement& stmt) {
  StoredPlanVersion v;
  v.number = stmt.ColumnInt(0);
  SAMSPILL_ASSIGN_OR_RETURN(v.published_at, ReadTime(stmt.ColumnText(1)));
  if (!stmt.ColumnIsNull(2)) v.published_by_user_id = stmt.ColumnInt(2);
  v.document_json = stmt.ColumnText(3);
  return v;
}

// A kind the table's CHECK would refuse is the caller's mistake, named as such before SQLite
// reports it as a broken rule; on reads it would silently find nothing.
Status CheckKind(std::string_view kind) {
  if (kind == kStrategyRegisterKind || kind == kStrategyPrioritiesKind ||
      kind == kStrategyPlanKind) {
    return Status::Ok();
  }
  return InvalidArgument(
      "unknown strategy document kind '" + std::string(kind) + "' (register, priorities or plan)",
      "kind");
}

// How messages and audit events name a document: "register", "priorities/2026".
std::string DocumentName(std::string_view kind, std::string_view key) {
  std::string name(kind);
  if (!key.empty()) name += "/" + std::string(key);
  return name;
}

}  // namespace

Result<std::optional<StoredStrategyDocument>> SqliteStore::FindStrategyDocument(
    std::string_view kind, std::string_view key) {
  SAMSPILL_RETURN_IF_ERROR(CheckKind(kind));
  MutexLock lock(mu_);
  return FindStrategyDocumentLocked(kind, key);
}

Result<std::vector<StoredStrategyDocument>> SqliteStore::ListStrategyDocuments(
    std::string_view kind) {
  SAMSPILL_RETURN_IF_ERROR(CheckKind(kind));
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_, "SELECT " + std::string(kDocumentColumns) +
                                   " FROM strategy_documents WHERE kind = ? ORDER BY key");
  stmt.Bind(1, kind);
  return ReadRows<StoredStrategyDocument>(stmt, &ReadDocument);
}

Result<StoredStrategyDocument> SqliteStore::PutStrategyDocument(
    std::string_view kind, std::string_view key, std::string document_json,
    int64_t expected_version, std::optional<int64_t> user_id, Timestamp at, AuditEvent audit) {
  SAMSPILL_RETURN_IF_ERROR(CheckKind(kind));
  if (expected_version < 0) {
    return InvalidArgument(
        "expected_version is 0 to create a document or the version it was "
        "read at, not " +
            std::to_string(expected_version),
        "expected_version");
  }
  const std::string name = DocumentName(kind, key);
  MutexLock lock(mu_);
  // BEGIN IMMEDIATE: the existence check and the write below see no other writer in between.
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  if (expected_version == 0) {
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<StoredStrategyDocument> existing,
                              FindStrategyDocumentLocked(kind, key));
    if (existing.has_value()) {
      return Conflict("the strategy document '" + name + "' already exists (version " +
                      std::to_string(existing->version) + "); reload and try again");
    }
    SqliteStatement insert(cache_,
                           "INSERT INTO strategy_documents (kind, key, document_json, version, "
                           "updated_by_user_id, updated_at) VALUES (?, ?, ?, 1, ?, ?)");
    insert.Bind(1, kind).Bind(2, key).Bind(3, document_json).Bind(4, user_id).Bind(5, at.ToIso());
    Status status = insert.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("the strategy document '" + name +
                      "' breaks a rule of the register: " + status.message());
    }
    SAMSPILL_RETURN_IF_ERROR(status);
  } else {
    // The version check is the UPDATE's own WHERE clause, so checking and writing are one step.
    SqliteStatement update(
        cache_,
        "UPDATE strategy_documents SET document_json = ?, version = version + 1, "
        "updated_by_user_id = ?, updated_at = ? "
        "WHERE kind = ? AND key = ? AND version = ?");
    update.Bind(1, document_json)
        .Bind(2, user_id)
        .Bind(3, at.ToIso())
        .Bind(4, kind)
        .Bind(5, key)
        .Bind(6, expected_version);
    Status status = update.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("the strategy document '" + name +
                      "' breaks a rule of the register: " + status.message());
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    if (sqlite3_changes(db_) == 0) {
      SAMSPILL_ASSIGN_OR_RETURN(std::optional<StoredStrategyDocument> current,
                                FindStrategyDocumentLocked(kind, key));
      if (!current.has_value()) return NotFound("no strategy document '" + name + "'");
      return Conflict("the strategy document '" + name + "' was changed by someone else (version " +
                      std::to_string(current->version) + ", not " +
                      std::to_string(expected_version) + "); reload and try again");
    }
  }
  // A document has no numeric id: its event names it by kind and key unless the caller did.
  if (audit.entity_id.empty()) audit.entity_id = name;
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<StoredStrategyDocument> stored,
                            FindStrategyDocumentLocked(kind, key));
  if (!stored.has_value()) return Internal("the strategy document '" + name + "' was not stored");
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return *std::move(stored);
}

Result<StoredPlanVersion> SqliteStore::AppendPlanVersion(const StoredPlanVersion& version,
                                                         AuditEvent audit) {
  MutexLock lock(mu_);
  // BEGIN IMMEDIATE holds the write lock from the start, so the latest number read here is still
  // the latest when the new one is inserted: of two publishers at once, the second sees the
  // first one's version and is refused.
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  int64_t next = 0;
  Status status;
  {
    SqliteStatement latest(cache_, "SELECT coalesce(max(number), 0) FROM plan_versions");
    if (!latest.Step(&status)) {
      return status.ok() ? Internal("max(number) returned no row") : status;
    }
    next = latest.ColumnInt(0) + 1;
  }
  if (version.number != next) {
    return Conflict("the plan cannot be published as version " + std::to_string(version.number) +
                    ": the next version is " + std::to_string(next) +
                    " (someone else may have published meanwhile); reload and try again");
  }
  SqliteStatement insert(cache_,
                         "INSERT INTO plan_versions (number, published_at, published_by_user_id, "
                         "document_json) VALUES (?, ?, ?, ?)");
  insert.Bind(1, version.number)
      .Bind(2, version.published_at.ToIso())
      .Bind(3, version.published_by_user_id)
      .Bind(4, version.document_json);
  status = insert.Run();
  if (status.code() == StatusCode::kConflict) {
    return Conflict("plan version " + std::to_string(version.number) +
                    " breaks a rule of the register: " + status.message());
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  SAMSPILL_RETURN_IF_ERROR(InsertAuditFor(audit, AuditNames::kRow, version.number));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<StoredPlanVersion> stored,
                            FindPlanVersionLocked(version.number));
  if (!stored.has_value()) {
    return Internal("plan version " + std::to_string(version.number) + " was not stored");
  }
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return *std::move(stored);
}

Result<std::vector<StoredPlanVersion>> SqliteStore::ListPlanVersions() {
  MutexLock lock(mu_);
  SqliteStatement stmt(
      cache_, "SELECT " + std::string(kPlanVersionColumns) + " FROM plan_versions ORDER BY number");
  return ReadRows<StoredPlanVersion>(stmt, &ReadPlanVersion);
}

Result<std::optional<StoredPlanVersion>> SqliteStore::LatestPlanVersion() {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_, "SELECT " + std::string(kPlanVersionColumns) +
                                   " FROM plan_versions ORDER BY number DESC LIMIT 1");
  Status status;
  if (!stmt.Step(&status)) {
    SAMSPILL_RETURN_IF_ERROR(status);
    return std::optional<StoredPlanVersion>();
  }
  SAMSPILL_ASSIGN_OR_RETURN(StoredPlanVersion latest, ReadPlanVersion(stmt));
  return std::optional<StoredPlanVersion>(std::move(latest));
}

Result<std::optional<StoredStrategyDocument>> SqliteStore::FindStrategyDocumentLocked(
    std::string_view kind, std::string_view key) {
  SqliteStatement stmt(cache_, "SELECT " + std::string(kDocumentColumns) +
                                   " FROM strategy_documents WHERE kind = ? AND key = ?");
  stmt.Bind(1, kind).Bind(2, key);
  Status status;
  if (!stmt.Step(&status)) {
    SAMSPILL_RETURN_IF_ERROR(status);
    return std::optional<StoredStrategyDocument>();
  }
  SAMSPILL_ASSIGN_OR_RETURN(StoredStrategyDocument document, ReadDocument(stmt));
  return std::optional<StoredStrategyDocument>(std::move(document));
}

Result<std::optional<StoredPlanVersion>> SqliteStore::FindPlanVersionLocked(int64_t number) {
  SqliteStatement stmt(cache_, "SELECT " + std::string(kPlanVersionColumns) +
                                   " FROM plan_versions WHERE number = ?");
  stmt.Bind(1, number);
  Status status;
  if (!stmt.Step(&status)) {
    SAMSPILL_RETURN_IF_ERROR(status);
    return std::optional<StoredPlanVersion>();
  }
  SAMSPILL_ASSIGN_OR_RETURN(StoredPlanVersion version, ReadPlanVersion(stmt));
  return std::optional<StoredPlanVersion>(std::move(version));
}

}  // namespace samspill::store
