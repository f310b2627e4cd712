#include "contract/deviation.h"

#include <utility>

#include "contract/report.h"

namespace samspill::contract {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == text.npos; }

Status WrongState(std::string_view action, DeviationState state) {
  return FailedPrecondition("a deviation cannot be " + std::string(action) + " when it is " +
                            std::string(DeviationStateName(state)));
}

}  // namespace

std::string_view DeviationSeverityName(DeviationSeverity s) {
  switch (s) {
    case DeviationSeverity::kLow:
      return "low";
    case DeviationSeverity::kMedium:
      return "medium";
    case DeviationSeverity::kHigh:
      return "high";
    case DeviationSeverity::kCritical:
      return "critical";
  }
  return "unknown";
}

std::optional<DeviationSeverity> DeviationSeverityFromName(std::string_view name) {
  for (DeviationSeverity s : {DeviationSeverity::kLow, DeviationSeverity::kMedium,
                              DeviationSeverity::kHigh, DeviationSeverity::kCritical}) {
    if (DeviationSeverityName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view DeviationSeverityLabelNb(DeviationSeverity s) {
  switch (s) {
    case DeviationSeverity::kLow:
      return "Lav";
    case DeviationSeverity::kMedium:
      return "Middels";
    case DeviationSeverity::kHigh:
      return "Høy";
    case DeviationSeverity::kCritical:
      return "Kritisk";
  }
  return "Ukjent";
}

std::string_view DeviationSeverityLabelEn(DeviationSeverity s) {
  switch (s) {
    case DeviationSeverity::kLow:
      return "Low";
    case DeviationSeverity::kMedium:
      return "Medium";
    case DeviationSeverity::kHigh:
      return "High";
    case DeviationSeverity::kCritical:
      return "Critical";
  }
  return "Unknown";
}

std::string_view DeviationStateName(DeviationState s) {
  switch (s) {
    case DeviationState::kOpen:
      return "open";
    case DeviationState::kResponded:
      return "responded";
    case DeviationState::kDecided:
      return "decided";
    case DeviationState::kClosed:
      return "closed";
  }
  return "unknown";
}

std::optional<DeviationState> DeviationStateFromName(std::string_view name) {
  for (DeviationState s : {DeviationState::kOpen, DeviationState::kResponded,
                           DeviationState::kDecided, DeviationState::kClosed}) {
    if (DeviationStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view DeviationStateLabelNb(DeviationState s) {
  switch (s) {
    case DeviationState::kOpen:
      return "Åpen";
    case DeviationState::kResponded:
      return "Besvart";
    case DeviationState::kDecided:
      return "Avgjort";
    case DeviationState::kClosed:
      return "Lukket";
  }
  return "Ukjent";
}

std::string_view DeviationStateLabelEn(DeviationState s) {
  switch (s) {
    case DeviationState::kOpen:
      return "Open";
    case DeviationState::kResponded:
      return "Responded";
    case DeviationState::kDecided:
      return "Decided";
    case DeviationState::kClosed:
      return "Closed";
  }
  return "Unknown";
}

std::string_view DeviationRaisedByName(DeviationRaisedBy r) {
  switch (r) {
    case DeviationRaisedBy::kMunicipality:
      return "municipality";
    case DeviationRaisedBy::kSupplier:
      return "supplier";
  }
  return "unknown";
}

std::optional<DeviationRaisedBy> DeviationRaisedByFromName(std::string_view name) {
  for (DeviationRaisedBy r : {DeviationRaisedBy::kMunicipality, DeviationRaisedBy::kSupplier}) {
    if (DeviationRaisedByName(r) == name) return r;
  }
  return std::nullopt;
}

std::string_view DeviationRaisedByLabelNb(DeviationRaisedBy r) {
  switch (r) {
    case DeviationRaisedBy::kMunicipality:
      return "Kommunen";
    case DeviationRaisedBy::kSupplier:
      return "Leverandøren";
  }
  return "Ukjent";
}

std::string_view DeviationRaisedByLabelEn(DeviationRaisedBy r) {
  switch (r) {
    case DeviationRaisedBy::kMunicipality:
      return "Municipality";
    case DeviationRaisedBy::kSupplier:
      return "Supplier";
  }
  return "Unknown";
}

Status ValidateSanction(const Sanction& sanction) {
  // A sanction is what the supplier owes; a negative penalty would be a payment to the supplier
  // disguised as a sanction.
  if (sanction.penalty.minor < 0) {
    return InvalidArgument(
        "a penalty cannot be negative, not " + FormatMoneyPlain(sanction.penalty),
        "sanction.penalty");
  }
  if (sanction.penalty.minor > kMaxMoneyMinor) {
    return InvalidArgument("the penalty is larger than any contract", "sanction.penalty");
  }
  if (!IsCurrencyCode(sanction.penalty.currency)) {
    return InvalidArgument("the currency is a code of three capital letters (\"NOK\"), not \"" +
                               sanction.penalty.currency + "\"",
                           "sanction.penalty.currency");
  }
  // A sanction must rest on the contract: the municipality cannot invent one.
  if (Blank(sanction.contract_term)) {
    return InvalidArgument("a sanction must name the contract term it rests on",
                           "sanction.contract_term");
  }
  return Status::Ok();
}

Status ValidateDeviation(const Deviation& deviation) {
  if (Blank(deviation.description)) {
    return InvalidArgument("a deviation needs a description", "description");
  }
  if (!DeviationSeverityFromName(DeviationSeverityName(deviation.severity))) {
    return InvalidArgument("the severity must be low, medium, high or critical", "severity");
  }
  if (!DeviationRaisedByFromName(DeviationRaisedByName(deviation.raised_by))) {
    return InvalidArgument("a deviation is raised by the municipality or the supplier",
                           "raised_by");
  }
  if (!DeviationStateFromName(DeviationStateName(deviation.state))) {
    return InvalidArgument("unknown deviation state", "state");
  }
  if (deviation.response_deadline < OsloDate(deviation.raised_at)) {
    return InvalidArgument("the response deadline " + deviation.response_deadline.ToIso() +
                               " is before the day the deviation was raised",
                           "response_deadline");
  }
  const DeviationState state = deviation.state;
  if (state == DeviationState::kResponded && Blank(deviation.response)) {
    return InvalidArgument("a responded deviation needs the supplier's response", "response");
  }
  const bool decided = state == DeviationState::kDecided || state == DeviationState::kClosed;
  if (decided && Blank(deviation.decision)) {
    return InvalidArgument("a decided deviation needs the municipality's decision", "decision");
  }
  if (deviation.sanction) {
    if (!decided) {
      return InvalidArgument("a sanction is given only in a decision", "sanction");
    }
    SAMSPILL_RETURN_IF_ERROR(ValidateSanction(*deviation.sanction));
  }
  return Status::Ok();
}

Status RespondToDeviation(Deviation& deviation, std::string response, Timestamp at) {
  if (deviation.state != DeviationState::kOpen) return WrongState("responded to", deviation.state);
  if (Blank(response)) return InvalidArgument("the response cannot be empty", "response");
  deviation.state = DeviationState::kResponded;
  deviation.response = std::move(response);
  deviation.responded_at = at;
  return Status::Ok();
}

Status DecideDeviation(Deviation& deviation, std::string decision, std::optional<Sanction> sanction,
                       Timestamp at) {
  if (deviation.state == DeviationState::kOpen) {
    // The supplier has until the end of the deadline day to respond.
    if (OsloDate(at) <= deviation.response_deadline) {
      return FailedPrecondition(
          "a deviation cannot be decided when it is open until its response deadline " +
          deviation.response_deadline.ToIso() + " has passed");
    }
  } else if (deviation.state != DeviationState::kResponded) {
    return WrongState("decided", deviation.state);
  }
  if (Blank(decision)) return InvalidArgument("the decision cannot be empty", "decision");
  if (sanction) SAMSPILL_RETURN_IF_ERROR(ValidateSanction(*sanction));
  deviation.state = DeviationState::kDecided;
  deviation.decision = std::move(decision);
  deviation.sanction = std::move(sanction);
  deviation.decided_at = at;
  return Status::Ok();
}

Status CloseDeviation(Deviation& deviation, std::string note, Timestamp at) {
  if (deviation.state != DeviationState::kDecided) {
    return FailedPrecondition("a deviation cannot be closed when it is " +
                              std::string(DeviationStateName(deviation.state)) +
                              ": closing requires a decision");
  }
  deviation.state = DeviationState::kClosed;
  deviation.closure_note = std::move(note);
  deviation.closed_at = at;
  return Status::Ok();
}

bool IsOverdue(const Deviation& deviation, Date today) {
  return deviation.state == DeviationState::kOpen && today > deviation.response_deadline;
}

}  // namespace samspill::contract
