// Roles a samspill user can have, and what each may do at the coarsest level.
//
// Finer rules (a supplier sees only its own bids, nobody reads a bid before the deadline)
// live with the domain objects they protect. Stored as integers: never renumber.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace samspill {

enum class Role {
  kAdministrator = 1,           // manages users and settings
  kProcurementOfficer = 2,      // innkjøper: plans and runs tenders
  kEvaluator = 3,               // scores bids in an evaluation committee
  kServiceLeader = 4,           // tjenesteleder / fagperson: requirements, follow-up
  kUnionRepresentative = 5,     // tillitsvalgt: reads
  kSupplier = 6,                // leverandør: own bids and reports only
  kAuditor = 7,                 // revisor: reads everything, changes nothing
  kPolitician = 8,              // politiker: reads tenders and protocols, changes nothing
  kPartnershipCoordinator = 9,  // partnerskapskoordinator: the whole partnership portfolio
  kProjectLeader = 10,          // prosjektleder: own area of the portfolio, reads all of it
  kSteeringGroup = 11,          // styringsgruppe: reads the portfolio and its reports
  kController = 12,             // controller / økonomi: baselines and business cases
};

inline constexpr Role kAllRoles[] = {
    Role::kAdministrator, Role::kProcurementOfficer,  Role::kEvaluator,
    Role::kServiceLeader, Role::kUnionRepresentative, Role::kSupplier,
    Role::kAuditor,       Role::kPolitician,          Role::kPartnershipCoordinator,
    Role::kProjectLeader, Role::kSteeringGroup,       Role::kController};

// Stable API name: "administrator", "procurement_officer", …
std::string_view RoleName(Role role);
std::optional<Role> RoleFromName(std::string_view name);
// Norwegian label for pages: "Innkjøper", "Tillitsvalgt", …
std::string_view RoleLabelNb(Role role);

// Read-only roles never change anything, whatever endpoint they call.
inline bool IsReadOnlyRole(Role role) {
  return role == Role::kUnionRepresentative || role == Role::kAuditor ||
         role == Role::kPolitician || role == Role::kSteeringGroup;
}

// The municipality's side of a tender: everyone who reads tenders as the buyer (never a
// supplier; the partnership roles work in the portfolio only).
inline bool IsTenderBuyerRole(Role role) {
  switch (role) {
    case Role::kAdministrator:
    case Role::kProcurementOfficer:
    case Role::kEvaluator:
    case Role::kServiceLeader:
    case Role::kUnionRepresentative:
    case Role::kAuditor:
    case Role::kPolitician:
      return true;
    case Role::kSupplier:
    case Role::kPartnershipCoordinator:
    case Role::kProjectLeader:
    case Role::kSteeringGroup:
    case Role::kController:
      return false;
  }
  return false;
}

// The tender buyer roles as a list, for route tables.
inline std::vector<Role> TenderBuyerRoles() {
  std::vector<Role> roles;
  for (Role role : kAllRoles) {
    if (IsTenderBuyerRole(role)) roles.push_back(role);
  }
  return roles;
}

// Who writes decision cases (whether to tender: baseline, business case, risks, the decision as
// recorded): the controller, the service leader and the procurement officer.
inline bool IsDecisionWriterRole(Role role) {
  return role == Role::kController || role == Role::kServiceLeader ||
         role == Role::kProcurementOfficer;
}

// Who reads decision cases: the writers, and the politicians, union representatives, auditors
// and administrators (nothing in a case is personal data).
inline bool IsDecisionReaderRole(Role role) {
  return IsDecisionWriterRole(role) || role == Role::kPolitician ||
         role == Role::kUnionRepresentative || role == Role::kAuditor ||
         role == Role::kAdministrator;
}

// The same as lists, for route tables.
inline std::vector<Role> DecisionWriterRoles() {
  return {Role::kController, Role::kServiceLeader, Role::kProcurementOfficer};
}
inline std::vector<Role> DecisionReaderRoles() {
  std::vector<Role> roles;
  for (Role role : kAllRoles) {
    if (IsDecisionReaderRole(role)) roles.push_back(role);
  }
  return roles;
}

// Who writes the tendering strategy (task areas and IKU, political targets as adopted,
// priorities, the procurement plan): the procurement officer and the controller.
inline bool IsStrategyWriterRole(Role role) {
  return role == Role::kProcurementOfficer || role == Role::kController;
}

// Who reads the strategy inside samspill: the writers, and the service leaders, politicians,
// union representatives, auditors and administrators. Suppliers and the public read the
// published plan only, without logging in.
inline bool IsStrategyReaderRole(Role role) {
  return IsStrategyWriterRole(role) || role == Role::kServiceLeader || role == Role::kPolitician ||
         role == Role::kUnionRepresentative || role == Role::kAuditor ||
         role == Role::kAdministrator;
}

inline std::vector<Role> StrategyWriterRoles() {
  return {Role::kProcurementOfficer, Role::kController};
}
inline std::vector<Role> StrategyReaderRoles() {
  std::vector<Role> roles;
  for (Role role : kAllRoles) {
    if (IsStrategyReaderRole(role)) roles.push_back(role);
  }
  return roles;
}

// Roles that work in the partnership portfolio (the auditor and administrator read it too).
inline bool IsPortfolioRole(Role role) {
  return role == Role::kPartnershipCoordinator || role == Role::kProjectLeader ||
         role == Role::kSteeringGroup;
}

}  // namespace samspill
