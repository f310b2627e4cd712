#include "web/server.h"

#include <algorithm>
#include <regex>

#include "tendering/protocol_html.h"
#include "web/api_routes.h"
#include "web/http_server.h"
#include "web/http_status.h"
#include "web/messages.h"
#include "web/page.h"
#include "web/stylesheet.h"

namespace samspill::web {
namespace {

using nlohmann::json;

struct CompiledRoute {
  Route route;
  std::regex regex;
};

struct CompiledPage {
  PageRoute route;
  std::regex regex;
};

// A file the server holds in memory (the stylesheets and the icon).
struct Asset {
  std::string path;
  std::string content_type;
  std::string cache_control;
  std::string body;
};

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool IsApiPath(const std::string& path) { return path.rfind("/api/", 0) == 0; }

void WriteJson(HttpResponse& res, int status, const json& body) {
  res.status = status;
  if (!body.is_null()) {
    res.SetContent(body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n",
                   "application/json; charset=utf-8");
  }
}

void WriteError(HttpResponse& res, const Status& status) {
  WriteJson(res, HttpStatusFor(status.code()), ErrorJson(status));
}

Lang VisitorLang(const HttpRequest& req) {
  if (auto lang = LangFromCode(req.Param("lang"))) return *lang;
  if (auto lang = LangFromCode(req.Cookie("samspill_lang"))) return *lang;
  return Lang::kNb;
}

// A page's request that the HTTP layer refused before any handler ran (too large, unreadable
// form, malformed): an HTML page that says which, in the visitor's language, instead of the
// API's JSON.
HttpResponse RefusalPage(const HttpRequest& req, int status, const Status& reason,
                         size_t max_body_bytes) {
  PageRequest page{req, std::nullopt, {}, VisitorLang(req)};
  std::string title;
  std::string message;
  if (status == 413) {
    const bool file = req.Header("Content-Type").rfind("multipart/form-data", 0) == 0;
    title = page.T("error.too_large");
    message = std::string(page.T(file ? "error.too_large_file" : "error.too_large_form")) + " " +
              std::to_string(max_body_bytes >> 20) + " MB.";
  } else {
    title = page.T("error.title");
    message = page.T("error.bad_request");
    if (!reason.field().empty()) {
      message +=
          " " + std::string(page.T("error.bad_request_field")) + " «" + reason.field() + "».";
    }
  }
  HttpResponse res;
  res.status = status;
  res.SetHeader("Cache-Control", "no-store");
  res.SetContent(RenderLayout(page, title,
                              "<h1>" + H(title) + "</h1><p>" + H(message) +
                                  "</p><p><a href=\"/\">" + H(page.T("error.back")) + "</a></p>"),
                 "text/html; charset=utf-8");
  return res;
}

}  // namespace

struct WebServer::Impl {
  store::Store& store;
  app::AuthService& auth;
  ServerOptions options;
  std::vector<CompiledRoute> routes;
  std::vector<CompiledPage> pages;
  std::vector<Asset> assets;
  std::unique_ptr<HttpServer> http;

  Impl(store::Store& s, app::AuthService& a, ServerOptions o) : store(s), auth(a), options(o) {}

  HttpResponse Handle(const HttpRequest& req) {
    HttpResponse res;
    const std::string& method = req.method == "HEAD" ? std::string("GET") : req.method;
    for (const Asset& asset : assets) {
      if (asset.path != req.path) continue;
      if (method != "GET") break;
      res.SetHeader("Cache-Control", asset.cache_control);
      res.SetContent(asset.body, asset.content_type);
      return res;
    }
    if (IsApiPath(req.path)) {
      Dispatch(req, method, res);
      return res;
    }
    bool path_known = false;
    for (const CompiledPage& page : pages) {
      std::smatch match;
      if (!std::regex_match(req.path, match, page.regex)) continue;
      path_known = true;
      if (page.route.method != method) continue;
      DispatchPage(page.route, match, req, res);
      return res;
    }
    res.status = path_known ? 405 : 404;
    if (path_known) res.SetHeader("Allow", AllowedMethods(pages, req.path));
    PageRequest page{req, std::nullopt, {}, VisitorLang(req)};
    const std::string title(page.T(path_known ? "error.title" : "error.not_found"));
    res.SetHeader("Cache-Control", "no-store");
    res.SetContent(RenderLayout(page, title,
                                "<h1>" + H(title) + "</h1><p><a href=\"/\">" +
                                    H(page.T("error.back")) + "</a></p>"),
                   "text/html; charset=utf-8");
    return res;
  }

  HttpResponse Refuse(const HttpRequest& req, int status, const Status& reason) {
    if (!IsApiPath(req.path) && !req.path.empty()) {
      return RefusalPage(req, status, reason, options.max_body_bytes);
    }
    HttpResponse res;
    res.SetHeader("Cache-Control", "no-store");
    WriteJson(res, status, ErrorJson(reason));
    return res;
  }

