// Splits a ByteSource into batches of whole lines (JSON Lines input), for one parser or for
// several worker threads: each batch is independent, with the number and byte offset of its
// first line so that every message can name its location.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "market/io/byte_source.h"

namespace samspill::market {

// Readable, zeroed bytes after the end of every batch, so that SIMD parsers (simdjson needs
// SIMDJSON_PADDING = 64) may read past the last line without copying it.
inline constexpr size_t kBatchPadding = 64;

// A line that was too long to keep: skipped, and reported.
struct OversizedLine {
  uint64_t line = 0;    // 1-based
  uint64_t offset = 0;  // byte offset of the line's start in the (decompressed) input
  uint64_t bytes = 0;
};

struct LineBatch {
  // Whole lines, each ending with '\n' except perhaps the input's last; followed by
  // kBatchPadding zero bytes that belong to the buffer but not to the data.
  std::string buffer;
  size_t size = 0;
  uint64_t first_line = 1;    // 1-based number of the first line in the batch
  uint64_t first_offset = 0;  // byte offset of the first line in the (decompressed) input
  std::vector<OversizedLine> oversized;  // lines skipped just before or inside this batch

  std::string_view data() const { return std::string_view(buffer.data(), size); }
};

class LineBatcher {
 public:
  // `target_bytes`: about how much a batch holds. A line longer than `max_line_bytes` is
  // skipped (and reported in the batch's `oversized`) so that memory stays bounded.
  explicit LineBatcher(std::unique_ptr<ByteSource> source, size_t target_bytes = 4u << 20,
                       size_t max_line_bytes = 256u << 20);

  // Fills `*batch` with the next lines (reusing its buffer); false at the end of the input.
  Result<bool> Next(LineBatch* batch);

  const ByteSource& source() const { return *source_; }
  uint64_t bytes_read() const { return offset_; }

 private:
  Status Fill(std::string& buffer, size_t want);
  Status SkipRestOfLine(LineBatch* batch, uint64_t line, uint64_t line_offset,
                        uint64_t bytes_so_far);

  std::unique_ptr<ByteSource> source_;
  size_t target_bytes_;
  size_t max_line_bytes_;
  std::string carry_;  // the start of a line that the previous batch did not finish
  bool eof_ = false;
  uint64_t next_line_ = 1;
  uint64_t offset_ = 0;  // decompressed bytes handed out in batches (and skipped)
  std::vector<OversizedLine> pending_oversized_;
};

// Calls fn(line, line_number, byte_offset) for every line of a batch, without its '\n' or a
// trailing '\r'. Empty lines are passed too (callers usually skip them).
template <typename Fn>
void ForEachLine(const LineBatch& batch, Fn&& fn) {
  const char* p = batch.buffer.data();
  const char* end = p + batch.size;
  uint64_t line = batch.first_line;
  uint64_t offset = batch.first_offset;
  while (p < end) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* stop = nl ? nl : end;
    size_t length = static_cast<size_t>(stop - p);
    size_t shown = length;
    if (shown > 0 && p[shown - 1] == '\r') --shown;
    fn(std::string_view(p, shown), line, offset);
    offset += length + (nl ? 1 : 0);
    ++line;
    p = nl ? nl + 1 : end;
  }
}

}  // namespace samspill::market
