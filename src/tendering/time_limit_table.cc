#include "tendering/time_limit_table.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "tendering/dated_rows.h"

namespace samspill::tendering {

std::string_view TimeLimitKindName(TimeLimitKind kind) {
  switch (kind) {
    case TimeLimitKind::kOpenTender:
      return "open_tender";
    case TimeLimitKind::kOpenTenderNonElectronic:
      return "open_tender_non_electronic";
    case TimeLimitKind::kOpenTenderPriorNoticeOrUrgent:
      return "open_tender_prior_notice_or_urgent";
    case TimeLimitKind::kRestrictedRequest:
      return "restricted_request";
    case TimeLimitKind::kRestrictedRequestUrgent:
      return "restricted_request_urgent";
    case TimeLimitKind::kRestrictedTender:
      return "restricted_tender";
    case TimeLimitKind::kRestrictedTenderNonElectronic:
      return "restricted_tender_non_electronic";
    case TimeLimitKind::kRestrictedTenderUrgentOrPriorNotice:
      return "restricted_tender_urgent_or_prior_notice";
    case TimeLimitKind::kNegotiatedRequest:
      return "negotiated_request";
    case TimeLimitKind::kStandstill:
      return "standstill";
    case TimeLimitKind::kStaffReservation:
      return "staff_reservation";
  }
  return "unknown";
}

Result<TimeLimitTable> TimeLimitTable::Create(std::vector<TimeLimitRow> rows) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string field = "rows[" + std::to_string(i) + "]";
    if (rows[i].days <= 0) return InvalidArgument("a time limit must be positive", field + ".days");
    if (rows[i].source.empty()) {
      return InvalidArgument("every time limit row needs its source", field + ".source");
    }
  }
  SAMSPILL_RETURN_IF_ERROR(SortDatedRows(rows, TimeLimitKindName, "time limits"));
  return TimeLimitTable(std::move(rows));
}

const TimeLimitTable& TimeLimitTable::Norway() {
  static const TimeLimitTable* const kTable = [] {
    const Date kFoa{2017, 1, 1};
    const std::string kSource = "FOA del III, minstefrister (DFØ-tabell 2023)";
    std::vector<TimeLimitRow> rows;
    auto add = [&](TimeLimitKind kind, int days) {
      rows.push_back({kind, days, kFoa, kSource, SourceTag::kConfirmed});
    };
    add(TimeLimitKind::kOpenTender, 30);
    add(TimeLimitKind::kOpenTenderNonElectronic, 35);
    add(TimeLimitKind::kOpenTenderPriorNoticeOrUrgent, 15);
    add(TimeLimitKind::kRestrictedRequest, 30);
    add(TimeLimitKind::kRestrictedRequestUrgent, 15);
    add(TimeLimitKind::kRestrictedTender, 25);
    add(TimeLimitKind::kRestrictedTenderNonElectronic, 30);
    add(TimeLimitKind::kRestrictedTenderUrgentOrPriorNotice, 10);
    add(TimeLimitKind::kNegotiatedRequest, 30);
    // DOMAIN.md §2 has it from a secondary source [P]; it is still applied as law, since a
    // shorter standstill would let a contract be signed before suppliers can react.
    rows.push_back({TimeLimitKind::kStandstill, 10, kFoa, "FOA § 25-2", SourceTag::kSecondary});
    // DOMAIN.md §4 [C]: "ikke kortere enn 14 dager etter at informasjon etter § 16-6 er gitt".
    // Valid from 2006-01-01, when the 2005 Working Environment Act came into force.
    rows.push_back({TimeLimitKind::kStaffReservation, 14, Date{2006, 1, 1},
                    "arbeidsmiljøloven § 16-3", SourceTag::kConfirmed});
    Result<TimeLimitTable> table = Create(std::move(rows));
    assert(table.ok() && "the built-in time limit table must be valid");
    return new TimeLimitTable(std::move(table).value());
  }();
  return *kTable;
}

Result<TimeLimitRow> TimeLimitTable::InForce(TimeLimitKind kind, const Date& date) const {
  return RowInForce(rows_, kind, date, TimeLimitKindName, "minimum time limit");
}

}  // namespace samspill::tendering
