#include "decision/baseline_import.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/csv.h"
#include "common/parse_number.h"
#include "decision/baseline_json.h"

namespace samspill::decision {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kTestdata = SAMSPILL_SOURCE_DIR "/src/decision/testdata/";

// The import as a whole (its units, or its errors), for comparing two imports.
std::string Summary(const Result<BaselineImport>& r) {
  if (!r.ok()) return "refused: " + r.status().ToString();
  std::string out;
  for (const ImportRowError& e : r->errors) out += e.ToString() + "\n";
  return out + BaselineToJson({.units = r->units}).dump();
}

// The errors of an import that is expected to have some, as text; checks nothing was imported.
std::vector<std::string> Errors(std::string_view csv, const NeedGrouping& grouping = {}) {
  Result<BaselineImport> r = ImportBaselineCsv(csv, grouping);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  EXPECT_TRUE(r->units.empty());
  std::vector<std::string> out;
  for (const ImportRowError& e : r->errors) out.push_back(e.ToString());
  return out;
}

// Seed 000 (Trondheim, the BoA report) gives four units of Bo- og aktivitetstilbud with
// heldøgns omsorg, and about 100 årsverk in the unit the pilot was to hand over (§ 2.1); it gives
// no figure per unit and year, so every row is marked as an example.
TEST(BaselineImport, TheBoaExampleWithSemicolonsAndNorwegianNumbers) {
  Result<BaselineImport> r =
      ImportBaselineCsv(ReadFile(kTestdata + "boa_baseline.csv"), NeedGrouping{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->errors.empty()) << r->errors[0].ToString();
  ASSERT_EQ(r->units.size(), 4u);
  const BaselineUnit& pilot = r->units[0];
  EXPECT_EQ(pilot.id, "boa-1");
  EXPECT_EQ(pilot.name, "BoA enhet 1 (prøveprosjektet)");
  EXPECT_EQ(pilot.kostra_function, 254);
  ASSERT_EQ(pilot.years.size(), 3u);
  const UnitYear& y = pilot.years[0];
  EXPECT_EQ(y.year, 2022);
  EXPECT_EQ(*y.budget, 112'400'000);
  EXPECT_EQ(*y.accounts, 115'884'000);
  EXPECT_DOUBLE_EQ(*y.fte, 98.5);
  EXPECT_EQ(*y.positions, 150);
  EXPECT_DOUBLE_EQ(*y.sick_leave_percent, 13.1);
  EXPECT_DOUBLE_EQ(*y.turnover_percent, 14.0);
  EXPECT_EQ(*y.users, 40);
  EXPECT_EQ(y.users_by_need_level, (std::vector<int>{1, 4, 35}));
  EXPECT_TRUE(y.example);
  EXPECT_NEAR(*pilot.years[1].fte, 100, 1);  // "ca. 100 årsverk" (§ 2.1)
  for (const BaselineUnit& u : r->units) {
    ASSERT_EQ(u.years.size(), 3u);
    EXPECT_EQ(u.years.front().year, 2022);
    EXPECT_EQ(u.years.back().year, 2024);
  }
  const Baseline b{.units = r->units};
  EXPECT_TRUE(ValidateBaseline(b, 2022, 2024).ok());
  const std::vector<BaselineYearTotal> totals = BaselineTotals(b);
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[2].units, 4);
  EXPECT_TRUE(totals[2].example);
  EXPECT_NEAR(*totals[2].fte, 101.0 + 74.1 + 86.6 + 62.5, 1e-9);
}

TEST(BaselineImport, EnglishHeadersInAnyOrderMergedByUnitWithYearsSorted) {
  Result<BaselineImport> r = ImportBaselineCsv(
      "Year,Unit,Unit name,FTE,Sick leave %,Users,Example\n"
      "2024,lade,Lade,\"50,5\",\"7,7 %\",20,no\n"
      "2024,moholt,Moholt,,,,\n"
      "2022,lade,Lade,48,,,yes\n",
      NeedGrouping{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->errors.empty()) << r->errors[0].ToString();
  ASSERT_EQ(r->units.size(), 2u);
  const BaselineUnit& lade = r->units[0];
  EXPECT_EQ(lade.id, "lade");
  EXPECT_EQ(lade.kostra_function, 254);  // no KOSTRA column
  ASSERT_EQ(lade.years.size(), 2u);
  EXPECT_EQ(lade.years[0].year, 2022);
  EXPECT_TRUE(lade.years[0].example);
  EXPECT_FALSE(lade.years[0].sick_leave_percent);
  EXPECT_DOUBLE_EQ(*lade.years[1].fte, 50.5);
  EXPECT_DOUBLE_EQ(*lade.years[1].sick_leave_percent, 7.7);
  EXPECT_FALSE(lade.years[1].example);
  const UnitYear& moholt = r->units[1].years[0];  // empty cells are unknown, never 0
  EXPECT_FALSE(moholt.fte || moholt.users || moholt.sick_leave_percent || moholt.budget);
  EXPECT_TRUE(moholt.users_by_need_level.empty());
}

TEST(BaselineImport, HeadersIgnoreCaseBlanksAndPercentSigns) {
  Result<BaselineImport> r = ImportBaselineCsv(
      "\xEF\xBB\xBF ENHET ;Enhetsnavn;KOSTRA-funksjon;ÅR;Sykefravær (%);Turnover_%;ÅRSVERK\r\n"
      "lade;Lade;253;2024;\"12,5 %\";3;\"1\xC2\xA0"
      "000,5\"\r\n",
      NeedGrouping{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->errors.empty()) << r->errors[0].ToString();
  const UnitYear& y = r->units[0].years[0];
  EXPECT_EQ(r->units[0].kostra_function, 253);
  EXPECT_DOUBLE_EQ(*y.sick_leave_percent, 12.5);
  EXPECT_DOUBLE_EQ(*y.turnover_percent, 3);
  EXPECT_DOUBLE_EQ(*y.fte, 1000.5);
}

TEST(BaselineImport, AGroupingOfItsOwnNamesTheNeedColumns) {
  const NeedGrouping adl{{"ADL lav", "ADL høy"}, false};
  Result<BaselineImport> r =
      ImportBaselineCsv("enhet;navn;år;brukere;adl_lav;ADL HØY\nlade;Lade;2024;10;4;6\n", adl);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->errors.empty()) << r->errors[0].ToString();
  EXPECT_EQ(r->units[0].years[0].users_by_need_level, (std::vector<int>{4, 6}));
  EXPECT_EQ(Errors("enhet;navn;år;omfattende\nlade;Lade;2024;1\n", adl),
            (std::vector<std::string>{"row 1, column \"omfattende\": unknown column"}));
}

constexpr char kHead[] =
    "enhet;navn;kostra;år;budsjett;årsverk;sykefravær;brukere;noe/avgrenset;middels til "
    "stort;omfattende\n";

TEST(BaselineImport, EachRowsProblemsByRowAndColumnAndNothingImported) {
  const std::string csv = std::string(kHead) +
                          "lade;Lade;254;2023;1 000 000;-2;5;10;;;\n"      // row 2
                          "lade;Lade;254;2024;1 000 000;20;120 %;10;;;\n"  // row 3
                          "moholt;Moholt;255;2024;;;;;;;\n"                // row 4
                          "ranheim;Ranheim;254;20x4;;;;;;;\n"              // row 5
                          "byasen;Byåsen;254;2024;;;;10;2;5;6\n"           // row 6
                          "ila;Ila;254;2024;-5;;;;;;\n"                    // row 7
                          "ok;Ok;254;2024;5;;;;;;\n"                       // row 8
                          "hallset;Hallset;254;2024;;;;10;2;;6\n"          // row 9
                          "ok;Ok;254;2024;;;;;;;\n"                        // row 10
                          "ok;Okay;254;2022;;;;;;;\n"                      // row 11
                          ";Uten id;254;2022;;;;;;;\n"                     // row 12
                          "tiller;;254;2022;;;;;;;\n"                      // row 13
                          "saupstad;Saupstad;254;2022;tre;1,5;;2,5;;;\n"   // row 14
                          ";Uten år;254;;;;;;;;\n";                        // row 15
  EXPECT_EQ(Errors(csv),
            (std::vector<std::string>{
                "row 2, column \"årsverk\": årsverk are not negative",
                "row 3, column \"sykefravær\": sick leave is a percentage from 0 to 100",
                "row 4, column \"kostra\": the KOSTRA function 255 is not one of 234, 253, 254, "
                "261",
                "row 5, column \"år\": '20x4' is not a number",
                "row 6, column \"brukere\": the need levels add up to 13, more than the 10 users",
                "row 7, column \"budsjett\": budget is not negative",
                "row 9: give the users of every need level (3 columns) or of none",
                "row 10, column \"år\": the unit 'ok' has the year 2024 on row 8 too",
                "row 11, column \"navn\": the unit 'ok' is named 'Ok' on row 8",
                "row 12, column \"enhet\": the row needs a unit id",
                "row 13, column \"navn\": the unit needs a name",
                "row 14, column \"budsjett\": 'tre' is not a number",
                "row 14, column \"brukere\": '2,5' is not a whole number",
                "row 15, column \"enhet\": the row needs a unit id",
                "row 15, column \"år\": the row needs a year",
            }));
}

TEST(BaselineImport, HeaderProblems) {
  EXPECT_EQ(Errors("enhet;navn;år;årsverk;arsverk;farge\n"),
            (std::vector<std::string>{"row 1, column \"arsverk\": the column appears twice",
                                      "row 1, column \"farge\": unknown column"}));
  EXPECT_EQ(Errors("enhet;årsverk\nlade;1\n"),
            (std::vector<std::string>{"row 1, column \"navn\": the required column is missing",
                                      "row 1, column \"år\": the required column is missing"}));
  // An unnamed column is ignored while it is empty.
  EXPECT_EQ(Errors("enhet;navn;år;\nlade;Lade;2024;\nila;Ila;2024;x\n"),
            (std::vector<std::string>{"row 3: a value in column 4, which has no header"}));
}

TEST(BaselineImport, AFileThatIsNoTableIsRefusedAsAWhole) {
  Result<BaselineImport> r = ImportBaselineCsv("enhet;navn\n\"lade;Lade\n", NeedGrouping{});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ImportBaselineCsv("", NeedGrouping{}).status().code(), StatusCode::kInvalidArgument);
}

TEST(BaselineImport, TheUnitLimitIsAnErrorOfTheFile) {
  std::string csv = "enhet;navn;år\n";
  for (int i = 0; i <= kMaxUnits; ++i) csv += "u" + std::to_string(i) + ";U;2024\n";
  EXPECT_EQ(Errors(csv), (std::vector<std::string>{"the file: at most 200 units (units)"}));
}

// ---- xlsx

// A workbook of the CSV's cells as a spreadsheet holds them: numbers as numbers (percentages
// without their sign), the rest as text; written with libxlsxwriter.
std::string XlsxOf(const std::string& csv, const std::string& path) {
  Result<CsvTable> table = ParseCsv(csv);
  EXPECT_TRUE(table.ok());
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(wb, "Grunnlag");
  auto write = [&](int row, const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string text = cells[c];
      if (text.empty()) continue;
      if (text.ends_with(" %")) text.resize(text.size() - 2);
      Result<double> number = ParseDecimalNumber(text, "");
      const auto col = static_cast<lxw_col_t>(c);
      if (row > 0 && number.ok() && c >= 2) {
        worksheet_write_number(sheet, static_cast<lxw_row_t>(row), col, *number, nullptr);
      } else {
        worksheet_write_string(sheet, static_cast<lxw_row_t>(row), col, cells[c].c_str(), nullptr);
      }
    }
  };
  write(0, table->header);
  for (size_t r = 0; r < table->rows.size(); ++r)
    write(static_cast<int>(r + 1), table->rows[r].fields);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return ReadFile(path);
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("baseline_import_test_" + std::to_string(getpid()) + "_" + name))
      .string();
}

