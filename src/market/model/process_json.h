// The JSON form of a normalised `Process`: what `market import` stores and what reports print.
// The shape is the project's own (not OCDS); ProcessFromJson reads back what ProcessToJson
// wrote and names the offending field otherwise. Thread-safe (pure functions).
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "market/model/process.h"

namespace samspill::market {

nlohmann::json ProcessToJson(const Process& process);
Result<Process> ProcessFromJson(const nlohmann::json& json);

}  // namespace samspill::market
