#include "market/cardinal/json_writer.h"

#include <charconv>
#include <cmath>

namespace samspill::market::cardinal {

void AppendJsonString(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (u < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[u >> 4]);
          out->push_back(kHex[u & 15]);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendJsonDouble(std::string* out, double v) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  (void)ec;  // 64 bytes always suffice for the shortest form
  std::string_view text(buffer, static_cast<size_t>(end - buffer));
  const size_t e = text.find('e');
  if (e == std::string_view::npos) {
    out->append(text);
    if (text.find('.') == std::string_view::npos) out->append(".0");
    return;
  }
  // ryu (serde_json) writes 1e20 and 1e-7 where to_chars writes 1e+20 and 1e-07.
  out->append(text.substr(0, e));
  out->push_back('e');
  size_t pos = e + 1;
  if (text[pos] == '+') {
    ++pos;
  } else if (text[pos] == '-') {
    out->push_back('-');
    ++pos;
  }
  while (pos + 1 < text.size() && text[pos] == '0') ++pos;
  out->append(text.substr(pos));
}

}  // namespace samspill::market::cardinal
