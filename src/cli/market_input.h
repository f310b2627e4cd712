// Shared by the market commands: their input arguments with folders walked (the files that
// cannot be read named on stderr and skipped), a progress line on a terminal, reading market
// files, and the data-issue summary on stderr.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "market/ingest/ingest.h"
#include "market/ingest/input_files.h"

namespace samspill::cli {

// The sentence the market commands' help gives about folders.
inline constexpr const char* kFolderHelp =
    "A folder is read with all the files under it, in sorted order (links to folders are not "
    "followed); a file there that cannot be read or is of another kind is named on stderr "
    "(\"skipped FILE: reason\") and left out, and the command succeeds if any file was read.";

// Expands the folders among `arguments` (market/ingest/input_files.h), names each skipped file
// on stderr, and fails with kNotFound when no file is left to read.
Result<market::InputFiles> ListMarketInput(const std::vector<std::string>& arguments,
                                           const market::InputKindFilter& filter);

// "lest 1 234 / 5 678 MB, 12 filer" on stderr, rewritten in place: only when stderr is a
// terminal and only once the input has taken more than a second, so pipes and quick runs stay
// clean. Cleared by Clear() or at destruction. Not thread-safe: call from one thread.
class ProgressLine {
 public:
  // `total_bytes` 0: the size is not known (standard input).
  explicit ProgressLine(uint64_t total_bytes);
  ~ProgressLine() { Clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void Update(uint64_t bytes_read, size_t files_done);
  void Clear();

 private:
  using Clock = std::chrono::steady_clock;
  bool terminal_;
  uint64_t total_bytes_;
  Clock::time_point started_;
  Clock::time_point shown_at_;
  size_t shown_width_ = 0;  // characters on the line now; 0 when nothing is shown
};

// Reads `arguments` (files, folders, "-"), with progress on a terminal.
Result<market::IngestSummary> ReadMarketInput(const std::vector<std::string>& arguments,
                                              bool grouped, market::IssueLog& issues,
                                              const std::function<void(market::Process&&)>& sink);

// "12 datafeil (invalid_json 3, …)" and the first few with their locations, on stderr.
void PrintIssueSummary(const market::IssueLog& issues, size_t show);

// The shared reference lists: $SAMSPILL_SHARED_DIR/data/reference, else the build's default.
std::string DefaultReferenceDir();

}  // namespace samspill::cli
