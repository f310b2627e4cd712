#include "market/ocds/release_compiler.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "market/ocds/release_merger.h"

namespace samspill::market {

using nlohmann::json;

namespace {

constexpr int kMaxSplitLevel = 3;

size_t BucketOf(const std::string& ocid, int level, size_t buckets) {
  uint64_t h = std::hash<std::string>{}(ocid);
  h ^= static_cast<uint64_t>(level + 1) * 0x9E3779B97F4A7C15ull;  // a new split per level
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  return static_cast<size_t>(h % buckets);
}

std::string ErrnoText() { return std::strerror(errno); }

}  // namespace

ReleaseCompiler::ReleaseCompiler(CompilerOptions options, IssueLog* issues, Sink sink)
    : options_(std::move(options)), issues_(issues), sink_(std::move(sink)) {
  if (options_.spill_buckets < 2) options_.spill_buckets = 2;
}

ReleaseCompiler::~ReleaseCompiler() {
  for (Bucket& b : buckets_) {
    if (b.file) std::fclose(b.file);
  }
  if (!spill_path_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(spill_path_, ignored);
  }
}

void ReleaseCompiler::Fail(Status status) {
  if (status_.ok()) status_ = std::move(status);
}

ReleaseCompiler::Group& ReleaseCompiler::GroupFor(const std::string& ocid,
                                                  const Location& location) {
  if (options_.adjacent_ocids && !groups_.empty() && groups_.back().ocid != ocid) EmitHeld();
  auto it = index_.find(ocid);
  if (it != index_.end()) return groups_[it->second];
  index_.emplace(ocid, groups_.size());
  groups_.push_back(Group{ocid, location, {}, false, nullptr});
  return groups_.back();
}

void ReleaseCompiler::AddToGroup(Group& group, bool compiled, json doc, const Location& location) {
  if (!compiled) {
    if (group.has_compiled) return;  // the publisher's compiled release already covers it
    group.releases.push_back(std::move(doc));
    return;
  }
  if (group.has_compiled) {
    issues_->Add({"duplicate_compiled_release", location.file, location.line, location.offset, "",
                  "a second compiled release for " + group.ocid + " replaces the first"});
  }
  group.has_compiled = true;
  group.compiled = std::move(doc);
  group.location = location;
  group.releases.clear();
}

void ReleaseCompiler::AddRelease(json release, const Location& location, uint64_t bytes) {
  std::string ocid = release["ocid"].get<std::string>();
  if (!buckets_.empty()) {
    Spill(false, ocid, release, location);
    return;
  }
  AddToGroup(GroupFor(ocid, location), false, std::move(release), location);
  pending_bytes_ += bytes;
  if (!options_.adjacent_ocids && pending_bytes_ > options_.max_pending_bytes) StartSpilling();
}

void ReleaseCompiler::AddCompiled(json compiled, const Location& location) {
  std::string ocid = compiled["ocid"].get<std::string>();
  if (!buckets_.empty()) {
    Spill(true, ocid, compiled, location);
    return;
  }
  AddToGroup(GroupFor(ocid, location), true, std::move(compiled), location);
}

std::vector<ReleaseCompiler::Bucket> ReleaseCompiler::OpenBuckets(const std::string& prefix) {
  std::vector<Bucket> buckets(options_.spill_buckets);
  for (size_t i = 0; i < buckets.size(); ++i) {
    buckets[i].path = prefix + "-" + std::to_string(i);
    buckets[i].file = std::fopen(buckets[i].path.c_str(), "w+b");
    if (!buckets[i].file) {
      Fail(Status(StatusCode::kInternal,
                  "cannot create temporary file " + buckets[i].path + ": " + ErrnoText()));
    }
  }
  return buckets;
}

void ReleaseCompiler::StartSpilling() {
  if (!status_.ok()) return;  // spilling failed before: the run is already an error
  if (spill_path_.empty()) {
    std::error_code ec;
    std::string dir = options_.spill_dir;
    if (dir.empty()) dir = std::filesystem::temp_directory_path(ec).string();
    if (dir.empty()) dir = "/tmp";
    std::string pattern = dir + "/samspill-merge-XXXXXX";
    if (!mkdtemp(pattern.data())) {
      Fail(Status(StatusCode::kInternal,
                  "cannot create a temporary directory in " + dir + " to merge releases: " +
                      ErrnoText() + " (set TMPDIR, or give input grouped by ocid with --grouped)"));
      return;  // held in memory until the caller sees the status
    }
    spill_path_ = pattern;
  }
  buckets_ = OpenBuckets(spill_path_ + "/bucket" + std::to_string(spill_generation_++));
  for (Group& group : groups_) {
    if (group.has_compiled) {
      Spill(true, group.ocid, group.compiled, group.location);
    }
    for (const json& release : group.releases) Spill(false, group.ocid, release, group.location);
  }
  groups_.clear();
  index_.clear();
  pending_bytes_ = 0;
}

// One line per document: the ocid as a JSON string, a tab, then
// [compiled, file, line, offset, document]. A JSON string never holds a raw tab.
void ReleaseCompiler::Spill(bool compiled, const std::string& ocid, const json& doc,
                            const Location& location) {
  ++spilled_;
  const std::string record =
      json(ocid).dump(-1, ' ', false, json::error_handler_t::replace) + "\t" +
      json::array({compiled, location.file, location.line, location.offset, doc})
          .dump(-1, ' ', false, json::error_handler_t::replace) +
      "\n";
  WriteRecord(buckets_, 0, ocid, record);
}

void ReleaseCompiler::WriteRecord(std::vector<Bucket>& buckets, int level, const std::string& ocid,
                                  const std::string& record) {
  Bucket& b = buckets[BucketOf(ocid, level, buckets.size())];
  if (!b.file) return;  // its creation failed; status_ says so
  if (std::fwrite(record.data(), 1, record.size(), b.file) != record.size()) {
    Fail(Status(StatusCode::kInternal, "cannot write temporary file " + b.path + ": " +
                                           ErrnoText() + " (is the disk full?)"));
    return;
  }
  b.bytes += record.size();
}

void ReleaseCompiler::CompileBucket(Bucket& bucket, int level) {
  if (!bucket.file) return;
  if (std::fflush(bucket.file) != 0 || std::fseek(bucket.file, 0, SEEK_SET) != 0) {
    Fail(Status(StatusCode::kInternal, "cannot reread temporary file " + bucket.path));
    return;
  }
  const bool split = bucket.bytes > options_.max_pending_bytes && level < kMaxSplitLevel;
  std::vector<Bucket> parts;
  if (split) parts = OpenBuckets(bucket.path);
  char* line = nullptr;
  size_t capacity = 0;
  ssize_t length;
  while ((length = getline(&line, &capacity, bucket.file)) > 0) {
    std::string_view text(line, static_cast<size_t>(length));
    const size_t tab = text.find('\t');
    json ocid_json = json::parse(text.substr(0, tab), nullptr, false);
    if (tab == std::string_view::npos || !ocid_json.is_string()) {
      Fail(Status(StatusCode::kInternal, "temporary file " + bucket.path + " is corrupt"));
      break;
    }
    const std::string ocid = ocid_json.get<std::string>();
    if (split) {
      WriteRecord(parts, level + 1, ocid, std::string(text));
      continue;
    }
    json record = json::parse(text.substr(tab + 1), nullptr, false);
    if (!record.is_array() || record.size() != 5 || !record[0].is_boolean() ||
        !record[1].is_string() || !record[2].is_number_unsigned() ||
        !record[3].is_number_unsigned()) {
      Fail(Status(StatusCode::kInternal, "temporary file " + bucket.path + " is corrupt"));
      break;
    }
    const Location location{record[1].get<std::string>(), record[2].get<uint64_t>(),
                            record[3].get<uint64_t>()};
    AddToGroup(GroupFor(ocid, location), record[0].get<bool>(), std::move(record[4]), location);
  }
  std::free(line);
  std::fclose(bucket.file);
  bucket.file = nullptr;
  std::remove(bucket.path.c_str());
  if (split) {
    for (Bucket& part : parts) CompileBucket(part, level + 1);
  } else {
    EmitHeld();
  }
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

void ReleaseCompiler::EmitHeld() {
  for (Group& group : groups_) Emit(group);
  groups_.clear();
  index_.clear();
  pending_bytes_ = 0;
}

void ReleaseCompiler::Flush() {
  EmitHeld();
  for (Bucket& bucket : buckets_) CompileBucket(bucket, 0);
  buckets_.clear();
}

}  // namespace samspill::market
