#include "market/cardinal/bad_data.h"

#include <algorithm>

namespace samspill::market::cardinal {

const char* BadDataKindName(BadDataKind kind) {
  switch (kind) {
    case BadDataKind::kInvalidJson:
      return "invalid JSON";
    case BadDataKind::kNotObject:
      return "not an object";
    case BadDataKind::kWrongType:
      return "wrong type";
    case BadDataKind::kMissingOcid:
      return "no string ocid";
    case BadDataKind::kLineTooLong:
      return "line too long";
  }
  return "bad data";
}

void BadDataLog::Add(BadDataKind kind, uint64_t line, std::string path, std::string message) {
  ++counts_[static_cast<int>(kind)];
  if (samples_.size() >= kMaxSamples && samples_.back().line <= line) return;
  BadDataSample sample{kind, line, std::move(path), std::move(message)};
  auto at = std::upper_bound(samples_.begin(), samples_.end(), line,
                             [](uint64_t l, const BadDataSample& s) { return l < s.line; });
  samples_.insert(at, std::move(sample));
  if (samples_.size() > kMaxSamples) samples_.pop_back();
}

void BadDataLog::Merge(const BadDataLog& other) {
  for (int i = 0; i < 5; ++i) counts_[i] += other.counts_[i];
  std::vector<BadDataSample> merged;
  merged.reserve(samples_.size() + other.samples_.size());
  std::merge(samples_.begin(), samples_.end(), other.samples_.begin(), other.samples_.end(),
             std::back_inserter(merged),
             [](const BadDataSample& a, const BadDataSample& b) { return a.line < b.line; });
  if (merged.size() > kMaxSamples) merged.resize(kMaxSamples);
  samples_ = std::move(merged);
}

uint64_t BadDataLog::total() const {
  uint64_t sum = 0;
  for (uint64_t c : counts_) sum += c;
  return sum;
}

std::string BadDataLog::Summary(const std::string& file_name) const {
  if (total() == 0) return {};
  std::string out = "bad data in " + file_name + ":";
  bool first = true;
  for (int i = 0; i < 5; ++i) {
    if (counts_[i] == 0) continue;
    out += first ? " " : ", ";
    first = false;
    out += std::to_string(counts_[i]) + " " + BadDataKindName(static_cast<BadDataKind>(i));
  }
  out += "\n";
  for (const BadDataSample& s : samples_) {
    out += "  " + file_name + ":" + std::to_string(s.line) + ": " + BadDataKindName(s.kind);
    if (!s.path.empty()) out += " at " + s.path;
    if (!s.message.empty()) out += " (" + s.message + ")";
    out += "\n";
  }
  if (total() > samples_.size()) {
    out += "  ... " + std::to_string(total() - samples_.size()) + " more\n";
  }
  return out;
}

}  // namespace samspill::market::cardinal
