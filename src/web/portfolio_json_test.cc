#include "web/portfolio_json.h"

#include <gtest/gtest.h>

namespace samspill::web {
namespace {

using nlohmann::json;

json Body() {
  return {{"name", "FIF"}, {"area", "Helse og velferd"}, {"kind", "research"}, {"version", 3}};
}

TEST(PortfolioJsonTest, AProjectEditCarriesItsVersionAndLeavesAMissingOneToTheService) {
  auto edit = ProjectEditCommandFromJson(Body());
  ASSERT_TRUE(edit.ok()) << edit.status().ToString();
  EXPECT_EQ(edit->project.name, "FIF");
  EXPECT_EQ(edit->version, 3);
  json without = Body();
  without.erase("version");
  EXPECT_FALSE(ProjectEditCommandFromJson(without)->version.has_value());
  json bad = Body();
  bad["kind"] = "astrology";
  EXPECT_EQ(ProjectEditCommandFromJson(bad).status().field(), "kind");
}

TEST(PortfolioJsonTest, ARegistrationIsConfirmedDistinctOnlyByTrue) {
  json body = Body();
  EXPECT_FALSE(ProjectCommandFromJson(body)->confirmed_distinct);
  body["confirmed_distinct"] = "yes";
  EXPECT_FALSE(ProjectCommandFromJson(body)->confirmed_distinct);
  body["confirmed_distinct"] = true;
  EXPECT_TRUE(ProjectCommandFromJson(body)->confirmed_distinct);
}

TEST(PortfolioJsonTest, AFigureNamesTheFieldInError) {
  auto figure = FigureCommandFromJson(
      {{"year", 2025}, {"value", 1}, {"note", "13 venter på svar"}, {"version", 2}});
  ASSERT_TRUE(figure.ok()) << figure.status().ToString();
  EXPECT_EQ(figure->year, 2025);
  EXPECT_EQ(figure->value, 1);
  EXPECT_EQ(figure->note, "13 venter på svar");
  EXPECT_EQ(figure->version, 2);
  EXPECT_FALSE(FigureCommandFromJson({{"year", 2025}, {"value", nullptr}, {"version", 2}})
                   ->value.has_value());
  EXPECT_EQ(FigureCommandFromJson({{"value", 1}, {"version", 2}}).status().field(), "year");
  EXPECT_EQ(FigureCommandFromJson({{"year", 2025}}).status().field(), "version");
  EXPECT_EQ(
      FigureCommandFromJson({{"year", 2025}, {"value", 1.5}, {"version", 2}}).status().field(),
      "value");
  EXPECT_EQ(FigureCommandFromJson({{"year", 2025}, {"note", 7}, {"version", 2}}).status().field(),
            "note");
  EXPECT_EQ(FigureCommandFromJson({{"year", int64_t{1} << 40}, {"version", 2}}).status().field(),
            "year");
  EXPECT_EQ(
      FigureCommandFromJson({{"year", 2025}, {"version", 2}, {"verdi", 1}}).status().message(),
      "unknown field 'verdi'");
  EXPECT_EQ(FigureCommandFromJson(json::array()).status().code(), StatusCode::kInvalidArgument);
}

TEST(PortfolioJsonTest, AProjectViewIsTheDocumentWithItsVersionTimesAndFunding) {
  app::ProjectView view;
  view.project.id = 7;
  view.project.name = "FIF";
  view.project.funding = {{"Forskningsrådet", Money{1240000050, "NOK"}},
                          {"Horizon Europe", Money{500, "EUR"}}};
  view.version = 4;
  view.created_at = *ParseIsoTimestamp("2025-10-01T08:00:00Z");
  view.updated_at = *ParseIsoTimestamp("2025-10-02T08:00:00Z");
  const json out = ToJson(view);
  EXPECT_EQ(out["id"], 7);
  EXPECT_EQ(out["version"], 4);
  EXPECT_EQ(out["updated_at"], "2025-10-02T08:00:00Z");
  EXPECT_DOUBLE_EQ(out["total_funding_nok"].get<double>(), 12400000.50);  // NOK only
}

}  // namespace
}  // namespace samspill::web
