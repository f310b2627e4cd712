#include "cli/demo_data.h"

namespace samspill::cli {

const std::vector<DemoUser>& DemoUsers() {
  static const std::vector<DemoUser> kUsers = {
      {"admin", "Anne Administrator", Role::kAdministrator},
      {"innkjoper", "Ingrid Innkjøper", Role::kProcurementOfficer},
      {"evaluator", "Erik Evaluator", Role::kEvaluator},
      {"tjenesteleder", "Tone Tjenesteleder", Role::kServiceLeader},
      {"tillitsvalgt", "Trond Tillitsvalgt", Role::kUnionRepresentative},
      {"leverandor", "Lars Leverandør", Role::kSupplier},
      {"revisor", "Randi Revisor", Role::kAuditor},
  };
  return kUsers;
}

Status LoadDemoData(web::AuthService& auth, store::Store& store) {
  for (const DemoUser& demo : DemoUsers()) {
    Result<store::User> existing = store.FindUserByUsername(demo.username);
    if (existing.ok()) continue;
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    SAMSPILL_RETURN_IF_ERROR(
        auth.CreateUser(std::nullopt, {demo.username, demo.display_name, demo.role, kDemoPassword})
            .status());
  }
  return Status::Ok();
}

}  // namespace samspill::cli
