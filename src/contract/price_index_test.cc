#include "contract/price_index.h"

#include <gtest/gtest.h>

namespace samspill::contract {
namespace {

IndexTable Kpi() {
  return IndexTable{"SSB KPI",
                    {{{2025, 1}, 1'205'000},    // 120.5
                     {{2025, 7}, 1'231'000},    // 123.1
                     {{2026, 1}, 1'269'000}}};  // 126.9
}

TEST(PriceIndex, AdjustsByTheRatioOfTheIndexes) {
  // 1 000 000,00 NOK = 100 000 000 øre; × 126.9 / 120.5 = 12 690 000 000 000 / 120 500
  // = 105 311 203.3195… øre (1205 × 105 311 203 = 126 899 999 615, remainder 385 < 602.5),
  // rounded down to 105 311 203 øre = 1 053 112,03 NOK.
  Result<PriceAdjustment> r = AdjustPrice(Money{100'000'000, "NOK"}, Kpi(), YearMonth{2025, 1},
                                          YearMonth{2026, 1}, PriceChangeReason::kIndexClause);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->adjusted, (Money{105'311'203, "NOK"}));
  EXPECT_EQ(r->base_index, 1'205'000);
  EXPECT_EQ(r->adjust_index, 1'269'000);
  EXPECT_EQ(r->index_name, "SSB KPI");
  EXPECT_EQ(r->reason, PriceChangeReason::kIndexClause);
}

TEST(PriceIndex, KeepsEveryOreAtTenToTheThirteenKroner) {
  // 10^15 øre × 1269 / 1205 = 1 053 112 033 195 020 + 180/241 (0.747), rounded up to …021.
  // A double (53-bit mantissa) could not hold this to the øre.
  Result<PriceAdjustment> r =
      AdjustPrice(Money{1'000'000'000'000'000, "NOK"}, Kpi(), YearMonth{2025, 1},
                  YearMonth{2026, 1}, PriceChangeReason::kIndexClause);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->adjusted.minor, 1'053'112'033'195'021);
  EXPECT_EQ(AdjustPrice(Money{1'000'000'000'000'001, "NOK"}, Kpi(), YearMonth{2025, 1},
                        YearMonth{2026, 1}, PriceChangeReason::kIndexClause)
                .status()
                .field(),
            "base");
}

TEST(PriceIndex, RoundsHalfAwayFromZero) {
  const IndexTable t{"Lønnsindeks",
                     {{{2024, 1}, 20'000}, {{2024, 2}, 30'000}, {{2024, 3}, 40'000}}};
  auto adjust = [&](int64_t base, int from, int to) {
    Result<PriceAdjustment> r = AdjustPrice(Money{base, "NOK"}, t, YearMonth{2024, from},
                                            YearMonth{2024, to}, PriceChangeReason::kAgreedChange);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->adjusted.minor : -1;
  };
  EXPECT_EQ(adjust(1, 1, 2), 2);  // 1 × 3 / 2 = 1.5 → 2
  EXPECT_EQ(adjust(5, 1, 2), 8);  // 5 × 3 / 2 = 7.5 → 8
  EXPECT_EQ(adjust(1, 3, 1), 1);  // 1 × 2 / 4 = 0.5 → 1
  EXPECT_EQ(adjust(1, 2, 3), 1);  // 1 × 4 / 3 = 1.33 → 1
  EXPECT_EQ(adjust(2, 2, 3), 3);  // 2 × 4 / 3 = 2.67 → 3
  EXPECT_EQ(adjust(1, 2, 1), 1);  // 1 × 2 / 3 = 0.67 → 1
  EXPECT_EQ(adjust(1, 3, 3), 1);  // the same month: unchanged
  EXPECT_EQ(adjust(0, 1, 3), 0);
}

TEST(PriceIndex, AMissingMonthIsRefusedNamingTableAndMonth) {
  Result<PriceAdjustment> r = AdjustPrice(Money{100'000'000, "NOK"}, Kpi(), YearMonth{2025, 1},
                                          YearMonth{2026, 2}, PriceChangeReason::kIndexClause);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "adjust_month");
  EXPECT_NE(r.status().message().find("SSB KPI"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("2026-02"), std::string::npos) << r.status().message();

  Result<PriceAdjustment> base = AdjustPrice(Money{100, "NOK"}, Kpi(), YearMonth{2024, 12},
                                             YearMonth{2026, 1}, PriceChangeReason::kIndexClause);
  EXPECT_EQ(base.status().field(), "base_month");
}

TEST(PriceIndex, TheTableIsValidated) {
  EXPECT_TRUE(ValidateIndexTable(Kpi()).ok());
  IndexTable unordered = Kpi();
  std::swap(unordered.points[1], unordered.points[2]);
  EXPECT_EQ(ValidateIndexTable(unordered).field(), "points[2].month");
  IndexTable repeated = Kpi();
  repeated.points[1].month = repeated.points[0].month;
  EXPECT_EQ(ValidateIndexTable(repeated).field(), "points[1].month");
  IndexTable zero = Kpi();
  zero.points[2].value = 0;
  EXPECT_EQ(ValidateIndexTable(zero).field(), "points[2].value");
  IndexTable bad_month = Kpi();
  bad_month.points[0].month.month = 13;
  EXPECT_EQ(ValidateIndexTable(bad_month).field(), "points[0].month");
  IndexTable nameless = Kpi();
  nameless.name = " ";
  EXPECT_EQ(ValidateIndexTable(nameless).field(), "name");
  // A broken table is refused before any adjustment.
  EXPECT_EQ(AdjustPrice(Money{100, "NOK"}, zero, YearMonth{2025, 1}, YearMonth{2025, 7},
                        PriceChangeReason::kIndexClause)
                .status()
                .field(),
            "points[2].value");
}

TEST(PriceIndex, ReasonCodesAreStableWithNames) {
  EXPECT_EQ(static_cast<int>(PriceChangeReason::kIndexClause), 1);
  EXPECT_EQ(static_cast<int>(PriceChangeReason::kLawOrTariffChange), 2);
  EXPECT_EQ(static_cast<int>(PriceChangeReason::kAgreedChange), 3);
  for (PriceChangeReason r :
       {PriceChangeReason::kIndexClause, PriceChangeReason::kLawOrTariffChange,
        PriceChangeReason::kAgreedChange}) {
    EXPECT_EQ(PriceChangeReasonFromName(PriceChangeReasonName(r)), r);
  }
  EXPECT_EQ(PriceChangeReasonLabelNb(PriceChangeReason::kIndexClause), "Kontraktens indeksklausul");
  EXPECT_EQ(PriceChangeReasonFromName("index"), std::nullopt);
  EXPECT_EQ(YearMonth(2026, 3).ToIso(), "2026-03");
}

}  // namespace
}  // namespace samspill::contract
