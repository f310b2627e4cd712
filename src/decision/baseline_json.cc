#include "decision/baseline_json.h"

#include <limits>

#include "common/json_fields.h"

namespace samspill::decision {
namespace {

using nlohmann::json;

constexpr JsonFieldStyle kStyle{JsonNaming::kPath, false};
// A year's figures: null is an unknown figure, as absent is.
constexpr JsonFieldStyle kFigure{JsonNaming::kPath, true};
constexpr int64_t kIntMin = std::numeric_limits<int>::min();
constexpr int64_t kIntMax = std::numeric_limits<int>::max();
constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();
constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

std::string Index(std::string_view list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

Result<const json*> Array(const json& object, std::string_view key, const std::string& path,
                          size_t max, const std::string& what) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* a, OptionalJsonArray(object, key, path, kStyle));
  if (a != nullptr && a->size() > max) {
    return InvalidArgument("at most " + std::to_string(max) + " " + what, JsonPath(path, key));
  }
  return a;
}

Result<QualityFigure> ReadQuality(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(value, {"name", "value", "unit"}, path));
  QualityFigure q;
  SAMSPILL_ASSIGN_OR_RETURN(q.name, RequiredJsonString(value, "name", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(q.value, RequiredJsonNumber(value, "value", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(value, "unit", path, kStyle), q.unit));
  return q;
}

Result<UnitYear> ReadYear(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value,
                    {"year", "budget", "accounts", "fte", "positions", "sick_leave_percent",
                     "turnover_percent", "users", "users_by_need_level", "quality", "example"},
                    path));
  UnitYear y;
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(value, "year", path, 1900, 2200, kStyle));
  y.year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(
      y.budget, OptionalJsonInteger(value, "budget", path, kInt64Min, kInt64Max, kFigure));
  SAMSPILL_ASSIGN_OR_RETURN(
      y.accounts, OptionalJsonInteger(value, "accounts", path, kInt64Min, kInt64Max, kFigure));
  SAMSPILL_ASSIGN_OR_RETURN(y.fte, OptionalJsonNumber(value, "fte", path, kFigure));
  SAMSPILL_ASSIGN_OR_RETURN(
      std::optional<int64_t> positions,
      OptionalJsonInteger(value, "positions", path, kIntMin, kIntMax, kFigure));
  if (positions) y.positions = static_cast<int>(*positions);
  SAMSPILL_ASSIGN_OR_RETURN(y.sick_leave_percent,
                            OptionalJsonNumber(value, "sick_leave_percent", path, kFigure));
  SAMSPILL_ASSIGN_OR_RETURN(y.turnover_percent,
                            OptionalJsonNumber(value, "turnover_percent", path, kFigure));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> users,
                            OptionalJsonInteger(value, "users", path, kIntMin, kIntMax, kFigure));
  if (users) y.users = static_cast<int>(*users);
  SAMSPILL_ASSIGN_OR_RETURN(
      const json* levels, Array(value, "users_by_need_level", path, kMaxNeedLevels, "need levels"));
  if (levels != nullptr) {
    const std::string levels_path = JsonPath(path, "users_by_need_level");
    for (size_t k = 0; k < levels->size(); ++k) {
      SAMSPILL_ASSIGN_OR_RETURN(int64_t n, ReadJsonInteger((*levels)[k], Index(levels_path, k),
                                                           kIntMin, kIntMax, kStyle));
      y.users_by_need_level.push_back(static_cast<int>(n));
    }
  }
  SAMSPILL_ASSIGN_OR_RETURN(
      const json* quality,
      Array(value, "quality", path, kMaxQualityIndicators, "quality indicators"));
  if (quality != nullptr) {
    for (size_t q = 0; q < quality->size(); ++q) {
      SAMSPILL_ASSIGN_OR_RETURN(QualityFigure f,
                                ReadQuality((*quality)[q], Index(JsonPath(path, "quality"), q)));
      y.quality.push_back(std::move(f));
    }
  }
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(value, "example", path, kStyle), y.example));
  return y;
}

