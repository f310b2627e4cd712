// Shared by the `market import` and `market report` commands: reading market files with
// progress on a terminal, and the data-issue summary on stderr.
#pragma once

#include <string>
#include <vector>

#include "market/ingest/ingest.h"

namespace samspill::cli {

// Reads `files`, printing progress on stderr when it is a terminal.
Result<market::IngestSummary> ReadMarketInput(const std::vector<std::string>& files, bool grouped,
                                              market::IssueLog& issues,
                                              const std::function<void(market::Process&&)>& sink);

// "12 datafeil (invalid_json 3, …)" and the first few with their locations, on stderr.
void PrintIssueSummary(const market::IssueLog& issues, size_t show);

// The shared reference lists: $SAMSPILL_SHARED_DIR/data/reference, else the build's default.
std::string DefaultReferenceDir();

}  // namespace samspill::cli
