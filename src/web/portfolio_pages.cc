// The portfolio's pages: the project list with filters, the project page with its history (and
// the merge form for the coordinator), the register/edit form that shows likely duplicates
// before saving, the duplicate report, and the targets page with the charts and the attainment
// table. The imports, an indicator's figures and the areas are in their own files
// (web/portfolio_pages.h). Every page reads and writes through PortfolioService, exactly as the
// JSON API does.
#include "web/portfolio_pages.h"

#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "app/portfolio_service.h"
#include "common/money.h"
#include "common/parse_number.h"
#include "portfolio/project_json.h"
#include "web/form_fields.h"
#include "web/messages.h"
#include "web/page.h"

namespace samspill::web {

std::vector<Role> PortfolioReaders() {
  return {Role::kPartnershipCoordinator, Role::kProjectLeader, Role::kSteeringGroup,
          Role::kAdministrator, Role::kAuditor};
}

bool IsCoordinator(const PageRequest& req) {
  return req.principal->user.role == Role::kPartnershipCoordinator;
}

std::string SelectOptions(const std::vector<std::pair<std::string, std::string>>& values,
                          const std::string& selected, const std::string& empty_label) {
  std::string out;
  if (!empty_label.empty()) out += "<option value=\"\">" + H(empty_label) + "</option>";
  for (const auto& [value, label] : values) {
    out += "<option value=\"" + H(value) + "\"" + (value == selected ? " selected" : "") + ">" +
           H(label) + "</option>";
  }
  return out;
}

std::string RowErrorText(const PageRequest& req, const portfolio::RowError& error) {
  std::string out;
  if (error.row > 0) out = std::string(req.T("pf.row")) + " " + std::to_string(error.row);
  if (!error.column.empty()) {
    out += (out.empty() ? "" : ", ") + std::string(req.T("pf.column")) + " «" + error.column + "»";
  }
  return out + (out.empty() ? "" : ": ") + InLanguage(req.lang, error.message);
}

namespace {

using nlohmann::json;

std::vector<Role> Writers() { return {Role::kPartnershipCoordinator, Role::kProjectLeader}; }
bool IsWriter(const PageRequest& req) {
  const Role r = req.principal->user.role;
  return r == Role::kPartnershipCoordinator || r == Role::kProjectLeader;
}

std::string KindLabel(const PageRequest& req, portfolio::ProjectKind kind) {
  return std::string(req.T("pf.kind." + std::string(portfolio::ProjectKindName(kind))));
}
std::string StatusLabel(const PageRequest& req, portfolio::ProjectStatus status) {
  return std::string(req.T("pf.status." + std::string(portfolio::ProjectStatusName(status))));
}

std::vector<std::pair<std::string, std::string>> AreaOptions(const app::PortfolioService& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& a : p.settings().areas.areas) out.push_back({a, a});
  return out;
}
std::vector<std::pair<std::string, std::string>> KindOptions(const PageRequest& req) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto k : portfolio::kAllProjectKinds) {
    out.push_back({std::string(portfolio::ProjectKindName(k)), KindLabel(req, k)});
  }
  return out;
}
std::vector<std::pair<std::string, std::string>> StatusOptions(const PageRequest& req,
                                                               bool with_merged) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto s : portfolio::kAllProjectStatuses) {
    if (s == portfolio::ProjectStatus::kMerged && !with_merged) continue;
    out.push_back({std::string(portfolio::ProjectStatusName(s)), StatusLabel(req, s)});
  }
  return out;
}

std::string ProjectLink(int64_t id, const std::string& name) {
  return "<a href=\"/portefolje/prosjekt/" + std::to_string(id) + "\">" + H(name) + "</a>";
}

std::string Downloads(const PageRequest& req) {
  return "<ul class=\"links\"><li><a href=\"/api/portfolio/projects.csv\" download>" +
         H(req.T("pf.download_csv")) +
         "</a></li><li><a href=\"/api/portfolio/portfolio.xlsx\" "
         "download>" +
         H(req.T("pf.download_xlsx")) +
         "</a></li><li><a "
         "href=\"/api/portfolio/attainment.csv\" download>" +
         H(req.T("pf.download_attainment")) + "</a></li></ul>";
}

