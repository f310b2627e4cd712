#include "app/portfolio_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "portfolio/portfolio.h"
#include "portfolio/xlsx/portfolio_xlsx.h"

namespace samspill::app {
namespace {

using nlohmann::json;
using portfolio::Project;

bool Reads(const Actor& a) {
  return a.is_system || IsPortfolioRole(a.role) || a.role == Role::kAdministrator ||
         a.role == Role::kAuditor;
}
bool Coordinates(const Actor& a) { return a.is_system || a.role == Role::kPartnershipCoordinator; }
bool EntersFigures(const Actor& a) { return Coordinates(a) || a.role == Role::kProjectLeader; }

Result<Project> ParseStoredProject(const store::StoredProject& s) {
  json doc = json::parse(s.document_json, nullptr, /*allow_exceptions=*/false);
  Result<Project> p = portfolio::ProjectFromJson(doc);
  if (!p.ok()) return Internal("stored project " + std::to_string(s.id) + " is corrupt");
  p->id = s.id;
  return p;
}

store::ProjectUpdate UpdateFor(const store::StoredProject& stored, const Project& p) {
  return {stored.id,
          stored.version,
          p.name,
          p.area,
          static_cast<int>(p.kind),
          static_cast<int>(p.status),
          p.merged_into,
          portfolio::ProjectToJson(p).dump()};
}

store::StoredProject NewStored(const Project& p) {
  store::StoredProject s;
  s.name = p.name;
  s.area = p.area;
  s.kind = static_cast<int>(p.kind);
  s.status = static_cast<int>(p.status);
  if (p.registered_by_user_id > 0) s.registered_by_user_id = p.registered_by_user_id;
  s.document_json = portfolio::ProjectToJson(p).dump();
  return s;
}

Result<portfolio::Indicator> ParseStoredIndicator(const store::StoredIndicator& row) {
  json doc = json::parse(row.document_json, nullptr, /*allow_exceptions=*/false);
  Result<portfolio::Indicator> ind = portfolio::IndicatorFromJson(doc);
  if (!ind.ok()) return Internal("stored indicator " + std::to_string(row.id) + " is corrupt");
  ind->id = row.id;
  return ind;
}

// A stored indicator and what it holds.
struct FoundIndicator {
  store::StoredIndicator row;
  portfolio::Indicator indicator;
};

Result<FoundIndicator> FindIndicator(store::Store& store, int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredIndicator row, store.FindIndicator(id));
  SAMSPILL_ASSIGN_OR_RETURN(portfolio::Indicator indicator, ParseStoredIndicator(row));
  return FoundIndicator{std::move(row), std::move(indicator)};
}

Status CountedHasNoValues(const portfolio::Indicator& ind, int year, std::string field) {
  return InvalidArgument("«" + ind.name + "» is counted from the register; its figure for " +
                             std::to_string(year) + " cannot be entered by hand",
                         std::move(field));
}

bool Matches(const Project& p, const ProjectFilter& f) {
  if (!f.area.empty() && p.area != f.area) return false;
  if (!f.kind.empty() && portfolio::ProjectKindName(p.kind) != f.kind) return false;
  if (f.status.empty()) {
    if (p.status == portfolio::ProjectStatus::kMerged) return false;
  } else if (portfolio::ProjectStatusName(p.status) != f.status) {
    return false;
  }
  if (!f.query.empty()) {
    const std::string name = portfolio::FoldNorwegian(p.name + " " + p.short_name);
    for (const std::string& w : portfolio::FoldedWords(f.query)) {
      if (name.find(w) == std::string::npos) return false;
    }
  }
  return true;
}

}  // namespace

struct PortfolioService::Loaded {
  store::StoredProject stored;
  portfolio::Project project;
};

