// Complaint (klage): a supplier's complaint to the buyer about the award, lodged during the
// standstill period (karensperioden), and how the procurement officer handled it.
//
// The Tender aggregate holds its complaints (tender.h): it decides when one may be lodged and
// refuses to sign the contract while one is open. A complaint to the buyer does not by law stop
// the signing — a petition for a temporary injunction (midlertidig forføyning) does, and KOFA's
// decisions are advisory (DOMAIN.md §2, a secondary source) — so holding the signing until the
// officer has answered is samspill's rule, which lets the buyer answer before the standstill
// ends and reverse the award if the complaint is right. Plain values; thread-safe as values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "common/time.h"

namespace samspill::tendering {

inline constexpr size_t kMaxComplaintsPerTender = 100;
inline constexpr size_t kMaxComplaintTextBytes = 10000;

// Where a complaint stands. Stored by name: never renumber.
enum class ComplaintOutcome {
  kOpen = 1,      // lodged, not yet handled
  kUpheld = 2,    // tatt til følge: the buyer agrees (a new evaluation or a cancellation follows)
  kRejected = 3,  // ikke tatt til følge
};

inline constexpr ComplaintOutcome kAllComplaintOutcomes[] = {
    ComplaintOutcome::kOpen, ComplaintOutcome::kUpheld, ComplaintOutcome::kRejected};

// "open", "upheld", "rejected".
std::string_view ComplaintOutcomeName(ComplaintOutcome outcome);
// "Åpen", "Tatt til følge", "Ikke tatt til følge".
std::string_view ComplaintOutcomeLabelNb(ComplaintOutcome outcome);
// The handling's outcome from its name: "upheld" or "rejected" (a handling never leaves a
// complaint open). InvalidArgument naming `field` otherwise.
Result<ComplaintOutcome> ParseHandlingOutcome(std::string_view name, const std::string& field);

struct Complaint {
  int id = 0;  // 1, 2, … in the order lodged, within the tender
  int64_t supplier_organisation_id = 0;
  std::string supplier_name;  // as it was when lodged, for the protocol
  Timestamp lodged_at;
  std::string grounds;  // the supplier's words: what it complains about and why
  ComplaintOutcome outcome = ComplaintOutcome::kOpen;
  std::optional<Timestamp> handled_at;  // set exactly when not open
  std::string handling_reasons;         // the buyer's written reasons, set exactly when not open

  bool open() const { return outcome == ComplaintOutcome::kOpen; }
  friend bool operator==(const Complaint&, const Complaint&) = default;
};

// Ok when `text` is a complaint's or a handling's text: not blank, at most
// kMaxComplaintTextBytes. InvalidArgument naming `field` otherwise.
Status CheckComplaintText(const std::string& text, const std::string& field);

// "klage 2 fra Omsorg AS, levert 2025-10-03T09:00:00Z": how messages name a complaint.
std::string ComplaintName(const Complaint& complaint);

}  // namespace samspill::tendering
