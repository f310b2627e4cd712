#include "common/time.h"

#include <algorithm>
#include <cstdio>

namespace samspill {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic
// Gregorian calendar, no time-zone database involved.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool ParseDigits(std::string_view text, size_t pos, size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

int64_t Date::DaysSinceEpoch() const {
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::FromDaysSinceEpoch(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string Date::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Result<Date> ParseIsoDate(std::string_view text) {
  Date d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseDigits(text, 0, 4, &d.year) ||
      !ParseDigits(text, 5, 2, &d.month) || !ParseDigits(text, 8, 2, &d.day)) {
    return InvalidArgument("date must be written YYYY-MM-DD, got '" + std::string(text) + "'");
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return InvalidArgument("'" + std::string(text) + "' is not a calendar date");
  }
  return d;
}

std::string Timestamp::ToIso() const {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : -((-unix_seconds + 86399) / 86400);
  int64_t secs = unix_seconds - days * 86400;
  Date d = Date::FromDaysSinceEpoch(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

Date Timestamp::UtcDate() const {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : -((-unix_seconds + 86399) / 86400);
  return Date::FromDaysSinceEpoch(days);
}

Result<Timestamp> ParseIsoTimestamp(std::string_view text) {
  auto bad = [&] {
    return InvalidArgument("time must be ISO 8601 like 2025-09-19T12:00:00Z, got '" +
                           std::string(text) + "'");
  };
  if (text.size() < 10) return bad();
  auto date = ParseIsoDate(text.substr(0, 10));
  if (!date.ok()) return date.status();
  int64_t seconds = date->DaysSinceEpoch() * 86400;
  if (text.size() == 10) return Timestamp{seconds};
  int hh, mm, ss = 0;
  if (text[10] != 'T' && text[10] != ' ') return bad();
  if (!ParseDigits(text, 11, 2, &hh) || text.size() < 16 || text[13] != ':' ||
      !ParseDigits(text, 14, 2, &mm)) {
    return bad();
  }
  size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!ParseDigits(text, pos + 1, 2, &ss)) return bad();
    pos += 3;
  }
  if (pos < text.size() && text[pos] == '.') {  // fractional seconds: ignored
    ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
  }
  if (hh > 23 || mm > 59 || ss > 60) return bad();
  seconds += hh * 3600 + mm * 60 + ss;
  if (pos == text.size()) return bad();  // an instant needs a zone
  if (text[pos] == 'Z' && pos + 1 == text.size()) return Timestamp{seconds};
  if ((text[pos] == '+' || text[pos] == '-') && text.size() == pos + 6 && text[pos + 3] == ':') {
    int oh, om;
    if (!ParseDigits(text, pos + 1, 2, &oh) || !ParseDigits(text, pos + 4, 2, &om) || oh > 23 ||
        om > 59) {
      return bad();
    }
    int offset = oh * 3600 + om * 60;
    Timestamp utc{text[pos] == '+' ? seconds - offset : seconds + offset};
    // An offset can push the instant out of four-digit years, which we could not print back.
    int year = utc.UtcDate().year;
    if (year < 0 || year > 9999) {
      return InvalidArgument("time '" + std::string(text) + "' is outside the years 0000–9999");
    }
    return utc;
  }
  return bad();
}

namespace {

// The last Sunday of `month` in `year`.
Date LastSunday(int year, int month) {
  Date first_next{month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1};
  Date last = first_next.AddDays(-1);
  // 1970-01-01 was a Thursday: day 0 → weekday 4 (Sunday = 0).
  int64_t weekday = ((last.DaysSinceEpoch() % 7) + 7 + 4) % 7;
  return last.AddDays(-weekday);
}

}  // namespace

int64_t OsloOffsetSeconds(Timestamp at) {
  const Date day = at.UtcDate();
  const int64_t start = LastSunday(day.year, 3).DaysSinceEpoch() * 86400 + 3600;
  const int64_t end = LastSunday(day.year, 10).DaysSinceEpoch() * 86400 + 3600;
  return at.unix_seconds >= start && at.unix_seconds < end ? 7200 : 3600;
}

std::string FormatDateNb(const Date& date) {
  static constexpr std::string_view kMonths[] = {"januar",    "februar", "mars",     "april",
                                                 "mai",       "juni",    "juli",     "august",
                                                 "september", "oktober", "november", "desember"};
  const int m = std::min(std::max(date.month, 1), 12) - 1;
  return std::to_string(date.day) + ". " + std::string(kMonths[m]) + " " +
         std::to_string(date.year);
}

std::string FormatOsloTimestamp(Timestamp at) {
  // "2025-09-19T12:00:00Z" read as local time: the date, then "12:00:00".
  const std::string iso = Timestamp{at.unix_seconds + OsloOffsetSeconds(at)}.ToIso();
  Result<Date> date = ParseIsoDate(std::string_view(iso).substr(0, 10));
  if (!date.ok() || iso.size() != 20) return iso + " norsk tid";
  return FormatDateNb(*date) + " kl. " + iso.substr(11, 8) + " norsk tid";
}

}  // namespace samspill
