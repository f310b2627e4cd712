// Fuzz target for the indicators' line reader: arbitrary bytes as a JSON Lines file (gzip
// detected) through the byte source, the line batcher, simdjson On-Demand and all 11
// indicators, then coverage. Bad data must be counted, never crash; the output must be one
// JSON object; every line must be accounted for. The same bytes as a file, read in parallel
// chunks by two workers, must give the same output, counts and bad-data lines.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "market/cardinal/cardinal.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

const samspill::market::cardinal::Settings& AllIndicators() {
  static const auto* settings =
      new samspill::market::cardinal::Settings(*samspill::market::cardinal::ParseSettings(
          "no_price_comparison_procurement_methods = NPC\n[exclusions]\n"
          "procurement_method_details = EXC\n[R003]\n[R003.procurement_method_details]\n"
          "x = 5\n[R018]\n[R024]\n[R025]\n[R028]\n[R030]\n[R035]\n[R036]\n[R038]\n"
          "minimum_submitted_bids = 1\nminimum_contracting_processes = 1\n[R048]\n"
          "minimum_contracting_processes = 1\n[R058]\n"));
  return *settings;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace samspill::market;
  std::string input(reinterpret_cast<const char*>(data), size);

  cardinal::IndicatorsOptions options;
  options.threads = 1;
  options.batch_bytes = 256;  // many batches, lines across batch edges
  options.output.maps = true;
  auto result = cardinal::RunIndicators(MemoryByteSource(input, "fuzz"), AllIndicators(), options);
  if (result.ok()) {
    Check(!result->json.empty() && result->json.front() == '{' && result->json.back() == '}');
    Check(result->releases <= result->lines);
  }

  const int fd = memfd_create("fuzz", MFD_CLOEXEC);
  Check(fd >= 0);
  for (size_t written = 0; written < input.size();) {
    const ssize_t n = write(fd, input.data() + written, input.size() - written);
    Check(n > 0);
    written += static_cast<size_t>(n);
  }
  auto file = OpenByteSource("/proc/self/fd/" + std::to_string(fd));
  Check(file.ok());
  options.threads = 2;
  auto chunked = cardinal::RunIndicators(std::move(*file), AllIndicators(), options);
  Check(chunked.ok() == result.ok());
  if (result.ok()) {
    Check(chunked->json == result->json);
    Check(chunked->lines == result->lines && chunked->releases == result->releases);
    Check(chunked->bad_data.Summary("f") == result->bad_data.Summary("f"));
  }
  close(fd);

  auto coverage = cardinal::RunCoverage(MemoryByteSource(std::move(input), "fuzz"));
  if (coverage.ok()) {
    // Array elements count one by one, so a count may exceed the lines; never zero.
    for (const auto& [path, count] : coverage->counts) Check(count > 0);
    Check(coverage->counts.empty() || coverage->counts.count("") == 1);
  }
  return 0;
}
