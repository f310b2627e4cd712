// Running the red-flag indicators over a JSON Lines file of compiled releases, as
// `ocdscardinal indicators -s SETTINGS FILE` does, on several threads.
//
// The input is cut into line batches aligned to 4 MiB chunks of its bytes (market/io): for a
// regular file every worker thread reads its own chunks with pread, so reading scales with
// the threads; for gzip, pipes and stdin one reader thread cuts the batches. Each worker owns
// one simdjson parser and one Accumulator; the accumulators are merged once at the end, so
// memory holds a few batches plus the indicators' own per-process results, never the input.
// The output does not depend on the thread count or the path (see accumulator.h); without
// the `currency` setting the first-observed currency is taken per chunk, cardinal's
// per-partition slot.
//
// Several inputs (RunIndicatorsOverFiles) are read one after the other into the same
// indicators, as if their lines were one file: chunks and lines are numbered on across the
// inputs, so "a later line wins" and the first-observed currency follow the inputs' order.
// Bad lines are reported per input, with the input's own line numbers.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "market/cardinal/accumulator.h"
#include "market/cardinal/bad_data.h"
#include "market/cardinal/settings.h"
#include "market/io/byte_source.h"

namespace samspill::market::cardinal {

struct IndicatorsOptions {
  OutputOptions output;
  int threads = 0;                // 0: std::thread::hardware_concurrency()
  size_t batch_bytes = 4u << 20;  // bytes per chunk (line batch)
  // Read a regular file with one reader thread too, as gzip and pipes are (tests, benchmarks).
  bool sequential = false;
  // Called from the calling thread now and then (about every 200 ms, or every batch when
  // one reader thread reads) with the bytes read so far from all inputs (compressed bytes
  // for gzip) and the number of inputs read to the end.
  std::function<void(uint64_t raw_bytes_read, size_t inputs_done)> progress;
};

// What one input gave.
struct InputResult {
  std::string name;  // as the ByteSource names it
  uint64_t lines = 0;
  uint64_t bytes = 0;   // decompressed
  BadDataLog bad_data;  // lines numbered within this input
};

struct IndicatorsResult {
  std::string json;  // cardinal's output, one line, no trailing newline
  uint64_t lines = 0;
  uint64_t bytes = 0;     // decompressed input bytes
  uint64_t releases = 0;  // lines that passed the global rules
  uint64_t currency_mismatches = 0;
  // With one input, that input's bad data. With several, the counts of all; their samples'
  // line numbers are each input's own, so print `inputs` instead.
  BadDataLog bad_data;
  std::vector<InputResult> inputs;  // in the order read
  // Wall seconds of the phases: reading and folding (parallel), merging the workers' states
  // and writing the output (both serial). For the benchmark.
  double seconds_reading = 0, seconds_merging = 0, seconds_writing = 0;
};

// Reads all of `source`. Bad lines are counted in the result's bad_data, never fatal; an
// unreadable source (I/O or gzip error) is.
Result<IndicatorsResult> RunIndicators(std::unique_ptr<ByteSource> source, const Settings& settings,
                                       const IndicatorsOptions& options);

// Reads the files `paths` ("-" for standard input) in order, opening each only when its turn
// comes, as one input made of their lines. The first file that cannot be opened or read
// stops the run with its Status.
Result<IndicatorsResult> RunIndicatorsOverFiles(const std::vector<std::string>& paths,
                                                const Settings& settings,
                                                const IndicatorsOptions& options);

}  // namespace samspill::market::cardinal