// ---- the list ----

Result<PageResponse> ListPage(PageRequest& req, app::PortfolioService& portfolio) {
  app::ProjectFilter f{req.Param("area"), req.Param("kind"), req.Param("status"), req.Param("q")};
  SAMSPILL_ASSIGN_OR_RETURN(app::ProjectList list, portfolio.ListProjects(Who(req), f));
  std::string body = "<h1>" + H(req.T("pf.title")) + "</h1>";
  std::string actions = "<ul class=\"links\">";
  if (IsWriter(req))
    actions += "<li><a href=\"/portefolje/ny\">" + H(req.T("pf.new")) + "</a></li>";
  actions += "<li><a href=\"/portefolje/duplikater\">" + H(req.T("pf.duplicates")) + "</a></li>";
  actions += "<li><a href=\"/portefolje/maltall\">" + H(req.T("pf.targets")) + "</a></li>";
  actions += "<li><a href=\"/portefolje/omrader\">" + H(req.T("pf.areas")) + "</a></li>";
  if (IsCoordinator(req)) {
    actions += "<li><a href=\"/portefolje/import\">" + H(req.T("pf.import")) + "</a></li>";
    actions += "<li><a href=\"/portefolje/maltall/import\">" + H(req.T("pf.import_indicators")) +
               "</a></li>";
  }
  body += actions + "</ul>";
  body +=
      "<form method=\"get\" action=\"/portefolje\" class=\"filters\" role=\"search\">"
      "<div class=\"field\"><label for=\"q\">" +
      H(req.T("pf.search")) + "</label><input id=\"q\" name=\"q\" value=\"" + H(f.query) +
      "\"></div>"
      "<div class=\"field\"><label for=\"area\">" +
      H(req.T("pf.area")) + "</label><select id=\"area\" name=\"area\">" +
      SelectOptions(AreaOptions(portfolio), f.area, std::string(req.T("pf.all"))) +
      "</select></div><div class=\"field\"><label for=\"kind\">" + H(req.T("pf.kind")) +
      "</label><select id=\"kind\" name=\"kind\">" +
      SelectOptions(KindOptions(req), f.kind, std::string(req.T("pf.all"))) +
      "</select></div><div class=\"field\"><label for=\"status\">" + H(req.T("pf.status")) +
      "</label><select id=\"status\" name=\"status\">" +
      SelectOptions(StatusOptions(req, true), f.status, std::string(req.T("pf.all"))) +
      "</select></div><button type=\"submit\">" + H(req.T("tenders.filter")) + "</button></form>";
  std::string rows;
  for (const app::ProjectView& view : list.projects) {
    const portfolio::Project& p = view.project;
    std::string partners;
    for (const portfolio::Partner& x : p.partners) {
      partners += (partners.empty() ? "" : "; ") + x.Display();
    }
    rows += "<tr><td>" + ProjectLink(p.id, p.name) + "</td><td>" + H(p.area) + "</td><td>" +
            H(KindLabel(req, p.kind)) + "</td><td>" + H(StatusLabel(req, p.status)) + "</td><td>" +
            H(partners) + "</td><td>" + H(p.registered_by) + "</td></tr>";
  }
  body += "<p>" + std::to_string(list.projects.size()) + " " + H(req.T("pf.count")) + "</p>";
  body += rows.empty() ? "<p>" + H(req.T("home.none")) + "</p>"
                       : "<table>" +
                             Head(req, {"pf.name", "pf.area", "pf.kind", "pf.status", "pf.partners",
                                        "pf.registered_by"}) +
                             "<tbody>" + rows + "</tbody></table>";
  body += Section("downloads", req.T("pf.downloads"), Downloads(req));
  return PageResponse{200, RenderLayout(req, req.T("pf.title"), body), "", {}};
}

// ---- the project page ----

