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

}  // namespace
}  // namespace samspill::portfolio
