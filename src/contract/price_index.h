// Price adjustment of a contract by an index (issue 18 §1).
//
// The officer maintains an index table — SSB's consumer price index, a wage index — as dated
// monthly values copied from the publisher. A price is adjusted as base × index(adjust month) /
// index(base month), computed exactly in integers and rounded half away from zero to whole øre,
// so a 10^13 NOK contract loses nothing. Every adjustment carries a coded reason.
// Index values are fixed-point with four decimals (120.5 is 1 205 000) so that tables published
// with one, two or three decimals are kept exactly. Pure functions; thread-safe as values.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "common/status.h"

namespace samspill::contract {

// A calendar month, e.g. {2026, 3}.
struct YearMonth {
  int year = 1970;
  int month = 1;  // 1–12
  friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
  std::string ToIso() const;  // "2026-03"
};

// Index values are stored as value × kIndexScale (four decimals).
inline constexpr int64_t kIndexScale = 10'000;
// Largest index value accepted: 1 000 000.0000, far above any published index.
inline constexpr int64_t kMaxIndexValue = 1'000'000 * kIndexScale;
// Largest price adjusted: 10^13 NOK in øre.
inline constexpr int64_t kMaxAdjustableMinor = 1'000'000'000'000'000;

struct IndexPoint {
  YearMonth month;
  int64_t value = 0;  // × kIndexScale, > 0
  friend bool operator==(const IndexPoint&, const IndexPoint&) = default;
};

struct IndexTable {
  std::string name;                // "SSB KPI", required
  std::vector<IndexPoint> points;  // strictly increasing months
  friend bool operator==(const IndexTable&, const IndexTable&) = default;
};

// Name required; each month a real month (year 1900..2200, month 1..12), months strictly
// increasing, values 1..kMaxIndexValue. kInvalidArgument naming the field ("points[2].value").
Status ValidateIndexTable(const IndexTable& table);

// The value for `month`, or nothing when the table has none.
std::optional<int64_t> IndexValueAt(const IndexTable& table, const YearMonth& month);

// Why a price changed. Stored as integers: never renumber.
enum class PriceChangeReason {
  kIndexClause = 1,        // the contract's index clause (kontraktens indeksklausul)
  kLawOrTariffChange = 2,  // a changed law, regulation or tariff agreement
  kAgreedChange = 3,       // a change the parties agreed
};
std::string_view PriceChangeReasonName(PriceChangeReason r);  // "index_clause", …
std::optional<PriceChangeReason> PriceChangeReasonFromName(std::string_view name);
std::string_view PriceChangeReasonLabelNb(PriceChangeReason r);  // "Kontraktens indeksklausul", …
std::string_view PriceChangeReasonLabelEn(PriceChangeReason r);  // "The contract's index clause", …

struct PriceAdjustment {
  Money base;
  Money adjusted;
  std::string index_name;
  YearMonth base_month;
  YearMonth adjust_month;
  int64_t base_index = 0;    // × kIndexScale
  int64_t adjust_index = 0;  // × kIndexScale
  PriceChangeReason reason = PriceChangeReason::kIndexClause;
  friend bool operator==(const PriceAdjustment&, const PriceAdjustment&) = default;
};

// base × index(adjust_month) / index(base_month), rounded half away from zero to whole minor
// units, in base's currency. The table is validated first; a base below 0 or above
// kMaxAdjustableMinor, an invalid currency or a month missing from the table is kInvalidArgument
// naming "base", "base_month" or "adjust_month" (the message names the table and the month).
Result<PriceAdjustment> AdjustPrice(const Money& base, const IndexTable& table,
                                    const YearMonth& base_month, const YearMonth& adjust_month,
                                    PriceChangeReason reason);

}  // namespace samspill::contract
