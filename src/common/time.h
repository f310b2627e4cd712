// Dates and instants, ISO 8601 at every boundary.
//
// `Date` is a calendar date (deadlines, milestones are calendar days, FOA § 7-6).
// `Timestamp` is an instant in UTC seconds since the Unix epoch; it is formatted as
// "2025-09-19T12:00:00Z". Both are plain values and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace samspill {

struct Date {
  int year = 1970;
  int month = 1;  // 1–12
  int day = 1;    // 1–31

  friend auto operator<=>(const Date&, const Date&) = default;

  // Days since 1970-01-01 (negative before).
  int64_t DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(int64_t days);
  Date AddDays(int64_t days) const { return FromDaysSinceEpoch(DaysSinceEpoch() + days); }
  std::string ToIso() const;  // "2025-09-19"
};

// Whole calendar days from `from` to `to` (to − from).
inline int64_t DaysBetween(const Date& from, const Date& to) {
  return to.DaysSinceEpoch() - from.DaysSinceEpoch();
}

// "YYYY-MM-DD", a real calendar date (leap years checked).
Result<Date> ParseIsoDate(std::string_view text);

struct Timestamp {
  int64_t unix_seconds = 0;
  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;

  std::string ToIso() const;  // "2025-09-19T12:00:00Z"
  Date UtcDate() const;
};

// "YYYY-MM-DDTHH:MM:SSZ" or with an offset "+02:00"; also "YYYY-MM-DD" (midnight UTC).
Result<Timestamp> ParseIsoTimestamp(std::string_view text);

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);

// Norwegian time (Europe/Oslo): UTC+1, and UTC+2 from the last Sunday of March to the last
// Sunday of October, switching at 01:00 UTC (the EU rule in force since 1996).
int64_t OsloOffsetSeconds(Timestamp at);

// "3. mars 2025": a date as Norwegian text, as every page in bokmål writes it.
std::string FormatDateNb(const Date& date);

// "19. september 2025 kl. 12:00:00 norsk tid": an instant as Norwegian local time, to the
// second, for documents such as the procurement protocol (a bid received at 11:59:59 is on
// time for a noon deadline, so the seconds stay).
std::string FormatOsloTimestamp(Timestamp at);

}  // namespace samspill
