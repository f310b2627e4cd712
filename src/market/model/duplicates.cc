#include "market/model/duplicates.h"

#include <cctype>
#include <cstdlib>
#include <functional>

#include "common/time.h"

namespace samspill::market {
namespace {

// A code point that is part of a word: ASCII letters and digits, Latin letters from U+00C0
// (not × and ÷), and other scripts; not the punctuation, symbol and space blocks.
bool IsWordCodePoint(uint32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE6F) return false;  // compatibility punctuation
  if (c >= 0xFF00 && c <= 0xFF0F) return false;  // full-width punctuation
  return true;
}

// Lower-cases ASCII and Latin-1 capitals (Æ Ø Å and the others), keeps word characters,
// and folds every run of anything else into one space. Invalid UTF-8 bytes are gaps.
void AppendFolded(std::string* out, std::string_view s) {
  bool wrote = false, gap = false;
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t n = b0 < 0x80           ? 1
               : (b0 >> 5) == 0x6  ? 2
               : (b0 >> 4) == 0xE  ? 3
               : (b0 >> 3) == 0x1E ? 4
                                   : 0;
    uint32_t c = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    bool valid = n > 0 && i + n <= s.size();
    for (size_t k = 1; valid && k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      valid = (b & 0xC0) == 0x80;
      c = (c << 6) | (b & 0x3F);
    }
    if (!valid) {
      gap = true;
      ++i;
      continue;
    }
    if (!IsWordCodePoint(c)) {
      gap = true;
      i += n;
      continue;
    }
    if (gap && wrote) out->push_back(' ');
    gap = false;
    wrote = true;
    if (n == 1) {
      out->push_back(static_cast<char>(std::tolower(b0)));
    } else if (n == 2 && c >= 0xC0 && c <= 0xDE) {  // Latin-1 capital -> small (× excluded)
      out->push_back(static_cast<char>(b0));
      out->push_back(static_cast<char>(s[i + 1] + 0x20));
    } else {
      out->append(s.substr(i, n));
    }
    i += n;
  }
}

int32_t DayOf(const std::string& published) {
  if (published.size() < 10) return INT32_MIN;
  Result<Date> d = ParseIsoDate(std::string_view(published).substr(0, 10));
  return d.ok() ? static_cast<int32_t>(d->DaysSinceEpoch()) : INT32_MIN;
}

}  // namespace

std::string CrossFormatKey(const Process& p) {
  std::string key;
  if (!p.buyer.org_number.empty()) {
    key = p.buyer.org_number;
  } else {
    AppendFolded(&key, p.buyer.name);
  }
  if (key.empty()) return {};
  key.push_back('|');
  const size_t title_at = key.size();
  AppendFolded(&key, p.title);
  if (key.size() == title_at) return {};
  key.push_back('|');
  key += p.cpv;
  return key;
}

std::optional<CrossFormatDuplicates::Match> CrossFormatDuplicates::Check(const Process& p) {
  const std::string key = CrossFormatKey(p);
  if (key.empty()) return std::nullopt;
  const uint64_t hash = std::hash<std::string>{}(key);
  const int32_t day = DayOf(p.published);
  auto [begin, end] = seen_.equal_range(hash);
  const Seen* first = nullptr;  // the earliest-read match, whatever the hash order
  for (auto it = begin; it != end; ++it) {
    const Seen& s = it->second;
    if (s.format == p.format) continue;
    const bool near = day == INT32_MIN || s.day == INT32_MIN ||
                      std::abs(static_cast<int64_t>(day) - s.day) <= max_days_;
    if (near && (!first || s.order < first->order)) first = &s;
  }
  if (first) {
    ++duplicates_;
    return Match{first->format, first->id};
  }
  seen_.emplace(hash, Seen{day, p.format, p.id, next_order_++});
  return std::nullopt;
}

}  // namespace samspill::market
