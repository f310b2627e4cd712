// Fuzz target: the streaming OCDS reader, release merging and normalisation on arbitrary bytes
// (gzip included: MemoryByteSource detects it). Any input must end without a crash or a
// sanitizer report; problems are issues.
#include <cstddef>
#include <cstdint>
#include <string>

#include "market/ocds/ocds_normalise.h"
#include "market/ocds/ocds_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill::market;
  IssueLog issues(8);
  ReleaseCompiler compiler({.max_pending_bytes = 1 << 20}, &issues, [&](CompiledRelease&& c) {
    (void)ProcessFromCompiledRelease(c.release, c.location, &issues);
  });
  auto source = MemoryByteSource(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  (void)ReadOcds(*source, compiler, issues, {.max_item_bytes = 1 << 20});
  compiler.Flush();
  return 0;
}
