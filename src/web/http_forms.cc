#include "web/http_forms.h"

#include <algorithm>
#include <cctype>

namespace samspill::web {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A name shown in an error message: printable ASCII only, cut short, so a hostile field name
// cannot fill a log line or carry control characters.
std::string Printable(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 64)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  return out;
}

Status CheckText(std::string_view text, std::string_view where, const std::string& field,
                 bool is_name) {
  if (!IsValidUtf8(text)) {
    return InvalidArgument(std::string(where) + (is_name ? ": a field name" : ": the field '") +
                               (is_name ? "" : Printable(field) + "'") + " is not valid UTF-8",
                           field);
  }
  if (text.find('\0') != std::string_view::npos) {
    return InvalidArgument(std::string(where) + (is_name ? ": a field name" : ": the field '") +
                               (is_name ? "" : Printable(field) + "'") +
                               " contains a NUL character",
                           field);
  }
  return Status::Ok();
}

// A parameter of a header value such as `form-data; name="x"; filename="y"`: the value of
// `key`, unquoted (backslash escapes resolved), or nullopt.
std::optional<std::string> HeaderParam(std::string_view value, std::string_view key) {
  size_t pos = value.find(';');
  while (pos != std::string_view::npos) {
    std::string_view rest = value.substr(pos + 1);
    size_t eq = rest.find('=');
    size_t semi = rest.find(';');
    if (eq == std::string_view::npos) return std::nullopt;
    if (semi != std::string_view::npos && semi < eq) {
      pos = pos + 1 + semi;
      continue;
    }
    std::string_view name = Trim(rest.substr(0, eq));
    std::string_view after = rest.substr(eq + 1);
    while (!after.empty() && (after.front() == ' ' || after.front() == '\t')) {
      after.remove_prefix(1);
    }
    std::string parsed;
    size_t consumed = 0;
    if (!after.empty() && after.front() == '"') {
      size_t i = 1;
      bool closed = false;
      for (; i < after.size(); ++i) {
        if (after[i] == '\\' && i + 1 < after.size()) {
          parsed += after[++i];
        } else if (after[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          parsed += after[i];
        }
      }
      if (!closed) return std::nullopt;
      consumed = i;
    } else {
      size_t end = after.find(';');
      parsed = std::string(Trim(after.substr(0, end)));
      consumed = end == std::string_view::npos ? after.size() : end;
    }
    if (IEquals(name, key)) return parsed;
    size_t next = after.substr(consumed).find(';');
    if (next == std::string_view::npos) return std::nullopt;
    pos = static_cast<size_t>(after.data() - value.data()) + consumed + next;
  }
  return std::nullopt;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) {
        return InvalidArgument("a '%' escape is cut short");
      }
      const int hi = HexDigit(text[i + 1]);
      const int lo = HexDigit(text[i + 2]);
      if (hi < 0 || lo < 0) return InvalidArgument("a '%' is not followed by two hex digits");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

Status ParseUrlEncoded(std::string_view text, std::string_view where, const FormLimits& limits,
                       std::vector<std::pair<std::string, std::string>>& out) {
  std::vector<std::pair<std::string, std::string>> parsed;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view pair = text.substr(pos, end - pos);
    pos = end + 1;
    if (pair.empty()) {
      if (end == text.size()) break;
      continue;
    }
    if (out.size() + parsed.size() >= limits.max_fields) {
      return InvalidArgument(std::string(where) + " has more than " +
                             std::to_string(limits.max_fields) + " fields");
    }
    const size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    Result<std::string> name = PercentDecode(raw_name, true);
    if (!name.ok()) {
      return InvalidArgument(std::string(where) + ": a field name is malformed (" +
                             name.status().message() + ")");
    }
    if (name->size() > limits.max_name_bytes) {
      return InvalidArgument(std::string(where) + ": a field name is longer than " +
                             std::to_string(limits.max_name_bytes) + " bytes");
    }
    SAMSPILL_RETURN_IF_ERROR(CheckText(*name, where, *name, /*is_name=*/true));
    Result<std::string> value = PercentDecode(raw_value, true);
    if (!value.ok()) {
      return InvalidArgument(std::string(where) + ": the field '" + Printable(*name) +
                                 "' is malformed (" + value.status().message() + ")",
                             *name);
    }
    SAMSPILL_RETURN_IF_ERROR(CheckText(*value, where, *name, /*is_name=*/false));
    parsed.emplace_back(std::move(*name), std::move(*value));
    if (end == text.size()) break;
  }
  for (auto& p : parsed) out.push_back(std::move(p));
  return Status::Ok();
}

