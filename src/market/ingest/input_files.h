// The files a market command reads: its arguments, with each folder among them replaced by
// the files under it. Folders are walked recursively in a fixed order (the entries of each
// folder sorted by name, byte by byte, subfolders where their names fall), so the same folder
// gives the same output every time. Links to folders are not followed, so a link loop cannot
// make the walk endless; links to files are read. A file found in a folder is looked at
// before it is taken (input_kind.h): one that cannot be opened or read, or whose kind the
// command does not read, is skipped and named with the reason. Arguments that are not folders
// ("-", files, missing paths) are kept as given, for the reader to open or to refuse.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "market/ingest/input_kind.h"

namespace samspill::market {

struct SkippedInput {
  std::string path;
  std::string reason;  // "not JSON or XML", "cannot read …: Permission denied", …
};

struct InputFiles {
  // The files to read, in order: each argument in its place, a folder's files where the
  // folder stood.
  std::vector<std::string> paths;
  // Their sizes on disk (compressed sizes for gzip), for progress; 0 for standard input and
  // paths that do not exist.
  uint64_t bytes = 0;
  bool has_stdin = false;  // "-" is among them: the total size is not known
  std::vector<SkippedInput> skipped;
};

// Whether a file of `kind` found in a folder is read: "" to read it, else the reason why not.
using InputKindFilter = std::function<std::string(InputKind)>;

// Reads eForms XML and OCDS JSON; skips empty files and files of other kinds.
std::string ReadableByIngest(InputKind kind);

// Expands the folders among `arguments`. Never fails: what cannot be walked is skipped.
InputFiles ExpandInputFolders(const std::vector<std::string>& arguments,
                              const InputKindFilter& filter);

}  // namespace samspill::market
