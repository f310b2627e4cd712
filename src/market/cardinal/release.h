// One compiled release as the indicators see it: only the fields they read, taken from a
// JSON line with simdjson's On-Demand API in a single pass (everything else is skipped,
// never materialised). Strings are views into the parser's buffers: a Release is valid until
// its ReleaseReader reads the next line. One ReleaseReader per thread.
//
// Bad data never stops a run: a line that is not JSON, not an object, or has a field of the
// wrong type is counted in a BadDataLog with its line number and JSON path. A wrong-typed
// field is treated as absent, as cardinal does (serde's `Value::as_str()` and friends).
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "market/cardinal/bad_data.h"

namespace samspill::market::cardinal {

// A string field: `is_string` false when it is absent, null or of another type.
struct Text {
  std::string_view value;
  bool is_string = false;
  bool Is(std::string_view s) const { return is_string && value == s; }
};

// Element ranges index Release::ids.
struct IdRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
};

struct Bid {
  Text status;
  Text date;
  bool has_amount = false;  // value.amount is a JSON number
  double amount = 0;
  Text currency;  // value.currency
  bool tenderers_is_array = false;
  uint32_t tenderer_count = 0;  // elements of `tenderers`, whatever they hold
  IdRange tenderer_ids;         // the string `id`s of `tenderers`, in order
  // Exactly one tenderer, and its id is a string (R024, R025).
  bool SingleTenderer() const { return tenderer_count == 1 && tenderer_ids.size() == 1; }
};

struct Award {
  Text status;
  bool suppliers_is_array = false;
  uint32_t supplier_count = 0;
  IdRange supplier_ids;
  bool items_is_array = false;
  IdRange classification_ids;  // items[].classification.id that are strings
  bool SingleSupplier() const { return supplier_count == 1 && supplier_ids.size() == 1; }
};

struct Release {
  Text ocid;
  Text tender_status;
  Text procurement_method;
  Text procurement_method_details;
  bool number_of_tenderers_is_one = false;  // the JSON integer 1 (not 1.0)
  Text tender_start_date;
  Text tender_end_date;
  Text procuring_entity_id;
  Text buyer_id;
  bool bids_details_is_array = false;
  std::vector<Bid> bids;
  bool awards_is_array = false;
  std::vector<Award> awards;
  std::vector<std::string_view> ids;  // tenderer, supplier and classification ids

  void Clear();
  std::string_view Id(uint32_t i) const { return ids[i]; }
};

// What ReleaseReader::Read found on a line.
enum class LineKind {
  kRelease,  // an object; the Release is filled (ocid may still be missing)
  kBlank,    // empty or only whitespace: skipped silently
  kBad,      // invalid JSON or not an object: counted in the log
};

class ReleaseReader {
 public:
  // Reads `line`, which must be followed by at least simdjson::SIMDJSON_PADDING readable
  // bytes (LineBatch guarantees it with kBatchPadding). `line_number` is for the log.
  LineKind Read(std::string_view line, size_t readable_after, uint64_t line_number,
                BadDataLog* log);

  // The same for a line without padding (tests, fuzzing): copies it into a padded buffer
  // that the reader keeps until the next call.
  LineKind ReadCopy(std::string_view line, uint64_t line_number, BadDataLog* log);

  const Release& release() const { return release_; }

 private:
  simdjson::ondemand::parser parser_;
  simdjson::dom::parser validator_;  // only for lines that are not objects
  Release release_;
  std::string copy_;
};

}  // namespace samspill::market::cardinal
