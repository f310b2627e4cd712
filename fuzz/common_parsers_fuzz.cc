// Fuzz target for the common parsers of outside text: money amounts, ISO dates and
// timestamps, organisation numbers. Each must either succeed with a value that
// round-trips, or fail with InvalidArgument — never crash, never accept garbage.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/money.h"
#include "common/org_number.h"
#include "common/time.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill;
  std::string_view text(reinterpret_cast<const char*>(data), size);

  for (bool allow_negative : {false, true}) {
    Result<int64_t> minor = ParseMoneyMinor(text, allow_negative);
    if (minor.ok()) {
      Check(*minor <= kMaxMoneyMinor && *minor >= -kMaxMoneyMinor);
      Check(allow_negative || *minor >= 0);
      // What we print, we parse back to the same amount.
      Result<int64_t> again = ParseMoneyMinor(FormatMoneyPlain({*minor, "NOK"}), true);
      Check(again.ok() && *again == *minor);
    } else {
      Check(minor.status().code() == StatusCode::kInvalidArgument);
    }
  }

  Result<Date> date = ParseIsoDate(text);
  if (date.ok()) {
    Check(date->ToIso() == text);
    Check(Date::FromDaysSinceEpoch(date->DaysSinceEpoch()) == *date);
  }

  Result<Timestamp> timestamp = ParseIsoTimestamp(text);
  if (timestamp.ok()) {
    Result<Timestamp> again = ParseIsoTimestamp(timestamp->ToIso());
    Check(again.ok() && *again == *timestamp);
  }

  Result<std::string> org = ParseOrgNumber(text);
  if (org.ok()) {
    Check(org->size() == 9);
    Check(ParseOrgNumber(*org).ok());
  }
  return 0;
}
