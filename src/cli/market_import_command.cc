// `samspill market import --db PATH FILE...`: reads market data files and stores the
// normalised processes, so pages and `market report --db` can use them later. One
// transaction for the whole import: an interrupted or failed import leaves nothing behind.
// The processes are held in memory until that transaction (about 1–2 kB each).
#include <cstdio>

#include "app/market_service.h"
#include "cli/commands.h"
#include "cli/market_input.h"
#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::cli {

namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string db;
  bool grouped = false;
  size_t show_issues = 5;
};

Status RunImport(const ImportArgs& args) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, store::OpenSqliteStore(args.db));
  market::IssueLog issues;
  std::vector<store::StoredMarketProcess> rows;
  SAMSPILL_ASSIGN_OR_RETURN(
      market::IngestSummary summary,
      ReadMarketInput(args.files, args.grouped, issues,
                      [&](market::Process&& p) { rows.push_back(app::ToStoredMarketProcess(p)); }));
  store::AuditEvent audit;
  audit.at = SystemClock().Now();
  audit.actor = "system";
  audit.action = "market.import";
  audit.entity_type = "market_import";
  audit.after_json = nlohmann::json{
      {"files", summary.files.size()},
      {"processes", rows.size()},
      {"cross_format_duplicates", summary.cross_format_duplicates},
      {"data_issues",
       issues.total()}}.dump();
  SAMSPILL_ASSIGN_OR_RETURN(int64_t written, db->ImportMarketProcesses(rows, audit));
  std::printf("importerte %lld prosesser fra %zu filer til %s\n", static_cast<long long>(written),
              summary.files.size(), args.db.c_str());
  if (summary.cross_format_duplicates > 0) {
    std::printf(
        "%llu prosesser fantes både som eForms-kunngjøring og som OCDS og er telt én gang\n",
        static_cast<unsigned long long>(summary.cross_format_duplicates));
  }
  PrintIssueSummary(issues, args.show_issues);
  return Status::Ok();
}

}  // namespace

void AddMarketImportCommand(CLI::App& market, CommandAction* action) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = market.add_subcommand(
      "import", "Store market data (OCDS or eForms files) in the database for later reports");
  cmd->add_option("FILE", args->files,
                  std::string("OCDS (packages, records, releases, JSON Lines; gzip or not) or "
                              "eForms XML files or folders; - for standard input. ") +
                      kFolderHelp)
      ->required();
  cmd->add_option("--db", args->db, "SQLite database file (created when missing)")->required();
  cmd->add_flag("--grouped", args->grouped,
                "The input is grouped by ocid: merge releases in constant memory");
  cmd->callback([action, args] { *action = [args] { return RunImport(*args); }; });
}

}  // namespace samspill::cli
