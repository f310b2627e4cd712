#include "web/http_server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>

namespace samspill::web {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsPrefix(std::string_view prefix, std::string_view text) {
  return text.substr(0, prefix.size()) == prefix;
}

// One line per request on stderr, written whole.
void LogLine(const HttpRequest& req, int status) {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
  // The path is shown up to 200 bytes and without control characters.
  std::string path;
  for (char c : std::string_view(req.path).substr(0, 200)) {
    path += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  std::fprintf(stderr, "%s %s %s %d\n", when, req.method.empty() ? "-" : req.method.c_str(),
               path.empty() ? "-" : path.c_str(), status);
}

// A request the server answers itself, and why.
struct Refusal {
  int status;
  Status reason;
};

using Parser = http::request_parser<http::string_body>;

// The path (percent-decoded, UTF-8, no NUL) and the query's parameters.
Status ReadTarget(const FormLimits& limits, HttpRequest& request) {
  std::string_view target = request.target;
  if (target.empty() || target.front() != '/') {
    return InvalidArgument("the request target must be a path starting with '/'");
  }
  const size_t q = target.find('?');
  Result<std::string> path = PercentDecode(target.substr(0, q), /*plus_is_space=*/false);
  if (!path.ok()) return InvalidArgument("the path is malformed: " + path.status().message());
  if (!IsValidUtf8(*path) || path->find('\0') != std::string::npos) {
    return InvalidArgument("the path is not valid UTF-8 text");
  }
  request.path = std::move(*path);
  if (q != std::string_view::npos) {
    SAMSPILL_RETURN_IF_ERROR(
        ParseUrlEncoded(target.substr(q + 1), "the query", limits, request.params));
  }
  return Status::Ok();
}

// A url-encoded or multipart form body, decoded into the request's params or parts.
Status ReadForm(const FormLimits& limits, HttpRequest& request) {
  const std::string type = Lower(request.Header("Content-Type"));
  if (IsPrefix("application/x-www-form-urlencoded", type)) {
    return ParseUrlEncoded(request.body, "the form", limits, request.params);
  }
  if (IsPrefix("multipart/form-data", type)) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string boundary,
                              MultipartBoundary(request.Header("Content-Type")));
    SAMSPILL_ASSIGN_OR_RETURN(request.parts, ParseMultipart(request.body, boundary, limits));
    request.multipart = true;
  }
  return Status::Ok();
}

// After the headers were read (with `ec` from reading them): copies what was read into
// `request`, so that a refusal can answer in the page's language, and decides whether the
// request may go on to its body.
std::optional<Refusal> CheckHeader(const Parser& parser, beast::error_code ec,
                                   const HttpServerOptions& options, HttpRequest& request) {
  Status target_status = Status::Ok();
  // (A Content-Length above the limit stops the parser at the end of the headers, which it
  // has read.)
  if (parser.is_header_done() || ec == http::error::body_limit) {
    const auto& header = parser.get();
    request.method = std::string(header.method_string());
    request.target = std::string(header.target());
    for (const auto& field : header) {
      request.headers.emplace_back(Lower(field.name_string()), std::string(field.value()));
    }
    target_status = ReadTarget(options.form_limits, request);
  }
  if (ec == http::error::body_limit) {
    return Refusal{413, ResourceExhausted("the request body is larger than allowed")};
  }
  if (ec == http::error::header_limit) {
    return Refusal{431, ResourceExhausted("the request's headers are larger than " +
                                          std::to_string(options.max_header_bytes) + " bytes")};
  }
  if (ec) return Refusal{400, InvalidArgument("malformed request: " + ec.message())};
  if (!target_status.ok()) return Refusal{400, target_status};
  const auto& header = parser.get();
  if (header.version() != 11 && header.version() != 10) {
    return Refusal{400, InvalidArgument("only HTTP/1.0 and HTTP/1.1 are served")};
  }
  // Transfer-Encoding other than plain chunked (gzip, a list) would need decoding before the
  // body limit could hold; it is refused, as are compressed bodies.
  if (auto te = header.find(http::field::transfer_encoding); te != header.end()) {
    if (Lower(te->value()) != "chunked") {
      return Refusal{400, InvalidArgument("Transfer-Encoding other than chunked is refused")};
    }
  }
  if (auto ce = header.find(http::field::content_encoding); ce != header.end()) {
    if (Lower(ce->value()) != "identity") {
      return Refusal{
          415, InvalidArgument("compressed request bodies (Content-Encoding: " +
                               std::string(ce->value().substr(0, 40)) + ") are not accepted")};
    }
  }
  const bool has_body =
      parser.chunked() || (parser.content_length() && *parser.content_length() > 0);
  // Read or not, a body of a GET would be a place to hide the next request (CL.0).
  if (has_body && (request.method == "GET" || request.method == "HEAD")) {
    return Refusal{400, InvalidArgument("a " + request.method + " request may not have a body")};
  }
  if (parser.content_length() && *parser.content_length() > options.max_body_bytes) {
    return Refusal{413, ResourceExhausted("the request body is larger than allowed")};
  }
  return std::nullopt;
}

