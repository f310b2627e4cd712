// Indicator targets and yearly figures as CSV (the format of shared/data/trd3/indicators.csv):
// category, indicator, unit, target_kind, target, one column per year (a four-digit header),
// an optional period_total, and note. A note "2025: 13 søknader venter …" is the 2025 figure's
// note; a note starting "24 nye i perioden totalt" or "9 i perioden totalt" gives the period's
// total when no period_total column does. Errors name the row and column; nothing is returned
// half. Also writes the attainment table as CSV. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "portfolio/indicator.h"
#include "portfolio/project_csv.h"

namespace samspill::portfolio {

struct IndicatorImport {
  std::vector<Indicator> indicators;
  std::vector<int> rows;         // the CSV line of each indicator
  std::vector<RowError> errors;  // when not empty, import nothing
};

IndicatorImport ParseIndicatorsCsv(std::string_view text);

// One row per indicator: targets, the period's years, the period's value, attainment and note.
std::string AttainmentToCsv(const std::vector<Indicator>& indicators, const Period& period);

}  // namespace samspill::portfolio
