#include "common/strict_json.h"

#include <gtest/gtest.h>

namespace samspill {
namespace {

constexpr JsonLimits kBody{.root_field = "body"};

TEST(StrictJson, ReadsOrdinaryObjects) {
  Result<nlohmann::json> json =
      ParseStrictJson(R"({"title":"Renhold","lots":[{"id":1}]})", "the request body", kBody);
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ((*json)["lots"][0]["id"], 1);
}

TEST(StrictJson, DeepNestingIsRefusedBeforeAnyRecursion) {
  // 100 000 levels killed the server when the body was later dumped recursively.
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  Result<nlohmann::json> json = ParseStrictJson(deep, "the request body", kBody);
  ASSERT_FALSE(json.ok());
  EXPECT_NE(json.status().message().find("nested deeper than 64"), std::string::npos);
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_TRUE(ParseStrictJson(ok, "the request body", kBody).ok());
  const std::string one_more = std::string(65, '[') + std::string(65, ']');
  EXPECT_FALSE(ParseStrictJson(one_more, "the request body", kBody).ok());
  EXPECT_FALSE(ParseStrictJson(R"({"a":{"b":[[1]]}})", "the request body",
                               {.max_depth = 3, .root_field = "body"})
                   .ok());
  EXPECT_TRUE(ParseStrictJson(R"({"a":{"b":[1]}})", "the request body",
                              {.max_depth = 3, .root_field = "body"})
                  .ok());
}

TEST(StrictJson, DuplicateKeysAreRefusedNamingTheKey) {
  Result<nlohmann::json> json =
      ParseStrictJson(R"({"role":"auditor","role":"administrator"})", "the request body", kBody);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().field(), "role");
  EXPECT_NE(json.status().message().find("'role' appears twice"), std::string::npos);
  // The same key in two different objects is fine.
  EXPECT_TRUE(ParseStrictJson(R"({"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]})",
                              "the request body", kBody)
                  .ok());
  EXPECT_FALSE(ParseStrictJson(R"({"a":[{"id":1,"id":2}]})", "the request body", kBody).ok());
}

TEST(StrictJson, NulInStringsAndInvalidUtf8AreRefused) {
  Result<nlohmann::json> nul =
      ParseStrictJson(R"({"title":"a\u0000b"})", "the request body", kBody);
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().field(), "title");
  EXPECT_FALSE(ParseStrictJson("{\"a\\u0000\":1}", "the request body", kBody).ok());
  Result<nlohmann::json> utf8 =
      ParseStrictJson("{\"title\":\"\xC3\x28\"}", "the request body", kBody);
  ASSERT_FALSE(utf8.ok());
  EXPECT_NE(utf8.status().message().find("not valid JSON (error at byte"), std::string::npos);
  EXPECT_FALSE(ParseStrictJson("{\"a\":1", "the request body", kBody).ok());
}

}  // namespace
}  // namespace samspill

namespace samspill {
namespace {

TEST(StrictJson, ANumberBeyondDoublesRangeIsRefusedNamingTheField) {
  // Found by fuzz_json_body: the reader throws out_of_range for it, which answered 500.
  Result<nlohmann::json> json =
      ParseStrictJson(R"({"username":5e15055})", "the request body", kBody);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(json.status().field(), "username");
  EXPECT_NE(json.status().message().find("too large"), std::string::npos);
  EXPECT_EQ(ParseStrictJson("5e15055", "the request body", kBody).status().field(), "body");
  EXPECT_EQ(ParseStrictJson("[-1e400]", "the request body", kBody).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(ParseStrictJson(R"({"price":1e308})", "the request body", kBody).ok());
}

}  // namespace
}  // namespace samspill
