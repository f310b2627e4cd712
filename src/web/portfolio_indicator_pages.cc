// A new indicator, for the coordinator, at /portefolje/maltall/ny: its category, name, unit,
// kind of target, target and note, and whether its yearly figures are counted from the
// register (which project kinds, only granted ones, only those the partnership facilitated).
// Until now only the API (POST /api/portfolio/indicators) and the CSV import could define one,
// and a count rule only through the API. The page checks the whole form in the page's language
// before anything is stored; the service (app::PortfolioService::DefineIndicator) checks it again
// and stores it with its audit event. A name already used in the category is refused (the service's
// only_new): that indicator is changed from its own page, never redefined by accident.
#include "app/portfolio_service.h"
#include "portfolio/indicator.h"
#include "portfolio/project.h"
#include "web/actor.h"
#include "web/form_fields.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/portfolio_pages.h"

namespace samspill::web {
namespace {

constexpr char kPath[] = "/portefolje/maltall/ny";

std::string KindField(portfolio::ProjectKind kind) {
  return "count-" + std::string(portfolio::ProjectKindName(kind));
}

FormValues PostedValues(const PageRequest& req) {
  FormValues v;
  for (const char* key : {"category", "name", "unit", "target_kind", "target", "note", "count",
                          "granted_only", "facilitated_only"}) {
    v[key] = req.Param(key);
  }
  for (portfolio::ProjectKind kind : portfolio::kAllProjectKinds) {
    v[KindField(kind)] = req.Param(KindField(kind));
  }
  return v;
}

// The posted form as an indicator; what is missing or cannot be read is an error on its field.
portfolio::Indicator IndicatorFromForm(const PageRequest& req, const FormValues& v,
                                       FormErrors& errors) {
  auto error = [&](const std::string& field, const char* label, const char* message) {
    errors.push_back({field, std::string(req.T(label)) + ": " + std::string(req.T(message))});
  };
  portfolio::Indicator ind;
  ind.category = Trimmed(FormGet(v, "category"));
  ind.name = Trimmed(FormGet(v, "name"));
  ind.unit = Trimmed(FormGet(v, "unit"));
  if (ind.unit.empty()) ind.unit = "antall";
  ind.note = Trimmed(FormGet(v, "note"));
  if (ind.category.empty()) error("category", "pf.category", "pf.err_required");
  if (ind.category.size() > 200) error("category", "pf.category", "pf.err_too_long");
  if (ind.name.empty()) error("name", "pf.indicator_name", "pf.err_required");
  if (ind.name.size() > 300) error("name", "pf.indicator_name", "pf.err_too_long");
  if (ind.unit.size() > 50) error("unit", "pf.unit", "pf.err_too_long");
  if (ind.note.size() > 2000) error("note", "pf.indicator_note", "pf.err_note_long");
  auto kind = portfolio::TargetKindFromName(FormGet(v, "target_kind"));
  if (!kind) {
    error("target_kind", "pf.target_kind", "pf.err_required");
  } else {
    ind.target_kind = *kind;
  }
  const std::string target = Trimmed(FormGet(v, "target"));
  if (!target.empty()) {
    ind.target = WholeNumber(target);
    if (!ind.target) error("target", "pf.target", "pf.err_whole");
  } else if (kind && portfolio::TargetIsRequired(*kind)) {
    error("target", "pf.target", "pf.err_target_required");
  }
  portfolio::CountRule rule;
  for (portfolio::ProjectKind k : portfolio::kAllProjectKinds) {
    if (!FormGet(v, KindField(k)).empty()) rule.kinds.push_back(k);
  }
  rule.granted_only = !FormGet(v, "granted_only").empty();
  rule.facilitated_only = !FormGet(v, "facilitated_only").empty();
  if (!FormGet(v, "count").empty()) {
    ind.count_rule = std::move(rule);
  } else if (!rule.kinds.empty() || rule.granted_only || rule.facilitated_only) {
    // Choices for counting without counting: never silently an entered indicator.
    error("count", "pf.count_from_register", "pf.err_count_choices");
  }
  return ind;
}

std::string FormHtml(const PageRequest& req, const FormValues& values, const FormErrors& errors,
                     const std::vector<std::string>& categories) {
  const Form form{req, values, errors};
  std::string out = "<form method=\"post\" action=\"" + std::string(kPath) +
                    "\" class=\"stack\" novalidate>" + CsrfField(req);
  out += form.Input("category", req.T("pf.category"), req.T("pf.category_hint"), "text", true,
                    " list=\"pf-categories\" autocomplete=\"off\"");
  out += "<datalist id=\"pf-categories\">";
  for (const std::string& c : categories) out += "<option value=\"" + H(c) + "\"></option>";
  out += "</datalist>";
  out +=
      form.Input("name", req.T("pf.indicator_name"), req.T("pf.indicator_name_hint"), "text", true);
  out += form.Input("unit", req.T("pf.unit"), req.T("pf.unit_hint"));
  std::vector<std::pair<std::string, std::string>> kinds;
  for (portfolio::TargetKind k : portfolio::kAllTargetKinds) {
    const std::string name(portfolio::TargetKindName(k));
    // A kind added after the catalogue's texts were written shows its own label, never the key.
    const std::string key = "pf.target_kind." + name;
    const std::string_view text = req.T(key);
    kinds.emplace_back(name, text != key ? std::string(text)
                             : req.lang == Lang::kEn && k == portfolio::TargetKind::kReachByLastYear
                                 ? std::string("Reach by the last year")
                                 : std::string(portfolio::TargetKindLabelNb(k)));
  }
  out += form.Select("target_kind", req.T("pf.target_kind"), kinds);
  out += form.Input("target", req.T("pf.target"), req.T("pf.new_target_hint"), "text", false,
                    " inputmode=\"numeric\" autocomplete=\"off\"");
  out += form.TextArea("note", req.T("pf.indicator_note"));
  out += "<fieldset><legend>" + H(req.T("pf.counted")) + "</legend><p class=\"hint\">" +
         H(req.T("pf.count_help")) + "</p>";
  out += form.Check("count", req.T("pf.count_from_register"));
  out += "<fieldset><legend>" + H(req.T("pf.count_kinds")) + "</legend>";
  for (portfolio::ProjectKind k : portfolio::kAllProjectKinds) {
    out += form.Check(KindField(k), req.T("pf.kind." + std::string(portfolio::ProjectKindName(k))));
  }
  out += "</fieldset>";
  out += form.Check("granted_only", req.T("pf.count_granted_only"));
  out += form.Check("facilitated_only", req.T("pf.count_facilitated_only"));
  out += "</fieldset>";
  return out + "<button type=\"submit\">" + H(req.T("pf.define")) + "</button></form>";
}

Result<PageResponse> NewPage(PageRequest& req, app::PortfolioService& portfolio,
                             const FormValues& values, const FormErrors& errors, int status) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> categories, portfolio.Categories(Who(req)));
  std::string body =
      "<h1>" + H(req.T("pf.new_indicator")) + "</h1>" + ErrorSummary(req, errors) + "<p>" +
      H(req.T("pf.new_indicator_help")) + "</p>" + FormHtml(req, values, errors, categories) +
      "<p><a href=\"/portefolje/maltall\">" + H(req.T("pf.back_to_targets")) + "</a></p>";
  return PageResponse{status, RenderLayout(req, req.T("pf.new_indicator"), body), "", {}};
}

