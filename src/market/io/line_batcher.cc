#include "market/io/line_batcher.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace samspill::market {
namespace {

constexpr size_t kMinRead = 64 * 1024;

// Where the last line that starts before `boundary` starts: just after the last '\n' before
// boundary - 1, or at 0.
size_t CrossingLineStart(const ByteBuffer& buffer, size_t boundary) {
  const void* before = memrchr(buffer.data(), '\n', std::min(boundary - 1, buffer.size()));
  return before ? static_cast<size_t>(static_cast<const char*>(before) - buffer.data()) + 1 : 0;
}

// The number of '\n' bytes in [p, p + n): memchr jumps from one to the next with SIMD,
// much faster than a byte loop for lines of hundreds of bytes or more.
uint64_t CountNewlines(const char* p, size_t n) {
  uint64_t count = 0;
  const char* end = p + n;
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!hit) break;
    ++count;
    p = static_cast<const char*>(hit) + 1;
  }
  return count;
}

}  // namespace

LineBatcher::LineBatcher(std::unique_ptr<ByteSource> source, size_t target_bytes,
                         size_t max_line_bytes, uint64_t first_line, uint64_t start_offset)
    : source_(std::move(source)),
      target_bytes_(std::max<size_t>(target_bytes, 1)),
      max_line_bytes_(std::max(max_line_bytes, target_bytes_)),
      start_offset_(start_offset),
      next_line_(first_line),
      offset_(start_offset) {}

Status LineBatcher::Fill(ByteBuffer& buffer, size_t want) {
  const size_t old = buffer.size();
  buffer.Resize(old + want);
  Result<size_t> got = source_->Read(buffer.data() + old, want);
  if (!got.ok()) {
    buffer.Resize(old);
    return got.status();
  }
  buffer.Resize(old + *got);
  if (*got == 0) eof_ = true;
  return Status::Ok();
}

Status LineBatcher::SkipRestOfLine(LineBatch* batch, uint64_t line, uint64_t line_offset,
                                   uint64_t bytes_so_far) {
  ByteBuffer chunk;
  uint64_t bytes = bytes_so_far;
  while (!eof_) {
    chunk.Resize(0);
    SAMSPILL_RETURN_IF_ERROR(Fill(chunk, kMinRead));
    const void* nl = std::memchr(chunk.data(), '\n', chunk.size());
    if (nl) {
      const size_t used = static_cast<size_t>(static_cast<const char*>(nl) - chunk.data()) + 1;
      bytes += used;
      carry_.assign(chunk.data() + used, chunk.size() - used);  // the following lines
      break;
    }
    bytes += chunk.size();
  }
  batch->oversized.push_back({line, line_offset, bytes});
  offset_ = line_offset + bytes;
  next_line_ = line + 1;
  return Status::Ok();
}

Result<bool> LineBatcher::Next(LineBatch* batch) {
  batch->oversized.clear();
  ByteBuffer& buffer = batch->buffer;
  while (true) {
    buffer.Assign(carry_);
    carry_.clear();
    // buffer[0] is the start of a line at input offset offset_. The batch holds the lines
    // that start in its chunk, that is before `boundary`; its end is the first '\n' at
    // boundary - 1 or later.
    const uint64_t chunk = offset_ / target_bytes_;
    const auto boundary = static_cast<size_t>((chunk + 1) * target_bytes_ - offset_);
    size_t scanned = boundary - 1;  // no '\n' in [boundary - 1, scanned)
    size_t cut = std::string::npos;
    bool skipped = false;
    while (true) {
      if (buffer.size() > scanned) {
        const void* nl = std::memchr(buffer.data() + scanned, '\n', buffer.size() - scanned);
        if (nl) {
          cut = static_cast<size_t>(static_cast<const char*>(nl) - buffer.data()) + 1;
          break;
        }
        scanned = buffer.size();
      }
      if (eof_) {
        cut = buffer.size();
        break;
      }
      if (buffer.size() > max_line_bytes_) {
        // The line that crosses the chunk's end is already too long to keep (its end is
        // not in the buffer yet): end the batch before it, or skip it when it is the first.
        const size_t start = CrossingLineStart(buffer, boundary);
        if (buffer.size() - start > max_line_bytes_) {
          if (start > 0) {
            cut = start;
            break;
          }
          SAMSPILL_RETURN_IF_ERROR(SkipRestOfLine(batch, next_line_, offset_, buffer.size()));
          skipped = true;
          break;
        }
      }
      const size_t want = boundary > buffer.size() ? boundary - buffer.size() : 0;
      SAMSPILL_RETURN_IF_ERROR(Fill(buffer, std::max(kMinRead, want)));
    }
    if (skipped) continue;  // start again after the skipped line
    if (cut > max_line_bytes_) {
      // The same rule when the whole crossing line is in the buffer, so that whether a line
      // is kept depends on its length alone, never on how much was read at once.
      const size_t start = CrossingLineStart(buffer, boundary);
      const size_t length = cut - start - (buffer[cut - 1] == '\n' ? 1 : 0);
      if (length > max_line_bytes_) {
        if (start == 0) {
          batch->oversized.push_back({next_line_, offset_, cut});
          carry_.assign(buffer.data() + cut, buffer.size() - cut);
          offset_ += cut;
          next_line_ += 1;
          continue;
        }
        cut = start;
      }
    }
    batch->chunk = chunk;
    batch->first_line = next_line_;
    batch->first_offset = offset_;
    if (cut == 0) {  // the end of the input
      batch->size = 0;
      buffer.Resize(0);
      buffer.AppendZeros(kBatchPadding);
      return !batch->oversized.empty();  // report a skipped last line once
    }
    carry_.assign(buffer.data() + cut, buffer.size() - cut);
    buffer.Resize(cut);
    batch->size = cut;
    const uint64_t lines = CountNewlines(buffer.data(), buffer.size());
    next_line_ += lines + (buffer.back() == '\n' ? 0 : 1);
    offset_ += cut;
    buffer.AppendZeros(kBatchPadding);
    return true;
  }
}

