// The one reader of JSON that arrives from outside — request bodies, bid tables and tender
// drafts from files, stored documents read back: nlohmann-json with the limits such input
// needs. Refuses with InvalidArgument, naming the document (`what`) and, where there is one,
// the field: text longer than the limit; malformed JSON and invalid UTF-8 (with the byte
// offset only, since the input need not be printable); nesting deeper than the limit (checked
// while parsing, so no later recursive walk or destructor can exhaust the stack); an object
// with the same key twice (which readers resolve differently); NUL characters in keys and
// strings (which a database column and the JSON copy would keep differently); and a number
// beyond the range of a double. Nothing throws out of it. Thread-safe.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"

namespace samspill {

struct JsonLimits {
  int max_depth = 64;                  // arrays and objects nested in each other
  size_t max_bytes = size_t{4} << 20;  // the whole text
  // The field named when the problem is the document as a whole ("body" for a request).
  std::string_view root_field;
};

// `what` names the document in messages: "the request body", "bid table", "tender draft".
Result<nlohmann::json> ParseStrictJson(std::string_view text, std::string_view what,
                                       const JsonLimits& limits = {});

}  // namespace samspill
