#include "market/ocds/ocds_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <map>

#include "market/ocds/ocds_normalise.h"

namespace samspill::market {
namespace {

using nlohmann::json;

struct ReadRun {
  IssueLog issues;
  std::vector<CompiledRelease> compiled;
  OcdsFileStats stats;
};

ReadRun ReadText(const std::string& text, CompilerOptions options = {}) {
  ReadRun run;
  ReleaseCompiler compiler(options, &run.issues,
                           [&](CompiledRelease&& c) { run.compiled.push_back(std::move(c)); });
  auto source = MemoryByteSource(text, "input.json");
  Result<OcdsFileStats> stats = ReadOcds(*source, compiler, run.issues);
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  if (stats.ok()) run.stats = *stats;
  compiler.Flush();
  return run;
}

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(OcdsReader, ReleasePackageMergesReleasesOfOneOcid) {
  ReadRun run = ReadText(R"({"version": "1.1", "releases": [
    {"ocid": "A", "id": "1", "date": "2020-01-01", "tender": {"title": "t", "numberOfTenderers": 1}},
    {"ocid": "B", "id": "1", "date": "2020-01-01"},
    {"ocid": "A", "id": "2", "date": "2020-02-01", "tender": {"numberOfTenderers": 3}}]})");
  EXPECT_EQ(run.stats.format, "release-package");
  EXPECT_EQ(run.stats.version, "1.1");
  EXPECT_EQ(run.stats.releases, 3u);
  ASSERT_EQ(run.compiled.size(), 2u);
  EXPECT_EQ(run.compiled[0].release["ocid"], "A");
  EXPECT_EQ(run.compiled[0].release_count, 2u);
  EXPECT_EQ(run.compiled[0].release["tender"]["numberOfTenderers"], 3);
  EXPECT_EQ(run.compiled[0].release["tender"]["title"], "t");
  EXPECT_EQ(run.compiled[0].location.line, 2u);
}

TEST(OcdsReader, RecordPackageUsesCompiledReleaseElseMergesReleases) {
  ReadRun run = ReadText(R"({"records": [
    {"ocid": "A", "releases": [{"ocid": "A", "date": "1", "tender": {"title": "old"}}],
     "compiledRelease": {"ocid": "A", "tender": {"title": "compiled"}}},
    {"ocid": "B", "releases": [{"date": "1", "tender": {"title": "b1"}},
                                {"date": "2", "tender": {"title": "b2"}}]}]})");
  EXPECT_EQ(run.stats.format, "record-package");
  EXPECT_EQ(run.stats.records, 2u);
  EXPECT_EQ(run.stats.releases, 3u);
  EXPECT_EQ(run.stats.compiled_releases, 1u);
  ASSERT_EQ(run.compiled.size(), 2u);
  EXPECT_EQ(run.compiled[0].release["tender"]["title"], "compiled");
  EXPECT_EQ(run.compiled[1].release["tender"]["title"], "b2");
  EXPECT_EQ(run.compiled[1].release["ocid"], "B");  // taken from the record
}

TEST(OcdsReader, JsonLinesSkipAnInvalidLineAndSayWhere) {
  std::string text =
      "{\"ocid\": \"A\", \"date\": \"1\"}\n"
      "{\"ocid\": \"B\", \"date\": \n"
      "{\"ocid\": \"C\", \"tag\": [\"compiled\"]}\n"
      "42\n";
  ReadRun run = ReadText(text);
  EXPECT_EQ(run.stats.format, "json-lines");
  ASSERT_EQ(run.compiled.size(), 2u);
  EXPECT_EQ(run.compiled[0].release["ocid"], "A");
  EXPECT_EQ(run.compiled[1].release["ocid"], "C");
  EXPECT_EQ(run.compiled[1].location.line, 3u);
  ASSERT_EQ(run.issues.Count("invalid_json"), 1u);
  const DataIssue& bad = run.issues.kept()[0];
  EXPECT_EQ(bad.file, "input.json");
  EXPECT_EQ(bad.line, 2u);
  EXPECT_GT(bad.offset, 28u);
  EXPECT_EQ(run.issues.Count("wrong_type"), 1u);  // the bare 42
}

