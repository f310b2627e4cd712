// Deviations (avvik, issue 18 §2): a breach of the contract's terms found by the municipality or
// reported by the supplier itself. The supplier answers by a deadline, the municipality decides,
// possibly with a sanction the contract provides for (a penalty amount and the term it rests
// on), and then closes the deviation. States only move forward: open → responded → decided →
// closed. The municipality may decide without a response once the response deadline has passed,
// so a supplier cannot hold a deviation open by staying silent. Overdue deviations (no response
// after the deadline) stand out in the lists.
// Pure functions; thread-safe as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"

namespace samspill::contract {

// Stored as integers: never renumber.
enum class DeviationSeverity {
  kLow = 1,
  kMedium = 2,
  kHigh = 3,
  kCritical = 4,
};
std::string_view DeviationSeverityName(DeviationSeverity s);  // "low", "medium", …
std::optional<DeviationSeverity> DeviationSeverityFromName(std::string_view name);
std::string_view DeviationSeverityLabelNb(DeviationSeverity s);  // "Lav", "Middels", …
std::string_view DeviationSeverityLabelEn(DeviationSeverity s);  // "Low", "Medium", …

// Stored as integers: never renumber.
enum class DeviationState {
  kOpen = 1,       // raised, waiting for the supplier's response
  kResponded = 2,  // the supplier has responded
  kDecided = 3,    // the municipality has decided (with or without a sanction)
  kClosed = 4,     // closed; final
};
std::string_view DeviationStateName(DeviationState s);  // "open", "responded", …
std::optional<DeviationState> DeviationStateFromName(std::string_view name);
std::string_view DeviationStateLabelNb(DeviationState s);  // "Åpen", "Besvart", …
std::string_view DeviationStateLabelEn(DeviationState s);  // "Open", "Responded", …

// Stored as integers: never renumber.
enum class DeviationRaisedBy {
  kMunicipality = 1,
  kSupplier = 2,
};
std::string_view DeviationRaisedByName(DeviationRaisedBy r);  // "municipality", "supplier"
std::optional<DeviationRaisedBy> DeviationRaisedByFromName(std::string_view name);
std::string_view DeviationRaisedByLabelNb(DeviationRaisedBy r);  // "Kommunen", "Leverandøren"
std::string_view DeviationRaisedByLabelEn(DeviationRaisedBy r);  // "Municipality", "Supplier"

// A sanction per the contract's terms.
struct Sanction {
  Money penalty;              // ≥ 0; 0 for a sanction without money (a formal warning)
  std::string contract_term;  // the term it rests on, "Kontrakten pkt. 12.3 (dagbot)"; required
  friend bool operator==(const Sanction&, const Sanction&) = default;
};

struct Deviation {
  int64_t id = 0;
  DeviationRaisedBy raised_by = DeviationRaisedBy::kMunicipality;
  Timestamp raised_at;
  DeviationSeverity severity = DeviationSeverity::kMedium;
  std::string description;          // required
  std::string responsibility_area;  // whose area of the responsibility matrix it concerns
  Date response_deadline;           // the supplier responds by the end of this day
  DeviationState state = DeviationState::kOpen;
  std::string response;  // the supplier's response
  std::optional<Timestamp> responded_at;
  std::string decision;  // the municipality's decision
  std::optional<Sanction> sanction;
  std::optional<Timestamp> decided_at;
  std::string closure_note;
  std::optional<Timestamp> closed_at;
  friend bool operator==(const Deviation&, const Deviation&) = default;
};

// A new or stored deviation: a description, a known severity and raiser, a response deadline
// not before the day it was raised (Norwegian time), a response when responded, a decision when
// decided, a sanction only with a decision and valid (ValidateSanction), and fields that match
// the state. kInvalidArgument naming the field.
Status ValidateDeviation(const Deviation& deviation);

// A penalty ≥ 0 and ≤ kMaxMoneyMinor in a currency of three capital letters, and the contract
// term. kInvalidArgument naming the field ("sanction.penalty", "sanction.contract_term", …).
Status ValidateSanction(const Sanction& sanction);

// Each transition refuses a deviation in any other state with kFailedPrecondition naming the
// state, refuses missing text with kInvalidArgument naming the field, and leaves the deviation
// unchanged on every error.
// Open → responded: the supplier's response (required, "response") at `at`.
Status RespondToDeviation(Deviation& deviation, std::string response, Timestamp at);
// Responded → decided, or open → decided once the response deadline has passed (the day of `at`
// in Norwegian time is after it): the decision (required, "decision") and an optional sanction
// (ValidateSanction).
Status DecideDeviation(Deviation& deviation, std::string decision, std::optional<Sanction> sanction,
                       Timestamp at);
// Decided → closed at `at`, with an optional note; closing requires a decision.
Status CloseDeviation(Deviation& deviation, std::string note, Timestamp at);

// Open (no response yet) and `today` is after the response deadline.
bool IsOverdue(const Deviation& deviation, Date today);

}  // namespace samspill::contract
