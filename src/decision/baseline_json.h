// The baseline as JSON, for storing a decision case and for the API: BaselineToJson writes it,
// BaselineFromJson reads it back strictly (common/json_fields.h): unknown keys are refused,
// types and ranges checked, and every problem names its JSON path; then ValidateBaseline runs,
// so its paths ("units[1].years[0].fte") are the document's own.
//
//   {"grouping": {"levels": ["noe/avgrenset", "middels til stort", "omfattende"],
//                 "is_default": true},                    optional: absent is the default;
//                                                         is_default absent is false
//    "units": [{"id": "lade", "name": "Lade bofellesskap", "kostra_function": 254,
//               "years": [{"year": 2024,
//                          "budget": 52000000, "accounts": 54600000,     whole NOK
//                          "fte": 50.5, "positions": 80,                 årsverk, stillinger
//                          "sick_leave_percent": 9.8, "turnover_percent": 12,
//                          "users": 20, "users_by_need_level": [2, 8, 10],
//                          "quality": [{"name": "Brukertilfredshet", "value": 82,
//                                       "unit": "%"}],
//                          "example": true}, …]}, …],
//    "comparisons": [{"name": "Landet, sykefravær", "measure": "sick_leave_percent",
//                     "year": 2023, "value": 7.7, "source": "SSB, hentet 2024-05-01"}, …]}
//
// Every figure of a year is optional: an unknown figure is absent (or null), never 0, and the
// writer leaves it out. "users_by_need_level", "quality", "example" and "comparisons" may be
// left out too (empty, false). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "decision/baseline.h"

namespace samspill::decision {

nlohmann::json BaselineToJson(const Baseline& b);

// InvalidArgument naming the JSON path of the first problem.
Result<Baseline> BaselineFromJson(const nlohmann::json& doc);

}  // namespace samspill::decision