namespace {

store::AuditEvent Event(const Clock& clock, const Actor& actor, std::string action,
                        std::string entity_type, json details) {
  store::AuditEvent e;
  e.at = clock.Now();
  e.actor_user_id = actor.user_id;
  e.actor = actor.username;
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.after_json = details.is_null() ? "{}" : details.dump();
  return e;
}

ProjectView ProjectViewOf(const store::StoredProject& stored, portfolio::Project project) {
  project.id = stored.id;
  return {std::move(project), stored.version, stored.created_at, stored.updated_at};
}

json Optional(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

}  // namespace

PortfolioService::PortfolioService(store::Store& store, const Clock& clock,
                                   PortfolioSettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

Result<PortfolioService::Loaded> PortfolioService::Load(int64_t id) {
  SAMSPILL_ASSIGN_OR_RETURN(store::StoredProject stored, store_.FindProject(id));
  SAMSPILL_ASSIGN_OR_RETURN(Project p, ParseStoredProject(stored));
  return Loaded{std::move(stored), std::move(p)};
}

Result<std::vector<PortfolioService::Loaded>> PortfolioService::LoadAll() {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredProject> rows, store_.ListProjects());
  std::vector<Loaded> out;
  out.reserve(rows.size());
  for (store::StoredProject& s : rows) {
    SAMSPILL_ASSIGN_OR_RETURN(Project p, ParseStoredProject(s));
    out.push_back({std::move(s), std::move(p)});
  }
  return out;
}

Result<std::string> PortfolioService::AreaOf(const Actor& actor) {
  if (!actor.user_id) return std::string();
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::AreaAssignment> all, store_.ListAreaAssignments());
  for (const auto& a : all) {
    if (a.user_id == *actor.user_id) return a.area;
  }
  return std::string();
}

Status PortfolioService::CheckMayEdit(const Actor& actor, const std::string& area) {
  if (Coordinates(actor)) return Status::Ok();
  SAMSPILL_RETURN_IF_ERROR(NeedRole(actor.role == Role::kProjectLeader, actor, "edit projects"));
  SAMSPILL_ASSIGN_OR_RETURN(std::string own, AreaOf(actor));
  if (own.empty()) {
    return PermissionDenied("you have no area yet; the partnership coordinator assigns one");
  }
  if (own != area) {
    return PermissionDenied("project leaders edit projects in their own area (" + own +
                            "), not in " + area);
  }
  return Status::Ok();
}

Result<std::vector<Project>> PortfolioService::Projects(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Loaded> all, LoadAll());
  std::vector<Project> out;
  for (Loaded& l : all) out.push_back(std::move(l.project));
  return out;
}

Result<ProjectList> PortfolioService::ListProjects(const Actor& actor,
                                                   const ProjectFilter& filter) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Loaded> all, LoadAll());
  ProjectList out{{}, settings_.areas.areas};
  for (Loaded& l : all) {
    if (Matches(l.project, filter))
      out.projects.push_back(ProjectViewOf(l.stored, std::move(l.project)));
  }
  return out;
}

Result<ProjectDetail> PortfolioService::GetProject(const Actor& actor, int64_t id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded l, Load(id));
  ProjectDetail out{ProjectViewOf(l.stored, l.project), {}};
  // The history of this project and of every registration merged into it.
  std::vector<int64_t> ids = {id};
  ids.insert(ids.end(), l.project.merged_from.begin(), l.project.merged_from.end());
  for (int64_t pid : ids) {
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::ProjectRevision> revisions,
                              store_.ListProjectRevisions(pid));
    for (const auto& r : revisions) {
      json doc = json::parse(r.document_json, nullptr, false);
      const json* name = doc.is_object() && doc.contains("name") ? &doc["name"] : nullptr;
      out.history.push_back({r.project_id, r.version, r.at, r.actor, r.action,
                             name && name->is_string() ? name->get<std::string>() : ""});
    }
  }
  std::stable_sort(out.history.begin(), out.history.end(),
                   [](const ProjectRevisionView& a, const ProjectRevisionView& b) {
                     return a.at.ToIso() < b.at.ToIso();
                   });
  return out;
}

Result<std::vector<portfolio::DuplicateMatch>> PortfolioService::CheckDuplicates(
    const Actor& actor, const Project& candidate) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Loaded> all, LoadAll());
  portfolio::DuplicateIndex index(settings_.duplicates);
  for (const Loaded& l : all) index.Add(l.project);
  return index.FindDuplicatesOf(candidate);
}

