#include "web/portfolio_json.h"

#include <cmath>

#include "common/json_fields.h"
#include "portfolio/project_json.h"

namespace samspill::web {
namespace {

using nlohmann::json;

json PeriodJson(const portfolio::Period& period) {
  return {{"first_year", period.first_year}, {"last_year", period.last_year}};
}

}  // namespace

Result<app::ProjectCommand> ProjectCommandFromJson(const json& body) {
  SAMSPILL_ASSIGN_OR_RETURN(portfolio::Project project, portfolio::ProjectFromJson(body));
  auto confirmed = body.find("confirmed_distinct");
  return app::ProjectCommand{std::move(project), confirmed != body.end() &&
                                                     confirmed->is_boolean() &&
                                                     confirmed->get<bool>()};
}

Result<app::ProjectEditCommand> ProjectEditCommandFromJson(const json& body) {
  SAMSPILL_ASSIGN_OR_RETURN(portfolio::Project project, portfolio::ProjectFromJson(body));
  app::ProjectEditCommand command{std::move(project), std::nullopt};
  auto version = body.find("version");
  if (version != body.end() && version->is_number_integer()) {
    command.version = version->get<int64_t>();
  }
  return command;
}

Result<app::FigureCommand> FigureCommandFromJson(const json& body) {
  if (!body.is_object()) return InvalidArgument("the body must be a JSON object");
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"year", "value", "note", "version"}));
  auto year = body.find("year");
  auto version = body.find("version");
  if (year == body.end() || !year->is_number_integer()) {
    return InvalidArgument("year is required", "year");
  }
  if (version == body.end() || !version->is_number_integer()) {
    return InvalidArgument("the version the change was made from is required", "version");
  }
  if (year->get<int64_t>() < 0 || year->get<int64_t>() > 9999) {
    return InvalidArgument("the year " + year->dump() + " is out of range", "year");
  }
  app::FigureCommand command;
  command.year = year->get<int>();
  command.version = version->get<int64_t>();
  auto value = body.find("value");
  if (value != body.end() && !value->is_null()) {
    if (!value->is_number_integer()) {
      return InvalidArgument("value must be a whole number", "value");
    }
    command.value = value->get<int64_t>();
  }
  auto note = body.find("note");
  if (note != body.end() && !note->is_null()) {
    if (!note->is_string()) return InvalidArgument("note must be a string", "note");
    command.note = note->get<std::string>();
  }
  return command;
}

json ToJson(const app::ProjectView& view) {
  json out = portfolio::ProjectToJson(view.project);
  out["version"] = view.version;
  out["created_at"] = view.created_at.ToIso();
  out["updated_at"] = view.updated_at.ToIso();
  out["total_funding_nok"] = static_cast<double>(portfolio::TotalFundingNok(view.project)) / 100.0;
  return out;
}

json ToJson(const app::ProjectList& list) {
  json projects = json::array();
  for (const app::ProjectView& view : list.projects) projects.push_back(ToJson(view));
  return {{"projects", std::move(projects)}, {"areas", list.areas}};
}

json ToJson(const app::ProjectDetail& detail) {
  json out = ToJson(detail.view);
  json history = json::array();
  for (const app::ProjectRevisionView& r : detail.history) {
    history.push_back({{"project_id", r.project_id},
                       {"version", r.version},
                       {"at", r.at.ToIso()},
                       {"actor", r.actor},
                       {"action", r.action},
                       {"name", r.name}});
  }
  out["history"] = std::move(history);
  return out;
}

json ToJson(const portfolio::DuplicateMatch& m) {
  return {{"project_id", m.project_id},
          {"other_id", m.other_id},
          {"project_name", m.project_name},
          {"other_name", m.other_name},
          {"score", std::round(m.score * 100) / 100},
          {"reasons", m.reasons}};
}

json DuplicatesToJson(const std::vector<portfolio::DuplicateMatch>& matches) {
  json out = json::array();
  for (const portfolio::DuplicateMatch& m : matches) out.push_back(ToJson(m));
  return {{"duplicates", std::move(out)}};
}

json ToJson(const app::DuplicateReport& report) {
  json pairs = json::array();
  for (const app::DuplicatePair& pair : report.pairs) {
    json item = ToJson(pair.match);
    item["project_registered_by"] = pair.project_registered_by;
    item["other_registered_by"] = pair.other_registered_by;
    pairs.push_back(std::move(item));
  }
  return {{"pairs", std::move(pairs)}, {"projects_checked", report.projects_checked}};
}

json RowErrorsToJson(const std::vector<portfolio::RowError>& errors) {
  json out = json::array();
  for (const portfolio::RowError& e : errors) {
    out.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message}});
  }
  return out;
}

json ToJson(const app::ImportOutcome& outcome) {
  json duplicates = json::array();
  for (const portfolio::DuplicateMatch& m : outcome.duplicates) duplicates.push_back(ToJson(m));
  return {{"imported", outcome.imported},
          {"errors", RowErrorsToJson(outcome.errors)},
          {"duplicates", std::move(duplicates)}};
}

json ToJson(const app::AreasView& areas) {
  json assignments = json::array(), leaders = json::array();
  for (const app::AreaAssignmentView& a : areas.assignments) {
    assignments.push_back({{"user_id", a.user_id}, {"username", a.username}, {"area", a.area}});
  }
  for (const app::ProjectLeaderView& u : areas.project_leaders) {
    leaders.push_back({{"user_id", u.user_id},
                       {"username", u.username},
                       {"display_name", u.display_name},
                       {"active", u.active},
                       {"area", u.area}});
  }
  return {{"assignments", std::move(assignments)},
          {"areas", areas.areas},
          {"project_leaders", std::move(leaders)}};
}

json ToJson(const app::IndicatorView& view) {
  json out = portfolio::IndicatorToJson(view.indicator);
  out["id"] = view.indicator.id;
  out["version"] = view.version;
  out["attainment"] = portfolio::AttainmentToJson(view.attainment);
  return out;
}

json ToJson(const app::IndicatorList& list) {
  json indicators = json::array();
  for (const app::IndicatorView& view : list.indicators) indicators.push_back(ToJson(view));
  return {{"indicators", std::move(indicators)}, {"period", PeriodJson(list.period)}};
}

}  // namespace samspill::web
