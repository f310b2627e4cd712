#include "decision/risk_heatmap.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

namespace samspill::decision {
namespace {

struct Placement {
  int likelihood;
  int consequence;
  int residual_likelihood = 0;
  int residual_consequence = 0;
};

// Risks "R1", "R2", … (titles in neither language) at the given places.
std::vector<Risk> At(const std::vector<Placement>& places) {
  std::vector<Risk> risks;
  for (size_t i = 0; i < places.size(); ++i) {
    const Placement& p = places[i];
    risks.push_back(Risk{.id = "r" + std::to_string(i + 1),
                         .title = "R" + std::to_string(i + 1),
                         .likelihood = p.likelihood,
                         .consequence = p.consequence,
                         .residual_likelihood = p.residual_likelihood,
                         .residual_consequence = p.residual_consequence});
  }
  return risks;
}

// Ten risks: 3 high before mitigation, 1 high after, 2 not assessed after.
std::vector<Risk> Ten() {
  return At({{5, 4, 2, 4},
             {4, 4, 3, 4},
             {2, 5, 1, 5},
             {3, 3, 2, 3},
             {3, 3, 3, 3},
             {1, 1, 1, 1},
             {2, 2},
             {1, 4, 1, 2},
             {3, 1},
             {2, 3, 2, 2}});
}

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

// cell (likelihood, consequence) → its <g>.
std::map<std::pair<int, int>, pugi::xml_node> Cells(const pugi::xml_node& svg) {
  std::map<std::pair<int, int>, pugi::xml_node> cells;
  for (pugi::xpath_node n : svg.select_nodes("//g[@class='cell']")) {
    cells[{n.node().attribute("data-likelihood").as_int(),
           n.node().attribute("data-consequence").as_int()}] = n.node();
  }
  return cells;
}

// The texts drawn in a cell (not its tooltip).
std::vector<std::string> DrawnTexts(const pugi::xml_node& node) {
  std::vector<std::string> out;
  for (pugi::xml_node t : node.children("text")) out.push_back(t.text().get());
  return out;
}

// Every word a reader meets: the texts, the tooltips, the description and the accessible name.
std::set<std::string> Words(const pugi::xml_node& svg) {
  std::string all = svg.attribute("aria-label").value();
  for (pugi::xpath_node n : svg.select_nodes("//text()"))
    all += " " + std::string(n.node().value());
  std::set<std::string> words;
  std::string word;
  for (unsigned char c : all + " ") {
    if (std::isalpha(c) || c >= 0x80) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  return words;
}

double Luminance(const std::string& hex) {
  auto channel = [&](int at) {
    const double v = std::strtol(hex.substr(at, 2).c_str(), nullptr, 16) / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

double Contrast(const std::string& a, const std::string& b) {
  const double x = Luminance(a), y = Luminance(b);
  return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

TEST(RiskHeatmap, IsWellFormedAccessibleSvgInTheHouseStyle) {
  for (HeatmapKind kind : {HeatmapKind::kInherent, HeatmapKind::kResidual}) {
    for (bool english : {false, true}) {
      const auto p = Parse(RiskHeatmapSvg(RiskTemplate(), kind, {.english = english}));
      ASSERT_TRUE(p->svg);
      EXPECT_STREQ(p->svg.attribute("class").value(), "chart");
      EXPECT_STREQ(p->svg.attribute("role").value(), "img");
      EXPECT_EQ(std::string(p->svg.attribute("viewBox").value()).rfind("0 0 480 ", 0), 0u);
      EXPECT_STREQ(p->svg.first_child().name(), "title");
      EXPECT_STREQ(p->svg.first_child().next_sibling().name(), "desc");
      EXPECT_STREQ(p->svg.child("title").text().get(), p->svg.attribute("aria-label").value());
      EXPECT_EQ(Cells(p->svg).size(), 25u);
    }
  }
  const auto nb = Parse(RiskHeatmapSvg({}, HeatmapKind::kInherent));
  EXPECT_STREQ(nb->svg.child("title").text().get(), "Risikokart før tiltak");
  const auto en = Parse(RiskHeatmapSvg({}, HeatmapKind::kResidual, {.english = true}));
  EXPECT_STREQ(en->svg.child("title").text().get(), "Risk map after mitigation");
  const auto own = Parse(RiskHeatmapSvg({}, HeatmapKind::kResidual, {.title = "Helse"}));
  EXPECT_STREQ(own->svg.child("title").text().get(), "Helse");
}

TEST(RiskHeatmap, HasAxesWithTitlesAndNumbersAndALegendOfTheBands) {
  const auto p = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kInherent));
  std::multiset<std::string> texts;
  for (pugi::xml_node t : p->svg.children("text")) texts.insert(t.text().get());
  EXPECT_EQ(texts.count("Sannsynlighet"), 1u);
  EXPECT_EQ(texts.count("Konsekvens"), 1u);
  for (int n = 1; n <= 5; ++n) EXPECT_EQ(texts.count(std::to_string(n)), 2u) << n;  // each axis
  EXPECT_EQ(texts.count("Lav 1–4"), 1u);
  EXPECT_EQ(texts.count("Middels 5–9"), 1u);
  EXPECT_EQ(texts.count("Høy 10–25"), 1u);
  const auto en = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kInherent, {.english = true}));
  texts.clear();
  for (pugi::xml_node t : en->svg.children("text")) texts.insert(t.text().get());
  EXPECT_EQ(texts.count("Likelihood"), 1u);
  EXPECT_EQ(texts.count("Consequence"), 1u);
  EXPECT_EQ(texts.count("Low 1–4"), 1u);
  EXPECT_EQ(texts.count("Medium 5–9"), 1u);
  EXPECT_EQ(texts.count("High 10–25"), 1u);
}

TEST(RiskHeatmap, CountsAndNamesTheRisksOfEachCell) {
  const auto p = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kInherent));
  const auto cells = Cells(p->svg);
  std::map<std::pair<int, int>, int> expected = {{{5, 4}, 1}, {{4, 4}, 1}, {{2, 5}, 1},
                                                 {{3, 3}, 2}, {{1, 1}, 1}, {{2, 2}, 1},
                                                 {{1, 4}, 1}, {{3, 1}, 1}, {{2, 3}, 1}};
  int total = 0;
  for (const auto& [place, cell] : cells) {
    const int count = expected.count(place) ? expected[place] : 0;
    EXPECT_EQ(cell.attribute("data-count").as_int(), count) << place.first << "," << place.second;
    total += cell.attribute("data-count").as_int();
    const std::vector<std::string> drawn = DrawnTexts(cell);
    if (count == 0) {
      EXPECT_TRUE(drawn.empty());
      EXPECT_NE(std::string(cell.child("title").text().get()).find("Ingen risikoer"),
                std::string::npos);
    } else {
      ASSERT_GE(drawn.size(), 2u);
      EXPECT_EQ(drawn[0], std::to_string(count));
    }
  }
  EXPECT_EQ(total, 10);
  // Risks 4 and 5 share likelihood 3, consequence 3: the cell shows 2 and their numbers, and its
  // tooltip names them.
  const pugi::xml_node shared = cells.at({3, 3});
  EXPECT_EQ(DrawnTexts(shared), (std::vector<std::string>{"2", "4, 5"}));
  EXPECT_STREQ(shared.child("title").text().get(),
               "Sannsynlighet 3, konsekvens 3: risikoverdi 9, middels. 2 risikoer: 4 R4; 5 R5.");
  EXPECT_EQ(DrawnTexts(cells.at({5, 4})), (std::vector<std::string>{"1", "1"}));
}

