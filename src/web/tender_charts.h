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

#include "app/tender_service.h"
#include "tendering/tender_outcome.h"
#include "web/page.h"

namespace samspill::web {

// `report` is the evaluation engine's report JSON (evaluation/report_json.h) for one lot; `lot`
// is "" for an undivided tender.
std::string EvaluationReportHtml(const PageRequest& req, const std::string& lot,
                                 const nlohmann::json& report);

// The abnormally-low check of a lot's winner for the buyer side (FOA § 24-9): which bid, which
// threshold it crossed and the figures, the recorded explanation and assessment, and — when
// `form` — the form that records them (POST /anbud/{id}/bud/{bid}/prisforklaring). "" when the
// check did not flag the winner.
std::string AbnormallyLowHtml(const PageRequest& req, int64_t tender_id,
                              const tendering::LotEvaluation& evaluation, bool form);

// A supplier's own evaluation after the award notice: its score on each criterion (points
// 0–10) with the committee's reasons, its total and rank.
std::string OwnEvaluationHtml(const PageRequest& req, const app::OwnEvaluation& own);

}  // namespace samspill::web
