// The samspill subcommands. Each registers itself on the CLI11 app and runs one use case or
// domain function; printing and exit codes are handled here, not in the domain. `serve` and
// `routes` are server/commands.h's.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "common/status.h"

namespace samspill::cli {

// A subcommand's action: runs after parsing, returns the status to turn into an exit code.
using CommandAction = std::function<Status()>;

void AddEvaluateCommand(CLI::App& app, CommandAction* action);
void AddDecisionCommand(CLI::App& app, CommandAction* action);
void AddStrategyCommand(CLI::App& app, CommandAction* action);
void AddUserCommand(CLI::App& app, CommandAction* action);
void AddTenderCommand(CLI::App& app, CommandAction* action);
void AddMarketCommand(CLI::App& app, CommandAction* action);
// `market indicators` and `market coverage` (market_indicators_command.cc).
void AddMarketIndicatorsCommands(CLI::App& market, CommandAction* action);
// Subcommands of `market`, registered by AddMarketCommand.
void AddMarketImportCommand(CLI::App& market, CommandAction* action);
void AddMarketReportCommand(CLI::App& market, CommandAction* action);
void AddMarketCompetitionCommand(CLI::App& market, CommandAction* action);
void AddPortfolioCommand(CLI::App& app, CommandAction* action);
void AddAuditCommand(CLI::App& app, CommandAction* action);

// Reads a whole file ("-" for stdin) up to `max_bytes`; names the file in errors.
Result<std::string> ReadInput(const std::string& path, size_t max_bytes);

}  // namespace samspill::cli
