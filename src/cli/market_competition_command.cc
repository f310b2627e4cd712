// `samspill market competition`: the competition indicators for Nordic use over a whole data
// set (market/competition/competition.h) — bidder-count coverage by source, single-bid rates by
// CPV division and group, buyer, region and procedure, winning suppliers with HHI and top-3
// share, and advertisement-period bands — as JSON on stdout.
#include <cstdio>

#include "cli/commands.h"
#include "cli/market_input.h"
#include "market/market.h"

namespace samspill::cli {
namespace {

struct CompetitionArgs {
  std::vector<std::string> files;
  std::string currency = "NOK";
  bool grouped = false;
  size_t show_issues = 5;
};

Status RunCompetition(const CompetitionArgs& args) {
  if (args.files.empty()) return InvalidArgument("give one or more data files, or -", "FILE");
  if (!IsCurrencyCode(args.currency)) {
    return InvalidArgument("--currency must be three capital letters, e.g. NOK", "--currency");
  }
  market::CompetitionIndicators indicators(args.currency);
  market::IssueLog issues;
  SAMSPILL_ASSIGN_OR_RETURN(market::IngestSummary summary,
                            ReadMarketInput(args.files, args.grouped, issues,
                                            [&](market::Process&& p) { indicators.Add(p); }));
  (void)summary;
  const std::string out = indicators.ToJson().dump(2) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  PrintIssueSummary(issues, args.show_issues);
  return Status::Ok();
}

}  // namespace

void AddMarketCompetitionCommand(CLI::App& market, CommandAction* action) {
  auto args = std::make_shared<CompetitionArgs>();
  CLI::App* cmd = market.add_subcommand(
      "competition",
      "Competition indicators over a data set: bidders per lot and their sources, single-bid "
      "rates by CPV, buyer, region and procedure, supplier concentration, advertisement periods");
  cmd->add_option("FILE", args->files,
                  std::string("OCDS (packages, records, releases, JSON Lines; gzip or not) or "
                              "eForms XML files or folders; - for standard input. ") +
                      kFolderHelp)
      ->required();
  cmd->add_option("--currency", args->currency,
                  "Award values in this currency count for "
                  "value concentration")
      ->capture_default_str();
  cmd->add_flag("--grouped", args->grouped,
                "The input is grouped by ocid: merge releases in constant memory");
  cmd->callback([action, args] { *action = [args] { return RunCompetition(*args); }; });
}

}  // namespace samspill::cli
