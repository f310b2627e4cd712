// PortfolioStore: the partnership portfolio's projects with their revisions, the users' areas
// and the indicators.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "store/audit.h"

namespace samspill::store {

// A collaboration project of the partnership portfolio as stored: the indexed columns and the
// portfolio module's document (portfolio/project_json.h owns its shape). Every change bumps
// `version` and keeps the whole document as a revision, so the history is never lost.
struct StoredProject {
  int64_t id = 0;
  std::string name;
  std::string area;
  int kind = 1;    // portfolio::ProjectKind
  int status = 3;  // portfolio::ProjectStatus
  std::optional<int64_t> registered_by_user_id;
  std::optional<int64_t> merged_into;
  std::string document_json;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct ProjectUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;  // else kConflict "changed by someone else"
  std::string name;
  std::string area;
  int kind = 1;
  int status = 3;
  std::optional<int64_t> merged_into;
  std::string document_json;
};

// One kept revision of a project: version 1 is the registration.
struct ProjectRevision {
  int64_t project_id = 0;
  int64_t version = 0;
  Timestamp at;
  std::optional<int64_t> user_id;
  std::string actor;
  std::string action;  // the audit action: "portfolio.project.create", "….merge", …
  std::string document_json;
};

struct AreaAssignment {
  int64_t user_id = 0;
  std::string area;
};

// An indicator with its target and yearly figures (portfolio/project_json.h owns the document).
// (category, name) is unique.
struct StoredIndicator {
  int64_t id = 0;
  std::string category;
  std::string name;
  std::string document_json;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct IndicatorUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;
  std::string document_json;
};

class PortfolioStore {
 public:
  virtual ~PortfolioStore() = default;

  // Portfolio projects. CreateProjects stores all or none (an import is one transaction) and
  // writes revision 1 and one audit event per project (a copy of `audit` with entity_id set).
  // UpdateProjects applies every update or none (a merge changes two projects), each checked
  // against its expected_version and kept as a new revision.
  virtual Result<std::vector<StoredProject>> CreateProjects(
      const std::vector<StoredProject>& projects, const AuditEvent& audit) = 0;
  virtual Result<StoredProject> FindProject(int64_t id) = 0;      // kNotFound
  virtual Result<std::vector<StoredProject>> ListProjects() = 0;  // by id
  virtual Result<std::vector<StoredProject>> UpdateProjects(
      const std::vector<ProjectUpdate>& updates, const AuditEvent& audit) = 0;
  virtual Result<std::vector<ProjectRevision>> ListProjectRevisions(int64_t project_id) = 0;

  // A user's portfolio area; an empty area removes the assignment. The user must exist.
  virtual Status SetAreaAssignment(int64_t user_id, std::string_view area, AuditEvent audit) = 0;
  virtual Result<std::vector<AreaAssignment>> ListAreaAssignments() = 0;  // by user id

  // Indicators. SaveIndicators inserts new (category, name) pairs and replaces the document of
  // existing ones (version + 1), all in one transaction. UpdateIndicator checks the version.
  virtual Result<std::vector<StoredIndicator>> SaveIndicators(
      const std::vector<StoredIndicator>& indicators, const AuditEvent& audit) = 0;
  virtual Result<StoredIndicator> FindIndicator(int64_t id) = 0;      // kNotFound
  virtual Result<std::vector<StoredIndicator>> ListIndicators() = 0;  // by id
  virtual Result<StoredIndicator> UpdateIndicator(const IndicatorUpdate& update,
                                                  AuditEvent audit) = 0;
};

}  // namespace samspill::store
