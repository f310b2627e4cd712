// The one reader of JSON that arrives from outside (request bodies): nlohmann-json with the
// limits a server needs. Refuses, naming the problem: malformed JSON and invalid UTF-8 (with
// the byte offset), nesting deeper than the limit (so no later recursive walk can exhaust the
// stack), an object with the same key twice (which readers resolve differently), and NUL
// characters in strings (which the store and the JSON copy would keep differently).
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"

namespace samspill::web {

struct JsonLimits {
  int max_depth = 64;  // arrays and objects nested in each other
};

Result<nlohmann::json> ParseStrictJson(std::string_view text, const JsonLimits& limits = {});

}  // namespace samspill::web
