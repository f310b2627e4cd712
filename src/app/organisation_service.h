// OrganisationService: registers the buyer and the suppliers, with audited changes.
//
// Organisation numbers are validated (nine digits, modulus 11) before anything is stored.
// Thread-safe (the Store is).
#pragma once

#include <optional>
#include <string>

#include "app/auth_service.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::app {

struct CreateOrganisationRequest {
  std::string org_number;  // "942 110 464" or "942110464"
  std::string name;
  store::OrganisationKind kind = store::OrganisationKind::kSupplier;
  std::string address;  // postal address, one line; optional
};

class OrganisationService {
 public:
  OrganisationService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // `actor` is empty for the system itself (demo data).
  Result<store::Organisation> Create(const std::optional<Principal>& actor,
                                     const CreateOrganisationRequest& request);

 private:
  store::Store& store_;
  const Clock& clock_;
};

std::string_view OrganisationKindName(store::OrganisationKind kind);  // "buyer", "supplier"
std::optional<store::OrganisationKind> OrganisationKindFromName(std::string_view name);

}  // namespace samspill::app
