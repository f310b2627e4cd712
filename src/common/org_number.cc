#include "common/org_number.h"

namespace samspill {

Result<std::string> ParseOrgNumber(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') {
      return InvalidArgument("organisation number may contain only digits, got '" +
                             std::string(text) + "'");
    }
    digits += c;
  }
  if (digits.size() != 9) {
    return InvalidArgument("organisation number must have 9 digits, got " +
                           std::to_string(digits.size()));
  }
  static constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (digits[i] - '0') * kWeights[i];
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10 || check != digits[8] - '0') {
    return InvalidArgument("organisation number " + digits + " fails the modulus-11 check");
  }
  return digits;
}

}  // namespace samspill
