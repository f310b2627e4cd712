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

constexpr EntityTable<StoredProject> kProjects{
    "portfolio_projects", kProjectColumns, &ReadProject,
    [](int64_t id) { return "no project with id " + std::to_string(id); }};
constexpr EntityTable<StoredIndicator> kIndicators{
    "portfolio_indicators", kIndicatorColumns, &ReadIndicator,
    [](int64_t id) { return "no indicator with id " + std::to_string(id); }};

}  // namespace

Result<std::vector<StoredProject>> SqliteStore::CreateProjects(
    const std::vector<StoredProject>& projects, const AuditEvent& audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  std::vector<StoredProject> created;
  for (const StoredProject& p : projects) {
    const RowInsert insert{
        .sql =
            "INSERT INTO portfolio_projects (name, area, kind, status, registered_by_user_id, "
            "merged_into, document_json, version, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
        .bind =
            [&p, &audit](SqliteStatement& stmt) {
              stmt.Bind(1, p.name)
                  .Bind(2, p.area)
                  .Bind(3, int64_t{p.kind})
                  .Bind(4, int64_t{p.status})
                  .Bind(5, p.registered_by_user_id)
                  .Bind(6, p.merged_into)
                  .Bind(7, p.document_json)
                  .Bind(8, audit.at.ToIso())
                  .Bind(9, audit.at.ToIso());
            },
        .on_conflict =
            [&p](const Status& violation) {
              return Conflict("project '" + p.name +
                              "' breaks a rule of the register: " + violation.message());
            },
    };
    SAMSPILL_ASSIGN_OR_RETURN(StoredProject stored,
                              WriteRowLocked(kProjects, insert, audit, AuditNames::kRow));
    SAMSPILL_RETURN_IF_ERROR(InsertRevision(stored.id, 1, audit, p.document_json));
    created.push_back(std::move(stored));
  }
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return created;
}

Result<StoredProject> SqliteStore::FindProject(int64_t id) {
  MutexLock lock(mu_);
  return FindRowLocked(kProjects, id);
}

Result<std::vector<StoredProject>> SqliteStore::ListProjects() {
  MutexLock lock(mu_);
  return ListRowsLocked(kProjects, "id");
}

Result<std::vector<StoredProject>> SqliteStore::UpdateProjects(
    const std::vector<ProjectUpdate>& updates, const AuditEvent& audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  std::vector<StoredProject> out;
  for (const ProjectUpdate& u : updates) {
    const VersionedRowUpdate update{
        .id = u.id,
        .expected_version = u.expected_version,
        .set = "name = ?, area = ?, kind = ?, status = ?, merged_into = ?, document_json = ?",
        .bind =
            [&u](SqliteStatement& stmt) {
              stmt.Bind(1, u.name)
                  .Bind(2, u.area)
                  .Bind(3, int64_t{u.kind})
                  .Bind(4, int64_t{u.status})
                  .Bind(5, u.merged_into)
                  .Bind(6, u.document_json);
            },
        .subject = "project " + std::to_string(u.id),
    };
    SAMSPILL_ASSIGN_OR_RETURN(StoredProject stored,
                              WriteRowLocked(kProjects, update, audit, AuditNames::kRow));
    SAMSPILL_RETURN_IF_ERROR(InsertRevision(u.id, stored.version, audit, u.document_json));
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
    // An upsert that replaced a document inserted nothing, so its id is looked up, not taken
    // from sqlite3_last_insert_rowid.
    SqliteStatement find(cache_,
                         "SELECT id FROM portfolio_indicators WHERE category = ? AND name = ?");
    find.Bind(1, ind.category).Bind(2, ind.name);
    Status status;
    if (!find.Step(&status)) return status.ok() ? Internal("saved indicator not found") : status;
    const int64_t id = find.ColumnInt(0);
    SAMSPILL_RETURN_IF_ERROR(InsertAuditFor(audit, AuditNames::kRow, id));
    SAMSPILL_ASSIGN_OR_RETURN(StoredIndicator stored, FindRowLocked(kIndicators, id));
    out.push_back(std::move(stored));
  }
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<StoredIndicator> SqliteStore::FindIndicator(int64_t id) {
  MutexLock lock(mu_);
  return FindRowLocked(kIndicators, id);
}

Result<std::vector<StoredIndicator>> SqliteStore::ListIndicators() {
  MutexLock lock(mu_);
  return ListRowsLocked(kIndicators, "id");
}

Result<StoredIndicator> SqliteStore::UpdateIndicator(const IndicatorUpdate& u, AuditEvent audit) {
  MutexLock lock(mu_);
  const VersionedRowUpdate update{
      .id = u.id,
      .expected_version = u.expected_version,
      .set = "document_json = ?",
      .bind = [&u](SqliteStatement& stmt) { stmt.Bind(1, u.document_json); },
      .subject = "the indicator",
  };
  return WriteWithAudit(kIndicators, update, audit, AuditNames::kRowIfEmpty);
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
