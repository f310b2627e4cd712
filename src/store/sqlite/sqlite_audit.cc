// SqliteStore's AuditLog, and InsertAudit: the one place an audit event is written, linked
// into the hash chain (decision 0018).

#include <algorithm>

#include "store/audit_chain.h"
#include "store/sqlite/audit_rows.h"
#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {

Status SqliteStore::AppendAudit(AuditEvent event) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
  return tx.Commit();
}

Result<std::vector<AuditEvent>> SqliteStore::ListAudit(const AuditQuery& query) {
  if (query.limit < 1 || query.limit > kMaxAuditPage) {
    return InvalidArgument("limit must be between 1 and " + std::to_string(kMaxAuditPage), "limit");
  }
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_,
                       "SELECT id, at, actor_user_id, actor, action, entity_type, entity_id, "
                       "before_json, after_json FROM audit_events WHERE id > ? "
                       "AND (? = '' OR entity_type = ?) AND (? = '' OR entity_id = ?) "
                       "ORDER BY id LIMIT ?");
  stmt.Bind(1, query.after_id)
      .Bind(2, query.entity_type)
      .Bind(3, query.entity_type)
      .Bind(4, query.entity_id)
      .Bind(5, query.entity_id)
      .Bind(6, int64_t{query.limit});
  std::vector<AuditEvent> events;
  Status status;
  while (stmt.Step(&status)) {
    AuditEvent e;
    e.id = stmt.ColumnInt(0);
    SAMSPILL_ASSIGN_OR_RETURN(e.at, ReadTime(stmt.ColumnText(1)));
    if (!stmt.ColumnIsNull(2)) e.actor_user_id = stmt.ColumnInt(2);
    e.actor = stmt.ColumnText(3);
    e.action = stmt.ColumnText(4);
    e.entity_type = stmt.ColumnText(5);
    e.entity_id = stmt.ColumnText(6);
    e.before_json = stmt.ColumnText(7);
    e.after_json = stmt.ColumnText(8);
    events.push_back(std::move(e));
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  return events;
}

Result<AuditChainReport> SqliteStore::VerifyAuditChain() {
  MutexLock lock(mu_);
  // One read transaction: the events and the head from the same snapshot, even while
  // another process appends.
  SAMSPILL_RETURN_IF_ERROR(ExecSql(db_, "BEGIN"));
  Result<AuditChainReport> report = VerifyAuditChainLocked();
  ExecSql(db_, "COMMIT");
  return report;
}

Result<AuditChainReport> SqliteStore::VerifyAuditChainLocked() {
  SqliteStatement rows(cache_, std::string("SELECT ") + kAuditRowColumns +
                                   ", prev_hash, hash FROM audit_events ORDER BY id");
  SqliteStatement by_hash(cache_, "SELECT id FROM audit_events WHERE hash = ? LIMIT 1");
  SqliteStatement head(cache_, "SELECT last_id, hash FROM audit_head WHERE id = 1");
  SAMSPILL_RETURN_IF_ERROR(rows.status());
  SAMSPILL_RETURN_IF_ERROR(by_hash.status());
  SAMSPILL_RETURN_IF_ERROR(head.status());
  AuditChainVerifier verifier([&by_hash](std::string_view hash) -> std::optional<int64_t> {
    by_hash.Reset();
    by_hash.Bind(1, hash);
    Status ignored;  // a failed lookup only makes the report say "prev_hash" not "order"
    if (by_hash.Step(&ignored)) return by_hash.ColumnInt(0);
    return std::nullopt;
  });
  Status status;
  StoredAuditRow row;
  while (rows.Step(&status)) {
    ReadAuditRow(rows, row);
    row.prev_hash = rows.ColumnText(9);
    row.hash = rows.ColumnText(10);
    verifier.Add(row);
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  std::optional<AuditHead> recorded;
  if (head.Step(&status)) recorded = AuditHead{head.ColumnInt(0), head.ColumnText(1)};
  SAMSPILL_RETURN_IF_ERROR(status);
  return verifier.Finish(recorded);
}

Status SqliteStore::InsertAudit(const AuditEvent& e) {
  if (e.action.empty() || e.entity_type.empty()) {
    return Internal("an audit event needs an action and an entity type");
  }
  if (sqlite3_get_autocommit(db_)) {
    return Internal("an audit event is appended only inside a write transaction");
  }
  StoredAuditRow row;
  row.prev_hash = std::string(kAuditGenesisHash);
  int64_t last_id = 0;
  Status status;
  SqliteStatement head(cache_, "SELECT last_id, hash FROM audit_head WHERE id = 1");
  if (head.Step(&status)) {
    last_id = head.ColumnInt(0);
    row.prev_hash = head.ColumnText(1);
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  // Ids continue after the head even when the newest rows were deleted behind our back, so
  // the deletion stays visible as a gap instead of being papered over by a reused id.
  SqliteStatement max_id(cache_, "SELECT coalesce(max(id), 0) FROM audit_events");
  if (!max_id.Step(&status)) return status.ok() ? Internal("max(id) returned no row") : status;
  row.id = std::max(last_id, max_id.ColumnInt(0)) + 1;
  row.at = e.at.ToIso();
  row.actor_user_id = e.actor_user_id;
  row.actor = e.actor.empty() ? "system" : e.actor;
  row.action = e.action;
  row.entity_type = e.entity_type;
  row.entity_id = e.entity_id;
  row.before_json = e.before_json;
  row.after_json = e.after_json;
  row.hash = AuditEventHash(row);
  SqliteStatement insert(cache_, InsertAuditRowSql("audit_events"));
  SAMSPILL_RETURN_IF_ERROR(BindAuditRow(insert, row).Run());
  SqliteStatement move_head(cache_,
                            "INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, "
                            "hash = excluded.hash");
  return move_head.Bind(1, row.id).Bind(2, row.hash).Run();
}

Status SqliteStore::InsertAuditFor(const AuditEvent& audit, AuditNames names, int64_t id) {
  if (names == AuditNames::kAsGiven ||
      (names == AuditNames::kRowIfEmpty && !audit.entity_id.empty())) {
    return InsertAudit(audit);
  }
  AuditEvent event = audit;
  event.entity_id = std::to_string(id);
  return InsertAudit(event);
}

}  // namespace samspill::store
