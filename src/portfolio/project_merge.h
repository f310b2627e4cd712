// Merging a duplicate registration into the project it duplicates. Both projects stay in the
// store with their whole revision history: the kept project gets the union of partners,
// contacts and funding, the wider period and both descriptions, and lists the duplicate in
// `merged_from`; the duplicate gets status kMerged and `merged_into`, so it is no longer
// counted but can still be read. Pure function; thread-safe.
#pragma once

#include "common/status.h"
#include "portfolio/project.h"

namespace samspill::portfolio {

struct MergedPair {
  Project kept;
  Project duplicate;
};

// kInvalidArgument when the two are the same project; kConflict when either is already merged.
Result<MergedPair> MergeProjects(const Project& keep, const Project& duplicate);

}  // namespace samspill::portfolio
