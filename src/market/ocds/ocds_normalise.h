// From an OCDS compiled release to the normalised `Process` (market/model/process.h).
//
// Bidder counts per lot follow a fallback chain, first usable source wins:
//   tender.numberOfTenderers → bids.statistics (measure "bids") → bids.details (submitted
//   bids, i.e. not invited or withdrawn) → tender.tenderers (distinct).
// numberOfTenderers and tenderers describe the whole process, so they are used only for a
// process with at most one lot. Sanity checks: a count must be a whole number in
// [0, max_bidders]; a tenderer with neither id nor name, or whose id is the buyer's or the
// procuring entity's (placeholders seen in Moldova and Nigeria), does not count. Every source
// present and every rejection is recorded on the lot, for coverage reports.
// Wrong types and absurd values are reported with the JSON path and skipped. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "market/model/data_issue.h"
#include "market/model/process.h"
#include "market/model/sanity.h"

namespace samspill::market {

// nullopt (with an issue) only when the release has no string ocid.
std::optional<Process> ProcessFromCompiledRelease(const nlohmann::json& release,
                                                  const Location& where, IssueLog* issues,
                                                  const SanityLimits& limits = {});

}  // namespace samspill::market