TEST(RiskHeatmap, TheResidualChartPlacesOnlyAssessedRisksAndSaysHowManyAreNot) {
  const auto p = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kResidual));
  int total = 0;
  for (const auto& [place, cell] : Cells(p->svg)) total += cell.attribute("data-count").as_int();
  EXPECT_EQ(total, 8);
  const auto cells = Cells(p->svg);
  EXPECT_EQ(cells.at({2, 4}).attribute("data-count").as_int(), 1);
  EXPECT_EQ(cells.at({3, 4}).attribute("data-count").as_int(), 1);
  EXPECT_EQ(cells.at({2, 2}).attribute("data-count").as_int(), 1);  // risk 10; risk 7 is not
  EXPECT_EQ(DrawnTexts(cells.at({2, 2}))[1], "10");
  std::string texts;
  for (pugi::xml_node t : p->svg.children("text")) texts += std::string(t.text().get()) + " ";
  EXPECT_NE(texts.find("2 risikoer er ikke vurdert etter tiltak og er ikke med i kartet."),
            std::string::npos)
      << texts;
  const auto en = Parse(RiskHeatmapSvg(At({{3, 3}}), HeatmapKind::kResidual, {.english = true}));
  texts.clear();
  for (pugi::xml_node t : en->svg.children("text")) texts += std::string(t.text().get()) + " ";
  EXPECT_NE(texts.find("1 risk is not assessed after mitigation and not placed on the map."),
            std::string::npos)
      << texts;
  // The inherent chart places every risk and says nothing of assessment.
  const auto inherent = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kInherent));
  texts.clear();
  for (pugi::xml_node t : inherent->svg.children("text")) texts += t.text().get();
  EXPECT_EQ(texts.find("vurdert"), std::string::npos);
}

