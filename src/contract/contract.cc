#include "contract/contract.h"

#include <set>

#include "common/org_number.h"
#include "common/text.h"

namespace samspill::contract {
namespace {

bool ValidDate(const Date& d) {
  return d.year >= 1900 && d.year <= 2200 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysInMonth(d.year, d.month);
}

Status ValidateParty(const Party& party, const std::string& field, const std::string& role) {
  if (IsBlank(party.name)) return InvalidArgument("the " + role + " needs a name", field + ".name");
  Result<std::string> number = ParseOrgNumber(party.org_number);
  if (!number.ok()) {
    return InvalidArgument("the " + role + "'s organisation number: " + number.status().message(),
                           field + ".org_number");
  }
  return Status::Ok();
}

std::string OptionPath(size_t i, const char* field) {
  return "options[" + std::to_string(i) + "]." + field;
}

}  // namespace

std::string_view OptionDecisionKindName(OptionDecisionKind k) {
  switch (k) {
    case OptionDecisionKind::kUndecided:
      return "undecided";
    case OptionDecisionKind::kExercised:
      return "exercised";
    case OptionDecisionKind::kDeclined:
      return "declined";
  }
  return "unknown";
}

std::string_view OptionDecisionKindLabelNb(OptionDecisionKind k) {
  switch (k) {
    case OptionDecisionKind::kUndecided:
      return "Ikke avgjort";
    case OptionDecisionKind::kExercised:
      return "Utløst";
    case OptionDecisionKind::kDeclined:
      return "Ikke utløst";
  }
  return "Ukjent";
}

Date AddMonths(const Date& date, int months) {
  // Months counted from year 0 avoid negative remainders for any date this register holds.
  const int64_t index = static_cast<int64_t>(date.year) * 12 + (date.month - 1) + months;
  Date out;
  out.year = static_cast<int>(index / 12);
  out.month = static_cast<int>(index % 12) + 1;
  const int last = DaysInMonth(out.year, out.month);
  out.day = date.day > last ? last : date.day;
  return out;
}

Status ValidateContract(const Contract& c) {
  if (c.id <= 0) return InvalidArgument("the contract id must be positive", "id");
  if (IsBlank(c.title)) return InvalidArgument("the contract needs a title", "title");
  if (c.tender_id && *c.tender_id <= 0) {
    return InvalidArgument("the tender id must be positive", "tender_id");
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateParty(c.buyer, "buyer", "buyer"));
  SAMSPILL_RETURN_IF_ERROR(ValidateParty(c.supplier, "supplier", "supplier"));
  std::set<int64_t> lots;
  for (size_t i = 0; i < c.lot_ids.size(); ++i) {
    const std::string path = "lot_ids[" + std::to_string(i) + "]";
    if (c.lot_ids[i] <= 0) return InvalidArgument("a lot id must be positive", path);
    if (!lots.insert(c.lot_ids[i]).second) {
      return InvalidArgument("lot " + std::to_string(c.lot_ids[i]) + " is listed twice", path);
    }
  }
  if (!IsCurrencyCode(c.value.currency)) {
    return InvalidArgument("the currency must be three capital letters", "value.currency");
  }
  if (c.value.minor < 0 || c.value.minor > kMaxMoneyMinor) {
    return InvalidArgument("the contract value must be from 0 to 10^15", "value");
  }
  if (!ValidDate(c.start)) return InvalidArgument("the start is not a date", "start");
  if (!ValidDate(c.end)) return InvalidArgument("the end is not a date", "end");
  if (!(c.start < c.end)) {
    return InvalidArgument(
        "the end (" + c.end.ToIso() + ") must be after the start (" + c.start.ToIso() + ")", "end");
  }
  if (c.options.size() > kMaxContractOptions) {
    return InvalidArgument(
        "a contract has at most " + std::to_string(kMaxContractOptions) + " options", "options");
  }
  std::set<std::string, std::less<>> names;
  // The end each option would extend: the fixed end with every earlier option added.
  Date end_before = c.end;
  bool all_exercised_so_far = true;
  for (size_t i = 0; i < c.options.size(); ++i) {
    const ContractOption& o = c.options[i];
    if (IsBlank(o.name)) return InvalidArgument("the option needs a name", OptionPath(i, "name"));
    if (!names.insert(o.name).second) {
      return InvalidArgument("another option is named '" + o.name + "'", OptionPath(i, "name"));
    }
    if (o.months < 1 || o.months > 600) {
      return InvalidArgument(o.name + ": the option must add from 1 to 600 months",
                             OptionPath(i, "months"));
    }
    if (o.remind_days_before < 0 || o.remind_days_before > 3650) {
      return InvalidArgument(o.name + ": the reminder must be from 0 to 3650 days ahead",
                             OptionPath(i, "remind_days_before"));
    }
    if (!ValidDate(o.decide_by) || o.decide_by < c.start) {
      return InvalidArgument(o.name + ": the decision date must be a date on or after the start",
                             OptionPath(i, "decide_by"));
    }
    if (!(o.decide_by < end_before)) {
      return InvalidArgument(o.name + ": the option must be decided before the end it extends (" +
                                 end_before.ToIso() + ")",
                             OptionPath(i, "decide_by"));
    }
    const OptionDecision& d = o.decision;
    if (d.kind != OptionDecisionKind::kUndecided && d.kind != OptionDecisionKind::kExercised &&
        d.kind != OptionDecisionKind::kDeclined) {
      return InvalidArgument(o.name + ": unknown decision", OptionPath(i, "decision.kind"));
    }
    if (d.kind != OptionDecisionKind::kUndecided) {
      if (IsBlank(d.by)) {
        return InvalidArgument(o.name + ": the decision needs who made it",
                               OptionPath(i, "decision.by"));
      }
      if (!ValidDate(d.on) || o.decide_by < d.on) {
        return InvalidArgument(
            o.name + ": the decision must be dated on or before " + o.decide_by.ToIso(),
            OptionPath(i, "decision.on"));
      }
    }
    if (d.kind == OptionDecisionKind::kExercised && !all_exercised_so_far) {
      return InvalidArgument(o.name + ": an option can only be exercised after every earlier one",
                             OptionPath(i, "decision.kind"));
    }
    all_exercised_so_far = all_exercised_so_far && d.kind == OptionDecisionKind::kExercised;
    end_before = AddMonths(end_before, o.months);
  }
  return Status::Ok();
}

Date CurrentEnd(const Contract& contract) {
  Date end = contract.end;
  for (const ContractOption& o : contract.options) {
    if (o.decision.kind != OptionDecisionKind::kExercised) break;
    end = AddMonths(end, o.months);
  }
  return end;
}

std::vector<OptionReminder> DueReminders(const Contract& contract, const Date& today) {
  std::vector<OptionReminder> out;
  for (const ContractOption& o : contract.options) {
    // Once an option is declined the contract ends there: later options are moot.
    if (o.decision.kind == OptionDecisionKind::kDeclined) break;
    if (o.decision.kind != OptionDecisionKind::kUndecided) continue;
    const Date remind_from = o.decide_by.AddDays(-o.remind_days_before);
    if (today < remind_from) continue;
    out.push_back(
        OptionReminder{o.name, o.decide_by, remind_from, DaysBetween(today, o.decide_by)});
  }
  return out;
}

Status DecideOption(Contract& contract, std::string_view name, bool exercised, const Date& on,
                    std::string by) {
  size_t index = contract.options.size();
  for (size_t i = 0; i < contract.options.size(); ++i) {
    if (contract.options[i].name == name) index = i;
  }
  if (index == contract.options.size()) {
    return NotFound("the contract has no option named '" + std::string(name) + "'");
  }
  if (IsBlank(by)) return InvalidArgument("the decision needs who made it", "by");
  const ContractOption& option = contract.options[index];
  if (option.decision.kind != OptionDecisionKind::kUndecided) {
    return FailedPrecondition(option.name + " is already " +
                              std::string(OptionDecisionKindName(option.decision.kind)) + " (" +
                              option.decision.on.ToIso() + ")");
  }
  if (option.decide_by < on) {
    return FailedPrecondition(option.name + " had to be decided by " + option.decide_by.ToIso() +
                              "; a decision on " + on.ToIso() + " is too late");
  }
  if (exercised) {
    for (size_t i = 0; i < index; ++i) {
      if (contract.options[i].decision.kind != OptionDecisionKind::kExercised) {
        return FailedPrecondition(option.name + " can only be exercised after " +
                                  contract.options[i].name + " is exercised");
      }
    }
  }
  ContractOption& target = contract.options[index];
  target.decision.kind = exercised ? OptionDecisionKind::kExercised : OptionDecisionKind::kDeclined;
  target.decision.on = on;
  target.decision.by = std::move(by);
  return Status::Ok();
}

}  // namespace samspill::contract
