#include "web/server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <regex>

#include "tendering/protocol_html.h"
#include "web/api_routes.h"
#include "web/http_status.h"
#include "web/page.h"
#include "web/stylesheet.h"

namespace samspill::web {
namespace {

using nlohmann::json;

struct CompiledRoute {
  Route route;
  std::regex regex;
};

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

void WriteJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  if (!body.is_null()) {
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n",
                    "application/json; charset=utf-8");
  }
}

void WriteError(httplib::Response& res, const Status& status) {
  WriteJson(res, HttpStatusFor(status.code()), ErrorJson(status));
}

// A page's form refused by cpp-httplib before any handler ran, because the body is above the
// server's limit (a file) or a url-encoded form is above cpp-httplib's own 8 KiB limit
// (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH): an HTML page that says which, in the
// visitor's language, instead of the API's JSON.
void WriteTooLargePage(const httplib::Request& req, httplib::Response& res, size_t max_body_bytes) {
  PageRequest page{req, std::nullopt, {}, Lang::kNb};
  if (auto lang = LangFromCode(CookieValue(req, "samspill_lang"))) page.lang = *lang;
  const bool file = req.get_header_value("Content-Type").rfind("multipart/form-data", 0) == 0;
  std::string message = file ? std::string(page.T("error.too_large_file")) + " " +
                                   std::to_string(max_body_bytes >> 20) + " MB."
                             : std::string(page.T("error.too_large_form"));
  res.status = 413;
  res.set_content(RenderLayout(page, page.T("error.too_large"),
                               "<h1>" + H(page.T("error.too_large")) + "</h1><p>" + H(message) +
                                   "</p><p><a href=\"/\">" + H(page.T("error.back")) + "</a></p>"),
                  "text/html; charset=utf-8");
}

}  // namespace

struct WebServer::Impl {
  store::Store& store;
  AuthService& auth;
  ServerOptions options;
  httplib::Server http;
  std::vector<CompiledRoute> routes;

  Impl(store::Store& s, AuthService& a, ServerOptions o) : store(s), auth(a), options(o) {}

  void Dispatch(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    bool path_known = false;
    for (const CompiledRoute& compiled : routes) {
      std::smatch match;
      if (!std::regex_match(req.path, match, compiled.regex)) continue;
      path_known = true;
      if (compiled.route.method != req.method) continue;
      ApiRequest api{req, std::nullopt, {}};
      for (size_t i = 1; i < match.size(); ++i) api.params.push_back(match[i].str());
      Status status = Authorise(compiled.route, req, api);
      if (!status.ok()) return WriteError(res, status);
      Result<ApiResponse> out = compiled.route.handler(api);
      if (!out.ok()) return WriteError(res, out.status());
      for (const auto& [name, value] : out->headers) res.set_header(name, value);
      if (!out->content_type.empty()) {
        res.status = out->status;
        return res.set_content(out->text, out->content_type);
      }
      return WriteJson(res, out->status, out->body);
    }
    if (path_known) {
      res.set_header("Allow", AllowedMethods(req.path));
      return WriteJson(
          res, 405,
          ErrorJson(Status(StatusCode::kInvalidArgument,
                           "method " + req.method + " is not allowed on " + req.path)));
    }
    WriteError(res, NotFound("no API endpoint " + req.path));
  }

