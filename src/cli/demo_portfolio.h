// The demo partnership portfolio for `samspill serve --demo`: 42 of the projects named in seed
// 004 (the Trondheim–NTNU partnership's final report) with their partners, areas and kinds —
// including the FIF collaboration registered twice by two project leaders and Ungdomstorg
// described under two areas — imported through the CSV importer, the report's indicator
// figures and targets, one indicator counted from the register (DemoCountedIndicator), and the
// project leaders' areas (prosjektleder: Helse og velferd, prosjektleder2: Oppvekst og
// utdanning). Loaded only into a register without projects.
#pragma once

#include <string_view>

#include "app/portfolio_service.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::cli {

std::string_view DemoPortfolioProjectsCsv();
std::string_view DemoPortfolioIndicatorsCsv();

// Research and innovation applications sent in each year by projects the partnership
// facilitated, counted from the register (the report counts its 18, 10, 16, 14 by hand; the demo
// register dates only two applications, both in 2025).
portfolio::Indicator DemoCountedIndicator();

// Requires the demo users (LoadDemoData) to exist.
Status LoadDemoPortfolio(app::PortfolioService& portfolio, store::Store& store);

}  // namespace samspill::cli
