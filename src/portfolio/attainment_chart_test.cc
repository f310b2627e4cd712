#include "portfolio/attainment_chart.h"

#include <gtest/gtest.h>

namespace samspill::portfolio {
namespace {

Indicator Applications() {
  Indicator ind;
  ind.category = "forskningssamarbeid";
  ind.name =
      "Forsknings- og innovasjonssøknader sendt fra partnerskapet til Forskningsrådet, EU og "
      "regionale fond i løpet av året";
  ind.target_kind = TargetKind::kPerYear;
  ind.target = 20;
  ind.SetFigure({2022, 18, "", false});
  ind.SetFigure({2023, 24, "", false});
  return ind;
}

// The whole name, wrapped over lines (never cut with "…"), a value axis from 0 to the largest
// figure, and the chart's words in the page's language.
TEST(AttainmentChart, WholeNamesAValueAxisAndThePagesLanguage) {
  const std::vector<Indicator> indicators = {Applications()};
  const std::string nb =
      CategoryChartSvg("forskningssamarbeid", indicators, Period{2022, 2023}, {});
  EXPECT_EQ(nb.find("…"), std::string::npos) << nb;
  EXPECT_NE(nb.find("<tspan x=\"0\" dy=\"0\">Forsknings- og innovasjonssøknader sendt fra"),
            std::string::npos)
      << nb;
  EXPECT_NE(nb.find("i løpet av året – Nådd 1 av 2 år</tspan>"), std::string::npos) << nb;
  EXPECT_NE(nb.find("text-anchor=\"end\">0</text>"), std::string::npos);
  EXPECT_NE(nb.find("text-anchor=\"end\">24</text>"), std::string::npos);
  EXPECT_NE(nb.find(">måltall 20</text>"), std::string::npos);
  EXPECT_NE(nb.find("2022: 18 (måltall 20, ikke nådd)"), std::string::npos);

  const std::string en =
      CategoryChartSvg("forskningssamarbeid", indicators, Period{2022, 2023}, {.english = true});
  EXPECT_NE(en.find("– Met in 1 of 2 years</tspan>"), std::string::npos) << en;
  EXPECT_NE(en.find(">target 20</text>"), std::string::npos);
  EXPECT_NE(en.find("2022: 18 (target 20, not met)"), std::string::npos);
  for (const char* norwegian : {"måltall", "Nådd", "nådd"}) {
    EXPECT_EQ(en.find(norwegian), std::string::npos) << norwegian;
  }
}

// An indicator with one decimal prints its values with a decimal comma in Norwegian and a point
// in English, and a reach-by-last-year target marks each year's point on the path (2025: 120 +
// 20·1/2 = 130, i.e. 13,0; 2026 the target 14,0).
TEST(AttainmentChart, DecimalsAndThePathToTheTarget) {
  Indicator ind;
  ind.category = "strategi";
  ind.name = "IKU";
  ind.target_kind = TargetKind::kReachByLastYear;
  ind.target = 140;
  ind.decimals = 1;
  ind.SetFigure({2024, 120, "", false});
  ind.SetFigure({2025, 135, "", false});
  const std::vector<Indicator> indicators = {ind};
  const std::string nb = CategoryChartSvg("strategi", indicators, Period{2024, 2026}, {});
  EXPECT_NE(nb.find("2025: 13,5 (måltall 13,0, nådd)"), std::string::npos) << nb;
  EXPECT_NE(nb.find("text-anchor=\"middle\">13,5</text>"), std::string::npos) << nb;
  EXPECT_NE(nb.find("2026: ikke rapportert (måltall 14,0, ikke rapportert)"), std::string::npos)
      << nb;
  // Marks for 2025 and 2026; none for the baseline year 2024.
  size_t marks = 0;
  for (size_t at = nb.find("class=\"path-target\""); at != std::string::npos;
       at = nb.find("class=\"path-target\"", at + 1)) {
    ++marks;
  }
  EXPECT_EQ(marks, 2u);
  const std::string en =
      CategoryChartSvg("strategi", indicators, Period{2024, 2026}, {.english = true});
  EXPECT_NE(en.find("2025: 13.5 (target 13.0, met)"), std::string::npos) << en;
  EXPECT_EQ(en.find("13,5"), std::string::npos);
}

}  // namespace
}  // namespace samspill::portfolio
