#include "portfolio/project_json.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "common/json_fields.h"

namespace samspill::portfolio {
namespace {

using nlohmann::json;

// The API's wording: "partners[0].unit must be a string"; null stands for an absent field.
constexpr JsonFieldStyle kProjectFields{.naming = JsonNaming::kPath, .null_is_absent = true};
constexpr int64_t kMinInt = std::numeric_limits<int64_t>::min();
constexpr int64_t kMaxInt = std::numeric_limits<int64_t>::max();

// The bindings of the readers to the API's wording, which every member here is read with.
Status Text(const json& obj, std::string_view key, std::string_view path, std::string& out) {
  return AssignIfPresent(OptionalJsonString(obj, key, path, kProjectFields), out);
}

Result<std::optional<int64_t>> WholeNumber(const json& obj, std::string_view key,
                                           std::string_view path) {
  return OptionalJsonInteger(obj, key, path, kMinInt, kMaxInt, kProjectFields);
}

Result<std::optional<Date>> OptionalDate(const json& obj, const std::string& key) {
  std::string text;
  SAMSPILL_RETURN_IF_ERROR(Text(obj, key, "", text));
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = ParseIsoDate(text);
  if (!d.ok()) return InvalidArgument(key + ": " + d.status().message(), key);
  return std::optional<Date>(*d);
}

// A list member, empty when absent or null. The API's bodies have always called it a list.
Result<const json*> Array(const json& obj, const std::string& key) {
  static const json kEmpty = json::array();
  Result<const json*> list = OptionalJsonArray(obj, key, "", kProjectFields);
  if (!list.ok()) return InvalidArgument(key + " must be a list", key);
  return *list != nullptr ? *list : &kEmpty;
}

std::string Item(const std::string& list, size_t i) { return list + "[" + std::to_string(i) + "]"; }

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToIso()) : json(); }

}  // namespace

json ProjectToJson(const Project& p) {
  json partners = json::array(), contacts = json::array(), funding = json::array();
  for (const Partner& x : p.partners) {
    partners.push_back({{"organisation", x.organisation}, {"unit", x.unit}});
  }
  for (const Contact& c : p.contacts) {
    contacts.push_back(
        {{"name", c.name}, {"role", c.role}, {"organisation", c.organisation}, {"email", c.email}});
  }
  for (const Funding& f : p.funding) {
    funding.push_back({{"source", f.source},
                       {"amount", f.amount.major_as_double()},
                       {"currency", f.amount.currency}});
  }
  json out = {{"id", p.id},
              {"name", p.name},
              {"short_name", p.short_name},
              {"description", p.description},
              {"area", p.area},
              {"kind", ProjectKindName(p.kind)},
              {"status", ProjectStatusName(p.status)},
              {"partners", partners},
              {"contacts", contacts},
              {"funding", funding},
              {"start", DateOrNull(p.start)},
              {"end", DateOrNull(p.end)},
              {"applied_on", DateOrNull(p.applied_on)},
              {"registered_by_user_id", p.registered_by_user_id},
              {"registered_by", p.registered_by},
              {"facilitated_by_partnership", p.facilitated_by_partnership},
              {"value_for_municipality", p.value_for_municipality},
              {"value_for_university", p.value_for_university},
              {"merged_into", p.merged_into ? json(*p.merged_into) : json()},
              {"merged_from", p.merged_from}};
  return out;
}

