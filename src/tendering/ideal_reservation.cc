#include "tendering/ideal_reservation.h"

namespace samspill::tendering {
namespace {

std::string_view Trim(std::string_view text) {
  const std::string_view kSpace = " \t\r\n";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

}  // namespace

Result<IdealReservation> ReserveForIdealOrganisations(ServiceCategory category,
                                                      std::string_view justification) {
  if (category != ServiceCategory::kHealthAndSocial) {
    return InvalidArgument(
        "only health and social services may be reserved for ideelle organisasjoner "
        "(FOA § 30-2a)",
        "category");
  }
  const std::string_view trimmed = Trim(justification);
  if (trimmed.empty()) {
    return InvalidArgument("a reservation for ideelle organisasjoner needs a written justification",
                           "justification");
  }
  return IdealReservation{
      .legal_basis = "FOA § 30-2a",
      .justification = std::string(trimmed),
      .warning =
          "ESA har stilt spørsmål ved FOA § 30-2a; en reservert konkurranse kan gi risiko for "
          "erstatningskrav. Kunngjøringen må vise til § 30-2a. / ESA has questioned FOA § 30-2a; "
          "a reserved competition carries a risk of damages claims. The notice must cite "
          "§ 30-2a.",
  };
}

}  // namespace samspill::tendering