TEST(RiskHeatmap, ColoursCellsByLevelWithReadableTextOnThem) {
  const auto p = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kInherent));
  std::map<RiskLevel, std::string> fill_of;
  for (const auto& [place, cell] : Cells(p->svg)) {
    const int score = place.first * place.second;
    EXPECT_EQ(cell.attribute("data-score").as_int(), score);
    const std::string fill = cell.child("rect").attribute("fill").value();
    const RiskLevel level = LevelOfScore(score);
    if (fill_of.count(level)) {
      EXPECT_EQ(fill_of[level], fill) << score;
    }
    fill_of[level] = fill;
    for (pugi::xml_node t : cell.children("text")) {
      EXPECT_GE(Contrast(fill, t.attribute("fill").value()), 4.5) << fill;
    }
  }
  ASSERT_EQ(fill_of.size(), 3u);
  EXPECT_NE(fill_of[RiskLevel::kLow], fill_of[RiskLevel::kMedium]);
  EXPECT_NE(fill_of[RiskLevel::kMedium], fill_of[RiskLevel::kHigh]);
  // The bands get darker with the level, so they differ in lightness, not only in hue.
  EXPECT_GT(Luminance(fill_of[RiskLevel::kLow]), Luminance(fill_of[RiskLevel::kMedium]));
  EXPECT_GT(Luminance(fill_of[RiskLevel::kMedium]), Luminance(fill_of[RiskLevel::kHigh]));
}

TEST(RiskHeatmap, ACrowdedCellSaysHowManyItsKeysLeaveOut) {
  std::vector<Placement> places(40, Placement{4, 4});
  const auto p = Parse(RiskHeatmapSvg(At(places), HeatmapKind::kInherent));
  const pugi::xml_node cell = Cells(p->svg).at({4, 4});
  EXPECT_EQ(cell.attribute("data-count").as_int(), 40);
  const std::vector<std::string> drawn = DrawnTexts(cell);
  ASSERT_EQ(drawn.size(), 3u);  // the count and two lines of keys
  EXPECT_EQ(drawn[0], "40");
  EXPECT_EQ(drawn[1].rfind("1, 2,", 0), 0u) << drawn[1];
  // The shown keys and "+N" account for all 40.
  int shown = 0, more = 0;
  std::istringstream keys(drawn[1] + " " + drawn[2]);
  for (std::string key; keys >> key;) {
    if (key[0] == '+') {
      more = std::stoi(key.substr(1));
    } else {
      ++shown;
    }
  }
  EXPECT_GT(more, 0);
  EXPECT_EQ(shown + more, 40);
  for (const std::string& line : {drawn[1], drawn[2]}) EXPECT_LE(line.size(), 9u) << line;
  EXPECT_NE(std::string(cell.child("title").text().get()).find("40 R40."), std::string::npos);
}

