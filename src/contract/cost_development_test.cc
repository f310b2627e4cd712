#include "contract/cost_development.h"

#include <gtest/gtest.h>

namespace samspill::contract {
namespace {

CostPeriodId Q(int year, int quarter) { return CostPeriodId{year, PeriodKind::kQuarter, quarter}; }

TEST(CostDevelopment, CumulativeFiguresAndTheUnexplainedFlag) {
  // Frame 1 000 000,00 NOK = 100 000 000 øre; each quarter budgets 250 000,00 NOK.
  const std::vector<CostPeriod> periods = {
      {Q(2026, 1), 25'000'000, 25'500'000, ""},  // +500 000 øre = 2 % of budget: within 5 %
      {Q(2026, 2), 25'000'000, 27'000'000, ""},  // +2 000 000 øre = 8 %, no explanation: flagged
      {Q(2026, 3), 25'000'000, 22'000'000, "Vakanser i juli"},  // −12 %, explained
  };
  Result<std::vector<CostRow>> r = CostDevelopment(100'000'000, periods);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  const std::vector<CostRow>& rows = *r;

  EXPECT_EQ(rows[0].difference_minor, 500'000);
  EXPECT_EQ(rows[1].difference_minor, 2'000'000);
  EXPECT_EQ(rows[2].difference_minor, -3'000'000);

  // Cumulative budget 25, 50, 75 million øre; invoiced 25.5, 52.5, 74.5 million.
  EXPECT_EQ(rows[0].cumulative_budget_minor, 25'000'000);
  EXPECT_EQ(rows[1].cumulative_budget_minor, 50'000'000);
  EXPECT_EQ(rows[2].cumulative_budget_minor, 75'000'000);
  EXPECT_EQ(rows[0].cumulative_invoiced_minor, 25'500'000);
  EXPECT_EQ(rows[1].cumulative_invoiced_minor, 52'500'000);
  EXPECT_EQ(rows[2].cumulative_invoiced_minor, 74'500'000);
  // Differences 0.5, 2.5, −0.5 million.
  EXPECT_EQ(rows[0].cumulative_difference_minor, 500'000);
  EXPECT_EQ(rows[1].cumulative_difference_minor, 2'500'000);
  EXPECT_EQ(rows[2].cumulative_difference_minor, -500'000);
  // Share of the frame: 25.5 / 100 = 25.50 % = 2550 bp; 52.5 % and 74.5 %.
  EXPECT_EQ(rows[0].frame_used_bp, 2550);
  EXPECT_EQ(rows[1].frame_used_bp, 5250);
  EXPECT_EQ(rows[2].frame_used_bp, 7450);

  EXPECT_FALSE(rows[0].unexplained);
  EXPECT_TRUE(rows[1].unexplained);
  EXPECT_FALSE(rows[2].unexplained);
  EXPECT_EQ(rows[2].explanation, "Vakanser i juli");
}

TEST(CostDevelopment, TheThresholdIsStrictAndASetting) {
  const std::vector<CostPeriod> exactly_five = {
      {CostPeriodId{2026, PeriodKind::kMonth, 1}, 20'000'000, 21'000'000, ""},  // 5.000 %
      {CostPeriodId{2026, PeriodKind::kMonth, 2}, 20'000'000, 21'000'001, ""},  // just above
      {CostPeriodId{2026, PeriodKind::kMonth, 3}, 0, 1, " "},  // no budget: any invoice differs
      {CostPeriodId{2026, PeriodKind::kMonth, 4}, 0, 0, ""},
  };
  Result<std::vector<CostRow>> r = CostDevelopment(100'000'000, exactly_five);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE((*r)[0].unexplained);
  EXPECT_TRUE((*r)[1].unexplained);
  EXPECT_TRUE((*r)[2].unexplained);  // a blank explanation explains nothing
  EXPECT_FALSE((*r)[3].unexplained);

  // With a 10 % threshold the 8 % difference of the first test passes.
  Result<std::vector<CostRow>> ten =
      CostDevelopment(100'000'000, {{Q(2026, 2), 25'000'000, 27'000'000, ""}}, 1000);
  ASSERT_TRUE(ten.ok());
  EXPECT_FALSE((*ten)[0].unexplained);
}

TEST(CostDevelopment, TheShareOfTheFrameRoundsHalfUp) {
  // Frame 300 øre: 1 / 300 = 33.33 bp → 33; 2 / 300 = 66.67 bp → 67; 3 / 200 = 150 bp.
  Result<std::vector<CostRow>> r =
      CostDevelopment(300, {{Q(2026, 1), 1, 1, ""}, {Q(2026, 2), 1, 1, ""}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].frame_used_bp, 33);
  EXPECT_EQ((*r)[1].frame_used_bp, 67);
  // Frame 20 000 øre: 1 / 20 000 = 0.5 bp, rounded half up to 1.
  Result<std::vector<CostRow>> half = CostDevelopment(20'000, {{Q(2026, 1), 1, 1, ""}});
  ASSERT_TRUE(half.ok());
  EXPECT_EQ((*half)[0].frame_used_bp, 1);
}

TEST(CostDevelopment, BadInputNamesTheField) {
  EXPECT_EQ(CostDevelopment(0, {}).status().field(), "frame_minor");
  EXPECT_EQ(CostDevelopment(100, {}, 10'001).status().field(), "threshold_bp");
  EXPECT_EQ(CostDevelopment(100, {{Q(2026, 2), 1, 1, ""}, {Q(2026, 1), 1, 1, ""}}).status().field(),
            "periods[1].period");
  EXPECT_EQ(CostDevelopment(100, {{Q(2026, 1), 1, 1, ""}, {Q(2026, 1), 1, 1, ""}}).status().field(),
            "periods[1].period");
  EXPECT_EQ(CostDevelopment(100, {{Q(2026, 5), 1, 1, ""}}).status().field(), "periods[0].period");
  EXPECT_EQ(CostDevelopment(100, {{Q(2026, 1), 1, 1, ""},
                                  {CostPeriodId{2026, PeriodKind::kMonth, 7}, 1, 1, ""}})
                .status()
                .field(),
            "periods[1].period.kind");
  EXPECT_EQ(CostDevelopment(100, {{Q(2026, 1), 1, -1, ""}}).status().field(),
            "periods[0].invoiced_minor");
  EXPECT_EQ(CostDevelopment(100, {{Q(2026, 1), -1, 1, ""}}).status().field(),
            "periods[0].budget_minor");
  EXPECT_EQ(CostPeriodId(Q(2026, 1)).Label(), "2026 K1");
  EXPECT_EQ((CostPeriodId{2026, PeriodKind::kMonth, 3}.Label()), "2026-03");
}

}  // namespace
}  // namespace samspill::contract
