// PortfolioService: the partnership portfolio on top of the Store — the one place the API, the
// pages and the CLI go through for collaboration projects (with duplicate checks before
// saving, merges and full history), project leaders' areas, indicator targets with yearly
// figures and attainment, CSV/xlsx import and export and the attainment charts.
//
// Who may do what (routes check the role first; these checks hold for the CLI too):
// - the partnership coordinator does everything: registers and edits any project, merges
//   duplicates, imports and exports, assigns areas, enters figures;
// - a project leader registers and edits projects in their own area (assigned by the
//   coordinator) and enters single yearly figures (SetFigure), and reads the whole register —
//   seeing all projects is what lets them avoid registering one twice;
// - the steering group, administrators and auditors read everything and change nothing.
// Every change is stored with its audit event and a kept revision in one transaction;
// concurrent edits are caught by the version check. Commands and views are typed: the pages
// render the views, and web/portfolio_json.h decodes the API's bodies and encodes its answers.
// Thread-safe: state lives in the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "common/clock.h"
#include "common/status.h"
#include "common/time.h"
#include "portfolio/duplicate_finder.h"
#include "portfolio/indicator.h"
#include "portfolio/project.h"
#include "portfolio/project_csv.h"
#include "store/store.h"

namespace samspill::app {

struct PortfolioSettings {
  portfolio::AreaList areas;
  portfolio::Period period;
  portfolio::DuplicateOptions duplicates;
  // The largest CSV an import takes (uploaded, pasted or sent to the API), well below the
  // server's request limit so the pages can say what went wrong (docs/decisions/0014).
  size_t max_import_bytes = 2 << 20;
};

struct ProjectFilter {
  std::string area;    // "" any
  std::string kind;    // API name, "" any
  std::string status;  // API name, "" any (merged projects only when asked for)
  std::string query;   // words of the name, folded
};

// ---- Commands.

// A project as registered or edited. `confirmed_distinct`: the user saw the likely duplicates
// and says this is a different project (registration only).
struct ProjectCommand {
  portfolio::Project project;
  bool confirmed_distinct = false;
};

// An edit of a project, made from the stored `version` (none: refused, the version is required).
struct ProjectEditCommand {
  portfolio::Project project;
  std::optional<int64_t> version;
};

// One yearly figure of an indicator: a value (none clears it) and a note, made from `version`.
struct FigureCommand {
  int year = 0;
  std::optional<int64_t> value;
  std::string note;
  int64_t version = 0;
};

// The coordinator's edit of one indicator on its figures page: the target and the yearly
// figures shown there, saved together or not at all.
struct IndicatorEdit {
  int64_t version = 0;  // the version the edit was made from
  std::optional<int64_t> target;
  // The period's total when only it is known (replaces the stored one; none clears it).
  std::optional<int64_t> period_total;
  // One entry per year shown; a year with neither value nor note is cleared. Years not listed
  // keep their figures. `counted` is ignored: counted figures are never stored.
  std::vector<portfolio::YearFigure> figures;
};

// ---- Views.

// A stored project: the project (its id set) with the store's version and times.
struct ProjectView {
  portfolio::Project project;
  int64_t version = 0;
  Timestamp created_at;
  Timestamp updated_at;
};

struct ProjectList {
  std::vector<ProjectView> projects;
  std::vector<std::string> areas;  // the configured areas, for the filter
};

// One kept revision of a project or of a registration merged into it.
struct ProjectRevisionView {
  int64_t project_id = 0;
  int64_t version = 0;
  Timestamp at;
  std::string actor;
  std::string action;
  std::string name;  // the project's name in that revision
};

struct ProjectDetail {
  ProjectView view;
  std::vector<ProjectRevisionView> history;  // oldest first
};

// A probable duplicate pair of the register, with who registered each.
struct DuplicatePair {
  portfolio::DuplicateMatch match;
  std::string project_registered_by;
  std::string other_registered_by;
};

struct DuplicateReport {
  std::vector<DuplicatePair> pairs;
  size_t projects_checked = 0;
};

// An import's result: either everything stored (`imported`) or nothing and the row errors.
struct ImportOutcome {
  int imported = 0;
  std::vector<portfolio::RowError> errors;
  std::vector<portfolio::DuplicateMatch> duplicates;  // probable duplicates among the imported
};

struct AreaAssignmentView {
  int64_t user_id = 0;
  std::string username;
  std::string area;
};

struct ProjectLeaderView {
  int64_t user_id = 0;
  std::string username;
  std::string display_name;
  bool active = true;
  std::string area;  // "" when none is assigned yet
};

struct AreasView {
  std::vector<AreaAssignmentView> assignments;
  std::vector<std::string> areas;  // the configured areas
  std::vector<ProjectLeaderView> project_leaders;
};

// A stored indicator (its id set, counted figures filled in) with its attainment.
struct IndicatorView {
  portfolio::Indicator indicator;
  int64_t version = 0;
  portfolio::IndicatorAttainment attainment;
};

struct IndicatorList {
  std::vector<IndicatorView> indicators;
  portfolio::Period period;
};

class PortfolioService {
 public:
  PortfolioService(store::Store& store, const Clock& clock, PortfolioSettings settings = {});
  const PortfolioSettings& settings() const { return settings_; }