Result<ProjectView> PortfolioService::CreateProject(const Actor& actor, ProjectCommand command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor) || actor.role == Role::kProjectLeader, actor,
                                    "register projects"));
  Project p = std::move(command.project);
  p.id = 0;
  p.merged_into.reset();
  p.merged_from.clear();
  if (p.status == portfolio::ProjectStatus::kMerged) {
    return InvalidArgument("a new project cannot be registered as merged", "status");
  }
  if (auto area = settings_.areas.Canonical(p.area)) p.area = *area;
  p.registered_by_user_id = actor.user_id.value_or(0);
  p.registered_by = actor.username;
  SAMSPILL_RETURN_IF_ERROR(portfolio::ValidateProject(p, settings_.areas));
  SAMSPILL_RETURN_IF_ERROR(CheckMayEdit(actor, p.area));
  if (!command.confirmed_distinct) {
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::DuplicateMatch> likely,
                              CheckDuplicates(actor, p));
    if (!likely.empty()) {
      return Conflict(
          "likely a duplicate of project " + std::to_string(likely[0].other_id) + " «" +
          likely[0].other_name +
          "»; check it, or send confirmed_distinct: true if this is a different project");
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<store::StoredProject> created,
      store_.CreateProjects({NewStored(p)}, Event(clock_, actor, "portfolio.project.create",
                                                  "portfolio_project", {{"name", p.name}})));
  return ProjectViewOf(created[0], std::move(p));
}

Result<ProjectView> PortfolioService::UpdateProject(const Actor& actor, int64_t id,
                                                    ProjectEditCommand command) {
  SAMSPILL_ASSIGN_OR_RETURN(Loaded l, Load(id));
  SAMSPILL_RETURN_IF_ERROR(CheckMayEdit(actor, l.project.area));
  if (!command.version) {
    return InvalidArgument("the version the change was made from is required", "version");
  }
  Project p = std::move(command.project);
  if (l.project.status == portfolio::ProjectStatus::kMerged) {
    return Conflict("project " + std::to_string(id) + " is merged into project " +
                    std::to_string(l.project.merged_into.value_or(0)) + "; edit that one");
  }
  if (p.status == portfolio::ProjectStatus::kMerged) {
    return InvalidArgument("use the merge action to merge projects", "status");
  }
  if (auto area = settings_.areas.Canonical(p.area)) p.area = *area;
  // Who registered it and what was merged stay as they were.
  p.id = id;
  p.registered_by_user_id = l.project.registered_by_user_id;
  p.registered_by = l.project.registered_by;
  p.merged_into = l.project.merged_into;
  p.merged_from = l.project.merged_from;
  SAMSPILL_RETURN_IF_ERROR(portfolio::ValidateProject(p, settings_.areas));
  SAMSPILL_RETURN_IF_ERROR(CheckMayEdit(actor, p.area));  // moving it to another area too
  store::ProjectUpdate u = UpdateFor(l.stored, p);
  u.expected_version = *command.version;
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<store::StoredProject> updated,
      store_.UpdateProjects({u}, Event(clock_, actor, "portfolio.project.update",
                                       "portfolio_project", {{"name", p.name}})));
  return ProjectViewOf(updated[0], std::move(p));
}

Result<ProjectView> PortfolioService::Merge(const Actor& actor, int64_t keep, int64_t duplicate) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor), actor, "merge projects"));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded k, Load(keep));
  SAMSPILL_ASSIGN_OR_RETURN(Loaded d, Load(duplicate));
  SAMSPILL_ASSIGN_OR_RETURN(portfolio::MergedPair merged,
                            portfolio::MergeProjects(k.project, d.project));
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<store::StoredProject> stored,
      store_.UpdateProjects(
          {UpdateFor(k.stored, merged.kept), UpdateFor(d.stored, merged.duplicate)},
          Event(clock_, actor, "portfolio.project.merge", "portfolio_project",
                {{"kept", keep}, {"merged", duplicate}})));
  return ProjectViewOf(stored[0], std::move(merged.kept));
}

