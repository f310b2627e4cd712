// Groups OCDS releases by ocid and hands on one compiled release per contracting process.
//
// A compiled release given by the publisher (a record's `compiledRelease`, a release tagged
// "compiled") wins over that process's individual releases; otherwise the releases are merged
// (release_merger.h). Grouping needs the releases of a process together:
//  - by default releases are held (as parsed JSON) until Flush(), across all the files of a
//    run, so a process spread over several files is still merged once. When the held
//    releases pass `max_pending_bytes` of input, the compiler *spills*: what is held, and
//    every release after it, is written to `spill_buckets` temporary files chosen by a hash
//    of the ocid. Flush() then compiles one bucket at a time, so memory is about the input
//    divided by the number of buckets; a bucket still larger than the budget is split again
//    (up to three levels; the releases of one ocid always stay together). Results are the
//    same as without spilling; only the order in which processes come out differs.
//  - with `adjacent_ocids` (input sorted or grouped by ocid, as bulk exports usually are) a
//    process is flushed as soon as another ocid appears: memory is one process, no disk.
// Temporary files go to `spill_dir` (default: $TMPDIR or /tmp) in a private directory that
// is removed when the compiler is destroyed. A failure to write or read them (a full disk)
// is kept in status(): callers check it after Flush(). Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "market/model/data_issue.h"

namespace samspill::market {

struct CompilerOptions {
  bool adjacent_ocids = false;
  // Input bytes of held releases before spilling; parsed JSON takes several times as much.
  uint64_t max_pending_bytes = uint64_t{128} << 20;
  size_t spill_buckets = 64;
  std::string spill_dir;  // "" = the system's temporary directory
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
  ~ReleaseCompiler();
  ReleaseCompiler(const ReleaseCompiler&) = delete;
  ReleaseCompiler& operator=(const ReleaseCompiler&) = delete;

  // `bytes`: the release's size in the input, for the memory budget.
  void AddRelease(nlohmann::json release, const Location& location, uint64_t bytes);
  void AddCompiled(nlohmann::json compiled, const Location& location);
  // Compiles and hands on everything held or spilled.
  void Flush();

  uint64_t processes_out() const { return processes_out_; }
  // Releases written to temporary files so far (0 unless the budget was passed).
  uint64_t spilled_releases() const { return spilled_; }
  const Status& status() const { return status_; }

 private:
  struct Group {
    std::string ocid;
    Location location;
    std::vector<nlohmann::json> releases;
    bool has_compiled = false;
    nlohmann::json compiled;
  };
  struct Bucket {
    std::string path;
    std::FILE* file = nullptr;
    uint64_t bytes = 0;
  };
  Group& GroupFor(const std::string& ocid, const Location& location);
  void AddToGroup(Group& group, bool compiled, nlohmann::json doc, const Location& location);
  void Emit(Group& group);
  void EmitHeld();
  void StartSpilling();
  void Spill(bool compiled, const std::string& ocid, const nlohmann::json& doc,
             const Location& location);
  void WriteRecord(std::vector<Bucket>& buckets, int level, const std::string& ocid,
                   const std::string& record);
  void CompileBucket(Bucket& bucket, int level);
  std::vector<Bucket> OpenBuckets(const std::string& prefix);
  void Fail(Status status);

  CompilerOptions options_;
  IssueLog* issues_;
  Sink sink_;
  std::vector<Group> groups_;  // in order of first appearance
  std::unordered_map<std::string, size_t> index_;
  uint64_t pending_bytes_ = 0;
  uint64_t processes_out_ = 0;

  std::string spill_path_;  // the private directory, once spilling started
  std::vector<Bucket> buckets_;
  int spill_generation_ = 0;
  uint64_t spilled_ = 0;
  Status status_;
};

}  // namespace samspill::market
