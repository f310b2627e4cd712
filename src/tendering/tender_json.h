// The JSON forms of a tender: the draft as the API takes and shows it, the snapshot as the store
// keeps it (as text), and the view the API shows of a tender.
//
// Draft document (ParseTenderDraftJson, TenderDraftToJson). Only "title" and "estimated_value"
// are required; every other field keeps the TenderDraft default when left out:
//   {"title": "Drift av bo- og aktivitetstilbud (BoA)",
//    "description": "Heldøgns bo- og aktivitetstilbud i Trondheim kommune",
//    "cpv_code": "85000000-9",
//    "category": "health_and_social",        "ordinary" | "health_and_social"
//    "buyer_type": "municipal",              "municipal" | "central_government"
//    "estimated_value": 800000000,           NOK excl. VAT, options included; ≤ 2 decimals
//    "lots": [],                             [{"id": "1", "title": "...", "estimated_value": 0}]
//    "why_not_divided": "Ett samlet tilbud gir faglig helhet for beboerne",
//    "profile": {"procedure": "other",       "open" | "restricted" | "other"
//                "electronic_submission_required": true, "prior_notice_or_urgency": false,
//                "political_approval_required": true, "staff_transfer": true,
//                "staff_years": 100},
//    "timeline": {"political_decision": "2025-02-20", "publication": "2025-08-21"},
//    "bid_deadline": "2025-09-19T12:00:00+02:00",   or null; a time with Z or an offset
//    "minimum_bids": 2,                      1–9
//    "standstill_days": 10,                  0–90
//    "ideal_reservation_justification": "",  non-empty: reserved under FOA § 30-2a
//    "responsibilities": [{"area": "Legetjenester", "party": "municipality",
//                          "description": "..."}],    "municipality" | "supplier" | "shared"
//    "award_model": {"price_model": "proportional", "normalisation": "none",
//                    "tie_break": "shared", "currency": "NOK",
//                    "criteria": [{"id": "pris", "name": "Pris", "kind": "price", "weight": 40},
//                                 {"id": "kvalitet", "kind": "quality", "weight": 60}]},
//    "award_rules": {"climate_weight_required": false, "min_climate_weight_share": 0.3,
//                    "climate_exception": ""}}
// Timeline keys are MilestoneName()s ("bid_deadline", "standstill_end", …), dates
// "YYYY-MM-DD"; each is optional, "request_deadline" (restricted and negotiated procedures)
// among them. The award model's criteria have the shape of the bid-table document and are read
// by its parser (evaluation::ParseCriteriaJson): weights, priorities, or values per point under
// quality_pricing; an empty array leaves the model without criteria while drafting. Money is a
// JSON number of NOK with at most two decimals, never negative; amounts of 10^13 NOK or more
// must be whole. Unknown fields are errors, so a misspelt setting cannot silently keep its
// default.
//
// Snapshot document (ParseTenderSnapshotJson, TenderSnapshotToJson): the store's format.
//   {"version": 1, "state": "bidding_closed", "draft": {…the draft document…},
//    "regime": null | {"regime": "part_iii", "explanation_nb": "…", "explanation_en": "…",
//                      "weights_required": true, "priority_order_suffices": false,
//                      "thresholds_used": [{"kind": "eea_municipal", "value": 2300000,
//                                           "currency": "NOK", "valid_from": "2024-03-14",
//                                           "source": "…", "tag": "confirmed"}]},
//    "locked_award_model": null | {"model": {…the award_model object…},
//                                  "sha256": "…", "locked_at": "2025-08-21T09:00:00Z"},
//    "ideal_reservation": null | {"legal_basis": "FOA § 30-2a", "justification": "…",
//                                 "warning": "…"},
//    "cancellation_reason": "", "valid_bids_per_lot": {"1": 3, "2": 1},
//    "unsuccessful_lots": ["2"],
//    "complaints": [{"id": 1, "supplier_organisation_id": 7, "supplier_name": "Omsorg AS",
//                    "lodged_at": "2025-10-03T09:00:00Z", "grounds": "…",
//                    "outcome": "open" | "upheld" | "rejected",
//                    "handled_at": null | "2025-10-06T12:00:00Z", "handling_reasons": ""}]}
// "version", "state" and "draft" are required; the rest may be left out when empty. Parsing
// checks shapes only: Tender::Restore() checks that the parts fit together and that the locked
// award model still matches its hash.
//
// Errors are InvalidArgument whose `field` is the JSON path ("lots[1].estimated_value",
// "award_model.criteria[0].weight", "draft.timeline.publication"; empty for the document
// itself); a document that is not JSON reports only the byte position. After parsing, a draft
// document passes ValidateDraft(), whose fields are the same paths. A store that reads back a
// snapshot it wrote should treat any error as corruption. Nothing throws out of these
// functions. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "common/status.h"
#include "common/time.h"
#include "tendering/tender.h"

namespace samspill::tendering {

inline constexpr size_t kMaxTenderDraftJsonBytes = size_t{1} << 20;
// A snapshot holds the draft, the award model twice and the regime decision.
inline constexpr size_t kMaxTenderSnapshotJsonBytes = size_t{4} << 20;

// The draft document of a create or revise request, validated with ValidateDraft().
Result<TenderDraft> ParseTenderDraftJson(std::string_view text);
// The draft document with its shapes checked but not its rules: for DraftProblems().
Result<TenderDraft> ReadTenderDraftJson(std::string_view text);

// The draft document; ParseTenderDraftJson(TenderDraftToJson(d).dump()) gives d back for every
// draft that parsing can produce.
nlohmann::json TenderDraftToJson(const TenderDraft& draft);

// The snapshot document, shapes checked; pass the result to Tender::Restore().
Result<TenderSnapshot> ParseTenderSnapshotJson(std::string_view text);

// The snapshot document; parsing its dump gives the snapshot back.
nlohmann::json TenderSnapshotToJson(const TenderSnapshot& snapshot);

// The documents' names of the procedure ("open", "restricted", "other") and of the party
// responsible for an area ("municipality", "supplier", "shared").
std::string_view ProcedureName(Procedure procedure);
std::string_view PartyName(Party party);

// What the API shows of a tender: the draft document's fields, plus "state", "allowed_actions"
// (action names at `now`), "cancellation_reason" and "unsuccessful_lots"; "regime" ({"name",
// "label_nb", "explanation_nb", "explanation_en"}) once decided; "award_model_sha256" and
// "locked_at" once locked; "ideal_reservation" when reserved.
nlohmann::json TenderViewJson(const Tender& tender, Timestamp now);

}  // namespace samspill::tendering
