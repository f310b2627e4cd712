// The targets page's charts as SVG, like the report's figures 3–5: for one category, a panel per
// indicator with a bar per year, the target drawn as a dashed line, bars coloured by attainment
// (met / not met / no target), the figure printed on each bar, a value axis from 0 to the panel's
// largest figure, and the indicator's whole name (wrapped, never cut). The same SVG is inlined in
// the page (with the attainment table as its text equivalent) and written as a file by the
// CLI. Every text is escaped. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "portfolio/indicator.h"

namespace samspill::portfolio {

struct ChartOptions {
  bool standalone = false;  // an SVG file (XML declaration, xmlns, its own styles)
  std::string title;        // the accessible name; the category when empty
  bool english = false;     // the chart's words in English (Norwegian otherwise)
};

// Indicators of `category` only, in the order given.
std::string CategoryChartSvg(std::string_view category, const std::vector<Indicator>& indicators,
                             const Period& period, const ChartOptions& options = {});

// The distinct categories, in first-seen order.
std::vector<std::string> Categories(const std::vector<Indicator>& indicators);

}  // namespace samspill::portfolio
