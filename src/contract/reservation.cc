#include "contract/reservation.h"

#include <string>

namespace samspill::contract {

Date EarliestReservationDeadline(const Date& information_given) {
  return information_given.AddDays(kMinReservationDays);
}

Status ValidateReservationDeadline(const Date& information_given, const Date& deadline) {
  const Date earliest = EarliestReservationDeadline(information_given);
  if (deadline < earliest) {
    return InvalidArgument("the reservation deadline " + deadline.ToIso() +
                               " is less than 14 days after the § 16-6 information of " +
                               information_given.ToIso() + " (arbeidsmiljøloven § 16-3); the " +
                               "earliest allowed deadline is " + earliest.ToIso(),
                           "reservation_deadline");
  }
  return Status::Ok();
}

}  // namespace samspill::contract
