// Writing JSON the way serde_json's compact printer does, for output that parses to the
// same values as cardinal's: strings escaped like serde_json, doubles in the shortest form
// that reads back to the same bits with a ".0" on integral values, NaN and infinities as
// null. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace samspill::market::cardinal {

void AppendJsonString(std::string* out, std::string_view s);
void AppendJsonDouble(std::string* out, double v);

}  // namespace samspill::market::cardinal
