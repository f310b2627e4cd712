// Groups OCDS releases by ocid and hands on one compiled release per contracting process.
//
// A compiled release given by the publisher (a record's `compiledRelease`, a release tagged
// "compiled") wins over that process's individual releases; otherwise the releases are merged
// (release_merger.h). Grouping needs the releases of a process together, which costs memory:
//  - by default every pending release is held (as parsed JSON) until Flush(), across all the
//    files of a run, so a process spread over several files is still merged once. Memory grows
//    with the number of releases that are not compiled already. When `max_pending_bytes`
//    (input bytes of the held releases) is exceeded, everything held so far is flushed and an
//    issue says so: a process whose releases straddle that point is then counted twice.
//  - with `adjacent_ocids` (input sorted or grouped by ocid, as bulk exports usually are) a
//    process is flushed as soon as another ocid appears: memory is one process.
// For larger-than-memory unsorted input, sort it by ocid first (e.g. `jq -c` + `sort`) and use
// adjacent mode. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "market/model/data_issue.h"

namespace samspill::market {

struct CompilerOptions {
  bool adjacent_ocids = false;
  uint64_t max_pending_bytes = uint64_t{1} << 30;
};

struct CompiledRelease {
  nlohmann::json release;
  Location location;         // where the process's first release (or the compiled one) was
  size_t release_count = 0;  // releases merged; 0 when the publisher's compiled release was used
};

class ReleaseCompiler {
 public:
  using Sink = std::function<void(CompiledRelease&&)>;
  ReleaseCompiler(CompilerOptions options, IssueLog* issues, Sink sink);

  // `bytes`: the release's size in the input, for the memory budget.
  void AddRelease(nlohmann::json release, const Location& location, uint64_t bytes);
  void AddCompiled(nlohmann::json compiled, const Location& location);
  // Compiles and hands on everything held.
  void Flush();

  uint64_t processes_out() const { return processes_out_; }

 private:
  struct Group {
    std::string ocid;
    Location location;
    std::vector<nlohmann::json> releases;
    bool has_compiled = false;
    nlohmann::json compiled;
  };
  Group& GroupFor(const std::string& ocid, const Location& location);
  void Emit(Group& group);

  CompilerOptions options_;
  IssueLog* issues_;
  Sink sink_;
  std::vector<Group> groups_;  // in order of first appearance
  std::unordered_map<std::string, size_t> index_;
  uint64_t pending_bytes_ = 0;
  uint64_t processes_out_ = 0;
};

}  // namespace samspill::market
