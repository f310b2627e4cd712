#include "market/cardinal/release.h"

#include <gtest/gtest.h>

#include "market/cardinal/cardinal.h"

namespace samspill::market::cardinal {
namespace {

TEST(ReleaseReader, ReadsTheFieldsTheIndicatorsNeed) {
  ReleaseReader reader;
  BadDataLog log;
  ASSERT_EQ(reader.ReadCopy(
                R"({"ocid":"o","planning":{"x":[1,2]},"tender":{"status":"active",)"
                R"("procurementMethod":"open","numberOfTenderers":1,"tenderPeriod":)"
                R"({"startDate":"a","endDate":"b"},"procuringEntity":{"id":"P"}},)"
                R"("buyer":{"id":"B"},"bids":{"details":[{"status":"valid","date":"d",)"
                R"("value":{"amount":10.5,"currency":"NOK"},"tenderers":[{"id":"T"},{"id":2}]}]},)"
                R"("awards":[{"status":"active","suppliers":[{"id":"T"}],)"
                R"("items":[{"classification":{"id":"4521"}}]}]})",
                1, &log),
            LineKind::kRelease);
  const Release& r = reader.release();
  EXPECT_EQ(r.ocid.value, "o");
  EXPECT_TRUE(r.number_of_tenderers_is_one);
  EXPECT_EQ(r.tender_end_date.value, "b");
  EXPECT_EQ(r.procuring_entity_id.value, "P");
  EXPECT_EQ(r.buyer_id.value, "B");
  ASSERT_EQ(r.bids.size(), 1u);
  EXPECT_EQ(r.bids[0].amount, 10.5);
  EXPECT_EQ(r.bids[0].tenderer_count, 2u);
  EXPECT_EQ(r.bids[0].tenderer_ids.size(), 1u);  // the numeric id is not an id
  ASSERT_EQ(r.awards.size(), 1u);
  EXPECT_TRUE(r.awards[0].SingleSupplier());
  EXPECT_EQ(r.Id(r.awards[0].classification_ids.begin), "4521");
  // The numeric tenderer id is bad data, counted with its path.
  EXPECT_EQ(log.count(BadDataKind::kWrongType), 1u);
  ASSERT_EQ(log.samples().size(), 1u);
  EXPECT_EQ(log.samples()[0].path, "bids.details[0].tenderers[1].id");
}

TEST(ReleaseReader, NumberOfTenderersMustBeTheInteger1) {
  ReleaseReader reader;
  BadDataLog log;
  reader.ReadCopy(R"({"ocid":"o","tender":{"numberOfTenderers":1.0}})", 1, &log);
  EXPECT_FALSE(reader.release().number_of_tenderers_is_one);
  reader.ReadCopy(R"({"ocid":"o","tender":{"numberOfTenderers":-1}})", 1, &log);
  EXPECT_FALSE(reader.release().number_of_tenderers_is_one);
}

TEST(ReleaseReader, LastDuplicateKeyWins) {
  ReleaseReader reader;
  BadDataLog log;
  reader.ReadCopy(R"({"ocid":"a","tender":{"status":"cancelled"},"ocid":"b","tender":{}})", 1,
                  &log);
  EXPECT_EQ(reader.release().ocid.value, "b");
  EXPECT_FALSE(reader.release().tender_status.is_string);
}

TEST(ReleaseReader, BadLinesAreCountedWithTheirLineAndTheRunGoesOn) {
  ReleaseReader reader;
  BadDataLog log;
  EXPECT_EQ(reader.ReadCopy(R"({"ocid":"a",)", 3, &log), LineKind::kBad);
  EXPECT_EQ(reader.ReadCopy(R"([1,2])", 4, &log), LineKind::kBad);
  EXPECT_EQ(reader.ReadCopy(R"({"ocid":5})", 5, &log), LineKind::kRelease);
  EXPECT_EQ(reader.ReadCopy(R"({"ocid":"x"} {"ocid":"y"})", 6, &log), LineKind::kBad);
  EXPECT_EQ(reader.ReadCopy("\"\xff\"", 7, &log), LineKind::kBad);
  EXPECT_EQ(reader.ReadCopy("   ", 8, &log), LineKind::kBlank);
  EXPECT_EQ(reader.ReadCopy(R"({"ocid":"ok","bids":"none"})", 9, &log), LineKind::kRelease);
  EXPECT_EQ(log.count(BadDataKind::kInvalidJson), 3u);
  EXPECT_EQ(log.count(BadDataKind::kNotObject), 1u);
  EXPECT_EQ(log.count(BadDataKind::kWrongType), 2u);  // ocid 5, bids "none"
  EXPECT_EQ(log.count(BadDataKind::kMissingOcid), 1u);
  const std::string summary = log.Summary("in.jsonl");
  EXPECT_NE(summary.find("in.jsonl:3: invalid JSON"), std::string::npos) << summary;
  EXPECT_NE(summary.find("in.jsonl:5: wrong type at ocid"), std::string::npos) << summary;
  EXPECT_NE(summary.find("in.jsonl:9: wrong type at bids"), std::string::npos) << summary;
}

// The whole pipeline with bad lines mixed in: they are counted, the good ones still count.
TEST(RunIndicators, BadLinesDoNotStopTheRun) {
  const std::string input =
      "{\"ocid\":\"1\",\"tender\":{\"numberOfTenderers\":1,\"procurementMethod\":\"open\"}}\n"
      "not json\n"
      "[]\n"
      "{\"ocid\":\"2\",\"tender\":\"wrong\"}\n"
      "{\"ocid\":\"3\",\"tender\":{\"numberOfTenderers\":1,\"procurementMethod\":\"open\"}}";
  Result<Settings> settings = ParseSettings("[R018]\n");
  ASSERT_TRUE(settings.ok());
  IndicatorsOptions options;
  options.threads = 2;
  Result<IndicatorsResult> result =
      RunIndicators(MemoryByteSource(input, "mem"), *settings, options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->json, R"({"OCID":{"1":{"R018":1.0},"3":{"R018":1.0}}})");
  EXPECT_EQ(result->lines, 5u);
  EXPECT_EQ(result->releases, 3u);
  EXPECT_EQ(result->bad_data.count(BadDataKind::kInvalidJson), 1u);
  EXPECT_EQ(result->bad_data.count(BadDataKind::kNotObject), 1u);
  EXPECT_EQ(result->bad_data.count(BadDataKind::kWrongType), 1u);
  EXPECT_EQ(result->bad_data.samples()[0].line, 2u);
}

}  // namespace
}  // namespace samspill::market::cardinal
