#include "contract/contract.h"

#include <gtest/gtest.h>

namespace samspill::contract {
namespace {

// A cleaning contract of two years with two one-year options, as in the demo.
// Fixed period 2026-01-01 .. 2027-12-31. Option 1 extends it to 2028-12-31 and must be decided
// by 2027-06-30; option 2 extends that to 2029-12-31 and must be decided by 2028-06-30.
Contract Cleaning() {
  Contract c;
  c.id = 7;
  c.title = "Renhold av kommunale bygg";
  c.tender_id = 42;
  c.buyer = {"Bergen kommune", "964338531"};
  c.supplier = {"Renhold Vest AS", "937052766"};
  c.lot_ids = {1, 2};
  c.value = Money{4'000'000'000, "NOK"};
  c.start = Date{2026, 1, 1};
  c.end = Date{2027, 12, 31};
  ContractOption one;
  one.name = "Opsjon 1";
  one.months = 12;
  one.decide_by = Date{2027, 6, 30};
  ContractOption two;
  two.name = "Opsjon 2";
  two.months = 12;
  two.decide_by = Date{2028, 6, 30};
  c.options = {one, two};
  return c;
}

TEST(Contract, TheExampleIsValid) {
  EXPECT_TRUE(ValidateContract(Cleaning()).ok()) << ValidateContract(Cleaning()).ToString();
  Contract by_hand = Cleaning();
  by_hand.tender_id.reset();  // an older contract registered by hand has no tender
  by_hand.lot_ids.clear();
  EXPECT_TRUE(ValidateContract(by_hand).ok());
}

TEST(Contract, AddMonthsClampsToTheMonthsLastDay) {
  EXPECT_EQ(AddMonths(Date{2027, 12, 31}, 12), (Date{2028, 12, 31}));
  EXPECT_EQ(AddMonths(Date{2027, 1, 31}, 1), (Date{2027, 2, 28}));
  EXPECT_EQ(AddMonths(Date{2028, 1, 31}, 1), (Date{2028, 2, 29}));   // leap year
  EXPECT_EQ(AddMonths(Date{2026, 11, 30}, 3), (Date{2027, 2, 28}));  // across a year end
  EXPECT_EQ(AddMonths(Date{2026, 5, 15}, 24), (Date{2028, 5, 15}));
}

TEST(Contract, CurrentEndCountsExercisedOptionsInOrder) {
  Contract c = Cleaning();
  EXPECT_EQ(CurrentEnd(c), (Date{2027, 12, 31}));
  ASSERT_TRUE(DecideOption(c, "Opsjon 1", true, Date{2027, 5, 10}, "Kari Nordmann").ok());
  // 2027-12-31 + 12 months = 2028-12-31.
  EXPECT_EQ(CurrentEnd(c), (Date{2028, 12, 31}));
  ASSERT_TRUE(DecideOption(c, "Opsjon 2", true, Date{2028, 6, 30}, "Kari Nordmann").ok());
  // 2028-12-31 + 12 months = 2029-12-31.
  EXPECT_EQ(CurrentEnd(c), (Date{2029, 12, 31}));
  EXPECT_TRUE(ValidateContract(c).ok()) << ValidateContract(c).ToString();
}

TEST(Contract, ADeclinedOptionEndsTheExtensions) {
  Contract c = Cleaning();
  ASSERT_TRUE(DecideOption(c, "Opsjon 1", false, Date{2027, 6, 1}, "Kari Nordmann").ok());
  EXPECT_EQ(CurrentEnd(c), (Date{2027, 12, 31}));
  // Option 2 would extend the period option 1 added, so it can no longer be exercised …
  const Contract before = c;
  EXPECT_EQ(DecideOption(c, "Opsjon 2", true, Date{2027, 6, 2}, "Kari").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(c, before);
  // … and gets no reminder, even when overdue.
  EXPECT_TRUE(DueReminders(c, Date{2028, 7, 1}).empty());
}

TEST(Contract, RemindersBeforeOnAndAfterTheReminderDate) {
  const Contract c = Cleaning();
  // Option 1: 2027-06-30 − 90 days = 2027-04-01 (30 days back to 05-31, 31 to 04-30, 29 more).
  EXPECT_TRUE(DueReminders(c, Date{2027, 3, 31}).empty());  // the day before

  std::vector<OptionReminder> on = DueReminders(c, Date{2027, 4, 1});
  ASSERT_EQ(on.size(), 1u);
  EXPECT_EQ(on[0].name, "Opsjon 1");
  EXPECT_EQ(on[0].remind_from, (Date{2027, 4, 1}));
  EXPECT_EQ(on[0].decide_by, (Date{2027, 6, 30}));
  EXPECT_EQ(on[0].days_left, 90);

  std::vector<OptionReminder> after = DueReminders(c, Date{2027, 4, 2});
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].days_left, 89);

  std::vector<OptionReminder> last_day = DueReminders(c, Date{2027, 6, 30});
  ASSERT_EQ(last_day.size(), 1u);
  EXPECT_EQ(last_day[0].days_left, 0);

  // Overdue: two days after 2027-06-30.
  std::vector<OptionReminder> overdue = DueReminders(c, Date{2027, 7, 2});
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(overdue[0].days_left, -2);
}

TEST(Contract, RemindersFollowEachOptionsOwnLeadAndStopWhenDecided) {
  Contract c = Cleaning();
  c.options[1].remind_days_before = 30;  // 2028-06-30 − 30 days = 2028-05-31
  ASSERT_TRUE(DecideOption(c, "Opsjon 1", true, Date{2027, 5, 10}, "Kari").ok());
  EXPECT_TRUE(DueReminders(c, Date{2027, 6, 1}).empty());  // option 1 is decided
  EXPECT_TRUE(DueReminders(c, Date{2028, 5, 30}).empty());
  std::vector<OptionReminder> due = DueReminders(c, Date{2028, 5, 31});
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].name, "Opsjon 2");
  EXPECT_EQ(due[0].days_left, 30);
}

