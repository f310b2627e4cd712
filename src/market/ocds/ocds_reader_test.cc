#include "market/ocds/ocds_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

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

}  // namespace
}  // namespace samspill::market
