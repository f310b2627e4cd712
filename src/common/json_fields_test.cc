#include "common/json_fields.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

#include "common/money.h"

namespace samspill {
namespace {

using nlohmann::json;

TEST(JsonFields, UnknownKeysAreNamedWithTheirPath) {
  const json object = {{"id", "1"}, {"titel", "Skoler"}};
  Status unknown = CheckJsonKeys(object, {"id", "title"}, "lots[0]");
  EXPECT_EQ(unknown.field(), "lots[0].titel");
  EXPECT_TRUE(CheckJsonKeys(object, {"id", "titel"}, "lots[0]").ok());
  EXPECT_EQ(JsonPath("", "title"), "title");
  EXPECT_EQ(JsonMember(object, "title"), nullptr);
  ASSERT_NE(JsonMember(object, "id"), nullptr);
}

TEST(JsonFields, IntegersMayBeWrittenAsWholeFloatsWithinBounds) {
  EXPECT_EQ(*ReadJsonInteger(json(1e4), "n", 0, 20000), 10000);
  EXPECT_FALSE(ReadJsonInteger(json(1.5), "n", 0, 10).ok());
  EXPECT_FALSE(ReadJsonInteger(json(11), "n", 0, 10).ok());
  EXPECT_FALSE(ReadJsonInteger(json(-1), "n", 0, 10).ok());
  EXPECT_EQ(ReadJsonInteger(json("3"), "n", 0, 10).status().field(), "n");
  EXPECT_EQ(*ReadJsonBool(json(true), "b"), true);
  EXPECT_FALSE(ReadJsonBool(json(1), "b").ok());
}

constexpr JsonFieldStyle kPathStyle{.naming = JsonNaming::kPath, .null_is_absent = true};
constexpr JsonFieldStyle kQuotedStyle{.naming = JsonNaming::kQuotedPath};

TEST(JsonFields, MissingFieldsAreNamedInEachWording) {
  const json object = json::object();
  Status bare = RequiredJsonString(object, "title", "lots[0]").status();
  EXPECT_EQ(bare.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bare.message(), "missing title");
  EXPECT_EQ(bare.field(), "lots[0].title");
  EXPECT_EQ(RequiredJsonBool(object, "active", "", kPathStyle).status().message(),
            "missing active");
  Status quoted = RequiredJsonString(object, "username", "", kQuotedStyle).status();
  EXPECT_EQ(quoted.message(), "'username' is required");
  EXPECT_EQ(quoted.field(), "username");
  // A required member is never null, whatever the style says of optional ones.
  const json with_null = {{"title", nullptr}};
  EXPECT_EQ(RequiredJsonString(with_null, "title", "", kPathStyle).status().message(),
            "title must be a string");
}

TEST(JsonFields, WrongTypesAreNamedInEachWording) {
  const json object = {{"title", 5}, {"active", "yes"}, {"lots", json::object()}};
  Status bare = RequiredJsonString(object, "title", "draft").status();
  EXPECT_EQ(bare.message(), "must be a string, not number");
  EXPECT_EQ(bare.field(), "draft.title");
  EXPECT_EQ(RequiredJsonString(object, "title", "partners[0]", kPathStyle).status().message(),
            "partners[0].title must be a string");
  EXPECT_EQ(RequiredJsonBool(object, "active", "", kQuotedStyle).status().message(),
            "'active' must be true or false");
  EXPECT_EQ(ReadJsonBool(json(1), "b").status().message(), "must be true or false, not number");
  EXPECT_EQ(OptionalJsonArray(object, "lots", "").status().message(),
            "must be an array, not object");
  EXPECT_EQ(OptionalJsonObject(object, "title", "", kPathStyle).status().message(),
            "title must be an object");
  EXPECT_EQ(CheckJsonObject(json::array(), "", kPathStyle).message(), "must be an object");
  EXPECT_EQ(ReadJsonNumber(json("1"), "n").status().message(), "must be a number, not string");
  EXPECT_EQ(ReadJsonNumber(json(std::nan("")), "n").status().message(), "must be a finite number");
  EXPECT_EQ(*ReadJsonNumber(json(2.5), "n"), 2.5);
}

TEST(JsonFields, IntegersAreWholeAndWithinTheirRange) {
  EXPECT_EQ(*ReadJsonInteger(json(3.0), "n", 0, 10), 3);
  Status fraction = ReadJsonInteger(json(2.5), "n", 0, 10).status();
  EXPECT_EQ(fraction.message(), "must be a whole number");
  EXPECT_EQ(fraction.field(), "n");
  EXPECT_EQ(ReadJsonInteger(json(2.5), "year", 0, 10, kPathStyle).status().message(),
            "year must be a whole number");
  EXPECT_EQ(ReadJsonInteger(json("3"), "n", 0, 10).status().message(),
            "must be a whole number, not string");
  EXPECT_EQ(ReadJsonInteger(json(11), "n", 0, 10).status().message(), "must be from 0 to 10");
  EXPECT_EQ(ReadJsonInteger(json(-1), "n", 0, 10).status().message(), "must be from 0 to 10");
  EXPECT_EQ(ReadJsonInteger(json(11.0), "n", 0, 10).status().message(), "must be from 0 to 10");
  EXPECT_EQ(ReadJsonInteger(json(uint64_t{1} << 63), "n", 0, 10).status().message(),
            "must be at most 10");
  EXPECT_FALSE(ReadJsonInteger(json(5), "n", -10, -1).ok());
  EXPECT_FALSE(ReadJsonInteger(json(uint64_t{5}), "n", -10, -1).ok());
  // The full range: 2^63 as a double is past every int64_t, though INT64_MAX rounds to it.
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  EXPECT_EQ(*ReadJsonInteger(json(kMax), "n", kMin, kMax), kMax);
  EXPECT_EQ(*ReadJsonInteger(json(kMin), "n", kMin, kMax), kMin);
  EXPECT_EQ(*ReadJsonInteger(json(-9223372036854775808.0), "n", kMin, kMax), kMin);
  EXPECT_FALSE(ReadJsonInteger(json(9223372036854775808.0), "n", kMin, kMax).ok());
  EXPECT_FALSE(ReadJsonInteger(json(1e300), "n", kMin, kMax).ok());
  EXPECT_FALSE(
      ReadJsonInteger(json(std::numeric_limits<double>::infinity()), "n", kMin, kMax).ok());
  const json object = {{"staff_years", 1e7}};
  Status range = RequiredJsonInteger(object, "staff_years", "profile", 0, 1000000).status();
  EXPECT_EQ(range.field(), "profile.staff_years");
  EXPECT_EQ(range.message(), "must be from 0 to 1000000");
}

TEST(JsonFields, UnknownFieldsAreRefusedByName) {
  const json body = {{"username", "a"}, {"rolle", "admin"}};
  Status unknown = CheckJsonKeys(body, {"username", "role"});
  EXPECT_EQ(unknown.message(), "unknown field 'rolle'");
  EXPECT_EQ(unknown.field(), "rolle");
  EXPECT_TRUE(CheckJsonKeys(json::object(), {}).ok());
  // The American spelling of an allowed key is pointed to the British one.
  const json model = {{"normalization", "none"}};
  EXPECT_EQ(CheckJsonKeys(model, {"price_model", "normalisation"}, "award_model").message(),
            "unknown field 'normalization' (did you mean 'normalisation'?)");
  EXPECT_EQ(CheckJsonKeys(model, {"price_model"}).message(), "unknown field 'normalization'");
}

TEST(JsonFields, OptionalFieldsMayBeAbsentAndNullWhereTheStyleSaysSo) {
  const json object = {{"note", nullptr}, {"count", 4}, {"done", true}};
  EXPECT_FALSE(OptionalJsonString(object, "title", "")->has_value());
  EXPECT_FALSE(OptionalJsonString(object, "note", "", kPathStyle)->has_value());
  EXPECT_EQ(OptionalJsonString(object, "note", "").status().message(),
            "must be a string, not null");
  EXPECT_EQ(OptionalJsonInteger(object, "count", "", 0, 10)->value(), 4);
  EXPECT_EQ(OptionalJsonInteger(object, "count", "x", 0, 3).status().field(), "x.count");
  EXPECT_EQ(OptionalJsonBool(object, "done", "")->value(), true);
  EXPECT_FALSE(OptionalJsonNumber(object, "share", "")->has_value());
  EXPECT_EQ(*OptionalJsonArray(object, "lots", ""), nullptr);
  EXPECT_EQ(*OptionalJsonObject(object, "note", "", kPathStyle), nullptr);

  // AssignIfPresent keeps the default of an absent field and narrows a checked integer.
  std::string title = "default";
  int count = 0;
  EXPECT_TRUE(AssignIfPresent(OptionalJsonString(object, "title", ""), title).ok());
  EXPECT_EQ(title, "default");
  EXPECT_TRUE(AssignIfPresent(OptionalJsonInteger(object, "count", "", 0, 10), count).ok());
  EXPECT_EQ(count, 4);
  std::optional<int64_t> missing;
  EXPECT_TRUE(AssignIfPresent(OptionalJsonInteger(object, "total", "", 0, 10), missing).ok());
  EXPECT_FALSE(missing.has_value());
  EXPECT_FALSE(AssignIfPresent(OptionalJsonInteger(object, "count", "", 0, 3), count).ok());
  EXPECT_EQ(count, 4);
}

TEST(JsonFields, MoneyIsExactAndNeverNegative) {
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
}  // namespace samspill
