#include "decision/decision_case_json.h"

#include "common/json_fields.h"
#include "common/strict_json.h"
#include "decision/baseline_json.h"
#include "decision/business_case_json.h"
#include "decision/risk_heatmap.h"
#include "decision/risk_json.h"

namespace samspill::decision {
namespace {

using nlohmann::json;

constexpr JsonFieldStyle kStyle{JsonNaming::kPath, true};

Status Under(Status s, std::string_view prefix) {
  if (s.ok()) return s;
  const std::string field =
      s.field().empty() ? std::string(prefix) : std::string(prefix) + "." + std::string(s.field());
  return Status(s.code(), s.message(), field);
}

json DecisionToJson(const CaseDecision& d) {
  json figures = json::parse(d.figures_json, nullptr, false);
  return {{"recommendation", d.recommendation},
          {"recommended_alternative", d.recommended_alternative},
          {"chosen_alternative", d.chosen_alternative},
          {"outcome", std::string(OutcomeName(d.outcome))},
          {"decided_by", d.decided_by},
          {"decided_on", d.decided_on.ToIso()},
          {"political_reference", d.political_reference},
          {"recorded_by", d.recorded_by},
          {"figures", figures.is_discarded() ? json(nullptr) : figures},
          {"figures_sha256", d.figures_sha256}};
}

}  // namespace

Result<CaseDecision> CaseDecisionFromJson(const json& d) {
  const std::string path = "decision";
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(d, path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(
      d,
      {"recommendation", "recommended_alternative", "chosen_alternative", "outcome", "decided_by",
       "decided_on", "political_reference", "recorded_by", "figures", "figures_sha256"},
      path));
  CaseDecision out;
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(d, "recommendation", path, kStyle), out.recommendation));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonString(d, "recommended_alternative", path, kStyle), out.recommended_alternative));
  SAMSPILL_ASSIGN_OR_RETURN(out.chosen_alternative,
                            RequiredJsonString(d, "chosen_alternative", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(std::string outcome, RequiredJsonString(d, "outcome", path, kStyle));
  std::optional<DecisionOutcome> o = OutcomeFromName(outcome);
  if (!o) {
    return InvalidArgument(
        "outcome is \"tender\", \"in_house_improved\" or \"in_house\", not \"" + outcome + "\"",
        "decision.outcome");
  }
  out.outcome = *o;
  SAMSPILL_ASSIGN_OR_RETURN(out.decided_by, RequiredJsonString(d, "decided_by", path, kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(std::string on, RequiredJsonString(d, "decided_on", path, kStyle));
  Result<Date> date = ParseIsoDate(on);
  if (!date.ok()) {
    return InvalidArgument("decided_on is a date YYYY-MM-DD, not \"" + on + "\"",
                           "decision.decided_on");
  }
  out.decided_on = *date;
  SAMSPILL_ASSIGN_OR_RETURN(out.political_reference,
                            RequiredJsonString(d, "political_reference", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(d, "recorded_by", path, kStyle), out.recorded_by));
  SAMSPILL_ASSIGN_OR_RETURN(const json* figures, OptionalJsonObject(d, "figures", path, kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(d, "figures_sha256", path, kStyle), out.figures_sha256));
  if (figures != nullptr) out.figures_json = figures->dump();
  return out;
}

json DecisionCaseToJson(const DecisionCase& c) {
  json out = json::object();
  out["title"] = c.title;
  out["service_area"] = c.service_area;
  out["description"] = c.description;
  out["cpv"] = c.cpv;
  out["region"] = c.region;
  out["business_case"] = BusinessCaseToJson({c.business_case, c.monte_carlo});
  out["baseline"] = BaselineToJson(c.baseline);
  out["risks"] = RisksToJson(c.risks);
  out["decision"] = c.decision ? DecisionToJson(*c.decision) : json(nullptr);
  out["tender_id"] = c.tender_id ? json(*c.tender_id) : json(nullptr);
  return out;
}

Result<DecisionCase> DecisionCaseFromJson(const json& doc) {
  SAMSPILL_RETURN_IF_ERROR(CheckJsonObject(doc, "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      CheckJsonKeys(doc, {"title", "service_area", "description", "cpv", "region", "business_case",
                          "baseline", "risks", "decision", "tender_id"}));
  DecisionCase c;
  SAMSPILL_ASSIGN_OR_RETURN(c.title, RequiredJsonString(doc, "title", "", kStyle));
  SAMSPILL_ASSIGN_OR_RETURN(c.service_area, RequiredJsonString(doc, "service_area", "", kStyle));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "description", "", kStyle), c.description));
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(OptionalJsonString(doc, "cpv", "", kStyle), c.cpv));
  SAMSPILL_RETURN_IF_ERROR(
      AssignIfPresent(OptionalJsonString(doc, "region", "", kStyle), c.region));
  SAMSPILL_ASSIGN_OR_RETURN(const json* business,
                            RequiredJsonMember(doc, "business_case", "", kStyle));
  Result<CaseDocument> b = BusinessCaseFromJson(*business);
  if (!b.ok()) return Under(b.status(), "business_case");
  c.business_case = std::move(b->business_case);
  c.monte_carlo = b->monte_carlo;
  SAMSPILL_ASSIGN_OR_RETURN(const json* baseline, OptionalJsonObject(doc, "baseline", "", kStyle));
  if (baseline != nullptr) {
    Result<Baseline> read = BaselineFromJson(*baseline);
    if (!read.ok()) return Under(read.status(), "baseline");
    c.baseline = std::move(*read);
  }
  SAMSPILL_ASSIGN_OR_RETURN(const json* risks, OptionalJsonArray(doc, "risks", "", kStyle));
  if (risks != nullptr) {
    Result<std::vector<Risk>> read = RisksFromJson(*risks);
    if (!read.ok()) return read.status();  // names "risks[2].likelihood" itself
    c.risks = std::move(*read);
  }
  if (const json* d = JsonMember(doc, "decision"); d != nullptr && !d->is_null()) {
    SAMSPILL_ASSIGN_OR_RETURN(CaseDecision decision, CaseDecisionFromJson(*d));
    c.decision = std::move(decision);
  }
  SAMSPILL_RETURN_IF_ERROR(AssignIfPresent(
      OptionalJsonInteger(doc, "tender_id", "", 1, int64_t{1} << 53, kStyle), c.tender_id));
  SAMSPILL_RETURN_IF_ERROR(ValidateDecisionCase(c));
  if (c.decision && !c.decision->figures_json.empty()) {
    // The figures are kept as they stood; a document whose figures were changed is refused.
    DecisionCase check = c;
    check.decision.reset();
    CaseDecision d = *c.decision;
    const std::string figures = d.figures_json;
    const std::string sha = d.figures_sha256;
    if (Status s = Decide(check, d, d.recorded_by, figures); !s.ok()) return s;
    if (check.decision->figures_sha256 != sha) {
      return InvalidArgument(
          "the decision's figures do not match their SHA-256: they were "
          "changed after the decision",
          "decision.figures");
    }
  }
  return c;
}

