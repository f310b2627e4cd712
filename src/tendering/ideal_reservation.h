// IdealReservation: reserving a competition for ideelle organisasjoner (non-profit suppliers).
//
// DOMAIN.md §1: FOA § 30-2a lets a buyer reserve competitions for health and social services,
// whatever their value, for ideelle organisasjoner; the notice must cite § 30-2a, and ESA has
// questioned the rule (risk of damages). A reservation needs a written justification. Pure
// function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "tendering/legal_regime.h"

namespace samspill::tendering {

struct IdealReservation {
  std::string legal_basis;    // what the notice must cite: "FOA § 30-2a"
  std::string justification;  // the buyer's written reasons, trimmed
  std::string warning;        // the ESA risk, to show with the decision and in the protocol

  friend bool operator==(const IdealReservation&, const IdealReservation&) = default;
};

// InvalidArgument when the category is not health and social services (field "category") or
// the justification is blank (field "justification").
Result<IdealReservation> ReserveForIdealOrganisations(ServiceCategory category,
                                                      std::string_view justification);

}  // namespace samspill::tendering
