#include "market/ocds/release_merger.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace samspill::market {
namespace {

using nlohmann::json;

bool IsIdentifiedObjectArray(const json& value) {
  if (!value.is_array() || value.empty()) return false;
  for (const json& element : value) {
    if (!element.is_object()) return false;
    auto id = element.find("id");
    if (id == element.end() || !(id->is_string() || id->is_number_integer())) return false;
  }
  return true;
}

std::string IdText(const json& element) {
  const json& id = element.at("id");
  return id.is_string() ? id.get<std::string>() : id.dump();
}

// A value copied into the compiled release: nulls inside it mean "absent", so drop them.
json WithoutNulls(const json& value) {
  if (value.is_object()) {
    json out = json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!it.value().is_null()) out[it.key()] = WithoutNulls(it.value());
    }
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& element : value) out.push_back(WithoutNulls(element));
    return out;
  }
  return value;
}

void MergeArrayById(json& target, const json& patch) {
  if (!IsIdentifiedObjectArray(target)) {
    // The old value was not an identified array (or was empty): the new one replaces it.
    target = json::array();
  }
  for (const json& element : patch) {
    std::string id = IdText(element);
    auto found = std::find_if(target.begin(), target.end(),
                              [&](const json& old) { return IdText(old) == id; });
    if (found == target.end()) {
      target.push_back(WithoutNulls(element));
    } else {
      MergeInto(*found, element);
    }
  }
}

}  // namespace

void MergeInto(json& target, const json& patch) {
  if (!patch.is_object()) {
    target = WithoutNulls(patch);
    return;
  }
  if (!target.is_object()) target = json::object();
  for (auto it = patch.begin(); it != patch.end(); ++it) {
    const json& value = it.value();
    if (value.is_null()) {
      target.erase(it.key());
    } else if (value.is_object()) {
      MergeInto(target[it.key()], value);
    } else if (IsIdentifiedObjectArray(value)) {
      MergeArrayById(target[it.key()], value);
    } else {
      target[it.key()] = WithoutNulls(value);
    }
  }
}

json CompileReleases(const std::vector<json>& releases) {
  std::vector<size_t> order(releases.size());
  std::iota(order.begin(), order.end(), 0);
  auto date_of = [&](size_t i) -> std::string {
    const json& r = releases[i];
    if (!r.is_object()) return "";
    auto d = r.find("date");
    return d != r.end() && d->is_string() ? d->get<std::string>() : "";
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return date_of(a) < date_of(b); });
  json compiled = json::object();
  for (size_t i : order) {
    if (releases[i].is_object()) MergeInto(compiled, releases[i]);
  }
  std::string ocid;
  if (auto o = compiled.find("ocid"); o != compiled.end() && o->is_string()) ocid = *o;
  std::string date = order.empty() ? "" : date_of(order.back());
  compiled["tag"] = json::array({"compiled"});
  compiled["id"] = ocid + "-" + date;
  if (!date.empty()) compiled["date"] = date;
  return compiled;
}

}  // namespace samspill::market
