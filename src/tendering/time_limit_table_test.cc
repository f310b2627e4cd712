#include "tendering/time_limit_table.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

TEST(TimeLimitTable, NorwayHasTheDfoMinimums) {
  const TimeLimitTable& table = TimeLimitTable::Norway();
  const Date day{2025, 1, 1};
  EXPECT_EQ(table.InForce(TimeLimitKind::kOpenTender, day)->days, 30);
  EXPECT_EQ(table.InForce(TimeLimitKind::kOpenTenderNonElectronic, day)->days, 35);
  EXPECT_EQ(table.InForce(TimeLimitKind::kOpenTenderPriorNoticeOrUrgent, day)->days, 15);
  EXPECT_EQ(table.InForce(TimeLimitKind::kRestrictedTender, day)->days, 25);
  EXPECT_EQ(table.InForce(TimeLimitKind::kRestrictedTenderUrgentOrPriorNotice, day)->days, 10);
  EXPECT_EQ(table.InForce(TimeLimitKind::kStandstill, day)->days, 10);
  EXPECT_EQ(table.InForce(TimeLimitKind::kStandstill, day)->source, "FOA § 25-2");
  EXPECT_EQ(table.InForce(TimeLimitKind::kStaffReservation, day)->days, 14);
  EXPECT_EQ(table.InForce(TimeLimitKind::kStaffReservation, day)->source,
            "arbeidsmiljøloven § 16-3");
  EXPECT_EQ(table.rows().size(), 11u);
}

TEST(TimeLimitTable, BeforeCurrentFoaIsNotFound) {
  Result<TimeLimitRow> row =
      TimeLimitTable::Norway().InForce(TimeLimitKind::kOpenTender, Date{2016, 12, 31});
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), StatusCode::kNotFound);
  EXPECT_NE(row.status().message().find("open_tender"), std::string::npos);
}

TEST(TimeLimitTable, CreateRejectsNonPositiveDays) {
  Result<TimeLimitTable> table = TimeLimitTable::Create(
      {{TimeLimitKind::kOpenTender, 0, Date{2017, 1, 1}, "x", SourceTag::kConfirmed}});
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().field(), "rows[0].days");
}

}  // namespace
}  // namespace samspill::tendering
