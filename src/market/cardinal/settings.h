// The settings of the red-flag indicators, read from the INI file that cardinal (OCP's
// `ocdscardinal` 0.0.8) takes with `-s`. Each present section enables its indicator;
// absent options take the defaults written once in IndicatorSettings' accessors.
//
// Parsing follows cardinal's `config` crate reading: top-level keys before the first
// section, `;`/`#` comments, `[R003.procurement_method_details]` as a nested map, lists
// separated by `|`, and unknown keys rejected with an error naming the path. Values only;
// thread-safe to share once parsed.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace samspill::market::cardinal {

using StringList = std::vector<std::string>;

struct R003Settings {
  std::optional<int64_t> threshold;  // default 15 days
  std::optional<StringList> procurement_methods;
  std::map<std::string, int64_t, std::less<>> procurement_method_details;  // value -> days
};
struct R018Settings {
  std::optional<StringList> procurement_methods;  // default open|selective
};
struct FenceSettings {  // R024, R058
  std::optional<double> threshold;
};
struct R025Settings {
  std::optional<int64_t> percentile;  // default 75
  std::optional<double> threshold;
};
struct R035Settings {
  std::optional<int64_t> threshold;  // default 1; values below 1 count as 1
};
struct R038Settings {
  std::optional<double> threshold;
  std::optional<uint64_t> minimum_submitted_bids;         // default 2
  std::optional<uint64_t> minimum_contracting_processes;  // default 2
};
struct R048Settings {
  std::optional<uint64_t> digits;  // default 2
  std::optional<int64_t> threshold;
  std::optional<uint64_t> minimum_contracting_processes;  // default 20
};
struct EmptySettings {};  // R028, R030, R036

struct Settings {
  std::optional<std::string> currency;
  std::optional<StringList> no_price_comparison_procurement_methods;
  std::optional<StringList> price_comparison_procurement_methods;
  std::optional<StringList> excluded_procurement_method_details;  // [exclusions]
  bool info_currency_mismatches = false;                          // [output]

  std::optional<R003Settings> r003;
  std::optional<R018Settings> r018;
  std::optional<FenceSettings> r024;
  std::optional<R025Settings> r025;
  std::optional<EmptySettings> r028;
  std::optional<EmptySettings> r030;
  std::optional<R035Settings> r035;
  std::optional<EmptySettings> r036;
  std::optional<R038Settings> r038;
  std::optional<R048Settings> r048;
  std::optional<FenceSettings> r058;

  // Warnings found while parsing (e.g. both price-comparison lists set), for stderr.
  std::vector<std::string> warnings;
};

// Parses the INI text. Errors are kInvalidArgument with `field` set to the setting's path
// ("R003.threshold", "R999") and the line number in the message.
Result<Settings> ParseSettings(std::string_view ini_text);

}  // namespace samspill::market::cardinal
