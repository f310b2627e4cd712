#include "common/xlsx_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace samspill {
namespace {

// A file under the test's temporary folder, removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("xlsx_reader_test_" + std::to_string(getpid()) + "_" + name)) {}
  ~TempFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }
  std::string Bytes() const {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

 private:
  std::filesystem::path path_;
};

// A workbook written by libxlsxwriter, as the portfolio's export writes them.
std::string Workbook(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  TempFile file("book.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(file.path().c_str(), &options);
  fill(wb);
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return file.Bytes();
}

// A plain zip archive with the given entries.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  TempFile file("plain.zip");
  zipFile zf = zipOpen64(file.path().c_str(), 0);
  for (const auto& [name, content] : entries) {
    zipOpenNewFileInZip64(zf, name.c_str(), nullptr, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                          Z_DEFAULT_COMPRESSION, 0);
    zipWriteInFileInZip(zf, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  return file.Bytes();
}

void FillTwoSheets(lxw_workbook* wb) {
  lxw_worksheet* first = workbook_add_worksheet(wb, "Enheter");
  worksheet_write_string(first, 0, 0, "enhet", nullptr);
  worksheet_write_string(first, 0, 2, "årsverk", nullptr);  // B1 left empty
  worksheet_write_string(first, 1, 0, "Lade", nullptr);
  worksheet_write_number(first, 1, 1, 1234.5, nullptr);
  worksheet_write_number(first, 1, 2, 54600000, nullptr);
  worksheet_write_boolean(first, 1, 3, 1, nullptr);
  worksheet_write_boolean(first, 1, 4, 0, nullptr);
  worksheet_write_string(first, 3, 1, "  med mellomrom ", nullptr);  // row 3 left empty
  worksheet_write_string(first, 4, 0, "Lade", nullptr);              // a repeated string
  lxw_worksheet* second = workbook_add_worksheet(wb, "Andre");
  worksheet_write_string(second, 0, 0, "annet ark", nullptr);
}

TEST(XlsxReader, ReadsTheFirstSheetWithGaps) {
  for (bool constant_memory : {false, true}) {  // shared strings, then inline strings
    const std::string bytes = Workbook(FillTwoSheets, constant_memory);
    Result<XlsxSheet> sheet = ReadXlsxSheet(bytes);
    ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
    EXPECT_EQ(sheet->name, "Enheter");
    ASSERT_EQ(sheet->rows.size(), 5u);
    EXPECT_EQ(sheet->rows[0], (std::vector<std::string>{"enhet", "", "årsverk"}));
    EXPECT_EQ(sheet->rows[1],
              (std::vector<std::string>{"Lade", "1234.5", "54600000", "TRUE", "FALSE"}));
    EXPECT_TRUE(sheet->rows[2].empty());
    EXPECT_EQ(sheet->rows[3], (std::vector<std::string>{"", "  med mellomrom "}));
    EXPECT_EQ(sheet->rows[4], (std::vector<std::string>{"Lade"}));
  }
}

TEST(XlsxReader, ReadsASheetByNameAndListsThem) {
  const std::string bytes = Workbook(FillTwoSheets);
  Result<XlsxSheet> sheet = ReadXlsxSheet(bytes, "Andre");
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->rows, (std::vector<std::vector<std::string>>{{"annet ark"}}));
  Result<std::vector<std::string>> names = XlsxSheetNames(bytes);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"Enheter", "Andre"}));
  Result<XlsxSheet> missing = ReadXlsxSheet(bytes, "Tredje");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.status().message(),
            "the workbook has no worksheet 'Tredje' (it has 'Enheter', 'Andre')");
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  for (const std::string& bytes : {std::string(), std::string("enhet;år\nlade;2024\n"),
                                   std::string("PK\x03\x04 broken", 11)}) {
    Result<XlsxSheet> r = ReadXlsxSheet(bytes);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("not an xlsx workbook"), std::string::npos)
        << r.status().message();
  }
  Result<XlsxSheet> zip = ReadXlsxSheet(Zip({{"readme.txt", "hei"}}));
  ASSERT_FALSE(zip.ok());
  EXPECT_EQ(zip.status().message(),
            "the zip archive is not an xlsx workbook (it has no xl/workbook.xml)");
  Result<XlsxSheet> bad_xml = ReadXlsxSheet(Zip({{"xl/workbook.xml", "<workbook><sheets>"}}));
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_NE(bad_xml.status().message().find("not well-formed XML"), std::string::npos);
  Result<XlsxSheet> no_sheet = ReadXlsxSheet(Zip({{"xl/workbook.xml", "<workbook/>"}}));
  ASSERT_FALSE(no_sheet.ok());
  EXPECT_EQ(no_sheet.status().message(), "the workbook has no worksheet");
  Result<XlsxSheet> lost = ReadXlsxSheet(
      Zip({{"xl/workbook.xml", R"(<workbook><sheets><sheet name="A"/></sheets></workbook>)"}}));
  ASSERT_FALSE(lost.ok());
  EXPECT_NE(lost.status().message().find("the worksheet 'A' is missing"), std::string::npos);
}

