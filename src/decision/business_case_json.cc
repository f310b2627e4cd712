#include "decision/business_case_json.h"

#include <cmath>

#include "common/json_fields.h"
#include "common/strict_json.h"

namespace samspill::decision {
namespace {

using nlohmann::json;

constexpr JsonFieldStyle kStyle{JsonNaming::kPath, false};
constexpr int64_t kMaxAmount = 1'000'000'000'000'000;  // 10^15 kroner

std::string Index(std::string_view list, size_t i) {
  return std::string(list) + "[" + std::to_string(i) + "]";
}

Result<int> Year(const json& object, std::string_view key, const std::string& path) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t y, RequiredJsonInteger(object, key, path, 1900, 2200, kStyle));
  return static_cast<int>(y);
}

Status ReadDiscount(const json& doc, DiscountRates& rates) {
  SAMSPILL_ASSIGN_OR_RETURN(const json* d, OptionalJsonObject(doc, "discount", "", kStyle));
  if (d == nullptr) return Status::Ok();
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(*d, {"first_40_years", "years_41_to_75", "after_75_years"}, "discount"));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonNumber(*d, "first_40_years", "discount", kStyle), rates.first_40_years));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonNumber(*d, "years_41_to_75", "discount", kStyle), rates.years_41_to_75));
  return AssignIfPresent(OptionalJsonNumber(*d, "after_75_years", "discount", kStyle),
                         rates.after_75_years);
}

Result<CaseItem> ReadItem(const json& value, const std::string& path) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(value, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      value, {"alternative", "name", "kind", "year", "low", "base", "high", "uncertain"}, path));
  CaseItem item;
  SAMSPILL_ASSIGN_OR_RETURN(item.alternative_id,
                            RequiredJsonString(value, "alternative", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(item.name, RequiredJsonString(value, "name", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(std::string kind, RequiredJsonString(value, "kind", path, kStyle));
  if (kind == "saving") {
    item.kind = ItemKind::kSaving;
  } else if (kind == "cost") {
    item.kind = ItemKind::kCost;
  } else {
    return InvalidArgument("kind is \"saving\" or \"cost\", not \"" + kind + "\"",
                           JsonPath(path, "kind"));
  }
  SAMSPILL_ASSIGN_OR_RETURN(item.year, Year(value, "year", path));
  SAMSPILL_ASSIGN_OR_RETURN(item.base,
                            RequiredJsonInteger(value, "base", path, 0, kMaxAmount, kStyle));
  item.low = item.high = item.base;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(value, "low", path, 0, kMaxAmount, kStyle), item.low));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonInteger(value, "high", path, 0, kMaxAmount, kStyle), item.high));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(value, "uncertain", path, kStyle), item.uncertain));
  return item;
}

// A Status from ValidateCase names the case's own paths ("items[3].alternative_id"); the
// document calls that member "alternative".
Status InDocumentTerms(Status s) {
  std::string field = s.field();
  const std::string from = ".alternative_id";
  if (const size_t at = field.find(from); at != std::string::npos) {
    field.replace(at, from.size(), ".alternative");
  }
  if (field == "baseline_id") field = "baseline";
  return Status(s.code(), s.message(), field);
}

double Round(double v) { return std::round(v); }

}  // namespace

Result<CaseDocument> ParseBusinessCaseJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(
      json doc,
      ParseStrictJson(text, "business case", {.max_depth = 16, .max_bytes = kMaxCaseJsonBytes}));
  return BusinessCaseFromJson(doc);
}

json BusinessCaseToJson(const CaseDocument& document) {
  const BusinessCase& c = document.business_case;
  json out = json::object();
  out["first_year"] = c.first_year;
  out["last_year"] = c.last_year;
  out["baseline"] = c.baseline_id;
  out["discount"] = {{"first_40_years", c.discount.first_40_years},
                     {"years_41_to_75", c.discount.years_41_to_75},
                     {"after_75_years", c.discount.after_75_years}};
  json alternatives = json::array();
  for (const Alternative& a : c.alternatives) {
    alternatives.push_back({{"id", a.id}, {"name", a.name}});
  }
  out["alternatives"] = std::move(alternatives);
  json items = json::array();
  for (const CaseItem& i : c.items) {
    items.push_back({{"alternative", i.alternative_id},
                     {"name", i.name},
                     {"kind", i.kind == ItemKind::kSaving ? "saving" : "cost"},
                     {"year", i.year},
                     {"low", i.low},
                     {"base", i.base},
                     {"high", i.high},
                     {"uncertain", i.uncertain}});
  }
  out["items"] = std::move(items);
  json costs = json::array();
  for (const OperatingCost& o : c.operating_costs) {
    costs.push_back({{"year", o.year}, {"amount", o.amount}});
  }
  out["operating_costs"] = std::move(costs);
  out["monte_carlo"] = {{"seed", document.monte_carlo.seed}, {"draws", document.monte_carlo.draws}};
  return out;
}

