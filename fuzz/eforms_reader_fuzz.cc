// Fuzz target: the eForms notice reader on arbitrary bytes. Any input must end without a crash
// or a sanitizer report; problems are issues.
#include <cstddef>
#include <cstdint>
#include <string>

#include "market/eforms/eforms_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill::market;
  IssueLog issues(8);
  auto source = MemoryByteSource(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  (void)ReadEformsNotice(*source, issues);
  return 0;
}
