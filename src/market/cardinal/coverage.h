// cardinal's `coverage` command: for every JSON path in a JSON Lines file, how many values
// at that path are non-empty (not null, not "", not [] or {}, nor made only of such).
// Paths are written as cardinal writes them: "" for the line's value, "/" for an object's
// content, "/key" for a member and "[]" for array elements ("/awards[]/items[]/id").
// Invalid lines are skipped and counted, as cardinal skips them. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "common/status.h"
#include "market/cardinal/bad_data.h"
#include "market/io/byte_source.h"

namespace samspill::market::cardinal {

struct CoverageResult {
  std::map<std::string, uint64_t> counts;
  uint64_t lines = 0;
  BadDataLog bad_data;

  std::string ToJson() const;  // {"path":count,...}, keys sorted
};

Result<CoverageResult> RunCoverage(std::unique_ptr<ByteSource> source);

}  // namespace samspill::market::cardinal
