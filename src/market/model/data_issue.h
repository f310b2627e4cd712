// Problems found in outside data, collected while a run goes on.
//
// Bad data never stops the market engine: an invalid JSON line, a wrong type or an absurd value
// is recorded here with its location and the reader carries on. The log counts every issue
// by kind and keeps the first `max_kept` in full, so memory stays bounded on any input.
// Not thread-safe: one log per reader thread, merged afterwards with Absorb().
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace samspill::market {

struct DataIssue {
  std::string kind;     // short stable name: "invalid_json", "wrong_type", "absurd_value", …
  std::string file;     // path as given, "-" for stdin
  uint64_t line = 0;    // 1-based line of the input, 0 when unknown
  uint64_t offset = 0;  // byte offset in the (decompressed) input
  std::string path;     // JSON path ("releases[3].tender.numberOfTenderers") or XML path
  std::string message;

  // "file:line (byte N) at path: message [kind]"
  std::string ToString() const;
};

class IssueLog {
 public:
  explicit IssueLog(size_t max_kept = 200) : max_kept_(max_kept) {}

  void Add(DataIssue issue);
  void Absorb(const IssueLog& other);

  uint64_t total() const { return total_; }
  const std::map<std::string, uint64_t>& counts() const { return counts_; }
  const std::vector<DataIssue>& kept() const { return kept_; }
  uint64_t Count(const std::string& kind) const;

 private:
  size_t max_kept_;
  uint64_t total_ = 0;
  std::map<std::string, uint64_t> counts_;
  std::vector<DataIssue> kept_;
};

// Where a reader is in its input, to stamp on issues.
struct Location {
  std::string file;
  uint64_t line = 0;
  uint64_t offset = 0;
};

}  // namespace samspill::market
