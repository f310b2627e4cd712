#include "market/ocds/release_compiler.h"

#include "market/ocds/release_merger.h"

namespace samspill::market {

using nlohmann::json;

ReleaseCompiler::ReleaseCompiler(CompilerOptions options, IssueLog* issues, Sink sink)
    : options_(options), issues_(issues), sink_(std::move(sink)) {}

ReleaseCompiler::Group& ReleaseCompiler::GroupFor(const std::string& ocid,
                                                  const Location& location) {
  if (options_.adjacent_ocids && !groups_.empty() && groups_.back().ocid != ocid) Flush();
  auto it = index_.find(ocid);
  if (it != index_.end()) return groups_[it->second];
  index_.emplace(ocid, groups_.size());
  groups_.push_back(Group{ocid, location, {}, false, nullptr});
  return groups_.back();
}

void ReleaseCompiler::AddRelease(json release, const Location& location, uint64_t bytes) {
  std::string ocid = release["ocid"].get<std::string>();
  Group& group = GroupFor(ocid, location);
  if (group.has_compiled) return;  // the publisher's compiled release already covers it
  group.releases.push_back(std::move(release));
  pending_bytes_ += bytes;
  if (pending_bytes_ > options_.max_pending_bytes) {
    issues_->Add({"memory_budget", location.file, location.line, location.offset, "",
                  "more than " + std::to_string(options_.max_pending_bytes) +
                      " bytes of releases held for merging: compiled what was held so far; a "
                      "process whose releases continue after this point is counted twice "
                      "(sort the input by ocid and use --grouped)"});
    Flush();
  }
}

void ReleaseCompiler::AddCompiled(json compiled, const Location& location) {
  std::string ocid = compiled["ocid"].get<std::string>();
  Group& group = GroupFor(ocid, location);
  if (group.has_compiled) {
    issues_->Add({"duplicate_compiled_release", location.file, location.line, location.offset, "",
                  "a second compiled release for " + ocid + " replaces the first"});
  }
  group.has_compiled = true;
  group.compiled = std::move(compiled);
  group.location = location;
  group.releases.clear();
}

void ReleaseCompiler::Emit(Group& group) {
  CompiledRelease out;
  out.location = group.location;
  if (group.has_compiled) {
    out.release = std::move(group.compiled);
  } else {
    out.release_count = group.releases.size();
    out.release = CompileReleases(group.releases);
  }
  ++processes_out_;
  sink_(std::move(out));
}

void ReleaseCompiler::Flush() {
  for (Group& group : groups_) Emit(group);
  groups_.clear();
  index_.clear();
  pending_bytes_ = 0;
}

}  // namespace samspill::market
