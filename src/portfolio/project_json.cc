#include "portfolio/project_json.h"

#include <cmath>

namespace samspill::portfolio {
namespace {

using nlohmann::json;

Result<std::string> Text(const json& obj, const std::string& key, const std::string& field) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) return InvalidArgument(field + " must be a string", field);
  return it->get<std::string>();
}

Result<bool> Bool(const json& obj, const std::string& key, const std::string& field) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return false;
  if (!it->is_boolean()) return InvalidArgument(field + " must be true or false", field);
  return it->get<bool>();
}

Result<std::optional<Date>> OptionalDate(const json& obj, const std::string& key) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, Text(obj, key, key));
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = ParseIsoDate(text);
  if (!d.ok()) return InvalidArgument(key + ": " + d.status().message(), key);
  return std::optional<Date>(*d);
}

Result<std::optional<int64_t>> OptionalInt(const json& obj, const std::string& key,
                                           const std::string& field) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer()) return InvalidArgument(field + " must be a whole number", field);
  return std::optional<int64_t>(it->get<int64_t>());
}

Status CheckObject(const json& obj, const std::string& field,
                   std::initializer_list<std::string_view> allowed) {
  if (!obj.is_object()) return InvalidArgument(field + " must be an object", field);
  for (const auto& [key, value] : obj.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) {
      return InvalidArgument("unknown field '" + key + "'",
                             field.empty() ? key : field + "." + key);
    }
  }
  return Status::Ok();
}

