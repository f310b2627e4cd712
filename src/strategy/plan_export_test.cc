#include "strategy/plan_export.h"

#include <gtest/gtest.h>

#include "common/xlsx_reader.h"

namespace samspill::strategy {
namespace {

using nlohmann::json;

const Timestamp kJune{1780315200};  // 2026-06-01T12:00:00Z

// Version 2 of a plan: a full item whose title holds a quote and a comma and whose description
// a line break, a minimal item whose title is a formula, a withdrawn item, and a private item
// that a caller left in (it must not come out anywhere).
PublishedPlan SamplePublished() {
  PublishedPlan plan;
  plan.number = 2;
  plan.published_at = kJune;
  plan.published_by = "Kari";
  plan.title = "Udbudsplan 2026–2027";
  plan.organisation = "Eksempel kommune";
  PlanItem full;
  full.id = 1;
  full.title = "Drift av \"BoA\", fase 2";
  full.area = "Helse";
  full.area_id = 3;
  full.cpv = "85311000-2";
  full.description = "Linje 1\nLinje 2";
  full.estimated_value = 48'000'000;
  full.publication_year = 2026;
  full.publication_quarter = 2;
  full.contract_start = Date{2026, 9, 1};
  full.contract_months = 48;
  full.contact_name = "Kari Nordmann";
  full.contact_email = "kari@k.no";
  full.status = PlanItemStatus::kInPreparation;
  full.tender_id = 41;
  full.is_public = true;
  PlanItem minimal;
  minimal.id = 2;
  minimal.title = "=HYPERLINK(\"http://x.example\",\"klikk\")";
  minimal.cpv = "90910000-9";
  minimal.publication_year = 2026;
  minimal.publication_quarter = 4;
  minimal.contact_name = "+47 999";
  minimal.is_public = true;
  PlanItem withdrawn;
  withdrawn.id = 4;
  withdrawn.title = "Skoleskyss";
  withdrawn.cpv = "60130000-8";
  withdrawn.estimated_value = 3'000'000;
  withdrawn.publication_year = 2027;
  withdrawn.publication_quarter = 1;
  withdrawn.contract_start = Date{2027, 1, 31};
  withdrawn.contract_months = 1;
  withdrawn.status = PlanItemStatus::kWithdrawn;
  withdrawn.is_public = true;
  PlanItem secret;
  secret.id = 3;
  secret.title = "Hemmelig anskaffelse";
  secret.publication_year = 2026;
  secret.publication_quarter = 3;
  plan.items = {full, minimal, secret, withdrawn};
  return plan;
}

tendering::OcdsExportOptions Options() {
  tendering::OcdsExportOptions options;
  options.publisher_name = "Eksempel kommune";
  options.package_uri_base = "https://samspill.example.no/ocds/";
  options.published_date = Timestamp{1780318800};  // 2026-06-01T13:00:00Z
  options.ocid_prefix = "ocds-s4mpl1";
  return options;
}

TEST(PlanCsvTest, ExactTextInNorwegian) {
  const std::string expected =
      "\xEF\xBB\xBF"
      "Tittel,Område,CPV,Beskrivelse,Anslått verdi,Valuta,Kunngjøring (kvartal),Kontraktstart,"
      "Kontraktsperiode (måneder),Kontaktperson,E-post,Status,Konkurranse\r\n"
      "\"Drift av \"\"BoA\"\", fase 2\",Helse,85311000-2,\"Linje 1\nLinje 2\",48000000,NOK,"
      "2026-Q2,2026-09-01,48,Kari Nordmann,kari@k.no,Under forberedelse,41\r\n"
      // The formula and the leading + get an apostrophe; the quotes and the comma quote it.
      "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"klikk\"\")\",,90910000-9,,,NOK,2026-Q4,,,"
      "'+47 999,,Planlagt,\r\n"
      "Skoleskyss,,60130000-8,,3000000,NOK,2027-Q1,2027-01-31,1,,,Trukket,\r\n";
  EXPECT_EQ(PlanCsv(SamplePublished(), false), expected);
}

TEST(PlanCsvTest, EnglishHeaderAndLabels) {
  const std::string csv = PlanCsv(SamplePublished(), true);
  EXPECT_TRUE(csv.starts_with(
      "\xEF\xBB\xBF"
      "Title,Area,CPV,Description,Estimated value,Currency,Publication quarter,Contract start,"
      "Contract months,Contact,E-mail,Status,Tender\r\n"))
      << csv;
  EXPECT_NE(csv.find(",In preparation,41\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",Planned,\r\n"), std::string::npos);
  EXPECT_NE(csv.find(",Withdrawn,\r\n"), std::string::npos);
  EXPECT_EQ(csv.find("Hemmelig"), std::string::npos);
}

TEST(PlanXlsxTest, CellsReadBack) {
  Result<std::string> bytes = PlanXlsx(SamplePublished(), false);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<XlsxSheet> sheet = ReadXlsxSheet(*bytes, "Udbudsplan");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  const auto& rows = sheet->rows;
  // Title, organisation, version line, a blank row, the header, three public items.
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_EQ(rows[0], std::vector<std::string>{"Udbudsplan 2026–2027"});
  EXPECT_EQ(rows[1], std::vector<std::string>{"Eksempel kommune"});
  EXPECT_EQ(rows[2], std::vector<std::string>{"Versjon 2, publisert 2026-06-01"});
  EXPECT_TRUE(rows[3].empty());
  ASSERT_EQ(rows[4].size(), 13u);
  EXPECT_EQ(rows[4][0], "Tittel");
  EXPECT_EQ(rows[4][6], "Kunngjøring (kvartal)");
  EXPECT_EQ(rows[4][12], "Konkurranse");
  // Money, months and the tender are numbers in the sheet; the reader gives them as written.
  const std::vector<std::string> full = {"Drift av \"BoA\", fase 2",
                                         "Helse",
                                         "85311000-2",
                                         "Linje 1\nLinje 2",
                                         "48000000",
                                         "NOK",
                                         "2026-Q2",
                                         "2026-09-01",
                                         "48",
                                         "Kari Nordmann",
                                         "kari@k.no",
                                         "Under forberedelse",
                                         "41"};
  EXPECT_EQ(rows[5], full);
  // A cell written as a string is never run as a formula: the title stays as it is.
  const std::vector<std::string> minimal = {"=HYPERLINK(\"http://x.example\",\"klikk\")",
                                            "",
                                            "90910000-9",
                                            "",
                                            "",
                                            "NOK",
                                            "2026-Q4",
                                            "",
                                            "",
                                            "+47 999",
                                            "",
                                            "Planlagt"};
  EXPECT_EQ(rows[6], minimal);
  EXPECT_EQ(rows[7][0], "Skoleskyss");
  EXPECT_EQ(rows[7][4], "3000000");
  EXPECT_EQ(rows[7][11], "Trukket");
  for (const auto& row : rows) {
    for (const std::string& cell : row) EXPECT_EQ(cell.find("Hemmelig"), std::string::npos);
  }
}

TEST(PlanXlsxTest, EnglishSheet) {
  Result<std::string> bytes = PlanXlsx(SamplePublished(), true);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(*XlsxSheetNames(*bytes), std::vector<std::string>{"Procurement plan"});
  Result<XlsxSheet> sheet = ReadXlsxSheet(*bytes);
  ASSERT_TRUE(sheet.ok());
  EXPECT_EQ(sheet->rows[2], std::vector<std::string>{"Version 2, published 2026-06-01"});
  EXPECT_EQ(sheet->rows[4][4], "Estimated value");
  EXPECT_EQ(sheet->rows[5][11], "In preparation");
}

TEST(PlanOcdsPackageTest, PackageAndFullRelease) {
  const json package = PlanOcdsPackage(SamplePublished(), Options());
  EXPECT_EQ(package["uri"], "https://samspill.example.no/ocds/ocds-s4mpl1-plan-v2");
  EXPECT_EQ(package["version"], "1.1");
  EXPECT_EQ(package["publishedDate"], "2026-06-01T13:00:00Z");
  EXPECT_EQ(package["publisher"], json({{"name", "Eksempel kommune"}}));
  // One release per public item: the private item 3 is not there.
  ASSERT_EQ(package["releases"].size(), 3u);
  EXPECT_EQ(package.dump().find("Hemmelig"), std::string::npos);

  const json& r = package["releases"][0];
  EXPECT_EQ(r["ocid"], "ocds-s4mpl1-plan-1");
  EXPECT_EQ(r["id"], "ocds-s4mpl1-plan-1-v2");
  EXPECT_EQ(r["date"], "2026-06-01T12:00:00Z");
  EXPECT_EQ(r["tag"], json::array({"planning"}));
  EXPECT_EQ(r["initiationType"], "tender");
  EXPECT_EQ(r["language"], "nb");
  EXPECT_EQ(r["buyer"], json({{"id", "buyer"}, {"name", "Eksempel kommune"}}));
  const json party = {{"id", "buyer"},
                      {"name", "Eksempel kommune"},
                      {"roles", {"buyer"}},
                      {"contactPoint", {{"name", "Kari Nordmann"}, {"email", "kari@k.no"}}}};
  EXPECT_EQ(r["parties"], json::array({party}));
  EXPECT_EQ(r["planning"]["budget"]["amount"], json({{"amount", 48000000}, {"currency", "NOK"}}));
  const json& t = r["tender"];
  EXPECT_EQ(t["id"], "plan-1");
  EXPECT_EQ(t["title"], "Drift av \"BoA\", fase 2");
  EXPECT_EQ(t["description"], "Linje 1\nLinje 2");
  EXPECT_EQ(t["status"], "planned");
  EXPECT_EQ(t["mainProcurementCategory"], "services");
  EXPECT_EQ(t["items"][0]["classification"], json({{"scheme", "CPV"}, {"id", "85311000"}}));
  EXPECT_EQ(t["value"], json({{"amount", 48000000}, {"currency", "NOK"}}));
  // The second quarter starts 1 April.
  EXPECT_EQ(t["tenderPeriod"], json({{"startDate", "2026-04-01T00:00:00Z"}}));
  // 48 months from 2026-09-01: the last day is 2030-08-31, included to its last second.
  EXPECT_EQ(t["contractPeriod"],
            json({{"startDate", "2026-09-01T00:00:00Z"}, {"endDate", "2030-08-31T23:59:59Z"}}));
}

TEST(PlanOcdsPackageTest, MinimalAndWithdrawnReleases) {
  const json package = PlanOcdsPackage(SamplePublished(), Options());
  const json& minimal = package["releases"][1];
  EXPECT_EQ(minimal["ocid"], "ocds-s4mpl1-plan-2");
  EXPECT_FALSE(minimal.contains("planning"));
  EXPECT_EQ(minimal["parties"][0].contains("contactPoint"), true);  // "+47 999" as the name
  const json& t = minimal["tender"];
  EXPECT_FALSE(t.contains("value"));
  EXPECT_FALSE(t.contains("description"));
  EXPECT_FALSE(t.contains("contractPeriod"));
  EXPECT_EQ(t["title"], "=HYPERLINK(\"http://x.example\",\"klikk\")");
  EXPECT_EQ(t["tenderPeriod"]["startDate"], "2026-10-01T00:00:00Z");  // the fourth quarter

  const json& withdrawn = package["releases"][2];
  EXPECT_EQ(withdrawn["ocid"], "ocds-s4mpl1-plan-4");
  EXPECT_EQ(withdrawn["tag"], json::array({"planningUpdate"}));
  EXPECT_EQ(withdrawn["tender"]["status"], "withdrawn");
  EXPECT_FALSE(withdrawn["parties"][0].contains("contactPoint"));
  // One month from 31 January: February has no 31st, so the contract ends on its last day.
  EXPECT_EQ(withdrawn["tender"]["contractPeriod"]["endDate"], "2027-02-28T23:59:59Z");
}

TEST(PlanOcdsPackageTest, PublishedItemIsActive) {
  PublishedPlan plan = SamplePublished();
  plan.items[0].status = PlanItemStatus::kPublished;
  plan.items[0].contract_start = Date{2027, 3, 15};
  plan.items[0].contract_months = 12;
  const json r = PlanOcdsPackage(plan, Options())["releases"][0];
  EXPECT_EQ(r["tag"], json::array({"planningUpdate"}));
  EXPECT_EQ(r["tender"]["status"], "active");
  // Twelve months from 15 March 2027 end on 14 March 2028.
  EXPECT_EQ(r["tender"]["contractPeriod"]["endDate"], "2028-03-14T23:59:59Z");
}

}  // namespace
}  // namespace samspill::strategy
