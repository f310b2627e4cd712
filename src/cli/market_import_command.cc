// `samspill market import --db PATH FILE...`: reads market data files and stores the
// normalised processes, so pages and `market report --db` can use them later. One
// transaction for the whole import: an interrupted or failed import leaves nothing behind.
// The processes are held in memory until that transaction (about 1–2 kB each).
#include <cstdio>

#include "cli/commands.h"
#include "cli/market_input.h"
#include "common/clock.h"
#include "market/model/process_json.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::cli {

namespace {

struct ImportArgs {
  std::vector<std::string> files;
  std::string db;
  bool grouped = false;
  size_t show_issues = 5;
};

store::StoredMarketProcess ToStored(const market::Process& p) {
  store::StoredMarketProcess s;
  s.process_key =
      std::string(p.format == market::SourceFormat::kEforms ? "eforms:" : "ocds:") + p.id;
  s.source = p.source;
  s.buyer = p.buyer.org_number.empty() ? p.buyer.id : p.buyer.org_number;
  s.region = p.region;
  s.published = p.published;
  s.document_json =
      market::ProcessToJson(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  for (const market::Lot& lot : p.lots) {
    s.lots.push_back({lot.id, lot.cpv.empty() ? p.cpv : lot.cpv,
                      lot.bidders ? std::optional<int64_t>(*lot.bidders) : std::nullopt,
                      static_cast<int>(lot.bidder_source)});
  }
  return s;
}

Status RunImport(const ImportArgs& args) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db, store::OpenSqliteStore(args.db));
  market::IssueLog issues;
  std::vector<store::StoredMarketProcess> rows;
  SAMSPILL_ASSIGN_OR_RETURN(
      market::IngestSummary summary,
      ReadMarketInput(args.files, args.grouped, issues,
                      [&](market::Process&& p) { rows.push_back(ToStored(p)); }));
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
