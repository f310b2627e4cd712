#include "market/ingest/ingest.h"

#include <cstring>

#include "market/ocds/ocds_normalise.h"

namespace samspill::market {
namespace {

// Bytes already read to recognise the format, then the rest of the source.
class PrefixedSource : public ByteSource {
 public:
  PrefixedSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}
  Result<size_t> Read(char* out, size_t n) override {
    if (pos_ < prefix_.size()) {
      size_t k = std::min(n, prefix_.size() - pos_);
      std::memcpy(out, prefix_.data() + pos_, k);
      pos_ += k;
      return k;
    }
    return inner_->Read(out, n);
  }
  const std::string& name() const override { return inner_->name(); }
  uint64_t raw_bytes_read() const override { return inner_->raw_bytes_read(); }
  uint64_t raw_size() const override { return inner_->raw_size(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

}  // namespace

Result<IngestSummary> ReadMarketFiles(const std::vector<std::string>& paths,
                                      const IngestOptions& options, IssueLog& issues,
                                      const std::function<void(Process&&)>& sink) {
  IngestSummary summary;
  ReleaseCompiler compiler(options.compiler, &issues, [&](CompiledRelease&& c) {
    std::optional<Process> p =
        ProcessFromCompiledRelease(c.release, c.location, &issues, options.eforms.limits);
    if (!p) return;
    ++summary.processes;
    sink(std::move(*p));
  });
  for (size_t i = 0; i < paths.size(); ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, OpenByteSource(paths[i]));
    // Look at the first non-space byte.
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
    PrefixedSource input(std::move(prefix), std::move(source));
    FileSummary file{paths[i], "", 0, 0};
    if (first == '<') {
      file.format = "eforms";
      SAMSPILL_ASSIGN_OR_RETURN(std::optional<Process> p,
                                ReadEformsNotice(input, issues, options.eforms));
      if (p) {
        ++summary.processes;
        sink(std::move(*p));
      }
    } else if (first < 0) {
      file.format = "empty";
      issues.Add({"empty_input", paths[i], 0, 0, "", "the input is empty"});
    } else {
      SAMSPILL_ASSIGN_OR_RETURN(OcdsFileStats stats,
                                ReadOcds(input, compiler, issues, options.ocds));
      file.format = stats.format;
      file.releases = stats.releases;
      file.records = stats.records;
    }
    summary.files.push_back(std::move(file));
    if (options.progress) options.progress(i + 1, paths.size(), summary.processes);
  }
  compiler.Flush();
  return summary;
}

}  // namespace samspill::market
