// `samspill tender list|export-ocds|protocol`: the tender documents from a terminal — the
// OCDS release package for publication and the procurement protocol (FOA § 25-5) for the
// archive. Runs as the system on the database file: whoever can read that file can read the
// record anyway. Bid contents appear only for opened tenders, as in the API.
#include <cstdio>

#include "app/tender_service.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"
#include "tendering/ocds_export.h"
#include "tendering/protocol_json.h"

namespace samspill::cli {
namespace {

struct TenderFlags {
  std::string db = "samspill.db";
  int64_t id = 0;
  bool html = false;
  bool compact = false;
};

Result<std::unique_ptr<store::Store>> OpenExisting(const std::string& path) {
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
  } else {
    return NotFound("no database file '" + path + "'");
  }
  return store::OpenSqliteStore(path);
}

void Print(const nlohmann::json& doc, bool compact) {
  std::string text =
      doc.dump(compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

Status List(const TenderFlags& flags) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, OpenExisting(flags.db));
  SystemClock clock;
  app::TenderService tenders(*store, clock);
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::TenderSummary> list,
                            tenders.List(app::Actor::System()));
  for (const app::TenderSummary& t : list) {
    std::printf("%lld\t%s\t%s\n", static_cast<long long>(t.id),
                std::string(tendering::TenderStateName(t.state)).c_str(), t.title.c_str());
  }
  return Status::Ok();
}

Status ExportOcds(const TenderFlags& flags) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, OpenExisting(flags.db));
  SystemClock clock;
  app::TenderService tenders(*store, clock);
  SAMSPILL_ASSIGN_OR_RETURN(app::OcdsRelease release, tenders.Ocds(app::Actor::System(), flags.id));
  Print(tendering::ExportOcdsReleasePackage(release.record, release.options), flags.compact);
  return Status::Ok();
}

Status Protocol(const TenderFlags& flags) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, OpenExisting(flags.db));
  SystemClock clock;
  app::TenderService tenders(*store, clock);
  if (flags.html) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string html, tenders.ProtocolHtml(app::Actor::System(), flags.id,
                                                                     /*inline_css=*/true));
    std::fwrite(html.data(), 1, html.size(), stdout);
    return Status::Ok();
  }
  SAMSPILL_ASSIGN_OR_RETURN(tendering::Protocol protocol,
                            tenders.Protocol(app::Actor::System(), flags.id));
  Print(tendering::ProtocolToJson(protocol), flags.compact);
  return Status::Ok();
}

}  // namespace

void AddTenderCommand(CLI::App& app, CommandAction* action) {
  auto flags = std::make_shared<TenderFlags>();
  auto* cmd =
      app.add_subcommand("tender", "Tender documents: OCDS export and procurement protocol");
  cmd->require_subcommand(1);

  auto* list = cmd->add_subcommand("list", "List tenders: id, state, title");
  list->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  list->callback([action, flags] { *action = [flags] { return List(*flags); }; });

  auto* ocds =
      cmd->add_subcommand("export-ocds", "Print the tender as an OCDS 1.1 release package");
  ocds->add_option("ID", flags->id, "Tender id")->required()->check(CLI::PositiveNumber);
  ocds->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  ocds->add_flag("--compact", flags->compact, "One line instead of indented JSON");
  ocds->callback([action, flags] { *action = [flags] { return ExportOcds(*flags); }; });

  auto* protocol = cmd->add_subcommand(
      "protocol", "Print the procurement protocol (FOA § 25-5) as JSON, or --html to print");
  protocol->add_option("ID", flags->id, "Tender id")->required()->check(CLI::PositiveNumber);
  protocol->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  protocol->add_flag("--html", flags->html, "A printable HTML document with its own styles");
  protocol->add_flag("--compact", flags->compact, "One line instead of indented JSON");
  protocol->callback([action, flags] { *action = [flags] { return Protocol(*flags); }; });
}

}  // namespace samspill::cli
