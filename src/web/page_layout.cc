#include <algorithm>

#include "common/html_escape.h"
#include "web/page.h"

namespace samspill::web {
namespace {

// The current path with `lang` set to the other language (other query parameters dropped:
// the switch is a plain link that never repeats a form post).
std::string OtherLanguageLink(const PageRequest& req) {
  return req.http.path + (req.lang == Lang::kNb ? "?lang=en" : "?lang=nb");
}

}  // namespace

std::string FormValue(const HttpRequest& http, const std::string& name) {
  if (http.HasParam(name)) return http.Param(name);
  if (const FormPart* part = http.Part(name); part != nullptr && part->filename.empty()) {
    return part->content;
  }
  return {};
}

std::optional<Upload> PageRequest::File(const std::string& name) const {
  const FormPart* part = http.Part(name);
  if (part == nullptr || (part->filename.empty() && part->content.empty())) return std::nullopt;
  return Upload{part->filename, part->content_type, part->content};
}

std::string H(std::string_view text) { return EscapeHtml(text); }

std::string CsrfField(const PageRequest& req) {
  if (!req.principal) return "";
  return "<input type=\"hidden\" name=\"csrf_token\" value=\"" +
         H(req.principal->session.csrf_token) + "\">";
}

std::string ErrorSummary(const PageRequest& req,
                         const std::vector<std::pair<std::string, std::string>>& errors) {
  if (errors.empty()) return "";
  std::string out =
      "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-"
      "summary-title\"><h2 id=\"error-summary-title\">" +
      H(req.T("error.summary")) + "</h2><ul>";
  for (const auto& [field, message] : errors) {
    out += field.empty() ? "<li>" + H(message) + "</li>"
                         : "<li><a href=\"#" + H(field) + "\">" + H(message) + "</a></li>";
  }
  return out + "</ul></div>";
}

int FormRefusalStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kResourceExhausted:
      return 413;
    default:
      return 400;
  }
}

PageResponse Redirect(std::string path) {
  PageResponse r;
  r.status = 303;
  r.redirect = std::move(path);
  return r;
}

// Every table and chart in its own box that scrolls sideways when the screen is narrower than
// it, so that the page itself never does (a 390 px phone). A plain division: browsers make a
// box that scrolls focusable for the keyboard themselves, and a focus stop on every table would
// lengthen the tab order on wide screens where nothing scrolls (docs/decisions/0027).
std::string WrapWideContent(std::string_view html) {
  static constexpr std::string_view kTable = "<table";
  static constexpr std::string_view kChart = "<svg class=\"chart";
  std::string out;
  out.reserve(html.size() + 256);
  size_t i = 0;
  while (i < html.size()) {
    const size_t table = html.find(kTable, i);
    const size_t chart = html.find(kChart, i);
    const size_t start = std::min(table, chart);
    if (start == std::string_view::npos) break;
    const std::string_view close = start == table ? "</table>" : "</svg>";
    const size_t end = html.find(close, start);
    if (end == std::string_view::npos) break;
    out.append(html.substr(i, start - i));
    out += "<div class=\"scroll\">";
    out.append(html.substr(start, end + close.size() - start));
    out += "</div>";
    i = end + close.size();
  }
  out.append(html.substr(std::min(i, html.size())));
  return out;
}

std::string RenderLayout(const PageRequest& req, std::string_view title, std::string_view body_html,
                         std::string_view extra_stylesheet) {
  std::string nav;
  if (req.principal) {
    const Role role = req.principal->user.role;
    auto link = [&](const char* href, std::string_view key) {
      const bool current = req.http.path == href;
      nav += std::string("<li><a href=\"") + href + "\"" +
             (current ? " aria-current=\"page\"" : "") + ">" + H(req.T(key)) + "</a></li>";
    };
    link("/", "nav.home");
    // The partnership roles work in the portfolio only and read no tenders.
    if (IsTenderBuyerRole(role) || role == Role::kSupplier) link("/anbud", "nav.tenders");
    if (IsPortfolioRole(role) || role == Role::kAdministrator || role == Role::kAuditor) {
      link("/portefolje", "nav.portfolio");
    }
    if (IsStrategyReaderRole(role)) link("/strategi", "nav.strategy");
    if (IsDecisionReaderRole(role)) link("/beslutning", "nav.decisions");
    if (role == Role::kProcurementOfficer) link("/anbud/ny", "nav.new_tender");
    if (role == Role::kProcurementOfficer) link("/marked/import", "nav.market_import");
    if (role == Role::kAdministrator || role == Role::kAuditor) link("/revisjonslogg", "nav.audit");
  }
  std::string user_box;
  if (req.principal) {
    user_box = "<div class=\"user\"><span>" + H(req.T("nav.logged_in_as")) + " <strong>" +
               H(req.principal->user.display_name) + "</strong> (" +
               H(RoleLabelNb(req.principal->user.role)) +
               ")</span><form method=\"post\" action=\"/logg-ut\">" + CsrfField(req) +
               "<button type=\"submit\" class=\"link-button\">" + H(req.T("nav.logout")) +
               "</button></form></div>";
  }
  std::string html = "<!doctype html>\n<html lang=\"" + std::string(LangCode(req.lang)) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>" +
                     H(title) +
                     " – samspill</title>\n"
                     "<link rel=\"icon\" href=\"/assets/samspill.svg\" type=\"image/svg+xml\">\n"
                     "<link rel=\"stylesheet\" href=\"/assets/samspill.css\">\n" +
                     (extra_stylesheet.empty()
                          ? std::string()
                          : "<link rel=\"stylesheet\" href=\"" + H(extra_stylesheet) + "\">\n") +
                     "</head>\n<body>\n"
                     "<a class=\"skip-link\" href=\"#main\">" +
                     H(req.T("nav.skip")) +
                     "</a>\n<header class=\"site-header\"><div class=\"bar\">"
                     "<a class=\"brand\" href=\"/\">samspill</a>"
                     "<span class=\"tagline\">" +
                     H(req.T("app.tagline")) + "</span>" + user_box + "<a class=\"lang\" href=\"" +
                     H(OtherLanguageLink(req)) + "\" lang=\"" +
                     (req.lang == Lang::kNb ? "en" : "nb") + "\">" +
                     H(req.T("nav.other_language")) + "</a></div>";
  if (!nav.empty()) {
    html += "<nav aria-label=\"" + H(req.T("nav.main")) + "\"><ul>" + nav + "</ul></nav>";
  }
  html += "</header>\n<main id=\"main\" tabindex=\"-1\">\n";
  html += WrapWideContent(body_html);
  html += "\n</main>\n</body>\n</html>\n";
  return html;
}

std::string JsonText(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Section(const std::string& id, std::string_view heading, const std::string& body) {
  return "<section aria-labelledby=\"" + id + "\"><h2 id=\"" + id + "\">" + H(heading) + "</h2>" +
         body + "</section>";
}

std::string Row(std::initializer_list<std::string> cells) {
  std::string out = "<tr>";
  for (const std::string& c : cells) out += "<td>" + c + "</td>";
  return out + "</tr>";
}

std::string Head(const PageRequest& req, std::initializer_list<const char*> keys) {
  std::string out = "<thead><tr>";
  for (const char* k : keys) out += "<th scope=\"col\">" + H(req.T(k)) + "</th>";
  return out + "</tr></thead>";
}

}  // namespace samspill::web
