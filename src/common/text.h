// Small text checks shared by every module. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// The number of characters (code points) of UTF-8 `text`: what a chart's label is measured by.
inline size_t Utf8Chars(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// `text` in lines of at most `max_chars` characters, broken between words (a word longer than a
// line gets a line of its own): whole names in charts, never cut.
inline std::vector<std::string> WrapWords(std::string_view text, size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!line.empty() && Utf8Chars(line) + 1 + Utf8Chars(word) > max_chars) {
        lines.push_back(line);
        line.clear();
      }
      if (!line.empty()) line += ' ';
      line += word;
    }
    start = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace samspill