Result<PageResponse> ProjectPage(PageRequest& req, app::PortfolioService& portfolio,
                                 const std::vector<std::pair<std::string, std::string>>& errors,
                                 int status_code) {
  SAMSPILL_ASSIGN_OR_RETURN(app::ProjectDetail detail,
                            portfolio.GetProject(Who(req), IdParam(req, 0)));
  const portfolio::Project& p = detail.view.project;
  const std::string id = std::to_string(p.id);
  std::string body = "<h1>" + H(p.name) + "</h1>" + ErrorSummary(req, errors);
  if (p.merged_into) {
    body += "<p class=\"notice\">" + H(req.T("pf.merged_into")) + " " +
            ProjectLink(*p.merged_into, "#" + std::to_string(*p.merged_into)) + "</p>";
  }
  std::string dl = "<dl class=\"facts\">";
  auto item = [&](const char* key, const std::string& html) {
    if (!html.empty()) dl += "<div><dt>" + H(req.T(key)) + "</dt><dd>" + html + "</dd></div>";
  };
  auto date = [](const std::optional<Date>& d) { return d ? d->ToIso() : std::string(); };
  item("pf.short_name", H(p.short_name));
  item("pf.area", H(p.area));
  item("pf.kind", H(KindLabel(req, p.kind)));
  item("pf.status", H(StatusLabel(req, p.status)));
  item("pf.description", H(p.description));
  std::string partners, contacts, funding;
  for (const portfolio::Partner& x : p.partners) partners += "<li>" + H(x.Display()) + "</li>";
  for (const portfolio::Contact& c : p.contacts) {
    contacts += "<li>" + H(c.name) + (c.role.empty() ? "" : " (" + H(c.role) + ")") + "</li>";
  }
  for (const portfolio::Funding& f : p.funding) {
    funding += "<li>" + H(f.source) +
               (f.amount.minor > 0 ? ": " + H(FormatMoney(req.lang, f.amount)) : "") + "</li>";
  }
  item("pf.partners", partners.empty() ? "" : "<ul>" + partners + "</ul>");
  item("pf.contacts", contacts.empty() ? "" : "<ul>" + contacts + "</ul>");
  item("pf.funding", funding.empty() ? "" : "<ul>" + funding + "</ul>");
  item("pf.start", H(date(p.start)));
  item("pf.end", H(date(p.end)));
  item("pf.registered_by", H(p.registered_by));
  item("pf.facilitated", H(req.T(p.facilitated_by_partnership ? "pf.yes" : "pf.no")));
  item("pf.value_municipality", H(p.value_for_municipality));
  item("pf.value_university", H(p.value_for_university));
  body += dl + "</dl>";
  if (IsWriter(req) && !p.merged_into) {
    body += "<p><a href=\"/portefolje/prosjekt/" + id + "/rediger\">" + H(req.T("pf.edit")) +
            "</a></p>";
  }
  std::string history;
  for (const app::ProjectRevisionView& h : detail.history) {
    history += "<tr><td>" + H(h.at.ToIso()) + "</td><td>" + H(h.actor) + "</td><td><code>" +
               H(h.action) + "</code></td><td>" + ProjectLink(h.project_id, h.name) + " (v" +
               std::to_string(h.version) + ")</td></tr>";
  }
  body += Section("history", req.T("pf.history"),
                  "<table>" + Head(req, {"col.time", "col.actor", "col.action", "pf.name"}) +
                      "<tbody>" + history + "</tbody></table>");
  if (IsCoordinator(req) && !p.merged_into) {
    body +=
        Section("merge", req.T("pf.merge"),
                "<form method=\"post\" action=\"/portefolje/prosjekt/" + id +
                    "/sla-sammen\" class=\"stack narrow\">" + CsrfField(req) +
                    "<div class=\"field\"><label for=\"duplicate_id\">" + H(req.T("pf.merge_id")) +
                    "</label><input id=\"duplicate_id\" name=\"duplicate_id\" "
                    "inputmode=\"numeric\" required></div><button type=\"submit\">" +
                    H(req.T("pf.merge")) + "</button></form>");
  }
  return PageResponse{status_code, RenderLayout(req, p.name, body), "", {}};
}

