#include <gtest/gtest.h>

#include "web/page.h"

namespace samspill::web {
namespace {

TEST(WrapWideContent, EveryTableAndChartGetsItsOwnScrollingBox) {
  EXPECT_EQ(WrapWideContent("<h1>T</h1><table><tr><td>a</td></tr></table><p>x</p>"
                            "<table class=\"w\"><caption>c</caption></table>"),
            "<h1>T</h1><div class=\"scroll\"><table><tr><td>a</td></tr></table></div><p>x</p>"
            "<div class=\"scroll\"><table class=\"w\"><caption>c</caption></table></div>");
  EXPECT_EQ(WrapWideContent("<figure><svg class=\"chart\" viewBox=\"0 0 9 9\"><text>t</text>"
                            "</svg></figure>"),
            "<figure><div class=\"scroll\"><svg class=\"chart\" viewBox=\"0 0 9 9\">"
            "<text>t</text></svg></div></figure>");
}

TEST(WrapWideContent, OtherMarkupAndUnclosedTagsAreLeftAsTheyAre) {
  EXPECT_EQ(WrapWideContent(""), "");
  EXPECT_EQ(WrapWideContent("<p>no tables</p><svg viewBox=\"0 0 1 1\"></svg>"),
            "<p>no tables</p><svg viewBox=\"0 0 1 1\"></svg>");
  EXPECT_EQ(WrapWideContent("<p>a</p><table><tr>"), "<p>a</p><table><tr>");
}

}  // namespace
}  // namespace samspill::web