TEST(RiskHeatmap, EscapesEveryText) {
  const std::string hostile = "</title><script>alert('x')</script> & \"R\" <desc>";
  std::vector<Risk> risks = At({{5, 5, 1, 1}});
  risks[0].title = hostile;
  for (HeatmapKind kind : {HeatmapKind::kInherent, HeatmapKind::kResidual}) {
    const std::string svg = RiskHeatmapSvg(risks, kind, {.title = hostile});
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    const auto p = Parse(svg);
    EXPECT_EQ(p->svg.child("title").text().get(), hostile);
    EXPECT_EQ(p->svg.attribute("aria-label").value(), hostile);
    EXPECT_EQ(p->svg.text().get(), std::string());
    EXPECT_FALSE(p->svg.select_node("//script"));
    EXPECT_EQ(p->svg.select_nodes("//desc").size(), 1u);
    const auto cells = Cells(p->svg);
    const pugi::xml_node cell =
        kind == HeatmapKind::kInherent ? cells.at({5, 5}) : cells.at({1, 1});
    EXPECT_NE(std::string(cell.child("title").text().get()).find(hostile), std::string::npos);
  }
}

TEST(RiskHeatmap, SpeaksOneLanguagePerChart) {
  const std::set<std::string> bokmal = {
      "sannsynlighet", "konsekvens", "lav",    "middels", "høy", "høye", "risiko",     "risikoer",
      "risikoverdi",   "tiltak",     "ikke",   "vurdert", "av",  "før",  "etter",      "ingen",
      "rutenett",      "tallet",     "ruten",  "rute",    "og",  "er",   "risikokart", "alle",
      "loddrett",      "vannrett",   "antall", "tabellen"};
  const std::set<std::string> english = {
      "likelihood", "consequence", "low",      "medium", "high",   "risk",  "risks",  "score",
      "mitigation", "not",         "assessed", "of",     "before", "after", "no",     "grid",
      "the",        "and",         "is",       "are",    "map",    "all",   "number", "table"};
  // Every text either chart can show: cells of all levels, some not assessed, a crowded cell.
  std::vector<Placement> places = {{5, 5, 1, 1}, {3, 3}, {1, 1, 2, 2}};
  for (int i = 0; i < 30; ++i) places.push_back({2, 4, 2, 4});
  const std::vector<Risk> risks = At(places);
  for (HeatmapKind kind : {HeatmapKind::kInherent, HeatmapKind::kResidual}) {
    for (const std::vector<Risk>& register_ : {risks, At({{2, 2, 1, 1}}), std::vector<Risk>{}}) {
      const std::set<std::string> nb_words = Words(Parse(RiskHeatmapSvg(register_, kind))->svg);
      const std::set<std::string> en_words =
          Words(Parse(RiskHeatmapSvg(register_, kind, {.english = true}))->svg);
      for (const std::string& w : english) EXPECT_EQ(nb_words.count(w), 0u) << w;
      for (const std::string& w : bokmal) EXPECT_EQ(en_words.count(w), 0u) << w;
      EXPECT_TRUE(nb_words.count("sannsynlighet"));
      EXPECT_TRUE(en_words.count("likelihood"));
    }
  }
  for (const std::vector<Risk>& register_ : {Ten(), At({{5, 5}}), std::vector<Risk>{}}) {
    for (const std::string& w : english) {
      EXPECT_EQ(RiskSummary(register_, false).find(" " + w + " "), std::string::npos) << w;
    }
    for (const std::string& w : bokmal) {
      EXPECT_EQ(RiskSummary(register_, true).find(" " + w + " "), std::string::npos) << w;
    }
  }
  for (const std::string& heading : RiskTableHeadings(true)) {
    EXPECT_EQ(bokmal.count(heading), 0u) << heading;
  }
  EXPECT_EQ(RiskTableHeadings(true).size(), RiskTableHeadings(false).size());
}

