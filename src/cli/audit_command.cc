// `samspill audit verify`: checks the audit trail's hash chain (decision 0018) and prints the
// number of events and the head hash, which an auditor can compare with a copy kept earlier.
// A broken chain exits with 65 (EX_DATAERR) and names the first broken link.
#include <cstdio>

#include "cli/commands.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::cli {
namespace {

struct AuditFlags {
  std::string db = "samspill.db";
};

Status Verify(const AuditFlags& flags) {
  // Opening creates a missing file: verifying an empty new database would say "intact".
  if (FILE* f = std::fopen(flags.db.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return NotFound("no database file '" + flags.db + "'");
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::OpenSqliteStore(flags.db));
  SAMSPILL_ASSIGN_OR_RETURN(store::AuditChainReport report, store->VerifyAuditChain());
  std::printf("events: %lld\n", static_cast<long long>(report.events_checked));
  std::printf("head: event %lld, hash %s\n", static_cast<long long>(report.head_id),
              report.head_hash.c_str());
  if (!report.intact()) {
    return DataLoss("audit trail broken: " + report.first_break->message);
  }
  std::printf("audit trail intact\n");
  return Status::Ok();
}

}  // namespace

void AddAuditCommand(CLI::App& app, CommandAction* action) {
  auto flags = std::make_shared<AuditFlags>();
  auto* cmd = app.add_subcommand("audit", "Check the audit trail");
  cmd->require_subcommand(1);
  auto* verify = cmd->add_subcommand(
      "verify", "Recompute the audit trail's hash chain; print the event count and head hash");
  verify->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  verify->callback([action, flags] { *action = [flags] { return Verify(*flags); }; });
}

}  // namespace samspill::cli
