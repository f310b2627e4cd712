#include "tendering/ideal_reservation.h"

#include <gtest/gtest.h>

namespace samspill::tendering {
namespace {

TEST(IdealReservation, HealthAndSocialServicesWithReasonsIsAllowedWithWarning) {
  Result<IdealReservation> reservation = ReserveForIdealOrganisations(
      ServiceCategory::kHealthAndSocial, "  Rusomsorg med lang ideell tradisjon i kommunen.\n");
  ASSERT_TRUE(reservation.ok());
  EXPECT_EQ(reservation->legal_basis, "FOA § 30-2a");
  EXPECT_EQ(reservation->justification, "Rusomsorg med lang ideell tradisjon i kommunen.");
  EXPECT_NE(reservation->warning.find("ESA"), std::string::npos);
}

TEST(IdealReservation, OrdinaryServicesCannotBeReserved) {
  Result<IdealReservation> reservation =
      ReserveForIdealOrganisations(ServiceCategory::kOrdinary, "Begrunnelse");
  ASSERT_FALSE(reservation.ok());
  EXPECT_EQ(reservation.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(reservation.status().field(), "category");
}

TEST(IdealReservation, BlankJustificationIsRejected) {
  Result<IdealReservation> reservation =
      ReserveForIdealOrganisations(ServiceCategory::kHealthAndSocial, " \n\t");
  ASSERT_FALSE(reservation.ok());
  EXPECT_EQ(reservation.status().field(), "justification");
}

}  // namespace
}  // namespace samspill::tendering
