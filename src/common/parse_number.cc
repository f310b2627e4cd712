#include "common/parse_number.h"

#include <charconv>
#include <string>

namespace samspill {

Result<int64_t> ParseWholeNumber(std::string_view text, std::string_view field, int64_t min,
                                 int64_t max) {
  const std::string name(field);
  int64_t value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  const std::string_view digits = text.starts_with('-') ? text.substr(1) : text;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    return InvalidArgument(name + " must be a whole number", name);
  }
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec == std::errc::result_out_of_range || (ec == std::errc() && (value < min || value > max))) {
    return InvalidArgument(
        name + " must be between " + std::to_string(min) + " and " + std::to_string(max), name);
  }
  if (ec != std::errc() || ptr != end)
    return InvalidArgument(name + " must be a whole number", name);
  return value;
}

}  // namespace samspill