// ---- the register/edit form ----

// What the form's fields show (FormValues, by field name): a stored project's values, or what
// was sent.
FormValues ValuesOf(const app::ProjectView& view) {
  const portfolio::Project& p = view.project;
  FormValues v = {{"name", p.name},
                  {"short_name", p.short_name},
                  {"description", p.description},
                  {"area", p.area},
                  {"kind", std::string(portfolio::ProjectKindName(p.kind))},
                  {"status", std::string(portfolio::ProjectStatusName(p.status))},
                  {"facilitated", p.facilitated_by_partnership ? "ja" : ""},
                  {"value_for_municipality", p.value_for_municipality},
                  {"value_for_university", p.value_for_university},
                  {"version", std::to_string(view.version)}};
  for (const auto& [field, date] :
       {std::pair{"start", &p.start}, {"end", &p.end}, {"applied_on", &p.applied_on}}) {
    if (*date) v[field] = (*date)->ToIso();
  }
  for (const portfolio::Partner& x : p.partners) v["partners"] += x.Display() + "\n";
  for (const portfolio::Contact& c : p.contacts) v["contacts"] += c.name + "\n";
  for (const portfolio::Funding& f : p.funding) {
    v["funding"] += f.source + (f.amount.minor > 0 ? ": " + FormatMoneyPlain(f.amount) : "") + "\n";
  }
  return v;
}

FormValues ValuesSent(const PageRequest& req) {
  FormValues v;
  for (const char* field :
       {"name", "short_name", "description", "area", "kind", "status", "partners", "contacts",
        "funding", "start", "end", "applied_on", "facilitated", "value_for_municipality",
        "value_for_university", "version"}) {
    v[field] = req.Param(field);
  }
  return v;
}

// A text area's lines, trailing spaces and empty lines dropped.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::string line;
  for (char c : text + "\n") {
    if (c == '\n') {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (!line.empty()) out.push_back(line);
      line.clear();
    } else {
      line += c;
    }
  }
  return out;
}

// What the form sends, typed.
struct ProjectForm {
  portfolio::Project project;
  std::optional<int64_t> version;
  bool confirmed_distinct = false;
};

// The form's fields as a project: the text fields are read by the one project reader
// (portfolio::ProjectFromJson, which names the field in error); a funding line's amount
// ("Forskningsrådet: 12 400 000,50") goes to øre straight from the field, never through a double.
Result<ProjectForm> ProjectFromForm(const PageRequest& req) {
  json body = {{"name", req.Param("name")},
               {"short_name", req.Param("short_name")},
               {"description", req.Param("description")},
               {"area", req.Param("area")},
               {"kind", req.Param("kind")},
               {"status", req.Param("status")},
               {"facilitated_by_partnership", req.Param("facilitated") == "ja"},
               {"value_for_municipality", req.Param("value_for_municipality")},
               {"value_for_university", req.Param("value_for_university")},
               {"partners", json::array()},
               {"contacts", json::array()},
               {"funding", json::array()}};
  for (const char* d : {"start", "end", "applied_on"}) {
    if (!req.Param(d).empty()) body[d] = req.Param(d);
  }
  for (const std::string& l : Lines(req.Param("partners"))) {
    const size_t comma = l.find(',');
    const size_t unit = comma == std::string::npos ? l.size() : l.find_first_not_of(' ', comma + 1);
    body["partners"].push_back({{"organisation", l.substr(0, comma)},
                                {"unit", unit == std::string::npos ? "" : l.substr(unit)}});
  }
  for (const std::string& l : Lines(req.Param("contacts"))) {
    body["contacts"].push_back({{"name", l}});
  }
  std::vector<int64_t> amounts;
  for (const std::string& l : Lines(req.Param("funding"))) {
    const size_t colon = l.rfind(':');
    body["funding"].push_back({{"source", l.substr(0, colon)}});
    int64_t minor = 0;
    if (colon != std::string::npos) {
      Result<int64_t> parsed = ParseMoneyMinor(l.substr(colon + 1));
      if (!parsed.ok()) return InvalidArgument(parsed.status().message(), "funding");
      minor = *parsed;
    }
    amounts.push_back(minor);
  }
  ProjectForm form;
  if (const std::string version = req.Param("version"); !version.empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(form.version, ParseWholeNumber(version, "version"));
  }
  SAMSPILL_ASSIGN_OR_RETURN(form.project, portfolio::ProjectFromJson(body));
  for (size_t i = 0; i < amounts.size() && i < form.project.funding.size(); ++i) {
    form.project.funding[i].amount = Money{amounts[i], "NOK"};
  }
  form.confirmed_distinct = req.Param("confirmed_distinct") == "ja";
  return form;
}

