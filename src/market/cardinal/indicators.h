// Running the red-flag indicators over a JSON Lines file of compiled releases, as
// `ocdscardinal indicators -s SETTINGS FILE` does, on several threads.
//
// The reader thread cuts the input into line batches (market/io); each worker thread owns
// one simdjson parser and one Accumulator; the accumulators are merged once at the end, so
// memory holds a few batches plus the indicators' own per-process results, never the input.
// The output does not depend on the thread count (see accumulator.h); without the `currency`
// setting the first-observed currency is taken per batch, cardinal's per-partition slot.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "market/cardinal/accumulator.h"
#include "market/cardinal/bad_data.h"
#include "market/cardinal/settings.h"
#include "market/io/byte_source.h"

namespace samspill::market::cardinal {

struct IndicatorsOptions {
  OutputOptions output;
  int threads = 0;                // 0: std::thread::hardware_concurrency()
  size_t batch_bytes = 4u << 20;  // bytes per line batch
  // Called from the reading thread about every 64 MiB with the bytes read so far.
  std::function<void(uint64_t raw_bytes_read, uint64_t raw_size)> progress;
};

struct IndicatorsResult {
  std::string json;  // cardinal's output, one line, no trailing newline
  uint64_t lines = 0;
  uint64_t bytes = 0;     // decompressed input bytes
  uint64_t releases = 0;  // lines that passed the global rules
  uint64_t currency_mismatches = 0;
  BadDataLog bad_data;
};

// Reads all of `source`. Bad lines are counted in the result's bad_data, never fatal; an
// unreadable source (I/O or gzip error) is.
Result<IndicatorsResult> RunIndicators(std::unique_ptr<ByteSource> source, const Settings& settings,
                                       const IndicatorsOptions& options);

}  // namespace samspill::market::cardinal
