// The market engine's front door for input: reads files (or "-" for stdin; plain or gzip) of
// any supported format — OCDS in all its shapes, or eForms XML notices — and hands on one
// normalised Process per contracting process. The format is recognised by content (a
// leading '<' is XML), not by file name. Releases are merged across all the files of a call
// (release_compiler.h explains the memory this costs). Not thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "market/eforms/eforms_reader.h"
#include "market/ingest/input_kind.h"
#include "market/model/data_issue.h"
#include "market/model/duplicates.h"
#include "market/model/process.h"
#include "market/ocds/ocds_reader.h"
#include "market/ocds/release_compiler.h"

namespace samspill::market {

struct IngestProgress {
  size_t files_done = 0;    // inputs read to the end
  size_t files = 0;         // inputs in the call
  uint64_t bytes_read = 0;  // taken from the inputs so far (compressed bytes for gzip)
  uint64_t processes = 0;   // handed on so far
};

struct IngestOptions {
  CompilerOptions compiler;
  OcdsReadOptions ocds;
  EformsOptions eforms;
  // Count a process published both as an eForms notice and as OCDS once: the later one is
  // skipped with a "duplicate_across_formats" issue (model/duplicates.h).
  bool deduplicate_across_formats = true;
  // Called after every read from an input and after each file: keep it cheap.
  std::function<void(const IngestProgress&)> progress;
};

struct FileSummary {
  std::string path;
  std::string format;  // as in OcdsFileStats, or "eforms"
  uint64_t releases = 0;
  uint64_t records = 0;
};

struct IngestSummary {
  std::vector<FileSummary> files;
  uint64_t processes = 0;
  uint64_t cross_format_duplicates = 0;  // skipped, not in `processes`
};

// An unreadable file (missing, corrupt gzip) stops the call with its Status (kNotFound,
// kInvalidArgument); problems inside the data are issues and the run goes on.
Result<IngestSummary> ReadMarketFiles(const std::vector<std::string>& paths,
                                      const IngestOptions& options, IssueLog& issues,
                                      const std::function<void(Process&&)>& sink);

// The same for one input already open (an upload held in memory: MemoryByteSource).
Result<IngestSummary> ReadMarketSource(std::unique_ptr<ByteSource> source,
                                       const IngestOptions& options, IssueLog& issues,
                                       const std::function<void(Process&&)>& sink);

}  // namespace samspill::market
