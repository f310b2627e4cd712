// The normalised model of a public contracting process that every market reader produces:
// the OCDS reader (from a compiled release) and the eForms reader (from a Doffin/TED notice)
// both fill a `Process`, and the competition indicators read nothing else.
//
// A process has at least one lot. Data without lots gets one lot with an empty id that holds
// the process-level values, so every indicator can work per lot. Plain values, thread-safe as
// values; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/money.h"

namespace samspill::market {

// Where a process came from. Stored as integers: never renumber.
enum class SourceFormat {
  kOcds = 1,
  kEforms = 2,
};

// Where a lot's bidder count came from, in the order the fallback chain tries them.
// Stored as integers: never renumber.
enum class BidderSource {
  kNone = 0,               // no usable count
  kNumberOfTenderers = 1,  // tender.numberOfTenderers
  kBidsStatistics = 2,     // bids.statistics[measure = "bids"]
  kBidsDetails = 3,        // bids.details (submitted bids counted)
  kTenderers = 4,          // tender.tenderers (distinct, placeholders rejected)
  kEformsReceived = 5,     // eForms BT-759 received submissions ("tenders")
};
inline constexpr int kBidderSourceCount = 6;

// "numberOfTenderers", "bids.statistics", …: the name used in reports and JSON.
const char* BidderSourceName(BidderSource source);

// The procedure, mapped onto the OCDS procurementMethod codelist (eForms BT-105 is mapped:
// open → open; restricted, neg-w-call, comp-dial, innovation → selective; neg-wo-call →
// limited; …). `details` keeps the publisher's own wording or code.
enum class Procedure {
  kUnknown = 0,
  kOpen = 1,
  kSelective = 2,
  kLimited = 3,
  kDirect = 4,
};
const char* ProcedureName(Procedure procedure);  // "open", "selective", …, "unknown"
Procedure ProcedureFromName(std::string_view name);
// Open and selective procedures invite competition; single-bid rates mean something there.
inline bool IsCompetitive(Procedure p) {
  return p == Procedure::kOpen || p == Procedure::kSelective;
}

struct Organisation {
  std::string id;  // the publisher's party id ("ORG-0001", "NO-ORG-958935420")
  std::string name;
  std::string org_number;  // nine digits when the organisation is Norwegian and known
};

struct Winner {
  Organisation supplier;
  std::optional<Money> value;  // the award value attributed to this supplier, if known
};

struct Lot {
  std::string id;  // "" for the implicit lot of a process without lots
  std::string title;
  std::string cpv;  // eight digits, no check digit; "" when unknown
  std::optional<int> bidders;
  BidderSource bidder_source = BidderSource::kNone;
  // Bit (1 << BidderSource) set for every source the data had for this lot, and for every
  // source whose value failed a sanity check (placeholder tenderers, negative, absurd).
  unsigned sources_present = 0;
  unsigned sources_rejected = 0;
  std::optional<Money> estimated_value;
  std::optional<Money> awarded_value;
  std::vector<Winner> winners;
  std::string tender_start;  // ISO 8601 date or date-time as published ("" when unknown)
  std::string tender_end;    // the deadline for tenders (BT-131 / tenderPeriod.endDate)
};

struct Process {
  SourceFormat format = SourceFormat::kOcds;
  std::string id;      // the ocid, or the eForms procedure identifier (BT-04)
  std::string source;  // file name and location of the data it was built from
  std::string title;
  Organisation buyer;
  std::string region;   // NUTS code of the buyer or the place of performance
  std::string country;  // ISO 3166-1 alpha-2 ("NO"); from the region when not given
  Procedure procedure = Procedure::kUnknown;
  std::string procedure_details;
  std::string cpv;  // main CPV, eight digits; "" when unknown
  std::optional<Money> estimated_value;
  std::string published;  // date of the notice or release that opened the process
  std::string status;     // tender.status or the eForms notice type
  std::vector<Lot> lots;  // never empty once a reader has produced the process
};

// First eight digits of a CPV code ("45221111-3" → "45221111"); "" if it is not one.
std::string NormaliseCpv(std::string_view code);

}  // namespace samspill::market
