#include "common/role.h"

#include <gtest/gtest.h>

namespace samspill {
namespace {

TEST(Role, NamesRoundTripAndReadOnlyRolesAreKnown) {
  for (Role role : kAllRoles) EXPECT_EQ(RoleFromName(RoleName(role)), role);
  EXPECT_FALSE(RoleFromName("root").has_value());
  EXPECT_TRUE(IsReadOnlyRole(Role::kAuditor));
  EXPECT_TRUE(IsReadOnlyRole(Role::kUnionRepresentative));
  EXPECT_FALSE(IsReadOnlyRole(Role::kProcurementOfficer));
  EXPECT_TRUE(IsReadOnlyRole(Role::kPolitician));
  EXPECT_TRUE(IsReadOnlyRole(Role::kSteeringGroup));
  EXPECT_FALSE(IsReadOnlyRole(Role::kProjectLeader));
  EXPECT_EQ(RoleLabelNb(Role::kProcurementOfficer), "Innkjøper");
  EXPECT_EQ(RoleLabelNb(Role::kPolitician), "Politiker");
}

TEST(Role, TenderBuyersExcludeSuppliersAndThePartnershipRoles) {
  EXPECT_TRUE(IsTenderBuyerRole(Role::kPolitician));
  EXPECT_TRUE(IsTenderBuyerRole(Role::kUnionRepresentative));
  EXPECT_FALSE(IsTenderBuyerRole(Role::kSupplier));
  EXPECT_FALSE(IsTenderBuyerRole(Role::kPartnershipCoordinator));
  EXPECT_FALSE(IsTenderBuyerRole(Role::kSteeringGroup));
  EXPECT_TRUE(IsPortfolioRole(Role::kProjectLeader));
  EXPECT_FALSE(IsPortfolioRole(Role::kAuditor));
  const std::vector<Role> buyers = TenderBuyerRoles();
  EXPECT_EQ(buyers.size(), 7u);
}

}  // namespace
}  // namespace samspill
