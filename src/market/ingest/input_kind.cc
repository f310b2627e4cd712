#include "market/ingest/input_kind.h"

namespace samspill::market {

const char* InputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::kEmpty:
      return "empty";
    case InputKind::kXml:
      return "eForms XML";
    case InputKind::kJson:
      return "JSON";
    case InputKind::kUnknown:
      return "not JSON or XML";
  }
  return "unknown";
}

Result<SniffedInput> SniffInput(std::unique_ptr<ByteSource> source) {
  std::string prefix;
  char buffer[4096];
  int first = -1;
  while (first < 0) {
    SAMSPILL_ASSIGN_OR_RETURN(size_t got, source->Read(buffer, sizeof buffer));
    if (got == 0) break;
    prefix.append(buffer, got);
    size_t at = prefix.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (at != std::string::npos) first = static_cast<unsigned char>(prefix[at]);
  }
  SniffedInput sniffed;
  if (first < 0) {
    sniffed.kind = InputKind::kEmpty;
  } else if (first == '<') {
    sniffed.kind = InputKind::kXml;
  } else if (first == '{' || first == '[') {
    sniffed.kind = InputKind::kJson;
  } else {
    sniffed.kind = InputKind::kUnknown;
  }
  sniffed.source = PrefixedByteSource(std::move(prefix), std::move(source));
  return sniffed;
}

}  // namespace samspill::market
