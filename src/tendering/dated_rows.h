// Shared mechanics of samspill's dated rule tables (thresholds, time limits, and later rates
// and refund limits): rows of one kind replace each other from their valid-from date, and
// the row in force on a date is the latest one that has started.
//
// A Row needs members `kind` (an enum) and `valid_from` (Date). Header-only templates over
// plain vectors; thread-safe for concurrent reads.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace samspill::tendering {

// Sorts by (kind, valid_from) and refuses two rows of one kind from the same date.
// `kind_name` turns a kind into its stable name; `noun` names the rows in errors.
template <typename Row, typename KindName>
Status SortDatedRows(std::vector<Row>& rows, KindName kind_name, std::string_view noun) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::pair(a.kind, a.valid_from) < std::pair(b.kind, b.valid_from);
  });
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].kind == rows[i - 1].kind && rows[i].valid_from == rows[i - 1].valid_from) {
      return InvalidArgument("two '" + std::string(kind_name(rows[i].kind)) + "' " +
                             std::string(noun) + " are both valid from " +
                             rows[i].valid_from.ToIso());
    }
  }
  return Status::Ok();
}

// The row of `kind` in force on `date` in rows sorted by SortDatedRows; NotFound otherwise.
template <typename Row, typename Kind, typename KindName>
Result<Row> RowInForce(const std::vector<Row>& rows, Kind kind, const Date& date,
                       KindName kind_name, std::string_view noun) {
  const Row* found = nullptr;
  for (const Row& row : rows) {
    if (row.kind == kind && row.valid_from <= date) found = &row;
  }
  if (found == nullptr) {
    return NotFound("no '" + std::string(kind_name(kind)) + "' " + std::string(noun) +
                    " is in force on " + date.ToIso());
  }
  return *found;
}

}  // namespace samspill::tendering