  void Dispatch(const HttpRequest& req, const std::string& method, HttpResponse& res) {
    res.SetHeader("Cache-Control", "no-store");
    bool path_known = false;
    for (const CompiledRoute& compiled : routes) {
      std::smatch match;
      if (!std::regex_match(req.path, match, compiled.regex)) continue;
      path_known = true;
      if (compiled.route.method != method) continue;
      ApiRequest api{req, std::nullopt, {}};
      for (size_t i = 1; i < match.size(); ++i) api.params.push_back(match[i].str());
      Status status = Authorise(compiled.route, req, api);
      if (!status.ok()) return WriteError(res, status);
      Result<ApiResponse> out = compiled.route.handler(api);
      if (!out.ok()) return WriteError(res, out.status());
      for (const auto& [name, value] : out->headers) res.headers.emplace_back(name, value);
      if (!out->content_type.empty()) {
        res.status = out->status;
        return res.SetContent(out->text, out->content_type);
      }
      return WriteJson(res, out->status, out->body);
    }
    if (path_known) {
      res.SetHeader("Allow", AllowedMethods(routes, req.path));
      return WriteJson(
          res, 405,
          ErrorJson(Status(StatusCode::kInvalidArgument,
                           "method " + req.method + " is not allowed on " + req.path)));
    }
    WriteError(res, NotFound("no API endpoint " + req.path));
  }

  Status Authorise(const Route& route, const HttpRequest& req, ApiRequest& api) {
    if (route.is_public) return Status::Ok();
    SAMSPILL_ASSIGN_OR_RETURN(app::Principal principal,
                              auth.Authenticate(req.Cookie(kSessionCookie)));
    if (ChangesState(req.method) &&
        !app::ConstantTimeEquals(req.Header("X-CSRF-Token"), principal.session.csrf_token)) {
      return PermissionDenied("missing or wrong X-CSRF-Token header");
    }
    if (!route.roles.empty() && std::find(route.roles.begin(), route.roles.end(),
                                          principal.user.role) == route.roles.end()) {
      return PermissionDenied("the role " + std::string(RoleName(principal.user.role)) +
                              " may not do this");
    }
    api.principal = std::move(principal);
    return Status::Ok();
  }

  // A page: language from ?lang= (remembered in a cookie) or the cookie; the session (anonymous
  // visitors of non-public pages go to the login page); for POST, a same-origin Origin header
  // and the session's CSRF token in the form; the role; then the handler. Errors become a
  // page in the user's language.
  void DispatchPage(const PageRoute& route, const std::smatch& match, const HttpRequest& req,
                    HttpResponse& res) {
    res.SetHeader("Cache-Control", "no-store");
    PageRequest page{req, std::nullopt, {}, Lang::kNb};
    for (size_t i = 1; i < match.size(); ++i) page.params.push_back(match[i].str());
    if (auto lang = LangFromCode(req.Param("lang"))) {
      page.lang = *lang;
      res.headers.emplace_back("Set-Cookie", std::string("samspill_lang=") +
                                                 std::string(LangCode(*lang)) +
                                                 "; Path=/; SameSite=Lax; Max-Age=31536000");
    } else if (auto cookie = LangFromCode(req.Cookie("samspill_lang"))) {
      page.lang = *cookie;
    }
    Result<app::Principal> principal = auth.Authenticate(req.Cookie(kSessionCookie));
    if (principal.ok()) page.principal = std::move(*principal);
    Status status = AuthorisePage(route, req, page);
    if (!status.ok()) {
      if (status.code() == StatusCode::kUnauthenticated) {
        res.status = 303;
        res.SetHeader("Location", "/logg-inn");
        return;
      }
      return WritePageError(res, page, status);
    }
    Result<PageResponse> out = route.handler(page);
    if (!out.ok()) return WritePageError(res, page, out.status());
    for (const auto& [name, value] : out->headers) res.headers.emplace_back(name, value);
    if (!out->redirect.empty()) {
      res.status = 303;
      res.SetHeader("Location", out->redirect);
      return;
    }
    res.status = out->status;
    res.SetContent(std::move(out->html), "text/html; charset=utf-8");
  }

  Status AuthorisePage(const PageRoute& route, const HttpRequest& req, const PageRequest& page) {
    if (req.method == "POST") {
      // A form post from another site is refused before anything else happens.
      const std::string origin = req.Header("Origin");
      const std::string host = req.Header("Host");
      if (!origin.empty() && origin != "http://" + host && origin != "https://" + host) {
        return PermissionDenied("the form was not sent from this site");
      }
    }
    if (route.is_public) return Status::Ok();
    if (!page.principal) return Unauthenticated("log in first");
    // FormValue reads a url-encoded form and a multipart one (an upload) alike.
    if (req.method == "POST" && !app::ConstantTimeEquals(FormValue(req, "csrf_token"),
                                                         page.principal->session.csrf_token)) {
      return PermissionDenied("the form has expired or did not come from this site; reload it");
    }
    if (!route.roles.empty() && std::find(route.roles.begin(), route.roles.end(),
                                          page.principal->user.role) == route.roles.end()) {
      return PermissionDenied("the role " + std::string(RoleName(page.principal->user.role)) +
                              " may not do this");
    }
    return Status::Ok();
  }

