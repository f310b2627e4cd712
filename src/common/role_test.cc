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
  EXPECT_EQ(RoleLabelNb(Role::kProcurementOfficer), "Innkjøper");
}

}  // namespace
}  // namespace samspill