TEST(RiskSummary, SaysHowManyAreHighBeforeAndAfterMitigation) {
  EXPECT_EQ(RiskSummary(Ten(), false),
            "3 av 10 risikoer er høye før tiltak, 1 etter tiltak (2 er ikke vurdert etter "
            "tiltak).");
  EXPECT_EQ(RiskSummary(Ten(), true),
            "3 of 10 risks are high before mitigation, 1 after mitigation (2 not assessed after "
            "mitigation).");
  const std::vector<Risk> assessed = At({{5, 5, 1, 1}, {4, 4, 2, 2}, {1, 1, 1, 1}});
  EXPECT_EQ(RiskSummary(assessed, false), "2 av 3 risikoer er høye før tiltak, 0 etter tiltak.");
  EXPECT_EQ(RiskSummary(At({{5, 5, 5, 5}}), false),
            "1 av 1 risiko er høy før tiltak, 1 etter tiltak.");
  EXPECT_EQ(RiskSummary(At({{5, 5, 5, 5}}), true),
            "1 of 1 risk is high before mitigation, 1 after mitigation.");
  EXPECT_EQ(RiskSummary(At({{5, 5}, {1, 1}}), false),
            "1 av 2 risikoer er høy før tiltak; ingen er vurdert etter tiltak.");
  EXPECT_EQ(RiskSummary(At({{5, 5}, {1, 1}}), true),
            "1 of 2 risks is high before mitigation; none is assessed after mitigation.");
  EXPECT_EQ(RiskSummary({}, false), "Ingen risikoer er registrert.");
  EXPECT_EQ(RiskSummary({}, true), "No risks are recorded.");
  // The template: the staff risks and the single bid stay high after the seed's mitigations.
  EXPECT_EQ(RiskSummary(RiskTemplate(), false),
            "7 av 10 risikoer er høye før tiltak, 5 etter tiltak.");
  // The chart's description says the same.
  const auto p = Parse(RiskHeatmapSvg(Ten(), HeatmapKind::kResidual));
  EXPECT_NE(std::string(p->svg.child("desc").text().get()).find(RiskSummary(Ten(), false)),
            std::string::npos);
}

TEST(RiskTable, GivesTheRowsOfTheTextEquivalent) {
  const std::vector<RiskTableRow> rows = RiskTable(Ten());
  ASSERT_EQ(rows.size(), 10u);
  EXPECT_EQ(rows[0].number, 1);
  EXPECT_EQ(rows[0].id, "r1");
  EXPECT_EQ(rows[0].title, "R1");
  EXPECT_EQ(rows[0].likelihood, 5);
  EXPECT_EQ(rows[0].consequence, 4);
  EXPECT_EQ(rows[0].score, 20);
  EXPECT_EQ(rows[0].level, RiskLevel::kHigh);
  EXPECT_TRUE(rows[0].residual_assessed);
  EXPECT_EQ(rows[0].residual_score, 8);
  EXPECT_EQ(rows[0].residual_level, RiskLevel::kMedium);
  EXPECT_EQ(rows[6].number, 7);
  EXPECT_FALSE(rows[6].residual_assessed);
  EXPECT_EQ(rows[6].residual_score, 0);
  EXPECT_EQ(rows[9].residual_level, RiskLevel::kLow);
  EXPECT_EQ(RiskTableHeadings(false)[0], "Nr.");
  EXPECT_EQ(RiskTableHeadings(false).size(), 10u);
  EXPECT_EQ(RiskLevelName(RiskLevel::kHigh, false), "høy");
  EXPECT_EQ(RiskLevelName(RiskLevel::kMedium, true), "medium");
}

}  // namespace
}  // namespace samspill::decision
