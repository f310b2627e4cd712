// WebServer: samspill's HTTP face — the JSON API under /api/ and the pages.
//
// Every /api/ request goes through one dispatcher: find the route (404 / 405 otherwise),
// authenticate the session cookie, check the role, check the CSRF token on
// state-changing methods, call the handler, render JSON or the JSON error. Pages and assets
// are routed the same way. Security headers are set on every response. The connection layer
// (limits, timeouts, keep-alive) is web/http_server.h. Thread-safe: requests run on the HTTP
// server's threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/auth_service.h"
#include "app/organisation_service.h"
#include "common/status.h"
#include "store/store.h"
#include "web/api.h"
#include "web/page.h"

namespace samspill::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  // 0: pick a free port
  size_t max_body_bytes = 4 << 20;  // larger request bodies get 413
  bool secure_cookies = false;      // mark session cookies Secure
  // Served behind a TLS-terminating proxy: cookies are Secure, X-Forwarded-Proto is trusted.
  bool behind_tls_proxy = false;
  int threads = 0;                   // request threads; 0: twice the cores, at least 4
  int request_timeout_seconds = 30;  // for the next request's headers (and idle keep-alive)
  bool access_log = true;            // one line per request on stderr
};

class WebServer {
 public:
  WebServer(store::Store& store, app::AuthService& auth, app::OrganisationService& organisations,
            ServerOptions options);
  ~WebServer();

  // Adds server-rendered pages (web/page.h). Call before Bind(); not thread-safe.
  void AddPages(std::vector<PageRoute> pages);

  // Adds a module's route table (tenders, …). Call before Bind(); not thread-safe.
  void AddRoutes(std::vector<Route> routes);

  // Binds the port; returns the bound port (useful with port 0).
  Result<int> Bind();
  // Serves until Stop() is called from another thread. Requires Bind().
  Status Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samspill::web
