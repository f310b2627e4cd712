// Counting lines that the indicators could not use, with their location, so that a run over
// millions of lines goes on and the user still learns where the input is wrong. Per-thread
// logs are merged at the end; the first samples (by line number) are kept. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace samspill::market::cardinal {

enum class BadDataKind {
  kInvalidJson,  // not parseable as JSON (also invalid UTF-8, trailing content)
  kNotObject,    // JSON, but not an object
  kWrongType,    // a field the indicators read has the wrong JSON type (ignored)
  kMissingOcid,  // an object without a string `ocid`: not counted, as in cardinal
  kLineTooLong,  // skipped by the line reader
};

const char* BadDataKindName(BadDataKind kind);

struct BadDataSample {
  BadDataKind kind;
  uint64_t line = 0;  // 1-based
  std::string path;   // JSON path ("bids.details[2].value.amount"), empty for whole lines
  std::string message;
};

class BadDataLog {
 public:
  static constexpr size_t kMaxSamples = 20;

  void Add(BadDataKind kind, uint64_t line, std::string path, std::string message);
  // Adds `other`'s counts and keeps the earliest samples of both.
  void Merge(const BadDataLog& other);

  // Renumbers the samples' lines with `fn`, which must keep their order.
  template <typename Fn>
  void MapLines(Fn&& fn) {
    for (BadDataSample& sample : samples_) sample.line = fn(sample.line);
  }

  uint64_t count(BadDataKind kind) const { return counts_[static_cast<int>(kind)]; }
  uint64_t total() const;
  const std::vector<BadDataSample>& samples() const { return samples_; }

  // "bad data in FILE: 2 invalid JSON, 1 wrong type; first: FILE:3: invalid JSON (...)".
  std::string Summary(const std::string& file_name) const;

 private:
  uint64_t counts_[5] = {};
  std::vector<BadDataSample> samples_;  // sorted by line, at most kMaxSamples
};

}  // namespace samspill::market::cardinal
