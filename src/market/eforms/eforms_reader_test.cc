#include "market/eforms/eforms_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "market/ocds/ocds_normalise.h"
#include "market/ocds/ocds_reader.h"

namespace samspill::market {
namespace {

const std::string kDoffin =
    std::string(SAMSPILL_SOURCE_DIR) + "/../shared/data/ocds/norway-doffin/";

std::optional<Process> ReadNotice(const std::string& path, IssueLog* issues) {
  auto source = OpenByteSource(path);
  EXPECT_TRUE(source.ok()) << path;
  if (!source.ok()) return std::nullopt;
  Result<std::optional<Process>> p = ReadEformsNotice(**source, *issues);
  EXPECT_TRUE(p.ok());
  return p.ok() ? *p : std::nullopt;
}

// Checked by hand against ContractAwardNotice_can-standard_2023-335407.xml: buyer KS (BT-500,
// BT-501 "971 032 146", BT-507 NO081), procedure "restricted" (BT-105), one lot LOT-0000
// whose result has 6 tenders received (BT-759, code "tenders") and the winning tender
// TEN-0001 of ORG-0002 "Kons  AS" at 2,700,000.00 NOK (BT-720).
TEST(EformsReader, ContractAwardNoticeByHand) {
  IssueLog issues;
  std::optional<Process> p =
      ReadNotice(kDoffin + "eforms-xml/ContractAwardNotice_can-standard_2023-335407.xml", &issues);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->format, SourceFormat::kEforms);
  EXPECT_EQ(p->id, "2023-335407");
  EXPECT_EQ(p->buyer.name, "KS  (Kommunesektorens organisasjon)");
  EXPECT_EQ(p->buyer.org_number, "971032146");
  EXPECT_EQ(p->region, "NO081");
  EXPECT_EQ(p->country, "NO");
  EXPECT_EQ(p->procedure, Procedure::kSelective);
  EXPECT_EQ(p->procedure_details, "restricted");
  EXPECT_EQ(p->published, "2023-09-28");
  EXPECT_EQ(p->status, "can-standard");
  ASSERT_EQ(p->lots.size(), 1u);
  const Lot& lot = p->lots[0];
  EXPECT_EQ(lot.id, "LOT-0000");
  EXPECT_EQ(lot.bidders, 6);
  EXPECT_EQ(lot.bidder_source, BidderSource::kEformsReceived);
  ASSERT_EQ(lot.winners.size(), 1u);
  EXPECT_EQ(lot.winners[0].supplier.name, "Kons  AS");
  EXPECT_EQ(lot.winners[0].value->minor, 270000000);
  EXPECT_EQ(lot.winners[0].value->currency, "NOK");
  EXPECT_EQ(issues.total(), 0u);
}

// A contract notice: BT-131 deadline and BT-27 estimated value.
TEST(EformsReader, ContractNoticeDeadlineAndEstimate) {
  IssueLog issues;
  int with_deadline = 0, with_estimate = 0, notices = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDoffin + "eforms-xml")) {
    if (entry.path().filename().string().rfind("ContractNotice_", 0) != 0) continue;
    std::optional<Process> p = ReadNotice(entry.path().string(), &issues);
    ASSERT_TRUE(p.has_value()) << entry.path();
    ++notices;
    with_estimate += p->estimated_value.has_value();
    bool deadline = false;
    for (const Lot& lot : p->lots) deadline |= !lot.tender_end.empty();
    with_deadline += deadline;
    // The reader finds a deadline exactly where the XML has a BT-131 element.
    std::ifstream in(entry.path());
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(deadline, xml.find("TenderSubmissionDeadlinePeriod>") != std::string::npos)
        << entry.path();
  }
  EXPECT_EQ(notices, 32);
  EXPECT_GT(with_deadline, 10);
  EXPECT_GT(with_estimate, 0);
}

// Every notice is read; every lot's BT-759 agrees with the converted OCDS's bids.statistics
// (measure "bids") for the same lot, where the converter produced that file.
TEST(EformsReader, AgreesWithTheConvertedOcds) {
  IssueLog issues;
  int notices = 0, compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDoffin + "eforms-xml")) {
    std::optional<Process> p = ReadNotice(entry.path().string(), &issues);
    ASSERT_TRUE(p.has_value()) << entry.path();
    ++notices;
    std::string stem = entry.path().stem().string();
    std::string converted = kDoffin + "ocds-converted/" + stem + "_release_0.json";
    if (!std::filesystem::exists(converted)) continue;
    auto source = OpenByteSource(converted);
    ASSERT_TRUE(source.ok());
    std::vector<CompiledRelease> out;
    ReleaseCompiler compiler({}, &issues,
                             [&](CompiledRelease&& c) { out.push_back(std::move(c)); });
    ASSERT_TRUE(ReadOcds(**source, compiler, issues).ok());
    compiler.Flush();
    ASSERT_EQ(out.size(), 1u);
    std::optional<Process> o = ProcessFromCompiledRelease(out[0].release, out[0].location, &issues);
    ASSERT_TRUE(o.has_value());
    EXPECT_EQ(o->buyer.org_number, p->buyer.org_number) << stem;
    for (const Lot& lot : p->lots) {
      for (const Lot& other : o->lots) {
        if (other.id != lot.id || other.bidder_source != BidderSource::kBidsStatistics) continue;
        EXPECT_EQ(other.bidders, lot.bidders) << stem << " " << lot.id;
        ++compared;
      }
    }
  }
  EXPECT_EQ(notices, 89);
  EXPECT_GT(compared, 5);
}

TEST(EformsReader, BrokenXmlIsReportedWithItsOffset) {
  IssueLog issues;
  auto source =
      MemoryByteSource("<ContractNotice><cbc:ID>1</cbc:ID><oops></ContractNotice>", "bad.xml");
  Result<std::optional<Process>> p = ReadEformsNotice(*source, issues);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->has_value());
  ASSERT_EQ(issues.Count("invalid_xml"), 1u);
  EXPECT_EQ(issues.kept()[0].file, "bad.xml");
  EXPECT_GT(issues.kept()[0].offset, 30u);
}

TEST(EformsReader, AbsurdReceivedCountIsRejected) {
  IssueLog issues;
  auto source = MemoryByteSource(
      R"(<ContractAwardNotice xmlns:cbc="c" xmlns:efac="a" xmlns:efbc="b" xmlns:ext="e" xmlns:efext="x" xmlns:cac="p">
<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>
<efac:NoticeResult><efac:LotResult><cbc:ID>RES-1</cbc:ID>
<efac:ReceivedSubmissionsStatistics><efbc:StatisticsCode>tenders</efbc:StatisticsCode>
<efbc:StatisticsNumeric>-3</efbc:StatisticsNumeric></efac:ReceivedSubmissionsStatistics>
<efac:TenderLot><cbc:ID>LOT-1</cbc:ID></efac:TenderLot></efac:LotResult></efac:NoticeResult>
</efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
<cbc:ContractFolderID>X-1</cbc:ContractFolderID>
<cac:ProcurementProjectLot><cbc:ID>LOT-1</cbc:ID></cac:ProcurementProjectLot>
</ContractAwardNotice>)",
      "neg.xml");
  Result<std::optional<Process>> p = ReadEformsNotice(*source, issues);
  ASSERT_TRUE(p.ok() && p->has_value());
  EXPECT_FALSE((**p).lots[0].bidders.has_value());
  ASSERT_EQ(issues.Count("absurd_value"), 1u);
  EXPECT_NE(issues.kept()[0].path.find("StatisticsNumeric"), std::string::npos);
}

}  // namespace
}  // namespace samspill::market