Result<PageResponse> Define(PageRequest& req, app::PortfolioService& portfolio) {
  const FormValues values = PostedValues(req);
  FormErrors errors;
  portfolio::Indicator ind = IndicatorFromForm(req, values, errors);
  if (!errors.empty()) return NewPage(req, portfolio, values, errors, 400);
  Result<app::IndicatorView> saved = portfolio.DefineIndicator(Who(req), ind, /*only_new=*/true);
  if (saved.ok()) return Redirect("/portefolje/maltall/" + std::to_string(saved->indicator.id));
  const Status& s = saved.status();
  if (s.code() == StatusCode::kConflict && s.field() == "name") {  // the name is taken
    return NewPage(req, portfolio, values,
                   {{"name", std::string(req.T("pf.indicator_name")) + ": " +
                                 std::string(req.T("pf.err_indicator_exists"))}},
                   400);
  }
  if (s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kConflict) {
    // What the form could not check (entered figures under a new count rule).
    const std::string field =
        s.field() == "category" || s.field() == "name" || s.field() == "target" ? s.field() : "";
    return NewPage(req, portfolio, values, {{field, InLanguage(req.lang, s.message())}},
                   s.code() == StatusCode::kConflict ? 409 : 400);
  }
  return s;
}

}  // namespace

std::vector<PageRoute> PortfolioIndicatorRoutes(app::PortfolioService& portfolio) {
  return {{"GET",
           kPath,
           false,
           {Role::kPartnershipCoordinator},
           [&portfolio](PageRequest& req) {
             FormValues defaults{{"unit", "antall"}, {"target_kind", "per_year"}};
             return NewPage(req, portfolio, defaults, {}, 200);
           }},
          {"POST", kPath, false, {Role::kPartnershipCoordinator}, [&portfolio](PageRequest& req) {
             return Define(req, portfolio);
           }}};
}

}  // namespace samspill::web