Result<DuplicateReport> PortfolioService::Duplicates(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Loaded> all, LoadAll());
  portfolio::DuplicateIndex index(settings_.duplicates);
  std::map<int64_t, std::string> registered_by;
  for (const Loaded& l : all) {
    index.Add(l.project);
    registered_by[l.project.id] = l.project.registered_by;
  }
  DuplicateReport out;
  out.projects_checked = index.size();
  for (portfolio::DuplicateMatch& m : index.Scan()) {
    std::string project_by = registered_by[m.project_id], other_by = registered_by[m.other_id];
    out.pairs.push_back({std::move(m), std::move(project_by), std::move(other_by)});
  }
  return out;
}

Result<ImportOutcome> PortfolioService::ImportProjectsCsv(const Actor& actor,
                                                          std::string_view csv) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor), actor, "import projects"));
  portfolio::ProjectImport parsed = portfolio::ParseProjectsCsv(csv, {.areas = settings_.areas});
  ImportOutcome out;
  out.errors = std::move(parsed.errors);
  // Who registered each project: a known user, or whoever imports.
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::User> users, store_.ListUsers());
  for (size_t i = 0; i < parsed.projects.size(); ++i) {
    Project& p = parsed.projects[i];
    if (p.registered_by.empty()) {
      p.registered_by = actor.username;
      p.registered_by_user_id = actor.user_id.value_or(0);
      continue;
    }
    auto it = std::find_if(users.begin(), users.end(),
                           [&](const store::User& u) { return u.username == p.registered_by; });
    if (it == users.end()) {
      out.errors.push_back({parsed.rows[i], "registrert av", "no user '" + p.registered_by + "'"});
    } else {
      p.registered_by_user_id = it->id;
    }
  }
  if (!out.errors.empty()) return out;
  // Probable duplicates, against the register and within the file, are reported (not
  // refused: the coordinator reviews them in the duplicate report and merges).
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Loaded> existing, LoadAll());
  portfolio::DuplicateIndex index(settings_.duplicates);
  for (const Loaded& l : existing) index.Add(l.project);
  std::vector<store::StoredProject> rows;
  for (const Project& p : parsed.projects) rows.push_back(NewStored(p));
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<store::StoredProject> created,
      store_.CreateProjects(rows, Event(clock_, actor, "portfolio.project.import",
                                        "portfolio_project", {{"rows", rows.size()}})));
  for (size_t i = 0; i < created.size(); ++i) {
    Project p = parsed.projects[i];
    p.id = created[i].id;
    for (auto& m : index.FindDuplicatesOf(p)) out.duplicates.push_back(std::move(m));
    index.Add(p);
  }
  out.imported = static_cast<int>(created.size());
  return out;
}

Result<std::string> PortfolioService::ExportProjectsCsv(const Actor& actor) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Project> all, Projects(actor));
  return portfolio::ProjectsToCsv(all);
}

Result<std::string> PortfolioService::ExportXlsx(const Actor& actor) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Project> all, Projects(actor));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::Indicator> indicators, Indicators(actor));
  return portfolio::PortfolioXlsxBytes(all, indicators, settings_.period);
}

Result<AreasView> PortfolioService::Areas(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::AreaAssignment> all, store_.ListAreaAssignments());
  AreasView out;
  out.areas = settings_.areas.areas;
  std::map<int64_t, std::string> area_of;
  for (const auto& a : all) {
    SAMSPILL_ASSIGN_OR_RETURN(store::User u, store_.FindUserById(a.user_id));
    out.assignments.push_back({a.user_id, u.username, a.area});
    area_of[a.user_id] = a.area;
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::User> users, store_.ListUsers());
  for (const store::User& u : users) {
    if (u.role != Role::kProjectLeader) continue;
    out.project_leaders.push_back({u.id, u.username, u.display_name, u.active, area_of[u.id]});
  }
  return out;
}

