#include "common/role.h"

namespace samspill {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdministrator:
      return "administrator";
    case Role::kProcurementOfficer:
      return "procurement_officer";
    case Role::kEvaluator:
      return "evaluator";
    case Role::kServiceLeader:
      return "service_leader";
    case Role::kUnionRepresentative:
      return "union_representative";
    case Role::kSupplier:
      return "supplier";
    case Role::kAuditor:
      return "auditor";
    case Role::kPolitician:
      return "politician";
    case Role::kPartnershipCoordinator:
      return "partnership_coordinator";
    case Role::kProjectLeader:
      return "project_leader";
    case Role::kSteeringGroup:
      return "steering_group";
    case Role::kController:
      return "controller";
  }
  return "unknown";
}

std::optional<Role> RoleFromName(std::string_view name) {
  for (Role role : kAllRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string_view RoleLabelNb(Role role) {
  switch (role) {
    case Role::kAdministrator:
      return "Administrator";
    case Role::kProcurementOfficer:
      return "Innkjøper";
    case Role::kEvaluator:
      return "Evaluator";
    case Role::kServiceLeader:
      return "Tjenesteleder";
    case Role::kUnionRepresentative:
      return "Tillitsvalgt";
    case Role::kSupplier:
      return "Leverandør";
    case Role::kAuditor:
      return "Revisor";
    case Role::kPolitician:
      return "Politiker";
    case Role::kPartnershipCoordinator:
      return "Partnerskapskoordinator";
    case Role::kProjectLeader:
      return "Prosjektleder";
    case Role::kSteeringGroup:
      return "Styringsgruppe";
    case Role::kController:
      return "Controller";
  }
  return "Ukjent";
}

}  // namespace samspill
