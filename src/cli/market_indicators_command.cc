// `samspill market indicators` and `samspill market coverage`: OCP cardinal's red flags and
// field coverage over JSON Lines of compiled OCDS releases, with cardinal's output. The
// JSON goes to stdout exactly as cardinal prints it; warnings, the bad-data summary and
// progress (on a terminal) go to stderr.
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/market_input.h"
#include "market/market.h"

namespace samspill::cli {
namespace {

using market::cardinal::BadDataLog;

std::string SourceName(const std::string& path) { return path == "-" ? "standard input" : path; }

void PrintBadData(const BadDataLog& log, const std::string& path) {
  const std::string summary = log.Summary(SourceName(path));
  if (!summary.empty()) std::fputs(summary.c_str(), stderr);
}

// cardinal reads JSON Lines: in a folder, only files that begin with a JSON object.
std::string ReadableAsJsonLines(market::InputKind kind) {
  switch (kind) {
    case market::InputKind::kJson:
      return "";
    case market::InputKind::kXml:
      return "eForms XML, not JSON Lines of compiled releases";
    case market::InputKind::kEmpty:
      return "the file is empty";
    case market::InputKind::kUnknown:
      return "not JSON Lines";
  }
  return "unknown kind";
}

void WriteLine(const std::string& json) {
  std::fwrite(json.data(), 1, json.size(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace

void AddMarketIndicatorsCommands(CLI::App& market, CommandAction* action) {
  struct Flags {
    std::string settings;
    std::vector<std::string> files;
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
  cmd->add_option("FILE", flags->files,
                  std::string("Compiled releases as JSON Lines (gzip detected), or - for standard "
                              "input; several files are read as one, in the order given. ") +
                      kFolderHelp)
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
      SAMSPILL_ASSIGN_OR_RETURN(market::InputFiles files,
                                ListMarketInput(flags->files, ReadableAsJsonLines));
      market::cardinal::IndicatorsOptions options;
      options.output.meta = !flags->no_meta;
      options.output.maps = flags->map;
      options.threads = flags->threads;
      ProgressLine progress(files.has_stdin ? 0 : files.bytes);
      options.progress = [&progress](uint64_t read, size_t done) { progress.Update(read, done); };
      auto result = market::cardinal::RunIndicatorsOverFiles(files.paths, *settings, options);
      progress.Clear();
      if (!result.ok()) return result.status();
      WriteLine(result->json);
      for (const market::cardinal::InputResult& input : result->inputs) {
        PrintBadData(input.bad_data, input.name);
      }
      if (settings->info_currency_mismatches && result->currency_mismatches > 0) {
        std::fprintf(stderr, "info: %llu bids skipped: not in the main currency\n",
                     static_cast<unsigned long long>(result->currency_mismatches));
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
