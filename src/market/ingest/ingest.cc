#include "market/ingest/ingest.h"

#include "market/ocds/ocds_normalise.h"

namespace samspill::market {
Result<IngestSummary> ReadMarketFiles(const std::vector<std::string>& paths,
                                      const IngestOptions& options, IssueLog& issues,
                                      const std::function<void(Process&&)>& sink) {
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
    std::unique_ptr<ByteSource> prefixed = PrefixedByteSource(std::move(prefix), std::move(source));
    ByteSource& input = *prefixed;
    FileSummary file{paths[i], "", 0, 0};
    if (first == '<') {
      file.format = "eforms";
      SAMSPILL_ASSIGN_OR_RETURN(std::optional<Process> p,
                                ReadEformsNotice(input, issues, options.eforms));
      if (p) emit(std::move(*p));
    } else if (first < 0) {
      file.format = "empty";
      issues.Add({"empty_input", paths[i], 0, 0, "", "the input is empty"});
    } else {
      SAMSPILL_ASSIGN_OR_RETURN(OcdsFileStats stats,
                                ReadOcds(input, compiler, issues, options.ocds));
      SAMSPILL_RETURN_IF_ERROR(compiler.status());  // e.g. the disk filled while spilling
      file.format = stats.format;
      file.releases = stats.releases;
      file.records = stats.records;
    }
    summary.files.push_back(std::move(file));
    if (options.progress) options.progress(i + 1, paths.size(), summary.processes);
  }
  compiler.Flush();
  SAMSPILL_RETURN_IF_ERROR(compiler.status());
  return summary;
}

}  // namespace samspill::market