void Configure(Parser& parser, const HttpServerOptions& options) {
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  parser.body_limit(options.max_body_bytes);
}

}  // namespace

ParsedRequest ParseRequestBytes(std::string_view bytes, const HttpServerOptions& options) {
  ParsedRequest out;
  Parser parser;
  Configure(parser, options);
  parser.eager(false);
  beast::error_code ec;
  size_t used = 0;
  while (!parser.is_header_done()) {
    const size_t n = parser.put(asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec == http::error::need_more || (!ec && n == 0)) {
      if (n > 0 && used < bytes.size()) continue;
      out.status = 400;
      out.reason = InvalidArgument("the request's headers are incomplete");
      return out;
    }
    if (ec) break;
  }
  if (std::optional<Refusal> refused = CheckHeader(parser, ec, options, out.request)) {
    out.status = refused->status;
    out.reason = refused->reason;
    return out;
  }
  parser.eager(true);
  while (!parser.is_done()) {
    const size_t n = parser.put(asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (ec == http::error::need_more && n > 0 && used < bytes.size()) continue;
    if (ec == http::error::need_more || (!ec && n == 0)) {
      out.status = 400;
      out.reason = InvalidArgument("the request body is incomplete");
      return out;
    }
    if (ec == http::error::body_limit) {
      out.status = 413;
      out.reason = ResourceExhausted("the request body is larger than allowed");
      return out;
    }
    if (ec) {
      out.status = 400;
      out.reason = InvalidArgument("malformed request body: " + ec.message());
      return out;
    }
  }
  out.request.body = parser.release().body();
  if (Status status = ReadForm(options.form_limits, out.request); !status.ok()) {
    out.status = 400;
    out.reason = status;
    return out;
  }
  out.consumed = used;
  return out;
}

struct HttpServer::Impl {
  HttpServerOptions options;
  Handler handler;
  Refusal refusal;
  asio::io_context ioc;
  std::optional<tcp::acceptor> acceptor;

  Impl(HttpServerOptions o, Handler h, Refusal r)
      : options(std::move(o)),
        handler(std::move(h)),
        refusal(std::move(r)),
        ioc(ThreadCount(options.threads)) {}

  static int ThreadCount(int wanted) {
    if (wanted > 0) return wanted;
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    return std::max(4, 2 * cores);
  }

  void Accept() {
    acceptor->async_accept(asio::make_strand(ioc),
                           [this](beast::error_code ec, tcp::socket socket) {
                             if (ec == asio::error::operation_aborted) return;
                             if (!ec) StartSession(std::move(socket));
                             if (acceptor->is_open()) Accept();
                           });
  }

  void StartSession(tcp::socket socket);
};

namespace {

// One connection: read a request, answer it, and go on while the client keeps it alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, HttpServer::Impl& server)
      : stream_(std::move(socket)), server_(server) {}

  void Run() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

 private:
  const HttpServerOptions& options() const { return server_.options; }

  void ReadHeader() {
    parser_.emplace();
    Configure(*parser_, options());
    request_ = HttpRequest{};
    stream_.expires_after(options().request_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
        ec == asio::error::eof) {
      return Close();
    }
    if (std::optional<Refusal> refused = CheckHeader(*parser_, ec, options(), request_)) {
      return Refuse(refused->status, refused->reason);
    }
    const auto& header = parser_->get();
    const bool has_body =
        parser_->chunked() || (parser_->content_length() && *parser_->content_length() > 0);
    if (header.version() == 11 && has_body &&
        Lower(header[http::field::expect]) == "100-continue") {
      continue_.emplace(http::status::continue_, 11);
      return http::async_write(stream_, *continue_,
                               beast::bind_front_handler(&Session::OnContinue, shared_from_this()));
    }
    ReadBody();
  }

  void OnContinue(beast::error_code ec, std::size_t) {
    if (ec) return Close();
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(options().body_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec == http::error::body_limit) {
      return Refuse(413, ResourceExhausted("the request body is larger than allowed"));
    }
    if (ec == beast::error::timeout) {
      return Refuse(408, Unavailable("the request body did not arrive in time"));
    }
    if (ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == http::error::partial_message) {
      return Close();
    }
    if (ec) return Refuse(400, InvalidArgument("malformed request body: " + ec.message()));
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    request_.body = std::move(message.body());
    if (Status status = ReadForm(options().form_limits, request_); !status.ok()) {
      return Refuse(400, status);
    }
    request_.https =
        options().behind_tls_proxy && Lower(request_.Header("X-Forwarded-Proto")) == "https";
    HttpResponse response;
    try {
      response = server_.handler(request_);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "internal error: %s\n", e.what());
      response = server_.refusal(request_, 500, Internal("internal error; it has been logged"));
    }
    Send(std::move(response), keep_alive_);
  }

  void Refuse(int status, const Status& reason) {
    HttpResponse response = server_.refusal(request_, status, reason);
    Send(std::move(response), /*keep_alive=*/false);
  }

  void Send(HttpResponse response, bool keep_alive) {
    if (options().access_log) LogLine(request_, response.status);
    auto res = std::make_shared<http::response<http::string_body>>();
    res->version(11);
    res->result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : options().default_headers) res->set(name, value);
    for (const auto& [name, value] : response.headers) {
      // Set-Cookie may repeat; every other header is set once.
      if (Lower(name) == "set-cookie") {
        res->insert(name, value);
      } else {
        res->set(name, value);
      }
    }
    if (!response.content_type.empty()) res->set(http::field::content_type, response.content_type);
    const bool head = request_.method == "HEAD";
    const size_t length = response.body.size();
    if (!head) res->body() = std::move(response.body);
    res->keep_alive(keep_alive);
    if (head) {
      res->content_length(length);
    } else {
      res->prepare_payload();
    }
    response_ = res;
    stream_.expires_after(std::chrono::seconds(30));
    http::async_write(stream_, *res,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this(), keep_alive));
  }

  void OnWrite(bool keep_alive, beast::error_code ec, std::size_t) {
    response_.reset();
    if (ec) return Close();
    if (!keep_alive) return Linger();
    ReadHeader();
  }

  // A refused request's body may still be arriving; closing with unread data makes the kernel
  // send a reset, and the client could lose the answer. So: stop sending, then read and drop
  // what comes for a short while (at most 8 MiB, 2 seconds), then close.
  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    drain_.resize(64 << 10);
    stream_.expires_after(std::chrono::seconds(2));
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(asio::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > (8u << 20)) return self->Close();
                              self->DrainSome();
                            });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  HttpServer::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  std::shared_ptr<http::response<http::string_body>> response_;
  HttpRequest request_;
  bool keep_alive_ = false;
  std::vector<char> drain_;
  size_t drained_ = 0;
};

}  // namespace

