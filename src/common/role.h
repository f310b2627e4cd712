// Roles a samspill user can have, and what each may do at the coarsest level.
//
// Finer rules (a supplier sees only its own bids, nobody reads a bid before the deadline)
// live with the domain objects they protect. Stored as integers: never renumber.
#pragma once

#include <optional>
#include <string_view>

namespace samspill {

enum class Role {
  kAdministrator = 1,        // manages users and settings
  kProcurementOfficer = 2,   // innkjøper: plans and runs tenders
  kEvaluator = 3,            // scores bids in an evaluation committee
  kServiceLeader = 4,        // tjenesteleder / fagperson: requirements, follow-up
  kUnionRepresentative = 5,  // tillitsvalgt: reads
  kSupplier = 6,             // leverandør: own bids and reports only
  kAuditor = 7,              // revisor: reads everything, changes nothing
};

inline constexpr Role kAllRoles[] = {
    Role::kAdministrator,       Role::kProcurementOfficer, Role::kEvaluator, Role::kServiceLeader,
    Role::kUnionRepresentative, Role::kSupplier,           Role::kAuditor};

// Stable API name: "administrator", "procurement_officer", …
std::string_view RoleName(Role role);
std::optional<Role> RoleFromName(std::string_view name);
// Norwegian label for pages: "Innkjøper", "Tillitsvalgt", …
std::string_view RoleLabelNb(Role role);

// Read-only roles never change anything, whatever endpoint they call.
inline bool IsReadOnlyRole(Role role) {
  return role == Role::kUnionRepresentative || role == Role::kAuditor;
}

}  // namespace samspill