TEST(OcdsReader, GzipInputIsReadTransparently) {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "{\"ocid\": \"P" + std::to_string(i) + "\", \"tender\": {\"numberOfTenderers\": 2}}\n";
  }
  ReadRun run = ReadText(Gzip(text));
  EXPECT_EQ(run.compiled.size(), 100u);
  EXPECT_EQ(run.issues.total(), 0u);
}

// A source that remembers how much had been read when asked.
class CountingSource : public ByteSource {
 public:
  explicit CountingSource(std::string data) : inner_(MemoryByteSource(std::move(data), "big")) {}
  Result<size_t> Read(char* out, size_t n) override {
    auto got = inner_->Read(out, n < 4096 ? n : 4096);
    if (got.ok()) read_ += *got;
    return got;
  }
  const std::string& name() const override { return inner_->name(); }
  uint64_t raw_bytes_read() const override { return read_; }
  uint64_t raw_size() const override { return 0; }
  uint64_t read_ = 0;

 private:
  std::unique_ptr<ByteSource> inner_;
};

TEST(OcdsReader, BigPackageIsStreamedOneReleaseAtATime) {
  std::string text = "{\"uri\": \"x\", \"releases\": [";
  for (int i = 0; i < 5000; ++i) {
    if (i > 0) text += ",";
    text += "{\"ocid\": \"P" + std::to_string(i) + "\", \"id\": \"1\", \"tender\": {\"title\": " +
            "\"a title long enough to make the package a few hundred kilobytes\"}}";
  }
  text += "]}";
  CountingSource source(text);
  IssueLog issues;
  uint64_t read_at_first = 0;
  size_t n = 0;
  ReleaseCompiler compiler({.adjacent_ocids = true}, &issues, [&](CompiledRelease&&) {
    if (n++ == 0) read_at_first = source.read_;
  });
  Result<OcdsFileStats> stats = ReadOcds(source, compiler, issues);
  ASSERT_TRUE(stats.ok());
  compiler.Flush();
  EXPECT_EQ(n, 5000u);
  EXPECT_EQ(stats->releases, 5000u);
  // The first process was handed on after reading a few kilobytes of a ~600 kB package.
  EXPECT_LT(read_at_first, 16u * 1024);
  EXPECT_GT(text.size(), 500u * 1024);
}

TEST(OcdsReader, SyntaxErrorInAPrettyDocumentKeepsWhatCameBefore) {
  ReadRun run = ReadText("{\"releases\": [\n  {\"ocid\": \"A\"},\n  {\"ocid\": \"B\",, }\n]}\n");
  ASSERT_EQ(run.compiled.size(), 1u);
  EXPECT_EQ(run.issues.Count("invalid_json"), 1u);
  EXPECT_EQ(run.issues.kept()[0].line, 3u);
  EXPECT_EQ(run.issues.kept()[0].path, "releases[1]");
  EXPECT_EQ(run.issues.Count("input_abandoned"), 1u);
}

TEST(OcdsReader, WrongShapesAreReportedNotFatal) {
  ReadRun run = ReadText(R"({"releases": [1, {"id": "no ocid"}, {"ocid": 7}, {"ocid": "ok"}]})");
  EXPECT_EQ(run.compiled.size(), 1u);
  EXPECT_EQ(run.stats.skipped, 3u);
  EXPECT_EQ(run.issues.Count("wrong_type"), 2u);
  EXPECT_EQ(run.issues.Count("missing_field"), 1u);
  ReadRun other = ReadText(R"({"hello": "world"})");
  EXPECT_EQ(other.issues.Count("not_ocds"), 1u);
}

