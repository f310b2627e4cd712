#include "strategy/iku_peers.h"

#include <gtest/gtest.h>

namespace samspill::strategy {
namespace {

// The noegletal.dk export: semicolons, decimal commas, ".." for a missing figure, a byte-order
// mark and CRLF line ends; sorted by municipality, then year.
TEST(PeerIku, ReadsTheWideForm) {
  const std::string csv =
      "\xEF\xBB\xBFKommune;2019;2020;2021\r\n"
      "Svendborg;27,1;27,9;28,3\r\n"
      "Horsens;24,0;..;25,2\r\n";
  Result<std::vector<PeerFigure>> read = ParsePeerIkuCsv(csv);
  ASSERT_TRUE(read.ok()) << read.status().message();
  const std::vector<PeerFigure> expected = {
      {"Horsens", "", 2019, 24.0},   {"Horsens", "", 2021, 25.2},   {"Svendborg", "", 2019, 27.1},
      {"Svendborg", "", 2020, 27.9}, {"Svendborg", "", 2021, 28.3},
  };
  EXPECT_EQ(*read, expected);
  EXPECT_EQ(PeerMunicipalities(*read), (std::vector<std::string>{"Horsens", "Svendborg"}));
}

TEST(PeerIku, ReadsTheLongFormInAnyColumnOrderWithACode) {
  const std::string csv =
      "iku,År,kode,kommune\n"
      "28.3,2021,479,Svendborg\n"
      "25.2,2021,615,Horsens\n"
      ",2020,615,Horsens\n";
  Result<std::vector<PeerFigure>> read = ParsePeerIkuCsv(csv);
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0], (PeerFigure{"Horsens", "615", 2021, 25.2}));
  EXPECT_EQ((*read)[1], (PeerFigure{"Svendborg", "479", 2021, 28.3}));

  Result<std::vector<PeerFigure>> semicolons =
      ParsePeerIkuCsv("municipality;year;iku\nHorsens;2019;24,0\n");
  ASSERT_TRUE(semicolons.ok()) << semicolons.status().message();
  EXPECT_EQ(semicolons->at(0), (PeerFigure{"Horsens", "", 2019, 24.0}));
}

std::string Error(std::string_view csv) {
  Result<std::vector<PeerFigure>> read = ParsePeerIkuCsv(csv);
  EXPECT_FALSE(read.ok()) << csv;
  return read.ok() ? "" : read.status().message();
}

// Every refusal names its line and column; nothing is taken.
TEST(PeerIku, ErrorsNameTheLineAndColumn) {
  EXPECT_EQ(Error(""), "line 1, column 1: the file is empty");
  EXPECT_EQ(Error("\xEF\xBB\xBF\r\n"), "line 1, column 1: the file is empty");
  EXPECT_EQ(Error("Kommune;2019;20x0\nA;1;2\n").substr(0, 40),
            "line 1, column 3: '20x0' is not a year f");
  EXPECT_EQ(Error("Kommune;2019\nA;27,1\nB;abc\n"), "line 3, column 2: 'abc' is not a number");
  EXPECT_EQ(Error("Kommune;2019\nA;127,1\n"),
            "line 2, column 2: the IKU '127,1' is not a percentage from 0 to 100");
  EXPECT_EQ(Error("Kommune;2019\nA;-1\n"),
            "line 2, column 2: the IKU '-1' is not a percentage from 0 to 100");
  EXPECT_EQ(Error("Kommune;2019\nA;1\nA;2\n"),
            "line 3, column 2: a second figure for A in 2019 (the first is on line 2)");
  EXPECT_EQ(Error("kommune,år,iku\nA,2019,1\nA,19,2\n"),
            "line 3, column 2: '19' is not a year from 1990 to 2100");
  EXPECT_EQ(Error("Kommune;2019\n;1\n"), "line 2, column 1: the municipality is missing");
  // The CSV reader's own refusal, worded with the line.
  EXPECT_EQ(Error("Kommune;2019\nA;1;2\n").substr(0, 17), "line 2, column 3:");
  EXPECT_EQ(Error("Kommune;Region\nA;B\n").substr(0, 17), "line 1, column 2:");
}

TEST(PeerIku, RefusesMoreThanTheMaximum) {
  // 701 municipalities × 30 years = 21 030 figures > 20 000: the first one over the limit is on
  // the line of municipality 667 (666 × 30 = 19 980, so its 21st year is figure 20 001),
  // line 668 (the header is line 1), column 22.
  std::string csv = "Kommune";
  for (int year = 1995; year < 2025; ++year) csv += ";" + std::to_string(year);
  csv += "\n";
  for (int m = 1; m <= 701; ++m) {
    csv += "K" + std::to_string(m);
    for (int year = 1995; year < 2025; ++year) csv += ";1";
    csv += "\n";
  }
  EXPECT_EQ(Error(csv), "line 668, column 22: more than 20000 figures");
}

TEST(PeerIku, TheNationalLineFromTheKeyFigures) {
  const std::vector<NationalIku>& line = NationalIkuLine();
  ASSERT_EQ(line.size(), 8u);
  const std::pair<int, double> expected[] = {{2009, 25.0}, {2015, 26.5}, {2016, 26.9},
                                             {2017, 27.1}, {2018, 26.9}, {2019, 26.5},
                                             {2020, 26.3}, {2021, 26.9}};
  for (size_t i = 0; i < line.size(); ++i) {
    EXPECT_EQ(line[i].year, expected[i].first);
    EXPECT_DOUBLE_EQ(line[i].iku, expected[i].second);
  }
  EXPECT_NE(NationalIkuSource().find("noegletal.dk"), std::string_view::npos);
  EXPECT_NE(NationalIkuSource().find("KL"), std::string_view::npos);
  EXPECT_NE(NationalIkuNoteNb().find("2016"), std::string_view::npos);
  EXPECT_NE(NationalIkuNoteEn().find("5.28"), std::string_view::npos);
}

}  // namespace
}  // namespace samspill::strategy