// The form's field id for an error's field ("partners[1].unit" → "partners").
std::string FieldId(const std::string& field) {
  const std::string base = field.substr(0, field.find_first_of("[."));
  static const std::set<std::string> kKnown = {
      "name",     "short_name", "description", "area",  "kind", "status",
      "partners", "contacts",   "funding",     "start", "end",  "applied_on"};
  return kKnown.contains(base) ? base : "name";
}

std::string Reasons(const portfolio::DuplicateMatch& match) {
  std::string out;
  for (const std::string& r : match.reasons) out += "<li>" + H(r) + "</li>";
  return out;
}

std::string FormHtml(const PageRequest& req, app::PortfolioService& portfolio, FormValues v,
                     const std::string& action,
                     const std::vector<std::pair<std::string, std::string>>& errors,
                     const std::vector<portfolio::DuplicateMatch>& duplicates) {
  std::string out = ErrorSummary(req, errors);
  if (!duplicates.empty()) {
    std::string items;
    for (const portfolio::DuplicateMatch& d : duplicates) {
      items += "<li>" + ProjectLink(d.other_id, d.other_name) + " (" +
               H(FormatDecimal(req.lang, d.score, 2)) + ")<ul>" + Reasons(d) + "</ul></li>";
    }
    out +=
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" "
        "aria-labelledby=\"dup-title\"><h2 id=\"dup-title\">" +
        H(req.T("pf.duplicate_warning")) + "</h2><ul>" + items + "</ul><p>" +
        H(req.T("pf.duplicate_help")) + "</p></div>";
  }
  auto text = [&](const char* id, const char* key, const std::string& value,
                  bool required = false) {
    return "<div class=\"field\"><label for=\"" + std::string(id) + "\">" + H(req.T(key)) +
           "</label><input id=\"" + id + "\" name=\"" + id + "\" value=\"" + H(value) + "\"" +
           (required ? " required" : "") + "></div>";
  };
  auto area = [&](const char* id, const char* key, const std::string& value) {
    return "<div class=\"field\"><label for=\"" + std::string(id) + "\">" + H(req.T(key)) +
           "</label><textarea id=\"" + id + "\" name=\"" + id + "\" rows=\"4\">" + H(value) +
           "</textarea></div>";
  };
  auto date = [&](const char* id, const char* key) {
    return "<div class=\"field\"><label for=\"" + std::string(id) + "\">" + H(req.T(key)) +
           "</label><input id=\"" + id + "\" name=\"" + id + "\" type=\"date\" value=\"" +
           H(v[id]) + "\"></div>";
  };
  out += "<form method=\"post\" action=\"" + H(action) + "\" class=\"stack\">" + CsrfField(req);
  if (!v["version"].empty()) {
    out += "<input type=\"hidden\" name=\"version\" value=\"" + H(v["version"]) + "\">";
  }
  out += text("name", "pf.name", v["name"], true);
  out += text("short_name", "pf.short_name", v["short_name"]);
  out += area("description", "pf.description", v["description"]);
  out += "<div class=\"field\"><label for=\"area\">" + H(req.T("pf.area")) +
         "</label><select id=\"area\" name=\"area\">" +
         SelectOptions(AreaOptions(portfolio), v["area"], "") + "</select></div>";
  out += "<div class=\"field\"><label for=\"kind\">" + H(req.T("pf.kind")) +
         "</label><select id=\"kind\" name=\"kind\">" +
         SelectOptions(KindOptions(req), v["kind"], "") + "</select></div>";
  out +=
      "<div class=\"field\"><label for=\"status\">" + H(req.T("pf.status")) +
      "</label><select id=\"status\" name=\"status\">" +
      SelectOptions(StatusOptions(req, false), v["status"].empty() ? "active" : v["status"], "") +
      "</select></div>";
  out += area("partners", "pf.partners_help", v["partners"]);
  out += area("contacts", "pf.contacts_help", v["contacts"]);
  out += area("funding", "pf.funding_help", v["funding"]);
  out += date("start", "pf.start") + date("end", "pf.end") + date("applied_on", "pf.applied_on");
  out +=
      "<div class=\"field\"><input type=\"checkbox\" id=\"facilitated\" name=\"facilitated\" "
      "value=\"ja\"" +
      std::string(v["facilitated"] == "ja" ? " checked" : "") + "> <label for=\"facilitated\">" +
      H(req.T("pf.facilitated")) + "</label></div>";
  out += area("value_for_municipality", "pf.value_municipality", v["value_for_municipality"]);
  out += area("value_for_university", "pf.value_university", v["value_for_university"]);
  if (!duplicates.empty()) {
    out +=
        "<div class=\"field\"><input type=\"checkbox\" id=\"confirmed_distinct\" "
        "name=\"confirmed_distinct\" value=\"ja\"> <label for=\"confirmed_distinct\">" +
        H(req.T("pf.confirm_distinct")) + "</label></div>";
  }
  return out + "<button type=\"submit\">" + H(req.T("pf.save")) + "</button></form>";
}

