// `samspill market indicators` and `samspill market coverage`: OCP cardinal's red flags and
// field coverage over JSON Lines of compiled OCDS releases, with cardinal's output. The
// JSON goes to stdout exactly as cardinal prints it; warnings, the bad-data summary and
// progress (on a terminal) go to stderr.
#include <unistd.h>

#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "market/market.h"

namespace samspill::cli {
namespace {

using market::cardinal::BadDataLog;

std::string SourceName(const std::string& path) { return path == "-" ? "standard input" : path; }

void PrintBadData(const BadDataLog& log, const std::string& path) {
  const std::string summary = log.Summary(SourceName(path));
  if (!summary.empty()) std::fputs(summary.c_str(), stderr);
}

void WriteLine(const std::string& json) {
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace

void AddMarketIndicatorsCommands(CLI::App& market, CommandAction* action) {
  struct Flags {
    std::string settings;
    std::string file;
    bool no_meta = false;
    bool map = false;
    int threads = static_cast<int>(std::thread::hardware_concurrency());
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = market.add_subcommand(
      "indicators",
      "Compute the OCP red-flag indicators (R003 R018 R024 R025 R028 R030 R035 R036 R038 R048 "
      "R058) over compiled releases, printing the JSON that `ocdscardinal indicators` prints");
  cmd->add_option("-s,--settings", flags->settings,
                  "Settings file (cardinal's INI: one section per indicator to run)")
      ->required();
  cmd->add_option("FILE", flags->file,
                  "Compiled releases as JSON Lines (gzip detected), or - for standard input")
      ->required();
  cmd->add_flag("--no-meta", flags->no_meta, "Leave out the quartiles and fences (\"Meta\")");
  cmd->add_flag("--map", flags->map, "Add the ocid-to-organisation maps (\"Maps\")");
  cmd->add_option("--threads", flags->threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(1, 256));
  cmd->callback([action, flags] {
    *action = [flags]() -> Status {
      SAMSPILL_ASSIGN_OR_RETURN(std::string ini, ReadInput(flags->settings, 1 << 20));
      Result<market::cardinal::Settings> settings = market::cardinal::ParseSettings(ini);
      if (!settings.ok()) {
        const Status& s = settings.status();
        return Status(s.code(), flags->settings + ": " + s.message(), s.field());
      }
      for (const std::string& w : settings->warnings) {
        std::fprintf(stderr, "warning: %s\n", w.c_str());
      }
      SAMSPILL_ASSIGN_OR_RETURN(auto source, market::OpenByteSource(flags->file));
      market::cardinal::IndicatorsOptions options;
      options.output.meta = !flags->no_meta;
      options.output.maps = flags->map;
      options.threads = flags->threads;
      const bool terminal = isatty(STDERR_FILENO);
      if (terminal) {
        options.progress = [](uint64_t read, uint64_t size) {
          if (size > 0) {
            std::fprintf(stderr, "\r%llu / %llu MB", static_cast<unsigned long long>(read >> 20),
                         static_cast<unsigned long long>(size >> 20));
          } else {
            std::fprintf(stderr, "\r%llu MB", static_cast<unsigned long long>(read >> 20));
          }
          std::fflush(stderr);
        };
      }
      SAMSPILL_ASSIGN_OR_RETURN(
          auto result, market::cardinal::RunIndicators(std::move(source), *settings, options));
      if (terminal && result.bytes >= (64u << 20)) std::fputc('\n', stderr);
      WriteLine(result.json);
      PrintBadData(result.bad_data, flags->file);
      if (settings->info_currency_mismatches && result.currency_mismatches > 0) {
        std::fprintf(stderr, "info: %llu bids skipped: not in the main currency\n",
                     static_cast<unsigned long long>(result.currency_mismatches));
      }
      return Status::Ok();
    };
  });

  auto coverage_file = std::make_shared<std::string>();
  CLI::App* coverage = market.add_subcommand(
      "coverage",
      "Count the non-empty values at every JSON path of a JSON Lines file, as `ocdscardinal "
      "coverage` does");
  coverage->add_option("FILE", *coverage_file, "JSON Lines (gzip detected), or - for stdin")
      ->required();
  coverage->callback([action, coverage_file] {
    *action = [coverage_file]() -> Status {
      SAMSPILL_ASSIGN_OR_RETURN(auto source, market::OpenByteSource(*coverage_file));
      SAMSPILL_ASSIGN_OR_RETURN(auto result, market::cardinal::RunCoverage(std::move(source)));
      WriteLine(result.ToJson());
      PrintBadData(result.bad_data, *coverage_file);
      return Status::Ok();
    };
  });
}

}  // namespace samspill::cli
