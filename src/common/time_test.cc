#include "common/time.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace samspill {
namespace {

TEST(Date, SeedZeroBidPeriodIs29Days) {
  // Seed 000: sent to qualified suppliers 2025-08-21, deadline 2025-09-19.
  EXPECT_EQ(DaysBetween(*ParseIsoDate("2025-08-21"), *ParseIsoDate("2025-09-19")), 29);
}

TEST(Date, RoundTripsAndChecksCalendar) {
  EXPECT_EQ(ParseIsoDate("2024-02-29")->ToIso(), "2024-02-29");
  EXPECT_FALSE(ParseIsoDate("2025-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("2025-13-01").ok());
  EXPECT_FALSE(ParseIsoDate("19.09.2025").ok());
  EXPECT_EQ(Date::FromDaysSinceEpoch(0).ToIso(), "1970-01-01");
  EXPECT_EQ(ParseIsoDate("2025-12-31")->AddDays(1).ToIso(), "2026-01-01");
}

TEST(Timestamp, ParsesZonesToUtc) {
  EXPECT_EQ(ParseIsoTimestamp("2025-09-19T12:00:00+02:00")->ToIso(), "2025-09-19T10:00:00Z");
  EXPECT_EQ(ParseIsoTimestamp("2025-09-19T12:00Z")->ToIso(), "2025-09-19T12:00:00Z");
  EXPECT_EQ(ParseIsoTimestamp("2025-09-19")->ToIso(), "2025-09-19T00:00:00Z");
  EXPECT_FALSE(ParseIsoTimestamp("2025-09-19T12:00:00").ok());  // no zone
  EXPECT_FALSE(ParseIsoTimestamp("2025-09-19T25:00:00Z").ok());
  // Found by the fuzzer: an offset must not carry the instant past year 9999.
  EXPECT_FALSE(ParseIsoTimestamp("9999-12-31T23:59:59-23:59").ok());
  EXPECT_FALSE(ParseIsoTimestamp("0000-01-01T00:00:00+01:00").ok());
}

TEST(FakeClock, MovesPastDeadline) {
  FakeClock clock(*ParseIsoTimestamp("2025-09-19T11:59:59Z"));
  Timestamp deadline = *ParseIsoTimestamp("2025-09-19T12:00:00Z");
  EXPECT_LT(clock.Now(), deadline);
  clock.Advance(2);
  EXPECT_GT(clock.Now(), deadline);
}

TEST(OsloTime, SwitchesOnTheLastSundaysOfMarchAndOctoberAt0100Utc) {
  auto T = [](const char* iso) { return *ParseIsoTimestamp(iso); };
  EXPECT_EQ(OsloOffsetSeconds(T("2025-03-30T00:59:59Z")), 3600);
  EXPECT_EQ(OsloOffsetSeconds(T("2025-03-30T01:00:00Z")), 7200);
  EXPECT_EQ(OsloOffsetSeconds(T("2025-10-26T00:59:59Z")), 7200);
  EXPECT_EQ(OsloOffsetSeconds(T("2025-10-26T01:00:00Z")), 3600);
  EXPECT_EQ(FormatOsloTimestamp(T("2025-09-19T10:00:00Z")),
            "19. september 2025 kl. 12:00:00 norsk tid");
  EXPECT_EQ(FormatOsloTimestamp(T("2025-12-31T23:30:05Z")),
            "1. januar 2026 kl. 00:30:05 norsk tid");
  EXPECT_EQ(FormatDateNb(Date{2025, 3, 3}), "3. mars 2025");
}

}  // namespace
}  // namespace samspill
