// cardinal's own test cases and two whole files, run through the real pipeline (byte source,
// line batches, worker threads) and compared with cardinal's output as parsed JSON.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "market/cardinal/cardinal.h"

namespace samspill::market::cardinal {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string SharedDir() {
  const char* shared = std::getenv("SAMSPILL_SHARED_DIR");
  return shared ? std::string(shared) : std::string(SAMSPILL_SOURCE_DIR) + "/../shared";
}
std::string CardinalDir() { return SharedDir() + "/data/ocds/cardinal"; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The settings a fixture's name encodes (see the fixtures' README): every case has the
// NPC deny list and the EXC exclusion; "R003-threshold-10" adds [R003] threshold = 10, "+"
// stands for "|", and procurement_method_details takes pairs in a nested section.
std::string SettingsForFixture(const std::string& name) {
  std::vector<std::string> parts;
  std::stringstream s(name);
  for (std::string part; std::getline(s, part, '-');) parts.push_back(part);
  std::string ini =
      "no_price_comparison_procurement_methods = NPC\n[exclusions]\n"
      "procurement_method_details = EXC\n[" +
      parts[0] + "]\n";
  if (parts.size() >= 3 && parts[1] == "procurement_method_details") {
    ini += "[" + parts[0] + ".procurement_method_details]\n";
    for (size_t i = 2; i + 1 < parts.size(); i += 2) ini += parts[i] + " = " + parts[i + 1] + "\n";
  } else if (parts.size() == 3) {
    std::string value = parts[2];
    std::replace(value.begin(), value.end(), '+', '|');
    ini += parts[1] + " = " + value + "\n";
  }  // two parts ("R038-tenderer"): a label only
  return ini;
}

Result<IndicatorsResult> RunFile(const std::string& input_path, const std::string& ini,
                                 IndicatorsOptions options) {
  Result<Settings> settings = ParseSettings(ini);
  if (!settings.ok()) return settings.status();
  Result<std::unique_ptr<ByteSource>> source = OpenByteSource(input_path);
  if (!source.ok()) return source.status();
  return RunIndicators(std::move(*source), *settings, options);
}

std::vector<std::string> FixtureNames(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".jsonl") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(CardinalFixtures, EveryIndicatorCaseMatchesCardinal) {
  const std::string folder = CardinalDir() + "/peer-fixtures/indicators";
  const auto names = FixtureNames(folder);
  ASSERT_EQ(names.size(), 15u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    for (int threads : {1, 2}) {
      IndicatorsOptions options;
      options.output.meta = false;
      options.threads = threads;
      Result<IndicatorsResult> result =
          RunFile(folder + "/" + name + ".jsonl", SettingsForFixture(name), options);
      ASSERT_TRUE(result.ok()) << result.status().ToString();
      EXPECT_EQ(json::parse(result->json), json::parse(ReadFile(folder + "/" + name + ".expected")))
          << result->json;
    }
  }
}

TEST(CardinalFixtures, EveryCoverageCaseMatchesCardinal) {
  const std::string folder = CardinalDir() + "/peer-fixtures/coverage";
  const auto names = FixtureNames(folder);
  ASSERT_EQ(names.size(), 35u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    Result<std::unique_ptr<ByteSource>> source = OpenByteSource(folder + "/" + name + ".jsonl");
    ASSERT_TRUE(source.ok());
    Result<CoverageResult> result = RunCoverage(std::move(*source));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_EQ(json::parse(result->ToJson()),
              json::parse(ReadFile(folder + "/" + name + ".expected")))
        << result->ToJson();
  }
}

void ExpectWholeFile(const std::string& input, const std::string& expected, int threads,
                     size_t batch_bytes) {
  IndicatorsOptions options;
  options.threads = threads;
  options.batch_bytes = batch_bytes;
  Result<IndicatorsResult> result =
      RunFile(CardinalDir() + "/" + input, ReadFile(CardinalDir() + "/settings-all.ini"), options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const json got = json::parse(result->json);
  const json want = json::parse(ReadFile(CardinalDir() + "/" + expected));
  // Per group first, so that a failure shows where.
  for (const auto& [group, ids] : want.items()) {
    ASSERT_TRUE(got.contains(group)) << group;
    EXPECT_EQ(got[group], ids) << group << "\n got: " << got[group].dump().substr(0, 2000);
  }
  EXPECT_EQ(got, want);
}

TEST(CardinalWholeFiles, RealCompiledReleasesMatchCardinal) {
  ExpectWholeFile("real-compiled.jsonl", "expected-real.json", 2, 4u << 20);
}

TEST(CardinalWholeFiles, Synthetic5kMatchesCardinal) {
  ExpectWholeFile("synthetic-5k.jsonl.gz", "expected-synthetic-5k.json", 2, 4u << 20);
}

// With `currency` set, neither the thread count nor the batch size may change a byte.
TEST(CardinalWholeFiles, OneAndManyThreadsGiveIdenticalOutput) {
  const std::string ini = ReadFile(CardinalDir() + "/settings-all.ini");
  std::string reference;
  for (int threads : {1, 2, 4}) {
    for (size_t batch : {size_t{64} << 10, size_t{4} << 20}) {
      IndicatorsOptions options;
      options.threads = threads;
      options.batch_bytes = batch;
      options.output.maps = true;
      Result<IndicatorsResult> result =
          RunFile(CardinalDir() + "/synthetic-5k.jsonl.gz", ini, options);
      ASSERT_TRUE(result.ok());
      if (reference.empty()) reference = result->json;
      EXPECT_EQ(result->json, reference) << threads << " threads, batch " << batch;
    }
  }
}

// A regular file is read by every worker in its own chunks (pread); gzip and pipes by one
// reader thread. Both must cut the same batches, so even cardinal's per-batch currency slot
// (no `currency` setting) and the bad-data line numbers come out the same.
TEST(CardinalWholeFiles, ParallelChunksAndOneReaderGiveIdenticalResults) {
  std::string ini = ReadFile(CardinalDir() + "/settings-all.ini");
  ini = ini.substr(ini.find('['));  // no `currency`: the first-observed slot per batch
  // synthetic-5k unpacked, with bad lines first, in the middle and last (no final newline).
  Result<std::unique_ptr<ByteSource>> gz = OpenByteSource(CardinalDir() + "/synthetic-5k.jsonl.gz");
  ASSERT_TRUE(gz.ok());
  std::string text;
  char piece[1 << 16];
  while (true) {
    Result<size_t> got = (*gz)->Read(piece, sizeof(piece));
    ASSERT_TRUE(got.ok());
    if (*got == 0) break;
    text.append(piece, *got);
  }
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 5000u);
  lines.insert(lines.begin() + 2000, "[1]");
  lines.insert(lines.begin(), "not json");
  lines.push_back(R"({"ocid":5})");
  std::string joined;
  for (const std::string& line : lines) joined += line + "\n";
  joined.pop_back();
  const fs::path path =
      fs::temp_directory_path() / ("chunks-" + std::to_string(getpid()) + ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << joined;
  }

  const std::string real = CardinalDir() + "/real-compiled.jsonl";
  const std::pair<std::string, size_t> cases[] = {{path.string(), size_t{4} << 10},
                                                  {path.string(), size_t{300} << 10},
                                                  {real, size_t{1} << 20}};
  for (const auto& [file, batch] : cases) {
    IndicatorsOptions options;
    options.batch_bytes = batch;
    options.output.maps = true;
    options.threads = 1;
    options.sequential = true;
    Result<IndicatorsResult> one = RunFile(file, ini, options);
    ASSERT_TRUE(one.ok()) << one.status().ToString();
    for (int threads : {1, 3}) {
      SCOPED_TRACE(file + ", batch " + std::to_string(batch) + ", " + std::to_string(threads) +
                   " threads");
      options.sequential = false;
      options.threads = threads;
      Result<IndicatorsResult> chunks = RunFile(file, ini, options);
      ASSERT_TRUE(chunks.ok()) << chunks.status().ToString();
      EXPECT_EQ(chunks->json, one->json);
      EXPECT_EQ(chunks->lines, one->lines);
      EXPECT_EQ(chunks->bytes, one->bytes);
      EXPECT_EQ(chunks->releases, one->releases);
      EXPECT_EQ(chunks->currency_mismatches, one->currency_mismatches);
      EXPECT_EQ(chunks->bad_data.Summary("f"), one->bad_data.Summary("f"));
    }
    if (file == path.string()) {
      EXPECT_EQ(one->lines, 5003u);
      std::vector<uint64_t> bad;
      for (const BadDataSample& sample : one->bad_data.samples()) bad.push_back(sample.line);
      // Line 5003's ocid is a number: a wrong type, and so no ocid.
      EXPECT_EQ(bad, (std::vector<uint64_t>{1, 2002, 5003, 5003}));
    }
  }
  fs::remove(path);
}

}  // namespace
}  // namespace samspill::market::cardinal
