// The risk register as JSON, for the decision case's documents and the API: RisksToJson writes
// it, RisksFromJson reads it back strictly (through common/json_fields.h): unknown keys, wrong
// types and values out of range are refused with the JSON path of the problem, and then the
// register's own rules (ValidateRisks), so a register read is always a valid one.
//
// The value is the array a document holds as its member "risks"; paths name it so
// ("risks[2].likelihood"), the same paths ValidateRisks gives:
//
//   [{"id": "reservation_right",
//     "title": "Mange ansatte bruker reservasjonsretten",
//     "description": "…",                                     optional, ""
//     "likelihood": 4, "consequence": 4,                        1 … 5
//     "mitigations": [{"action": "Videreføre lønns- og personalgoder",
//                      "owner": "HR",                           optional, ""
//                      "status": "in_progress",                 optional, "planned"; or
//                                                               "done", "dropped"
//                      "due": "2026-03-01"}],                   optional, "": an ISO date
//                                                               mitigations optional, []
//     "residual_likelihood": 3, "residual_consequence": 4}]     optional, both or neither,
//                                                               1 … 5; absent: not assessed
//
// RisksToJson writes every member except a residual value that is 0 (not assessed), so
// RisksFromJson(RisksToJson(r)) gives r back for every valid register. Pure functions;
// thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "common/status.h"
#include "decision/risk.h"

namespace samspill::decision {

nlohmann::json RisksToJson(const std::vector<Risk>& risks);

Result<std::vector<Risk>> RisksFromJson(const nlohmann::json& risks);

}  // namespace samspill::decision