TEST(XlsxReader, ReadsAMinimalWorkbookWithoutRelationships) {
  const std::string bytes = Zip(
      {{"xl/workbook.xml",
        R"(<x:workbook xmlns:x="urn:x"><x:sheets><x:sheet name="S"/></x:sheets></x:workbook>)"},
       {"xl/sharedStrings.xml",
        R"(<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>x</t></rPh></si></sst>)"},
       {"xl/worksheets/sheet1.xml",
        R"(<worksheet><sheetData><row><c t="s"><v>1</v></c><c t="s"><v>0</v></c>)"
        R"(<c t="inlineStr"><is><t>d</t></is></c><c t="str"><v>=f</v></c><c t="e"><v>#DIV/0!</v></c>)"
        R"(</row><row><c r="B2"><v>1E-3</v></c></row></sheetData></worksheet>)"}});
  Result<XlsxSheet> sheet = ReadXlsxSheet(bytes);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  EXPECT_EQ(sheet->rows, (std::vector<std::vector<std::string>>{{"bc", "a", "d", "=f", "#DIV/0!"},
                                                                {"", "1E-3"}}));
}

TEST(XlsxReader, RefusesDamagedCells) {
  auto sheet_with = [](const std::string& cells) {
    return ReadXlsxSheet(
        Zip({{"xl/workbook.xml", R"(<workbook><sheets><sheet name="S"/></sheets></workbook>)"},
             {"xl/worksheets/sheet1.xml",
              "<worksheet><sheetData><row r=\"1\">" + cells + "</row></sheetData></worksheet>"}}));
  };
  EXPECT_TRUE(sheet_with(R"(<c r="A1"><v>1</v></c>)").ok());
  for (const char* bad :
       {R"(<c r="A1" t="s"><v>0</v></c>)", R"(<c r="1A"><v>1</v></c>)", R"(<c r="A2"><v>1</v></c>)",
        R"(<c r="A"><v>1</v></c>)", R"(<c r="A1" t="s"><v>-1</v></c>)"}) {
    Result<XlsxSheet> r = sheet_with(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(XlsxReader, StopsAtItsLimits) {
  const std::string bytes = Workbook([](lxw_workbook* wb) {
    lxw_worksheet* s = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(s, 0, 0, "a", nullptr);
    worksheet_write_string(s, 20, 0, "b", nullptr);
    worksheet_write_string(s, 0, 20, "c", nullptr);
  });
  EXPECT_TRUE(ReadXlsxSheet(bytes).ok());
  EXPECT_EQ(ReadXlsxSheet(bytes, "", {.max_rows = 20}).status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(ReadXlsxSheet(bytes, "", {.max_columns = 20}).status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(ReadXlsxSheet(bytes, "", {.max_cells = 21}).status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(ReadXlsxSheet(bytes, "", {.max_file_bytes = 100}).status().code(),
            StatusCode::kResourceExhausted);
}

// 8 MiB of zeros deflate to a few kilobytes: the entry is refused at the limit, and an archive
// that understates the entry's size gives a damaged entry, never more bytes than stated.
TEST(XlsxReader, ZipBombsStopAtTheEntryLimit) {
  const std::string zeros(size_t{8} << 20, '\0');
  const std::string bomb = Zip({{"xl/workbook.xml", zeros}});
  ASSERT_LT(bomb.size(), size_t{64} << 10);
  Result<XlsxSheet> r = ReadXlsxSheet(bomb, "", {.max_entry_bytes = size_t{1} << 20});
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("xl/workbook.xml is larger than"), std::string::npos);

  // The central directory's uncompressed size (offset 24 of its entry) says 100 bytes.
  std::string lying = bomb;
  const size_t central = lying.rfind(std::string("PK\x01\x02", 4));
  ASSERT_NE(central, std::string::npos);
  for (int k = 0; k < 4; ++k) lying[central + 24 + k] = k == 0 ? 100 : 0;
  Result<XlsxSheet> lied = ReadXlsxSheet(lying, "", {.max_entry_bytes = size_t{1} << 20});
  ASSERT_FALSE(lied.ok());
  EXPECT_EQ(lied.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(lied.status().message().find("damaged"), std::string::npos) << lied.status().message();
}

}  // namespace
}  // namespace samspill
