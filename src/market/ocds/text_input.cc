#include "market/ocds/text_input.h"

#include <cstring>

namespace samspill::market {
namespace {

// Length of the valid UTF-8 sequence starting at p (p[0] >= 0x80), 0 if it is not one.
// Overlong forms and surrogates are invalid, as in RFC 3629.
int Utf8SequenceLength(const unsigned char* p, size_t available) {
  unsigned char c = p[0];
  int n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (available < static_cast<size_t>(n)) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (int i = 2; i < n; ++i) {
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  }
  return n;
}

}  // namespace

TextInput::TextInput(ByteSource* source, size_t buffer_bytes) : source_(source) {
  buffer_.resize(buffer_bytes < 16 ? 16 : buffer_bytes);
}

bool TextInput::Ensure(size_t n) {
  if (end_ - pos_ >= n) return true;
  if (eof_ || !status_.ok()) return end_ > pos_;
  std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
  while (end_ - pos_ < n && !eof_) {
    Result<size_t> got = source_->Read(buffer_.data() + end_, buffer_.size() - end_);
    if (!got.ok()) {
      status_ = got.status();
      break;
    }
    if (*got == 0) eof_ = true;
    end_ += *got;
  }
  return end_ > pos_;
}

void TextInput::Decode() {
  pending_count_ = 0;
  pending_pos_ = 0;
  if (!Ensure(4)) return;
  auto* p = reinterpret_cast<const unsigned char*>(buffer_.data() + pos_);
  if (valid_run_ > 0 || p[0] < 0x80) {
    if (valid_run_ > 0) --valid_run_;
    pending_[pending_count_++] = p[0];
    ++pos_;
    return;
  }
  int n = Utf8SequenceLength(p, end_ - pos_);
  if (n > 0) {
    valid_run_ = n - 1;
    pending_[pending_count_++] = p[0];
    ++pos_;
    return;
  }
  if (!saw_latin1_) {
    saw_latin1_ = true;
    first_latin1_offset_ = offset_;
  }
  pending_[pending_count_++] = static_cast<unsigned char>(0xC0 | (p[0] >> 6));
  pending_[pending_count_++] = static_cast<unsigned char>(0x80 | (p[0] & 0x3F));
  ++pos_;
}

int TextInput::Peek() {
  if (pending_pos_ >= pending_count_) Decode();
  if (pending_pos_ >= pending_count_) return -1;
  return pending_[pending_pos_];
}

int TextInput::Get() {
  int c = Peek();
  if (c < 0) return c;
  ++pending_pos_;
  // Offsets count input bytes: a repaired byte's second output byte is not an input byte.
  if (pending_pos_ == pending_count_) ++offset_;
  if (c == '\n') ++line_;
  last_ = c;
  return c;
}

}  // namespace samspill::market
