// Small text checks shared by every module. Pure functions; thread-safe.
#pragma once

#include <string_view>

namespace samspill {

// True when `text` is empty or only spaces, tabs and line breaks: a reason, title or answer
// that says nothing.
inline bool IsBlank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace samspill
