#include "market/ingest/ingest.h"

#include "market/ocds/ocds_normalise.h"

namespace samspill::market {
namespace {

// Tells the progress callback after every read how far the inputs are.
class CountingSource final : public ByteSource {
 public:
  CountingSource(std::unique_ptr<ByteSource> inner, std::function<void(uint64_t)> on_read)
      : inner_(std::move(inner)), on_read_(std::move(on_read)) {}
  Result<size_t> Read(char* out, size_t n) override {
    Result<size_t> got = inner_->Read(out, n);
    if (got.ok()) on_read_(inner_->raw_bytes_read());
    return got;
  }
  const std::string& name() const override { return inner_->name(); }
  uint64_t raw_bytes_read() const override { return inner_->raw_bytes_read(); }
  uint64_t raw_size() const override { return inner_->raw_size(); }
  int positional_fd() const override { return inner_->positional_fd(); }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::function<void(uint64_t)> on_read_;
};

using Opener = std::function<Result<std::unique_ptr<ByteSource>>(size_t)>;

Result<IngestSummary> ReadInputs(size_t count, const Opener& open, const IngestOptions& options,
                                 IssueLog& issues, const std::function<void(Process&&)>& sink) {
  IngestSummary summary;
  CrossFormatDuplicates duplicates;
  auto emit = [&](Process&& p) {
    if (options.deduplicate_across_formats) {
      if (auto earlier = duplicates.Check(p)) {
        ++summary.cross_format_duplicates;
        issues.Add({"duplicate_across_formats", p.source, 0, 0, "",
                    std::string("the same process as the earlier ") +
                        (earlier->format == SourceFormat::kEforms ? "eForms notice " : "OCDS ") +
                        earlier->id + " (buyer, title, CPV and date agree): counted once"});
        return;
      }
    }
    ++summary.processes;
    sink(std::move(p));
  };
  ReleaseCompiler compiler(options.compiler, &issues, [&](CompiledRelease&& c) {
    std::optional<Process> p =
        ProcessFromCompiledRelease(c.release, c.location, &issues, options.eforms.limits);
    if (p) emit(std::move(*p));
  });
  IngestProgress progress;
  progress.files = count;
  uint64_t bytes_before = 0;  // of the inputs already read
  for (size_t i = 0; i < count; ++i) {
    SAMSPILL_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, open(i));
    if (options.progress) {
      source = std::make_unique<CountingSource>(std::move(source), [&](uint64_t read) {
        progress.bytes_read = bytes_before + read;
        progress.processes = summary.processes;
        options.progress(progress);
      });
    }
    const std::string name = source->name();
    SAMSPILL_ASSIGN_OR_RETURN(SniffedInput sniffed, SniffInput(std::move(source)));
    ByteSource& input = *sniffed.source;
    FileSummary file{name, "", 0, 0};
    if (sniffed.kind == InputKind::kXml) {
      file.format = "eforms";
      SAMSPILL_ASSIGN_OR_RETURN(std::optional<Process> p,
                                ReadEformsNotice(input, issues, options.eforms));
      if (p) emit(std::move(*p));
    } else if (sniffed.kind == InputKind::kEmpty) {
      file.format = "empty";
      issues.Add({"empty_input", name, 0, 0, "", "the input is empty"});
    } else {
      // Not only '{' and '[': whatever else is here, the OCDS reader says what is wrong.
      SAMSPILL_ASSIGN_OR_RETURN(OcdsFileStats stats,
                                ReadOcds(input, compiler, issues, options.ocds));
      SAMSPILL_RETURN_IF_ERROR(compiler.status());  // e.g. the disk filled while spilling
      file.format = stats.format;
      file.releases = stats.releases;
      file.records = stats.records;
    }
    bytes_before += input.raw_bytes_read();
    summary.files.push_back(std::move(file));
    if (options.progress) {
      progress.files_done = i + 1;
      progress.bytes_read = bytes_before;
      progress.processes = summary.processes;
      options.progress(progress);
    }
  }
  compiler.Flush();
  SAMSPILL_RETURN_IF_ERROR(compiler.status());
  return summary;
}

}  // namespace

Result<IngestSummary> ReadMarketFiles(const std::vector<std::string>& paths,
                                      const IngestOptions& options, IssueLog& issues,
                                      const std::function<void(Process&&)>& sink) {
  return ReadInputs(
      paths.size(), [&](size_t i) { return OpenByteSource(paths[i]); }, options, issues, sink);
}

Result<IngestSummary> ReadMarketSource(std::unique_ptr<ByteSource> source,
                                       const IngestOptions& options, IssueLog& issues,
                                       const std::function<void(Process&&)>& sink) {
  return ReadInputs(
      1,
      [&](size_t) -> Result<std::unique_ptr<ByteSource>> {
        if (!source) return Internal("the input was read already");
        return std::move(source);
      },
      options, issues, sink);
}

}  // namespace samspill::market
