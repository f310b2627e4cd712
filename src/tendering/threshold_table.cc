#include "tendering/threshold_table.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "tendering/dated_rows.h"

namespace samspill::tendering {

std::string_view ThresholdKindName(ThresholdKind kind) {
  switch (kind) {
    case ThresholdKind::kLowerLimit:
      return "lower_limit";
    case ThresholdKind::kNational:
      return "national";
    case ThresholdKind::kEeaMunicipal:
      return "eea_municipal";
    case ThresholdKind::kEeaCentralGovernment:
      return "eea_central_government";
    case ThresholdKind::kEeaHealthSocial:
      return "eea_health_social";
  }
  return "unknown";
}

std::string_view SourceTagLabel(SourceTag tag) {
  switch (tag) {
    case SourceTag::kConfirmed:
      return "[C]";
    case SourceTag::kSecondary:
      return "[P]";
    case SourceTag::kUnconfirmed:
      return "[U]";
  }
  return "[?]";
}

Result<ThresholdTable> ThresholdTable::Create(std::vector<ThresholdRow> rows) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const ThresholdRow& row = rows[i];
    const std::string field = "rows[" + std::to_string(i) + "]";
    if (row.value.currency != "NOK") {
      return InvalidArgument(
          "threshold values are NOK excl. VAT, got currency '" + row.value.currency + "'",
          field + ".value.currency");
    }
    if (row.value.minor <= 0) {
      return InvalidArgument("a threshold must be positive", field + ".value");
    }
    if (row.source.empty()) {
      return InvalidArgument("every threshold row needs its source", field + ".source");
    }
  }
  SAMSPILL_RETURN_IF_ERROR(SortDatedRows(rows, ThresholdKindName, "thresholds"));
  return ThresholdTable(std::move(rows));
}

const ThresholdTable& ThresholdTable::Norway() {
  static const ThresholdTable* const kTable = [] {
    const Date k2024{2024, 3, 14};
    const std::string kFoa2024 = "anskaffelsesforskriften, terskelverdier fra 2024-03-14";
    std::vector<ThresholdRow> rows = {
        {ThresholdKind::kLowerLimit, Money{100'000'00}, k2024, kFoa2024, SourceTag::kConfirmed},
        {ThresholdKind::kNational, Money{1'300'000'00}, k2024, kFoa2024, SourceTag::kConfirmed},
        {ThresholdKind::kEeaMunicipal, Money{2'300'000'00}, k2024, kFoa2024, SourceTag::kConfirmed},
        {ThresholdKind::kEeaCentralGovernment, Money{1'490'000'00}, k2024, kFoa2024,
         SourceTag::kConfirmed},
        {ThresholdKind::kEeaHealthSocial, Money{7'800'000'00}, k2024, kFoa2024 + " (FOA del IV)",
         SourceTag::kConfirmed},
        {ThresholdKind::kEeaHealthSocial, Money{7'200'000'00}, Date{2020, 2, 12},
         "anskaffelsesforskriften, terskelverdi fra 2020-02-12 (FOA del IV)",
         SourceTag::kConfirmed},
    };
    Result<ThresholdTable> table = Create(std::move(rows));
    assert(table.ok() && "the built-in threshold table must be valid");
    return new ThresholdTable(std::move(table).value());
  }();
  return *kTable;
}

Result<ThresholdRow> ThresholdTable::InForce(ThresholdKind kind, const Date& date) const {
  return RowInForce(rows_, kind, date, ThresholdKindName, "threshold");
}

}  // namespace samspill::tendering
