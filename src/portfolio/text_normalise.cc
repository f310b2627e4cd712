#include "portfolio/text_normalise.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace samspill::portfolio {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes decode as U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

// The folded form of one code point: "" for punctuation and symbols (a word break).
std::string_view FoldCodePoint(char32_t c) {
  static constexpr std::array<std::string_view, 128> kAscii = [] {
    std::array<std::string_view, 128> t{};
    constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
    constexpr std::string_view kDigits = "0123456789";
    for (size_t i = 0; i < 26; ++i) {
      t['a' + i] = kLower.substr(i, 1);
      t['A' + i] = kLower.substr(i, 1);
    }
    for (size_t i = 0; i < 10; ++i) t['0' + i] = kDigits.substr(i, 1);
    return t;
  }();
  if (c < 128) return kAscii[c];
  switch (c) {
    case U'æ':
    case U'Æ':
    case U'ä':
    case U'Ä':
      return "æ";
    case U'ø':
    case U'Ø':
    case U'ö':
    case U'Ö':
      return "ø";
    case U'å':
    case U'Å':
      return "å";
    case U'é':
    case U'É':
    case U'è':
    case U'È':
    case U'ê':
    case U'Ê':
    case U'ë':
      return "e";
    case U'á':
    case U'Á':
    case U'à':
    case U'À':
    case U'â':
      return "a";
    case U'í':
    case U'Í':
    case U'ì':
    case U'î':
    case U'ï':
      return "i";
    case U'ó':
    case U'Ó':
    case U'ò':
    case U'ô':
      return "o";
    case U'ú':
    case U'Ú':
    case U'ù':
    case U'û':
    case U'ü':
    case U'Ü':
      return "u";
    case U'ñ':
    case U'Ñ':
      return "n";
    case U'ç':
    case U'Ç':
      return "c";
    case U'ß':
      return "ss";
    default:
      return "";
  }
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

std::string FoldNorwegian(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < text.size()) {
    std::string_view folded = FoldCodePoint(NextCodePoint(text, i));
    if (folded.empty()) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    // "aa" is the old spelling of "å" (Aasen, Aalborg).
    if (folded == "a" && !out.empty() && out.back() == 'a' &&
        (out.size() < 2 || out[out.size() - 2] != 'a')) {
      out.back() = '\xC3';
      out += '\xA5';
      continue;
    }
    out += folded;
  }
  return out;
}

std::vector<std::string> FoldedWords(std::string_view text) {
  std::vector<std::string> words;
  const std::string folded = FoldNorwegian(text);
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string StemNorwegian(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"ene", "ens", "ets", "en", "et",
                                                  "er",  "es",  "e",   "s"};
  // Short words keep their endings: "rus", "nav" and "cop" are words, not inflections.
  if (word.size() <= 5) return std::string(word);
  for (std::string_view ending : kEndings) {
    if (word.size() >= ending.size() + 4 && word.ends_with(ending)) {
      return std::string(word.substr(0, word.size() - ending.size()));
    }
  }
  return std::string(word);
}

bool IsStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "og",  "i",   "for", "på",  "av", "med", "til", "om", "en", "et",  "ei",  "det", "den", "de",
      "fra", "the", "of",  "and", "in", "on",  "a",   "an", "to", "som", "ved", "hos", "mot"};
  return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
}

std::vector<std::string> NameVariants(std::string_view name) {
  std::vector<std::string> variants;
  std::string outside;
  size_t depth = 0, open = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '(') {
      if (depth++ == 0) open = i + 1;
    } else if (c == ')' && depth > 0) {
      if (--depth == 0) variants.emplace_back(name.substr(open, i - open));
    } else if (depth == 0) {
      outside += c;
    }
  }
  if (depth > 0) outside += name.substr(open - 1);  // an unclosed parenthesis is just text
  variants.insert(variants.begin(), outside);
  for (std::string& v : variants) {
    const size_t b = v.find_first_not_of(" \t");
    v = b == std::string::npos ? "" : v.substr(b, v.find_last_not_of(" \t") - b + 1);
  }
  std::erase_if(variants, [](const std::string& v) { return FoldNorwegian(v).empty(); });
  return variants;
}

std::vector<std::string> SignificantTokens(std::string_view text) {
  std::vector<std::string> tokens;
  for (const std::string& w : FoldedWords(text)) {
    if (IsStopWord(w)) continue;
    tokens.push_back(StemNorwegian(w));
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

std::string Initials(std::string_view text) {
  std::string out;
  for (const std::string& w : FoldedWords(text)) {
    if (IsStopWord(w)) continue;
    // The first letter, whole (æ, ø and å are two bytes).
    const size_t len = static_cast<unsigned char>(w[0]) >= 0x80 ? 2 : 1;
    out += w.substr(0, len);
  }
  return out;
}

std::vector<std::string> DeclaredAcronyms(std::string_view text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    const auto is_word_char = [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    };
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    int capitals = 0;
    while (j < text.size() && is_word_char(text[j])) capitals += IsAsciiUpper(text[j++]) ? 1 : 0;
    // A word that goes on in non-ASCII letters ("HELSEFORSKNINGSRÅD") is a word, not an acronym.
    const bool clean_end = j == text.size() || static_cast<unsigned char>(text[j]) < 0x80;
    const size_t len = j - i;
    if (clean_end && capitals >= 2 && len >= 2 && len <= 12 && IsAsciiUpper(text[i])) {
      out.push_back(FoldNorwegian(text.substr(i, len)));
    }
    i = j;
  }
  return out;
}

}  // namespace samspill::portfolio
