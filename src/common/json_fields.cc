#include "common/json_fields.h"

#include <cmath>

#include "common/money.h"

namespace samspill {
namespace {

using nlohmann::json;

// Integral JSON amounts up to this many major units convert to øre exactly.
constexpr int64_t kMaxMajorUnits = kMaxMoneyMinor / 100;
// From here on a double cannot carry two decimals reliably (its step nears an øre after
// scaling), so amounts with decimals must stay below; whole amounts are exact to the maximum.
constexpr double kMinWholeOnlyMajor = 1e13;
// 2^63: the first double above every int64_t, which converting would overflow.
constexpr double kInt64Bound = 9223372036854775808.0;

// The start of a message about `field`, by the document's wording.
std::string Subject(const std::string& field, const JsonFieldStyle& style) {
  switch (style.naming) {
    case JsonNaming::kBare:
      return {};
    case JsonNaming::kPath:
      return field.empty() ? std::string() : field + " ";
    case JsonNaming::kQuotedPath:
      return "'" + field + "' ";
  }
  return {};
}

// `rule` broken ("must be from 1 to 10"), in the document's wording.
Status Refuse(const std::string& field, const JsonFieldStyle& style, const std::string& rule) {
  return InvalidArgument(Subject(field, style) + rule, field);
}

// `value` is not `expected` ("a string"); bare messages also name what was found instead.
Status WrongType(const json& value, const std::string& field, const JsonFieldStyle& style,
                 const std::string& expected) {
  if (style.naming == JsonNaming::kBare) {
    return InvalidArgument("must be " + expected + ", not " + std::string(value.type_name()),
                           field);
  }
  return Refuse(field, style, "must be " + expected);
}

std::string RangeRule(int64_t min, int64_t max) {
  return "must be from " + std::to_string(min) + " to " + std::to_string(max);
}

// The member `key` unless it is absent (or null where that means absent).
const json* PresentMember(const json& object, std::string_view key, const JsonFieldStyle& style) {
  const json* value = JsonMember(object, key);
  if (value != nullptr && value->is_null() && style.null_is_absent) return nullptr;
  return value;
}

// An optional member read by `read` (a value reader), nullopt when it is not present.
template <typename T, typename Read>
Result<std::optional<T>> ReadOptional(const json& object, std::string_view key,
                                      std::string_view path, const JsonFieldStyle& style,
                                      Read read) {
  const json* value = PresentMember(object, key, style);
  if (value == nullptr) return std::optional<T>();
  SAMSPILL_ASSIGN_OR_RETURN(T out, read(*value, JsonPath(path, key)));
  return std::optional<T>(std::move(out));
}

// An optional object or array member, nullptr when it is not present.
Result<const json*> OptionalContainer(const json& object, std::string_view key,
                                      std::string_view path, const JsonFieldStyle& style,
                                      Status (*check)(const json&, const std::string&,
                                                      const JsonFieldStyle&)) {
  const json* value = PresentMember(object, key, style);
  if (value == nullptr) return value;
  SAMSPILL_RETURN_IF_ERROR(check(*value, JsonPath(path, key), style));
  return value;
}

// `key` with every z written s: British and American spellings of the same field name.
std::string WithS(std::string key) {
  for (char& c : key) {
    if (c == 'z') c = 's';
  }
  return key;
}

}  // namespace

std::string JsonPath(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return std::string(path) + "." + std::string(key);
}

const json* JsonMember(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Status CheckJsonKeys(const json& object, std::initializer_list<std::string_view> allowed,
                     std::string_view path) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (std::string_view key : allowed) known = known || it.key() == key;
    if (known) continue;
    std::string hint;
    const std::string respelt = WithS(it.key());
    for (std::string_view key : allowed) {
      if (respelt == key) hint = " (did you mean '" + respelt + "'?)";
    }
    return InvalidArgument("unknown field '" + it.key() + "'" + hint, JsonPath(path, it.key()));
  }
  return Status::Ok();
}

Status CheckJsonObject(const json& value, const std::string& field, const JsonFieldStyle& style) {
  if (value.is_object()) return Status::Ok();
  return WrongType(value, field, style, "an object");
}

Status CheckJsonArray(const json& value, const std::string& field, const JsonFieldStyle& style) {
  if (value.is_array()) return Status::Ok();
  return WrongType(value, field, style, "an array");
}

Result<std::string> ReadJsonString(const json& value, const std::string& field,
                                   const JsonFieldStyle& style) {
  if (!value.is_string()) return WrongType(value, field, style, "a string");
  return value.get<std::string>();
}

Result<bool> ReadJsonBool(const json& value, const std::string& field,
                          const JsonFieldStyle& style) {
  if (!value.is_boolean()) return WrongType(value, field, style, "true or false");
  return value.get<bool>();
}

Result<double> ReadJsonNumber(const json& value, const std::string& field,
                              const JsonFieldStyle& style) {
  if (!value.is_number()) return WrongType(value, field, style, "a number");
  const double d = value.get<double>();
  if (!std::isfinite(d)) return Refuse(field, style, "must be a finite number");
  return d;
}

Result<int64_t> ReadJsonInteger(const json& value, const std::string& field, int64_t min,
                                int64_t max, const JsonFieldStyle& style) {
  int64_t out = 0;
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (max < 0 || u > static_cast<uint64_t>(max)) {
      return Refuse(field, style, "must be at most " + std::to_string(max));
    }
    out = static_cast<int64_t>(u);
  } else if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || d != std::floor(d)) {
      return Refuse(field, style, "must be a whole number");
    }
    // The bounds as doubles may round up to 2^63, which no int64_t holds.
    if (d < static_cast<double>(min) || d > static_cast<double>(max) || d >= kInt64Bound) {
      return Refuse(field, style, RangeRule(min, max));
    }
    out = static_cast<int64_t>(d);
  } else {
    return WrongType(value, field, style, "a whole number");
  }
  if (out < min || out > max) return Refuse(field, style, RangeRule(min, max));
  return out;
}

