// One contracting process published in two formats — an eForms notice and the OCDS release
// converted from it — must count once in the market figures. The formats share no reliable
// identifier (converters invent ocids and release ids), so a process is recognised by what
// the buyer published: the buyer (organisation number, else name), the title, the main CPV,
// and a publication date within `max_days` of the other's. Only processes of *different*
// formats are matched: two OCDS processes with the same title are left alone, because a
// buyer may well run two competitions with one name.
//
// Memory: a hash node (64-bit hash of the key, day, format, id) per process that has a
// buyer and a title, never the process itself. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "market/model/process.h"

namespace samspill::market {

// The part of a process that identifies it across formats: buyer|title|cpv, normalised
// (case, Æ/Ø/Å, punctuation and white space folded). Empty when the buyer or title is
// missing, which leaves the process unmatched.
std::string CrossFormatKey(const Process& p);

class CrossFormatDuplicates {
 public:
  explicit CrossFormatDuplicates(int max_days = 31) : max_days_(max_days) {}

  // Records `p` and says whether it duplicates a process of another format seen before;
  // if so, the earlier one's format and id.
  struct Match {
    SourceFormat format;
    std::string id;
  };
  std::optional<Match> Check(const Process& p);
  uint64_t duplicates() const { return duplicates_; }

 private:
  struct Seen {
    int32_t day;  // days since 1970, or INT32_MIN when the date is unknown
    SourceFormat format;
    std::string id;
    uint64_t order;  // read order
  };
  int max_days_;
  uint64_t next_order_ = 0;
  std::unordered_multimap<uint64_t, Seen> seen_;
  uint64_t duplicates_ = 0;
};

}  // namespace samspill::market