TEST(Contract, DecidingTwiceOrLateIsRefusedAndLeavesTheContractUnchanged) {
  Contract c = Cleaning();
  ASSERT_TRUE(DecideOption(c, "Opsjon 1", true, Date{2027, 5, 10}, "Kari Nordmann").ok());
  EXPECT_EQ(c.options[0].decision.kind, OptionDecisionKind::kExercised);
  EXPECT_EQ(c.options[0].decision.on, (Date{2027, 5, 10}));
  EXPECT_EQ(c.options[0].decision.by, "Kari Nordmann");

  const Contract decided = c;
  const Status twice = DecideOption(c, "Opsjon 1", false, Date{2027, 5, 11}, "Ola");
  EXPECT_EQ(twice.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(c, decided);

  // Option 2 had to be decided by 2028-06-30; 2028-07-01 is one day late.
  const Status late = DecideOption(c, "Opsjon 2", true, Date{2028, 7, 1}, "Kari");
  EXPECT_EQ(late.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(late.message().find("2028-06-30"), std::string::npos) << late.message();
  EXPECT_EQ(c, decided);
}

TEST(Contract, DecidingOutOfOrderUnknownOrAnonymousIsRefused) {
  Contract c = Cleaning();
  const Contract before = c;
  EXPECT_EQ(DecideOption(c, "Opsjon 2", true, Date{2027, 5, 1}, "Kari").code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(DecideOption(c, "Opsjon 3", true, Date{2027, 5, 1}, "Kari").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(DecideOption(c, "Opsjon 1", true, Date{2027, 5, 1}, "  ").code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(c, before);
  // Declining the second before the first is allowed: it only says the contract will not run
  // that long.
  EXPECT_TRUE(DecideOption(c, "Opsjon 2", false, Date{2027, 5, 1}, "Kari").ok());
}

TEST(Contract, ValidationNamesTheField) {
  {
    Contract c = Cleaning();
    c.end = Date{2025, 12, 31};
    EXPECT_EQ(ValidateContract(c).field(), "end");
  }
  {
    Contract c = Cleaning();
    c.end = c.start;  // the end must be after the start, not on it
    EXPECT_EQ(ValidateContract(c).field(), "end");
  }
  {
    Contract c = Cleaning();
    c.options[0].decide_by = Date{2027, 12, 31};  // on the end it extends: too late
    EXPECT_EQ(ValidateContract(c).field(), "options[0].decide_by");
  }
  {
    Contract c = Cleaning();
    // Option 2 extends the end option 1 gave, 2028-12-31; deciding it on that day is too late.
    c.options[1].decide_by = Date{2028, 12, 31};
    EXPECT_EQ(ValidateContract(c).field(), "options[1].decide_by");
    c.options[1].decide_by = Date{2028, 12, 30};
    EXPECT_TRUE(ValidateContract(c).ok());
  }
  {
    Contract c = Cleaning();
    c.options[1].name = "Opsjon 1";
    EXPECT_EQ(ValidateContract(c).field(), "options[1].name");
  }
  {
    Contract c = Cleaning();
    c.supplier.org_number = "937052767";  // wrong check digit (6 is right)
    EXPECT_EQ(ValidateContract(c).field(), "supplier.org_number");
  }
  {
    Contract c = Cleaning();
    c.lot_ids = {1, 1};
    EXPECT_EQ(ValidateContract(c).field(), "lot_ids[1]");
  }
  {
    Contract c = Cleaning();
    c.options[0].months = 0;
    EXPECT_EQ(ValidateContract(c).field(), "options[0].months");
  }
  {
    Contract c = Cleaning();
    c.options[0].decision = {OptionDecisionKind::kExercised, Date{2027, 7, 1}, "Kari"};
    EXPECT_EQ(ValidateContract(c).field(), "options[0].decision.on");
  }
  {
    Contract c = Cleaning();
    c.options[1].decision = {OptionDecisionKind::kExercised, Date{2027, 5, 1}, "Kari"};
    EXPECT_EQ(ValidateContract(c).field(), "options[1].decision.kind");
  }
}

}  // namespace
}  // namespace samspill::contract
