#include "strategy/iku_chart.h"

#include <gtest/gtest.h>

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace samspill::strategy {
namespace {

struct Parsed {
  pugi::xml_document doc;
  pugi::xml_node svg;
};

// The SVG parsed as XML; a test fails when it is not well-formed.
std::unique_ptr<Parsed> Parse(const std::string& svg) {
  auto p = std::make_unique<Parsed>();
  const pugi::xml_parse_result result = p->doc.load_string(svg.c_str());
  EXPECT_TRUE(result) << result.description() << " at " << result.offset << " in " << svg;
  p->svg = p->doc.child("svg");
  return p;
}

IkuPoint Point(int year, std::optional<double> iku, bool example = false) {
  return {.year = year, .iku = iku, .example = example};
}

std::vector<std::string> Texts(const pugi::xml_node& svg, const char* css_class) {
  std::vector<std::string> out;
  const std::string query = std::string("//text[@class='") + css_class + "']";
  for (pugi::xpath_node n : svg.select_nodes(query.c_str())) {
    out.emplace_back(n.node().text().get());
  }
  return out;
}

// Own: 2020 20.0, 2021 25.0 (an example), 2022 no IKU, 2023 27.5; one peer "A<&>B" with 2020
// 22.0 and 2023 28.0; no national line. The x axis runs 2020–2023 over x 60..480, 140 units a
// year: 2020 → 60, 2021 → 200, 2023 → 480. The y axis runs 0..30 (28 rounded up to 5) over
// y 280..40, 8 units a point: 20 → 280 − 160 = 120, 25 → 80, 27.5 → 60, 22 → 104, 28 → 56.
TEST(IkuChart, PointsSitWhereTheScalesPutThem) {
  const std::vector<IkuPoint> own = {Point(2020, 20.0), Point(2021, 25.0, true),
                                     Point(2022, std::nullopt), Point(2023, 27.5)};
  const std::vector<PeerFigure> peers = {{"A<&>B", "", 2020, 22.0}, {"A<&>B", "", 2023, 28.0}};
  const auto p = Parse(IkuChartSvg(
      own, peers,
      {.title = "IKU 2020–2023", .own_label = "Eksempel Kommune", .show_national = false}));
  ASSERT_TRUE(p->svg);
  EXPECT_STREQ(p->svg.attribute("role").value(), "img");
  EXPECT_STREQ(p->svg.attribute("aria-label").value(), "IKU 2020–2023");
  EXPECT_STREQ(p->svg.child("title").text().get(), "IKU 2020–2023");
  // The key starts at 280 + 60 = 340 and has three lines of 24: 340 + 72 = 412.
  EXPECT_STREQ(p->svg.attribute("viewBox").value(), "0 0 640 412");
  EXPECT_TRUE(p->svg.attribute("width").empty());

  std::vector<std::tuple<std::string, std::string, std::string>> points;
  for (pugi::xpath_node n : p->svg.select_nodes("//g[@class='own']/circle")) {
    points.emplace_back(n.node().attribute("cx").value(), n.node().attribute("cy").value(),
                        n.node().attribute("fill").value());
  }
  const std::vector<std::tuple<std::string, std::string, std::string>> expected = {
      {"60.0", "120.0", "#1f5f8b"}, {"200.0", "80.0", "#ffffff"}, {"480.0", "60.0", "#1f5f8b"}};
  EXPECT_EQ(points, expected);
  // The line breaks at 2022, which has no IKU: a new move (M) to 2023.
  EXPECT_STREQ(p->svg.select_node("//g[@class='own']/path").node().attribute("d").value(),
               "M60.0 120.0 L200.0 80.0 M480.0 60.0");
  EXPECT_EQ(Texts(p->svg, "own-value"), (std::vector<std::string>{"20,0", "25,0", "27,5"}));
  // The peer's years 2020 and 2023 are not consecutive: two points, no line between them.
  EXPECT_STREQ(p->svg.select_node("//g[@class='peer']/path").node().attribute("d").value(),
               "M60.0 104.0 M480.0 56.0");
  // The name escaped, and read back whole.
  EXPECT_EQ(Texts(p->svg, "peer-label"), (std::vector<std::string>{"A<&>B"}));
  EXPECT_STREQ(p->svg.select_node("//g[@class='peer']/title").node().text().get(), "A<&>B");
  EXPECT_EQ(Texts(p->svg, "year"), (std::vector<std::string>{"2020", "2021", "2022", "2023"}));
  EXPECT_EQ(Texts(p->svg, "y-tick"),
            (std::vector<std::string>{"0 %", "5 %", "10 %", "15 %", "20 %", "25 %", "30 %"}));
  const std::vector<std::string> key = Texts(p->svg, "key-text");
  EXPECT_EQ(key, (std::vector<std::string>{"Eksempel Kommune", "eksempel",
                                           "Andre kommuner, navngitt ved enden av linjen"}));
  // Legible at a phone's width: no text smaller than 11 units of the 640-unit viewBox.
  for (pugi::xpath_node n : p->svg.select_nodes("//text")) {
    EXPECT_GE(n.node().attribute("font-size").as_int(), 11) << n.node().text().get();
  }
}

// The national line 2009–2021 is dashed with its key entry; the x axis spans 2009–2022 (own
// 2020–2022), 420 / 13 units a year, so the labels stand every other year (32.3 < 48 units).
TEST(IkuChart, TheNationalLineIsDashedAndInTheKey) {
  const std::vector<IkuPoint> own = {Point(2020, 24.0), Point(2021, 25.0), Point(2022, 26.0)};
  const auto p = Parse(IkuChartSvg(own, {}, {.own_label = "Eksempel Kommune", .english = true}));
  const pugi::xml_node national = p->svg.select_node("//g[@class='national']/path").node();
  ASSERT_TRUE(national);
  EXPECT_STREQ(national.attribute("stroke-dasharray").value(), "8 5");
  // 2009 stands alone (the next figure is 2015); y max 30: 25.0 → 280 − 200 = 80, 26.5 → 68.
  EXPECT_EQ(std::string(national.attribute("d").value()).substr(0, 28),
            "M60.0 80.0 M253.8 68.0 L286.");
  const std::vector<std::string> key = Texts(p->svg, "key-text");
  EXPECT_EQ(key,
            (std::vector<std::string>{"Eksempel Kommune", "National (all Danish municipalities)"}));
  EXPECT_EQ(Texts(p->svg, "year").front(), "2009");
  EXPECT_EQ(Texts(p->svg, "year").size(), 7u);  // 2009, 2011, …, 2021
  EXPECT_EQ(Texts(p->svg, "own-value"), (std::vector<std::string>{"24.0", "25.0", "26.0"}));
  // The years stand 32.3 units apart: every other value goes under its point. 2020 at 24.0
  // (y 280 − 192 = 88) has its value above (78), 2021 at 25.0 (y 80) below (102).
  std::vector<std::string> value_ys;
  for (pugi::xpath_node n : p->svg.select_nodes("//text[@class='own-value']")) {
    value_ys.emplace_back(n.node().attribute("y").value());
  }
  EXPECT_EQ(value_ys, (std::vector<std::string>{"78.0", "102.0", "62.0"}));
  EXPECT_EQ(Texts(p->svg, "y-tick").back(), "30%");
}

// From 2020 on (national_from), the national line keeps 2020 and 2021 only: the x axis spans
// the own years 2020–2022, 420 / 2 = 210 units a year, every year labelled.
TEST(IkuChart, TheNationalLineCanStartAtTheOwnFirstYear) {
  const std::vector<IkuPoint> own = {Point(2020, 24.0), Point(2021, 25.0), Point(2022, 26.0)};
  const auto p = Parse(IkuChartSvg(own, {}, {.english = true, .national_from = 2020}));
  EXPECT_EQ(Texts(p->svg, "year"), (std::vector<std::string>{"2020", "2021", "2022"}));
  const pugi::xml_node national = p->svg.select_node("//g[@class='national']/path").node();
  ASSERT_TRUE(national);
  // The plot is 240 units high for 0–30: 8 units a point. 2020 26.3 → y 280 − 210.4 = 69.6;
  // 2021 26.9 → 280 − 215.2 = 64.8; x 60 and 270.
  EXPECT_STREQ(national.attribute("d").value(), "M60.0 69.6 L270.0 64.8");
}

// A name with a word too long for the room right of the plot is numbered there and named
// whole in the key; two peers ending at the same value are not drawn over each other.
TEST(IkuChart, LongNamesMoveIntoTheKeyAndEndLabelsDoNotOverlap) {
  const std::vector<PeerFigure> peers = {{"Sammenligningskommunerne", "", 2020, 20.0},
                                         {"Svendborg", "", 2020, 20.0}};
  const auto p = Parse(IkuChartSvg({Point(2020, 10.0)}, peers, {.show_national = false}));
  const std::vector<std::string> labels = Texts(p->svg, "peer-label");
  EXPECT_EQ(labels, (std::vector<std::string>{"1", "Svendborg"}));
  std::vector<double> ys;
  for (pugi::xpath_node n : p->svg.select_nodes("//text[@class='peer-label']")) {
    ys.push_back(n.node().attribute("y").as_double());
  }
  ASSERT_EQ(ys.size(), 2u);
  EXPECT_GE(ys[1] - ys[0], 16.0);
  EXPECT_EQ(Texts(p->svg, "key-text").back(), "1: Sammenligningskommunerne");
}

// Twelve peers all at 1 % end near the axis (y 280 − 1 × 48 = 232 for a y axis to 5; the
// name's baseline 5 lower, 237): pushed 18 units apart (16 a line, 2 between) they would run to
// 237 + 11 × 18 = 435, below the plot; the block moves up by 155 so that the last name stands
// on the plot's bottom line (280) and the first at 280 − 198 = 82.
TEST(IkuChart, EndLabelsStayBesideThePlot) {
  std::vector<PeerFigure> peers;
  for (int i = 0; i < 12; ++i) peers.push_back({"K" + std::to_string(i), "", 2020, 1.0});
  const auto p = Parse(IkuChartSvg({Point(2020, 1.0)}, peers, {.show_national = false}));
  std::vector<double> ys;
  for (pugi::xpath_node n : p->svg.select_nodes("//text[@class='peer-label']")) {
    ys.push_back(n.node().attribute("y").as_double());
  }
  ASSERT_EQ(ys.size(), 12u);
  EXPECT_DOUBLE_EQ(ys.back(), 280.0);
  EXPECT_DOUBLE_EQ(ys.front(), 280.0 - 11 * 18);
}

TEST(IkuChart, StandaloneIsAnSvgFile) {
  const std::string svg = IkuChartSvg({Point(2020, 10.0)}, {}, {.standalone = true});
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=", 0), 0u);
  const auto p = Parse(svg);
  EXPECT_STREQ(p->svg.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
}

}  // namespace
}  // namespace samspill::strategy