Result<const json*> Array(const json& obj, const std::string& key) {
  static const json kEmpty = json::array();
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return &kEmpty;
  if (!it->is_array()) return InvalidArgument(key + " must be a list", key);
  return &*it;
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
  SAMSPILL_RETURN_IF_ERROR(CheckObject(body, "",
                                       {"id",
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
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> id, OptionalInt(body, "id", "id"));
  p.id = id.value_or(0);
  SAMSPILL_ASSIGN_OR_RETURN(p.name, Text(body, "name", "name"));
  SAMSPILL_ASSIGN_OR_RETURN(p.short_name, Text(body, "short_name", "short_name"));
  SAMSPILL_ASSIGN_OR_RETURN(p.description, Text(body, "description", "description"));
  SAMSPILL_ASSIGN_OR_RETURN(p.area, Text(body, "area", "area"));
  SAMSPILL_ASSIGN_OR_RETURN(std::string kind, Text(body, "kind", "kind"));
  if (auto k = ProjectKindFromName(kind)) {
    p.kind = *k;
  } else {
    return InvalidArgument(
        "kind must be one of research, education, innovation, outreach (not '" + kind + "')",
        "kind");
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::string status, Text(body, "status", "status"));
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
    SAMSPILL_RETURN_IF_ERROR(CheckObject(x, f, {"organisation", "unit"}));
    Partner partner;
    SAMSPILL_ASSIGN_OR_RETURN(partner.organisation, Text(x, "organisation", f + ".organisation"));
    SAMSPILL_ASSIGN_OR_RETURN(partner.unit, Text(x, "unit", f + ".unit"));
    p.partners.push_back(std::move(partner));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* contacts, Array(body, "contacts"));
  for (size_t i = 0; i < contacts->size(); ++i) {
    const json& x = (*contacts)[i];
    const std::string f = Item("contacts", i);
    SAMSPILL_RETURN_IF_ERROR(CheckObject(x, f, {"name", "role", "organisation", "email"}));
    Contact c;
    SAMSPILL_ASSIGN_OR_RETURN(c.name, Text(x, "name", f + ".name"));
    SAMSPILL_ASSIGN_OR_RETURN(c.role, Text(x, "role", f + ".role"));
    SAMSPILL_ASSIGN_OR_RETURN(c.organisation, Text(x, "organisation", f + ".organisation"));
    SAMSPILL_ASSIGN_OR_RETURN(c.email, Text(x, "email", f + ".email"));
    p.contacts.push_back(std::move(c));
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* funding, Array(body, "funding"));
  for (size_t i = 0; i < funding->size(); ++i) {
    const json& x = (*funding)[i];
    const std::string f = Item("funding", i);
    SAMSPILL_RETURN_IF_ERROR(CheckObject(x, f, {"source", "amount", "currency"}));
    Funding entry;
    SAMSPILL_ASSIGN_OR_RETURN(entry.source, Text(x, "source", f + ".source"));
    SAMSPILL_ASSIGN_OR_RETURN(std::string currency, Text(x, "currency", f + ".currency"));
    if (!currency.empty()) {
      if (!IsCurrencyCode(currency)) {
        return InvalidArgument("currency must be three capital letters", f + ".currency");
      }
      entry.amount.currency = currency;
    }
    auto amount = x.find("amount");
    if (amount != x.end() && !amount->is_null()) {
      if (!amount->is_number()) return InvalidArgument("amount must be a number", f + ".amount");
      Result<int64_t> minor = MoneyMinorFromDouble(amount->get<double>());
      if (!minor.ok()) return InvalidArgument(minor.status().message(), f + ".amount");
      entry.amount.minor = *minor;
    }
    p.funding.push_back(std::move(entry));
  }
  SAMSPILL_ASSIGN_OR_RETURN(p.start, OptionalDate(body, "start"));
  SAMSPILL_ASSIGN_OR_RETURN(p.end, OptionalDate(body, "end"));
  SAMSPILL_ASSIGN_OR_RETURN(p.applied_on, OptionalDate(body, "applied_on"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> by,
                            OptionalInt(body, "registered_by_user_id", "registered_by_user_id"));
  p.registered_by_user_id = by.value_or(0);
  SAMSPILL_ASSIGN_OR_RETURN(p.registered_by, Text(body, "registered_by", "registered_by"));
  SAMSPILL_ASSIGN_OR_RETURN(p.facilitated_by_partnership,
                            Bool(body, "facilitated_by_partnership", "facilitated_by_partnership"));
  SAMSPILL_ASSIGN_OR_RETURN(p.value_for_municipality,
                            Text(body, "value_for_municipality", "value_for_municipality"));
  SAMSPILL_ASSIGN_OR_RETURN(p.value_for_university,
                            Text(body, "value_for_university", "value_for_university"));
  SAMSPILL_ASSIGN_OR_RETURN(p.merged_into, OptionalInt(body, "merged_into", "merged_into"));
  SAMSPILL_ASSIGN_OR_RETURN(const json* merged_from, Array(body, "merged_from"));
  for (const json& id_json : *merged_from) {
    if (!id_json.is_number_integer()) {
      return InvalidArgument("merged_from must list project ids", "merged_from");
    }
    p.merged_from.push_back(id_json.get<int64_t>());
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
  SAMSPILL_RETURN_IF_ERROR(
      CheckObject(body, "",
                  {"id", "category", "name", "unit", "target_kind", "target", "figures",
                   "period_total", "note", "count_rule", "version", "attainment"}));
  Indicator ind;
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> id, OptionalInt(body, "id", "id"));
  ind.id = id.value_or(0);
  SAMSPILL_ASSIGN_OR_RETURN(ind.category, Text(body, "category", "category"));
  SAMSPILL_ASSIGN_OR_RETURN(ind.name, Text(body, "name", "name"));
  SAMSPILL_ASSIGN_OR_RETURN(ind.unit, Text(body, "unit", "unit"));
  if (ind.unit.empty()) ind.unit = "antall";
  SAMSPILL_ASSIGN_OR_RETURN(std::string kind, Text(body, "target_kind", "target_kind"));
  auto k = TargetKindFromName(kind);
  if (!k) {
    return InvalidArgument(
        "target_kind must be one of per_year, period_total, increase_over_period, "
        "increase_each_edition, none",
        "target_kind");
  }
  ind.target_kind = *k;
  SAMSPILL_ASSIGN_OR_RETURN(ind.target, OptionalInt(body, "target", "target"));
  SAMSPILL_ASSIGN_OR_RETURN(ind.period_total, OptionalInt(body, "period_total", "period_total"));
  SAMSPILL_ASSIGN_OR_RETURN(ind.note, Text(body, "note", "note"));
  SAMSPILL_ASSIGN_OR_RETURN(const json* figures, Array(body, "figures"));
  for (size_t i = 0; i < figures->size(); ++i) {
    const json& x = (*figures)[i];
    const std::string f = Item("figures", i);
    SAMSPILL_RETURN_IF_ERROR(CheckObject(x, f, {"year", "value", "note", "counted"}));
    YearFigure fig;
    SAMSPILL_ASSIGN_OR_RETURN(std::optional<int64_t> year, OptionalInt(x, "year", f + ".year"));
    if (!year) return InvalidArgument("a figure needs a year", f + ".year");
    fig.year = static_cast<int>(*year);
    SAMSPILL_ASSIGN_OR_RETURN(fig.value, OptionalInt(x, "value", f + ".value"));
    SAMSPILL_ASSIGN_OR_RETURN(fig.note, Text(x, "note", f + ".note"));
    SAMSPILL_ASSIGN_OR_RETURN(fig.counted, Bool(x, "counted", f + ".counted"));
    ind.figures.push_back(std::move(fig));
  }
  auto rule = body.find("count_rule");
  if (rule != body.end() && !rule->is_null()) {
    SAMSPILL_RETURN_IF_ERROR(
        CheckObject(*rule, "count_rule", {"kinds", "granted_only", "facilitated_only"}));
    CountRule r;
    SAMSPILL_ASSIGN_OR_RETURN(const json* kinds, Array(*rule, "kinds"));
    for (const json& name : *kinds) {
      auto pk = name.is_string() ? ProjectKindFromName(name.get<std::string>()) : std::nullopt;
      if (!pk) return InvalidArgument("count_rule.kinds lists an unknown kind", "count_rule.kinds");
      r.kinds.push_back(*pk);
    }
    SAMSPILL_ASSIGN_OR_RETURN(r.granted_only,
                              Bool(*rule, "granted_only", "count_rule.granted_only"));
    SAMSPILL_ASSIGN_OR_RETURN(r.facilitated_only,
                              Bool(*rule, "facilitated_only", "count_rule.facilitated_only"));
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
