// RFC 3339 timestamps as chrono's DateTime::parse_from_rfc3339 reads them, for R003's
// "whole days of the tender period". Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace samspill::market::cardinal {

// An instant: nanoseconds since 1970-01-01T00:00:00Z (128 bits: years 0000-9999 fit).
using Instant = __int128;

// "2024-01-05T10:00:00+01:00" (separator T, t or space; fraction optional; offset Z, z or
// ±HH:MM required). A date without a time, or anything else, gives nullopt.
std::optional<Instant> ParseRfc3339(std::string_view text);

// Whole days of end - start, truncated toward zero (chrono's Duration::num_days).
int64_t WholeDaysBetween(Instant start, Instant end);

}  // namespace samspill::market::cardinal