Result<Project> ProjectFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(body, "", kProjectFields));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {"id",
                                                "name",
                                                "short_name",
                                                "description",
                                                "area",
                                                "kind",
                                                "status",
                                                "partners",
                                                "contacts",
                                                "funding",
                                                "start",
                                                "end",
                                                "applied_on",
                                                "registered_by_user_id",
                                                "registered_by",
                                                "facilitated_by_partnership",
                                                "value_for_municipality",
                                                "value_for_university",
                                                "merged_into",
                                                "merged_from",
                                                "version",
                                                "confirmed_distinct"}));
  Project p;
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> id, WholeNumber(body, "id", ""));
  p.id = id.value_or(0);
  SAMSPILL_RETURN_IF_ERROR(Text(body, "name", "", p.name));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "short_name", "", p.short_name));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "description", "", p.description));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "area", "", p.area));
  std::string kind;
  SAMSPILL_RETURN_IF_ERROR(Text(body, "kind", "", kind));
  if (auto k = ProjectKindFromName(kind)) {
    p.kind = *k;
  } else {
    return InvalidArgument(
        "kind must be one of research, education, innovation, outreach (not '" + kind + "')",
        "kind");
  }
  std::string status;
  SAMSPILL_RETURN_IF_ERROR(Text(body, "status", "", status));
  if (status.empty()) {
    p.status = ProjectStatus::kActive;
  } else if (auto s = ProjectStatusFromName(status)) {
    p.status = *s;
  } else {
    return InvalidArgument(
        "status must be one of idea, applied, active, completed, rejected, merged (not '" + status +
            "')",
        "status");
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* partners, Array(body, "partners"));
  for (size_t i = 0; i < partners->size(); ++i) {
    const json& x = (*partners)[i];
    const std::string f = Item("partners", i);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(x, f, kProjectFields));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(x, {"organisation", "unit"}, f));
    Partner partner;
    SAMSPILL_RETURN_IF_ERROR(Text(x, "organisation", f, partner.organisation));
    SAMSPILL_RETURN_IF_ERROR(Text(x, "unit", f, partner.unit));
    p.partners.push_back(std::move(partner));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* contacts, Array(body, "contacts"));
  for (size_t i = 0; i < contacts->size(); ++i) {
    const json& x = (*contacts)[i];
    const std::string f = Item("contacts", i);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(x, f, kProjectFields));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(x, {"name", "role", "organisation", "email"}, f));
    Contact c;
    SAMSPILL_RETURN_IF_ERROR(Text(x, "name", f, c.name));
    SAMSPILL_RETURN_IF_ERROR(Text(x, "role", f, c.role));
    SAMSPILL_RETURN_IF_ERROR(Text(x, "organisation", f, c.organisation));
    SAMSPILL_RETURN_IF_ERROR(Text(x, "email", f, c.email));
    p.contacts.push_back(std::move(c));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* funding, Array(body, "funding"));
  for (size_t i = 0; i < funding->size(); ++i) {
    const json& x = (*funding)[i];
    const std::string f = Item("funding", i);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(x, f, kProjectFields));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(x, {"source", "amount", "currency"}, f));
    Funding entry;
    SAMSPILL_RETURN_IF_ERROR(Text(x, "source", f, entry.source));
    std::string currency;
    SAMSPILL_RETURN_IF_ERROR(Text(x, "currency", f, currency));
    if (!currency.empty()) {
      if (!IsCurrencyCode(currency)) {
        return InvalidArgument("currency must be three capital letters", f + ".currency");
      }
      entry.amount.currency = currency;
    }
    Result<std::optional<double>> amount = OptionalJsonNumber(x, "amount", f, kProjectFields);
    if (!amount.ok()) return InvalidArgument("amount must be a number", f + ".amount");
    if (amount->has_value()) {
      Result<int64_t> minor = MoneyMinorFromDouble(**amount);
      if (!minor.ok()) return InvalidArgument(minor.status().message(), f + ".amount");
      entry.amount.minor = *minor;
    }
    p.funding.push_back(std::move(entry));
  }
  SAMSPILL_ASSIGN_OR_RETURN(p.start, OptionalDate(body, "start"));
  SAMSPILL_ASSIGN_OR_RETURN(p.end, OptionalDate(body, "end"));
  SAMSPILL_ASSIGN_OR_RETURN(p.applied_on, OptionalDate(body, "applied_on"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> by,
                            WholeNumber(body, "registered_by_user_id", ""));
  p.registered_by_user_id = by.value_or(0);
  SAMSPILL_RETURN_IF_ERROR(Text(body, "registered_by", "", p.registered_by));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonBool(body, "facilitated_by_partnership", "", kProjectFields),
                      p.facilitated_by_partnership));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "value_for_municipality", "", p.value_for_municipality));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "value_for_university", "", p.value_for_university));
  SAMSPILL_ASSIGN_OR_RETURN(p.merged_into, OptionalJsonInteger(body, "merged_into", "", kMinInt,
                                                               kMaxInt, kProjectFields));
  SAMSPILL_ASSIGN_OR_RETURN(const json* merged_from, Array(body, "merged_from"));
  for (const json& id_json : *merged_from) {
    Result<int64_t> id = ReadJsonInteger(id_json, "merged_from", kMinInt, kMaxInt);
    if (!id.ok()) return InvalidArgument("merged_from must list project ids", "merged_from");
    p.merged_from.push_back(*id);
  }
  return p;
}

json IndicatorToJson(const Indicator& ind) {
  json figures = json::array();
  for (const YearFigure& f : ind.figures) {
    figures.push_back({{"year", f.year},
                       {"value", f.value ? json(*f.value) : json()},
                       {"note", f.note},
                       {"counted", f.counted}});
  }
  json out = {{"id", ind.id},
              {"category", ind.category},
              {"name", ind.name},
              {"unit", ind.unit},
              {"target_kind", TargetKindName(ind.target_kind)},
              {"target", ind.target ? json(*ind.target) : json()},
              {"figures", figures},
              {"period_total", ind.period_total ? json(*ind.period_total) : json()},
              {"note", ind.note},
              {"decimals", ind.decimals},
              {"count_rule", json()}};
  if (ind.count_rule) {
    json kinds = json::array();
    for (ProjectKind k : ind.count_rule->kinds) kinds.push_back(ProjectKindName(k));
    out["count_rule"] = {{"kinds", kinds},
                         {"granted_only", ind.count_rule->granted_only},
                         {"facilitated_only", ind.count_rule->facilitated_only}};
  }
  return out;
}

