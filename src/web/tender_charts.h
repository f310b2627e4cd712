// The evaluation on the tender page: the evaluation table (price scores, quality scores with
// justifications, totals, ranks) and charts drawn as inline SVG on the server — each bid's
// total broken down by criterion, each criterion's weight-stability interval, rank
// acceptability, and what happens if each bid is withdrawn.
//
// Every chart has a text equivalent (a table or a list) for screen readers (WCAG 1.1.1); the
// SVG is decorative-plus-label (role="img" with an aria-label). No script, so the pages work
// on a closed network and under the Content-Security-Policy. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "web/page.h"

namespace samspill::web {

// `report` is the evaluation engine's report JSON (evaluation/report_json.h) for one lot; `lot`
// is "" for an undivided tender.
std::string EvaluationReportHtml(const PageRequest& req, const std::string& lot,
                                 const nlohmann::json& report);

}  // namespace samspill::web