void HttpServer::Impl::StartSession(tcp::socket socket) {
  beast::error_code ignored;
  // Headers and body go out in one write; Nagle would hold small responses back for the
  // client's delayed ACK.
  socket.set_option(tcp::no_delay(true), ignored);
  std::make_shared<Session>(std::move(socket), *this)->Run();
}

HttpServer::HttpServer(HttpServerOptions options, Handler handler, Refusal refusal)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(refusal))) {}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  Impl& impl = *impl_;
  beast::error_code ec;
  const asio::ip::address address = asio::ip::make_address(impl.options.host, ec);
  if (ec) return InvalidArgument("'" + impl.options.host + "' is not an IP address", "host");
  tcp::endpoint endpoint(address, static_cast<unsigned short>(impl.options.port));
  impl.acceptor.emplace(impl.ioc);
  const std::string where = impl.options.host + ":" + std::to_string(impl.options.port);
  impl.acceptor->open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor->bind(endpoint, ec);
  if (ec) return Unavailable("could not listen on " + where + " (" + ec.message() + ")");
  // The system's maximum backlog (SOMAXCONN), not a handful, so a burst of connections waits
  // in the kernel's queue instead of being dropped.
  impl.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Unavailable("could not listen on " + where + " (" + ec.message() + ")");
  return static_cast<int>(impl.acceptor->local_endpoint().port());
}

Status HttpServer::Serve() {
  Impl& impl = *impl_;
  if (!impl.acceptor || !impl.acceptor->is_open()) return FailedPrecondition("Bind() first");
  impl.Accept();
  const int threads = Impl::ThreadCount(impl.options.threads);
  std::vector<std::thread> workers;
  workers.reserve(threads - 1);
  for (int i = 1; i < threads; ++i) workers.emplace_back([&impl] { impl.ioc.run(); });
  impl.ioc.run();
  for (std::thread& t : workers) t.join();
  return Status::Ok();
}

void HttpServer::Stop() {
  asio::post(impl_->ioc, [impl = impl_.get()] {
    beast::error_code ignored;
    if (impl->acceptor) impl->acceptor->close(ignored);
  });
  impl_->ioc.stop();
}

}  // namespace samspill::web
