// The demo decision cases for `samspill serve --demo` (issue 16):
// - Trondheim's BoA (seed 000): the four units' baseline (figures marked "eksempel": the seed
//   gives none per unit, only ~100 årsverk in the unit put out to tender), the three
//   alternatives with their items (the tender project's own cost from seed 000 §3.1: 1.1 årsverk
//   + NOK 300 000 external help + NOK 90 000 municipal lawyer; the rest examples), the risks of
//   §4.2, CPV 85311000-2 in Trøndelag (NO060), the city council's decision of 2025-02-20 and the
//   link to the demo BoA tender;
// - the three KNS municipalities of seed 003 (Lunner, Songdalen, Bømlo) as cases of "in-house
//   improved" with the report's table, the uncertain "reduced conflict" items left out.
// Loaded only when there are no decision cases yet; requires the demo users and tenders.
#pragma once

#include "app/decision_service.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::cli {

Status LoadDemoDecisions(app::DecisionService& decisions, store::Store& store);

}  // namespace samspill::cli