  // Projects.
  Result<ProjectList> ListProjects(const Actor& actor, const ProjectFilter& filter);
  Result<ProjectDetail> GetProject(const Actor& actor, int64_t id);  // with its history
  // Likely duplicates of a project (not saved), best first.
  Result<std::vector<portfolio::DuplicateMatch>> CheckDuplicates(
      const Actor& actor, const portfolio::Project& candidate);
  // Registers a project. Likely duplicates are kConflict naming them, unless the command is
  // confirmed distinct.
  Result<ProjectView> CreateProject(const Actor& actor, ProjectCommand command);
  // Replaces the editable fields.
  Result<ProjectView> UpdateProject(const Actor& actor, int64_t id, ProjectEditCommand command);
  // Merges `duplicate` into `keep`; both histories are kept (coordinator).
  Result<ProjectView> Merge(const Actor& actor, int64_t keep, int64_t duplicate);
  // Probable duplicates over the whole register.
  Result<DuplicateReport> Duplicates(const Actor& actor);
  // kResourceExhausted for a CSV above settings().max_import_bytes. The web edge calls it before
  // importing (the command line imports files of any size).
  Status CheckImportSize(std::string_view csv) const;
  Result<ImportOutcome> ImportProjectsCsv(const Actor& actor, std::string_view csv);
  Result<std::string> ExportProjectsCsv(const Actor& actor);
  Result<std::string> ExportXlsx(const Actor& actor);

  // Areas of project leaders: the configured areas, the assignments, and every project leader
  // with their area ("" when none yet).
  Result<AreasView> Areas(const Actor& actor);
  Status AssignArea(const Actor& actor, int64_t user_id, std::string_view area);

  // Indicators and attainment.
  Result<IndicatorList> ListIndicators(const Actor& actor);
  // One indicator with its attainment and counted figures filled in.
  Result<IndicatorView> GetIndicator(const Actor& actor, int64_t indicator_id);
  // An indicator counted from the register takes notes but no values.
  Result<IndicatorView> SetFigure(const Actor& actor, int64_t indicator_id,
                                  const FigureCommand& command);
  // The target and several years' figures at once, checked whole before anything is stored
  // (coordinator). Errors name the field: "target", "figures.2024.value", "figures.2024.note".
  Result<IndicatorView> EditIndicator(const Actor& actor, int64_t indicator_id,
                                      const IndicatorEdit& edit);
  // Adds an indicator, or replaces the definition (unit, target kind, target, note, count rule)
  // of the one with the same category and name, keeping its figures (coordinator). With
  // `only_new`, an indicator of that category and name is not replaced: Conflict on "name".
  Result<IndicatorView> DefineIndicator(const Actor& actor, const portfolio::Indicator& indicator,
                                        bool only_new = false);
  Result<ImportOutcome> ImportIndicatorsCsv(const Actor& actor, std::string_view csv);
  Result<std::string> AttainmentCsv(const Actor& actor);
  Result<std::string> CategorySvg(const Actor& actor, std::string_view category, bool standalone,
                                  bool english = false);
  Result<std::vector<std::string>> Categories(const Actor& actor);

  // The typed register and indicators (counted figures filled in), for the exports and the CLI.
  Result<std::vector<portfolio::Project>> Projects(const Actor& actor);
  Result<std::vector<portfolio::Indicator>> Indicators(const Actor& actor);

 private:
  struct Loaded;
  Result<Loaded> Load(int64_t id);
  Result<std::vector<Loaded>> LoadAll();
  Result<std::vector<IndicatorView>> LoadIndicators();
  // Fills the years nobody entered a figure for from the register (indicators with a count rule).
  void FillCounted(portfolio::Indicator& indicator,
                   const std::vector<portfolio::Project>& register_projects) const;
  Result<IndicatorView> ViewOf(const store::StoredIndicator& row, portfolio::Indicator indicator);
  Result<std::string> AreaOf(const Actor& actor);
  Status CheckMayEdit(const Actor& actor, const std::string& area);

  store::Store& store_;
  const Clock& clock_;
  PortfolioSettings settings_;
};

}  // namespace samspill::app
