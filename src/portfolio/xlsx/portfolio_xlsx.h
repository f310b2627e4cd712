// The portfolio as an Excel workbook (libxlsxwriter): a sheet "Prosjekter" with the register,
// a sheet "Måltall" with the indicators, their yearly figures and attainment. Writes a file:
// this is the portfolio's only I/O, kept out of the pure domain library.
// Thread-safe (no shared state).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "portfolio/indicator.h"
#include "portfolio/project.h"

namespace samspill::portfolio {

Status WritePortfolioXlsx(const std::string& path, const std::vector<Project>& projects,
                          const std::vector<Indicator>& indicators, const Period& period);

// The same workbook as bytes (written through a temporary file).
Result<std::string> PortfolioXlsxBytes(const std::vector<Project>& projects,
                                       const std::vector<Indicator>& indicators,
                                       const Period& period);

}  // namespace samspill::portfolio
