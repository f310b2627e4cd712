#pragma once
namespace samspill::cli {
inline constexpr char kVersion[] = SAMSPILL_VERSION;
}  // namespace samspill::cli