Result<Indicator> IndicatorFromJson(const json& body) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(body, "", kProjectFields));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      body, {"id", "category", "name", "unit", "target_kind", "target", "figures", "period_total",
             "note", "decimals", "count_rule", "version", "attainment"}));
  Indicator ind;
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> id, WholeNumber(body, "id", ""));
  ind.id = id.value_or(0);
  SAMSPILL_RETURN_IF_ERROR(Text(body, "category", "", ind.category));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "name", "", ind.name));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "unit", "", ind.unit));
  if (ind.unit.empty()) ind.unit = "antall";
  std::string kind;
  SAMSPILL_RETURN_IF_ERROR(Text(body, "target_kind", "", kind));
  auto k = TargetKindFromName(kind);
  if (!k) {
    return InvalidArgument(
        "target_kind must be one of per_year, period_total, increase_over_period, "
        "increase_each_edition, none, reach_by_last_year",
        "target_kind");
  }
  ind.target_kind = *k;
  SAMSPILL_ASSIGN_OR_RETURN(ind.target, WholeNumber(body, "target", ""));
  SAMSPILL_ASSIGN_OR_RETURN(ind.period_total, OptionalJsonInteger(body, "period_total", "", kMinInt,
                                                                  kMaxInt, kProjectFields));
  SAMSPILL_RETURN_IF_ERROR(Text(body, "note", "", ind.note));
  // Optional: indicators written before values could carry decimals are whole numbers.
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonInteger(body, "decimals", "", 0, 2, kProjectFields), ind.decimals));
  SAMSPILL_ASSIGN_OR_RETURN(const json* figures, Array(body, "figures"));
  for (size_t i = 0; i < figures->size(); ++i) {
    const json& x = (*figures)[i];
    const std::string f = Item("figures", i);
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(x, f, kProjectFields));
    SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(x, {"year", "value", "note", "counted"}, f));
    YearFigure fig;
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> year, WholeNumber(x, "year", f));
    if (!year) return InvalidArgument("a figure needs a year", f + ".year");
    fig.year = static_cast<int>(*year);
    SAMSPILL_ASSIGN_OR_RETURN(fig.value, WholeNumber(x, "value", f));
    SAMSPILL_RETURN_IF_ERROR(Text(x, "note", f, fig.note));
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonBool(x, "counted", f, kProjectFields), fig.counted));
    ind.figures.push_back(std::move(fig));
  }
  auto rule = body.find("count_rule");
  if (rule != body.end() && !rule->is_null()) {
    SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(*rule, "count_rule", kProjectFields));
    SAMSPILL_RETURN_IF_ERROR(
        CheckJsonKeys(*rule, {"kinds", "granted_only", "facilitated_only"}, "count_rule"));
    CountRule r;
    SAMSPILL_ASSIGN_OR_RETURN(const json* kinds, Array(*rule, "kinds"));
    for (const json& name : *kinds) {
      auto pk = name.is_string() ? ProjectKindFromName(name.get<std::string>()) : std::nullopt;
      if (!pk) return InvalidArgument("count_rule.kinds lists an unknown kind", "count_rule.kinds");
      r.kinds.push_back(*pk);
    }
    SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
        OptionalJsonBool(*rule, "granted_only", "count_rule", kProjectFields), r.granted_only));
    SAMSPILL_RETURN_IF_ERROR(
        AssignIfPresent(OptionalJsonBool(*rule, "facilitated_only", "count_rule", kProjectFields),
                        r.facilitated_only));
    ind.count_rule = r;
  }
  return ind;
}

json AttainmentToJson(const IndicatorAttainment& a) {
  json years = json::array();
  for (const YearAttainment& y : a.years) {
    years.push_back({{"year", y.year},
                     {"value", y.value ? json(*y.value) : json()},
                     {"target", y.target ? json(*y.target) : json()},
                     {"state", AttainmentName(y.state)},
                     {"note", y.note}});
  }
  return {{"years", years},
          {"period", AttainmentName(a.period)},
          {"period_value", a.period_value ? json(*a.period_value) : json()},
          {"years_met", a.years_met},
          {"years_with_target", a.years_with_target},
          {"summary", a.summary_nb}};
}

}  // namespace samspill::portfolio
