// Norwegian organisation numbers (organisasjonsnummer, Enhetsregisteret).
//
// Nine digits; the last is a modulus-11 check digit over the first eight with weights
// 3 2 7 6 5 4 3 2. A remainder giving check digit 10 means the number is never issued.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill {

// Accepts "937 052 766" or "937052766" (spaces ignored); returns the nine digits.
Result<std::string> ParseOrgNumber(std::string_view text);

}  // namespace samspill
