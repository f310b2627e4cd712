// What an input holds, told from its first bytes as the readers tell it: after gzip
// decompression, the first non-space byte (a UTF-8 byte-order mark counts as space) is '<'
// for an eForms XML notice and '{' or '[' for OCDS JSON (a package, a record, a release, JSON
// Lines of them, or an array). Used by ReadMarketFiles to choose a reader and by the folder
// walk (input_files.h) to skip what no reader would take.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "market/io/byte_source.h"

namespace samspill::market {

enum class InputKind {
  kEmpty,    // nothing but white space
  kXml,      // '<': an eForms notice (or other XML)
  kJson,     // '{' or '[': OCDS
  kUnknown,  // anything else: not a format the readers know
};

// "eForms XML", "JSON", "empty", "not JSON or XML": for messages.
const char* InputKindName(InputKind kind);

struct SniffedInput {
  InputKind kind = InputKind::kEmpty;
  // The input from its first byte again: the bytes read to tell the kind, then the rest.
  std::unique_ptr<ByteSource> source;
};

// Reads as much of `source` as it takes to find the first non-space byte (usually one
// read). A read error (an unreadable file, gzip that is not) is returned as is.
Result<SniffedInput> SniffInput(std::unique_ptr<ByteSource> source);

}  // namespace samspill::market
