// `samspill market indicators` and `market coverage` run as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

std::string Fixture(const std::string& name) {
  return std::string(SAMSPILL_SHARED_DIR) + "/data/ocds/cardinal/peer-fixtures/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string WriteSettings(const TempDir& dir, const std::string& text) {
  const std::string path = dir.path() + "/settings.ini";
  std::ofstream(path) << text;
  return path;
}

TEST(MarketCli, IndicatorsPrintsCardinalsOutput) {
  TempDir dir;
  const std::string ini =
      WriteSettings(dir,
                    "no_price_comparison_procurement_methods = NPC\n[exclusions]\n"
                    "procurement_method_details = EXC\n[R024]\n");
  ProcessResult r = RunProcess({SAMSPILL_BINARY, "market", "indicators", "--settings", ini,
                                "--no-meta", Fixture("indicators/R024.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out), json::parse(ReadFile(Fixture("indicators/R024.expected"))));

  // Meta and Maps on request; standard input with one thread gives the same flags.
  ProcessResult piped = RunProcess(
      {SAMSPILL_BINARY, "market", "indicators", "-s", ini, "--map", "--threads", "1", "-"},
      ReadFile(Fixture("indicators/R024.jsonl")));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  json out = json::parse(piped.out);
  EXPECT_EQ(out["OCID"], json::parse(r.out)["OCID"]);
  EXPECT_TRUE(out["Meta"]["R024"].contains("lower_fence"));
  EXPECT_EQ(out["Maps"]["ocid_tenderer_r024"]["F"].size(), 2u);
  EXPECT_TRUE(out["Maps"]["ocid_tenderer_r030"].empty());
}

TEST(MarketCli, BadLinesAreReportedOnStderrAndTheRunGoesOn) {
  TempDir dir;
  const std::string ini = WriteSettings(dir, "[R018]\n");
  ProcessResult r = RunProcess(
      {SAMSPILL_BINARY, "market", "indicators", "-s", ini, "-"},
      "{\"ocid\":\"1\",\"tender\":{\"numberOfTenderers\":1,\"procurementMethod\":\"open\"}}\n"
      "{oops\n"
      "{\"ocid\":\"2\",\"tender\":{\"numberOfTenderers\":\"1\"}}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out), json::parse(R"({"OCID":{"1":{"R018":1.0}}})"));
  EXPECT_NE(r.err.find("standard input:2: invalid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("standard input:3: wrong type at tender.numberOfTenderers"),
            std::string::npos)
      << r.err;
}

TEST(MarketCli, MissingFileBadSettingsAndUsageHaveTheirExitCodes) {
  TempDir dir;
  const std::string good = WriteSettings(dir, "[R003]\n");
  ProcessResult missing =
      RunProcess({SAMSPILL_BINARY, "market", "indicators", "-s", good, "/nonexistent.jsonl"});
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("/nonexistent.jsonl"), std::string::npos) << missing.err;

  const std::string bad = dir.path() + "/bad.ini";
  std::ofstream(bad) << "[R003]\nthreshold = 10\nwindow = 3\n";
  ProcessResult bad_ini = RunProcess(
      {SAMSPILL_BINARY, "market", "indicators", "-s", bad, Fixture("indicators/R003.jsonl")});
  EXPECT_EQ(bad_ini.exit_code, 65);
  EXPECT_NE(bad_ini.err.find("R003.window"), std::string::npos) << bad_ini.err;
  EXPECT_TRUE(bad_ini.out.empty());

  ProcessResult no_settings =
      RunProcess({SAMSPILL_BINARY, "market", "indicators", Fixture("indicators/R003.jsonl")});
  EXPECT_EQ(no_settings.exit_code, 64);
  ProcessResult help = RunProcess({SAMSPILL_BINARY, "market", "indicators", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--no-meta"), std::string::npos);
}

// A folder is walked in sorted order, its unreadable files named and skipped, and gives the
// output of its files listed in that order, on the parallel and the one-thread path.
TEST(MarketCli, IndicatorsReadAFolderAsItsFilesListed) {
  namespace fs = std::filesystem;
  TempDir dir;
  const std::string ini = WriteSettings(dir,
                                        "no_price_comparison_procurement_methods = NPC\n"
                                        "[exclusions]\nprocurement_method_details = EXC\n"
                                        "[R018]\n[R024]\n");
  const fs::path top = fs::path(dir.path()) / "data";
  fs::create_directories(top / "sub");
  fs::copy_file(Fixture("indicators/R018.jsonl"), top / "R018.jsonl");
  fs::copy_file(Fixture("indicators/R024.jsonl"), top / "sub" / "R024.jsonl");
  std::ofstream(top / "sub" / "bad.jsonl") << "{oops\n{\"ocid\":\"B1\"}\n";
  fs::copy_file(
      std::string(SAMSPILL_SHARED_DIR) + "/data/ocds/norway-doffin/eforms-xml/2024-110489.xml",
      top / "sub" / "notice.xml");
  std::ofstream(top / "garbage.txt") << "not procurement data\n";
  fs::create_directory_symlink(top, top / "loop");

  const std::vector<std::string> head = {SAMSPILL_BINARY, "market", "indicators", "-s", ini};
  std::vector<std::string> listed = head;
  for (const char* f : {"R018.jsonl", "sub/R024.jsonl", "sub/bad.jsonl"}) {
    listed.push_back((top / f).string());
  }
  ProcessResult files = RunProcess(listed);
  ASSERT_EQ(files.exit_code, 0) << files.err;
  for (const char* threads : {"2", "1"}) {
    std::vector<std::string> args = head;
    args.insert(args.end(), {"--threads", threads, top.string()});
    ProcessResult folder = RunProcess(args);
    ASSERT_EQ(folder.exit_code, 0) << folder.err;
    EXPECT_EQ(folder.out, files.out);
    EXPECT_NE(folder.err.find("skipped " + (top / "garbage.txt").string() + ": not JSON Lines"),
              std::string::npos)
        << folder.err;
    EXPECT_NE(folder.err.find("skipped " + (top / "sub" / "notice.xml").string() + ": eForms XML"),
              std::string::npos)
        << folder.err;
    EXPECT_NE(folder.err.find("skipped " + (top / "loop").string() + ": a link to a folder"),
              std::string::npos)
        << folder.err;
    // Bad lines are counted in their own file, from its own first line.
    EXPECT_NE(folder.err.find((top / "sub" / "bad.jsonl").string() + ":1: invalid JSON"),
              std::string::npos)
        << folder.err;
    EXPECT_EQ(folder.err.find("\r"), std::string::npos) << "no progress line in a pipe";
  }
  json out = json::parse(files.out);
  EXPECT_TRUE(out["OCID"].contains("F")) << out;  // from R024.jsonl, the second file

  // Nothing readable: named, and the command fails as for a missing file.
  const fs::path junk = fs::path(dir.path()) / "junk";
  fs::create_directory(junk);
  std::ofstream(junk / "a.txt") << "nothing";
  ProcessResult none =
      RunProcess({SAMSPILL_BINARY, "market", "indicators", "-s", ini, junk.string()});
  EXPECT_EQ(none.exit_code, 66);
  EXPECT_NE(none.err.find("skipped " + (junk / "a.txt").string()), std::string::npos) << none.err;
}

TEST(MarketCli, CoveragePrintsPathCounts) {
  ProcessResult r =
      RunProcess({SAMSPILL_BINARY, "market", "coverage", Fixture("coverage/multiline.jsonl")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out), json::parse(ReadFile(Fixture("coverage/multiline.expected"))));
  ProcessResult help = RunProcess({SAMSPILL_BINARY, "market", "coverage", "--help"});
  EXPECT_EQ(help.exit_code, 0);
}

}  // namespace
}  // namespace samspill::testing
