// Every real OCDS file in the shared data is read without a crash, and what the reader counts
// (format, releases, records) matches the shared data's MANIFEST.tsv.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "market/ocds/ocds_normalise.h"
#include "market/ocds/ocds_reader.h"

namespace samspill::market {
namespace {

using nlohmann::json;

const std::string kOcdsDir = std::string(SAMSPILL_SOURCE_DIR) + "/../shared/data/ocds/";

struct ManifestRow {
  std::string path, format;
  uint64_t releases = 0, records = 0;
};

std::vector<ManifestRow> ReadManifest() {
  std::ifstream in(kOcdsDir + "MANIFEST.tsv");
  std::vector<ManifestRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() < 10 || cols[6].rfind("eForms", 0) == 0) continue;
    rows.push_back({cols[0], cols[6], std::stoull(cols[8]), std::stoull(cols[9])});
  }
  return rows;
}

TEST(RealOcdsData, EveryFileMatchesTheManifest) {
  std::vector<ManifestRow> rows = ReadManifest();
  ASSERT_GT(rows.size(), 1200u) << "MANIFEST.tsv not found under " << kOcdsDir;
  IssueLog issues;
  uint64_t processes = 0, lots_with_bidders = 0;
  ReleaseCompiler compiler({}, &issues, [&](CompiledRelease&& c) {
    std::optional<Process> p = ProcessFromCompiledRelease(c.release, c.location, &issues);
    if (!p) return;
    ++processes;
    for (const Lot& lot : p->lots) lots_with_bidders += lot.bidders.has_value();
  });
  for (const ManifestRow& row : rows) {
    SCOPED_TRACE(row.path);
    auto source = OpenByteSource(kOcdsDir + row.path);
    ASSERT_TRUE(source.ok()) << source.status().ToString();
    Result<OcdsFileStats> stats = ReadOcds(**source, compiler, issues);
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->format, row.format);
    EXPECT_EQ(stats->releases, row.releases);
    EXPECT_EQ(stats->records, row.records);
  }
  compiler.Flush();
  // 1,285 files describe fewer processes than that: releases of one ocid are merged across
  // files, and a record's compiled release replaces its releases.
  EXPECT_GT(processes, 800u);
  EXPECT_LT(processes, 1285u);
  EXPECT_GT(lots_with_bidders, 100u);
  EXPECT_EQ(issues.Count("invalid_json"), 0u);
  // Known traps in the data are reported, not fatal: Moldova's and Nigeria's placeholder
  // tenderers, Taiwan's `awards` object, the ISO-8859-1 package, the versioned release.
  EXPECT_GT(issues.Count("placeholder"), 0u);
  EXPECT_GT(issues.Count("wrong_type"), 0u);
  EXPECT_EQ(issues.Count("encoding"), 1u);
  EXPECT_EQ(issues.Count("unsupported"), 1u);
}

// Every process compiled from the real files, by ocid: the compiled JSON, the number of
// releases merged and where it came from.
struct Compiled {
  std::string json;
  size_t releases = 0;
  std::string location;
  bool operator==(const Compiled&) const = default;
};

// The publishers whose releases of one process are spread over several releases, records
// and files (and the format edge cases): where merging has work to do.
bool MergesReleases(const std::string& path) {
  for (const char* dir :
       {"mexico-jalisco/", "mexico-cdmx/", "format-edge-cases/", "norway-doffin/"}) {
    if (path.rfind(dir, 0) == 0) return true;
  }
  return false;
}

std::map<std::string, Compiled> CompileAll(const CompilerOptions& options, IssueLog& issues,
                                           uint64_t* spilled) {
  std::map<std::string, Compiled> out;
  ReleaseCompiler compiler(options, &issues, [&](CompiledRelease&& c) {
    const std::string ocid = c.release["ocid"].get<std::string>();
    const std::string where = c.location.file + ":" + std::to_string(c.location.line) + ":" +
                              std::to_string(c.location.offset);
    const bool inserted =
        out.emplace(ocid, Compiled{c.release.dump(), c.release_count, where}).second;
    EXPECT_TRUE(inserted) << "ocid compiled twice: " << ocid;
  });
  for (const ManifestRow& row : ReadManifest()) {
    if (!MergesReleases(row.path)) continue;
    auto source = OpenByteSource(kOcdsDir + row.path);
    EXPECT_TRUE(source.ok());
    if (!source.ok()) continue;
    EXPECT_TRUE(ReadOcds(**source, compiler, issues).ok()) << row.path;
  }
  compiler.Flush();
  EXPECT_TRUE(compiler.status().ok()) << compiler.status().ToString();
  *spilled = compiler.spilled_releases();
  return out;
}

// With a budget far below the data, releases go to temporary files (and buckets are split
// again, three levels deep with two buckets each): the processes are exactly those compiled
// in memory, and the temporary directory is gone afterwards.
TEST(RealOcdsData, SpillingToDiskCompilesTheSameProcesses) {
  IssueLog held_issues;
  uint64_t spilled = 0;
  const auto held = CompileAll({}, held_issues, &spilled);
  EXPECT_EQ(spilled, 0u);
  size_t merged = 0, publishers_compiled = 0;
  for (const auto& [ocid, c] : held) {
    merged += c.releases > 1;
    publishers_compiled += c.releases == 0;
  }
  EXPECT_GE(merged, 3u);  // the comparison below covers merges and publishers' compiled releases
  EXPECT_GE(publishers_compiled, 10u);

  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("spill-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  IssueLog spilled_issues;
  CompilerOptions tiny;
  tiny.max_pending_bytes = 4096;
  tiny.spill_buckets = 2;
  tiny.spill_dir = dir.string();
  const auto on_disk = CompileAll(tiny, spilled_issues, &spilled);
  EXPECT_GT(spilled, 100u);
  EXPECT_EQ(on_disk.size(), held.size());
  for (const auto& [ocid, c] : held) {
    auto it = on_disk.find(ocid);
    ASSERT_NE(it, on_disk.end()) << ocid;
    EXPECT_EQ(it->second, c) << ocid;
  }
  EXPECT_EQ(spilled_issues.Count("duplicate_compiled_release"),
            held_issues.Count("duplicate_compiled_release"));
  EXPECT_TRUE(std::filesystem::is_empty(dir)) << "temporary files left in " << dir;
  std::filesystem::remove_all(dir);
}

TEST(ReleaseCompiler, AnUnusableTemporaryDirectoryIsAClearError) {
  IssueLog issues;
  CompilerOptions options;
  options.max_pending_bytes = 10;
  options.spill_dir = "/nonexistent/samspill-spill";
  size_t out = 0;
  ReleaseCompiler compiler(options, &issues, [&](CompiledRelease&&) { ++out; });
  compiler.AddRelease(json{{"ocid", "A"}, {"id", "1"}}, {"a.json", 1, 0}, 100);
  compiler.AddRelease(json{{"ocid", "A"}, {"id", "2"}}, {"a.json", 2, 100}, 100);
  compiler.Flush();
  ASSERT_FALSE(compiler.status().ok());
  EXPECT_NE(compiler.status().ToString().find("/nonexistent/samspill-spill"), std::string::npos)
      << compiler.status().ToString();
  EXPECT_NE(compiler.status().ToString().find("--grouped"), std::string::npos);
}

}  // namespace
}  // namespace samspill::market
