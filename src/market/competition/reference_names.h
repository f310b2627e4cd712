// Names for codes in reports, from the shared reference lists: CPV 2008 (Norwegian bokmål and
// English), NUTS regions, and Norway's municipalities by organisation number. A missing or
// unreadable list leaves its names empty (reports fall back to codes). Read-only after
// loading; thread-safe for lookups.
#pragma once

#include <string>
#include <unordered_map>

namespace samspill::market {

class ReferenceNames {
 public:
  // `reference_dir` is the shared data's `data/reference` folder.
  static ReferenceNames Load(const std::string& reference_dir);

  // "85000000" or "85" or "853" → the Norwegian name (English when there is none), "" if
  // unknown. Short codes are padded with zeros.
  std::string Cpv(const std::string& code) const;
  std::string Nuts(const std::string& code) const;
  // The municipality's name for its organisation number, "" if not a municipality.
  std::string Municipality(const std::string& org_number) const;

  size_t cpv_count() const { return cpv_.size(); }

  void AddCpv(std::string code, std::string name) { cpv_[std::move(code)] = std::move(name); }

 private:
  std::unordered_map<std::string, std::string> cpv_, nuts_, municipalities_;
};

}  // namespace samspill::market
