#include "common/csv.h"

#include <gtest/gtest.h>

namespace samspill {
namespace {

TEST(Csv, ReadsCommaSeparatedWithQuotesAndBom) {
  auto t = ParseCsv("\xEF\xBB\xBFnavn,partnere\r\n\"FIF, psykologi\",\"NTNU \"\"IP\"\"\"\r\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->delimiter, ',');
  EXPECT_EQ(t->header[0], "navn");
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].fields[0], "FIF, psykologi");
  EXPECT_EQ(t->rows[0].fields[1], "NTNU \"IP\"");
  EXPECT_EQ(t->rows[0].line, 2);
}

TEST(Csv, ReadsSemicolonSeparatedAsSpreadsheetsWriteIt) {
  auto t = ParseCsv("navn;beløp\nHARMONI;1 200 000,50\n\nPrano;\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->delimiter, ';');
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields[1], "1 200 000,50");
  EXPECT_EQ(t->rows[1].line, 4);
}

TEST(Csv, KeepsLineBreaksInsideQuotesAndCountsLines) {
  auto t = ParseCsv("a,b\n\"line one\nline two\",x\ny,z\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].fields[0], "line one\nline two");
  EXPECT_EQ(t->rows[1].line, 4);
}

TEST(Csv, NamesRowAndColumnOfStructuralErrors) {
  auto unclosed = ParseCsv("a,b\nx,\"never closed\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.status().field(), "row 2, column 2");
  auto extra = ParseCsv("a,b\n1,2,3\n");
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.status().field(), "row 2, column 3");
  auto stray = ParseCsv("a\nab\"c\n");
  EXPECT_FALSE(stray.ok());
  EXPECT_FALSE(ParseCsv("a\n\xff\xfe\n").ok());
  EXPECT_FALSE(ParseCsv("").ok());
}

TEST(Csv, WritesFieldsThatReadBack) {
  const std::vector<std::string> fields = {"plain", "with, comma", "with \"quote\"", "two\nlines"};
  auto t = ParseCsv(CsvLine({"a", "b", "c", "d"}) + CsvLine(fields));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].fields, fields);
}

}  // namespace
}  // namespace samspill
