#include "market/ocds/ocds_normalise.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace samspill::market {
namespace {

using nlohmann::json;

Process Normalise(const std::string& text, IssueLog* issues) {
  std::optional<Process> p =
      ProcessFromCompiledRelease(json::parse(text), Location{"t.json", 7, 100}, issues);
  EXPECT_TRUE(p.has_value());
  return p ? *p : Process{};
}

TEST(OcdsNormalise, FallbackChainTakesTheFirstUsableSource) {
  IssueLog issues;
  // numberOfTenderers wins over the rest.
  Process a = Normalise(R"({"ocid": "A", "tender": {"numberOfTenderers": 4,
      "tenderers": [{"id": "x", "name": "X"}]},
      "bids": {"statistics": [{"id": "1", "measure": "bids", "value": 3}]}})",
                        &issues);
  ASSERT_EQ(a.lots.size(), 1u);
  EXPECT_EQ(a.lots[0].bidders, 4);
  EXPECT_EQ(a.lots[0].bidder_source, BidderSource::kNumberOfTenderers);
  EXPECT_EQ(a.lots[0].sources_present, 0b10110u);  // numberOfTenderers, statistics, tenderers
  // A negative count is rejected and the next source used.
  Process b = Normalise(R"({"ocid": "B", "tender": {"numberOfTenderers": -2},
      "bids": {"details": [{"id": "1", "status": "valid"}, {"id": "2", "status": "withdrawn"},
                           {"id": "3", "status": "disqualified"}, {"id": "4"}]}})",
                        &issues);
  EXPECT_EQ(b.lots[0].bidders, 3);
  EXPECT_EQ(b.lots[0].bidder_source, BidderSource::kBidsDetails);
  EXPECT_EQ(b.lots[0].sources_rejected, 0b10u);
  ASSERT_EQ(issues.Count("absurd_value"), 1u);
  EXPECT_EQ(issues.kept()[0].path, "tender.numberOfTenderers");
  EXPECT_EQ(issues.kept()[0].line, 7u);
}

TEST(OcdsNormalise, PlaceholderTenderersDoNotCount) {
  IssueLog issues;
  // Moldova: one tenderer with an empty name. Nigeria: a nameless id.
  Process md = Normalise(R"({"ocid": "M", "buyer": {"id": "b1", "name": "DETS"},
      "tender": {"tenderers": [{"id": "8d97cc040a6218bd4f90bf8d938b46ca", "name": ""}]}})",
                         &issues);
  EXPECT_FALSE(md.lots[0].bidders.has_value());
  EXPECT_EQ(md.lots[0].sources_rejected, 1u << 4);
  // The buyer listed as its own tenderer.
  Process ng = Normalise(R"({"ocid": "N", "buyer": {"id": "NGA-1", "name": "Authority"},
      "tender": {"tenderers": [{"id": "NGA-1", "name": "Authority"},
                               {"id": "S1", "name": "Supplier"}, {"id": "S1", "name": "Supplier"}]}})",
                         &issues);
  EXPECT_EQ(ng.lots[0].bidders, 1);
  EXPECT_EQ(ng.lots[0].bidder_source, BidderSource::kTenderers);
  EXPECT_EQ(issues.Count("placeholder"), 2u);
}