Result<std::string> MultipartBoundary(std::string_view content_type) {
  std::optional<std::string> boundary = HeaderParam(content_type, "boundary");
  if (!boundary || boundary->empty()) {
    return InvalidArgument("the multipart form has no boundary in its Content-Type", "body");
  }
  // RFC 2046: 1 to 70 characters.
  if (boundary->size() > 70) {
    return InvalidArgument("the multipart boundary is longer than 70 characters", "body");
  }
  return *boundary;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                             const FormLimits& limits) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string separator = "\r\n" + delimiter;
  // The body opens with the first delimiter (a preamble before it is ignored, as RFC 2046 says).
  size_t pos;
  if (body.substr(0, delimiter.size()) == delimiter) {
    pos = delimiter.size();
  } else {
    pos = body.find(separator);
    if (pos == std::string_view::npos) {
      return InvalidArgument("the multipart form does not start with its boundary", "body");
    }
    pos += separator.size();
  }
  std::vector<FormPart> parts;
  while (true) {
    // After a delimiter: "--" closes the body; otherwise CRLF and a part follow.
    if (body.substr(pos, 2) == "--") return parts;
    // Transport padding (spaces and tabs) may follow a delimiter.
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") {
      return InvalidArgument("the multipart form is malformed after a boundary", "body");
    }
    pos += 2;
    if (parts.size() >= limits.max_fields) {
      return InvalidArgument(
          "the multipart form has more than " + std::to_string(limits.max_fields) + " parts",
          "body");
    }
    const size_t headers_end = body.find("\r\n\r\n", pos);
    const size_t next = body.find(separator, pos);
    if (next == std::string_view::npos) {
      return InvalidArgument("the multipart form ends without its closing boundary", "body");
    }
    FormPart part;
    bool has_disposition = false;
    size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {
      content_start = pos + 2;  // a part without headers
    } else {
      if (headers_end == std::string_view::npos || headers_end > next) {
        return InvalidArgument("a part of the multipart form has no end of its headers", "body");
      }
      std::string_view headers = body.substr(pos, headers_end - pos);
      content_start = headers_end + 4;
      size_t line_start = 0;
      while (line_start <= headers.size()) {
        size_t line_end = headers.find("\r\n", line_start);
        if (line_end == std::string_view::npos) line_end = headers.size();
        std::string_view line = headers.substr(line_start, line_end - line_start);
        line_start = line_end + 2;
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
          return InvalidArgument("a part of the multipart form has a malformed header", "body");
        }
        std::string_view name = Trim(line.substr(0, colon));
        std::string_view value = Trim(line.substr(colon + 1));
        if (IEquals(name, "Content-Disposition")) {
          std::string_view kind = Trim(value.substr(0, value.find(';')));
          if (!IEquals(kind, "form-data")) {
            return InvalidArgument("a part of the multipart form is not form-data", "body");
          }
          std::optional<std::string> field = HeaderParam(value, "name");
          if (!field) {
            return InvalidArgument("a part of the multipart form has no name", "body");
          }
          part.name = std::move(*field);
          if (std::optional<std::string> file = HeaderParam(value, "filename")) {
            part.filename = std::move(*file);
          }
          has_disposition = true;
        } else if (IEquals(name, "Content-Type")) {
          part.content_type = std::string(value);
        }
        if (line_end == headers.size()) break;
      }
    }
    if (!has_disposition) {
      return InvalidArgument("a part of the multipart form has no Content-Disposition", "body");
    }
    if (part.name.size() > limits.max_name_bytes) {
      return InvalidArgument(
          "a part's name is longer than " + std::to_string(limits.max_name_bytes) + " bytes",
          "body");
    }
    SAMSPILL_RETURN_IF_ERROR(CheckText(part.name, "the form", part.name, /*is_name=*/true));
    // Browsers send only the base name; older ones sent a whole path.
    if (size_t slash = part.filename.find_last_of("/\\"); slash != std::string::npos) {
      part.filename.erase(0, slash + 1);
    }
    if (!IsValidUtf8(part.filename) || part.filename.find('\0') != std::string::npos) {
      return InvalidArgument(
          "the file name in the field '" + Printable(part.name) + "' is not valid UTF-8 text",
          part.name);
    }
    if (content_start > next) {
      return InvalidArgument("a part of the multipart form is malformed", "body");
    }
    part.content = std::string(body.substr(content_start, next - content_start));
    if (part.filename.empty()) {
      SAMSPILL_RETURN_IF_ERROR(CheckText(part.content, "the form", part.name, false));
    }
    parts.push_back(std::move(part));
    pos = next + separator.size();
  }
}

std::string CookieFromHeader(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view part = Trim(header.substr(pos, end - pos));
    if (part.size() > name.size() && part.substr(0, name.size()) == name &&
        part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

}  // namespace samspill::web
