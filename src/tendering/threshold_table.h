// ThresholdTable: the dated procurement thresholds (terskelverdier) that decide the legal regime.
//
// DOMAIN.md §1: every threshold lives in a dated table (kind, value, valid-from, source, tag),
// never as a literal in decision code. A row is in force from its valid_from date until the next
// row of the same kind starts. Values are NOK excluding VAT, in øre. A table is an immutable
// value after Create(); Norway() is built once and is thread-safe to read.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/status.h"
#include "common/time.h"

namespace samspill::tendering {

// Stored with decisions: never renumber.
enum class ThresholdKind {
  kLowerLimit = 1,            // LOA / FOA part I applies at or above this value
  kNational = 2,              // nasjonal terskelverdi: FOA part II at or above
  kEeaMunicipal = 3,          // EØS-terskel, goods and services, municipalities: part III
  kEeaCentralGovernment = 4,  // EØS-terskel, goods and services, central government: part III
  kEeaHealthSocial = 5,       // EØS-terskel, health and social services: part IV chapter 30
};

// How well a rule is sourced (DOMAIN.md tags). Stored: never renumber.
enum class SourceTag {
  kConfirmed = 1,    // [C] confirmed in the named source
  kSecondary = 2,    // [P] secondary source
  kUnconfirmed = 3,  // [U] not confirmed: a setting with this default
};

// "lower_limit", "national", "eea_municipal", … — stable names for logs and the API.
std::string_view ThresholdKindName(ThresholdKind kind);
// "[C]", "[P]", "[U]".
std::string_view SourceTagLabel(SourceTag tag);

struct ThresholdRow {
  ThresholdKind kind = ThresholdKind::kLowerLimit;
  Money value;  // NOK excl. VAT, øre
  Date valid_from;
  std::string source;
  SourceTag tag = SourceTag::kConfirmed;

  friend bool operator==(const ThresholdRow&, const ThresholdRow&) = default;
};

class ThresholdTable {
 public:
  // Rejects non-NOK or non-positive values, empty sources and two rows of one kind with the
  // same valid_from. Row order does not matter.
  static Result<ThresholdTable> Create(std::vector<ThresholdRow> rows);

  // The rows of DOMAIN.md §1 (anskaffelsesforskriften, thresholds from 2024-03-14; the health and
  // social services threshold also from 2020-02-12).
  static const ThresholdTable& Norway();

  // The row of `kind` in force on `date`; NotFound naming the kind and date when none is.
  Result<ThresholdRow> InForce(ThresholdKind kind, const Date& date) const;

  // Sorted by kind, then valid_from.
  std::span<const ThresholdRow> rows() const { return rows_; }

 private:
  explicit ThresholdTable(std::vector<ThresholdRow> rows) : rows_(std::move(rows)) {}
  std::vector<ThresholdRow> rows_;
};

}  // namespace samspill::tendering
