// Strict reading of JSON documents that come from outside (API bodies, files, stored text): the
// typed readers for the fields of a document parsed by common/strict_json.h.
//
// Shared by the bid-table document (bid_table_json.h) and the tender codec
// (tendering/tender_json.h), so every input document fails the same way: InvalidArgument whose
// `field` is the JSON path of the problem ("bids[2].price"; empty for the document itself).
// Parse errors give only the byte position, because the input need not be valid UTF-8. Nothing
// throws out of these functions. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill::evaluation {

// Deeper documents are never ours: the limit evaluation and tendering documents are read with
// (common/strict_json.h reads them: ParseStrictJson(text, "bid table", {.max_depth =
// kMaxJsonNestingDepth, .max_bytes = …})).
inline constexpr int kMaxJsonNestingDepth = 32;

// The path of member `key` below `path`: "lots[1]" + "id" → "lots[1].id"; "" + "id" → "id".
std::string JsonPath(std::string_view path, std::string_view key);

// The member `key` of an object, or nullptr when absent.
const nlohmann::json* JsonMember(const nlohmann::json& object, const char* key);

// InvalidArgument naming the first member of `object` not in `allowed` (field path.key), so a
// misspelt setting cannot silently fall back to its default.
Status CheckJsonKeys(const nlohmann::json& object, std::initializer_list<const char*> allowed,
                     const std::string& path);

// Typed readers; `field` is the value's path, named in the error.
Result<std::string> ReadJsonString(const nlohmann::json& value, const std::string& field);
Result<bool> ReadJsonBool(const nlohmann::json& value, const std::string& field);
// A finite number.
Result<double> ReadJsonNumber(const nlohmann::json& value, const std::string& field);
// A whole number from `min` to `max`, also when written as 1e4.
Result<int64_t> ReadJsonInteger(const nlohmann::json& value, const std::string& field, int64_t min,
                                int64_t max);

// Money as a JSON number in major units with at most two decimals, not negative and at most
// kMaxMoneyMinor, in minor units (øre). Whole amounts convert exactly over the whole range;
// amounts with decimals must be below 10^13 major units, where a double still holds them
// exactly enough to print back unchanged. `what` starts the messages: "price must not be
// negative".
Result<int64_t> ReadJsonMoney(const nlohmann::json& value, const std::string& field,
                              std::string_view what);

}  // namespace samspill::evaluation
