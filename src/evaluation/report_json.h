// Rendering an EvaluationReport as the JSON report the API returns and the CLI prints.
//
// Shape (keys appear in alphabetical order in the dumped text):
//   price_model, weighting, normalisation, tie_break, currency, title?,
//   total_meaning ("weighted_score_higher_is_better" | "evaluated_price_lower_is_better"),
//   criteria[]      {id, kind, weight?, priority?, value_per_point?, normalised_weight?}
//   ranking[]       {id, rank, total, price, scores{}, raw_scores{}?, contributions{},
//                    justifications{}}, ordered by rank then id
//   winner (id | null), tied_for_first[], runner_up, margin,
//   abnormally_low  {applies, flagged, checks[], rule}
//   sensitivity     {weight_stability[], rank_acceptability{}, withdrawal[],
//                    criterion_separation[]}
//   notes[]
// Money is in major units (a whole number when it has no øre). Pure; thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "evaluation/evaluation_report.h"

namespace samspill::evaluation {

nlohmann::json RenderReportJson(const EvaluationReport& report);

}  // namespace samspill::evaluation
