// The contract register's aggregate (issue 18 §1): a signed contract with its parties, lots,
// value, period and its options and extensions.
//
// A contract is created from a tender's signed award or registered by hand for an older
// contract (then it has no tender). Its options extend it: each adds a number of months to the
// end as it stands, must be decided by a date, and has a reminder a number of days ahead of that
// date. Options are taken in the order they are listed — option 2 extends the period option 1
// added — so an option can only be exercised once every option before it is exercised, and once
// one is declined the later ones can no longer be exercised (the contract ends) and get no
// reminder. The end date is the contract's last day; adding months keeps the day of the month,
// clamped to the month's last day (31 January + 1 month = 28 or 29 February).
// Pure functions; thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"

namespace samspill::contract {

struct Party {
  std::string name;        // "Renhold Vest AS", required
  std::string org_number;  // nine digits, a valid modulus-11 organisasjonsnummer
  friend bool operator==(const Party&, const Party&) = default;
};

// Stored as integers: never renumber.
enum class OptionDecisionKind {
  kUndecided = 0,
  kExercised = 1,
  kDeclined = 2,
};
std::string_view OptionDecisionKindName(OptionDecisionKind k);     // "undecided", "exercised", …
std::string_view OptionDecisionKindLabelNb(OptionDecisionKind k);  // "Ikke avgjort", "Utløst", …

struct OptionDecision {
  OptionDecisionKind kind = OptionDecisionKind::kUndecided;
  Date on;         // the day it was decided; meaningful only when decided
  std::string by;  // who decided (the user's name); required when decided
  friend bool operator==(const OptionDecision&, const OptionDecision&) = default;
};

inline constexpr int kDefaultRemindDaysBefore = 90;

struct ContractOption {
  std::string name;  // "Opsjon 1 (1 + 1 år)", unique within the contract
  int months = 0;    // the period it adds, 1..600
  Date decide_by;    // the last day it may be decided
  int remind_days_before = kDefaultRemindDaysBefore;  // 0..3650
  OptionDecision decision;
  friend bool operator==(const ContractOption&, const ContractOption&) = default;
};

struct Contract {
  int64_t id = 0;  // > 0
  std::string title;
  std::optional<int64_t> tender_id;  // none for a contract registered by hand
  Party buyer;
  Party supplier;
  std::vector<int64_t> lot_ids;         // distinct, > 0; empty when the tender had no lots
  Money value;                          // the contract's value incl. options, 0..kMaxMoneyMinor
  Date start;                           // the first day
  Date end;                             // the last day of the fixed period, before any option
  std::vector<ContractOption> options;  // in the order they extend the contract
  friend bool operator==(const Contract&, const Contract&) = default;
};
inline constexpr size_t kMaxContractOptions = 20;

// `date` plus `months` calendar months, the day clamped to the resulting month's last day.
Date AddMonths(const Date& date, int months);

// id > 0; a title; buyer and supplier each with a name and a valid organisation number (given
// as nine digits, spaces allowed); lot ids distinct and > 0; value ≥ 0 in a three-letter
// currency; end after start; at most kMaxContractOptions options, each with a unique non-blank
// name, months 1..600, remind_days_before 0..3650, decide_by on or after the start and before
// the end it would extend (the end with every earlier option added); a decided option has who
// decided and a date not after its decide_by; an exercised option follows only exercised ones.
// kInvalidArgument naming the field ("options[1].decide_by").
Status ValidateContract(const Contract& contract);

// The end as it stands: the fixed end extended by every exercised option, in order.
Date CurrentEnd(const Contract& contract);

struct OptionReminder {
  std::string name;
  Date decide_by;
  Date remind_from;   // decide_by − remind_days_before
  int64_t days_left;  // decide_by − today; 0 on the last day, negative when overdue
  friend bool operator==(const OptionReminder&, const OptionReminder&) = default;
};

// The undecided options that can still be exercised (no earlier option declined) whose
// reminder date is today or earlier, in the contract's order, overdue ones included.
std::vector<OptionReminder> DueReminders(const Contract& contract, const Date& today);

// Records the decision on the option named `name`: kNotFound when there is none;
// kInvalidArgument when `by` is blank; kFailedPrecondition when it is already decided, when
// `on` is after its decide_by, or when exercising it while an earlier option is not exercised.
// The contract is unchanged on an error.
Status DecideOption(Contract& contract, std::string_view name, bool exercised, const Date& on,
                    std::string by);

}  // namespace samspill::contract
