// Fuzz target for the reader of JSON request bodies (common/strict_json.h): whatever the input,
// it either refuses with InvalidArgument or returns a value that nests no deeper than the
// limit, holds no NUL in any string, and writes out to JSON that reads back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "common/strict_json.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

// The deepest nesting of arrays and objects, walked without recursion.
int Depth(const nlohmann::json& root) {
  int deepest = 0;
  std::vector<std::pair<const nlohmann::json*, int>> stack{{&root, 0}};
  while (!stack.empty()) {
    auto [value, depth] = stack.back();
    stack.pop_back();
    if (value->is_string())
      Check(value->get_ref<const std::string&>().find('\0') == std::string::npos);
    if (!value->is_structured()) continue;
    deepest = std::max(deepest, depth + 1);
    for (auto it = value->begin(); it != value->end(); ++it) {
      if (value->is_object()) Check(it.key().find('\0') == std::string::npos);
      stack.emplace_back(&*it, depth + 1);
    }
  }
  return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const JsonLimits limits{.max_depth = 16, .root_field = "body"};
  Result<nlohmann::json> json = ParseStrictJson(text, "the request body", limits);
  if (!json.ok()) {
    Check(json.status().code() == StatusCode::kInvalidArgument);
    return 0;
  }
  Check(Depth(*json) <= limits.max_depth);
  Result<nlohmann::json> again = ParseStrictJson(json->dump(), "the request body", limits);
  Check(again.ok() && *again == *json);
  return 0;
}
