// `samspill market import` and `market report` run as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

std::vector<std::string> DoffinFiles() {
  std::vector<std::string> files;
  std::string dir = std::string(SAMSPILL_SHARED_DIR) + "/data/ocds/norway-doffin/";
  for (const char* sub : {"eforms-xml", "ocds-converted"}) {
    for (const auto& e : std::filesystem::directory_iterator(dir + sub)) {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> Args(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

TEST(MarketReportCli, ReportFromFilesAndFromTheDatabaseAgree) {
  std::vector<std::string> report = {SAMSPILL_BINARY, "market", "report", "--cpv", "45",
                                     "--region",      "NO",     "--json"};
  ProcessResult from_files = RunProcess(Args(report, DoffinFiles()));
  ASSERT_EQ(from_files.exit_code, 0) << from_files.err;
  json a = json::parse(from_files.out);
  EXPECT_GE(a["at_least_two_bids"]["comparable_lots"].get<int>(), 1);
  EXPECT_EQ(a["at_least_two_bids"]["interval"]["method"], "wilson");
  EXPECT_EQ(a["query"]["cpv_name"], "Bygge- og anleggsvirksomhet");

  TempDir dir;
  std::string db = dir.path() + "/market.db";
  ProcessResult import =
      RunProcess(Args({SAMSPILL_BINARY, "market", "import", "--db", db}, DoffinFiles()));
  ASSERT_EQ(import.exit_code, 0) << import.err;
  // 89 eForms notices; all 98 OCDS releases converted from them are the same processes.
  EXPECT_NE(import.out.find("importerte 89 prosesser fra 187 filer"), std::string::npos)
      << import.out;
  EXPECT_NE(import.out.find("98 prosesser fantes både som eForms-kunngjøring og som OCDS"),
            std::string::npos)
      << import.out;

  ProcessResult from_db = RunProcess(
      {SAMSPILL_BINARY, "market", "report", "--cpv", "45", "--region", "NO", "--json", "--db", db});
  ASSERT_EQ(from_db.exit_code, 0) << from_db.err;
  json b = json::parse(from_db.out);
  EXPECT_EQ(b["at_least_two_bids"], a["at_least_two_bids"]);
  EXPECT_EQ(b["suppliers"], a["suppliers"]);
}

// The same notices read once as eForms and once as eForms plus their OCDS conversion, in
// either order, give the same competition figures: no process counts twice.
TEST(MarketReportCli, ANoticeAndItsOcdsConversionCountOnce) {
  std::vector<std::string> eforms, ocds;
  for (const std::string& f : DoffinFiles()) {
    (f.find("/eforms-xml/") != std::string::npos ? eforms : ocds).push_back(f);
  }
  ASSERT_EQ(eforms.size(), 89u);
  ASSERT_EQ(ocds.size(), 98u);
  const std::vector<std::string> command = {SAMSPILL_BINARY, "market", "competition"};
  ProcessResult alone = RunProcess(Args(command, eforms));
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  std::vector<std::string> ocds_first = ocds;
  ocds_first.insert(ocds_first.end(), eforms.begin(), eforms.end());
  for (const auto& files : {DoffinFiles(), ocds_first}) {
    ProcessResult both = RunProcess(Args(command, files));
    ASSERT_EQ(both.exit_code, 0) << both.err;
    EXPECT_EQ(json::parse(both.out), json::parse(alone.out));
    EXPECT_NE(both.err.find("duplicate_across_formats 98"), std::string::npos) << both.err;
  }
  // Without the eForms notices the OCDS conversion is counted on its own.
  ProcessResult only_ocds = RunProcess(Args(command, ocds));
  ASSERT_EQ(only_ocds.exit_code, 0) << only_ocds.err;
  EXPECT_EQ(only_ocds.err.find("duplicate_across_formats"), std::string::npos) << only_ocds.err;
}

TEST(MarketReportCli, BadLinesOnStdinAreReportedAndTheRunGoesOn) {
  ProcessResult r = RunProcess(
      {SAMSPILL_BINARY, "market", "report", "--cpv", "85", "-"},
      "{\"ocid\": \"A\", \"tender\": {\"procurementMethod\": \"open\", \"numberOfTenderers\": 1,"
      " \"items\": [{\"id\": \"1\", \"classification\": {\"scheme\": \"CPV\", \"id\": "
      "\"85000000\"}}]}}\n"
      "{\"ocid\": \"B\", \n"
      "{\"ocid\": \"C\", \"tender\": {\"procurementMethod\": \"open\", \"numberOfTenderers\": "
      "-4}}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("basert på 1 sammenlignbare"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("-:2 (byte "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("tender.numberOfTenderers"), std::string::npos) << r.err;
}

// Three lots: division 85 has one single-bid lot of two, division 90 none of one.
TEST(MarketReportCli, CompetitionIndicatorsOverStdin) {
  ProcessResult r = RunProcess(
      {SAMSPILL_BINARY, "market", "competition", "-"},
      "{\"ocid\":\"A\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":1,"
      "\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"85000000\"}}]}}\n"
      "{\"ocid\":\"B\",\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":3,"
      "\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"85100000\"}}]}}\n"
      "{\"ocid\":\"C\",\"tender\":{\"procurementMethod\":\"selective\",\"numberOfTenderers\":2,"
      "\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\",\"id\":\"90900000\"}}]}}\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["bidder_coverage"]["lots"], 3);
  EXPECT_EQ(out["bidder_coverage"]["numberOfTenderers"]["used"], 3);
  EXPECT_EQ(out["by_cpv_division"]["85"]["lots"], 2);
  EXPECT_EQ(out["by_cpv_division"]["85"]["single_bid"], 1);
  EXPECT_DOUBLE_EQ(out["by_cpv_division"]["85"]["single_bid_rate"].get<double>(), 0.5);
  EXPECT_EQ(out["by_cpv_division"]["90"]["single_bid"], 0);
  EXPECT_DOUBLE_EQ(out["by_buyer"][""]["mean_bidders"].get<double>(), 2.0);
  EXPECT_EQ(
      RunProcess({SAMSPILL_BINARY, "market", "competition", "--currency", "kr", "-"}, "").exit_code,
      65);
}

// A folder of nested subfolders gives what its files give listed in the walk's order (each
// folder's entries sorted by name); a file no reader takes is named and skipped.
TEST(MarketReportCli, FoldersAreReadAsTheirFilesListed) {
  namespace fs = std::filesystem;
  const std::string shared = std::string(SAMSPILL_SHARED_DIR) + "/data/ocds/";
  TempDir dir;
  const fs::path top = fs::path(dir.path()) / "export";
  fs::create_directories(top / "eforms" / "2024");
  fs::create_directories(top / "ocds");
  const std::vector<std::pair<std::string, std::string>> copies = {
      {"norway-doffin/eforms-xml/2023-307227.xml", "eforms/2023-307227.xml"},
      {"norway-doffin/eforms-xml/2024-110489.xml", "eforms/2024/2024-110489.xml"},
      {"norway-doffin/eforms-xml/2024-113575.xml", "eforms/2024/2024-113575.xml"},
      {"norway-doffin/ocds-converted/2023-307227_release_0.json",
       "ocds/2023-307227_release_0.json"},
      {"uk-contracts-finder/records/ocds-b5fd17-2c330cf9-adc8-11e6-9901-0019b9f3037b.json",
       "ocds/uk-record.json"},
  };
  std::vector<std::string> listed;  // in the walk's order: "eforms/2023…" before "eforms/2024/"
  for (const auto& [from, to] : copies) {
    fs::copy_file(shared + from, top / to);
    listed.push_back((top / to).string());
  }
  std::ofstream(top / "ocds" / "notes.txt") << "Eksportert fra Doffin\n";
  fs::create_directory_symlink(top, top / "eforms" / "back");
  const std::string garbage = (top / "ocds" / "notes.txt").string();

  for (const std::vector<std::string>& command :
       {std::vector<std::string>{SAMSPILL_BINARY, "market", "competition"},
        std::vector<std::string>{SAMSPILL_BINARY, "market", "report", "--cpv", "45", "--json"}}) {
    ProcessResult files = RunProcess(Args(command, listed));
    ASSERT_EQ(files.exit_code, 0) << files.err;
    ProcessResult folder = RunProcess(Args(command, {top.string()}));
    ASSERT_EQ(folder.exit_code, 0) << folder.err;
    EXPECT_EQ(folder.out, files.out);
    EXPECT_NE(folder.err.find("skipped " + garbage + ": not OCDS JSON or eForms XML"),
              std::string::npos)
        << folder.err;
    EXPECT_EQ(files.err.find("skipped"), std::string::npos) << files.err;
    EXPECT_EQ(folder.err.find("\r"), std::string::npos) << "no progress line in a pipe";
  }

  const std::string db = dir.path() + "/market.db";
  ProcessResult import =
      RunProcess({SAMSPILL_BINARY, "market", "import", "--db", db, top.string()});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("fra 5 filer"), std::string::npos) << import.out;
  EXPECT_NE(import.err.find("skipped " + garbage), std::string::npos) << import.err;

  // A file named on the command line is read as before: its problems are data issues.
  ProcessResult named = RunProcess({SAMSPILL_BINARY, "market", "competition", garbage});
  EXPECT_EQ(named.exit_code, 0) << named.err;
  EXPECT_EQ(named.err.find("skipped"), std::string::npos) << named.err;
  // A folder with nothing to read fails as a missing file does.
  fs::create_directory(top / "empty");
  EXPECT_EQ(
      RunProcess({SAMSPILL_BINARY, "market", "competition", (top / "empty").string()}).exit_code,
      66);
}

TEST(MarketReportCli, ExitCodesMeanSomething) {
  EXPECT_EQ(RunProcess({SAMSPILL_BINARY, "market", "report", "--help"}).exit_code, 0);
  EXPECT_EQ(RunProcess({SAMSPILL_BINARY, "market", "import", "--help"}).exit_code, 0);
  EXPECT_EQ(RunProcess({SAMSPILL_BINARY, "market", "report", "x.json"}).exit_code, 64);  // no --cpv
  ProcessResult missing =
      RunProcess({SAMSPILL_BINARY, "market", "report", "--cpv", "85", "/nonexistent.json"});
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_NE(missing.err.find("/nonexistent.json"), std::string::npos);
  EXPECT_EQ(RunProcess({SAMSPILL_BINARY, "market", "report", "--cpv", "8", "-"}, "").exit_code, 65);
}

}  // namespace
}  // namespace samspill::testing
