#include "evaluation/json_input.h"

#include <cmath>

#include "common/money.h"

namespace samspill::evaluation {
namespace {

using nlohmann::json;

// Integral JSON amounts up to this many major units convert to øre exactly.
constexpr int64_t kMaxMajorUnits = kMaxMoneyMinor / 100;
// From here on a double cannot carry two decimals reliably (its step nears an øre after
// scaling), so amounts with decimals must stay below; whole amounts are exact to the maximum.
constexpr double kMinWholeOnlyMajor = 1e13;

}  // namespace

std::string JsonPath(std::string_view path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return std::string(path) + "." + std::string(key);
}

const json* JsonMember(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Status CheckJsonKeys(const json& object, std::initializer_list<const char*> allowed,
                     const std::string& path) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : allowed) known = known || it.key() == key;
    if (known) continue;
    std::string hint;
    if (it.key() == "normalization") hint = " (did you mean 'normalisation'?)";
    return InvalidArgument("unknown field '" + it.key() + "'" + hint, JsonPath(path, it.key()));
  }
  return Status::Ok();
}

Result<std::string> ReadJsonString(const json& value, const std::string& field) {
  if (!value.is_string()) {
    return InvalidArgument("must be a string, not " + std::string(value.type_name()), field);
  }
  return value.get<std::string>();
}

Result<bool> ReadJsonBool(const json& value, const std::string& field) {
  if (!value.is_boolean()) {
    return InvalidArgument("must be true or false, not " + std::string(value.type_name()), field);
  }
  return value.get<bool>();
}

Result<double> ReadJsonNumber(const json& value, const std::string& field) {
  if (!value.is_number()) {
    return InvalidArgument("must be a number, not " + std::string(value.type_name()), field);
  }
  const double d = value.get<double>();
  if (!std::isfinite(d)) return InvalidArgument("must be a finite number", field);
  return d;
}

Result<int64_t> ReadJsonInteger(const json& value, const std::string& field, int64_t min,
                                int64_t max) {
  int64_t out = 0;
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(max)) {
      return InvalidArgument("must be at most " + std::to_string(max), field);
    }
    out = static_cast<int64_t>(u);
  } else if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || d != std::floor(d)) {
      return InvalidArgument("must be a whole number", field);
    }
    if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
      return InvalidArgument("must be from " + std::to_string(min) + " to " + std::to_string(max),
                             field);
    }
    out = static_cast<int64_t>(d);
  } else {
    return InvalidArgument("must be a whole number, not " + std::string(value.type_name()), field);
  }
  if (out < min || out > max) {
    return InvalidArgument("must be from " + std::to_string(min) + " to " + std::to_string(max),
                           field);
  }
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

}  // namespace samspill::evaluation