  static void WritePageError(HttpResponse& res, const PageRequest& page, const Status& status) {
    res.status = HttpStatusFor(status.code());
    std::string message =
        status.code() == StatusCode::kPermissionDenied ? std::string(page.T("error.forbidden"))
        : status.code() == StatusCode::kNotFound       ? std::string(page.T("error.not_found"))
                                                       : std::string();
    std::string body = "<h1>" + H(page.T("error.title")) + "</h1><p>" + H(message) + "</p>";
    if (status.code() != StatusCode::kInternal) {
      body += "<p>" + H(InLanguage(page.lang, status.message())) + "</p>";
    }
    body += "<p><a href=\"/\">" + H(page.T("error.back")) + "</a></p>";
    res.SetContent(RenderLayout(page, page.T("error.title"), body), "text/html; charset=utf-8");
  }

  // The methods of the entries of `table` whose pattern matches `path`, each once and in table
  // order ("GET, POST"), for the Allow header of a 405.
  template <typename Compiled>
  static std::string AllowedMethods(const std::vector<Compiled>& table, const std::string& path) {
    std::vector<std::string_view> methods;
    for (const Compiled& entry : table) {
      if (!std::regex_match(path, entry.regex)) continue;
      if (std::find(methods.begin(), methods.end(), entry.route.method) != methods.end()) continue;
      methods.push_back(entry.route.method);
    }
    std::string allow;
    for (std::string_view method : methods) {
      if (!allow.empty()) allow += ", ";
      allow += method;
    }
    return allow;
  }
};

WebServer::WebServer(store::Store& store, app::AuthService& auth,
                     app::OrganisationService& organisations, ServerOptions options)
    : impl_(std::make_unique<Impl>(store, auth, options)) {
  for (Route& route : CoreApiRoutes(store, auth, organisations,
                                    options.secure_cookies || options.behind_tls_proxy)) {
    std::regex regex(route.pattern);
    impl_->routes.push_back({std::move(route), std::move(regex)});
  }
  impl_->assets.push_back({"/assets/samspill.css", "text/css; charset=utf-8",
                           "public, max-age=3600", std::string(StylesheetCss())});
  // The icon browsers show in tabs and bookmarks: two linked rings on the header's blue. Served
  // at /favicon.ico as well, which browsers ask for on their own.
  const std::string icon =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
      "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b3c5d\"/>"
      "<circle cx=\"12\" cy=\"16\" r=\"7\" fill=\"none\" stroke=\"#fff\" "
      "stroke-width=\"3\"/><circle cx=\"20\" cy=\"16\" r=\"7\" fill=\"none\" "
      "stroke=\"#8ccaf7\" stroke-width=\"3\"/></svg>";
  for (const char* path : {"/assets/samspill.svg", "/favicon.ico"}) {
    impl_->assets.push_back({path, "image/svg+xml", "public, max-age=86400", icon});
  }
  impl_->assets.push_back({"/assets/protocol.css", "text/css; charset=utf-8",
                           "public, max-age=3600", std::string(tendering::ProtocolCss())});
  Impl* impl = impl_.get();
  impl_->http = std::make_unique<HttpServer>(
      HttpServerOptions{
          .host = options.host,
          .port = options.port,
          .max_body_bytes = options.max_body_bytes,
          .form_limits = {},
          .threads = options.threads,
          .request_timeout = std::chrono::seconds(options.request_timeout_seconds),
          .behind_tls_proxy = options.behind_tls_proxy,
          .access_log = options.access_log,
          .default_headers = {{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "same-origin"},
                              {"Content-Security-Policy",
                               "default-src 'self'; frame-ancestors 'none'; form-action 'self'"}}},
      [impl](const HttpRequest& req) { return impl->Handle(req); },
      [impl](const HttpRequest& req, int status, const Status& reason) {
        return impl->Refuse(req, status, reason);
      });
}

WebServer::~WebServer() = default;

void WebServer::AddPages(std::vector<PageRoute> pages) {
  for (PageRoute& page : pages) {
    std::regex regex(page.pattern);
    impl_->pages.push_back({std::move(page), std::move(regex)});
  }
}

void WebServer::AddRoutes(std::vector<Route> routes) {
  for (Route& route : routes) {
    std::regex regex(route.pattern);
    impl_->routes.push_back({std::move(route), std::move(regex)});
  }
}

Result<int> WebServer::Bind() { return impl_->http->Bind(); }

Status WebServer::Serve() { return impl_->http->Serve(); }

void WebServer::Stop() { impl_->http->Stop(); }

}  // namespace samspill::web
