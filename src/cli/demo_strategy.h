// The demo tendering strategy for `samspill serve --demo` (issue 17, seed 002): a Danish example
// municipality ("Eksempel Kommune") with five task areas and their spend and IKU 2019–2024 (every
// figure invented and marked "eksempel"; the national line is KL's), an IKU target of +2 points
// by 2028 and a green target with its figures, budget 2026's priorities (others' experience from
// seed 002's cases), and a published plan with the demo's BoA and cleaning tenders linked, in
// two versions so the page shows what changed. Loaded only when no register is stored; requires
// the demo tenders and decision cases.
#pragma once

#include "app/strategy_service.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::cli {

Status LoadDemoStrategy(app::StrategyService& strategy, store::Store& store);

}  // namespace samspill::cli
