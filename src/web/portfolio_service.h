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
// concurrent edits are caught by the version check. Thread-safe: state lives in the Store.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "portfolio/portfolio.h"
#include "store/store.h"
#include "web/actor.h"

namespace samspill::web {

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

// An import's result: either everything stored (`imported`) or nothing and the row errors.
struct ImportOutcome {
  int imported = 0;
  std::vector<portfolio::RowError> errors;
  std::vector<portfolio::DuplicateMatch> duplicates;  // probable duplicates among the imported
  nlohmann::json ToJson() const;
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

class PortfolioService {
 public:
  PortfolioService(store::Store& store, const Clock& clock, PortfolioSettings settings = {});
  const PortfolioSettings& settings() const { return settings_; }

  // Projects.
  Result<nlohmann::json> ListProjects(const app::Actor& actor, const ProjectFilter& filter);
  Result<nlohmann::json> GetProject(const app::Actor& actor, int64_t id);  // with its history
  // Likely duplicates of a project body (not saved), best first.
  Result<nlohmann::json> CheckDuplicates(const app::Actor& actor, const nlohmann::json& body);
  // Registers a project. Likely duplicates are kConflict naming them, unless the body says
  // "confirmed_distinct": true (the user saw them and says this is a different project).
  Result<nlohmann::json> CreateProject(const app::Actor& actor, const nlohmann::json& body);
  // Replaces the editable fields; the body carries the "version" it was edited from.
  Result<nlohmann::json> UpdateProject(const app::Actor& actor, int64_t id,
                                       const nlohmann::json& body);
  // Merges `duplicate` into `keep`; both histories are kept (coordinator).
  Result<nlohmann::json> Merge(const app::Actor& actor, int64_t keep, int64_t duplicate);
  // Probable duplicates over the whole register.
  Result<nlohmann::json> DuplicateReport(const app::Actor& actor);
  // kResourceExhausted for a CSV above settings().max_import_bytes. The web edge calls it before
  // importing (the command line imports files of any size).
  Status CheckImportSize(std::string_view csv) const;
  Result<ImportOutcome> ImportProjectsCsv(const app::Actor& actor, std::string_view csv);
  Result<std::string> ExportProjectsCsv(const app::Actor& actor);
  Result<std::string> ExportXlsx(const app::Actor& actor);

  // Areas of project leaders: the configured areas, the assignments, and every project leader
  // with their area ("" when none yet).
  Result<nlohmann::json> Areas(const app::Actor& actor);
  Status AssignArea(const app::Actor& actor, int64_t user_id, std::string_view area);

  // Indicators and attainment.
  Result<nlohmann::json> ListIndicators(const app::Actor& actor);
  // One indicator with its attainment and counted figures filled in.
  Result<nlohmann::json> GetIndicator(const app::Actor& actor, int64_t indicator_id);
  // {"year": 2025, "value": 1, "note": "…", "version": 3}; a null value clears the figure.
  // An indicator counted from the register takes notes but no values.
  Result<nlohmann::json> SetFigure(const app::Actor& actor, int64_t indicator_id,
                                   const nlohmann::json& body);
  // The target and several years' figures at once, checked whole before anything is stored
  // (coordinator). Errors name the field: "target", "figures.2024.value", "figures.2024.note".
  Result<nlohmann::json> EditIndicator(const app::Actor& actor, int64_t indicator_id,
                                       const IndicatorEdit& edit);
  // Adds an indicator, or replaces the definition (unit, target kind, target, note, count rule)
  // of the one with the same category and name, keeping its figures (coordinator). With
  // `only_new`, an indicator of that category and name is not replaced: Conflict on "name".
  Result<nlohmann::json> DefineIndicator(const app::Actor& actor,
                                         const portfolio::Indicator& indicator,
                                         bool only_new = false);
  Result<ImportOutcome> ImportIndicatorsCsv(const app::Actor& actor, std::string_view csv);
  Result<std::string> AttainmentCsv(const app::Actor& actor);
  Result<std::string> CategorySvg(const app::Actor& actor, std::string_view category,
                                  bool standalone);
  Result<std::vector<std::string>> Categories(const app::Actor& actor);

  // The typed register and indicators (counted figures filled in), for pages and the CLI.
  Result<std::vector<portfolio::Project>> Projects(const app::Actor& actor);
  Result<std::vector<portfolio::Indicator>> Indicators(const app::Actor& actor);

 private:
  struct Loaded {
    store::StoredProject stored;
    portfolio::Project project;
  };
  Result<Loaded> Load(int64_t id);
  Result<std::vector<Loaded>> LoadAll();
  Result<std::vector<std::pair<store::StoredIndicator, portfolio::Indicator>>> LoadIndicators();
  // Fills the years nobody entered a figure for from the register (indicators with a count rule).
  void FillCounted(portfolio::Indicator& indicator,
                   const std::vector<portfolio::Project>& register_projects) const;
  Result<nlohmann::json> IndicatorView(const store::StoredIndicator& row,
                                       portfolio::Indicator indicator);
  Result<std::string> AreaOf(const app::Actor& actor);
  Status CheckMayEdit(const app::Actor& actor, const std::string& area);
  nlohmann::json ProjectView(const Loaded& loaded) const;
  store::AuditEvent Event(const app::Actor& actor, std::string action, std::string entity_type,
                          nlohmann::json details) const;

  store::Store& store_;
  const Clock& clock_;
  PortfolioSettings settings_;
};

}  // namespace samspill::web
