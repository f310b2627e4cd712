// SqliteStore's PortfolioStore: projects and their revisions, area assignments, indicators.

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {
namespace {

constexpr std::string_view kProjectColumns =
    "id, name, area, kind, status, registered_by_user_id, merged_into, document_json, version, "
    "created_at, updated_at";

Result<StoredProject> ReadProject(const SqliteStatement& stmt) {
  StoredProject p;
  p.id = stmt.ColumnInt(0);
  p.name = stmt.ColumnText(1);
  p.area = stmt.ColumnText(2);
  p.kind = static_cast<int>(stmt.ColumnInt(3));
  p.status = static_cast<int>(stmt.ColumnInt(4));
  if (!stmt.ColumnIsNull(5)) p.registered_by_user_id = stmt.ColumnInt(5);
  if (!stmt.ColumnIsNull(6)) p.merged_into = stmt.ColumnInt(6);
  p.document_json = stmt.ColumnText(7);
  p.version = stmt.ColumnInt(8);
  SAMSPILL_ASSIGN_OR_RETURN(p.created_at, ReadTime(stmt.ColumnText(9)));
  SAMSPILL_ASSIGN_OR_RETURN(p.updated_at, ReadTime(stmt.ColumnText(10)));
  return p;
}

constexpr std::string_view kIndicatorColumns =
    "id, category, name, document_json, version, created_at, updated_at";

Result<StoredIndicator> ReadIndicator(const SqliteStatement& stmt) {
  StoredIndicator i;
  i.id = stmt.ColumnInt(0);
  i.category = stmt.ColumnText(1);
  i.name = stmt.ColumnText(2);
  i.document_json = stmt.ColumnText(3);
  i.version = stmt.ColumnInt(4);
  SAMSPILL_ASSIGN_OR_RETURN(i.created_at, ReadTime(stmt.ColumnText(5)));
  SAMSPILL_ASSIGN_OR_RETURN(i.updated_at, ReadTime(stmt.ColumnText(6)));
  return i;
}

}  // namespace

Result<std::vector<StoredProject>> SqliteStore::CreateProjects(
    const std::vector<StoredProject>& projects, const AuditEvent& audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  std::vector<StoredProject> created;
  for (const StoredProject& p : projects) {
    SqliteStatement insert(cache_,
                           "INSERT INTO portfolio_projects (name, area, kind, status, "
                           "registered_by_user_id, merged_into, document_json, version, "
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)");
    insert.Bind(1, p.name)
        .Bind(2, p.area)
        .Bind(3, int64_t{p.kind})
        .Bind(4, int64_t{p.status})
        .Bind(5, p.registered_by_user_id)
        .Bind(6, p.merged_into)
        .Bind(7, p.document_json)
        .Bind(8, audit.at.ToIso())
        .Bind(9, audit.at.ToIso());
    Status status = insert.Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("project '" + p.name +
                      "' breaks a rule of the register: " + status.message());
    }
    SAMSPILL_RETURN_IF_ERROR(status);
    const int64_t id = sqlite3_last_insert_rowid(db_);
    SAMSPILL_RETURN_IF_ERROR(InsertRevision(id, 1, audit, p.document_json));
    AuditEvent event = audit;
    event.entity_id = std::to_string(id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
    SAMSPILL_ASSIGN_OR_RETURN(StoredProject stored, FindProjectLocked(id));
    created.push_back(std::move(stored));
  }
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return created;
}

Result<StoredProject> SqliteStore::FindProject(int64_t id) {
  MutexLock lock(mu_);
  return FindProjectLocked(id);
}

Result<std::vector<StoredProject>> SqliteStore::ListProjects() {
  MutexLock lock(mu_);
  SqliteStatement stmt(
      cache_, "SELECT " + std::string(kProjectColumns) + " FROM portfolio_projects ORDER BY id");
  return ReadRows<StoredProject>(stmt, &ReadProject);
}

Result<std::vector<StoredProject>> SqliteStore::UpdateProjects(
    const std::vector<ProjectUpdate>& updates, const AuditEvent& audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  std::vector<StoredProject> out;
  for (const ProjectUpdate& u : updates) {
    SqliteStatement update(cache_,
                           "UPDATE portfolio_projects SET name = ?, area = ?, kind = ?, "
                           "status = ?, merged_into = ?, document_json = ?, "
                           "version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
    update.Bind(1, u.name)
        .Bind(2, u.area)
        .Bind(3, int64_t{u.kind})
        .Bind(4, int64_t{u.status})
        .Bind(5, u.merged_into)
        .Bind(6, u.document_json)
        .Bind(7, audit.at.ToIso())
        .Bind(8, u.id)
        .Bind(9, u.expected_version);
    SAMSPILL_RETURN_IF_ERROR(update.Run());
    if (sqlite3_changes(db_) == 0) {
      SAMSPILL_ASSIGN_OR_RETURN(StoredProject current, FindProjectLocked(u.id));
      return Conflict("project " + std::to_string(u.id) + " was changed by someone else (version " +
                      std::to_string(current.version) + ", not " +
                      std::to_string(u.expected_version) + "); reload and try again");
    }
    SAMSPILL_RETURN_IF_ERROR(InsertRevision(u.id, u.expected_version + 1, audit, u.document_json));
    AuditEvent event = audit;
    event.entity_id = std::to_string(u.id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
    SAMSPILL_ASSIGN_OR_RETURN(StoredProject stored, FindProjectLocked(u.id));
    out.push_back(std::move(stored));
  }
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<std::vector<ProjectRevision>> SqliteStore::ListProjectRevisions(int64_t project_id) {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_,
                       "SELECT project_id, version, at, user_id, actor, action, document_json "
                       "FROM portfolio_project_revisions WHERE project_id = ? ORDER BY version");
  stmt.Bind(1, project_id);
  std::vector<ProjectRevision> out;
  Status status;
  while (stmt.Step(&status)) {
    ProjectRevision r;
    r.project_id = stmt.ColumnInt(0);
    r.version = stmt.ColumnInt(1);
    SAMSPILL_ASSIGN_OR_RETURN(r.at, ReadTime(stmt.ColumnText(2)));
    if (!stmt.ColumnIsNull(3)) r.user_id = stmt.ColumnInt(3);
    r.actor = stmt.ColumnText(4);
    r.action = stmt.ColumnText(5);
    r.document_json = stmt.ColumnText(6);
    out.push_back(std::move(r));
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  return out;
}

Status SqliteStore::SetAreaAssignment(int64_t user_id, std::string_view area, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  if (area.empty()) {
    SqliteStatement remove(cache_, "DELETE FROM portfolio_area_assignments WHERE user_id = ?");
    SAMSPILL_RETURN_IF_ERROR(remove.Bind(1, user_id).Run());
  } else {
    SqliteStatement upsert(cache_,
                           "INSERT INTO portfolio_area_assignments (user_id, area) VALUES (?, ?) "
                           "ON CONFLICT (user_id) DO UPDATE SET area = excluded.area");
    Status status = upsert.Bind(1, user_id).Bind(2, area).Run();
    if (status.code() == StatusCode::kConflict) {
      return Conflict("no user with id " + std::to_string(user_id));
    }
    SAMSPILL_RETURN_IF_ERROR(status);
  }
  if (audit.entity_id.empty()) audit.entity_id = std::to_string(user_id);
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

Result<std::vector<AreaAssignment>> SqliteStore::ListAreaAssignments() {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_,
                       "SELECT user_id, area FROM portfolio_area_assignments ORDER BY user_id");
  std::vector<AreaAssignment> out;
  Status status;
  while (stmt.Step(&status)) out.push_back({stmt.ColumnInt(0), stmt.ColumnText(1)});
  SAMSPILL_RETURN_IF_ERROR(status);
  return out;
}

Result<std::vector<StoredIndicator>> SqliteStore::SaveIndicators(
    const std::vector<StoredIndicator>& indicators, const AuditEvent& audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  std::vector<StoredIndicator> out;
  for (const StoredIndicator& ind : indicators) {
    SqliteStatement upsert(
        cache_,
        "INSERT INTO portfolio_indicators (category, name, document_json, version, created_at, "
        "updated_at) VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT (category, name) DO UPDATE SET "
        "document_json = excluded.document_json, version = version + 1, "
        "updated_at = excluded.updated_at");
    upsert.Bind(1, ind.category)
        .Bind(2, ind.name)
        .Bind(3, ind.document_json)
        .Bind(4, audit.at.ToIso())
        .Bind(5, audit.at.ToIso());
    SAMSPILL_RETURN_IF_ERROR(upsert.Run());
    SqliteStatement find(cache_,
                         "SELECT id FROM portfolio_indicators WHERE category = ? AND name = ?");
    find.Bind(1, ind.category).Bind(2, ind.name);
    Status status;
    if (!find.Step(&status)) return status.ok() ? Internal("saved indicator not found") : status;
    const int64_t id = find.ColumnInt(0);
    AuditEvent event = audit;
    event.entity_id = std::to_string(id);
    SAMSPILL_RETURN_IF_ERROR(InsertAudit(event));
    SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator stored, FindIndicatorLocked(id));
    out.push_back(std::move(stored));
  }
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<StoredIndicator> SqliteStore::FindIndicator(int64_t id) {
  MutexLock lock(mu_);
  return FindIndicatorLocked(id);
}

Result<std::vector<StoredIndicator>> SqliteStore::ListIndicators() {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_, "SELECT " + std::string(kIndicatorColumns) +
                                   " FROM portfolio_indicators ORDER BY id");
  return ReadRows<StoredIndicator>(stmt, &ReadIndicator);
}

Result<StoredIndicator> SqliteStore::UpdateIndicator(const IndicatorUpdate& u, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement update(cache_,
                         "UPDATE portfolio_indicators SET document_json = ?, "
                         "version = version + 1, updated_at = ? WHERE id = ? AND version = ?");
  update.Bind(1, u.document_json)
      .Bind(2, audit.at.ToIso())
      .Bind(3, u.id)
      .Bind(4, u.expected_version);
  SAMSPILL_RETURN_IF_ERROR(update.Run());
  if (sqlite3_changes(db_) == 0) {
    SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator current, FindIndicatorLocked(u.id));
    return Conflict("the indicator was changed by someone else (version " +
                    std::to_string(current.version) + ", not " +
                    std::to_string(u.expected_version) + "); reload and try again");
  }
  if (audit.entity_id.empty()) audit.entity_id = std::to_string(u.id);
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator updated, FindIndicatorLocked(u.id));
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return updated;
}

Result<StoredProject> SqliteStore::FindProjectLocked(int64_t id) {
  SqliteStatement stmt(
      cache_, "SELECT " + std::string(kProjectColumns) + " FROM portfolio_projects WHERE id = ?");
  stmt.Bind(1, id);
  Status status;
  if (!stmt.Step(&status)) {
    SAMSPILL_RETURN_IF_ERROR(status);
    return NotFound("no project with id " + std::to_string(id));
  }
  return ReadProject(stmt);
}

Result<StoredIndicator> SqliteStore::FindIndicatorLocked(int64_t id) {
  SqliteStatement stmt(cache_, "SELECT " + std::string(kIndicatorColumns) +
                                   " FROM portfolio_indicators WHERE id = ?");
  stmt.Bind(1, id);
  Status status;
  if (!stmt.Step(&status)) {
    SAMSPILL_RETURN_IF_ERROR(status);
    return NotFound("no indicator with id " + std::to_string(id));
  }
  return ReadIndicator(stmt);
}

Status SqliteStore::InsertRevision(int64_t project_id, int64_t version, const AuditEvent& audit,
                                   const std::string& document_json) {
  SqliteStatement insert(cache_,
                         "INSERT INTO portfolio_project_revisions (project_id, version, at, "
                         "user_id, actor, action, document_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.Bind(1, project_id)
      .Bind(2, version)
      .Bind(3, audit.at.ToIso())
      .Bind(4, audit.actor_user_id)
      .Bind(5, audit.actor.empty() ? std::string_view("system") : std::string_view(audit.actor))
      .Bind(6, audit.action)
      .Bind(7, document_json);
  return insert.Run();
}

}  // namespace samspill::store
