#include "cli/demo_portfolio.h"

namespace samspill::cli {
namespace {

Status Outcome(const Result<web::ImportOutcome>& outcome, const char* what) {
  if (!outcome.ok()) return outcome.status();
  if (!outcome->errors.empty()) {
    return Internal(std::string("the demo ") + what +
                    " do not import: " + outcome->errors[0].ToString());
  }
  return Status::Ok();
}

}  // namespace

Status LoadDemoPortfolio(web::PortfolioService& portfolio, store::Store& store) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredProject> existing, store.ListProjects());
  if (!existing.empty()) return Status::Ok();
  const web::Actor system = web::Actor::System();
  for (const auto& [username, area] : {std::pair{"prosjektleder", "Helse og velferd"},
                                       std::pair{"prosjektleder2", "Oppvekst og utdanning"}}) {
    SAMSPILL_ASSIGN_OR_RETURN(store::User user, store.FindUserByUsername(username));
    SAMSPILL_RETURN_IF_ERROR(portfolio.AssignArea(system, user.id, area));
  }
  SAMSPILL_RETURN_IF_ERROR(
      Outcome(portfolio.ImportProjectsCsv(system, DemoPortfolioProjectsCsv()), "projects"));
  return Outcome(portfolio.ImportIndicatorsCsv(system, DemoPortfolioIndicatorsCsv()), "indicators");
}

}  // namespace samspill::cli