Result<CaseDocument> BusinessCaseFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(doc, {"first_year", "last_year", "baseline", "discount", "alternatives",
                          "items", "operating_costs", "monte_carlo"}));
  CaseDocument out;
  BusinessCase& c = out.business_case;
  SAMSPILL_ASSIGN_OR_RETURN(c.first_year, Year(doc, "first_year", ""));
  SAMSPILL_ASSIGN_OR_RETURN(c.last_year, Year(doc, "last_year", ""));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "baseline", "", kStyle), c.baseline_id));
  SAMSPILL_RETURN_IF_ERROR(ReadDiscount(doc, c.discount));

  SAMSPILL_ASSIGN_OR_RETURN(const json* alternatives,
                            RequiredJsonMember(doc, "alternatives", "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonArray(*alternatives, "alternatives", kStyle));
  if (alternatives->size() > static_cast<size_t>(kMaxAlternatives)) {
    return InvalidArgument("at most " + std::to_string(kMaxAlternatives) + " alternatives",
                           "alternatives");
  }
  for (size_t i = 0; i < alternatives->size(); ++i) {
    const json& a = (*alternatives)[i];
    const std::string path = Index("alternatives", i);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(a, path, kStyle));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(a, {"id", "name"}, path));
    Alternative alt;
    SAMSPILL_ASSIGN_OR_RETURN(alt.id, RequiredJsonString(a, "id", path, kStyle));
    SAMSPILL_ASSIGN_OR_RETURN(alt.name, RequiredJsonString(a, "name", path, kStyle));
    c.alternatives.push_back(std::move(alt));
  }

  SAMSPILL_ASSIGN_OR_RETURN(const json* items, OptionalJsonArray(doc, "items", "", kStyle));
  if (items != nullptr) {
    if (items->size() > static_cast<size_t>(kMaxItems)) {
      return InvalidArgument("at most " + std::to_string(kMaxItems) + " items", "items");
    }
    for (size_t i = 0; i < items->size(); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(CaseItem item, ReadItem((*items)[i], Index("items", i)));
      c.items.push_back(std::move(item));
    }
  }

  SAMSPILL_ASSIGN_OR_RETURN(const json* costs,
                            OptionalJsonArray(doc, "operating_costs", "", kStyle));
  if (costs != nullptr) {
    if (costs->size() > static_cast<size_t>(kMaxPeriodYears)) {
      return InvalidArgument("at most one operating cost a year", "operating_costs");
    }
    for (size_t i = 0; i < costs->size(); ++i) {
      const json& o = (*costs)[i];
      const std::string path = Index("operating_costs", i);
      SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(o, path, kStyle));
      SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(o, {"year", "amount"}, path));
      OperatingCost cost;
      SAMSPILL_ASSIGN_OR_RETURN(cost.year, Year(o, "year", path));
      SAMSPILL_ASSIGN_OR_RETURN(cost.amount,
                                RequiredJsonInteger(o, "amount", path, 0, kMaxAmount, kStyle));
      c.operating_costs.push_back(cost);
    }
  }

  SAMSPILL_ASSIGN_OR_RETURN(const json* mc, OptionalJsonObject(doc, "monte_carlo", "", kStyle));
  if (mc != nullptr) {
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(*mc, {"seed", "draws"}, "monte_carlo"));
    std::optional<int64_t> seed;
    SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
        OptionalJsonInteger(*mc, "seed", "monte_carlo", 0, int64_t{1} << 53, kStyle), seed));
    if (seed) out.monte_carlo.seed = static_cast<uint64_t>(*seed);
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonInteger(*mc, "draws", "monte_carlo", 1, 1'000'000, kStyle),
                        out.monte_carlo.draws));
  }
  SAMSPILL_RETURN_IF_ERROR(InDocumentTerms(ValidateCase(c)));
  return out;
}

Result<json> BusinessCaseReportJson(const CaseDocument& document) {
  const BusinessCase& c = document.business_case;
  SAMSPILL_ASSIGN_OR_RETURN(CaseTotals totals, ComputeTotals(c));
  SAMSPILL_ASSIGN_OR_RETURN(MonteCarloResult draws, MonteCarlo(c, document.monte_carlo));
  json out = json::object();
  out["period"] = {{"first_year", c.first_year}, {"last_year", c.last_year}};
  out["baseline"] = c.baseline_id;
  out["discount"] = {{"first_40_years", c.discount.first_40_years},
                     {"years_41_to_75", c.discount.years_41_to_75},
                     {"after_75_years", c.discount.after_75_years},
                     {"convention",
                      "the first year of the period is year 0 and is not discounted; year t is "
                      "discounted by (1 + r)^-(t - first_year)"}};
  json list = json::array();
  for (size_t a = 0; a < totals.alternatives.size(); ++a) {
    const AlternativeTotals& t = totals.alternatives[a];
    list.push_back({{"alternative", t.alternative_id},
                    {"name", c.alternatives[a].name},
                    {"savings", t.savings},
                    {"costs", t.costs},
                    {"net", t.net},
                    {"net_present_value", Round(t.net_present_value)},
                    {"net_low", t.net_low},
                    {"net_high", t.net_high},
                    {"uncertain_net", t.uncertain_net},
                    {"uncertain_items", t.uncertain_items},
                    {"difference", t.difference},
                    {"difference_present_value", Round(t.difference_present_value)},
                    {"share_of_operating_costs",
                     t.has_share ? json(t.share_of_operating_costs) : json(nullptr)}});
  }
  out["totals"] = std::move(list);
  json ranges = json::array();
  for (const AlternativeRange& r : draws.alternatives) {
    ranges.push_back({{"alternative", r.alternative_id},
                      {"p10", Round(r.p10)},
                      {"p50", Round(r.p50)},
                      {"p90", Round(r.p90)},
                      {"mean", Round(r.mean)},
                      {"probability_better_than_baseline", r.probability_better_than_baseline}});
  }
  out["monte_carlo"] = {{"seed", draws.seed}, {"draws", draws.draws}, {"alternatives", ranges}};
  return out;
}

}  // namespace samspill::decision