Result<PageResponse> SubmitForm(PageRequest& req, app::PortfolioService& portfolio,
                                std::optional<int64_t> id) {
  const std::string action =
      id ? "/portefolje/prosjekt/" + std::to_string(*id) + "/rediger" : "/portefolje/ny";
  const std::string title(req.T(id ? "pf.edit" : "pf.new"));
  auto render =
      [&](int code, const std::vector<std::pair<std::string, std::string>>& errors,
          const std::vector<portfolio::DuplicateMatch>& duplicates) -> Result<PageResponse> {
    return PageResponse{
        code,
        RenderLayout(req, title,
                     "<h1>" + H(title) + "</h1>" +
                         FormHtml(req, portfolio, ValuesSent(req), action, errors, duplicates)),
        "",
        {}};
  };
  Result<ProjectForm> form = ProjectFromForm(req);
  if (!form.ok()) {
    return render(
        400, {{FieldId(form.status().field()), InLanguage(req.lang, form.status().message())}}, {});
  }
  if (!id && !form->confirmed_distinct) {
    Result<std::vector<portfolio::DuplicateMatch>> check =
        portfolio.CheckDuplicates(Who(req), form->project);
    if (check.ok() && !check->empty()) return render(409, {}, *check);
  }
  Result<app::ProjectView> saved =
      id ? portfolio.UpdateProject(Who(req), *id, {std::move(form->project), form->version})
         : portfolio.CreateProject(Who(req), {std::move(form->project), form->confirmed_distinct});
  if (!saved.ok()) {
    const Status& s = saved.status();
    if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) return s;
    return render(s.code() == StatusCode::kConflict ? 409 : 400,
                  {{FieldId(s.field()), InLanguage(req.lang, s.message())}}, {});
  }
  return Redirect("/portefolje/prosjekt/" + std::to_string(saved->project.id));
}

// ---- duplicates, targets, import ----

