// Splits a ByteSource into batches of whole lines (JSON Lines input), for one parser or for
// several worker threads: each batch is independent, with the number and byte offset of its
// first line so that every message can name its location.
//
// Batches are aligned to the input's bytes: with a target of T bytes, a batch holds the lines
// that start in bytes [kT, (k+1)T) of the input, for its chunk number k. So the batches do not
// depend on how the input was read, and a regular file can be cut into the same batches by
// several threads reading their own chunks at once (LineChunks below).
#pragma once

#include <algorithm>
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

// A growable byte buffer whose growth does not zero-fill (std::string::resize writes every
// new byte, which for 4 MiB batches that read() overwrites at once is wasted time). Bytes
// added by Resize are indeterminate until written.
class ByteBuffer {
 public:
  char* data() { return data_.get(); }
  const char* data() const { return data_.get(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  char operator[](size_t i) const { return data_[i]; }
  char back() const { return data_[size_ - 1]; }
  void Resize(size_t n) {
    Reserve(n);
    size_ = n;
  }
  void Assign(std::string_view s) {
    size_ = 0;
    Append(s);
  }
  void Append(std::string_view s) {
    Reserve(size_ + s.size());
    if (!s.empty()) std::memcpy(data_.get() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void AppendZeros(size_t n) {
    Reserve(size_ + n);
    std::memset(data_.get() + size_, 0, n);
    size_ += n;
  }

 private:
  void Reserve(size_t n) {
    if (n <= capacity_) return;
    const size_t capacity = std::max(n, capacity_ + capacity_ / 2);
    std::unique_ptr<char[]> grown(new char[capacity]);  // not value-initialised
    if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
    data_ = std::move(grown);
    capacity_ = capacity;
  }
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

struct LineBatch {
  // The chunk number k (see above): first_offset / the target size.
  uint64_t chunk = 0;
  // Whole lines, each ending with '\n' except perhaps the input's last; followed by
  // kBatchPadding zero bytes that belong to the buffer but not to the data.
  ByteBuffer buffer;
  size_t size = 0;
  uint64_t first_line = 1;    // 1-based number of the first line in the batch
  uint64_t first_offset = 0;  // byte offset of the first line in the (decompressed) input
  std::vector<OversizedLine> oversized;  // lines skipped just before or inside this batch

  std::string_view data() const { return std::string_view(buffer.data(), size); }
};

class LineBatcher {
 public:
  // `target_bytes`: the chunk size T. A line longer than `max_line_bytes` (its newline not
  // counted; never less than T) is skipped and reported in the batch's `oversized`, so that
  // memory stays bounded. `first_line` and `start_offset` number the source's first line and
  // give its offset, for a source that begins inside a larger input (see LineChunks).
  explicit LineBatcher(std::unique_ptr<ByteSource> source, size_t target_bytes = 4u << 20,
                       size_t max_line_bytes = 256u << 20, uint64_t first_line = 1,
                       uint64_t start_offset = 0);

  // Fills `*batch` with the next lines (reusing its buffer); false at the end of the input.
  Result<bool> Next(LineBatch* batch);

  const ByteSource& source() const { return *source_; }
  uint64_t bytes_read() const { return offset_ - start_offset_; }
  // The number the next line would have: first_line + the lines handed out (or skipped).
  uint64_t next_line() const { return next_line_; }

 private:
  Status Fill(ByteBuffer& buffer, size_t want);
  Status SkipRestOfLine(LineBatch* batch, uint64_t line, uint64_t line_offset,
                        uint64_t bytes_so_far);

  std::unique_ptr<ByteSource> source_;
  size_t target_bytes_;
  size_t max_line_bytes_;
  uint64_t start_offset_;
  std::string carry_;  // the start of a line that the previous batch did not finish
  bool eof_ = false;
  uint64_t next_line_;
  uint64_t offset_;  // the input offset of the next byte to hand out (bytes skipped included)
  std::vector<OversizedLine> pending_oversized_;
};

// The chunks of a regular, uncompressed file, for several threads that each read their own
// (with pread(2), so thread-safe): chunk k holds the lines that start in bytes [kT, (k+1)T),
// and Open(k) returns a LineBatcher that makes exactly the batches a LineBatcher over the
// whole file makes for that chunk, with the same offsets. Line numbers cannot be known
// before the earlier chunks are counted, so the caller numbers each chunk's lines from its
// own `first_line` and maps them afterwards (LineBatcher::next_line() gives the count).
class LineChunks {
 public:
  // `fd` stays the caller's and must stay open while chunks are read; the batchers Open
  // returns refer to this object, which must outlive them.
  LineChunks(int fd, std::string name, uint64_t size, size_t target_bytes = 4u << 20,
             size_t max_line_bytes = 256u << 20);

  uint64_t count() const { return (size_ + target_bytes_ - 1) / target_bytes_; }
  uint64_t size() const { return size_; }
  // A batcher over the lines of chunk `chunk` (none when no line starts in it).
  Result<std::unique_ptr<LineBatcher>> Open(uint64_t chunk, uint64_t first_line) const;

 private:
  int fd_;
  std::string name_;
  uint64_t size_;
  size_t target_bytes_;
  size_t max_line_bytes_;
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
