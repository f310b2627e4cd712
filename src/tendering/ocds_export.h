// OcdsExport: one competition as an Open Contracting Data Standard (OCDS 1.1) release package,
// for publication and for anyone who analyses public procurement with OCDS tools.
//
// ExportOcdsReleasePackage() turns a TenderRecord into a release package holding one release
// compiled as of now: the tender's terms, its status and tag from the TenderState, the
// parties, the awards once the award notice is sent, the contracts once signed, and bid
// statistics and bid details (bids extension, v1.1.5), each bid's value only when the record
// carries its price (tendering/bid_access.h). What is exported is what the record
// holds: the caller puts bids in only after opening (sealed bids) and decides what is public.
// Every date is an RFC 3339 instant in UTC ("2025-03-10T12:00:00Z"); a date-only milestone is
// the start of its day in UTC, or its last second when it ends a period. Amounts are JSON
// numbers in major units, exact to the øre. Time comes from the options (the caller's Clock);
// nothing here reads a clock or does I/O. The output validates against the OCDS 1.1.5 release
// package schema with the bids extension (tests/ocds/validate.mjs checks it independently).
// Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"
#include "tendering/ocds_options.h"
#include "tendering/tender_record.h"
#include "tendering/tender_state.h"

namespace samspill::tendering {

// The extension.json of each OCDS extension the export uses, as the package's `extensions`
// lists them: bids (statistics and details) always, lots when the tender has lots.
inline constexpr std::string_view kOcdsBidsExtensionUrl =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/"
    "extension.json";
inline constexpr std::string_view kOcdsLotsExtensionUrl =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/"
    "extension.json";

// The OCDS release tag for a tender in `state`: planning (draft), tender (published),
// tenderUpdate (after the deadline until the award notice, and unsuccessful), award
// (standstill), contract (contract signed), tenderCancellation (cancelled).
std::string_view OcdsReleaseTag(TenderState state);

// tender.status (closed tenderStatus codelist): planned (draft), active (published until the
// award notice), complete (standstill, contract signed), unsuccessful, cancelled.
std::string_view OcdsTenderStatus(TenderState state);

// {"amount": 1250000.5, "currency": "NOK"}. Whole amounts are JSON integers; an amount with øre
// is the double nearest to its two-decimal text, which prints back as exactly that text for
// every amount below 10^13 major units (15 significant digits).
nlohmann::json OcdsValue(const Money& money);

// The release package of one tender. Precondition: ValidateOcdsExportOptions(options) is OK.
//
// Awards (one per LotAward) are exported once the award notice is sent: pending during the
// standstill period, active once the contract is signed, cancelled when the tender was
// cancelled after the notice; before the notice a proposed award is internal and left out.
// A cancelled tender carries its written reason (FOA § 25-4) as a tender document of type
// cancellationDetails.
nlohmann::json ExportOcdsReleasePackage(const TenderRecord& record,
                                        const OcdsExportOptions& options);

}  // namespace samspill::tendering
