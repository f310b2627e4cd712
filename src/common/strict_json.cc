#include "common/strict_json.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace samspill {
namespace {

using nlohmann::json;

// Thrown from the parser callback to stop at the first refused construct.
struct Refused {
  std::string message;
  std::string field;
};

// A key shown in a message: printable ASCII, cut short.
std::string Printable(std::string_view key) {
  std::string out;
  for (char c : key.substr(0, 64)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return out;
}

std::string SizeText(size_t bytes) {
  constexpr size_t kMiB = size_t{1} << 20;
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

Result<json> ParseStrictJson(std::string_view text, std::string_view what,
                             const JsonLimits& limits) {
  const std::string name(what);
  const std::string root(limits.root_field);
  if (text.size() > limits.max_bytes) {
    return InvalidArgument(name + " is larger than " + SizeText(limits.max_bytes), root);
  }
  struct Frame {
    std::unordered_set<std::string> keys;
    std::string last_key;
  };
  std::vector<Frame> objects;
  auto field = [&] { return objects.empty() ? root : objects.back().last_key; };
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        // `depth` counts the containers around this one.
        if (depth + 1 > limits.max_depth) {
          throw Refused{
              name + " is nested deeper than " + std::to_string(limits.max_depth) + " levels",
              field()};
        }
        if (event == json::parse_event_t::object_start) objects.emplace_back();
        break;
      case json::parse_event_t::object_end:
        if (!objects.empty()) objects.pop_back();
        break;
      case json::parse_event_t::key: {
        const std::string& key = parsed.get_ref<const std::string&>();
        if (key.find('\0') != std::string::npos) {
          throw Refused{name + ": a key contains a NUL character", field()};
        }
        Frame& frame = objects.back();
        if (!frame.keys.insert(key).second) {
          throw Refused{name + ": the key '" + Printable(key) + "' appears twice in one object",
                        key};
        }
        frame.last_key = key;
        break;
      }
      case json::parse_event_t::value:
        if (parsed.is_string() &&
            parsed.get_ref<const std::string&>().find('\0') != std::string::npos) {
          throw Refused{"'" + Printable(field()) + "' contains a NUL character", field()};
        }
        break;
      case json::parse_event_t::array_end:
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), callback);
  } catch (const Refused& refused) {
    return InvalidArgument(refused.message, refused.field);
  } catch (const json::parse_error& e) {
    return InvalidArgument(
        name + " is not valid JSON (error at byte " + std::to_string(e.byte) + ")", root);
  } catch (const json::out_of_range&) {
    // 406, a number beyond double's range ("5e15055"): the reader throws this one even where
    // it reports syntax errors as parse_error (found by fuzz_json_body).
    return InvalidArgument(name + " contains a number too large to represent", field());
  } catch (const json::exception&) {
    return InvalidArgument(name + " could not be read", root);
  }
}

}  // namespace samspill
