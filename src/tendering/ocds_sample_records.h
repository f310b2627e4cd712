// OcdsSampleRecords: two competitions from the seeds, built in code through the public Tender
// API, as the store would hand them to the OCDS export — for the export's unit tests and for
// the sample packages that tests/ocds validates with an independent schema validator.
//
// Test-only (linked into tendering_test and ocds_export_samples, never into the library).
// Each call builds fresh values; thread-safe.
#pragma once

#include <map>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "tendering/ocds_export.h"
#include "tendering/tender.h"
#include "tendering/tender_record.h"

namespace samspill::tendering::testing {

// Seed 004-like: cleaning of municipal buildings in two lots, published 2025-01-06 (FOA part
// III), eight bids from five suppliers (one rejected), evaluated, awarded per lot, standstill,
// contract signed 2025-03-17; one award and one bid carry øre. Runs the lifecycle up to `last`
// (draft, published, bidding_closed, opened, evaluated, award_proposed, standstill or
// contract_signed) and holds what the store would hold then: bids from opening on, awards from
// the proposal on. InvalidArgument for a state this tender never reaches.
Result<TenderRecord> CleaningTender(TenderState last);

// The cleaning tender in its standstill with two complaints from tenderers (klage): the first,
// from Trøndelag Rent AS on 2025-03-07, rejected with reasons on 2025-03-10; the second, from
// Fjord Facility AS on 2025-03-12, still open — so the contract cannot be signed yet.
Result<TenderRecord> CleaningTenderWithComplaints();

// Seed 000-like: care homes (BoA), FOA part IV, sent to qualified suppliers 2025-08-21, one bid
// by the deadline 2025-09-19: unsuccessful, then cancelled with written reasons. The bid was
// never opened, so the record holds no bids; record.ocid is left empty.
Result<TenderRecord> CareHomeTenderCancelled();

// Seed 000's draft (care homes, BoA, ~100 årsverk, FOA part IV, political approval, staff
// transfer, published 2025-08-21 with the deadline 2025-09-19 12:00 Oslo): shared by the
// tendering tests.
TenderDraft SeedCareHomeDraft();

// The options both sample packages are exported with (publisher Trondheim kommune).
OcdsExportOptions SampleOcdsExportOptions();

// Closes bidding with the bids received per lot ("" for an undivided tender): the one place the
// samples call Tender::CloseBidding.
Status CloseBidding(Tender& tender, Timestamp now, const std::map<std::string, int>& bids_per_lot);

}  // namespace samspill::tendering::testing