TEST(OcdsReader, IsoLatin1PackageReadsNamesCorrectly) {
  auto source = OpenByteSource(std::string(SAMSPILL_SOURCE_DIR) +
                               "/../shared/data/ocds/format-edge-cases/ocdskit-realdata/"
                               "release-package_encoding-iso-8859-1.json");
  ASSERT_TRUE(source.ok());
  IssueLog issues;
  std::vector<CompiledRelease> out;
  ReleaseCompiler compiler({}, &issues, [&](CompiledRelease&& c) { out.push_back(std::move(c)); });
  Result<OcdsFileStats> stats = ReadOcds(**source, compiler, issues);
  ASSERT_TRUE(stats.ok());
  compiler.Flush();
  EXPECT_EQ(stats->releases, 3u);
  ASSERT_EQ(out.size(), 1u);  // three releases of one ocid
  EXPECT_EQ(out[0].release_count, 3u);
  EXPECT_EQ(out[0].release["buyer"]["name"],
            "SECRETAR\xC3\x8D"
            "A DE FINANZAS");
  EXPECT_EQ(issues.Count("encoding"), 1u);
  EXPECT_EQ(issues.Count("invalid_json"), 0u);
  std::optional<Process> p = ProcessFromCompiledRelease(out[0].release, out[0].location, &issues);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->buyer.name,
            "SECRETAR\xC3\x8D"
            "A DE FINANZAS");
}

// 400 processes whose 2 000 releases arrive shuffled, some with a publisher's compiled
// release (one of them twice): compiled in memory and with a budget that spills after a few
// releases into two buckets split three levels deep, the results are identical.
TEST(ReleaseCompiler, SpillingGivesTheSameCompiledReleasesAsHolding) {
  std::string lines;
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  std::vector<std::string> docs;
  for (int i = 0; i < 2000; ++i) {
    const int ocid = i % 400, n = i / 400;
    json r = {{"ocid", "ocds-t-" + std::to_string(ocid)},
              {"id", std::to_string(n)},
              {"date", "2024-01-0" + std::to_string(n + 1) + "T00:00:00Z"},
              {"tender", {{"title", "t" + std::to_string(n)}, {"numberOfTenderers", n}}},
              {"awards", json::array({{{"id", std::to_string(n % 2)}, {"status", "active"}}})}};
    if (ocid % 37 == 0 && n == 4) r["tag"] = json::array({"compiled"});
    docs.push_back(r.dump());
  }
  docs.push_back(
      json({{"ocid", "ocds-t-0"}, {"id", "x"}, {"tag", json::array({"compiled"})}}).dump());
  for (size_t i = docs.size() - 1; i > 0; --i) std::swap(docs[i], docs[next() % (i + 1)]);
  for (const std::string& d : docs) lines += d + "\n";

  auto compile = [&](CompilerOptions options, IssueLog* issues, uint64_t* spilled) {
    std::map<std::string, std::pair<std::string, size_t>> out;
    ReleaseCompiler compiler(options, issues, [&](CompiledRelease&& c) {
      out[c.release["ocid"].get<std::string>()] = {c.release.dump(), c.release_count};
    });
    auto source = MemoryByteSource(lines, "shuffled.jsonl");
    EXPECT_TRUE(ReadOcds(*source, compiler, *issues).ok());
    compiler.Flush();
    EXPECT_TRUE(compiler.status().ok()) << compiler.status().ToString();
    *spilled = compiler.spilled_releases();
    return out;
  };
  IssueLog held_issues, spilled_issues;
  uint64_t held_spilled = 0, spilled = 0;
  const auto held = compile({}, &held_issues, &held_spilled);
  CompilerOptions tiny;
  tiny.max_pending_bytes = 2000;
  tiny.spill_buckets = 2;
  const auto on_disk = compile(tiny, &spilled_issues, &spilled);
  EXPECT_EQ(held_spilled, 0u);
  EXPECT_GT(spilled, 1900u);
  ASSERT_EQ(held.size(), 400u);
  EXPECT_EQ(on_disk, held);
  EXPECT_EQ(held.at("ocds-t-1").second, 5u);   // five releases merged
  EXPECT_EQ(held.at("ocds-t-37").second, 0u);  // the publisher's compiled release
  EXPECT_EQ(held_issues.Count("duplicate_compiled_release"), 1u);
  EXPECT_EQ(spilled_issues.Count("duplicate_compiled_release"), 1u);
}

}  // namespace
}  // namespace samspill::market
