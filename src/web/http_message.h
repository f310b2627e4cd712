// The HTTP request and response as samspill's handlers see them, independent of the server
// library (web/http_server.cc is the only file that knows it).
//
// A request reaches a handler only after the server has checked it: the request line and
// headers parsed within their limits, the whole body read within the body limit on every
// transfer encoding, no compressed body, and the query and a url-encoded or multipart form
// decoded into valid UTF-8 without NUL (web/http_forms.h). Plain values; not thread-safe to
// mutate, safe to read from one handler.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samspill::web {

// One part of a multipart/form-data body. A part without a file name is a text field.
struct FormPart {
  std::string name;
  std::string filename;      // "" for a text field; as the browser names it, without a folder
  std::string content_type;  // as the browser says; not trusted
  std::string content;
};

struct HttpRequest {
  std::string method;  // "GET", "POST", …
  std::string target;  // as sent: path and query
  std::string path;    // percent-decoded path, without the query
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  // The query's parameters, then (for application/x-www-form-urlencoded bodies) the form's,
  // in the order sent.
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<FormPart> parts;  // a multipart/form-data body's parts
  bool multipart = false;
  // The client reached the server over TLS: a TLS-terminating proxy said so with
  // X-Forwarded-Proto: https and the server was told to trust it (ServerOptions).
  bool https = false;

  // The first header of that name (any case), or "".
  std::string Header(std::string_view name) const;
  bool HasParam(std::string_view name) const;
  // The first parameter of that name, or "".
  std::string Param(std::string_view name) const;
  // The multipart part of that name, or nullptr.
  const FormPart* Part(std::string_view name) const;
  // The value of cookie `name` from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type;  // "" with an empty body
  std::string body;

  void SetHeader(std::string name, std::string value);
  void SetContent(std::string content, std::string type) {
    body = std::move(content);
    content_type = std::move(type);
  }
};

}  // namespace samspill::web