Status PortfolioService::AssignArea(const Actor& actor, int64_t user_id, std::string_view area) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor), actor, "assign areas"));
  std::string canonical;
  if (!area.empty()) {
    auto c = settings_.areas.Canonical(area);
    if (!c) return InvalidArgument("unknown area '" + std::string(area) + "'", "area");
    canonical = *c;
  }
  SAMSPILL_ASSIGN_OR_RETURN(store::User u, store_.FindUserById(user_id));
  if (u.role != Role::kProjectLeader) {
    return InvalidArgument("areas are assigned to project leaders", "user_id");
  }
  store::AuditEvent e =
      Event(clock_, actor, "portfolio.area.assign", "user", {{"area", canonical}});
  e.entity_id = std::to_string(user_id);
  return store_.SetAreaAssignment(user_id, canonical, e);
}

void PortfolioService::FillCounted(portfolio::Indicator& ind,
                                   const std::vector<Project>& register_projects) const {
  if (!ind.count_rule) return;
  for (int y = settings_.period.first_year; y <= settings_.period.last_year; ++y) {
    const portfolio::YearFigure* f = ind.Figure(y);
    if (f && f->value && !f->counted) continue;
    ind.SetFigure({y, portfolio::CountFromRegister(*ind.count_rule, y, register_projects),
                   f ? f->note : "", true});
  }
}

Result<std::vector<IndicatorView>> PortfolioService::LoadIndicators() {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredIndicator> rows, store_.ListIndicators());
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<Project> register_projects, Projects(Actor::System()));
  std::vector<IndicatorView> out;
  for (store::StoredIndicator& row : rows) {
    SAMSPILL_ASSIGN_OR_RETURN(portfolio::Indicator ind, ParseStoredIndicator(row));
    // Figures counted from the register fill years nobody entered a figure for.
    FillCounted(ind, register_projects);
    portfolio::IndicatorAttainment attainment = portfolio::ComputeAttainment(ind, settings_.period);
    out.push_back({std::move(ind), row.version, std::move(attainment)});
  }
  return out;
}

Result<IndicatorView> PortfolioService::ViewOf(const store::StoredIndicator& row,
                                               portfolio::Indicator ind) {
  if (ind.count_rule) {
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<Project> register_projects, Projects(Actor::System()));
    FillCounted(ind, register_projects);
  }
  ind.id = row.id;
  portfolio::IndicatorAttainment attainment = portfolio::ComputeAttainment(ind, settings_.period);
  return IndicatorView{std::move(ind), row.version, std::move(attainment)};
}

Status PortfolioService::CheckImportSize(std::string_view csv) const {
  if (csv.size() <= settings_.max_import_bytes) return Status::Ok();
  return ResourceExhausted("the CSV is " + std::to_string(csv.size()) +
                           " bytes; an import takes at most " +
                           std::to_string(settings_.max_import_bytes) + " bytes");
}

Result<std::vector<portfolio::Indicator>> PortfolioService::Indicators(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(auto loaded, LoadIndicators());
  std::vector<portfolio::Indicator> out;
  for (IndicatorView& view : loaded) out.push_back(std::move(view.indicator));
  return out;
}

Result<IndicatorList> PortfolioService::ListIndicators(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<IndicatorView> loaded, LoadIndicators());
  return IndicatorList{std::move(loaded), settings_.period};
}

Result<IndicatorView> PortfolioService::GetIndicator(const Actor& actor, int64_t indicator_id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Reads(actor), actor, "read the portfolio"));
  SAMSPILL_ASSIGN_OR_RETURN(FoundIndicator found, FindIndicator(store_, indicator_id));
  portfolio::Indicator& ind = found.indicator;
  return ViewOf(found.row, std::move(ind));
}

