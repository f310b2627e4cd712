// The server-rendered pages' plumbing: typed request/response, page route table entries, and
// the shared layout (header, navigation, language switch, logout), in Norwegian bokmål or
// English.
//
// Pages call the same services as the JSON API (TenderService, AuthService) and only render:
// no business rule lives in a page. Everything written into HTML goes through H() (escaping)
// unless it is markup built here. Forms that change state carry the session's CSRF token in a
// hidden field `csrf_token`, which the dispatcher checks together with the Origin header — in a
// url-encoded form or as a text part of a multipart/form-data form (file uploads).
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/auth_service.h"
#include "common/role.h"
#include "common/status.h"
#include "web/http_message.h"
#include "web/i18n.h"

namespace samspill::app {
class PortfolioService;
class TenderService;
class MarketService;
}  // namespace samspill::app

namespace samspill::web {

// A file sent with a multipart/form-data form (<input type="file">).
struct Upload {
  std::string filename;      // as the browser names it, without a folder
  std::string content_type;  // as the browser says; not trusted
  std::string content;
};

// A form field or query parameter, or a text part (one without a file name) of a
// multipart/form-data body; "" when absent.
std::string FormValue(const HttpRequest& http, const std::string& name);

struct PageRequest {
  const HttpRequest& http;
  std::optional<app::Principal> principal;  // set on every non-public page
  std::vector<std::string> params;          // regex captures from the route pattern
  Lang lang = Lang::kNb;

  // A form field or query parameter ("" when absent), url-encoded or multipart (FormValue).
  std::string Param(const std::string& name) const { return FormValue(http, name); }
  // The file chosen in the multipart field `name`; nullopt when none was chosen (browsers send
  // an empty part without a file name then).
  std::optional<Upload> File(const std::string& name) const;
  std::string_view T(std::string_view key) const { return Tr(lang, key); }
};

struct PageResponse {
  int status = 200;
  std::string html;      // a whole document (RenderLayout)
  std::string redirect;  // when set: 303 See Other to this path
  std::vector<std::pair<std::string, std::string>> headers;
};

using PageHandler = std::function<Result<PageResponse>(PageRequest&)>;

struct PageRoute {
  std::string method;   // "GET" or "POST"
  std::string pattern;  // full-match regex on the path
  bool is_public = false;
  std::vector<Role> roles;  // empty: every logged-in role
  PageHandler handler;
};

// Escapes text for element content and quoted attribute values.
std::string H(std::string_view text);

// `html` with every table and chart (`<svg class="chart"`) in a `<div class="scroll">` that
// scrolls sideways on its own when the screen is narrower than it.
std::string WrapWideContent(std::string_view html);

// The whole document: skip link, header with navigation for the user's role, the language
// switch, `<main id="main">` holding `body_html` (which starts with the page's h1), its tables
// and charts each in their own scrolling box (WrapWideContent).
// `extra_stylesheet`: a second stylesheet's path (the protocol's print styles).
std::string RenderLayout(const PageRequest& req, std::string_view title, std::string_view body_html,
                         std::string_view extra_stylesheet = {});

// The hidden CSRF field for a form ("" on public pages).
std::string CsrfField(const PageRequest& req);

// An error summary at the top of a form (WCAG 3.3.1): role=alert, focusable, with links to the
// fields in error. `errors` are (field id, message); an empty field id links nowhere.
std::string ErrorSummary(const PageRequest& req,
                         const std::vector<std::pair<std::string, std::string>>& errors);

PageResponse Redirect(std::string path);

// The HTTP status a refused form shows its page again with: 409 for a conflict (changed by
// someone else), 404 for something gone, 413 for a file too large, else 400.
int FormRefusalStatus(const Status& s);

// Small pieces of page markup shared by every page.
// The string at `key` of a JSON object, or "" (missing or not a string).
std::string JsonText(const nlohmann::json& object, const char* key);
// <section> labelled by its <h2 id="id">.
std::string Section(const std::string& id, std::string_view heading, const std::string& body);
// A table row of already escaped cells.
std::string Row(std::initializer_list<std::string> cells);
// A <thead> of column headers, each the translation of a text key.
std::string Head(const PageRequest& req, std::initializer_list<const char*> keys);

// The page route table of the tender job (login, start page, tenders, protocol, audit).
// `market`: the market section on a draft's page.
std::vector<PageRoute> TenderPageRoutes(app::AuthService& auth, app::TenderService& tenders,
                                        app::MarketService& market, store::Store& store,
                                        bool secure_cookies);
// Create and revise a draft: /anbud/ny and /anbud/{id}/rediger (procurement officers).
std::vector<PageRoute> TenderFormRoutes(app::TenderService& tenders);
// The check list before publishing, from which a tender is published.
std::vector<PageRoute> TenderCheckRoutes(app::TenderService& tenders);
// The partnership portfolio's pages under /portefolje (web/portfolio_pages.cc).
std::vector<PageRoute> PortfolioPageRoutes(app::PortfolioService& portfolio);

}  // namespace samspill::web
