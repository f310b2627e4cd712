// `samspill portfolio import-csv|export-csv|export-xlsx|duplicates|report-svg`: the partnership
// portfolio from a terminal, through the same PortfolioService as the pages and the API. Runs
// as the system on the database file. Exit codes: 0 done, 65 the input has errors (every row
// and column is printed; nothing was imported), 66 a file is missing, 64 wrong usage.
#include <cmath>
#include <cstdio>
#include <fstream>

#include "app/portfolio_service.h"
#include "cli/commands.h"
#include "common/clock.h"
#include "portfolio/xlsx/portfolio_xlsx.h"
#include "store/sqlite/sqlite_store.h"

namespace samspill::cli {
namespace {

constexpr size_t kMaxCsvBytes = 16 << 20;

struct PortfolioFlags {
  std::string db = "samspill.db";
  std::string file;
  std::string what = "projects";
  std::string out = "-";
  std::string out_dir = ".";
  std::string category;
};

Status WriteOutput(const std::string& path, const std::string& data) {
  if (path == "-") {
    std::fwrite(data.data(), 1, data.size(), stdout);
    return Status::Ok();
  }
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) return Unavailable("cannot write '" + path + "'");
  return Status::Ok();
}

template <typename Fn>
Status WithService(const PortfolioFlags& flags, Fn fn) {
  SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::OpenSqliteStore(flags.db));
  SystemClock clock;
  app::PortfolioService portfolio(*store, clock);
  return fn(portfolio);
}

Status ImportCsv(const PortfolioFlags& flags) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string csv, ReadInput(flags.file, kMaxCsvBytes));
  return WithService(flags, [&](app::PortfolioService& portfolio) -> Status {
    const app::Actor system = app::Actor::System();
    SAMSPILL_ASSIGN_OR_RETURN(app::ImportOutcome outcome,
                              flags.what == "indicators"
                                  ? portfolio.ImportIndicatorsCsv(system, csv)
                                  : portfolio.ImportProjectsCsv(system, csv));
    for (const auto& e : outcome.errors) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    if (!outcome.errors.empty()) {
      return InvalidArgument(std::to_string(outcome.errors.size()) + " errors in '" + flags.file +
                             "'; nothing was imported");
    }
    std::printf("imported %d %s\n", outcome.imported, flags.what.c_str());
    for (const auto& d : outcome.duplicates) {
      std::printf("probable duplicate (%.2f): #%lld %s ~ #%lld %s\n", d.score,
                  static_cast<long long>(d.project_id), d.project_name.c_str(),
                  static_cast<long long>(d.other_id), d.other_name.c_str());
    }
    return Status::Ok();
  });
}

Status ExportCsv(const PortfolioFlags& flags) {
  return WithService(flags, [&](app::PortfolioService& portfolio) -> Status {
    SAMSPILL_ASSIGN_OR_RETURN(std::string csv,
                              flags.what == "attainment"
                                  ? portfolio.AttainmentCsv(app::Actor::System())
                                  : portfolio.ExportProjectsCsv(app::Actor::System()));
    return WriteOutput(flags.out, csv);
  });
}

Status ExportXlsx(const PortfolioFlags& flags) {
  return WithService(flags, [&](app::PortfolioService& portfolio) -> Status {
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::Project> projects,
                              portfolio.Projects(app::Actor::System()));
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<portfolio::Indicator> indicators,
                              portfolio.Indicators(app::Actor::System()));
    SAMSPILL_RETURN_IF_ERROR(portfolio::WritePortfolioXlsx(flags.out, projects, indicators,
                                                           portfolio.settings().period));
    std::printf("wrote %s\n", flags.out.c_str());
    return Status::Ok();
  });
}