Result<IndicatorView> PortfolioService::SetFigure(const Actor& actor, int64_t indicator_id,
                                                  const FigureCommand& command) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(EntersFigures(actor), actor, "enter figures"));
  SAMSPILL_ASSIGN_OR_RETURN(FoundIndicator found, FindIndicator(store_, indicator_id));
  portfolio::Indicator& ind = found.indicator;
  const portfolio::YearFigure f{command.year, command.value, command.note, false};
  if (f.value && ind.count_rule) return CountedHasNoValues(ind, f.year, "value");
  if (f.note.size() > 2000) return InvalidArgument("the note is too long", "note");
  ind.SetFigure(f);
  SAMSPILL_RETURN_IF_ERROR(portfolio::ValidateIndicator(ind));
  store::AuditEvent e = Event(clock_, actor, "portfolio.indicator.figure", "portfolio_indicator",
                              {{"year", f.year}, {"value", Optional(f.value)}, {"note", f.note}});
  e.entity_id = std::to_string(indicator_id);
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredIndicator updated,
      store_.UpdateIndicator(
          {indicator_id, command.version, portfolio::IndicatorToJson(ind).dump()}, e));
  return ViewOf(updated, std::move(ind));
}

Result<IndicatorView> PortfolioService::EditIndicator(const Actor& actor, int64_t indicator_id,
                                                      const IndicatorEdit& edit) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor), actor, "edit indicators"));
  SAMSPILL_ASSIGN_OR_RETURN(FoundIndicator found, FindIndicator(store_, indicator_id));
  portfolio::Indicator& ind = found.indicator;
  if (edit.target && *edit.target < 0) return InvalidArgument("the target is negative", "target");
  if (edit.period_total && *edit.period_total < 0) {
    return InvalidArgument("the period's total is negative", "period_total");
  }
  ind.target = edit.target;
  ind.period_total = edit.period_total;
  json changed = json::array();
  for (const portfolio::YearFigure& given : edit.figures) {
    const std::string field = "figures." + std::to_string(given.year);
    if (given.year < 1900 || given.year > 2200) {
      return InvalidArgument("the year " + std::to_string(given.year) + " is out of range",
                             field + ".value");
    }
    if (given.value && *given.value < 0) {
      return InvalidArgument("the figure for " + std::to_string(given.year) + " is negative",
                             field + ".value");
    }
    if (given.value && ind.count_rule) return CountedHasNoValues(ind, given.year, field + ".value");
    if (given.note.size() > 2000) return InvalidArgument("the note is too long", field + ".note");
    std::erase_if(ind.figures,
                  [&](const portfolio::YearFigure& f) { return f.year == given.year; });
    if (given.value || !given.note.empty()) ind.SetFigure({given.year, given.value, given.note});
    changed.push_back(
        {{"year", given.year}, {"value", Optional(given.value)}, {"note", given.note}});
  }
  if (Status valid = portfolio::ValidateIndicator(ind); !valid.ok()) {
    // ValidateIndicator names a negative year's figure by the year alone.
    std::string field = valid.field();
    if (!field.empty() && field.find_first_not_of("0123456789") == std::string::npos) {
      field = "figures." + field + ".value";
    }
    return InvalidArgument(valid.message(), field);
  }
  store::AuditEvent e = Event(clock_, actor, "portfolio.indicator.edit", "portfolio_indicator",
                              {{"target", Optional(ind.target)},
                               {"period_total", Optional(ind.period_total)},
                               {"figures", changed}});
  e.entity_id = std::to_string(indicator_id);
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredIndicator updated,
      store_.UpdateIndicator({indicator_id, edit.version, portfolio::IndicatorToJson(ind).dump()},
                             e));
  return ViewOf(updated, std::move(ind));
}

