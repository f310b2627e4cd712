#include "cli/market_input.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "common/format_nb.h"

namespace samspill::cli {

Result<market::InputFiles> ListMarketInput(const std::vector<std::string>& arguments,
                                           const market::InputKindFilter& filter) {
  market::InputFiles files = market::ExpandInputFolders(arguments, filter);
  for (const market::SkippedInput& skipped : files.skipped) {
    std::fprintf(stderr, "skipped %s: %s\n", skipped.path.c_str(), skipped.reason.c_str());
  }
  if (files.paths.empty()) {
    std::string given;
    for (const std::string& a : arguments) given += (given.empty() ? "" : ", ") + a;
    return NotFound("no file to read in " + given);
  }
  return files;
}

ProgressLine::ProgressLine(uint64_t total_bytes)
    : terminal_(isatty(STDERR_FILENO) == 1),
      total_bytes_(total_bytes),
      started_(Clock::now()),
      shown_at_(started_) {}

void ProgressLine::Update(uint64_t bytes_read, size_t files_done) {
  if (!terminal_) return;
  const Clock::time_point now = Clock::now();
  if (now - started_ < std::chrono::seconds(1)) return;
  if (shown_width_ > 0 && now - shown_at_ < std::chrono::milliseconds(200)) return;
  shown_at_ = now;
  std::string text = "lest " + GroupDigits(static_cast<int64_t>(bytes_read >> 20));
  if (total_bytes_ > 0) text += " / " + GroupDigits(static_cast<int64_t>(total_bytes_ >> 20));
  text += " MB, " + GroupDigits(static_cast<int64_t>(files_done)) +
          (files_done == 1 ? " fil" : " filer");
  // Pad over a longer earlier line.
  const size_t width = text.size();
  if (width < shown_width_) text.append(shown_width_ - width, ' ');
  std::fprintf(stderr, "\r%s", text.c_str());
  std::fflush(stderr);
  shown_width_ = width;
}

void ProgressLine::Clear() {
  if (shown_width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(shown_width_, ' ').c_str());
  std::fflush(stderr);
  shown_width_ = 0;
}

Result<market::IngestSummary> ReadMarketInput(const std::vector<std::string>& arguments,
                                              bool grouped, market::IssueLog& issues,
                                              const std::function<void(market::Process&&)>& sink) {
  SAMSPILL_ASSIGN_OR_RETURN(market::InputFiles files,
                            ListMarketInput(arguments, market::ReadableByIngest));
  market::IngestOptions options;
  options.compiler.adjacent_ocids = grouped;
  ProgressLine progress(files.has_stdin ? 0 : files.bytes);
  options.progress = [&progress](const market::IngestProgress& p) {
    progress.Update(p.bytes_read, p.files_done);
  };
  Result<market::IngestSummary> summary =
      market::ReadMarketFiles(files.paths, options, issues, sink);
  progress.Clear();
  return summary;
}

void PrintIssueSummary(const market::IssueLog& issues, size_t show) {
  if (issues.total() == 0) return;
  std::string kinds;
  for (const auto& [kind, n] : issues.counts()) {
    kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(n);
  }
  std::fprintf(stderr, "%llu datafeil (%s)\n", static_cast<unsigned long long>(issues.total()),
               kinds.c_str());
  for (size_t i = 0; i < issues.kept().size() && i < show; ++i) {
    std::fprintf(stderr, "  %s\n", issues.kept()[i].ToString().c_str());
  }
}

std::string DefaultReferenceDir() {
  if (const char* shared = std::getenv("SAMSPILL_SHARED_DIR")) {
    return std::string(shared) + "/data/reference";
  }
  return std::string(SAMSPILL_SHARED_DIR) + "/data/reference";
}

}  // namespace samspill::cli
