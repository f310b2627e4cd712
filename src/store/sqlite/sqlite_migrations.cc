#include "store/sqlite/sqlite_migrations.h"

#include "store/audit_chain.h"
#include "store/sqlite/audit_rows.h"
#include "store/sqlite/sqlite_connection.h"

namespace samspill::store {
namespace {

// Migration 7's back-fill: hashes the events stored so far, in id order, into the new chained
// table, and records the head. The old table keeps its append-only triggers throughout: its
// rows are read, never updated, and the table is then dropped whole (decision 0018).
Status ChainExistingAuditEvents(sqlite3* db) {
  SqliteStatement rows(
      db, std::string("SELECT ") + kAuditRowColumns + " FROM audit_events ORDER BY id");
  SqliteStatement insert(db, InsertAuditRowSql("audit_events_chained"));
  SAMSPILL_RETURN_IF_ERROR(rows.status());
  SAMSPILL_RETURN_IF_ERROR(insert.status());
  StoredAuditRow row;
  row.hash = std::string(kAuditGenesisHash);
  Status status;
  while (rows.Step(&status)) {
    row.prev_hash = row.hash;
    ReadAuditRow(rows, row);
    row.hash = AuditEventHash(row);
    insert.Reset();
    SAMSPILL_RETURN_IF_ERROR(BindAuditRow(insert, row).Run());
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  SqliteStatement head(db, "INSERT INTO audit_head (id, last_id, hash) VALUES (1, ?, ?)");
  return head.Bind(1, row.id).Bind(2, row.hash).Run();
}

// Migration 8: the organisations' postal address, where the table does not have it yet.
Status AddOrganisationAddress(sqlite3* db) {
  SqliteStatement columns(
      db, "SELECT 1 FROM pragma_table_info('organisations') WHERE name = 'address'");
  SAMSPILL_RETURN_IF_ERROR(columns.status());
  Status status;
  const bool present = columns.Step(&status);
  SAMSPILL_RETURN_IF_ERROR(status);
  if (present) return Status::Ok();
  return ExecSql(db,
                 "ALTER TABLE organisations ADD COLUMN address TEXT NOT NULL DEFAULT '' "
                 "CHECK (length(address) <= 300)");
}

// Times are ISO 8601 UTC text ("2025-09-19T12:00:00Z"): readable, and they sort correctly.
constexpr Migration kMigrations[] = {
    {1, "users, sessions and the append-only audit trail", R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT    NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
  display_name  TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role          INTEGER NOT NULL CHECK (role BETWEEN 1 AND 7),
  password_hash TEXT    NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT    NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  expires_at TEXT    NOT NULL
);
CREATE INDEX sessions_by_user ON sessions(user_id);

CREATE TABLE audit_events (
  id            INTEGER PRIMARY KEY,
  at            TEXT    NOT NULL,
  actor_user_id INTEGER REFERENCES users(id),
  actor         TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  entity_type   TEXT    NOT NULL,
  entity_id     TEXT    NOT NULL,
  before_json   TEXT    NOT NULL DEFAULT '',
  after_json    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_by_entity ON audit_events(entity_type, entity_id);

CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
)sql"},
    {2, "organisations (buyer and suppliers); a user may belong to one", R"sql(
CREATE TABLE organisations (
  id         INTEGER PRIMARY KEY,
  org_number TEXT    NOT NULL UNIQUE CHECK (length(org_number) = 9),
  name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind       INTEGER NOT NULL CHECK (kind IN (1, 2)),
  created_at TEXT    NOT NULL
);
ALTER TABLE users ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
CREATE INDEX users_by_organisation ON users(organisation_id);
)sql"},
    {3, "tenders, sealed bids, and questions with published answers", R"sql(
CREATE TABLE tenders (
  id                    INTEGER PRIMARY KEY,
  buyer_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  title                 TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  state                 INTEGER NOT NULL CHECK (state BETWEEN 1 AND 11),
  bid_deadline          TEXT,
  document_json         TEXT    NOT NULL,
  outcome_json          TEXT    NOT NULL DEFAULT '{}',
  version               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT    NOT NULL,
  updated_at            TEXT    NOT NULL
);
CREATE INDEX tenders_by_buyer ON tenders(buyer_organisation_id);

CREATE TABLE bids (
  id                       INTEGER PRIMARY KEY,
  tender_id                INTEGER NOT NULL REFERENCES tenders(id),
  lot_id                   TEXT    NOT NULL,
  supplier_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  submitted_by_user_id     INTEGER NOT NULL REFERENCES users(id),
  version                  INTEGER NOT NULL DEFAULT 1,
  received_at              TEXT    NOT NULL,
  content_json             TEXT    NOT NULL,
  status                   INTEGER NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),
  rejection_reason         TEXT    NOT NULL DEFAULT '',
  scores_json              TEXT    NOT NULL DEFAULT '[]',
  UNIQUE (tender_id, lot_id, supplier_organisation_id)
);

CREATE TABLE questions (
  id                       INTEGER PRIMARY KEY,
  tender_id                INTEGER NOT NULL REFERENCES tenders(id),
  lot_id                   TEXT    NOT NULL DEFAULT '',
  asked_by_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  asked_by_user_id         INTEGER NOT NULL REFERENCES users(id),
  question                 TEXT    NOT NULL CHECK (length(question) BETWEEN 1 AND 10000),
  asked_at                 TEXT    NOT NULL,
  answer                   TEXT,
  answered_at              TEXT,
  answered_by_user_id      INTEGER REFERENCES users(id)
);
CREATE INDEX questions_by_tender ON questions(tender_id);
)sql"},
    {4, "roles 8-11: politician and the partnership roles (the users table rebuilt for its CHECK)",
     R"sql(
CREATE TABLE users_new (
  id              INTEGER PRIMARY KEY,
  username        TEXT    NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
  display_name    TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role            INTEGER NOT NULL CHECK (role BETWEEN 1 AND 11),
  password_hash   TEXT    NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT    NOT NULL,
  organisation_id INTEGER REFERENCES organisations(id)
);
INSERT INTO users_new (id, username, display_name, role, password_hash, active, created_at,
                       organisation_id)
  SELECT id, username, display_name, role, password_hash, active, created_at, organisation_id
  FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_by_organisation ON users(organisation_id);
)sql",
     /*rebuilds_tables=*/true},
    {5, "imported market processes (OCDS, eForms) and their lots, for market reports", R"sql(
CREATE TABLE market_processes (
  id            INTEGER PRIMARY KEY,
  process_key   TEXT    NOT NULL UNIQUE CHECK (length(process_key) BETWEEN 1 AND 500),
  source        TEXT    NOT NULL,
  buyer         TEXT    NOT NULL,
  region        TEXT    NOT NULL,
  published     TEXT    NOT NULL,
  document_json TEXT    NOT NULL,
  imported_at   TEXT    NOT NULL
);

CREATE TABLE market_lots (
  process_id    INTEGER NOT NULL REFERENCES market_processes(id) ON DELETE CASCADE,
  lot_id        TEXT    NOT NULL,
  cpv           TEXT    NOT NULL,
  bidders       INTEGER CHECK (bidders IS NULL OR bidders >= 0),
  bidder_source INTEGER NOT NULL CHECK (bidder_source BETWEEN 0 AND 5),
  PRIMARY KEY (process_id, lot_id)
);
CREATE INDEX market_lots_by_cpv ON market_lots(cpv);
)sql"},
    {6, "the partnership portfolio: projects with every revision, area assignments, indicators",
     R"sql(
CREATE TABLE portfolio_projects (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  area                  TEXT    NOT NULL,
  kind                  INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
  status                INTEGER NOT NULL CHECK (status BETWEEN 1 AND 6),
  registered_by_user_id INTEGER REFERENCES users(id),
  merged_into           INTEGER REFERENCES portfolio_projects(id),
  document_json         TEXT    NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT    NOT NULL,
  updated_at            TEXT    NOT NULL
);
CREATE INDEX portfolio_projects_by_area ON portfolio_projects(area);

-- Every revision of every project, append-only: who changed it, when, and the whole document.
CREATE TABLE portfolio_project_revisions (
  project_id    INTEGER NOT NULL REFERENCES portfolio_projects(id),
  version       INTEGER NOT NULL,
  at            TEXT    NOT NULL,
  user_id       INTEGER REFERENCES users(id),
  actor         TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  document_json TEXT    NOT NULL,
  PRIMARY KEY (project_id, version)
);
CREATE TRIGGER portfolio_revisions_append_only_update BEFORE UPDATE ON portfolio_project_revisions
BEGIN SELECT RAISE(ABORT, 'project revisions are append-only'); END;
CREATE TRIGGER portfolio_revisions_append_only_delete BEFORE DELETE ON portfolio_project_revisions
BEGIN SELECT RAISE(ABORT, 'project revisions are append-only'); END;

-- A project leader's area (innsatsområde): the projects they may edit.
CREATE TABLE portfolio_area_assignments (
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  area    TEXT    NOT NULL CHECK (length(area) BETWEEN 1 AND 200)
);

CREATE TABLE portfolio_indicators (
  id            INTEGER PRIMARY KEY,
  category      TEXT    NOT NULL CHECK (length(category) BETWEEN 1 AND 200),
  name          TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  document_json TEXT    NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  UNIQUE (category, name)
);
)sql"},
    {7,
     "a hash chain over the audit trail (prev_hash, hash) and its recorded head; the table is "
     "rebuilt and existing events are chained in id order",
     R"sql(
CREATE TABLE audit_events_chained (
  id            INTEGER PRIMARY KEY,
  at            TEXT    NOT NULL,
  actor_user_id INTEGER REFERENCES users(id),
  actor         TEXT    NOT NULL,
  action        TEXT    NOT NULL,
  entity_type   TEXT    NOT NULL,
  entity_id     TEXT    NOT NULL,
  before_json   TEXT    NOT NULL DEFAULT '',
  after_json    TEXT    NOT NULL DEFAULT '',
  prev_hash     TEXT    NOT NULL CHECK (length(prev_hash) = 64),
  hash          TEXT    NOT NULL CHECK (length(hash) = 64)
);

-- The last appended event, written in the same transaction as every append: deleting the
-- newest events shows as a gap between them and this row.
CREATE TABLE audit_head (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  hash    TEXT    NOT NULL CHECK (length(hash) = 64)
);
)sql",
     /*rebuilds_tables=*/true, &ChainExistingAuditEvents, R"sql(
DROP TABLE audit_events;
ALTER TABLE audit_events_chained RENAME TO audit_events;
CREATE INDEX audit_events_by_entity ON audit_events(entity_type, entity_id);

CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
)sql"},
    // Shipped once numbered 7 as well, so databases created by that release already have the
    // column at user_version 7 while older ones lack it: the fill adds it only where missing.
    {8, "organisations get their postal address (the protocol names the buyer's, FOA § 25-5 a)", "",
     false, &AddOrganisationAddress},
    {9, "decision cases: whether to tender a service (baseline, business case, risks, decision)",
     R"sql(
CREATE TABLE decision_cases (
  id            INTEGER PRIMARY KEY,
  title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  service_area  TEXT    NOT NULL CHECK (length(service_area) BETWEEN 1 AND 200),
  decided       INTEGER NOT NULL DEFAULT 0 CHECK (decided IN (0, 1)),
  created_by_user_id INTEGER REFERENCES users(id),
  document_json TEXT    NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
);
)sql"},
    {10, "role 12: controller (the users table rebuilt for its CHECK)", R"sql(
CREATE TABLE users_new (
  id              INTEGER PRIMARY KEY,
  username        TEXT    NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
  display_name    TEXT    NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  role            INTEGER NOT NULL CHECK (role BETWEEN 1 AND 12),
  password_hash   TEXT    NOT NULL,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT    NOT NULL,
  organisation_id INTEGER REFERENCES organisations(id)
);
INSERT INTO users_new (id, username, display_name, role, password_hash, active, created_at,
                       organisation_id)
  SELECT id, username, display_name, role, password_hash, active, created_at, organisation_id
  FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_by_organisation ON users(organisation_id);
)sql",
     /*rebuilds_tables=*/true},
    {11,
     "the tendering strategy: its documents (register, priorities per year, the plan's draft) "
     "and the plan's published versions, append-only",
     R"sql(
-- Each document whole, as the strategy module writes it, under its kind and key ("" for the
-- register and the plan, the budget year for priorities).
CREATE TABLE strategy_documents (
  kind               TEXT    NOT NULL CHECK (kind IN ('register', 'priorities', 'plan')),
  key                TEXT    NOT NULL,
  document_json      TEXT    NOT NULL,
  version            INTEGER NOT NULL CHECK (version >= 1),
  updated_by_user_id INTEGER REFERENCES users(id),
  updated_at         TEXT    NOT NULL,
  PRIMARY KEY (kind, key)
);

-- What was published is what the council and the market saw: numbered 1, 2, … without gaps,
-- never changed or removed.
CREATE TABLE plan_versions (
  number               INTEGER PRIMARY KEY CHECK (number >= 1),
  published_at         TEXT    NOT NULL,
  published_by_user_id INTEGER REFERENCES users(id),
  document_json        TEXT    NOT NULL
);
CREATE TRIGGER plan_versions_without_gaps BEFORE INSERT ON plan_versions
WHEN NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM plan_versions)
BEGIN SELECT RAISE(ABORT, 'plan versions are numbered 1, 2, ... without gaps'); END;
CREATE TRIGGER plan_versions_append_only_update BEFORE UPDATE ON plan_versions
BEGIN SELECT RAISE(ABORT, 'published plan versions are append-only'); END;
CREATE TRIGGER plan_versions_append_only_delete BEFORE DELETE ON plan_versions
BEGIN SELECT RAISE(ABORT, 'published plan versions are append-only'); END;
)sql"},
};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace samspill::store
