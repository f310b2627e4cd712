// cardinal's own test cases and two whole files, run through the real pipeline (byte source,
// line batches, worker threads) and compared with cardinal's output as parsed JSON.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace samspill::market::cardinal
