// The risk register's heat map (issue 16 §3): a 5 × 5 grid with likelihood up the side (1 at
// the bottom) and consequence along the bottom, each cell coloured by its level (low 1–4,
// medium 5–9, high 10–25, named in a legend) and showing how many risks lie there and which, by
// their numbers in the register (1 for the first risk). One chart shows the risks before
// mitigation (inherent), another after (residual); the residual chart places only the risks
// whose residual is assessed and says how many are not.
//
// The SVG is inlined in a page with class "chart" (480 units wide, like the tender's charts),
// role="img", a <title> and a <desc> that says what it shows; each cell's <title> names its
// risks. Every word of one chart is in one language; every text is escaped. Its text
// equivalent is RiskTable(), whose rows the page renders as a table beside it (with the
// numbers the cells show), and RiskSummary() is the one sentence that says what both charts
// show. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "decision/risk.h"

namespace samspill::decision {

enum class HeatmapKind { kInherent, kResidual };

struct HeatmapOptions {
  bool english = false;  // the chart's words in English (bokmål otherwise)
  // The accessible name and heading; when empty, "Risikokart før tiltak" or "… etter tiltak"
  // ("Risk map before mitigation", "… after mitigation").
  std::string title;
};

// The chart for `risks` (which should pass ValidateRisks; a risk off the 1 … 5 scale is left
// out, like a residual not assessed).
std::string RiskHeatmapSvg(const std::vector<Risk>& risks, HeatmapKind kind,
                           const HeatmapOptions& options = {});

// One row of the text equivalent: a risk, its score and level before and after mitigation.
struct RiskTableRow {
  int number = 0;  // 1-based position in the register: the key the heat map's cells show
  std::string id;
  std::string title;
  int likelihood = 0;
  int consequence = 0;
  int score = 0;
  RiskLevel level = RiskLevel::kLow;
  bool residual_assessed = false;  // when false, the residual members are 0 and kLow
  int residual_likelihood = 0;
  int residual_consequence = 0;
  int residual_score = 0;
  RiskLevel residual_level = RiskLevel::kLow;
};

// The rows in the register's order.
std::vector<RiskTableRow> RiskTable(const std::vector<Risk>& risks);

// The table's column headings, in the order of RiskTableRow: number, risk, likelihood,
// consequence, score, level, and the residual likelihood, consequence, score and level.
std::vector<std::string> RiskTableHeadings(bool english);

// "lav", "middels", "høy" / "low", "medium", "high".
std::string RiskLevelName(RiskLevel level, bool english);

// What the heat maps show in one sentence: "3 av 10 risikoer er høye før tiltak, 1 etter
// tiltak." / "3 of 10 risks are high before mitigation, 1 after mitigation.", saying how many
// are not assessed after mitigation when some are not.
std::string RiskSummary(const std::vector<Risk>& risks, bool english);

}  // namespace samspill::decision
