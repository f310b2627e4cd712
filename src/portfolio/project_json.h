// JSON form of projects and indicators: the store's snapshot and the API's body are the same
// shape. Reading checks types and names the field in error ("partners[1].unit"); it does not
// validate the domain rules (ValidateProject does). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "portfolio/indicator.h"
#include "portfolio/project.h"

namespace samspill::portfolio {

nlohmann::json ProjectToJson(const Project& project);
// Reads the editable fields; unknown keys are refused. id, registered_by and merge links are
// read too when present (the store's snapshot), the service decides what to trust.
Result<Project> ProjectFromJson(const nlohmann::json& body);

nlohmann::json IndicatorToJson(const Indicator& indicator);
Result<Indicator> IndicatorFromJson(const nlohmann::json& body);

nlohmann::json AttainmentToJson(const IndicatorAttainment& attainment);

}  // namespace samspill::portfolio
