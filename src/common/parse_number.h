// Whole numbers read from outside input — form fields, query parameters, route captures, CSV
// cells — checked without exceptions (std::from_chars): anything but an optional '-' and
// digits, or a value outside [min, max], is InvalidArgument naming the field, so a typo or a
// 23-digit number answers 400 instead of escaping as std::invalid_argument/out_of_range.
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

}  // namespace samspill
