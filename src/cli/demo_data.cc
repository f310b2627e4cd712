#include "cli/demo_data.h"

namespace samspill::cli {

const std::vector<DemoUser>& DemoUsers() {
  static const std::vector<DemoUser> kUsers = {
      {"admin", "Anne Administrator", Role::kAdministrator, "942110464"},
      {"innkjoper", "Ingrid Innkjøper", Role::kProcurementOfficer, "942110464"},
      {"evaluator", "Erik Evaluator", Role::kEvaluator, "942110464"},
      {"tjenesteleder", "Tone Tjenesteleder", Role::kServiceLeader, "942110464"},
      {"tillitsvalgt", "Trond Tillitsvalgt", Role::kUnionRepresentative, "942110464"},
      {"leverandor", "Lars Leverandør", Role::kSupplier, "923456783"},
      {"leverandor2", "Sofie Leverandør", Role::kSupplier, "934567897"},
      {"leverandor3", "Trine Leverandør", Role::kSupplier, "928765431"},
      {"leverandor4", "Sindre Leverandør", Role::kSupplier, "931112228"},
      {"revisor", "Randi Revisor", Role::kAuditor, ""},
      {"politiker", "Per Politiker", Role::kPolitician, "942110464"},
      {"koordinator", "Kari Koordinator", Role::kPartnershipCoordinator, "942110464"},
      {"prosjektleder", "Pål Prosjektleder", Role::kProjectLeader, "942110464"},
      {"prosjektleder2", "Hanne Prosjektleder", Role::kProjectLeader, "942110464"},
      {"styringsgruppe", "Siri Styringsgruppe", Role::kSteeringGroup, "942110464"},
      {"controller", "Cecilie Controller", Role::kController, "942110464"},
  };
  return kUsers;
}

const std::vector<DemoOrganisation>& DemoOrganisations() {
  static const std::vector<DemoOrganisation> kOrganisations = {
      {"942110464", "Trondheim kommune", store::OrganisationKind::kBuyer,
       "Postboks 2300 Torgarden, 7004 Trondheim"},
      {"923456783", "Omsorgspartner Midt AS (fiktiv)", store::OrganisationKind::kSupplier},
      {"934567897", "Renhold og Inkludering AS (fiktiv)", store::OrganisationKind::kSupplier},
      {"998877660", "Nidaros Velferd SA (fiktiv)", store::OrganisationKind::kSupplier},
      {"928765431", "Trøndelag Rent AS (fiktiv)", store::OrganisationKind::kSupplier},
      {"931112228", "Servicegruppen Nord AS (fiktiv)", store::OrganisationKind::kSupplier},
  };
  return kOrganisations;
}

Status LoadDemoData(app::AuthService& auth, app::OrganisationService& organisations,
                    store::Store& store) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::Organisation> existing_orgs,
                            store.ListOrganisations());
  auto find_org = [&](const std::string& number) -> std::optional<int64_t> {
    for (const auto& o : existing_orgs) {
      if (o.org_number == number) return o.id;
    }
    return std::nullopt;
  };
  for (const DemoOrganisation& demo : DemoOrganisations()) {
    if (find_org(demo.org_number)) continue;
    SAMSPILL_ASSIGN_OR_RETURN(
        store::Organisation created,
        organisations.Create(std::nullopt, {demo.org_number, demo.name, demo.kind, demo.address}));
    existing_orgs.push_back(created);
  }
  for (const DemoUser& demo : DemoUsers()) {
    Result<store::User> existing = store.FindUserByUsername(demo.username);
    if (existing.ok()) continue;
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    std::optional<int64_t> organisation;
    if (!demo.organisation_number.empty()) organisation = find_org(demo.organisation_number);
    SAMSPILL_RETURN_IF_ERROR(auth.CreateUser(std::nullopt, {demo.username, demo.display_name,
                                                            demo.role, kDemoPassword, organisation})
                                 .status());
  }
  return Status::Ok();
}

}  // namespace samspill::cli
