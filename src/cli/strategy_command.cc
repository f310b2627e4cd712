// `samspill strategy`: the yearly tendering strategy from a terminal, with the functions the pages
// and the API use (strategy/):
// - `iku FILE`: a register (strategy/strategy_json.h) → the municipality's IKU per year, each
//   area's, the national line and every political target's yearly attainment, as JSON;
// - `peers FILE`: other municipalities' IKU from the national key figures' CSV
//   (strategy/iku_peers.h) → the figures as JSON, or the line and column in error;
// - `priorities FILE`: a priority list → its ranking with scores, reasons and sensitivity;
// - `plan --db PATH --format csv|xlsx|ocds`: the published procurement plan (the latest
//   version, or --plan-version N) as suppliers download it.
#include <cstdio>
#include <memory>

#include "app/strategy_service.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "store/sqlite/sqlite_store.h"
#include "strategy/iku_peers.h"
#include "strategy/plan_export.h"
#include "strategy/strategy_json.h"

namespace samspill::cli {
namespace {

Status Print(const nlohmann::json& doc, bool compact) {
  const std::string out =
      doc.dump(compact ? -1 : 2, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
  return Status::Ok();
}

Status InFile(const Status& s, const std::string& file) {
  const std::string source = file == "-" ? "standard input" : file;
  return Status(s.code(), source + ": " + s.message(), s.field());
}

Status RunIku(const std::string& file, bool compact) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadInput(file, strategy::kMaxStrategyJsonBytes));
  Result<strategy::StrategyRegister> reg = strategy::ParseRegisterJson(text);
  if (!reg.ok()) return InFile(reg.status(), file);
  const std::vector<strategy::IkuPoint> total = strategy::TotalIku(reg->areas);
  nlohmann::json areas = nlohmann::json::array();
  for (const strategy::TaskArea& a : reg->areas) {
    areas.push_back(
        {{"id", a.id}, {"name", a.name}, {"iku", strategy::IkuJson(strategy::AreaIku(a))}});
  }
  nlohmann::json targets = nlohmann::json::array();
  for (const strategy::PoliticalTarget& t : reg->targets) {
    targets.push_back(strategy::TargetAttainmentJson(t, strategy::TargetAttainment(t, total)));
  }
  nlohmann::json national = nlohmann::json::array();
  for (const strategy::NationalIku& n : strategy::NationalIkuLine()) {
    national.push_back({{"year", n.year}, {"iku", n.iku}});
  }
  return Print({{"municipality", reg->municipality},
                {"iku", strategy::IkuJson(total)},
                {"areas", areas},
                {"national_iku", national},
                {"national_iku_source", strategy::NationalIkuSource()},
                {"targets", targets}},
               compact);
}

Status RunPeers(const std::string& file, bool compact) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadInput(file, size_t{16} << 20));
  Result<std::vector<strategy::PeerFigure>> peers = strategy::ParsePeerIkuCsv(text);
  if (!peers.ok()) return InFile(peers.status(), file);
  nlohmann::json out = nlohmann::json::array();
  for (const strategy::PeerFigure& p : *peers) {
    out.push_back(
        {{"municipality", p.municipality}, {"code", p.code}, {"year", p.year}, {"iku", p.iku}});
  }
  return Print({{"peers", out}}, compact);
}

Status RunPriorities(const std::string& file, bool compact) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string text, ReadInput(file, strategy::kMaxStrategyJsonBytes));
  Result<strategy::PriorityList> list = strategy::ParsePriorityListJson(text);
  if (!list.ok()) return InFile(list.status(), file);
  return Print(strategy::PriorityRankingJson(*list, strategy::RankPriorities(*list)), compact);
}

struct PlanFlags {
  std::string db = "samspill.db";
  std::string format = "csv";
  int64_t version = 0;
  bool english = false;
  std::string out;
};

