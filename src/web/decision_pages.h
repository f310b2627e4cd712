// The decision-case pages' parts, inside the web module (issue 16). DecisionPageRoutes puts
// them together:
// - web/decision_pages.cc: the list /beslutning, the case page /beslutning/{id} with its forms
//   (details, baseline rows and import, alternatives, items, risks, the decision, the tender
//   link) and the printable decision document /beslutning/{id}/dokument;
// - web/decision_sections.cc: the read-only sections both the case page and the document show
//   (baseline, business case with its range chart, risks with their heat maps, market, decision).
// Every part reads and writes through DecisionService, which checks the roles again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/decision_service.h"
#include "web/page.h"

namespace samspill::web {

// Bokmål or English text, chosen by the page's language.
inline std::string_view Tx(const PageRequest& req, std::string_view nb, std::string_view en) {
  return req.lang == Lang::kNb ? nb : en;
}

// Whole kroner as "kr 1 250 000" / "NOK 1,250,000"; a negative amount with a minus sign.
std::string Kroner(const PageRequest& req, int64_t kroner);
// Millions with one decimal: "18,0 mill. kr" / "NOK 18.0 m".
std::string Millions(const PageRequest& req, double kroner);

// The read-only sections (web/decision_sections.cc). `document`: the printed decision document
// (no links to forms).
std::string CaseSummaryHtml(const PageRequest& req, const app::DecisionCaseView& view);
// `compact`: the printed document's shape (the latest year per unit, money in millions).
std::string BaselineHtml(const PageRequest& req, const app::DecisionCaseView& view,
                         bool compact = false);
std::string ItemsHtml(const PageRequest& req, const app::DecisionCaseView& view, bool forms);
std::string TotalsHtml(const PageRequest& req, const app::DecisionCaseView& view);
std::string RisksHtml(const PageRequest& req, const app::DecisionCaseView& view, bool forms);
// The market section for a case or a tender draft; `section_id` the h2's id.
std::string MarketHtml(const PageRequest& req, const Result<app::MarketSection>& market,
                       std::string_view section_id, std::string_view heading);
std::string DecisionHtml(const PageRequest& req, const app::DecisionCaseView& view);

// The hidden fields every form of a case carries: the CSRF token and the version shown.
std::string CaseFormFields(const PageRequest& req, const app::DecisionCaseView& view);

}  // namespace samspill::web
