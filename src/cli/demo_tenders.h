// Demo tenders for `samspill serve --demo`, driven through the TenderService by the demo users
// on a fake clock set to the dates of the seed reports:
// - seed 000: Trondheim's care-home competition (BoA, ~100 årsverk, FOA part IV, 29 days to
//   the deadline), one bid, unsuccessful at the deadline, cancelled with its reasons;
// - seed 004: the cleaning-services tender with social criteria weighted 30 %, three bids,
//   evaluated, awarded, contract signed.
// Loaded only into a database without tenders, so it never touches real work.
#pragma once

#include "app/tender_service.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::cli {

// Requires the demo users (LoadDemoData) to exist.
Status LoadDemoTenders(store::Store& store);

}  // namespace samspill::cli