  Status Authorise(const Route& route, const httplib::Request& req, ApiRequest& api) {
    if (route.is_public) return Status::Ok();
    SAMSPILL_ASSIGN_OR_RETURN(Principal principal,
                              auth.Authenticate(CookieValue(req, kSessionCookie)));
    if (ChangesState(req.method) &&
        !ConstantTimeEquals(req.get_header_value("X-CSRF-Token"), principal.session.csrf_token)) {
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
  void DispatchPage(const PageRoute& route, const std::regex& regex, const httplib::Request& req,
                    httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    PageRequest page{req, std::nullopt, {}, Lang::kNb};
    std::smatch match;
    if (std::regex_match(req.path, match, regex)) {
      for (size_t i = 1; i < match.size(); ++i) page.params.push_back(match[i].str());
    }
    if (auto lang = LangFromCode(req.has_param("lang") ? req.get_param_value("lang") : "")) {
      page.lang = *lang;
      res.set_header("Set-Cookie", std::string("samspill_lang=") + std::string(LangCode(*lang)) +
                                       "; Path=/; SameSite=Lax; Max-Age=31536000");
    } else if (auto cookie = LangFromCode(CookieValue(req, "samspill_lang"))) {
      page.lang = *cookie;
    }
    Result<Principal> principal = auth.Authenticate(CookieValue(req, kSessionCookie));
    if (principal.ok()) page.principal = std::move(*principal);
    Status status = AuthorisePage(route, req, page);
    if (!status.ok()) {
      if (status.code() == StatusCode::kUnauthenticated) {
        res.status = 303;
        res.set_header("Location", "/logg-inn");
        return;
      }
      return WritePageError(res, page, status);
    }
    Result<PageResponse> out = route.handler(page);
    if (!out.ok()) return WritePageError(res, page, out.status());
    for (const auto& [name, value] : out->headers) res.set_header(name, value);
    if (!out->redirect.empty()) {
      res.status = 303;
      res.set_header("Location", out->redirect);
      return;
    }
    res.status = out->status;
    res.set_content(out->html, "text/html; charset=utf-8");
  }

  Status AuthorisePage(const PageRoute& route, const httplib::Request& req,
                       const PageRequest& page) {
    if (req.method == "POST") {
      // A form post from another site is refused before anything else happens.
      const std::string origin = req.get_header_value("Origin");
      const std::string host = req.get_header_value("Host");
      if (!origin.empty() && origin != "http://" + host && origin != "https://" + host) {
        return PermissionDenied("the form was not sent from this site");
      }
    }
    if (route.is_public) return Status::Ok();
    if (!page.principal) return Unauthenticated("log in first");
    // FormValue reads a url-encoded form and a multipart one (an upload) alike.
    if (req.method == "POST" &&
        !ConstantTimeEquals(FormValue(req, "csrf_token"), page.principal->session.csrf_token)) {
      return PermissionDenied("the form has expired or did not come from this site; reload it");
    }
    if (!route.roles.empty() && std::find(route.roles.begin(), route.roles.end(),
                                          page.principal->user.role) == route.roles.end()) {
      return PermissionDenied("the role " + std::string(RoleName(page.principal->user.role)) +
                              " may not do this");
    }
    return Status::Ok();
  }

  static void WritePageError(httplib::Response& res, const PageRequest& page,
                             const Status& status) {
    res.status = HttpStatusFor(status.code());
    std::string message =
        status.code() == StatusCode::kPermissionDenied ? std::string(page.T("error.forbidden"))
        : status.code() == StatusCode::kNotFound       ? std::string(page.T("error.not_found"))
                                                       : std::string();
    std::string body = "<h1>" + H(page.T("error.title")) + "</h1><p>" + H(message) + "</p>";
    if (status.code() != StatusCode::kInternal) body += "<p>" + H(status.message()) + "</p>";
    body += "<p><a href=\"/\">" + H(page.T("error.back")) + "</a></p>";
    res.set_content(RenderLayout(page, page.T("error.title"), body), "text/html; charset=utf-8");
  }

  std::string AllowedMethods(const std::string& path) {
    std::string allow;
    for (const CompiledRoute& compiled : routes) {
      if (!std::regex_match(path, compiled.regex)) continue;
      if (!allow.empty()) allow += ", ";
      allow += compiled.route.method;
    }
    return allow;
  }
};

WebServer::WebServer(store::Store& store, AuthService& auth, OrganisationService& organisations,
                     ServerOptions options)
    : impl_(std::make_unique<Impl>(store, auth, options)) {
  for (Route& route : CoreApiRoutes(store, auth, organisations, options.secure_cookies)) {
    std::regex regex(route.pattern);
    impl_->routes.push_back({std::move(route), std::move(regex)});
  }
  httplib::Server& http = impl_->http;
  http.set_payload_max_length(options.max_body_bytes);
  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"X-Frame-Options", "DENY"},
                            {"Referrer-Policy", "same-origin"},
                            {"Content-Security-Policy",
                             "default-src 'self'; frame-ancestors 'none'; form-action 'self'"}});
  Impl* impl = impl_.get();
  auto api = [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Dispatch(req, res);
  };
  http.Get(R"(/api/.*)", api);
  http.Post(R"(/api/.*)", api);
  http.Put(R"(/api/.*)", api);
  http.Patch(R"(/api/.*)", api);
  http.Delete(R"(/api/.*)", api);
  http.Get("/assets/samspill.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "public, max-age=3600");
    res.set_content(StylesheetCss(), "text/css; charset=utf-8");
  });
  // The icon browsers show in tabs and bookmarks: two linked rings on the header's blue. Served
  // at /favicon.ico as well, which browsers ask for on their own.
  for (const char* path : {"/assets/samspill.svg", "/favicon.ico"}) {
    http.Get(path, [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "public, max-age=86400");
      res.set_content(
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
          "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b3c5d\"/>"
          "<circle cx=\"12\" cy=\"16\" r=\"7\" fill=\"none\" stroke=\"#fff\" "
          "stroke-width=\"3\"/><circle cx=\"20\" cy=\"16\" r=\"7\" fill=\"none\" "
          "stroke=\"#8ccaf7\" stroke-width=\"3\"/></svg>",
          "image/svg+xml");
    });
  }
  http.Get("/assets/protocol.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "public, max-age=3600");
    res.set_content(std::string(tendering::ProtocolCss()), "text/css; charset=utf-8");
  });
  const size_t max_body_bytes = options.max_body_bytes;
  http.set_error_handler([max_body_bytes](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413 && req.path.rfind("/api/", 0) != 0) {
      return WriteTooLargePage(req, res, max_body_bytes);
    }
    if (res.status == 413) {
      return WriteJson(res, 413,
                       ErrorJson(ResourceExhausted("the request body is larger than allowed")));
    }
    if (req.path.rfind("/api/", 0) == 0 || res.status != 404) {
      return WriteJson(
          res, res.status,
          ErrorJson(Status(res.status == 404 ? StatusCode::kNotFound : StatusCode::kInvalidArgument,
                           "request failed with HTTP " + std::to_string(res.status))));
    }
    res.set_content(
        "<!doctype html><html lang=\"nb\"><title>Fant ikke siden</title>"
        "<h1>Fant ikke siden</h1><p><a href=\"/\">Til forsiden</a></p></html>",
        "text/html; charset=utf-8");
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        std::fprintf(stderr, "internal error: %s\n", what.c_str());
        WriteError(res, Internal("internal error; it has been logged"));
      });
  if (options.access_log) {
    http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %s %d\n",
                   Timestamp{std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count()}
                       .ToIso()
                       .c_str(),
                   req.method.c_str(), req.path.c_str(), res.status);
    });
  }
}

