#include "tendering/ocds_export.h"

#include <gtest/gtest.h>

#include <iterator>
#include <string>
#include <vector>

#include "tendering/ocds_sample_records.h"

namespace samspill::tendering {
namespace {

using nlohmann::json;
using testing::CareHomeTenderCancelled;
using testing::CleaningTender;
using testing::SampleOcdsExportOptions;

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }

TenderRecord Cleaning(TenderState last) {
  Result<TenderRecord> record = CleaningTender(last);
  EXPECT_TRUE(record.ok()) << record.status().ToString();
  return record.ok() ? *record : TenderRecord{};
}

json Export(const TenderRecord& record) {
  return ExportOcdsReleasePackage(record, SampleOcdsExportOptions());
}

json OnlyRelease(const json& package) {
  EXPECT_EQ(package.at("releases").size(), 1u);
  return package.at("releases").at(0);
}

// The party with this name, or null.
json PartyNamed(const json& release, const std::string& name) {
  for (const json& party : release.at("parties")) {
    if (party.at("name") == name) return party;
  }
  return nullptr;
}

TEST(OcdsExport, CleaningTenderWithSignedContractsIsAContractRelease) {
  TenderRecord record = Cleaning(TenderState::kContractSigned);
  json package = Export(record);

  EXPECT_EQ(package["uri"], "https://samspill.example.no/ocds/ocds-s4mpl1-4");
  EXPECT_EQ(package["version"], "1.1");
  EXPECT_EQ(package["publishedDate"], "2025-10-01T08:00:00Z");
  EXPECT_EQ(package["publisher"]["name"], "Trondheim kommune");
  EXPECT_EQ(package["extensions"],
            json::array({kOcdsBidsExtensionUrl, kOcdsLotsExtensionUrl}));  // two lots

  json r = OnlyRelease(package);
  EXPECT_EQ(r["ocid"], "ocds-s4mpl1-4");
  // The release is as of the last event, the signing, not the export.
  EXPECT_EQ(r["date"], "2025-03-17T10:30:00Z");
  EXPECT_EQ(r["id"], "ocds-s4mpl1-4-contract_signed-20250317T103000Z");
  EXPECT_EQ(r["tag"], json::array({"contract"}));
  EXPECT_EQ(r["initiationType"], "tender");
  EXPECT_EQ(r["language"], "nb");

  // Parties: the buyer, then every tenderer once; the two winners are also suppliers.
  ASSERT_EQ(r["parties"].size(), 6u);
  json buyer = r["parties"][0];
  EXPECT_EQ(buyer["id"], "NO-BRC-942110464");
  EXPECT_EQ(buyer["roles"], json::array({"buyer"}));
  EXPECT_EQ(buyer["identifier"]["scheme"], "NO-BRC");
  EXPECT_EQ(buyer["identifier"]["id"], "942110464");
  EXPECT_EQ(r["buyer"], (json{{"id", "NO-BRC-942110464"}, {"name", "Trondheim kommune"}}));
  EXPECT_EQ(PartyNamed(r, "Renhold Midt AS")["roles"], json::array({"tenderer", "supplier"}));
  EXPECT_EQ(PartyNamed(r, "Nidaros Renhold AS")["roles"], json::array({"tenderer", "supplier"}));
  EXPECT_EQ(PartyNamed(r, "Fjord Facility AS")["roles"], json::array({"tenderer"}));
  EXPECT_EQ(PartyNamed(r, "Trøndelag Rent AS")["id"], "NO-BRC-999000126");

  json t = r["tender"];
  EXPECT_EQ(t["id"], "4");
  EXPECT_EQ(t["title"], "Renholdstjenester for kommunale bygg 2025–2029");
  EXPECT_EQ(t["status"], "complete");
  EXPECT_EQ(t["value"], (json{{"amount", 24'000'000}, {"currency", "NOK"}}));
  EXPECT_EQ(t["procurementMethod"], "open");
  EXPECT_EQ(t["procurementMethodDetails"], "FOA del III");
  EXPECT_EQ(t["mainProcurementCategory"], "services");
  ASSERT_EQ(t["items"].size(), 2u);
  EXPECT_EQ(t["items"][1]["classification"], (json{{"scheme", "CPV"}, {"id", "90910000"}}));
  EXPECT_EQ(t["items"][1]["relatedLot"], "2");
  ASSERT_EQ(t["lots"].size(), 2u);
  EXPECT_EQ(t["lots"][0]["id"], "1");
  EXPECT_EQ(t["lots"][0]["title"], "Skoler og barnehager");
  EXPECT_EQ(t["lots"][0]["value"]["amount"], 14'000'000);
  EXPECT_EQ(t["lots"][1]["status"], "complete");
  EXPECT_EQ(t["tenderPeriod"],
            (json{{"startDate", "2025-01-06T08:00:00Z"}, {"endDate", "2025-02-14T11:00:00Z"}}));
  // A date-only questions deadline includes its whole day.
  EXPECT_EQ(t["enquiryPeriod"],
            (json{{"startDate", "2025-01-06T08:00:00Z"}, {"endDate", "2025-02-03T23:59:59Z"}}));
  EXPECT_EQ(t["awardPeriod"],
            (json{{"startDate", "2025-02-14T11:00:00Z"}, {"endDate", "2025-03-05T09:00:00Z"}}));
  EXPECT_EQ(t["awardCriteria"], "ratedCriteria");
  const std::string details = t["awardCriteriaDetails"];
  EXPECT_NE(details.find("Pris (årlig kontraktsverdi) 40 %; Kvalitet 30 %; Sosiale hensyn 30 %"),
            std::string::npos)
      << details;
  EXPECT_NE(details.find("forholdsmessig"), std::string::npos) << details;
  ASSERT_TRUE(record.tender.locked_award_model().has_value());
  EXPECT_EQ(record.tender.locked_award_model()->sha256.size(), 64u);
  EXPECT_NE(details.find(record.tender.locked_award_model()->sha256), std::string::npos);
  EXPECT_EQ(t["numberOfTenderers"], 5);
  EXPECT_EQ(t["tenderers"].size(), 5u);
  EXPECT_EQ(t["hasEnquiries"], true);
  EXPECT_FALSE(t.contains("documents"));

  ASSERT_EQ(r["awards"].size(), 2u);
  json lot2 = r["awards"][1];
  EXPECT_EQ(lot2["id"], "award-lot-2");
  EXPECT_EQ(lot2["status"], "active");
  EXPECT_EQ(lot2["date"], "2025-03-05T09:00:00Z");
  EXPECT_EQ(lot2["value"]["currency"], "NOK");
  EXPECT_EQ(lot2["value"]["amount"].dump(), "8450123.45");  // øre kept exactly
  EXPECT_EQ(lot2["suppliers"],
            json::array({{{"id", "NO-BRC-999000150"}, {"name", "Nidaros Renhold AS"}}}));
  EXPECT_EQ(lot2["relatedLots"], json::array({"2"}));
  EXPECT_EQ(lot2["relatedBid"], "108");

  ASSERT_EQ(r["contracts"].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    json c = r["contracts"][i];
    EXPECT_EQ(c["awardID"], r["awards"][i]["id"]);
    EXPECT_EQ(c["status"], "active");
    EXPECT_EQ(c["dateSigned"], "2025-03-17T10:30:00Z");
    EXPECT_EQ(c["value"], r["awards"][i]["value"]);
  }

  // Bids: per lot all bids and the valid ones; one detail per bid, the rejected one disqualified.
  json stats = r["bids"]["statistics"];
  ASSERT_EQ(stats.size(), 4u);
  EXPECT_EQ(stats[0], (json{{"id", "1"}, {"measure", "bids"}, {"value", 5}, {"relatedLot", "1"}}));
  EXPECT_EQ(stats[1]["measure"], "validBids");
  EXPECT_EQ(stats[1]["value"], 5);
  EXPECT_EQ(stats[2]["value"], 3);
  EXPECT_EQ(stats[3],
            (json{{"id", "4"}, {"measure", "validBids"}, {"value", 2}, {"relatedLot", "2"}}));
  json bids = r["bids"]["details"];
  ASSERT_EQ(bids.size(), 8u);
  EXPECT_EQ(bids[0]["id"], "101");
  EXPECT_EQ(bids[0]["date"], "2025-02-13T15:02:11Z");
  EXPECT_EQ(bids[0]["status"], "valid");
  EXPECT_EQ(bids[0]["tenderers"][0]["id"], "NO-BRC-999000118");
  EXPECT_EQ(bids[0]["value"], (json{{"amount", 11'850'000}, {"currency", "NOK"}}));
  EXPECT_EQ(bids[6]["id"], "107");
  EXPECT_EQ(bids[6]["status"], "disqualified");
  EXPECT_EQ(bids[6]["relatedLots"], json::array({"2"}));
}

TEST(OcdsExport, CareHomeTenderCancelledWithOneBidCarriesTheReason) {
  Result<TenderRecord> record = CareHomeTenderCancelled();
  ASSERT_TRUE(record.ok()) << record.status().ToString();
  json package = Export(*record);
  EXPECT_EQ(package["extensions"], json::array({kOcdsBidsExtensionUrl}));  // no lots
  json r = OnlyRelease(package);

  // The record has no ocid of its own: the prefix and the tender's id make one.
  EXPECT_EQ(r["ocid"], "ocds-s4mpl1-17");
  EXPECT_EQ(package["uri"], "https://samspill.example.no/ocds/ocds-s4mpl1-17");
  EXPECT_EQ(r["tag"], json::array({"tenderCancellation"}));
  EXPECT_EQ(r["date"], "2025-09-22T10:00:00Z");
  EXPECT_EQ(r["parties"].size(), 1u);  // the bid was never opened: no tenderer is known
  EXPECT_FALSE(r.contains("awards"));
  EXPECT_FALSE(r.contains("contracts"));

  json t = r["tender"];
  EXPECT_EQ(t["status"], "cancelled");
  EXPECT_EQ(t["procurementMethod"], "selective");  // sent to qualified suppliers
  EXPECT_EQ(t["procurementMethodDetails"], "FOA del IV kapittel 30");
  EXPECT_EQ(t["value"]["amount"], 400'000'000);
  EXPECT_EQ(t["items"],
            json::array({{{"id", "1"},
                          {"description", "Drift av bo- og aktivitetstilbud (BoA)"},
                          {"classification", {{"scheme", "CPV"}, {"id", "85000000"}}}}}));
  EXPECT_FALSE(t.contains("lots"));
  EXPECT_EQ(t["tenderPeriod"]["endDate"], "2025-09-19T10:00:00Z");
  EXPECT_EQ(t["awardCriteria"], "ratedCriteria");
  EXPECT_NE(t["awardCriteriaDetails"].get<std::string>().find("Pris 30 %; Kvalitet 70 %"),
            std::string::npos);
  EXPECT_FALSE(t["awardPeriod"].contains("endDate"));  // no award notice
  EXPECT_EQ(t["numberOfTenderers"], 1);
  EXPECT_FALSE(t.contains("tenderers"));
  EXPECT_EQ(t["hasEnquiries"], false);

  ASSERT_EQ(t["documents"].size(), 1u);
  json reason = t["documents"][0];
  EXPECT_EQ(reason["documentType"], "cancellationDetails");
  EXPECT_EQ(reason["description"], record->tender.cancellation_reason());
  EXPECT_NE(reason["description"].get<std::string>().find("Kun ett tilbud"), std::string::npos);
  EXPECT_EQ(reason["datePublished"], "2025-09-22T10:00:00Z");

  // One bid counted at the deadline, with the objective reason the tender was unsuccessful.
  EXPECT_EQ(
      r["bids"]["statistics"],
      json::array(
          {{{"id", "1"}, {"measure", "bids"}, {"value", 1}, {"notes", UnsuccessfulReason(1, 2)}}}));
  EXPECT_FALSE(r["bids"].contains("details"));
}

TEST(OcdsExport, TagAndStatusFollowTheState) {
  struct Row {
    TenderState state;
    const char* tag;
    const char* status;
  };
  const std::vector<Row> rows = {
      {TenderState::kDraft, "planning", "planned"},
      {TenderState::kPublished, "tender", "active"},
      {TenderState::kBiddingClosed, "tenderUpdate", "active"},
      {TenderState::kOpened, "tenderUpdate", "active"},
      {TenderState::kEvaluated, "tenderUpdate", "active"},
      {TenderState::kAwardProposed, "tenderUpdate", "active"},
      {TenderState::kPoliticalApproval, "tenderUpdate", "active"},
      {TenderState::kStandstill, "award", "complete"},
      {TenderState::kContractSigned, "contract", "complete"},
      {TenderState::kUnsuccessful, "tenderUpdate", "unsuccessful"},
      {TenderState::kCancelled, "tenderCancellation", "cancelled"},
  };
  ASSERT_EQ(rows.size(), std::size(kAllTenderStates));
  for (const Row& row : rows) {
    EXPECT_EQ(OcdsReleaseTag(row.state), row.tag) << TenderStateName(row.state);
    EXPECT_EQ(OcdsTenderStatus(row.state), row.status) << TenderStateName(row.state);
  }
}

TEST(OcdsExport, BidsAppearFromOpeningAndAwardsOnlyOnceTheNoticeIsSent) {
  json draft = OnlyRelease(Export(Cleaning(TenderState::kDraft)));
  EXPECT_EQ(draft["tag"], json::array({"planning"}));
  EXPECT_FALSE(draft["tender"].contains("procurementMethodDetails"));  // no regime yet
  EXPECT_FALSE(draft["tender"].contains("hasEnquiries"));
  EXPECT_NE(draft["tender"]["awardCriteriaDetails"].get<std::string>().find("låses ved"),
            std::string::npos);

  json published = OnlyRelease(Export(Cleaning(TenderState::kPublished)));
  EXPECT_EQ(published["tag"], json::array({"tender"}));
  EXPECT_EQ(published["tender"]["status"], "active");
  EXPECT_FALSE(published.contains("bids"));
  EXPECT_FALSE(published["tender"].contains("numberOfTenderers"));

  json closed = OnlyRelease(Export(Cleaning(TenderState::kBiddingClosed)));
  EXPECT_EQ(closed["tag"], json::array({"tenderUpdate"}));
  EXPECT_FALSE(closed.contains("bids"));  // sealed: the record holds no bids yet

  json opened = OnlyRelease(Export(Cleaning(TenderState::kOpened)));
  EXPECT_EQ(opened["bids"]["details"].size(), 8u);
  EXPECT_EQ(opened["bids"]["details"][6]["status"], "valid");  // not rejected yet

  // Proposed, but the suppliers have not been told: the award stays internal.
  json proposed = OnlyRelease(Export(Cleaning(TenderState::kAwardProposed)));
  EXPECT_FALSE(proposed.contains("awards"));
  EXPECT_EQ(proposed["parties"].size(), 6u);
  EXPECT_EQ(PartyNamed(proposed, "Renhold Midt AS")["roles"], json::array({"tenderer"}));

  json standstill = OnlyRelease(Export(Cleaning(TenderState::kStandstill)));
  EXPECT_EQ(standstill["tag"], json::array({"award"}));
  EXPECT_EQ(standstill["tender"]["status"], "complete");
  ASSERT_EQ(standstill["awards"].size(), 2u);
  EXPECT_EQ(standstill["awards"][0]["status"], "pending");  // karensperiode: not yet in force
  EXPECT_FALSE(standstill.contains("contracts"));
}

TEST(OcdsExport, ALotWithTooFewBidsKeepsItsCountAtTheDeadline) {
  // Lot 2 got one bid by the deadline and was never opened; lot 1 was.
  TenderRecord record = Cleaning(TenderState::kOpened);
  std::erase_if(record.bids, [](const SubmittedBid& b) { return b.lot_id == "2"; });
  record.unsuccessful_lots = {UnsuccessfulLot{"2", 1, UnsuccessfulReason(1, 2)}};
  json r = OnlyRelease(Export(record));
  EXPECT_EQ(r["tender"]["lots"][0]["status"], "active");
  EXPECT_EQ(r["tender"]["lots"][1]["status"], "unsuccessful");
  json stats = r["bids"]["statistics"];
  ASSERT_EQ(stats.size(), 3u);
  EXPECT_EQ(stats[0]["value"], 5);
  EXPECT_EQ(stats[1]["measure"], "validBids");
  EXPECT_EQ(stats[2], (json{{"id", "3"},
                            {"measure", "bids"},
                            {"value", 1},
                            {"relatedLot", "2"},
                            {"notes", UnsuccessfulReason(1, 2)}}));
  EXPECT_EQ(r["bids"]["details"].size(), 5u);
}

// A record made for a reader who may not read bid content (tendering/bid_access.h) has bids
// without prices: their details carry no value, while the award keeps the contract value.
TEST(OcdsExport, BidsWithoutContentHaveNoValueButTheAwardKeepsItsValue) {
  TenderRecord record = Cleaning(TenderState::kStandstill);
  for (SubmittedBid& bid : record.bids) {
    bid.price.reset();
    bid.summary.clear();
    bid.scores.clear();
  }
  json r = OnlyRelease(Export(record));
  ASSERT_EQ(r["bids"]["details"].size(), 8u);
  for (const json& d : r["bids"]["details"]) {
    EXPECT_FALSE(d.contains("value")) << d;
    EXPECT_TRUE(d.contains("tenderers")) << d;
  }
  EXPECT_EQ(r["bids"]["statistics"].size(), 4u);
  ASSERT_EQ(r["awards"].size(), 2u);
  EXPECT_EQ(r["awards"][1]["value"]["amount"].dump(), "8450123.45");
  EXPECT_EQ(r["awards"][0]["value"]["amount"], 11'850'000);
  // The unsuccessful bids' prices appear nowhere in the release.
  const std::string text = r.dump();
  for (const char* price : {"12400000", "10950000", "13200000", "11300000", "8912000", "9100000"}) {
    EXPECT_EQ(text.find(price), std::string::npos) << price;
  }
}

TEST(OcdsExport, TenderCancelledAfterTheAwardNoticeShowsCancelledAwards) {
  TenderRecord record = Cleaning(TenderState::kStandstill);
  const std::string reason = "Reell rettslig usikkerhet om kravspesifikasjonen (KOFA 2025/0303).";
  ASSERT_TRUE(record.tender.Cancel(T("2025-03-10T12:00:00Z"), reason).ok());
  record.events.push_back({99, T("2025-03-10T12:00:00Z"), "innkjoper", "tender.cancel", "{}"});
  json r = OnlyRelease(Export(record));
  EXPECT_EQ(r["tag"], json::array({"tenderCancellation"}));
  ASSERT_EQ(r["awards"].size(), 2u);
  EXPECT_EQ(r["awards"][0]["status"], "cancelled");
  EXPECT_FALSE(r.contains("contracts"));
  EXPECT_EQ(PartyNamed(r, "Renhold Midt AS")["roles"], json::array({"tenderer"}));
  EXPECT_EQ(r["tender"]["documents"][0]["description"], reason);
}

TEST(OcdsExport, WithoutEventsDatesComeFromTheMilestonesAndTheExportTime) {
  TenderRecord record = Cleaning(TenderState::kContractSigned);
  record.events.clear();
  json r = OnlyRelease(Export(record));
  EXPECT_EQ(r["date"], "2025-10-01T08:00:00Z");  // the options' published date
  EXPECT_EQ(r["tender"]["tenderPeriod"]["startDate"], "2025-01-06T00:00:00Z");
  EXPECT_EQ(r["tender"]["awardPeriod"]["endDate"], "2025-03-05T23:59:59Z");
  EXPECT_EQ(r["awards"][0]["date"], "2025-03-05T00:00:00Z");
  // The contract-signed milestone (2025-03-17) when the signing was not logged.
  EXPECT_EQ(r["contracts"][0]["dateSigned"], "2025-03-17T00:00:00Z");
}

TEST(OcdsExport, ReleaseIdDependsOnTheTenderNotOnTheExportTime) {
  TenderRecord record = Cleaning(TenderState::kStandstill);
  OcdsExportOptions later = SampleOcdsExportOptions();
  later.published_date = T("2026-01-01T00:00:00Z");
  json first = Export(record);
  json second = ExportOcdsReleasePackage(record, later);
  EXPECT_EQ(second["publishedDate"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(OnlyRelease(first)["id"], OnlyRelease(second)["id"]);
  EXPECT_EQ(OnlyRelease(first)["id"], "ocds-s4mpl1-4-standstill-20250305T090000Z");

  ASSERT_TRUE(record.tender.Advance(TenderAction::kSignContract, T("2025-03-17T10:30:00Z")).ok());
  record.events.push_back(
      {99, T("2025-03-17T10:30:00Z"), "innkjoper", "tender.sign_contract", "{}"});
  EXPECT_NE(OnlyRelease(Export(record))["id"], OnlyRelease(first)["id"]);
}

TEST(OcdsExport, AmountsAreExactToTheOre) {
  struct Row {
    int64_t minor;
    const char* text;
  };
  const std::vector<Row> rows = {
      {1, "0.01"},
      {10, "0.1"},
      {125'000'050, "1250000.5"},
      {845'012'345, "8450123.45"},
      {1'234'567'890'123, "12345678901.23"},
      {999'999'999'999'999, "9999999999999.99"},  // the largest 15-digit amount
      {2'400'000'000, "24000000"},
      {100'000'000'000'000'000, "1000000000000000"},  // kMaxMoneyMinor: whole, so an integer
  };
  for (const Row& row : rows) {
    json value = OcdsValue(Money{row.minor, "NOK"});
    EXPECT_EQ(value["amount"].dump(), row.text) << row.minor;
    EXPECT_EQ(value["currency"], "NOK");
    // Read back as a JSON consumer would: the same øre.
    Result<int64_t> back = MoneyMinorFromDouble(json::parse(value["amount"].dump()).get<double>());
    ASSERT_TRUE(back.ok()) << row.text;
    EXPECT_EQ(*back, row.minor) << row.text;
  }
  EXPECT_TRUE(OcdsValue(Money{2'400'000'000, "NOK"})["amount"].is_number_integer());
}

TEST(OcdsExport, OptionsAreCheckedWithTheFieldNamed) {
  auto field = [](auto change) {
    OcdsExportOptions options = SampleOcdsExportOptions();
    change(options);
    return ValidateOcdsExportOptions(options).field();
  };
  EXPECT_TRUE(ValidateOcdsExportOptions(SampleOcdsExportOptions()).ok());
  EXPECT_EQ(field([](OcdsExportOptions& o) { o.publisher_name = " "; }), "publisher_name");
  EXPECT_EQ(field([](OcdsExportOptions& o) { o.package_uri_base = "ocds/"; }), "package_uri_base");
  EXPECT_EQ(field([](OcdsExportOptions& o) { o.package_uri_base = "https://"; }),
            "package_uri_base");
  EXPECT_EQ(field([](OcdsExportOptions& o) { o.ocid_prefix = "ocds-abc"; }), "ocid_prefix");
  EXPECT_EQ(field([](OcdsExportOptions& o) { o.ocid_prefix = "ocds-ABC123"; }), "ocid_prefix");
  EXPECT_EQ(field([](OcdsExportOptions& o) { o.ocid_prefix = "ocsd-abc123"; }), "ocid_prefix");
}

}  // namespace
}  // namespace samspill::tendering

namespace samspill::tendering {
namespace {

TEST(OcdsExport, ComplaintsAreDocumentsOfTheComplaintsType) {
  const json package = Export(*testing::CleaningTenderWithComplaints());
  const json release = OnlyRelease(package);
  const json& documents = release.at("tender").at("documents");
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[0]["id"], "complaint-1");
  EXPECT_EQ(documents[0]["documentType"], "complaints");
  EXPECT_EQ(documents[0]["datePublished"], "2025-03-07T08:30:00Z");
  EXPECT_EQ(documents[0]["dateModified"], "2025-03-10T12:00:00Z");
  const std::string handled = documents[0]["description"];
  EXPECT_NE(handled.find("Ikke tatt til følge"), std::string::npos) << handled;
  EXPECT_NE(handled.find("kunngjorte skalaen"), std::string::npos) << handled;
  EXPECT_EQ(documents[1]["id"], "complaint-2");
  EXPECT_FALSE(documents[1].contains("dateModified"));
  // Open data says what was decided, not who complained.
  EXPECT_EQ(documents.dump().find("Fjord Facility"), std::string::npos);
  EXPECT_EQ(documents.dump().find("Trøndelag Rent"), std::string::npos);
}

}  // namespace
}  // namespace samspill::tendering