TEST(BaselineImport, XlsxGivesWhatTheCsvGives) {
  const std::string csv = ReadFile(kTestdata + "boa_baseline.csv");
  const std::string path = TempPath("boa.xlsx");
  const std::string bytes = XlsxOf(csv, path);
  std::filesystem::remove(path);
  Result<BaselineImport> from_xlsx = ImportBaselineXlsx(bytes, NeedGrouping{});
  ASSERT_TRUE(from_xlsx.ok()) << from_xlsx.status().ToString();
  ASSERT_TRUE(from_xlsx->errors.empty()) << from_xlsx->errors[0].ToString();
  EXPECT_EQ(Summary(from_xlsx), Summary(ImportBaselineCsv(csv, NeedGrouping{})));
}

// The committed workbook was written from the CSV example by XlsxOf, as
// XlsxGivesWhatTheCsvGives does to a temporary file.
TEST(BaselineImport, TheCommittedXlsxExample) {
  Result<BaselineImport> r =
      ImportBaselineXlsx(ReadFile(kTestdata + "boa_baseline.xlsx"), NeedGrouping{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Summary(r),
            Summary(ImportBaselineCsv(ReadFile(kTestdata + "boa_baseline.csv"), NeedGrouping{})));
}

TEST(BaselineImport, XlsxRowErrorsNameTheSheetsRows) {
  const std::string path = TempPath("errors.xlsx");
  // Empty rows above the header and between the rows keep the sheet's numbering.
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* s = workbook_add_worksheet(wb, nullptr);
  const char* header[] = {"enhet", "navn", "år", "årsverk"};
  for (int c = 0; c < 4; ++c) worksheet_write_string(s, 1, c, header[c], nullptr);
  worksheet_write_string(s, 2, 0, "lade", nullptr);
  worksheet_write_string(s, 2, 1, "Lade", nullptr);
  worksheet_write_number(s, 2, 2, 2024, nullptr);
  worksheet_write_number(s, 2, 3, 10.25, nullptr);
  worksheet_write_string(s, 4, 0, "ila", nullptr);
  worksheet_write_string(s, 4, 1, "Ila", nullptr);
  worksheet_write_number(s, 4, 2, 2024, nullptr);
  worksheet_write_number(s, 4, 3, -1, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  const std::string bytes = ReadFile(path);
  std::filesystem::remove(path);
  Result<BaselineImport> r = ImportBaselineXlsx(bytes, NeedGrouping{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].ToString(), "row 5, column \"årsverk\": årsverk are not negative");
  EXPECT_TRUE(r->units.empty());

  Result<BaselineImport> not_xlsx = ImportBaselineXlsx("enhet;navn;år\n", NeedGrouping{});
  ASSERT_FALSE(not_xlsx.ok());
  EXPECT_NE(not_xlsx.status().message().find("not an xlsx workbook"), std::string::npos);
}

}  // namespace
}  // namespace samspill::decision
