// Whole numbers read from outside input — form fields, query parameters, route captures, CSV
// cells — checked without exceptions (std::from_chars): anything but an optional '-' and
// digits, or a value outside [min, max], is InvalidArgument naming the field, so a typo or a
// 23-digit number answers 400 instead of escaping as std::invalid_argument/out_of_range.
// Decimal numbers are read the way Norwegian spreadsheets and people write them.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

#include "common/status.h"

namespace samspill {

// "<field> must be a whole number" / "<field> must be between <min> and <max>".
Result<int64_t> ParseWholeNumber(std::string_view text, std::string_view field,
                                 int64_t min = std::numeric_limits<int64_t>::min(),
                                 int64_t max = std::numeric_limits<int64_t>::max());

// A finite decimal number: "1 234 567", "1 234,5", "7,7", "7.7", "-3", "1.5E+3" (as an xlsx
// file stores numbers). Thousands are grouped by spaces (also no-break and narrow no-break
// spaces), never by '.' or ','; one ',' or '.' is the decimal mark, with digits on both sides.
// Leading and trailing blanks are ignored. Anything else is "<field> must be a number".
Result<double> ParseDecimalNumber(std::string_view text, std::string_view field);

}  // namespace samspill
