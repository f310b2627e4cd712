#include "market/ingest/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace samspill::market {
namespace {

namespace fs = std::filesystem;

class FolderWalk {
 public:
  FolderWalk(const InputKindFilter& filter, InputFiles* out) : filter_(filter), out_(out) {}

  void Folder(const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::path> entries;
    fs::directory_iterator it(folder, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) {
      Skip(folder.string(), "cannot read the folder: " + ec.message());
      // What was listed before the error is still walked.
    }
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
      return a.filename().native() < b.filename().native();
    });
    for (const fs::path& entry : entries) Entry(entry);
  }

 private:
  void Entry(const fs::path& path) {
    std::error_code ec;
    const fs::file_status link = fs::symlink_status(path, ec);
    if (ec) return Skip(path.string(), "cannot read: " + ec.message());
    if (fs::is_directory(link)) return Folder(path);
    const fs::file_status target = fs::status(path, ec);
    if (ec) return Skip(path.string(), "cannot read: " + ec.message());
    if (fs::is_directory(target)) return Skip(path.string(), "a link to a folder, not followed");
    // Reading a named pipe or a device could block or never end.
    if (!fs::is_regular_file(target)) return Skip(path.string(), "not a regular file");
    File(path.string());
  }

  void File(const std::string& path) {
    Result<std::unique_ptr<ByteSource>> source = OpenByteSource(path);
    if (!source.ok()) return Skip(path, source.status().message());
    Result<SniffedInput> sniffed = SniffInput(std::move(*source));
    if (!sniffed.ok()) return Skip(path, sniffed.status().message());
    std::string refused = filter_(sniffed->kind);
    if (!refused.empty()) return Skip(path, refused);
    out_->bytes += sniffed->source->raw_size();
    out_->paths.push_back(path);
  }

  void Skip(std::string path, std::string reason) {
    out_->skipped.push_back({std::move(path), std::move(reason)});
  }

  const InputKindFilter& filter_;
  InputFiles* out_;
};

}  // namespace

std::string ReadableByIngest(InputKind kind) {
  switch (kind) {
    case InputKind::kXml:
    case InputKind::kJson:
      return "";
    case InputKind::kEmpty:
      return "the file is empty";
    case InputKind::kUnknown:
      return "not OCDS JSON or eForms XML";
  }
  return "unknown kind";
}

InputFiles ExpandInputFolders(const std::vector<std::string>& arguments,
                              const InputKindFilter& filter) {
  InputFiles out;
  FolderWalk walk(filter, &out);
  for (const std::string& argument : arguments) {
    std::error_code ec;
    if (argument != "-" && fs::is_directory(argument, ec)) {
      walk.Folder(argument);
      continue;
    }
    if (argument == "-") {
      out.has_stdin = true;
    } else {
      const uintmax_t size = fs::file_size(argument, ec);
      if (!ec) out.bytes += size;
    }
    out.paths.push_back(argument);
  }
  return out;
}

}  // namespace samspill::market
