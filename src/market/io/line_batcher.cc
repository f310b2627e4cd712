#include "market/io/line_batcher.h"

#include <algorithm>
#include <cstring>

namespace samspill::market {
namespace {

constexpr size_t kMinRead = 64 * 1024;

// The position of the last '\n' in [from, size), or npos.
size_t LastNewline(const ByteBuffer& buffer, size_t from) {
  if (from >= buffer.size()) return std::string::npos;
  const void* hit = memrchr(buffer.data() + from, '\n', buffer.size() - from);
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - buffer.data())
             : std::string::npos;
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
                         size_t max_line_bytes)
    : source_(std::move(source)),
      target_bytes_(std::max<size_t>(target_bytes, 1)),
      max_line_bytes_(std::max(max_line_bytes, target_bytes_)) {}

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
    size_t last_newline = LastNewline(buffer, 0);
    bool skipped = false;
    while (!eof_) {
      if (buffer.size() >= target_bytes_ && last_newline != std::string::npos) break;
      if (last_newline == std::string::npos && buffer.size() > max_line_bytes_) {
        SAMSPILL_RETURN_IF_ERROR(SkipRestOfLine(batch, next_line_, offset_, buffer.size()));
        skipped = true;
        break;
      }
      const size_t scanned = buffer.size();
      SAMSPILL_RETURN_IF_ERROR(
          Fill(buffer, std::max(kMinRead, target_bytes_ > scanned ? target_bytes_ - scanned : 0)));
      const size_t found = LastNewline(buffer, scanned);
      if (found != std::string::npos) last_newline = found;
    }
    if (skipped) continue;  // start again after the skipped line
    if (buffer.empty()) {
      batch->size = 0;
      batch->first_line = next_line_;
      batch->first_offset = offset_;
      buffer.Resize(0);
      buffer.AppendZeros(kBatchPadding);
      return !batch->oversized.empty();  // report a skipped last line once
    }
    const size_t cut = eof_ ? buffer.size() : last_newline + 1;
    carry_.assign(buffer.data() + cut, buffer.size() - cut);
    buffer.Resize(cut);
    batch->size = cut;
    batch->first_line = next_line_;
    batch->first_offset = offset_;
    const uint64_t lines = CountNewlines(buffer.data(), buffer.size());
    next_line_ += lines + (buffer.back() == '\n' ? 0 : 1);
    offset_ += cut;
    buffer.AppendZeros(kBatchPadding);
    return true;
  }
}

}  // namespace samspill::market
