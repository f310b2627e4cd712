// The reservation deadline of a staff transfer (arbeidsmiljøloven § 16-3, DOMAIN.md §4).
//
// An employee who does not want to follow the transfer tells the former employer in writing
// within a deadline that employer sets, "ikke kortere enn 14 dager etter at informasjon etter
// § 16-6 er gitt". The days are calendar days: information given on 20 January allows a deadline
// of 3 February at the earliest, and information on 20 February 2028 (a leap year) allows 5 March.
// Pure functions; thread-safe.
#pragma once

#include "common/status.h"
#include "common/time.h"

namespace samspill::contract {

inline constexpr int kMinReservationDays = 14;

// The earliest deadline the law allows: the information date + 14 days.
Date EarliestReservationDeadline(const Date& information_given);

// OK when `deadline` is at least 14 days after `information_given`; otherwise kInvalidArgument
// naming `reservation_deadline` and saying the earliest allowed date.
Status ValidateReservationDeadline(const Date& information_given, const Date& deadline);

}  // namespace samspill::contract
