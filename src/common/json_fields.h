// The typed readers for the fields of a JSON document parsed by common/strict_json.h: request
// bodies, bid tables, tender drafts and snapshots, stored rows. One set, so every document
// refuses a missing field, a wrong type, a number out of range and an unknown key the same way:
// InvalidArgument whose `field` is the JSON path of the problem ("bids[2].price"; empty for the
// document itself).
//
// The documents word their messages differently, and those messages are already shown to users
// (the pages translate some of them, web/messages.cc) and asserted by tests; a JsonFieldStyle
// says which wording a document uses, so each keeps its own while the checks are shared.
//
// Paths: `field` is the path of a value at hand; `path` is the path of the object a member
// `key` is read from ("" for the document itself). Nothing throws out of these functions. Pure
// functions; thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/status.h"

namespace samspill {

// How a message names the field; the path is in Status::field() whichever is chosen.
enum class JsonNaming {
  // "must be a string, not number", "missing title": the message leaves the path to `field`
  // and names the type found, for documents read from files (the CLI prints the path apart).
  kBare,
  // "lots[0].title must be a string", "missing title".
  kPath,
  // "'title' must be a string", "'title' is required".
  kQuotedPath,
};

struct JsonFieldStyle {
  JsonNaming naming = JsonNaming::kBare;
  // An explicit null reads as an absent optional member, for documents whose writers put null
  // for "none" (stored rows, the API's bodies). Otherwise null is a value of the wrong type, so
  // a strict document cannot leave a setting unset by accident. A required member is never null.
  bool null_is_absent = false;
};

// The path of member `key` below `path`: "lots[1]" + "id" → "lots[1].id"; "" + "id" → "id".
std::string JsonPath(std::string_view path, std::string_view key);

// The member `key` of an object, or nullptr when it is absent.
const nlohmann::json* JsonMember(const nlohmann::json& object, std::string_view key);

// InvalidArgument "unknown field 'titel'" naming the first member of `object` not in `allowed`
// (field path.key), so a misspelt setting cannot silently fall back to its default. A key that
// is an allowed one spelt with z for s ("normalization") is pointed to it.
Status CheckJsonKeys(const nlohmann::json& object, std::initializer_list<std::string_view> allowed,
                     std::string_view path = {});

// ---- A value at hand; `field` is its path.

Status CheckJsonObject(const nlohmann::json& value, const std::string& field,
                       const JsonFieldStyle& style = {});
Status CheckJsonArray(const nlohmann::json& value, const std::string& field,
                      const JsonFieldStyle& style = {});
Result<std::string> ReadJsonString(const nlohmann::json& value, const std::string& field,
                                   const JsonFieldStyle& style = {});
Result<bool> ReadJsonBool(const nlohmann::json& value, const std::string& field,
                          const JsonFieldStyle& style = {});
// A finite number.
Result<double> ReadJsonNumber(const nlohmann::json& value, const std::string& field,
                              const JsonFieldStyle& style = {});
// A whole number from `min` to `max`, also when written as 1e4 or 3.0; 3.5 is refused.
Result<int64_t> ReadJsonInteger(const nlohmann::json& value, const std::string& field, int64_t min,
                                int64_t max, const JsonFieldStyle& style = {});

// Money as a JSON number in major units with at most two decimals, not negative and at most
// kMaxMoneyMinor, in minor units (øre). Whole amounts convert exactly over the whole range;
// amounts with decimals must be below 10^13 major units, where a double still holds them
// exactly enough to print back unchanged. `what` starts the messages: "price must not be
// negative".
Result<int64_t> ReadJsonMoney(const nlohmann::json& value, const std::string& field,
                              std::string_view what);

// ---- Member `key` of `object`, which the caller has checked is an object.

// The member, or "missing key" ("'key' is required" under kQuotedPath).
Result<const nlohmann::json*> RequiredJsonMember(const nlohmann::json& object, std::string_view key,
                                                 std::string_view path,
                                                 const JsonFieldStyle& style = {});
Result<std::string> RequiredJsonString(const nlohmann::json& object, std::string_view key,
                                       std::string_view path, const JsonFieldStyle& style = {});
Result<bool> RequiredJsonBool(const nlohmann::json& object, std::string_view key,
                              std::string_view path, const JsonFieldStyle& style = {});
Result<double> RequiredJsonNumber(const nlohmann::json& object, std::string_view key,
                                  std::string_view path, const JsonFieldStyle& style = {});
Result<int64_t> RequiredJsonInteger(const nlohmann::json& object, std::string_view key,
                                    std::string_view path, int64_t min, int64_t max,
                                    const JsonFieldStyle& style = {});

// Optional members: nullopt (nullptr for objects and arrays) when absent, or null under
// style.null_is_absent.
Result<std::optional<std::string>> OptionalJsonString(const nlohmann::json& object,
                                                      std::string_view key, std::string_view path,
                                                      const JsonFieldStyle& style = {});
Result<std::optional<bool>> OptionalJsonBool(const nlohmann::json& object, std::string_view key,
                                             std::string_view path,
                                             const JsonFieldStyle& style = {});
Result<std::optional<double>> OptionalJsonNumber(const nlohmann::json& object, std::string_view key,
                                                 std::string_view path,
                                                 const JsonFieldStyle& style = {});
Result<std::optional<int64_t>> OptionalJsonInteger(const nlohmann::json& object,
                                                   std::string_view key, std::string_view path,
                                                   int64_t min, int64_t max,
                                                   const JsonFieldStyle& style = {});
Result<const nlohmann::json*> OptionalJsonObject(const nlohmann::json& object, std::string_view key,
                                                 std::string_view path,
                                                 const JsonFieldStyle& style = {});
Result<const nlohmann::json*> OptionalJsonArray(const nlohmann::json& object, std::string_view key,
                                                std::string_view path,
                                                const JsonFieldStyle& style = {});

// Stores an optional member's value in `out` when the document has it, so a field keeps its
// default otherwise: SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(…), d.title)).
// An integer already range-checked narrows into a smaller `out` (int) without loss.
template <typename T, typename Out>
Status AssignIfPresent(Result<std::optional<T>> read, Out& out) {
  if (!read.ok()) return read.status();
  if (read->has_value()) out = static_cast<Out>(std::move(**read));
  return Status::Ok();
}

}  // namespace samspill
