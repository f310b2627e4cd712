// HttpServer: the HTTP/1.1 connection layer under samspill's pages and API (Boost.Beast on
// Asio; decision 0020). It owns sockets, parsing, limits and timeouts, and hands every request
// that passed them to one handler as a plain HttpRequest (web/http_message.h).
//
// What it guarantees before a handler runs:
// - request line and headers within `max_header_bytes`; the body within `max_body_bytes` on
//   every transfer encoding (Content-Length or chunked), checked while reading, never after
//   buffering; Transfer-Encoding other than chunked, compressed bodies (Content-Encoding) and
//   conflicting Content-Length/Transfer-Encoding are refused; a GET or HEAD with a body is
//   refused, so no body is ever read as the next request;
// - the query and a url-encoded or multipart form decoded, valid UTF-8 without NUL, within
//   `form_limits`;
// - slow clients are cut off: the next request's headers must arrive within
//   `request_timeout`, a body within `body_timeout`.
// Refused requests get an answer from `refusal` and the connection is closed. Idle keep-alive
// connections hold no thread; requests run on `threads` threads. Thread-safe: Stop() may be
// called from any thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "web/http_forms.h"
#include "web/http_message.h"

namespace samspill::web {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: pick a free port
  size_t max_body_bytes = 4 << 20;
  size_t max_header_bytes = 16 << 10;
  FormLimits form_limits;
  int threads = 0;  // 0: twice the cores, at least 4
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds body_timeout{120};
  // Trust X-Forwarded-Proto from a TLS-terminating proxy in front (HttpRequest::https).
  bool behind_tls_proxy = false;
  bool access_log = true;  // one line per request on stderr
  // Sent with every response, refusals included.
  std::vector<std::pair<std::string, std::string>> default_headers;
};

// One request read from `bytes` exactly as a connection reads it, with the same limits and
// refusals: for the fuzz target and tests. `status` is 0 when the request would reach a
// handler, else the refusal's status with `reason`; `consumed` is the bytes the request took.
struct ParsedRequest {
  int status = 0;
  Status reason;
  HttpRequest request;
  size_t consumed = 0;
};
ParsedRequest ParseRequestBytes(std::string_view bytes, const HttpServerOptions& options);

class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;
  // The answer to a request the server refused itself: `request` holds what was read of it
  // (method, path and headers when they could be read), `status` is 400, 408, 411, 413, 415
  // or 431, and `reason` names the problem.
  using Refusal =
      std::function<HttpResponse(const HttpRequest& request, int status, const Status& reason)>;

  HttpServer(HttpServerOptions options, Handler handler, Refusal refusal);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens; returns the bound port (useful with port 0).
  Result<int> Bind();
  // Serves until Stop(). Requires Bind().
  Status Serve();
  void Stop();

  struct Impl;  // the connections' shared state, in http_server.cc

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace samspill::web
