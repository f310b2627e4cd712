// Fuzz target for the HTTP request path: bytes as a client sends them (request line, headers,
// Content-Length or chunked bodies, url-encoded and multipart forms) go through the same
// parser, limits and decoders as a connection. Whatever the input, the answer is either a
// refusal with one of the statuses the server uses, or a request whose path, parameters and
// text fields are valid UTF-8 without NUL and whose body is within the limit. The form and
// multipart decoders are also fed the raw bytes directly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "web/http_forms.h"
#include "web/http_server.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

bool CleanText(std::string_view text) {
  return samspill::web::IsValidUtf8(text) && text.find('\0') == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  using namespace samspill::web;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);

  HttpServerOptions options;
  options.max_body_bytes = 64 << 10;
  options.max_header_bytes = 4 << 10;
  options.form_limits.max_fields = 64;
  ParsedRequest parsed = ParseRequestBytes(bytes, options);
  if (parsed.status == 0) {
    const HttpRequest& req = parsed.request;
    Check(!req.path.empty() && req.path.front() == '/');
    Check(CleanText(req.path));
    Check(req.body.size() <= options.max_body_bytes);
    Check(parsed.consumed <= bytes.size());
    Check(req.params.size() <= options.form_limits.max_fields);
    for (const auto& [name, value] : req.params) Check(CleanText(name) && CleanText(value));
    for (const FormPart& part : req.parts) {
      Check(CleanText(part.name) && CleanText(part.filename));
      if (part.filename.empty()) Check(CleanText(part.content));
    }
    Check((req.method != "GET" && req.method != "HEAD") || req.body.empty());
  } else {
    Check(parsed.status == 400 || parsed.status == 413 || parsed.status == 415 ||
          parsed.status == 431);
    Check(!parsed.reason.ok());
  }

  std::vector<std::pair<std::string, std::string>> params;
  if (ParseUrlEncoded(bytes, "the form", {}, params).ok()) {
    for (const auto& [name, value] : params) Check(CleanText(name) && CleanText(value));
  } else {
    Check(params.empty());
  }
  // Multipart: the first line is the boundary, the rest the body.
  const size_t newline = bytes.find('\n');
  if (newline != std::string_view::npos && newline > 0 && newline <= 70) {
    Result<std::vector<FormPart>> parts =
        ParseMultipart(bytes.substr(newline + 1), bytes.substr(0, newline), {});
    if (parts.ok()) {
      for (const FormPart& part : *parts) {
        Check(CleanText(part.name));
        if (part.filename.empty()) Check(CleanText(part.content));
      }
    }
  }
  return 0;
}