namespace {

Result<size_t> PositionalRead(int fd, const std::string& name, char* out, size_t n, uint64_t at) {
  while (true) {
    const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(at));
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Unavailable("cannot read " + name + " at byte " + std::to_string(at) + ": " +
                       std::strerror(errno));
  }
}

// The bytes of a file from `begin` (a line start) to the end of the line that crosses `end`,
// or to the file's end: the lines of one chunk, read with pread(2).
class ChunkSource final : public ByteSource {
 public:
  ChunkSource(int fd, const std::string& name, uint64_t begin, uint64_t end, uint64_t size)
      : fd_(fd), name_(name), begin_(begin), end_(end), size_(size), pos_(begin) {}

  Result<size_t> Read(char* out, size_t n) override {
    if (done_ || n == 0 || pos_ >= size_) return size_t{0};
    const bool tail = pos_ >= end_;
    if (tail && last_was_newline_) {  // the chunk's last line ended at its end
      done_ = true;
      return size_t{0};
    }
    uint64_t want = std::min<uint64_t>(n, size_ - pos_);
    if (!tail) want = std::min(want, end_ - pos_);
    SAMSPILL_ASSIGN_OR_RETURN(size_t got,
                              PositionalRead(fd_, name_, out, static_cast<size_t>(want), pos_));
    if (got == 0) {  // the file shrank
      done_ = true;
      return size_t{0};
    }
    if (tail) {
      const void* nl = std::memchr(out, '\n', got);
      if (nl) {
        got = static_cast<size_t>(static_cast<const char*>(nl) - out) + 1;
        done_ = true;
      }
    }
    pos_ += got;
    last_was_newline_ = out[got - 1] == '\n';
    return got;
  }
  const std::string& name() const override { return name_; }
  uint64_t raw_bytes_read() const override { return pos_ - begin_; }
  uint64_t raw_size() const override { return end_ - begin_; }

 private:
  int fd_;
  const std::string& name_;
  uint64_t begin_, end_, size_, pos_;
  bool done_ = false;
  bool last_was_newline_ = false;
};

}  // namespace

LineChunks::LineChunks(int fd, std::string name, uint64_t size, size_t target_bytes,
                       size_t max_line_bytes)
    : fd_(fd),
      name_(std::move(name)),
      size_(size),
      target_bytes_(std::max<size_t>(target_bytes, 1)),
      max_line_bytes_(max_line_bytes) {}

Result<std::unique_ptr<LineBatcher>> LineChunks::Open(uint64_t chunk, uint64_t first_line) const {
  const uint64_t start = chunk * target_bytes_;
  const uint64_t end = std::min(size_, start + target_bytes_);
  // The chunk's first line starts at `start` or just after the first '\n' at start - 1 or
  // later, if that is before `end`.
  uint64_t begin = start;
  if (start > 0) {
    begin = end;
    char piece[4096];
    for (uint64_t at = start - 1; at < end - 1;) {
      const auto want = static_cast<size_t>(std::min<uint64_t>(sizeof(piece), end - 1 - at));
      SAMSPILL_ASSIGN_OR_RETURN(size_t got, PositionalRead(fd_, name_, piece, want, at));
      if (got == 0) break;
      if (const void* nl = std::memchr(piece, '\n', got)) {
        begin = at + static_cast<uint64_t>(static_cast<const char*>(nl) - piece) + 1;
        break;
      }
      at += got;
    }
  }
  // No line starts in the chunk: a source with nothing in it.
  const uint64_t source_end = begin < end ? end : begin;
  const uint64_t source_size = begin < end ? size_ : begin;
  return std::make_unique<LineBatcher>(
      std::make_unique<ChunkSource>(fd_, name_, begin, source_end, source_size), target_bytes_,
      max_line_bytes_, first_line, begin);
}

}  // namespace samspill::market
