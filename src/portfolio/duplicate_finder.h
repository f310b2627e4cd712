// Duplicate detection in the portfolio register: is a project being registered (or imported)
// the same collaboration another project leader already registered?
//
// Each project is reduced once to a fingerprint: the significant, stemmed words of each form of
// its name (text_normalise.h), its acronyms and initials, its partner units, its contact
// persons and its period. Candidates are found through inverted indexes (blocking) — shared
// name words, an acronym matching another name's initials, a shared contact person — never by
// comparing all pairs; only candidates are scored. The score (0–1) weighs name similarity
// (0.55), partner units in common (0.25), contact persons in common (0.15) and overlapping
// periods (0.05), and is lowered by 15 % when the kinds differ. Each match carries
// human-readable reasons in Norwegian. See docs/decisions/0012.
//
// Not thread-safe while adding; const methods may run concurrently once built.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "portfolio/project.h"

namespace samspill::portfolio {

struct DuplicateOptions {
  double threshold = 0.5;  // matches scoring below this are not reported
  // A name word shared by more projects than this says nothing and is not used for blocking.
  size_t max_postings = 5000;
  // Organisations in (nearly) every project: only their units count as shared partners.
  std::vector<std::string> host_organisations = {"NTNU", "Trondheim kommune"};
};

struct DuplicateMatch {
  int64_t project_id = 0;  // the project asked about (0 when not yet stored)
  int64_t other_id = 0;    // the registered project it resembles
  std::string project_name;
  std::string other_name;
  double score = 0;
  std::vector<std::string> reasons;  // "«FIF» er forkortelsen for «Fasiliterende …»"
};

class DuplicateIndex {
 public:
  explicit DuplicateIndex(DuplicateOptions options = {});
  ~DuplicateIndex();
  DuplicateIndex(DuplicateIndex&&) noexcept;
  DuplicateIndex& operator=(DuplicateIndex&&) noexcept;

  // Adds a registered project (its id must be unique). Merged-away projects are skipped.
  void Add(const Project& project);
  size_t size() const;

  // Likely duplicates of `candidate` among the indexed projects (itself excluded by id), best
  // first.
  std::vector<DuplicateMatch> FindDuplicatesOf(const Project& candidate) const;

  // Every probable duplicate pair in the index once (project_id < other_id), best first.
  std::vector<DuplicateMatch> Scan() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Scores one pair directly (no blocking), with reasons; for tests and explanations.
DuplicateMatch CompareProjects(const Project& a, const Project& b,
                               const DuplicateOptions& options = {});

}  // namespace samspill::portfolio