Result<int64_t> ReadJsonMoney(const json& value, const std::string& field, std::string_view what) {
  const std::string name(what);
  if (!value.is_number()) {
    return InvalidArgument(name + " must be a number, not " + std::string(value.type_name()),
                           field);
  }
  int64_t minor = 0;
  if (value.is_number_unsigned()) {
    // Whole amounts convert exactly, also above 2^53 øre.
    if (value.get<uint64_t>() > static_cast<uint64_t>(kMaxMajorUnits)) {
      return InvalidArgument(name + " is too large", field);
    }
    minor = value.get<int64_t>() * 100;
  } else if (value.is_number_integer()) {
    const int64_t major = value.get<int64_t>();
    if (major < 0) return InvalidArgument(name + " must not be negative", field);
    if (major > kMaxMajorUnits) return InvalidArgument(name + " is too large", field);
    minor = major * 100;
  } else {
    const double major = value.get<double>();
    if (std::isfinite(major) && major == std::floor(major)) {
      // Written with a decimal point or an exponent (1e6) but whole: exact, like an integer.
      if (major < 0) return InvalidArgument(name + " must not be negative", field);
      if (major > static_cast<double>(kMaxMajorUnits)) {
        return InvalidArgument(name + " is too large", field);
      }
      minor = static_cast<int64_t>(major) * 100;
    } else if (std::isfinite(major) && std::fabs(major) >= kMinWholeOnlyMajor) {
      if (major < 0) return InvalidArgument(name + " must not be negative", field);
      return InvalidArgument(name + " of 10000000000000 or more must be a whole amount", field);
    } else {
      Result<int64_t> parsed = MoneyMinorFromDouble(major, /*allow_negative=*/true);
      if (!parsed.ok()) return InvalidArgument(name + ": " + parsed.status().message(), field);
      minor = *parsed;
    }
  }
  if (minor < 0) return InvalidArgument(name + " must not be negative", field);
  if (minor > kMaxMoneyMinor) return InvalidArgument(name + " is too large", field);
  return minor;
}

Result<const json*> RequiredJsonMember(const json& object, std::string_view key,
                                       std::string_view path, const JsonFieldStyle& style) {
  if (const json* value = JsonMember(object, key)) return value;
  const std::string field = JsonPath(path, key);
  if (style.naming == JsonNaming::kQuotedPath) {
    return InvalidArgument("'" + field + "' is required", field);
  }
  return InvalidArgument("missing " + std::string(key), field);
}

Result<std::string> RequiredJsonString(const json& object, std::string_view key,
                                       std::string_view path, const JsonFieldStyle& style) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* value, RequiredJsonMember(object, key, path, style));
  return ReadJsonString(*value, JsonPath(path, key), style);
}

Result<bool> RequiredJsonBool(const json& object, std::string_view key, std::string_view path,
                              const JsonFieldStyle& style) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* value, RequiredJsonMember(object, key, path, style));
  return ReadJsonBool(*value, JsonPath(path, key), style);
}

Result<double> RequiredJsonNumber(const json& object, std::string_view key, std::string_view path,
                                  const JsonFieldStyle& style) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* value, RequiredJsonMember(object, key, path, style));
  return ReadJsonNumber(*value, JsonPath(path, key), style);
}

Result<int64_t> RequiredJsonInteger(const json& object, std::string_view key, std::string_view path,
                                    int64_t min, int64_t max, const JsonFieldStyle& style) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* value, RequiredJsonMember(object, key, path, style));
  return ReadJsonInteger(*value, JsonPath(path, key), min, max, style);
}

Result<std::optional<std::string>> OptionalJsonString(const json& object, std::string_view key,
                                                      std::string_view path,
                                                      const JsonFieldStyle& style) {
  return ReadOptional<std::string>(
      object, key, path, style,
      [&](const json& v, const std::string& field) { return ReadJsonString(v, field, style); });
}

Result<std::optional<bool>> OptionalJsonBool(const json& object, std::string_view key,
                                             std::string_view path, const JsonFieldStyle& style) {
  return ReadOptional<bool>(object, key, path, style, [&](const json& v, const std::string& field) {
    return ReadJsonBool(v, field, style);
  });
}

Result<std::optional<double>> OptionalJsonNumber(const json& object, std::string_view key,
                                                 std::string_view path,
                                                 const JsonFieldStyle& style) {
  return ReadOptional<double>(
      object, key, path, style,
      [&](const json& v, const std::string& field) { return ReadJsonNumber(v, field, style); });
}

Result<std::optional<int64_t>> OptionalJsonInteger(const json& object, std::string_view key,
                                                   std::string_view path, int64_t min, int64_t max,
                                                   const JsonFieldStyle& style) {
  return ReadOptional<int64_t>(object, key, path, style,
                               [&](const json& v, const std::string& field) {
                                 return ReadJsonInteger(v, field, min, max, style);
                               });
}

Result<const json*> OptionalJsonObject(const json& object, std::string_view key,
                                       std::string_view path, const JsonFieldStyle& style) {
  return OptionalContainer(object, key, path, style, &CheckJsonObject);
}

Result<const json*> OptionalJsonArray(const json& object, std::string_view key,
                                      std::string_view path, const JsonFieldStyle& style) {
  return OptionalContainer(object, key, path, style, &CheckJsonArray);
}

}  // namespace samspill
