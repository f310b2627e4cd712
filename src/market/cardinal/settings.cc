#include "market/cardinal/settings.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>

namespace samspill::market::cardinal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// rust-ini strips one pair of matching quotes around a value.
std::string Unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = s.substr(1, s.size() - 2);
  }
  return std::string(s);
}

Status TypeError(const std::string& path, int line, const std::string& value, const char* want) {
  return InvalidArgument("settings line " + std::to_string(line) + ": invalid value \"" + value +
                             "\" for " + path + ", expected " + want,
                         path);
}

// The `config` crate turns strings into numbers with Rust's parse(), and also accepts
// true/on/yes and false/off/no as 1 and 0.
std::optional<int64_t> BoolNumber(const std::string& value) {
  std::string lower = Lower(value);
  if (lower == "true" || lower == "on" || lower == "yes") return 1;
  if (lower == "false" || lower == "off" || lower == "no") return 0;
  return std::nullopt;
}

Result<int64_t> ParseInt(const std::string& path, int line, const std::string& value) {
  if (auto b = BoolNumber(value)) return *b;
  std::string_view s = value;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return TypeError(path, line, value, "an integer");
  }
  return out;
}

Result<uint64_t> ParseUnsigned(const std::string& path, int line, const std::string& value) {
  SAMSPILL_ASSIGN_OR_RETURN(int64_t v, ParseInt(path, line, value));
  if (v < 0) return TypeError(path, line, value, "a non-negative integer");
  return static_cast<uint64_t>(v);
}

Result<double> ParseFloat(const std::string& path, int line, const std::string& value) {
  if (auto b = BoolNumber(value)) return static_cast<double>(*b);
  std::string_view s = value;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double out = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return TypeError(path, line, value, "a number");
  }
  return out;
}

Result<bool> ParseBool(const std::string& path, int line, const std::string& value) {
  if (auto b = BoolNumber(value)) return *b != 0;
  return TypeError(path, line, value, "a boolean");
}

