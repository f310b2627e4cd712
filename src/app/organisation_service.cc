#include "app/organisation_service.h"

#include <nlohmann/json.hpp>

#include "common/org_number.h"

namespace samspill::app {

std::string_view OrganisationKindName(store::OrganisationKind kind) {
  return kind == store::OrganisationKind::kBuyer ? "buyer" : "supplier";
}

std::optional<store::OrganisationKind> OrganisationKindFromName(std::string_view name) {
  if (name == "buyer") return store::OrganisationKind::kBuyer;
  if (name == "supplier") return store::OrganisationKind::kSupplier;
  return std::nullopt;
}

Result<store::Organisation> OrganisationService::Create(const std::optional<Principal>& actor,
                                                        const CreateOrganisationRequest& request) {
  Result<std::string> number = ParseOrgNumber(request.org_number);
  if (!number.ok()) return InvalidArgument(number.status().message(), "org_number");
  if (request.name.empty() || request.name.size() > 200) {
    return InvalidArgument("the name must have 1 to 200 characters", "name");
  }
  if (request.address.size() > store::kMaxOrganisationAddressChars) {
    return InvalidArgument("the address must have at most " +
                               std::to_string(store::kMaxOrganisationAddressChars) + " characters",
                           "address");
  }
  store::AuditEvent event;
  event.at = clock_.Now();
  if (actor) {
    event.actor_user_id = actor->user.id;
    event.actor = actor->user.username;
  } else {
    event.actor = "system";
  }
  event.action = "organisation.create";
  event.entity_type = "organisation";
  event.after_json = nlohmann::json{
      {"org_number", *number},
      {"name", request.name},
      {"kind", OrganisationKindName(request.kind)},
      {"address",
       request.address}}.dump();
  return store_.CreateOrganisation({*number, request.name, request.kind, request.address},
                                   std::move(event));
}

}  // namespace samspill::app
