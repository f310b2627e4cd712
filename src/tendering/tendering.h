// Front door of the tendering module: the pure domain rules of a tender's lifecycle — the legal
// regime from dated thresholds (threshold_table.h, legal_regime.h), reservation for ideelle
// organisasjoner (ideal_reservation.h), the timeline check against minimum and recommended time
// limits (time_limit_table.h, milestone.h, timeline.h) and the tender state machine
// (tender_state.h).
//
// The announced award model and its lock at publication: award_model.h. The OCDS 1.1 export of a
// TenderRecord: ocds_export.h (included on its own, as it brings in nlohmann::json).
//
// The procurement protocol (FOA § 25-5 a–p) built from a TenderRecord: protocol.h, rendered by
// protocol_json.h and protocol_html.h.
//
// The Tender aggregate (tender.h) ties them together; its JSON forms — the draft document, the
// stored snapshot and the API view — are in tender_json.h.
//
// Pure computation without I/O; everything here is thread-safe.
#pragma once

#include "tendering/award_model.h"
#include "tendering/ideal_reservation.h"
#include "tendering/legal_regime.h"
#include "tendering/milestone.h"
#include "tendering/protocol.h"
#include "tendering/protocol_html.h"
#include "tendering/protocol_json.h"
#include "tendering/tender.h"
#include "tendering/tender_json.h"
#include "tendering/tender_state.h"
#include "tendering/threshold_table.h"
#include "tendering/time_limit_table.h"
#include "tendering/timeline.h"