// cardinal's pipe-separated lists: "open|selective" (elements are not trimmed).
StringList ParseList(const std::string& value) {
  StringList out;
  size_t start = 0;
  while (true) {
    size_t bar = value.find('|', start);
    out.push_back(value.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

Status UnknownKey(const std::string& path, int line) {
  return InvalidArgument("settings line " + std::to_string(line) + ": unknown setting " + path,
                         path);
}

// Sections that belong to cardinal's `prepare` command. They share the settings file, so the
// indicators command accepts them and ignores their keys.
bool IsPrepareSection(const std::string& section) {
  return section == "defaults" || section == "redactions" || section == "corrections" ||
         section == "modifications" || section == "codelists.bid_status" ||
         section == "codelists.award_status" || section == "codelists";
}

}  // namespace

Result<Settings> ParseSettings(std::string_view text) {
  Settings settings;
  std::string section;  // "" = top level
  int line_number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_number;
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == ';' || line.front() == '#') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        return InvalidArgument("settings line " + std::to_string(line_number) +
                               ": section header without ']'");
      }
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      const std::string path = section;
      if (section == "R003") {
        if (!settings.r003) settings.r003.emplace();
      } else if (section == "R003.procurement_method_details") {
        if (!settings.r003) settings.r003.emplace();
      } else if (section == "R018") {
        settings.r018.emplace();
      } else if (section == "R024") {
        settings.r024.emplace();
      } else if (section == "R025") {
        settings.r025.emplace();
      } else if (section == "R028") {
        settings.r028.emplace();
      } else if (section == "R030") {
        settings.r030.emplace();
      } else if (section == "R035") {
        settings.r035.emplace();
      } else if (section == "R036") {
        settings.r036.emplace();
      } else if (section == "R038") {
        settings.r038.emplace();
      } else if (section == "R048") {
        settings.r048.emplace();
      } else if (section == "R058") {
        settings.r058.emplace();
      } else if (section == "exclusions" || section == "output" || IsPrepareSection(section)) {
      } else {
        return UnknownKey(path, line_number);
      }
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) eq = line.find(':');  // rust-ini accepts both
    if (eq == std::string_view::npos) {
      return InvalidArgument("settings line " + std::to_string(line_number) +
                             ": expected key = value, got \"" + std::string(line) + "\"");
    }
    const std::string key(Trim(line.substr(0, eq)));
    const std::string value = Unquote(Trim(line.substr(eq + 1)));
    const std::string path = section.empty() ? key : section + "." + key;
    const int n = line_number;

    if (section.empty()) {
      if (key == "currency") {
        settings.currency = value;
      } else if (key == "no_price_comparison_procurement_methods") {
        settings.no_price_comparison_procurement_methods = ParseList(value);
      } else if (key == "price_comparison_procurement_methods") {
        settings.price_comparison_procurement_methods = ParseList(value);
      } else {
        return UnknownKey(path, n);
      }
    } else if (section == "exclusions") {
      if (key != "procurement_method_details") return UnknownKey(path, n);
      settings.excluded_procurement_method_details = ParseList(value);
    } else if (section == "output") {
      if (key != "info_currency_mismatches") return UnknownKey(path, n);
      SAMSPILL_ASSIGN_OR_RETURN(settings.info_currency_mismatches, ParseBool(path, n, value));
    } else if (IsPrepareSection(section)) {
      // Read by `prepare`, not by the indicators.
    } else if (section == "R003") {
      if (key == "threshold") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r003->threshold, ParseInt(path, n, value));
      } else if (key == "procurement_methods") {
        settings.r003->procurement_methods = ParseList(value);
      } else {
        return UnknownKey(path, n);
      }
    } else if (section == "R003.procurement_method_details") {
      SAMSPILL_ASSIGN_OR_RETURN(settings.r003->procurement_method_details[key],
                                ParseInt(path, n, value));
    } else if (section == "R018") {
      if (key != "procurement_methods") return UnknownKey(path, n);
      settings.r018->procurement_methods = ParseList(value);
    } else if (section == "R024" || section == "R058") {
      if (key != "threshold") return UnknownKey(path, n);
      auto& target = section == "R024" ? settings.r024 : settings.r058;
      SAMSPILL_ASSIGN_OR_RETURN(target->threshold, ParseFloat(path, n, value));
    } else if (section == "R025") {
      if (key == "percentile") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r025->percentile, ParseInt(path, n, value));
      } else if (key == "threshold") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r025->threshold, ParseFloat(path, n, value));
      } else {
        return UnknownKey(path, n);
      }
    } else if (section == "R035") {
      if (key != "threshold") return UnknownKey(path, n);
      SAMSPILL_ASSIGN_OR_RETURN(settings.r035->threshold, ParseInt(path, n, value));
    } else if (section == "R038") {
      if (key == "threshold") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r038->threshold, ParseFloat(path, n, value));
      } else if (key == "minimum_submitted_bids") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r038->minimum_submitted_bids,
                                  ParseUnsigned(path, n, value));
      } else if (key == "minimum_contracting_processes") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r038->minimum_contracting_processes,
                                  ParseUnsigned(path, n, value));
      } else {
        return UnknownKey(path, n);
      }
    } else if (section == "R048") {
      if (key == "digits") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r048->digits, ParseUnsigned(path, n, value));
      } else if (key == "threshold") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r048->threshold, ParseInt(path, n, value));
      } else if (key == "minimum_contracting_processes") {
        SAMSPILL_ASSIGN_OR_RETURN(settings.r048->minimum_contracting_processes,
                                  ParseUnsigned(path, n, value));
      } else {
        return UnknownKey(path, n);
      }
    } else {
      // R028, R030 and R036 take no keys.
      return UnknownKey(path, n);
    }
  }
  if (settings.price_comparison_procurement_methods &&
      settings.no_price_comparison_procurement_methods) {
    settings.warnings.push_back(
        "price_comparison_procurement_methods is set, so "
        "no_price_comparison_procurement_methods is ignored");
  }
  return settings;
}

}  // namespace samspill::market::cardinal