Result<DecisionCase> ParseDecisionCaseJson(std::string_view text) {
  SAMSPILL_ASSIGN_OR_RETURN(
      json doc, ParseStrictJson(text, "decision case",
                                {.max_depth = 24, .max_bytes = kMaxDecisionCaseJsonBytes}));
  return DecisionCaseFromJson(doc);
}

Result<json> CaseFiguresJson(const DecisionCase& c) {
  return BusinessCaseReportJson({c.business_case, c.monte_carlo});
}

json BaselineTotalsJson(const std::vector<BaselineYearTotal>& totals) {
  auto opt = [](const auto& o) { return o ? json(*o) : json(nullptr); };
  json out = json::array();
  for (const BaselineYearTotal& t : totals) {
    out.push_back({{"year", t.year},
                   {"units", t.units},
                   {"budget", opt(t.budget)},
                   {"accounts", opt(t.accounts)},
                   {"fte", opt(t.fte)},
                   {"positions", opt(t.positions)},
                   {"users", opt(t.users)},
                   {"sick_leave_percent", opt(t.sick_leave_percent)},
                   {"turnover_percent", opt(t.turnover_percent)},
                   {"cost_per_user", opt(t.figures.cost_per_user)},
                   {"cost_per_day", opt(t.figures.cost_per_day)},
                   {"example", t.example}});
  }
  return out;
}

Result<json> CaseReportJson(const DecisionCase& c) {
  json out = json::object();
  out["title"] = c.title;
  if (c.decision) {
    out["figures"] = json::parse(c.decision->figures_json, nullptr, false);
    out["figures_as_decided"] = true;
  } else {
    SAMSPILL_ASSIGN_OR_RETURN(out["figures"], CaseFiguresJson(c));
  }
  out["baseline_totals"] = BaselineTotalsJson(BaselineTotals(c.baseline));
  json risks = json::array();
  for (const RiskTableRow& r : RiskTable(c.risks)) {
    json row = {{"number", r.number},
                {"id", r.id},
                {"title", r.title},
                {"score", r.score},
                {"level", RiskLevelName(r.level, true)}};
    row["residual_score"] = r.residual_assessed ? json(r.residual_score) : json(nullptr);
    row["residual_level"] =
        r.residual_assessed ? json(RiskLevelName(r.residual_level, true)) : json(nullptr);
    risks.push_back(std::move(row));
  }
  out["risks"] = {{"summary", RiskSummary(c.risks, true)}, {"rows", std::move(risks)}};
  out["decision"] = c.decision ? DecisionToJson(*c.decision) : json(nullptr);
  if (c.decision) out["decision"].erase("figures");
  return out;
}

}  // namespace samspill::decision
