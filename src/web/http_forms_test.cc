#include "web/http_forms.h"

#include <gtest/gtest.h>

namespace samspill::web {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

TEST(Utf8, AcceptsWellFormedTextAndRefusesTheRest) {
  EXPECT_TRUE(IsValidUtf8("Trøndelag æøå ÆØÅ €"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));   // U+1F600
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // cut short
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("ok\x80"));
}

TEST(UrlEncoded, DecodesPairsInOrder) {
  Params out;
  ASSERT_TRUE(
      ParseUrlEncoded("title=Renhold+og+vask&amount=1%20000&empty=&flag", "the form", {}, out)
          .ok());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], (std::pair<std::string, std::string>{"title", "Renhold og vask"}));
  EXPECT_EQ(out[1].second, "1 000");
  EXPECT_EQ(out[2].second, "");
  EXPECT_EQ(out[3], (std::pair<std::string, std::string>{"flag", ""}));
}

TEST(UrlEncoded, InvalidUtf8IsRefusedNamingTheField) {
  Params out{{"kept", "1"}};
  Status status = ParseUrlEncoded("title=ok&reason=%C3%28", "the form", {}, out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.field(), "reason");
  EXPECT_NE(status.message().find("'reason' is not valid UTF-8"), std::string::npos)
      << status.message();
  // Nothing of a refused form is kept.
  EXPECT_EQ(out.size(), 1u);
}

TEST(UrlEncoded, NulBadEscapesAndTooManyFieldsAreRefused) {
  Params out;
  Status nul = ParseUrlEncoded("title=a%00b", "the form", {}, out);
  EXPECT_EQ(nul.field(), "title");
  EXPECT_NE(nul.message().find("NUL"), std::string::npos);
  EXPECT_FALSE(ParseUrlEncoded("title=%G1", "the form", {}, out).ok());
  EXPECT_FALSE(ParseUrlEncoded("title=%4", "the form", {}, out).ok());
  EXPECT_FALSE(ParseUrlEncoded("%FF=1", "the query", {}, out).ok());
  std::string many;
  for (int i = 0; i < 11; ++i) many += "f" + std::to_string(i) + "=1&";
  Status too_many = ParseUrlEncoded(many, "the form", {.max_fields = 10}, out);
  EXPECT_NE(too_many.message().find("more than 10 fields"), std::string::npos);
  EXPECT_TRUE(out.empty());
}

TEST(Multipart, ReadsTextFieldsAndFiles) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
      "abc\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; "
      "filename=\"C:\\\\Users\\\\k\\\\prosjekter.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n"
      "navn,type\r\nA,B\r\n\r\n"
      "--XyZ--\r\n";
  Result<std::string> boundary = MultipartBoundary("multipart/form-data; boundary=XyZ");
  ASSERT_TRUE(boundary.ok());
  Result<std::vector<FormPart>> parts = ParseMultipart(body, *boundary, {});
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf_token");
  EXPECT_EQ((*parts)[0].content, "abc");
  EXPECT_EQ((*parts)[1].filename, "prosjekter.csv");
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].content, "navn,type\r\nA,B\r\n");
}

TEST(Multipart, QuotedBoundaryAndBinaryFiles) {
  Result<std::string> boundary =
      MultipartBoundary("multipart/form-data; charset=utf-8; boundary=\"a b\"");
  ASSERT_TRUE(boundary.ok());
  EXPECT_EQ(*boundary, "a b");
  const std::string body = std::string("--a b\r\nContent-Disposition: form-data; name=\"f\"; ") +
                           "filename=\"x.bin\"\r\n\r\n" + std::string("\xFF\x00\xFE", 3) +
                           "\r\n--a b--";
  Result<std::vector<FormPart>> parts = ParseMultipart(body, *boundary, {});
  ASSERT_TRUE(parts.ok()) << parts.status().message();
  EXPECT_EQ((*parts)[0].content, std::string("\xFF\x00\xFE", 3));
}

TEST(Multipart, MalformedBodiesAreRefused) {
  EXPECT_FALSE(MultipartBoundary("multipart/form-data").ok());
  EXPECT_FALSE(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')).ok());
  const std::string open = "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nvalue";
  Result<std::vector<FormPart>> unclosed = ParseMultipart(open, "b", {});
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.status().message().find("closing boundary"), std::string::npos);
  EXPECT_FALSE(ParseMultipart("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b", {}).ok());
  Result<std::vector<FormPart>> bad_text = ParseMultipart(
      "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\xC3\x28\r\n--b--", "b", {});
  ASSERT_FALSE(bad_text.ok());
  EXPECT_EQ(bad_text.status().field(), "title");
  std::string many;
  for (int i = 0; i < 4; ++i)
    many += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n1\r\n";
  many += "--b--";
  EXPECT_FALSE(ParseMultipart(many, "b", {.max_fields = 3}).ok());
  EXPECT_TRUE(ParseMultipart(many, "b", {.max_fields = 4}).ok());
}

TEST(Cookies, FindsTheNamedCookieOnly) {
  EXPECT_EQ(CookieFromHeader("a=1; samspill_session=tok; b=2", "samspill_session"), "tok");
  EXPECT_EQ(CookieFromHeader("xsamspill_session=evil", "samspill_session"), "");
  EXPECT_EQ(CookieFromHeader("samspill_session=", "samspill_session"), "");
  EXPECT_EQ(CookieFromHeader("", "samspill_session"), "");
}

}  // namespace
}  // namespace samspill::web
