// OCDS merge: the releases of one contracting process (same ocid) into a compiled release.
//
// The rules are those of the OCDS 1.1 documentation ("merging") and its reference
// implementation, ocdsmerge, without a schema:
//  - releases are applied in order of `date` (string order of the ISO 8601 text; releases
//    without a date first), ties kept in input order; later releases override earlier ones;
//  - objects are merged recursively, field by field;
//  - a `null` value removes the field;
//  - an array whose elements are all objects with an `id` is merged by identifier: an element
//    with an id already present is merged into it, a new id is appended; ids compare as text
//    (1 and "1" are the same element);
//  - every other array (strings, numbers, objects without ids, mixed) replaces the old one;
//  - the compiled release gets `tag: ["compiled"]`, `id: "<ocid>-<date>"` and the latest date.
// OCDS 1.0 data is merged with the same rules (1.0 had no different default for these cases
// that matter to the indicators). Thread-safe (pure functions).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace samspill::market {

// Merges `patch` into `target` by the rules above (no ordering: `patch` wins).
void MergeInto(nlohmann::json& target, const nlohmann::json& patch);

// The compiled release of `releases` (all with the same ocid; not checked here).
nlohmann::json CompileReleases(const std::vector<nlohmann::json>& releases);

}  // namespace samspill::market