Result<BaselineUnit> ReadUnit(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(value, {"id", "name", "kostra_function", "years"}, path));
  BaselineUnit u;
  SAMSPILL_ASSIGN_OR_RETURN(u.id, RequiredJsonString(value, "id", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(u.name, RequiredJsonString(value, "name", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t f,
                            RequiredJsonInteger(value, "kostra_function", path, 0, 999, kStyle));
  u.kostra_function = static_cast<int>(f);
  SAMSPILL_ASSIGN_OR_RETURN(const json* years,
                            Array(value, "years", path, kMaxBaselineYears, "years a unit"));
  if (years != nullptr) {
    for (size_t j = 0; j < years->size(); ++j) {
      SAMSPILL_ASSIGN_OR_RETURN(UnitYear y,
                                ReadYear((*years)[j], Index(JsonPath(path, "years"), j)));
      u.years.push_back(std::move(y));
    }
  }
  return u;
}

Result<ComparisonLine> ReadComparison(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(value, {"name", "measure", "year", "value", "source"}, path));
  ComparisonLine c;
  SAMSPILL_ASSIGN_OR_RETURN(c.name, RequiredJsonString(value, "name", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(c.measure, RequiredJsonString(value, "measure", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t year,
                            RequiredJsonInteger(value, "year", path, 1900, 2200, kStyle));
  c.year = static_cast<int>(year);
  SAMSPILL_ASSIGN_OR_RETURN(c.value, RequiredJsonNumber(value, "value", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(c.source, RequiredJsonString(value, "source", path, kStyle));
  return c;
}

template <typename T>
void Put(json& out, const char* key, const std::optional<T>& value) {
  if (value) out[key] = *value;
}

}  // namespace

json BaselineToJson(const Baseline& b) {
  json out = json::object();
  out["grouping"] = {{"levels", b.grouping.levels}, {"is_default", b.grouping.is_default}};
  json units = json::array();
  for (const BaselineUnit& u : b.units) {
    json years = json::array();
    for (const UnitYear& y : u.years) {
      json year = {{"year", y.year}};
      Put(year, "budget", y.budget);
      Put(year, "accounts", y.accounts);
      Put(year, "fte", y.fte);
      Put(year, "positions", y.positions);
      Put(year, "sick_leave_percent", y.sick_leave_percent);
      Put(year, "turnover_percent", y.turnover_percent);
      Put(year, "users", y.users);
      if (!y.users_by_need_level.empty()) year["users_by_need_level"] = y.users_by_need_level;
      if (!y.quality.empty()) {
        json quality = json::array();
        for (const QualityFigure& q : y.quality) {
          quality.push_back({{"name", q.name}, {"value", q.value}, {"unit", q.unit}});
        }
        year["quality"] = std::move(quality);
      }
      year["example"] = y.example;
      years.push_back(std::move(year));
    }
    units.push_back({{"id", u.id},
                     {"name", u.name},
                     {"kostra_function", u.kostra_function},
                     {"years", std::move(years)}});
  }
  out["units"] = std::move(units);
  json comparisons = json::array();
  for (const ComparisonLine& c : b.comparisons) {
    comparisons.push_back({{"name", c.name},
                           {"measure", c.measure},
                           {"year", c.year},
                           {"value", c.value},
                           {"source", c.source}});
  }
  out["comparisons"] = std::move(comparisons);
  return out;
}

Result<Baseline> BaselineFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(doc, {"grouping", "units", "comparisons"}));
  Baseline b;
  SAMSPILL_ASSIGN_OR_RETURN(const json* grouping, OptionalJsonObject(doc, "grouping", "", kStyle));
  if (grouping != nullptr) {
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(*grouping, {"levels", "is_default"}, "grouping"));
    SAMSPILL_ASSIGN_OR_RETURN(const json* levels,
                              RequiredJsonMember(*grouping, "levels", "grouping", kStyle));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(*levels, "grouping.levels", kStyle));
    if (levels->size() > static_cast<size_t>(kMaxNeedLevels)) {
      return InvalidArgument("at most " + std::to_string(kMaxNeedLevels) + " need levels",
                             "grouping.levels");
    }
    b.grouping.levels.clear();
    for (size_t k = 0; k < levels->size(); ++k) {
      SAMSPILL_ASSIGN_OR_RETURN(std::string level,
                                ReadJsonString((*levels)[k], Index("grouping.levels", k), kStyle));
      b.grouping.levels.push_back(std::move(level));
    }
    b.grouping.is_default = false;
    SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
        OptionalJsonBool(*grouping, "is_default", "grouping", kStyle), b.grouping.is_default));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* units, RequiredJsonMember(doc, "units", "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(*units, "units", kStyle));
  if (units->size() > static_cast<size_t>(kMaxUnits)) {
    return InvalidArgument("at most " + std::to_string(kMaxUnits) + " units", "units");
  }
  for (size_t i = 0; i < units->size(); ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(BaselineUnit u, ReadUnit((*units)[i], Index("units", i)));
    b.units.push_back(std::move(u));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* comparisons,
                            Array(doc, "comparisons", "", 1000, "comparisons"));
  if (comparisons != nullptr) {
    for (size_t i = 0; i < comparisons->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(ComparisonLine c,
                                ReadComparison((*comparisons)[i], Index("comparisons", i)));
      b.comparisons.push_back(std::move(c));
    }
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateBaseline(b));
  return b;
}

}  // namespace samspill::decision