Result<PageResponse> DuplicatesPage(PageRequest& req, app::PortfolioService& portfolio) {
  SAMSPILL_ASSIGN_OR_RETURN(app::DuplicateReport report, portfolio.Duplicates(Who(req)));
  std::string rows;
  for (const app::DuplicatePair& pair : report.pairs) {
    const portfolio::DuplicateMatch& d = pair.match;
    rows += "<tr><td>" + ProjectLink(d.project_id, d.project_name) + " (" +
            H(pair.project_registered_by) + ")</td><td>" + ProjectLink(d.other_id, d.other_name) +
            " (" + H(pair.other_registered_by) + ")</td><td>" +
            H(FormatDecimal(req.lang, d.score, 2)) + "</td><td><ul>" + Reasons(d) +
            "</ul></td></tr>";
  }
  std::string body = "<h1>" + H(req.T("pf.duplicates")) + "</h1><p>" +
                     std::to_string(report.pairs.size()) + " " + H(req.T("pf.pairs_among")) + " " +
                     std::to_string(report.projects_checked) + "</p>";
  body += rows.empty()
              ? "<p>" + H(req.T("home.none")) + "</p>"
              : "<table>" + Head(req, {"pf.project", "pf.other", "pf.score", "pf.reasons"}) +
                    "<tbody>" + rows + "</tbody></table>";
  return PageResponse{200, RenderLayout(req, req.T("pf.duplicates"), body), "", {}};
}

Result<PageResponse> TargetsPage(PageRequest& req, app::PortfolioService& portfolio) {
  SAMSPILL_ASSIGN_OR_RETURN(app::IndicatorList list, portfolio.ListIndicators(Who(req)));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> categories, portfolio.Categories(Who(req)));
  const int first = list.period.first_year, last = list.period.last_year;
  std::string body = "<h1>" + H(req.T("pf.targets")) + "</h1>";
  if (IsCoordinator(req)) {
    body += "<p>" + H(req.T("pf.targets_help")) +
            "</p><ul class=\"links\"><li><a href=\"/portefolje/maltall/ny\">" +
            H(req.T("pf.new_indicator")) + "</a></li><li><a " +
            "href=\"/portefolje/maltall/import\">" + H(req.T("pf.import_indicators")) +
            "</a></li></ul>";
  }
  int n = 0;
  for (const std::string& category : categories) {
    SAMSPILL_ASSIGN_OR_RETURN(
        std::string svg, portfolio.CategorySvg(Who(req), category, false, req.lang == Lang::kEn));
    std::string head = "<thead><tr><th scope=\"col\">" + H(req.T("pf.indicator")) +
                       "</th><th scope=\"col\">" + H(req.T("pf.target")) + "</th>";
    for (int y = first; y <= last; ++y) head += "<th scope=\"col\">" + std::to_string(y) + "</th>";
    head += "<th scope=\"col\">" + H(req.T("pf.attainment")) + "</th></tr></thead>";
    std::string rows;
    for (const app::IndicatorView& view : list.indicators) {
      const portfolio::Indicator& ind = view.indicator;
      if (ind.category != category) continue;
      const std::string id = std::to_string(ind.id);
      // The coordinator enters figures on the indicator's own page.
      std::string name = IsCoordinator(req)
                             ? "<a href=\"/portefolje/maltall/" + id + "\">" + H(ind.name) + "</a>"
                             : H(ind.name);
      if (ind.count_rule) {
        name += "<br><span class=\"why\">" + H(req.T("pf.counted_marker")) + "</span>";
      }
      std::string row = "<tr id=\"indicator-" + id + "\"><th scope=\"row\">" + name + "</th><td>" +
                        (ind.target ? std::to_string(*ind.target) : "–") + "</td>";
      for (int y = first; y <= last; ++y) {
        std::string cell = "–";
        for (const portfolio::YearAttainment& ya : view.attainment.years) {
          if (ya.year != y) continue;
          cell = ya.value ? std::to_string(*ya.value) : "–";
          if (ya.state == portfolio::Attainment::kMet ||
              ya.state == portfolio::Attainment::kNotMet) {
            cell += " (" + std::string(req.T("pf." + std::string(AttainmentName(ya.state)))) + ")";
          }
          if (!ya.note.empty()) cell += "<br><span class=\"why\">" + H(ya.note) + "</span>";
        }
        row += "<td>" + cell + "</td>";
      }
      rows += row + "<td>" +
              H(req.lang == Lang::kEn ? view.attainment.summary_en : view.attainment.summary_nb) +
              "</td></tr>";
    }
    const std::string id = "category-" + std::to_string(n++);
    body += Section(id, category,
                    "<p>" + H(req.T("pf.chart_help")) + "</p>" + svg + "<table><caption>" +
                        H(req.T("pf.table_caption")) + " " + H(category) + "</caption>" + head +
                        "<tbody>" + rows + "</tbody></table>");
  }
  body += Section("downloads", req.T("pf.downloads"), Downloads(req));
  return PageResponse{200, RenderLayout(req, req.T("pf.targets"), body), "", {}};
}

}  // namespace