WebServer::~WebServer() = default;

void WebServer::AddPages(std::vector<PageRoute> pages) {
  Impl* impl = impl_.get();
  for (PageRoute& page : pages) {
    auto shared = std::make_shared<PageRoute>(std::move(page));
    auto regex = std::make_shared<std::regex>(shared->pattern);
    auto handler = [impl, shared, regex](const httplib::Request& req, httplib::Response& res) {
      impl->DispatchPage(*shared, *regex, req, res);
    };
    if (shared->method == "POST") {
      impl->http.Post(shared->pattern, handler);
    } else {
      impl->http.Get(shared->pattern, handler);
    }
  }
}

void WebServer::AddRoutes(std::vector<Route> routes) {
  for (Route& route : routes) {
    std::regex regex(route.pattern);
    impl_->routes.push_back({std::move(route), std::move(regex)});
  }
}

Result<int> WebServer::Bind() {
  int port = impl_->options.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(impl_->options.host);
    if (port < 0) return Unavailable("could not bind any port on " + impl_->options.host);
    return port;
  }
  if (!impl_->http.bind_to_port(impl_->options.host, port)) {
    return Unavailable("could not listen on " + impl_->options.host + ":" + std::to_string(port) +
                       " (in use, or not allowed)");
  }
  return port;
}

Status WebServer::Serve() {
  if (!impl_->http.listen_after_bind()) return Internal("the HTTP server stopped with an error");
  return Status::Ok();
}

void WebServer::Stop() { impl_->http.stop(); }

}  // namespace samspill::web
