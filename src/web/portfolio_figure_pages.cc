// An indicator's figures page for the coordinator, /portefolje/maltall/{id}: the target, the
// period's total when only it is known ("24 nye i perioden"), and, for each year of the period
// (and any other year with a figure), the figure and its note ("13 søknader venter fortsatt på
// svar"). The whole form is checked before anything is stored and saved in one change
// (app::PortfolioService::EditIndicator); errors are listed at the top with links to the fields and
// shown beside them, with what was typed kept. An indicator counted from the register shows its
// counted figures, which nobody enters by hand; its notes and target can still be changed.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "app/portfolio_service.h"
#include "common/parse_number.h"
#include "web/form_fields.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/portfolio_pages.h"

namespace samspill::web {
namespace {

using Errors = FormErrors;
using Values = FormValues;

std::string Path(int64_t id) { return "/portefolje/maltall/" + std::to_string(id); }

// The indicator the page shows, and the reporting period.
struct Shown {
  app::IndicatorView view;
  portfolio::Period period;
  const portfolio::Indicator& indicator() const { return view.indicator; }
  bool counted() const { return view.indicator.count_rule.has_value(); }
};

// The years the page shows: the period's, and any other year with a figure (an edition before
// the period is a baseline).
std::vector<int> YearsOf(const Shown& shown) {
  std::set<int> years;
  for (int y = shown.period.first_year; y <= shown.period.last_year; ++y) years.insert(y);
  for (const portfolio::YearFigure& f : shown.indicator().figures) years.insert(f.year);
  return {years.begin(), years.end()};
}

// A value as the page shows it: with the indicator's decimals, a decimal comma in Norwegian.
std::string ValueText(const PageRequest& req, const portfolio::Indicator& indicator,
                      int64_t value) {
  return portfolio::FormatIndicatorValue(value, indicator.decimals, req.lang == Lang::kEn);
}

// A typed value in the indicator's scale (26,5 → 265 for one decimal); nullopt when it is not
// a number or has more decimals than the indicator keeps. Whole-number indicators read as
// before.
std::optional<int64_t> ScaledValue(const portfolio::Indicator& indicator, const std::string& text) {
  if (indicator.decimals <= 0) return WholeNumber(text);
  Result<double> v = ParseDecimalNumber(text, "value");
  if (!v.ok()) return std::nullopt;
  const double scaled = *v * (indicator.decimals == 1 ? 10.0 : 100.0);
  const double rounded = std::round(scaled);
  // Far beyond any indicator, and more digits than the indicator keeps, are refused alike.
  if (std::fabs(rounded) > 1e15 || std::fabs(scaled - rounded) > 1e-6) return std::nullopt;
  return static_cast<int64_t>(rounded);
}

// The error for a value that ScaledValue refused, in the page's language.
std::string NotANumber(const PageRequest& req, const portfolio::Indicator& indicator) {
  if (indicator.decimals <= 0) return std::string(req.T("pf.err_whole"));
  return InLanguage(req.lang, "must be a number with at most " +
                                  std::to_string(indicator.decimals) + " decimal places");
}

// The catalogue's text for `key`, or `fallback` when the catalogue has none (a kind added
// after its texts were written).
std::string TextOr(const PageRequest& req, const std::string& key, std::string_view fallback) {
  const std::string_view text = req.T(key);
  return text == key ? std::string(fallback) : std::string(text);
}

std::string KindLabel(const PageRequest& req, portfolio::TargetKind kind) {
  return TextOr(req, "pf.target_kind." + std::string(portfolio::TargetKindName(kind)),
                req.lang == Lang::kEn && kind == portfolio::TargetKind::kReachByLastYear
                    ? "Reach by the last year"
                    : portfolio::TargetKindLabelNb(kind));
}

// The form's values from the stored indicator.
Values StoredValues(const PageRequest& req, const portfolio::Indicator& indicator) {
  Values v;
  if (indicator.target) v["target"] = ValueText(req, indicator, *indicator.target);
  if (indicator.period_total)
    v["period_total"] = ValueText(req, indicator, *indicator.period_total);
  for (const portfolio::YearFigure& f : indicator.figures) {
    const std::string year = std::to_string(f.year);
    if (f.value && !f.counted) v["value-" + year] = ValueText(req, indicator, *f.value);
    v["note-" + year] = f.note;
  }
  return v;
}

// A text field of the figures form; numbers get the numeric keyboard on phones (with a decimal
// mark when the indicator keeps decimals).
std::string Field(const Form& form, const std::string& id, const std::string& label,
                  const std::string& hint, bool numeric, int decimals = 0) {
  const std::string mode = decimals > 0 ? "decimal" : "numeric";
  return form.Input(id, label, hint, "text", false,
                    numeric ? " inputmode=\"" + mode + "\" autocomplete=\"off\"" : "");
}

// The posted form as an edit; what cannot be read is an error on its field, in the page's
// language. The service checks the rest.
app::IndicatorEdit EditFromForm(const PageRequest& req, const Shown& shown, const Values& v,
                                Errors& errors) {
  app::IndicatorEdit edit;
  const std::string version = req.Param("version");
  edit.version = WholeNumber(version).value_or(0);
  const std::string target = Trimmed(FormGet(v, "target"));
  if (target.empty() && portfolio::TargetIsRequired(shown.indicator().target_kind)) {
    errors.push_back({"target", std::string(req.T("pf.target")) + ": " +
                                    std::string(req.T("pf.err_target_required"))});
  }
  if (!target.empty()) {
    edit.target = ScaledValue(shown.indicator(), target);
    if (!edit.target) {
      errors.push_back(
          {"target", std::string(req.T("pf.target")) + ": " + NotANumber(req, shown.indicator())});
    }
  }
  const std::string total = Trimmed(FormGet(v, "period_total"));
  if (!total.empty()) {
    edit.period_total = ScaledValue(shown.indicator(), total);
    if (!edit.period_total) {
      errors.push_back({"period_total", std::string(req.T("pf.period_total")) + ": " +
                                            NotANumber(req, shown.indicator())});
    }
  }
  for (int year : YearsOf(shown)) {
    const std::string y = std::to_string(year);
    portfolio::YearFigure f{year, std::nullopt, Trimmed(FormGet(v, "note-" + y)), false};
    // A counted indicator's page has no figure fields; nothing else is read in their place.
    const std::string value = shown.counted() ? "" : Trimmed(FormGet(v, "value-" + y));
    if (!value.empty()) {
      f.value = ScaledValue(shown.indicator(), value);
      if (!f.value) {
        errors.push_back({"value-" + y, std::string(req.T("pf.figure_for")) + " " + y + ": " +
                                            NotANumber(req, shown.indicator())});
      }
    }
    if (f.note.size() > 2000) {
      errors.push_back({"note-" + y, std::string(req.T("pf.note_for")) + " " + y + ": " +
                                         std::string(req.T("pf.err_note_long"))});
    }
    edit.figures.push_back(std::move(f));
  }
  return edit;
}

// The form field of a service error's field ("figures.2024.value" → "value-2024").
std::string FieldId(const std::string& field) {
  if (field == "target" || field == "period_total") return field;
  if (field.starts_with("figures.")) {
    const size_t dot = field.find('.', 8);
    if (dot != std::string::npos) {
      return field.substr(dot + 1) + "-" + field.substr(8, dot - 8);
    }
  }
  return "";
}

std::string CountRuleText(const PageRequest& req, const portfolio::CountRule& rule) {
  std::string kinds;
  for (portfolio::ProjectKind k : rule.kinds) {
    kinds += (kinds.empty() ? "" : ", ") +
             std::string(req.T("pf.kind." + std::string(portfolio::ProjectKindName(k))));
  }
  std::string out = std::string(req.T("pf.counted_rule")) + " " +
                    (kinds.empty() ? std::string(req.T("pf.counted_any_kind")) : kinds) + ".";
  if (rule.granted_only) out += " " + std::string(req.T("pf.counted_granted"));
  if (rule.facilitated_only) {
    out += " " + std::string(req.T("pf.counted_facilitated"));
  }
  return out;
}

std::string FormHtml(const PageRequest& req, const Shown& shown, const Values& values,
                     const Errors& errors, int64_t version) {
  const Form form{req, values, errors};
  const int64_t id = shown.indicator().id;
  const std::string kind(portfolio::TargetKindName(shown.indicator().target_kind));
  std::string out = "<form method=\"post\" action=\"" + Path(id) + "\" class=\"stack\">" +
                    CsrfField(req) + "<input type=\"hidden\" name=\"version\" value=\"" +
                    std::to_string(version) + "\">";
  const int decimals = shown.indicator().decimals;
  out += Field(form, "target", std::string(req.T("pf.target")),
               TextOr(req, "pf.target_hint." + kind, ""), true, decimals);
  out += Field(form, "period_total", std::string(req.T("pf.period_total")),
               std::string(req.T("pf.period_total_hint")), true, decimals);
  const std::vector<int> years = YearsOf(shown);
  for (int year : years) {
    const std::string y = std::to_string(year);
    out += "<fieldset><legend>" + y + "</legend>";
    if (shown.counted()) {
      const portfolio::YearFigure* f = shown.indicator().Figure(year);
      out += "<p>" + H(req.T("pf.counted_value")) + ": <strong>" +
             (f && f->value ? ValueText(req, shown.indicator(), *f->value) : std::string("–")) +
             "</strong></p>";
    } else {
      out += Field(form, "value-" + y, std::string(req.T("pf.figure_for")) + " " + y, "", true,
                   decimals);
    }
    out += Field(form, "note-" + y, std::string(req.T("pf.note_for")) + " " + y,
                 year == years.front() ? std::string(req.T("pf.note_hint")) : "", false);
    out += "</fieldset>";
  }
  return out + "<button type=\"submit\">" + H(req.T("pf.save")) + "</button></form>";
}

PageResponse FiguresPage(const PageRequest& req, const Shown& shown, const Values& values,
                         const Errors& errors, int64_t version, int status) {
  const portfolio::Indicator& ind = shown.indicator();
  const std::string title = std::string(req.T("pf.figures_title")) + ": " + ind.name;
  std::string body = "<h1>" + H(title) + "</h1>" + ErrorSummary(req, errors);
  std::string dl = "<dl class=\"facts\">";
  auto item = [&](const char* key, const std::string& text) {
    if (!text.empty()) dl += "<div><dt>" + H(req.T(key)) + "</dt><dd>" + H(text) + "</dd></div>";
  };
  item("pf.category", ind.category);
  item("pf.target_kind", KindLabel(req, ind.target_kind));
  item("pf.unit", ind.unit);
  item("pf.indicator_note", ind.note);
  if (ind.count_rule) item("pf.counted", CountRuleText(req, *ind.count_rule));
  item("pf.attainment",
       req.lang == Lang::kEn ? shown.view.attainment.summary_en : shown.view.attainment.summary_nb);
  body += dl + "</dl>";
  if (shown.counted()) body += "<p class=\"notice\">" + H(req.T("pf.counted_help")) + "</p>";
  body += FormHtml(req, shown, values, errors, version);
  body += "<p><a href=\"/portefolje/maltall\">" + H(req.T("pf.back_to_targets")) + "</a></p>";
  return PageResponse{status, RenderLayout(req, title, body), "", {}};
}

Result<PageResponse> Show(PageRequest& req, app::PortfolioService& portfolio) {
  SAMSPILL_ASSIGN_OR_RETURN(app::IndicatorView view,
                            portfolio.GetIndicator(Who(req), IdParam(req, 0)));
  const Shown shown{std::move(view), portfolio.settings().period};
  return FiguresPage(req, shown, StoredValues(req, shown.indicator()), {}, shown.view.version, 200);
}

Result<PageResponse> Save(PageRequest& req, app::PortfolioService& portfolio) {
  const int64_t id = IdParam(req, 0);
  SAMSPILL_ASSIGN_OR_RETURN(app::IndicatorView view, portfolio.GetIndicator(Who(req), id));
  const Shown shown{std::move(view), portfolio.settings().period};
  Values values;
  values["target"] = req.Param("target");
  values["period_total"] = req.Param("period_total");
  for (int year : YearsOf(shown)) {
    for (const char* part : {"value-", "note-"}) {
      const std::string key = part + std::to_string(year);
      values[key] = req.Param(key);
    }
  }
  Errors errors;
  app::IndicatorEdit edit = EditFromForm(req, shown, values, errors);
  if (!errors.empty()) return FiguresPage(req, shown, values, errors, edit.version, 400);
  Result<app::IndicatorView> saved = portfolio.EditIndicator(Who(req), id, edit);
  if (saved.ok()) return Redirect("/portefolje/maltall#indicator-" + std::to_string(id));
  const Status& s = saved.status();
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return FiguresPage(req, shown, values,
                         {{FieldId(s.field()), InLanguage(req.lang, s.message())}}, edit.version,
                         400);
    case StatusCode::kConflict:
      // Someone saved in between: what they saved is shown in the table; this form keeps what
      // was typed, now against the latest version, so saving again is a deliberate choice.
      return FiguresPage(req, shown, values, {{"", std::string(req.T("pf.err_changed"))}},
                         shown.view.version, 409);
    default:
      return s;
  }
}

}  // namespace

std::vector<PageRoute> PortfolioFigureRoutes(app::PortfolioService& portfolio) {
  const std::string path = std::string("/portefolje/maltall/") + kIdPattern;
  return {{"GET",
           path,
           false,
           {Role::kPartnershipCoordinator},
           [&portfolio](PageRequest& req) { return Show(req, portfolio); }},
          {"POST", path, false, {Role::kPartnershipCoordinator}, [&portfolio](PageRequest& req) {
             return Save(req, portfolio);
           }}};
}

}  // namespace samspill::web