TEST(OcdsNormalise, LotsGetTheirOwnStatisticsWinnersAndCpv) {
  IssueLog issues;
  Process p = Normalise(R"({"ocid": "L", "date": "2024-03-01T10:00:00Z",
      "buyer": {"id": "ORG-1"},
      "parties": [{"id": "ORG-1", "name": "Moss kommune", "roles": ["buyer"],
                   "additionalIdentifiers": [{"id": "920817521", "scheme": "GB-COH"}],
                   "address": {"country": "NO"}},
                  {"id": "ORG-2", "name": "Lev AS", "roles": ["supplier"]}],
      "tender": {"procurementMethod": "open", "numberOfTenderers": 9,
        "classification": {"scheme": "CPV", "id": "85000000"},
        "lots": [{"id": "LOT-1", "value": {"amount": 1000.5, "currency": "nok"}},
                 {"id": "LOT-2", "tenderPeriod": {"startDate": "2024-05-01", "endDate": "2024-04-01"}}],
        "items": [{"id": "1", "relatedLot": "LOT-2", "classification": {"scheme": "CPV", "id": "85311000-2"},
                   "deliveryAddresses": [{"region": "NO082"}]}]},
      "bids": {"statistics": [{"id": "1", "measure": "bids", "value": 1, "relatedLot": "LOT-1"},
                              {"id": "2", "measure": "smeBids", "value": 5, "relatedLot": "LOT-2"},
                              {"id": "3", "measure": "bids", "value": 2, "relatedLot": "LOT-2"}]},
      "awards": [{"id": "A1", "status": "active", "relatedLots": ["LOT-1"], "suppliers": [{"id": "ORG-2"}],
                  "value": {"amount": 1e20, "currency": "NOK"}},
                 {"id": "A2", "status": "cancelled", "relatedLots": ["LOT-2"], "suppliers": [{"id": "ORG-2"}]}]})",
                        &issues);
  EXPECT_EQ(p.buyer.name, "Moss kommune");
  EXPECT_EQ(p.buyer.org_number, "920817521");
  EXPECT_EQ(p.region, "NO082");
  EXPECT_EQ(p.country, "NO");
  EXPECT_EQ(p.procedure, Procedure::kOpen);
  EXPECT_EQ(p.published, "2024-03-01");
  ASSERT_EQ(p.lots.size(), 2u);
  // numberOfTenderers describes the whole process: not used for a lot of two.
  EXPECT_EQ(p.lots[0].bidders, 1);
  EXPECT_EQ(p.lots[0].bidder_source, BidderSource::kBidsStatistics);
  EXPECT_EQ(p.lots[1].bidders, 2);
  EXPECT_EQ(p.lots[0].cpv, "85000000");
  EXPECT_EQ(p.lots[1].cpv, "85311000");
  EXPECT_EQ(p.lots[0].estimated_value->minor, 100050);
  EXPECT_EQ(p.lots[0].estimated_value->currency, "NOK");
  ASSERT_EQ(p.lots[0].winners.size(), 1u);
  EXPECT_EQ(p.lots[0].winners[0].supplier.name, "Lev AS");
  EXPECT_FALSE(p.lots[0].winners[0].value.has_value());  // 1e20 is absurd
  EXPECT_TRUE(p.lots[1].winners.empty());                // the award was cancelled
  EXPECT_TRUE(p.lots[1].tender_end.empty());             // ends before it starts
  EXPECT_EQ(issues.Count("absurd_value"), 2u);
  bool found = false;
  for (const DataIssue& i : issues.kept()) found |= i.path == "awards[0].value.amount";
  EXPECT_TRUE(found);
}

TEST(OcdsNormalise, WrongTypesAreReportedWithTheirPath) {
  IssueLog issues;
  Process p = Normalise(R"({"ocid": "W", "tender": {"title": true, "value": {"amount": "12"},
      "numberOfTenderers": "3", "lots": {"id": "x"}}, "awards": {"id": "1"}})",
                        &issues);
  EXPECT_EQ(p.lots.size(), 1u);
  EXPECT_FALSE(p.lots[0].bidders.has_value());
  std::vector<std::string> paths;
  for (const DataIssue& i : issues.kept()) paths.push_back(i.path);
  EXPECT_THAT(paths, testing::IsSupersetOf({"tender.title", "tender.value.amount",
                                            "tender.numberOfTenderers", "tender.lots", "awards"}));
  IssueLog none;
  EXPECT_FALSE(ProcessFromCompiledRelease(json::parse(R"({"id": 1})"), {}, &none).has_value());
  EXPECT_EQ(none.Count("missing_field"), 1u);
}

}  // namespace
}  // namespace samspill::market
