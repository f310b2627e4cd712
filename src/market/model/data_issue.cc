#include "market/model/data_issue.h"

namespace samspill::market {

std::string DataIssue::ToString() const {
  std::string out = file.empty() ? "-" : file;
  if (line > 0) out += ":" + std::to_string(line);
  out += " (byte " + std::to_string(offset) + ")";
  if (!path.empty()) out += " at " + path;
  out += ": " + message + " [" + kind + "]";
  return out;
}

void IssueLog::Add(DataIssue issue) {
  ++total_;
  ++counts_[issue.kind];
  if (kept_.size() < max_kept_) kept_.push_back(std::move(issue));
}

void IssueLog::Absorb(const IssueLog& other) {
  total_ += other.total_;
  for (const auto& [kind, n] : other.counts_) counts_[kind] += n;
  for (const DataIssue& issue : other.kept_) {
    if (kept_.size() >= max_kept_) break;
    kept_.push_back(issue);
  }
}

uint64_t IssueLog::Count(const std::string& kind) const {
  auto it = counts_.find(kind);
  return it == counts_.end() ? 0 : it->second;
}

}  // namespace samspill::market
