// The commands that run the web application: `samspill serve` and `samspill routes`. They are
// the composition root: the one place that wires the store, the use cases of app/ and the
// HTTP layer of web/ together, so that cli/ never includes web/ (docs/decisions/0021).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace samspill::server {

void AddServeCommand(CLI::App& app, cli::CommandAction* action);
// `samspill routes`: the route table as JSON, for the access-matrix test.
void AddRoutesCommand(CLI::App& app, cli::CommandAction* action);

}  // namespace samspill::server