std::vector<PageRoute> PortfolioPageRoutes(app::PortfolioService& portfolio) {
  const std::string project = std::string("/portefolje/prosjekt/") + kIdPattern;
  std::vector<PageRoute> routes;
  routes.push_back({"GET", "/portefolje", false, PortfolioReaders(),
                    [&portfolio](PageRequest& req) { return ListPage(req, portfolio); }});
  routes.push_back({"GET", project, false, PortfolioReaders(), [&portfolio](PageRequest& req) {
                      return ProjectPage(req, portfolio, {}, 200);
                    }});
  routes.push_back({"GET", "/portefolje/ny", false, Writers(),
                    [&portfolio](PageRequest& req) -> Result<PageResponse> {
                      const std::string title(req.T("pf.new"));
                      return PageResponse{
                          200,
                          RenderLayout(req, title,
                                       "<h1>" + H(title) + "</h1>" +
                                           FormHtml(req, portfolio, {}, "/portefolje/ny", {}, {})),
                          "",
                          {}};
                    }});
  routes.push_back({"POST", "/portefolje/ny", false, Writers(), [&portfolio](PageRequest& req) {
                      return SubmitForm(req, portfolio, std::nullopt);
                    }});
  routes.push_back(
      {"GET", project + "/rediger", false, Writers(),
       [&portfolio](PageRequest& req) -> Result<PageResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(app::ProjectDetail p,
                                   portfolio.GetProject(Who(req), IdParam(req, 0)));
         const std::string title(req.T("pf.edit"));
         return PageResponse{
             200,
             RenderLayout(
                 req, title,
                 "<h1>" + H(title) + ": " + H(p.view.project.name) + "</h1>" +
                     FormHtml(req, portfolio, ValuesOf(p.view),
                              "/portefolje/prosjekt/" + req.params[0] + "/rediger", {}, {})),
             "",
             {}};
       }});
  routes.push_back({"POST", project + "/rediger", false, Writers(), [&portfolio](PageRequest& req) {
                      return SubmitForm(req, portfolio, IdParam(req, 0));
                    }});
  routes.push_back(
      {"POST",
       project + "/sla-sammen",
       false,
       {Role::kPartnershipCoordinator},
       [&portfolio](PageRequest& req) -> Result<PageResponse> {
         Result<int64_t> other = ParseWholeNumber(req.Param("duplicate_id"), "duplicate_id", 1);
         if (!other.ok()) {
           return ProjectPage(req, portfolio, {{"duplicate_id", std::string(req.T("pf.merge_id"))}},
                              400);
         }
         Result<app::ProjectView> merged = portfolio.Merge(Who(req), IdParam(req, 0), *other);
         if (!merged.ok()) {
           return ProjectPage(req, portfolio,
                              {{"duplicate_id", InLanguage(req.lang, merged.status().message())}},
                              merged.status().code() == StatusCode::kNotFound ? 404 : 409);
         }
         return Redirect("/portefolje/prosjekt/" + req.params[0]);
       }});
  routes.push_back({"GET", "/portefolje/duplikater", false, PortfolioReaders(),
                    [&portfolio](PageRequest& req) { return DuplicatesPage(req, portfolio); }});
  routes.push_back({"GET", "/portefolje/maltall", false, PortfolioReaders(),
                    [&portfolio](PageRequest& req) { return TargetsPage(req, portfolio); }});
  for (auto part : {PortfolioImportRoutes, PortfolioIndicatorRoutes, PortfolioFigureRoutes,
                    PortfolioAreaRoutes}) {
    for (PageRoute& route : part(portfolio)) routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace samspill::web
