#include "evaluation/json_input.h"

#include <gtest/gtest.h>

#include <string>

#include "common/money.h"
#include "common/strict_json.h"

namespace samspill::evaluation {
namespace {

using nlohmann::json;

TEST(JsonInput, DocumentErrorsNameTheDocumentAndOnlyTheBytePosition) {
  Result<json> truncated = ParseStrictJson(
      "{\"title\": ", "tender draft", {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1 << 20});
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(truncated.status().message(), "tender draft is not valid JSON (error at byte 11)");
  EXPECT_EQ(truncated.status().field(), "");

  Result<json> big = ParseStrictJson(std::string(2 << 20, ' '), "tender draft",
                                     {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1 << 20});
  EXPECT_EQ(big.status().message(), "tender draft is larger than 1 MiB");
  EXPECT_EQ(ParseStrictJson("[1, 2]", "x", {.max_depth = kMaxJsonNestingDepth, .max_bytes = 5})
                .status()
                .message(),
            "x is larger than 5 bytes");

  EXPECT_FALSE(ParseStrictJson(std::string(33, '[') + std::string(33, ']'), "x",
                               {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                   .ok());
  EXPECT_TRUE(ParseStrictJson(std::string(32, '[') + std::string(32, ']'), "x",
                              {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                  .ok());
  // Brackets inside strings do not count.
  EXPECT_TRUE(ParseStrictJson("{\"a\": \"" + std::string(100, '[') + "\"}", "x",
                              {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                  .ok());
  EXPECT_EQ(ParseStrictJson("[1e999]", "x", {.max_depth = kMaxJsonNestingDepth, .max_bytes = 1000})
                .status()
                .message(),
            "x contains a number too large to represent");
}

TEST(JsonInput, UnknownKeysAreNamedWithTheirPath) {
  const json object = {{"id", "1"}, {"titel", "Skoler"}};
  Status unknown = CheckJsonKeys(object, {"id", "title"}, "lots[0]");
  EXPECT_EQ(unknown.field(), "lots[0].titel");
  EXPECT_TRUE(CheckJsonKeys(object, {"id", "titel"}, "lots[0]").ok());
  EXPECT_EQ(JsonPath("", "title"), "title");
  EXPECT_EQ(JsonMember(object, "title"), nullptr);
  ASSERT_NE(JsonMember(object, "id"), nullptr);
}

TEST(JsonInput, IntegersMayBeWrittenAsWholeFloatsWithinBounds) {
  EXPECT_EQ(*ReadJsonInteger(json(1e4), "n", 0, 20000), 10000);
  EXPECT_FALSE(ReadJsonInteger(json(1.5), "n", 0, 10).ok());
  EXPECT_FALSE(ReadJsonInteger(json(11), "n", 0, 10).ok());
  EXPECT_FALSE(ReadJsonInteger(json(-1), "n", 0, 10).ok());
  EXPECT_EQ(ReadJsonInteger(json("3"), "n", 0, 10).status().field(), "n");
  EXPECT_EQ(*ReadJsonBool(json(true), "b"), true);
  EXPECT_FALSE(ReadJsonBool(json(1), "b").ok());
}

TEST(JsonInput, MoneyIsExactAndNeverNegative) {
  EXPECT_EQ(*ReadJsonMoney(json(800000000), "v", "value"), 80'000'000'000);
  EXPECT_EQ(*ReadJsonMoney(json(99.95), "v", "value"), 9995);
  EXPECT_EQ(*ReadJsonMoney(json(0), "v", "value"), 0);
  EXPECT_EQ(*ReadJsonMoney(json(kMaxMoneyMinor / 100), "v", "value"), kMaxMoneyMinor);
  Status negative = ReadJsonMoney(json(-1), "v", "value").status();
  EXPECT_EQ(negative.message(), "value must not be negative");
  EXPECT_EQ(negative.field(), "v");
  EXPECT_EQ(ReadJsonMoney(json(-0.5), "v", "value").status().message(),
            "value must not be negative");
  EXPECT_FALSE(ReadJsonMoney(json(10.005), "v", "value").ok());
  // Whole amounts written as doubles are exact; decimals only where a double can carry them.
  EXPECT_EQ(*ReadJsonMoney(json(1e15), "v", "value"), kMaxMoneyMinor);
  EXPECT_EQ(*ReadJsonMoney(json(9999999999999.99), "v", "value"), 999'999'999'999'999);
  EXPECT_FALSE(ReadJsonMoney(json(90071992547409.93), "v", "value").ok());
  EXPECT_FALSE(ReadJsonMoney(json(kMaxMoneyMinor / 100 + 1), "v", "value").ok());
  EXPECT_FALSE(ReadJsonMoney(json("100"), "v", "value").ok());
}

}  // namespace
}  // namespace samspill::evaluation