Status Duplicates(const PortfolioFlags& flags) {
  return WithService(flags, [&](app::PortfolioService& portfolio) -> Status {
    SAMSPILL_ASSIGN_OR_RETURN(app::DuplicateReport report,
                              portfolio.Duplicates(app::Actor::System()));
    for (const app::DuplicatePair& pair : report.pairs) {
      const portfolio::DuplicateMatch& m = pair.match;
      std::printf("%.2f  #%lld %s  ~  #%lld %s\n", std::round(m.score * 100) / 100,
                  static_cast<long long>(m.project_id), m.project_name.c_str(),
                  static_cast<long long>(m.other_id), m.other_name.c_str());
      for (const std::string& reason : m.reasons) std::printf("      - %s\n", reason.c_str());
    }
    std::printf("%zu probable duplicate pairs among %zu projects\n", report.pairs.size(),
                report.projects_checked);
    return Status::Ok();
  });
}

Status ReportSvg(const PortfolioFlags& flags) {
  return WithService(flags, [&](app::PortfolioService& portfolio) -> Status {
    const app::Actor system = app::Actor::System();
    std::vector<std::string> categories;
    if (flags.category.empty()) {
      SAMSPILL_ASSIGN_OR_RETURN(categories, portfolio.Categories(system));
    } else {
      categories.push_back(flags.category);
    }
    if (categories.empty()) return NotFound("no indicators in the database");
    for (const std::string& category : categories) {
      SAMSPILL_ASSIGN_OR_RETURN(std::string svg, portfolio.CategorySvg(system, category, true));
      std::string file;
      for (char c : category) file += (c == ' ' || c == '/') ? '-' : c;
      const std::string path = flags.out_dir + "/maltall-" + file + ".svg";
      SAMSPILL_RETURN_IF_ERROR(WriteOutput(path, svg));
      std::printf("wrote %s\n", path.c_str());
    }
    return Status::Ok();
  });
}

}  // namespace

void AddPortfolioCommand(CLI::App& app, CommandAction* action) {
  auto flags = std::make_shared<PortfolioFlags>();
  auto* cmd = app.add_subcommand(
      "portfolio", "The partnership portfolio: import, export, duplicates, target charts");
  cmd->require_subcommand(1);
  auto db = [&](CLI::App* sub) {
    sub->add_option("--db", flags->db, "SQLite database file")->capture_default_str();
  };

  auto* import = cmd->add_subcommand(
      "import-csv",
      "Import projects or indicators from CSV (all rows or none; errors name the "
      "row and column)");
  import->add_option("FILE", flags->file, "CSV file (\"-\" for stdin)")->required();
  import->add_option("--what", flags->what, "projects or indicators")
      ->check(CLI::IsMember({"projects", "indicators"}))
      ->capture_default_str();
  db(import);
  import->callback([action, flags] { *action = [flags] { return ImportCsv(*flags);
};
}  // namespace samspill::cli
);

auto* export_csv =
    cmd->add_subcommand("export-csv", "Export the register or the attainment table as CSV");
export_csv->add_option("--what", flags->what, "projects or attainment")
    ->check(CLI::IsMember({"projects", "attainment"}))
    ->capture_default_str();
export_csv->add_option("--out", flags->out, "Output file (\"-\" for stdout)")
    ->capture_default_str();
db(export_csv);
export_csv->callback([action, flags] { *action = [flags] { return ExportCsv(*flags); }; });

auto* xlsx = cmd->add_subcommand("export-xlsx", "Export projects and targets as an Excel workbook");
xlsx->add_option("--out", flags->out, "Output .xlsx file")->required();
db(xlsx);
xlsx->callback([action, flags] { *action = [flags] { return ExportXlsx(*flags); }; });

auto* dups = cmd->add_subcommand("duplicates", "Report probable duplicate projects with reasons");
db(dups);
dups->callback([action, flags] { *action = [flags] { return Duplicates(*flags); }; });

auto* svg = cmd->add_subcommand("report-svg", "Write the target charts per category as SVG files");
svg->add_option("--category", flags->category, "One category (default: all)");
svg->add_option("--out-dir", flags->out_dir, "Folder for the SVG files")->capture_default_str();
db(svg);
svg->callback([action, flags] { *action = [flags] { return ReportSvg(*flags); }; });
}

}  // namespace samspill::cli
