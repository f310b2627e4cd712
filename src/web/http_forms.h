// Decoding what a browser or client sends besides JSON: the query string, url-encoded forms,
// multipart/form-data bodies (file uploads) and the Cookie header.
//
// Every decoder refuses, with a message that names the field, what no handler should see:
// bad percent escapes, invalid UTF-8, NUL characters, too many fields, a multipart body
// without its closing boundary. Pure functions of their input; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "web/http_message.h"

namespace samspill::web {

struct FormLimits {
  size_t max_fields = 1000;  // query parameters plus form fields, or multipart parts
  size_t max_name_bytes = 256;
};

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Percent-decodes `text` (and '+' as a space when `plus_is_space`). Refuses a '%' not followed
// by two hex digits.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Appends the name=value pairs of an application/x-www-form-urlencoded text (a query string
// or a form body) to `out`. `where` ("the query", "the form") starts the error messages; a
// value that is not valid UTF-8 or holds NUL is refused naming its field. Nothing is appended
// on error.
Status ParseUrlEncoded(std::string_view text, std::string_view where, const FormLimits& limits,
                       std::vector<std::pair<std::string, std::string>>& out);

// The boundary of a `multipart/form-data; boundary=…` Content-Type, or an error.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Splits a multipart/form-data body into its parts. Text parts (no file name) must be valid
// UTF-8 without NUL; file contents are kept as bytes. File names lose any folder.
Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                             const FormLimits& limits);

// The value of cookie `name` in a Cookie header, or "".
std::string CookieFromHeader(std::string_view header, std::string_view name);

}  // namespace samspill::web
