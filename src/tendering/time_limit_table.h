// TimeLimitTable: the dated minimum time limits (minstefrister) of FOA part III.
//
// DOMAIN.md §1: only part III has minimum time limits (DFØ table, 2023); parts I, II and IV ask
// for "sufficient time" given complexity. DOMAIN.md §2: the part III standstill is at least 10
// days (FOA § 25-2); DOMAIN.md §4: an employee's reservation period in a staff transfer is at
// least 14 days (arbeidsmiljøloven § 16-3), whatever the regime. Days are calendar days. Like
// ThresholdTable, a row is in force from valid_from until the next row of its kind. Immutable after
// Create(); Norway() is built once and is thread-safe to read.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "tendering/threshold_table.h"

namespace samspill::tendering {

// Stored with decisions: never renumber.
enum class TimeLimitKind {
  kOpenTender = 1,                           // open procedure, electronic submission
  kOpenTenderNonElectronic = 2,              // open, electronic submission not required
  kOpenTenderPriorNoticeOrUrgent = 3,        // open, prior information notice or urgency
  kRestrictedRequest = 4,                    // restricted: request to participate
  kRestrictedRequestUrgent = 5,              // restricted: request, urgent
  kRestrictedTender = 6,                     // restricted: tender, electronic
  kRestrictedTenderNonElectronic = 7,        // restricted: tender, not electronic
  kRestrictedTenderUrgentOrPriorNotice = 8,  // restricted: tender, urgent or prior notice
  kNegotiatedRequest = 9,  // negotiated, competitive dialogue, innovation partnership: request
  kStandstill = 10,        // karensperiode between the award notice and the contract
  // Staff transfer, any regime: from the information to the employees (arbeidsmiljøloven
  // § 16-6) to the last day they may reserve themselves against the transfer (§ 16-3).
  kStaffReservation = 11,
};

std::string_view TimeLimitKindName(TimeLimitKind kind);  // "open_tender", …

struct TimeLimitRow {
  TimeLimitKind kind = TimeLimitKind::kOpenTender;
  int days = 0;  // calendar days, at least
  Date valid_from;
  std::string source;
  SourceTag tag = SourceTag::kConfirmed;
};

class TimeLimitTable {
 public:
  // Rejects non-positive days, empty sources and two rows of one kind with the same valid_from.
  static Result<TimeLimitTable> Create(std::vector<TimeLimitRow> rows);

  // The part III minimums of DOMAIN.md §1 (DFØ table, 2023) and the standstill of §2 (FOA
  // § 25-2), valid from 2017-01-01 when the current FOA came into force.
  static const TimeLimitTable& Norway();

  // NotFound naming the kind and date when no row is in force.
  Result<TimeLimitRow> InForce(TimeLimitKind kind, const Date& date) const;

  std::span<const TimeLimitRow> rows() const { return rows_; }  // by kind, then valid_from

 private:
  explicit TimeLimitTable(std::vector<TimeLimitRow> rows) : rows_(std::move(rows)) {}
  std::vector<TimeLimitRow> rows_;
};

}  // namespace samspill::tendering