Result<IndicatorView> PortfolioService::DefineIndicator(const Actor& actor,
                                                        const portfolio::Indicator& indicator,
                                                        bool only_new) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor), actor, "define indicators"));
  portfolio::Indicator ind = indicator;
  ind.figures.clear();
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredIndicator> rows, store_.ListIndicators());
  for (const store::StoredIndicator& row : rows) {
    if (row.category != ind.category || row.name != ind.name) continue;
    if (only_new) {
      return Status(StatusCode::kConflict,
                    "«" + ind.category + "» already has an indicator named «" + ind.name + "»",
                    "name");
    }
    SAMSPILL_ASSIGN_OR_RETURN(portfolio::Indicator existing, ParseStoredIndicator(row));
    ind.figures = std::move(existing.figures);
  }
  if (ind.count_rule) {
    // Entered figures would hide the counted ones; they are cleared by hand, never silently.
    for (const portfolio::YearFigure& f : ind.figures) {
      if (f.value && !f.counted) {
        return Conflict("«" + ind.name + "» has an entered figure for " + std::to_string(f.year) +
                        "; clear its figures before counting it from the register");
      }
    }
  }
  SAMSPILL_RETURN_IF_ERROR(portfolio::ValidateIndicator(ind));
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<store::StoredIndicator> saved,
      store_.SaveIndicators(
          {{0, ind.category, ind.name, portfolio::IndicatorToJson(ind).dump()}},
          Event(clock_, actor, "portfolio.indicator.define", "portfolio_indicator",
                {{"category", ind.category}, {"name", ind.name}})));
  return ViewOf(saved[0], std::move(ind));
}

Result<ImportOutcome> PortfolioService::ImportIndicatorsCsv(const Actor& actor,
                                                            std::string_view csv) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(Coordinates(actor), actor, "import indicators"));
  portfolio::IndicatorImport parsed = portfolio::ParseIndicatorsCsv(csv);
  ImportOutcome out;
  out.errors = std::move(parsed.errors);
  if (!out.errors.empty()) return out;
  // The CSV has no column for a count rule: an indicator it updates keeps its rule, and the
  // figures of a counted indicator are not taken from a file.
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredIndicator> stored, store_.ListIndicators());
  std::map<std::pair<std::string, std::string>, portfolio::CountRule> rules;
  for (const store::StoredIndicator& row : stored) {
    SAMSPILL_ASSIGN_OR_RETURN(portfolio::Indicator existing, ParseStoredIndicator(row));
    if (existing.count_rule) rules[{row.category, row.name}] = *existing.count_rule;
  }
  for (size_t i = 0; i < parsed.indicators.size(); ++i) {
    portfolio::Indicator& ind = parsed.indicators[i];
    auto rule = rules.find({ind.category, ind.name});
    if (rule == rules.end()) continue;
    ind.count_rule = rule->second;
    for (const portfolio::YearFigure& f : ind.figures) {
      if (!f.value) continue;
      out.errors.push_back(
          {parsed.rows[i], std::to_string(f.year),
           "«" + ind.name + "» is counted from the register; leave its year columns empty"});
    }
  }
  if (!out.errors.empty()) return out;
  std::vector<store::StoredIndicator> rows;
  for (const portfolio::Indicator& ind : parsed.indicators) {
    rows.push_back({0, ind.category, ind.name, portfolio::IndicatorToJson(ind).dump()});
  }
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<store::StoredIndicator> saved,
      store_.SaveIndicators(rows, Event(clock_, actor, "portfolio.indicator.import",
                                        "portfolio_indicator", {{"rows", rows.size()}})));
  out.imported = static_cast<int>(saved.size());
  return out;
}

Result<std::string> PortfolioService::AttainmentCsv(const Actor& actor) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::Indicator> all, Indicators(actor));
  return portfolio::AttainmentToCsv(all, settings_.period);
}

Result<std::vector<std::string>> PortfolioService::Categories(const Actor& actor) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::Indicator> all, Indicators(actor));
  return portfolio::Categories(all);
}

Result<std::string> PortfolioService::CategorySvg(const Actor& actor, std::string_view category,
                                                  bool standalone, bool english) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::Indicator> all, Indicators(actor));
  const std::vector<std::string> categories = portfolio::Categories(all);
  if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
    return NotFound("no indicator category '" + std::string(category) + "'");
  }
  return portfolio::CategoryChartSvg(
      category, all, settings_.period,
      {.standalone = standalone,
       .title = (english ? "Targets: " : "Måltall: ") + std::string(category),
       .english = english});
}

}  // namespace samspill::app