Status RunPlan(const PlanFlags& flags) {
  if (flags.format != "csv" && flags.format != "xlsx" && flags.format != "ocds") {
    return InvalidArgument("is '" + flags.format + "'; choose csv, xlsx or ocds", "--format");
  }
  if (flags.format == "xlsx" && flags.out.empty()) {
    return InvalidArgument("an xlsx workbook is written to a file: give -o FILE", "--out");
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::OpenSqliteStore(flags.db));
  SystemClock clock;
  app::StrategyService strategy(*store, clock);
  SAMSPILL_ASSIGN_OR_RETURN(
      strategy::PublishedPlan plan,
      strategy.PublishedPlan(flags.version > 0 ? std::optional<int64_t>(flags.version)
                                               : std::nullopt));
  std::string bytes;
  if (flags.format == "csv") bytes = strategy::PlanCsv(plan, flags.english);
  if (flags.format == "xlsx") {
    SAMSPILL_ASSIGN_OR_RETURN(bytes, strategy::PlanXlsx(plan, flags.english));
  }
  if (flags.format == "ocds") {
    bytes = strategy::PlanOcdsPackage(plan, strategy.OcdsOptions(plan)).dump(2) + "\n";
  }
  if (flags.out.empty()) {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return Status::Ok();
  }
  std::FILE* f = std::fopen(flags.out.c_str(), "wb");
  if (f == nullptr) return InvalidArgument("cannot be written", flags.out);
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) {
    std::remove(flags.out.c_str());
    return Internal("writing " + flags.out + " failed; nothing was kept");
  }
  return Status::Ok();
}

}  // namespace

void AddStrategyCommand(CLI::App& app, CommandAction* action) {
  auto* strategy = app.add_subcommand(
      "strategy", "The yearly tendering strategy: IKU, political targets, priorities, the plan");
  strategy->require_subcommand(1);
  auto compact = std::make_shared<bool>(false);

  auto* iku = strategy->add_subcommand(
      "iku",
      "The municipality's IKU per year (summed amounts, then the ratio), each area's, the "
      "national line and the political targets' yearly attainment, as JSON");
  auto iku_file = std::make_shared<std::string>();
  iku->add_option("FILE", *iku_file, "Strategy register JSON file, or - for standard input")
      ->required();
  iku->add_flag("--compact", *compact, "Print on one line");
  iku->callback([action, iku_file, compact] {
    *action = [iku_file, compact]() { return RunIku(*iku_file, *compact); };
  });

  auto* peers = strategy->add_subcommand(
      "peers",
      "Read other municipalities' IKU from the national key figures' CSV (wide: Kommune;2019;…, "
      "or long: kommune, år, iku) and print them as JSON, or the line and column in error");
  auto peers_file = std::make_shared<std::string>();
  peers->add_option("FILE", *peers_file, "CSV file, or - for standard input")->required();
  peers->add_flag("--compact", *compact, "Print on one line");
  peers->callback([action, peers_file, compact] {
    *action = [peers_file, compact]() { return RunPeers(*peers_file, *compact); };
  });

  auto* prio = strategy->add_subcommand(
      "priorities",
      "Rank a budget year's candidate areas on volume and gain, others' experience, market "
      "robustness and own history, with reasons and the stability of the top, as JSON");
  auto prio_file = std::make_shared<std::string>();
  prio->add_option("FILE", *prio_file, "Priority list JSON file, or - for standard input")
      ->required();
  prio->add_flag("--compact", *compact, "Print on one line");
  prio->callback([action, prio_file, compact] {
    *action = [prio_file, compact]() { return RunPriorities(*prio_file, *compact); };
  });

  auto flags = std::make_shared<PlanFlags>();
  auto* plan = strategy->add_subcommand(
      "plan", "The published procurement plan as suppliers download it: CSV, xlsx or OCDS");
  plan->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  plan->add_option("--format", flags->format, "csv, xlsx or ocds")->capture_default_str();
  plan->add_option("--plan-version", flags->version, "The published version (default: the latest)");
  plan->add_flag("--english", flags->english, "Column names in English (csv, xlsx)");
  plan->add_option("-o,--out", flags->out, "Write to this file (required for xlsx)");
  plan->callback([action, flags] { *action = [flags]() { return RunPlan(*flags); }; });
}

}  // namespace samspill::cli
