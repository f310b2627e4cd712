// Money: an amount in integer minor units (øre, cents) with an ISO 4217 currency code.
//
// samspill never stores or adds money as floating point. Parsing from decimal text or a
// JSON number accepts at most two decimals; anything that would lose precision is an
// error rather than a silent rounding. Thread-safe as a value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill {

struct Money {
  int64_t minor = 0;  // øre for NOK, øre for DKK, cents for EUR
  std::string currency = "NOK";

  friend bool operator==(const Money&, const Money&) = default;

  // Whole major units as a double, for ratios such as price scores only.
  double major_as_double() const { return static_cast<double>(minor) / 100.0; }
};

// Largest amount accepted anywhere: 10^15 major units, far above any public contract,
// and far below int64 overflow when summed.
inline constexpr int64_t kMaxMoneyMinor = 100'000'000'000'000'000;

// "1250000", "1250000.5", "1 250 000,50" (Norwegian separators) → minor units.
// Rejects signs where `allow_negative` is false, more than two decimals, and overflow.
Result<int64_t> ParseMoneyMinor(std::string_view text, bool allow_negative = false);

// From a JSON number already parsed as double (e.g. 1000000 or 99.95). Rejects NaN,
// infinities, values with more than two decimals and out-of-range amounts.
Result<int64_t> MoneyMinorFromDouble(double major, bool allow_negative = false);

// Three upper-case ASCII letters.
bool IsCurrencyCode(std::string_view code);

// "1250000.50" — plain, machine-readable major units with two decimals when needed.
std::string FormatMoneyPlain(const Money& money);

}  // namespace samspill
