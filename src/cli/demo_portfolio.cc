#include "cli/demo_portfolio.h"

namespace samspill::cli {
namespace {

Status Outcome(const Result<app::ImportOutcome>& outcome, const char* what) {
  if (!outcome.ok()) return outcome.status();
  if (!outcome->errors.empty()) {
    return Internal(std::string("the demo ") + what +
                    " do not import: " + outcome->errors[0].ToString());
  }
  return Status::Ok();
}

}  // namespace

portfolio::Indicator DemoCountedIndicator() {
  portfolio::Indicator ind;
  ind.category = "forskningssamarbeid";
  ind.name = "Forsknings- og innovasjonssøknader i registeret";
  ind.target_kind = portfolio::TargetKind::kNone;
  ind.note =
      "Telles fra porteføljeregisteret: prosjekter partnerskapet har tilrettelagt, etter året "
      "søknaden ble sendt. Sammenlign med rapportens tall for sendte søknader.";
  ind.count_rule = portfolio::CountRule{
      .kinds = {portfolio::ProjectKind::kResearch, portfolio::ProjectKind::kInnovation},
      .granted_only = false,
      .facilitated_only = true};
  return ind;
}

Status LoadDemoPortfolio(app::PortfolioService& portfolio, store::Store& store) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredProject> existing, store.ListProjects());
  if (!existing.empty()) return Status::Ok();
  const app::Actor system = app::Actor::System();
  for (const auto& [username, area] : {std::pair{"prosjektleder", "Helse og velferd"},
                                       std::pair{"prosjektleder2", "Oppvekst og utdanning"}}) {
    SAMSPILL_ASSIGN_OR_RETURN(store::User user, store.FindUserByUsername(username));
    SAMSPILL_RETURN_IF_ERROR(portfolio.AssignArea(system, user.id, area));
  }
  SAMSPILL_RETURN_IF_ERROR(
      Outcome(portfolio.ImportProjectsCsv(system, DemoPortfolioProjectsCsv()), "projects"));
  SAMSPILL_RETURN_IF_ERROR(
      Outcome(portfolio.ImportIndicatorsCsv(system, DemoPortfolioIndicatorsCsv()), "indicators"));
  return portfolio.DefineIndicator(system, DemoCountedIndicator()).status();
}

}  // namespace samspill::cli
