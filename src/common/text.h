// Small text checks shared by every module. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace samspill {

// True when `text` is empty or only spaces, tabs and line breaks: a reason, title or answer
// that says nothing.
inline bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// `text` without leading and trailing spaces, tabs and line breaks.
inline std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace samspill
