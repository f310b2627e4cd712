#include "market/model/process_json.h"

#include <gtest/gtest.h>

#include "market/model/data_issue.h"

namespace samspill::market {
namespace {

TEST(ProcessJson, RoundTripsEveryField) {
  Process p;
  p.format = SourceFormat::kEforms;
  p.id = "2023-335407";
  p.source = "can.xml";
  p.title = "Sikkerhetskrav";
  p.buyer = {"ORG-0001", "KS", "971032146"};
  p.region = "NO081";
  p.country = "NO";
  p.procedure = Procedure::kSelective;
  p.procedure_details = "restricted";
  p.cpv = "72000000";
  p.estimated_value = Money{270000000, "NOK"};
  p.published = "2023-09-28";
  p.status = "can-standard";
  Lot lot;
  lot.id = "LOT-0000";
  lot.cpv = "72000000";
  lot.bidders = 6;
  lot.bidder_source = BidderSource::kEformsReceived;
  lot.winners.push_back({{"ORG-0002", "Kons AS", "912345678"}, Money{270000000, "NOK"}});
  lot.tender_end = "2023-08-01";
  p.lots.push_back(lot);

  Result<Process> back = ProcessFromJson(ProcessToJson(p));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ProcessToJson(*back), ProcessToJson(p));
  EXPECT_EQ(back->lots[0].bidder_source, BidderSource::kEformsReceived);
  EXPECT_EQ(back->lots[0].winners[0].value->minor, 270000000);
}

TEST(ProcessJson, NamesTheBadField) {
  nlohmann::json j = ProcessToJson(Process{.lots = {Lot{}}});
  j["lots"][0]["bidders"] = "many";
  Result<Process> back = ProcessFromJson(j);
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().field(), "$.lots[0].bidders");
}

TEST(Cpv, NormalisesToEightDigits) {
  EXPECT_EQ(NormaliseCpv("45221111-3"), "45221111");
  EXPECT_EQ(NormaliseCpv("85000000"), "85000000");
  EXPECT_EQ(NormaliseCpv("8500"), "");
  EXPECT_EQ(NormaliseCpv("Servicios"), "");
}

TEST(IssueLog, CountsEverythingAndKeepsTheFirst) {
  IssueLog log(2);
  for (int i = 0; i < 5; ++i) log.Add({"invalid_json", "a.jsonl", uint64_t(i + 1), 0, "", "x"});
  log.Add({"absurd_value", "a.jsonl", 9, 120, "tender.value", "1e20"});
  EXPECT_EQ(log.total(), 6u);
  EXPECT_EQ(log.Count("invalid_json"), 5u);
  EXPECT_EQ(log.kept().size(), 2u);
  EXPECT_EQ(log.kept()[1].ToString(), "a.jsonl:2 (byte 0): x [invalid_json]");
}

}  // namespace
}  // namespace samspill::market
