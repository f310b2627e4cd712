// Where market data comes from: a file or stdin, plain or gzip-compressed.
//
// Sources are read in chunks, so memory never depends on the size of the input (files larger
// than RAM are fine). Gzip is recognised by its magic bytes, not by the file name, and
// concatenated gzip members (as `cat a.gz b.gz` makes) are read as one stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"

namespace samspill::market {

class ByteSource {
 public:
  virtual ~ByteSource() = default;

  // Reads up to `n` bytes into `out`; returns 0 only at the end of the input. An error
  // (unreadable file, corrupt gzip data) names the source and the offset.
  virtual Result<size_t> Read(char* out, size_t n) = 0;

  // The path as given, or "-" for stdin: used in every message about this input.
  virtual const std::string& name() const = 0;

  // Bytes taken from the underlying file so far (compressed bytes for gzip) and the file's
  // size when it is known (0 for a pipe): together they give progress.
  virtual uint64_t raw_bytes_read() const = 0;
  virtual uint64_t raw_size() const = 0;

  // When the source's bytes are exactly those of a regular file (not compressed, not a
  // pipe), the file's descriptor: while the source lives, any thread may pread(2) the file at
  // any offset (LineChunks). -1 otherwise.
  virtual int positional_fd() const { return -1; }
};

// Opens `path` ("-" for stdin). Gzip input is decompressed transparently.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);

// `prefix` (bytes already taken from `inner`, e.g. to recognise a format) followed by the rest
// of `inner`; name, position and size are `inner`'s.
std::unique_ptr<ByteSource> PrefixedByteSource(std::string prefix,
                                               std::unique_ptr<ByteSource> inner);

// A source over bytes in memory (tests, fuzz targets, HTTP uploads); gzip is detected too.
std::unique_ptr<ByteSource> MemoryByteSource(std::string data, std::string name);

}  // namespace samspill::market
