#include "cli/market_input.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace samspill::cli {

Result<market::IngestSummary> ReadMarketInput(const std::vector<std::string>& files, bool grouped,
                                              market::IssueLog& issues,
                                              const std::function<void(market::Process&&)>& sink) {
  market::IngestOptions options;
  options.compiler.adjacent_ocids = grouped;
  if (isatty(STDERR_FILENO)) {
    options.progress = [](size_t done, size_t total, uint64_t processes) {
      std::fprintf(stderr, "\rlest %zu av %zu filer, %llu prosesser", done, total,
                   static_cast<unsigned long long>(processes));
      if (done == total) std::fputc('\n', stderr);
    };
  }
  return market::ReadMarketFiles(files, options, issues, sink);
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
