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

#include "common/money.h"
#include "common/parse_number.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/portfolio_service.h"

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

std::string KindLabel(const PageRequest& req, const std::string& kind) {
  return std::string(req.T("pf.kind." + kind));
}
std::string StatusLabel(const PageRequest& req, const std::string& status) {
  return std::string(req.T("pf.status." + status));
}

std::vector<std::pair<std::string, std::string>> AreaOptions(const PortfolioService& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& a : p.settings().areas.areas) out.push_back({a, a});
  return out;
}
std::vector<std::pair<std::string, std::string>> KindOptions(const PageRequest& req) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto k : portfolio::kAllProjectKinds) {
    const std::string name(portfolio::ProjectKindName(k));
    out.push_back({name, KindLabel(req, name)});
  }
  return out;
}
std::vector<std::pair<std::string, std::string>> StatusOptions(const PageRequest& req,
                                                               bool with_merged) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto s : portfolio::kAllProjectStatuses) {
    if (s == portfolio::ProjectStatus::kMerged && !with_merged) continue;
    const std::string name(portfolio::ProjectStatusName(s));
    out.push_back({name, StatusLabel(req, name)});
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

Result<PageResponse> ListPage(PageRequest& req, PortfolioService& portfolio) {
  ProjectFilter f{req.Param("area"), req.Param("kind"), req.Param("status"), req.Param("q")};
  SAMSPILL_ASSIGN_OR_RETURN(json list, portfolio.ListProjects(Who(req), f));
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
  for (const json& p : list["projects"]) {
    std::string partners;
    for (const json& x : p["partners"]) {
      partners += (partners.empty() ? "" : "; ") + JsonText(x, "organisation") +
                  (JsonText(x, "unit").empty() ? "" : ", " + JsonText(x, "unit"));
    }
    rows += "<tr><td>" + ProjectLink(p["id"].get<int64_t>(), JsonText(p, "name")) + "</td><td>" +
            H(JsonText(p, "area")) + "</td><td>" + H(KindLabel(req, JsonText(p, "kind"))) +
            "</td><td>" + H(StatusLabel(req, JsonText(p, "status"))) + "</td><td>" + H(partners) +
            "</td><td>" + H(JsonText(p, "registered_by")) + "</td></tr>";
  }
  body += "<p>" + std::to_string(list["projects"].size()) + " " + H(req.T("pf.count")) + "</p>";
  body += rows.empty() ? "<p>" + H(req.T("home.none")) + "</p>"
                       : "<table>" +
                             Head(req, {"pf.name", "pf.area", "pf.kind", "pf.status", "pf.partners",
                                        "pf.registered_by"}) +
                             "<tbody>" + rows + "</tbody></table>";
  body += Section("downloads", req.T("pf.downloads"), Downloads(req));
  return PageResponse{200, RenderLayout(req, req.T("pf.title"), body), "", {}};
}

// ---- the project page ----

Result<PageResponse> ProjectPage(PageRequest& req, PortfolioService& portfolio,
                                 const std::vector<std::pair<std::string, std::string>>& errors,
                                 int status_code) {
  SAMSPILL_ASSIGN_OR_RETURN(json p, portfolio.GetProject(Who(req), IdParam(req, 0)));
  const std::string id = std::to_string(p["id"].get<int64_t>());
  std::string body = "<h1>" + H(JsonText(p, "name")) + "</h1>" + ErrorSummary(req, errors);
  if (!p["merged_into"].is_null()) {
    body += "<p class=\"notice\">" + H(req.T("pf.merged_into")) + " " +
            ProjectLink(p["merged_into"].get<int64_t>(),
                        "#" + std::to_string(p["merged_into"].get<int64_t>())) +
            "</p>";
  }
  std::string dl = "<dl class=\"facts\">";
  auto item = [&](const char* key, const std::string& html) {
    if (!html.empty()) dl += "<div><dt>" + H(req.T(key)) + "</dt><dd>" + html + "</dd></div>";
  };
  item("pf.short_name", H(JsonText(p, "short_name")));
  item("pf.area", H(JsonText(p, "area")));
  item("pf.kind", H(KindLabel(req, JsonText(p, "kind"))));
  item("pf.status", H(StatusLabel(req, JsonText(p, "status"))));
  item("pf.description", H(JsonText(p, "description")));
  std::string partners, contacts, funding;
  for (const json& x : p["partners"]) {
    partners += "<li>" + H(JsonText(x, "organisation")) +
                (JsonText(x, "unit").empty() ? "" : ", " + H(JsonText(x, "unit"))) + "</li>";
  }
  for (const json& c : p["contacts"]) {
    contacts += "<li>" + H(JsonText(c, "name")) +
                (JsonText(c, "role").empty() ? "" : " (" + H(JsonText(c, "role")) + ")") + "</li>";
  }
  for (const json& f : p["funding"]) {
    const double amount = f.value("amount", 0.0);
    funding += "<li>" + H(JsonText(f, "source")) +
               (amount > 0 ? ": " + H(FormatMoney(req.lang, Money{std::llround(amount * 100),
                                                                  JsonText(f, "currency")}))
                           : "") +
               "</li>";
  }
  item("pf.partners", partners.empty() ? "" : "<ul>" + partners + "</ul>");
  item("pf.contacts", contacts.empty() ? "" : "<ul>" + contacts + "</ul>");
  item("pf.funding", funding.empty() ? "" : "<ul>" + funding + "</ul>");
  item("pf.start", H(JsonText(p, "start")));
  item("pf.end", H(JsonText(p, "end")));
  item("pf.registered_by", H(JsonText(p, "registered_by")));
  item("pf.facilitated",
       H(req.T(p.value("facilitated_by_partnership", false) ? "pf.yes" : "pf.no")));
  item("pf.value_municipality", H(JsonText(p, "value_for_municipality")));
  item("pf.value_university", H(JsonText(p, "value_for_university")));
  body += dl + "</dl>";
  if (IsWriter(req) && p["merged_into"].is_null()) {
    body += "<p><a href=\"/portefolje/prosjekt/" + id + "/rediger\">" + H(req.T("pf.edit")) +
            "</a></p>";
  }
  std::string history;
  for (const json& h : p["history"]) {
    history += "<tr><td>" + H(JsonText(h, "at")) + "</td><td>" + H(JsonText(h, "actor")) +
               "</td><td><code>" + H(JsonText(h, "action")) + "</code></td><td>" +
               ProjectLink(h["project_id"].get<int64_t>(), JsonText(h, "name")) + " (v" +
               std::to_string(h["version"].get<int64_t>()) + ")</td></tr>";
  }
  body += Section("history", req.T("pf.history"),
                  "<table>" + Head(req, {"col.time", "col.actor", "col.action", "pf.name"}) +
                      "<tbody>" + history + "</tbody></table>");
  if (IsCoordinator(req) && p["merged_into"].is_null()) {
    body +=
        Section("merge", req.T("pf.merge"),
                "<form method=\"post\" action=\"/portefolje/prosjekt/" + id +
                    "/sla-sammen\" class=\"stack narrow\">" + CsrfField(req) +
                    "<div class=\"field\"><label for=\"duplicate_id\">" + H(req.T("pf.merge_id")) +
                    "</label><input id=\"duplicate_id\" name=\"duplicate_id\" "
                    "inputmode=\"numeric\" required></div><button type=\"submit\">" +
                    H(req.T("pf.merge")) + "</button></form>");
  }
  return PageResponse{status_code, RenderLayout(req, JsonText(p, "name"), body), "", {}};
}

// ---- the register/edit form ----

std::string Lines(const json& list, const std::function<std::string(const json&)>& line) {
  std::string out;
  for (const json& x : list) out += line(x) + "\n";
  return out;
}

// The form's fields as the API's project body.
Result<json> BodyFromForm(const PageRequest& req) {
  json body = {{"name", req.Param("name")},
               {"short_name", req.Param("short_name")},
               {"description", req.Param("description")},
               {"area", req.Param("area")},
               {"kind", req.Param("kind")},
               {"status", req.Param("status")},
               {"facilitated_by_partnership", req.Param("facilitated") == "ja"},
               {"value_for_municipality", req.Param("value_for_municipality")},
               {"value_for_university", req.Param("value_for_university")}};
  for (const char* d : {"start", "end", "applied_on"}) {
    if (!req.Param(d).empty()) body[d] = req.Param(d);
  }
  auto lines = [&](const std::string& name) {
    std::vector<std::string> out;
    std::string text = req.Param(name), line;
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
  };
  body["partners"] = json::array();
  for (const std::string& l : lines("partners")) {
    const size_t comma = l.find(',');
    body["partners"].push_back(
        {{"organisation", l.substr(0, comma)},
         {"unit", comma == std::string::npos
                      ? ""
                      : l.substr(l.find_first_not_of(' ', comma + 1) == std::string::npos
                                     ? l.size()
                                     : l.find_first_not_of(' ', comma + 1))}});
  }
  body["contacts"] = json::array();
  for (const std::string& l : lines("contacts")) body["contacts"].push_back({{"name", l}});
  body["funding"] = json::array();
  for (const std::string& l : lines("funding")) {
    const size_t colon = l.rfind(':');
    json f = {{"source", l.substr(0, colon)}};
    if (colon != std::string::npos) {
      Result<int64_t> minor = ParseMoneyMinor(l.substr(colon + 1));
      if (!minor.ok()) return InvalidArgument(minor.status().message(), "funding");
      f["amount"] = static_cast<double>(*minor) / 100.0;
    }
    body["funding"].push_back(f);
  }
  if (const std::string version = req.Param("version"); !version.empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(body["version"], ParseWholeNumber(version, "version"));
  }
  if (req.Param("confirmed_distinct") == "ja") body["confirmed_distinct"] = true;
  return body;
}

// The form's field id for an error's field ("partners[1].unit" → "partners").
std::string FieldId(const std::string& field) {
  const std::string base = field.substr(0, field.find_first_of("[."));
  static const std::set<std::string> kKnown = {
      "name",     "short_name", "description", "area",  "kind", "status",
      "partners", "contacts",   "funding",     "start", "end",  "applied_on"};
  return kKnown.contains(base) ? base : "name";
}

std::string FormHtml(const PageRequest& req, PortfolioService& portfolio, const json& p,
                     const std::string& action,
                     const std::vector<std::pair<std::string, std::string>>& errors,
                     const json& duplicates) {
  std::string out = ErrorSummary(req, errors);
  if (!duplicates.empty()) {
    std::string items;
    for (const json& d : duplicates) {
      std::string reasons;
      for (const json& r : d["reasons"]) reasons += "<li>" + H(r.get<std::string>()) + "</li>";
      items += "<li>" + ProjectLink(d["other_id"].get<int64_t>(), JsonText(d, "other_name")) +
               " (" + H(FormatDecimal(req.lang, d["score"].get<double>(), 2)) + ")<ul>" + reasons +
               "</ul></li>";
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
           H(JsonText(p, id)) + "\"></div>";
  };
  out += "<form method=\"post\" action=\"" + H(action) + "\" class=\"stack\">" + CsrfField(req);
  if (p.contains("version")) {
    out += "<input type=\"hidden\" name=\"version\" value=\"" +
           std::to_string(p["version"].get<int64_t>()) + "\">";
  }
  out += text("name", "pf.name", JsonText(p, "name"), true);
  out += text("short_name", "pf.short_name", JsonText(p, "short_name"));
  out += area("description", "pf.description", JsonText(p, "description"));
  out += "<div class=\"field\"><label for=\"area\">" + H(req.T("pf.area")) +
         "</label><select id=\"area\" name=\"area\">" +
         SelectOptions(AreaOptions(portfolio), JsonText(p, "area"), "") + "</select></div>";
  out += "<div class=\"field\"><label for=\"kind\">" + H(req.T("pf.kind")) +
         "</label><select id=\"kind\" name=\"kind\">" +
         SelectOptions(KindOptions(req), JsonText(p, "kind"), "") + "</select></div>";
  out += "<div class=\"field\"><label for=\"status\">" + H(req.T("pf.status")) +
         "</label><select id=\"status\" name=\"status\">" +
         SelectOptions(StatusOptions(req, false),
                       JsonText(p, "status").empty() ? "active" : JsonText(p, "status"), "") +
         "</select></div>";
  out += area("partners", "pf.partners_help",
              Lines(p.value("partners", json::array()), [](const json& x) {
                return JsonText(x, "organisation") +
                       (JsonText(x, "unit").empty() ? "" : ", " + JsonText(x, "unit"));
              }));
  out += area(
      "contacts", "pf.contacts_help",
      Lines(p.value("contacts", json::array()), [](const json& x) { return JsonText(x, "name"); }));
  out += area("funding", "pf.funding_help",
              Lines(p.value("funding", json::array()), [](const json& x) {
                const double a = x.value("amount", 0.0);
                return JsonText(x, "source") +
                       (a > 0 ? ": " + FormatMoneyPlain({std::llround(a * 100), "NOK"}) : "");
              }));
  out += date("start", "pf.start") + date("end", "pf.end") + date("applied_on", "pf.applied_on");
  out +=
      "<div class=\"field\"><input type=\"checkbox\" id=\"facilitated\" name=\"facilitated\" "
      "value=\"ja\"" +
      std::string(p.value("facilitated_by_partnership", false) ? " checked" : "") +
      "> <label for=\"facilitated\">" + H(req.T("pf.facilitated")) + "</label></div>";
  out += area("value_for_municipality", "pf.value_municipality",
              JsonText(p, "value_for_municipality"));
  out += area("value_for_university", "pf.value_university", JsonText(p, "value_for_university"));
  if (!duplicates.empty()) {
    out +=
        "<div class=\"field\"><input type=\"checkbox\" id=\"confirmed_distinct\" "
        "name=\"confirmed_distinct\" value=\"ja\"> <label for=\"confirmed_distinct\">" +
        H(req.T("pf.confirm_distinct")) + "</label></div>";
  }
  return out + "<button type=\"submit\">" + H(req.T("pf.save")) + "</button></form>";
}

Result<PageResponse> SubmitForm(PageRequest& req, PortfolioService& portfolio,
                                std::optional<int64_t> id) {
  const std::string action =
      id ? "/portefolje/prosjekt/" + std::to_string(*id) + "/rediger" : "/portefolje/ny";
  const std::string title(req.T(id ? "pf.edit" : "pf.new"));
  Result<json> body = BodyFromForm(req);
  json shown = body.ok() ? *body : json::object();
  auto render = [&](int code, const std::vector<std::pair<std::string, std::string>>& errors,
                    const json& duplicates) -> Result<PageResponse> {
    return PageResponse{
        code,
        RenderLayout(req, title,
                     "<h1>" + H(title) + "</h1>" +
                         FormHtml(req, portfolio, shown, action, errors, duplicates)),
        "",
        {}};
  };
  if (!body.ok()) {
    return render(400,
                  {{FieldId(body.status().field()), InLanguage(req.lang, body.status().message())}},
                  json::array());
  }
  if (!id && !body->value("confirmed_distinct", false)) {
    Result<json> check = portfolio.CheckDuplicates(Who(req), *body);
    if (check.ok() && !(*check)["duplicates"].empty())
      return render(409, {}, (*check)["duplicates"]);
  }
  Result<json> saved =
      id ? portfolio.UpdateProject(Who(req), *id, *body) : portfolio.CreateProject(Who(req), *body);
  if (!saved.ok()) {
    const Status& s = saved.status();
    if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) return s;
    return render(s.code() == StatusCode::kConflict ? 409 : 400,
                  {{FieldId(s.field()), InLanguage(req.lang, s.message())}}, json::array());
  }
  return Redirect("/portefolje/prosjekt/" + std::to_string((*saved)["id"].get<int64_t>()));
}

// ---- duplicates, targets, import ----

Result<PageResponse> DuplicatesPage(PageRequest& req, PortfolioService& portfolio) {
  SAMSPILL_ASSIGN_OR_RETURN(json report, portfolio.DuplicateReport(Who(req)));
  std::string rows;
  for (const json& d : report["pairs"]) {
    std::string reasons;
    for (const json& r : d["reasons"]) reasons += "<li>" + H(r.get<std::string>()) + "</li>";
    rows += "<tr><td>" + ProjectLink(d["project_id"].get<int64_t>(), JsonText(d, "project_name")) +
            " (" + H(JsonText(d, "project_registered_by")) + ")</td><td>" +
            ProjectLink(d["other_id"].get<int64_t>(), JsonText(d, "other_name")) + " (" +
            H(JsonText(d, "other_registered_by")) + ")</td><td>" +
            H(FormatDecimal(req.lang, d["score"].get<double>(), 2)) + "</td><td><ul>" + reasons +
            "</ul></td></tr>";
  }
  std::string body = "<h1>" + H(req.T("pf.duplicates")) + "</h1><p>" +
                     std::to_string(report["pairs"].size()) + " " + H(req.T("pf.pairs_among")) +
                     " " + std::to_string(report["projects_checked"].get<size_t>()) + "</p>";
  body += rows.empty()
              ? "<p>" + H(req.T("home.none")) + "</p>"
              : "<table>" + Head(req, {"pf.project", "pf.other", "pf.score", "pf.reasons"}) +
                    "<tbody>" + rows + "</tbody></table>";
  return PageResponse{200, RenderLayout(req, req.T("pf.duplicates"), body), "", {}};
}

Result<PageResponse> TargetsPage(PageRequest& req, PortfolioService& portfolio) {
  SAMSPILL_ASSIGN_OR_RETURN(json list, portfolio.ListIndicators(Who(req)));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<std::string> categories, portfolio.Categories(Who(req)));
  const int first = list["period"]["first_year"], last = list["period"]["last_year"];
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
    SAMSPILL_ASSIGN_OR_RETURN(std::string svg, portfolio.CategorySvg(Who(req), category, false));
    std::string head = "<thead><tr><th scope=\"col\">" + H(req.T("pf.indicator")) +
                       "</th><th scope=\"col\">" + H(req.T("pf.target")) + "</th>";
    for (int y = first; y <= last; ++y) head += "<th scope=\"col\">" + std::to_string(y) + "</th>";
    head += "<th scope=\"col\">" + H(req.T("pf.attainment")) + "</th></tr></thead>";
    std::string rows;
    for (const json& ind : list["indicators"]) {
      if (JsonText(ind, "category") != category) continue;
      const std::string id = std::to_string(ind["id"].get<int64_t>());
      // The coordinator enters figures on the indicator's own page.
      std::string name = IsCoordinator(req) ? "<a href=\"/portefolje/maltall/" + id + "\">" +
                                                  H(JsonText(ind, "name")) + "</a>"
                                            : H(JsonText(ind, "name"));
      if (!ind["count_rule"].is_null()) {
        name += "<br><span class=\"why\">" + H(req.T("pf.counted_marker")) + "</span>";
      }
      std::string row =
          "<tr id=\"indicator-" + id + "\"><th scope=\"row\">" + name + "</th><td>" +
          (ind["target"].is_null() ? "–" : std::to_string(ind["target"].get<int64_t>())) + "</td>";
      for (int y = first; y <= last; ++y) {
        std::string cell = "–";
        for (const json& ya : ind["attainment"]["years"]) {
          if (ya["year"] != y) continue;
          cell = ya["value"].is_null() ? "–" : std::to_string(ya["value"].get<int64_t>());
          const std::string state = JsonText(ya, "state");
          if (state == "met" || state == "not_met")
            cell += " (" + std::string(req.T("pf." + state)) + ")";
          if (!JsonText(ya, "note").empty())
            cell += "<br><span class=\"why\">" + H(JsonText(ya, "note")) + "</span>";
        }
        row += "<td>" + cell + "</td>";
      }
      rows += row + "<td>" + H(JsonText(ind["attainment"], "summary")) + "</td></tr>";
    }
    const std::string id = "category-" + std::to_string(n++);
    body += Section(id, category,
                    svg + "<table><caption>" + H(req.T("pf.table_caption")) + " " + H(category) +
                        "</caption>" + head + "<tbody>" + rows + "</tbody></table>");
  }
  body += Section("downloads", req.T("pf.downloads"), Downloads(req));
  return PageResponse{200, RenderLayout(req, req.T("pf.targets"), body), "", {}};
}

}  // namespace

std::vector<PageRoute> PortfolioPageRoutes(PortfolioService& portfolio) {
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
                                           FormHtml(req, portfolio, json::object(),
                                                    "/portefolje/ny", {}, json::array())),
                          "",
                          {}};
                    }});
  routes.push_back({"POST", "/portefolje/ny", false, Writers(), [&portfolio](PageRequest& req) {
                      return SubmitForm(req, portfolio, std::nullopt);
                    }});
  routes.push_back(
      {"GET", project + "/rediger", false, Writers(),
       [&portfolio](PageRequest& req) -> Result<PageResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json p, portfolio.GetProject(Who(req), IdParam(req, 0)));
         const std::string title(req.T("pf.edit"));
         return PageResponse{
             200,
             RenderLayout(req, title,
                          "<h1>" + H(title) + ": " + H(JsonText(p, "name")) + "</h1>" +
                              FormHtml(req, portfolio, p,
                                       "/portefolje/prosjekt/" + req.params[0] + "/rediger", {},
                                       json::array())),
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
         Result<json> merged = portfolio.Merge(Who(req), IdParam(req, 0), *other);
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
