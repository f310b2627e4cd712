// `samspill market report`: the market report for a planned tender (market/competition/
// market_report.h), from data files or from a database filled by `market import`.
#include <cstdio>

#include "app/market_service.h"
#include "cli/commands.h"
#include "cli/market_input.h"
#include "market/competition/market_report.h"
#include "market/model/process_json.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::cli {

namespace {

struct ReportArgs {
  std::vector<std::string> files;
  std::string db;
  market::ReportQuery query;
  bool json = false;
  bool grouped = false;
  std::string reference_dir;
  size_t show_issues = 5;
};

Status RunReport(const ReportArgs& args) {
  if (args.files.empty() == args.db.empty()) {
    return InvalidArgument("give either data files or --db PATH", "FILE");
  }
  std::string digits;
  for (char c : args.query.cpv) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() < 2) return InvalidArgument("--cpv needs at least two digits", "--cpv");
  market::ReportBuilder builder(args.query);
  market::IssueLog issues;
  if (!args.db.empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, store::OpenSqliteStore(args.db));
    SAMSPILL_RETURN_IF_ERROR(app::AddStoredProcesses(*db, digits, builder).status());
  } else {
    SAMSPILL_ASSIGN_OR_RETURN(market::IngestSummary summary,
                              ReadMarketInput(args.files, args.grouped, issues,
                                              [&](market::Process&& p) { builder.Add(p); }));
    (void)summary;
  }
  market::MarketReport report = builder.Finish();
  market::ReferenceNames names = market::ReferenceNames::Load(args.reference_dir);
  std::string out = args.json ? market::ReportToJson(report, names).dump(2) + "\n"
                              : market::ReportToText(report, names);
  std::fwrite(out.data(), 1, out.size(), stdout);
  PrintIssueSummary(issues, args.show_issues);
  return Status::Ok();
}

}  // namespace

void AddMarketReportCommand(CLI::App& market, CommandAction* action) {
  auto args = std::make_shared<ReportArgs>();
  args->reference_dir = DefaultReferenceDir();
  CLI::App* cmd = market.add_subcommand(
      "report",
      "Market report for a planned tender: probability of at least two bids, active suppliers "
      "and comparable past tenders");
  cmd->add_option("FILE", args->files,
                  std::string("OCDS (packages, records, releases, JSON Lines; gzip or not) or "
                              "eForms XML files or folders; - for standard input. ") +
                      kFolderHelp);
  cmd->add_option("--cpv", args->query.cpv, "CPV code of the planned tender (2 to 8 digits)")
      ->required();
  cmd->add_option("--region", args->query.region, "NUTS region of the buyer, e.g. NO060");
  cmd->add_option("--buyer", args->query.buyer, "The buyer's id or organisation number");
  cmd->add_option("--db", args->db, "Read processes stored by `market import` instead of files");
  cmd->add_option("--min-comparable", args->query.min_comparable,
                  "Widen the comparison until this many lots compare")
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Print JSON instead of text");
  cmd->add_flag("--grouped", args->grouped,
                "The input is grouped by ocid: merge releases in constant memory");
  cmd->add_option("--reference-dir", args->reference_dir,
                  "Folder of the CPV, NUTS and municipality lists")
      ->capture_default_str();
  cmd->callback([action, args] { *action = [args] { return RunReport(*args); }; });
}

}  // namespace samspill::cli
