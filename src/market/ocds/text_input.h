// A pull reader over a ByteSource for the JSON parser: one byte at a time from a buffer, with
// the byte offset and line of the current position, and with encoding repair.
//
// OCDS must be UTF-8, but real files are sometimes ISO-8859-1 (format-edge-cases has one). A
// byte that does not start a valid UTF-8 sequence is read as ISO-8859-1 and handed on as
// its UTF-8 encoding, so "Secretar\xEDa" becomes "Secretaría"; the first such byte is
// reported. Offsets and lines count the input's own bytes. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "market/io/byte_source.h"

namespace samspill::market {

class TextInput {
 public:
  explicit TextInput(ByteSource* source, size_t buffer_bytes = 1 << 16);

  // The next byte (0–255) without consuming it, or -1 at the end of the input or on a read
  // error (see status()).
  int Peek();
  // Consumes and returns the next byte, -1 at the end.
  int Get();

  uint64_t offset() const { return offset_; }  // input bytes consumed
  uint64_t line() const { return line_; }      // 1-based line of the next byte
  int last() const { return last_; }           // the byte Get() returned last, -1 at start
  // Byte offset of the first byte that was not UTF-8, if any.
  bool saw_latin1() const { return saw_latin1_; }
  uint64_t first_latin1_offset() const { return first_latin1_offset_; }
  const Status& status() const { return status_; }

 private:
  bool Ensure(size_t n);  // at least n raw bytes buffered, unless the input ends sooner
  void Decode();          // fills pending_ from the raw buffer

  ByteSource* source_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  Status status_;
  // Output bytes waiting to be handed out (a repaired ISO-8859-1 byte gives two).
  unsigned char pending_[4] = {0, 0, 0, 0};
  int pending_count_ = 0;
  int pending_pos_ = 0;
  int valid_run_ = 0;  // remaining bytes of a valid UTF-8 sequence being passed through
  uint64_t offset_ = 0;
  uint64_t line_ = 1;
  int last_ = -1;
  bool saw_latin1_ = false;
  uint64_t first_latin1_offset_ = 0;
};

}  // namespace samspill::market
