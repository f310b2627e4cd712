#include "contract/price_index.h"

#include <array>
#include <cstdio>

#include "common/text.h"

namespace samspill::contract {
namespace {

bool ValidMonth(const YearMonth& m) {
  return m.year >= 1900 && m.year <= 2200 && m.month >= 1 && m.month <= 12;
}

struct ReasonInfo {
  PriceChangeReason reason;
  std::string_view name;
  std::string_view nb;
  std::string_view en;
};
constexpr std::array<ReasonInfo, 3> kReasons = {{
    {PriceChangeReason::kIndexClause, "index_clause", "Kontraktens indeksklausul",
     "The contract's index clause"},
    {PriceChangeReason::kLawOrTariffChange, "law_or_tariff_change",
     "Endret lov, forskrift eller tariff", "Changed law, regulation or tariff"},
    {PriceChangeReason::kAgreedChange, "agreed_change", "Avtalt endring", "Agreed change"},
}};

const ReasonInfo* Find(PriceChangeReason r) {
  for (const ReasonInfo& info : kReasons) {
    if (info.reason == r) return &info;
  }
  return nullptr;
}

}  // namespace

std::string YearMonth::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  return buffer;
}

Status ValidateIndexTable(const IndexTable& table) {
  if (IsBlank(table.name)) return InvalidArgument("the index table needs a name", "name");
  for (size_t i = 0; i < table.points.size(); ++i) {
    const IndexPoint& p = table.points[i];
    const std::string path = "points[" + std::to_string(i) + "]";
    if (!ValidMonth(p.month)) {
      return InvalidArgument(table.name + ": " + p.month.ToIso() + " is not a month",
                             path + ".month");
    }
    if (i > 0 && !(table.points[i - 1].month < p.month)) {
      return InvalidArgument(table.name + ": the months must be strictly increasing (" +
                                 p.month.ToIso() + " follows " + table.points[i - 1].month.ToIso() +
                                 ")",
                             path + ".month");
    }
    if (p.value <= 0 || p.value > kMaxIndexValue) {
      return InvalidArgument(table.name + ": the value for " + p.month.ToIso() +
                                 " must be above 0 and at most 1 000 000",
                             path + ".value");
    }
  }
  return Status::Ok();
}

std::optional<int64_t> IndexValueAt(const IndexTable& table, const YearMonth& month) {
  for (const IndexPoint& p : table.points) {
    if (p.month == month) return p.value;
  }
  return std::nullopt;
}

std::string_view PriceChangeReasonName(PriceChangeReason r) {
  const ReasonInfo* info = Find(r);
  return info ? info->name : "unknown";
}

std::optional<PriceChangeReason> PriceChangeReasonFromName(std::string_view name) {
  for (const ReasonInfo& info : kReasons) {
    if (info.name == name) return info.reason;
  }
  return std::nullopt;
}

std::string_view PriceChangeReasonLabelNb(PriceChangeReason r) {
  const ReasonInfo* info = Find(r);
  return info ? info->nb : "Ukjent";
}

std::string_view PriceChangeReasonLabelEn(PriceChangeReason r) {
  const ReasonInfo* info = Find(r);
  return info ? info->en : "Unknown";
}

Result<PriceAdjustment> AdjustPrice(const Money& base, const IndexTable& table,
                                    const YearMonth& base_month, const YearMonth& adjust_month,
                                    PriceChangeReason reason) {
  SAMSPILL_RETURN_IF_ERROR(ValidateIndexTable(table));
  if (!IsCurrencyCode(base.currency)) {
    return InvalidArgument("the price's currency must be three capital letters", "base.currency");
  }
  if (base.minor < 0 || base.minor > kMaxAdjustableMinor) {
    return InvalidArgument("the price to adjust must be from 0 to 10^13", "base");
  }
  if (Find(reason) == nullptr) return InvalidArgument("unknown reason for the change", "reason");
  const std::optional<int64_t> from = IndexValueAt(table, base_month);
  if (!from) {
    return InvalidArgument(table.name + " has no value for " + base_month.ToIso() +
                               "; add it to the index table first",
                           "base_month");
  }
  const std::optional<int64_t> to = IndexValueAt(table, adjust_month);
  if (!to) {
    return InvalidArgument(table.name + " has no value for " + adjust_month.ToIso() +
                               "; add it to the index table first",
                           "adjust_month");
  }
  // At most 10^15 øre × 10^10 = 10^25, well inside 128 bits. The base is not negative, so
  // rounding half away from zero is adding half the divisor before the division.
  const __int128 numerator = static_cast<__int128>(base.minor) * *to;
  const __int128 rounded = (numerator * 2 + *from) / (static_cast<__int128>(*from) * 2);
  if (rounded > kMaxMoneyMinor) {
    return InvalidArgument("the adjusted price would exceed the largest amount samspill accepts",
                           "adjust_month");
  }
  PriceAdjustment out;
  out.base = base;
  out.adjusted = Money{static_cast<int64_t>(rounded), base.currency};
  out.index_name = table.name;
  out.base_month = base_month;
  out.adjust_month = adjust_month;
  out.base_index = *from;
  out.adjust_index = *to;
  out.reason = reason;
  return out;
}

}  // namespace samspill::contract
