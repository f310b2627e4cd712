// samspill: one binary — `samspill serve` runs the web application (server/, the composition
// root that wires app/ to web/), the other subcommands run the same use cases from a terminal
// (cli/, which never includes web/).
#include <cstdio>

#include "cli/commands.h"
#include "cli/exit_code.h"
#include "cli/version.h"
#include "server/commands.h"

int main(int argc, char** argv) {
  using namespace samspill;
  CLI::App app{"samspill — konkurranseutsetting, anbud, oppfølging og partnerskap for kommuner"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("samspill ") + cli::kVersion);
  cli::CommandAction action;
  server::AddServeCommand(app, &action);
  cli::AddEvaluateCommand(app, &action);
  cli::AddDecisionCommand(app, &action);
  cli::AddStrategyCommand(app, &action);
  cli::AddUserCommand(app, &action);
  cli::AddTenderCommand(app, &action);
  cli::AddMarketCommand(app, &action);
  cli::AddPortfolioCommand(app, &action);
  cli::AddAuditCommand(app, &action);
  server::AddRoutesCommand(app, &action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : cli::kExitUsage;
  }
  if (!action) return cli::kExitUsage;
  Status status = action();
  if (!status.ok()) {
    std::fprintf(stderr, "samspill: %s\n", status.ToString().c_str());
    return cli::ExitCodeFor(status.code());
  }
  return cli::kExitOk;
}
