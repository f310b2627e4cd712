// Reads one eForms UBL notice (Doffin/TED XML: PIN, CN, CAN, VEAT, modification) into the
// normalised `Process` that the OCDS reader also produces:
//   buyer (BT-500 name, BT-501 organisation number, BT-507 NUTS), procedure type (BT-105),
//   main CPV (BT-262), title (BT-21), estimated value (BT-27), publication date (OPP-012,
//   else BT-05), per lot: deadline for tenders (BT-131), tenders received (BT-759, the
//   "tenders" received-submission statistic), winners (tendering parties of the tenders the
//   lot result names when a winner was chosen) and their values (BT-720).
// A notice is a small document, read whole (up to `max_notice_bytes`). Malformed XML and
// absurd values are reported with the XML path and byte offset; a notice that cannot be read
// gives nullopt. Thread-safe (no shared state).
#pragma once

#include <cstdint>
#include <optional>

#include "market/io/byte_source.h"
#include "market/model/data_issue.h"
#include "market/model/process.h"
#include "market/model/sanity.h"

namespace samspill::market {

struct EformsOptions {
  uint64_t max_notice_bytes = uint64_t{64} << 20;
  SanityLimits limits;
};

// Only a read error is an error Status; problems in the notice are issues.
Result<std::optional<Process>> ReadEformsNotice(ByteSource& source, IssueLog& issues,
                                                const EformsOptions& options = {});

}  // namespace samspill::market
