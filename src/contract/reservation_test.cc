#include "contract/reservation.h"

#include <gtest/gtest.h>

namespace samspill::contract {
namespace {

TEST(ReservationDeadline, EarliestIsFourteenCalendarDaysAfterTheInformation) {
  // 20 January + 14 days = 3 February (11 days to the 31st, then 3 more).
  EXPECT_EQ(EarliestReservationDeadline(Date{2026, 1, 20}), (Date{2026, 2, 3}));
  // 20 February 2028 (leap year): 9 days to the 29th, then 5 more = 5 March.
  EXPECT_EQ(EarliestReservationDeadline(Date{2028, 2, 20}), (Date{2028, 3, 5}));
}

TEST(ReservationDeadline, DayThirteenIsRefusedAndDayFourteenAccepted) {
  const Date info{2026, 3, 2};
  // 2 March + 13 = 15 March: one day short.
  const Status short_one = ValidateReservationDeadline(info, Date{2026, 3, 15});
  EXPECT_EQ(short_one.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(short_one.field(), "reservation_deadline");
  EXPECT_NE(short_one.message().find("2026-03-16"), std::string::npos) << short_one.message();
  // 2 March + 14 = 16 March.
  EXPECT_TRUE(ValidateReservationDeadline(info, Date{2026, 3, 16}).ok());
  EXPECT_TRUE(ValidateReservationDeadline(info, Date{2026, 4, 30}).ok());
}

TEST(ReservationDeadline, AcrossAMonthEnd) {
  const Date info{2026, 1, 25};
  // 25 January: 6 days to the 31st, 14 − 6 = 8 → 8 February; 7 February is day 13.
  const Status day13 = ValidateReservationDeadline(info, Date{2026, 2, 7});
  EXPECT_EQ(day13.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(day13.message().find("2026-02-08"), std::string::npos) << day13.message();
  EXPECT_TRUE(ValidateReservationDeadline(info, Date{2026, 2, 8}).ok());
  // Across a year end: 20 December + 14 = 3 January (11 days to the 31st, 3 more).
  EXPECT_FALSE(ValidateReservationDeadline(Date{2026, 12, 20}, Date{2027, 1, 2}).ok());
  EXPECT_TRUE(ValidateReservationDeadline(Date{2026, 12, 20}, Date{2027, 1, 3}).ok());
}

TEST(ReservationDeadline, ADeadlineBeforeTheInformationIsRefused) {
  EXPECT_EQ(ValidateReservationDeadline(Date{2026, 3, 2}, Date{2026, 3, 1}).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(ValidateReservationDeadline(Date{2026, 3, 2}, Date{2026, 3, 2}).code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace samspill::contract
