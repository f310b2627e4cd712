// The portfolio API's JSON: request bodies decoded into app/portfolio_service.h's commands, and
// its views encoded as the answers the API has always given. The project and indicator
// documents are portfolio/project_json.h's; the decoders here add the API's own fields
// ("version", "confirmed_distinct") and name the field of a problem. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/portfolio_service.h"
#include "common/status.h"

namespace samspill::web {

// A project body (portfolio::ProjectFromJson) with "confirmed_distinct": true when the user
// saw the likely duplicates.
Result<app::ProjectCommand> ProjectCommandFromJson(const nlohmann::json& body);
// A project body with the "version" it was edited from (left empty when missing: the service
// says it is required, after it has checked that the project exists and may be edited).
Result<app::ProjectEditCommand> ProjectEditCommandFromJson(const nlohmann::json& body);
// {"year": 2025, "value": 1, "note": "…", "version": 3}; a null or missing value clears the
// figure.
Result<app::FigureCommand> FigureCommandFromJson(const nlohmann::json& body);

nlohmann::json ToJson(const app::ProjectView& view);
nlohmann::json ToJson(const app::ProjectList& list);      // {"projects": […], "areas": […]}
nlohmann::json ToJson(const app::ProjectDetail& detail);  // the project with its "history"
nlohmann::json ToJson(const portfolio::DuplicateMatch& match);
// {"duplicates": […]}: the likely duplicates of a project not yet saved.
nlohmann::json DuplicatesToJson(const std::vector<portfolio::DuplicateMatch>& matches);
nlohmann::json ToJson(const app::DuplicateReport& report);
nlohmann::json RowErrorsToJson(const std::vector<portfolio::RowError>& errors);
nlohmann::json ToJson(const app::ImportOutcome& outcome);
nlohmann::json ToJson(const app::AreasView& areas);
nlohmann::json ToJson(const app::IndicatorView& view);
nlohmann::json ToJson(const app::IndicatorList& list);  // {"indicators": […], "period": {…}}

}  // namespace samspill::web
