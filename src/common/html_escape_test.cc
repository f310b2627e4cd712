#include "common/html_escape.h"

#include <gtest/gtest.h>

namespace samspill {
namespace {

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(EscapeHtml("<script>alert(1)</script> & \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;");
}

TEST(EscapeHtml, EscapesAnAmpersandOnlyOnce) {
  // Already-escaped text is escaped again: the input is text, not HTML.
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
}

TEST(EscapeHtml, KeepsOtherTextAndUtf8Unchanged) {
  EXPECT_EQ(EscapeHtml(""), "");
  EXPECT_EQ(EscapeHtml("Bo- og aktivitetstilbud i Trøndelag, § 30-2a"),
            "Bo- og aktivitetstilbud i Trøndelag, § 30-2a");
  EXPECT_EQ(EscapeHtml(std::string_view("a\0b", 3)), std::string("a\0b", 3));
}

}  // namespace
}  // namespace samspill
