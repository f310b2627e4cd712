// `samspill market …`: the market analysis engine from a terminal. Each part of the engine
// registers its own subcommands here.
#include "cli/commands.h"

namespace samspill::cli {

void AddMarketCommand(CLI::App& app, CommandAction* action) {
  CLI::App* market = app.add_subcommand(
      "market", "Analyse public procurement data (OCDS, eForms): red flags and competition");
  market->require_subcommand(1);
  AddMarketIndicatorsCommands(*market, action);
  AddMarketImportCommand(*market, action);
  AddMarketReportCommand(*market, action);
  AddMarketCompetitionCommand(*market, action);
}

}  // namespace samspill::cli
