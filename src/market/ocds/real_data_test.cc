// Every real OCDS file in the shared data is read without a crash, and what the reader counts
// (format, releases, records) matches the shared data's MANIFEST.tsv.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "market/ocds/ocds_normalise.h"
#include "market/ocds/ocds_reader.h"

namespace samspill::market {
namespace {

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

}  // namespace
}  // namespace samspill::market
