// StrategyStore: the municipality's tendering strategy (issue 17) — its register (task areas,
// peers' IKU, political targets), a priority list per budget year and the procurement plan's
// draft, each kept whole as the strategy module's JSON document (strategy/strategy_json.h owns
// the shapes), and the published versions of the plan, append-only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "store/audit.h"

namespace samspill::store {

// Document kinds; stored as text: never rename.
inline constexpr std::string_view kStrategyRegisterKind = "register";      // key ""
inline constexpr std::string_view kStrategyPrioritiesKind = "priorities";  // key "2026"
inline constexpr std::string_view kStrategyPlanKind = "plan";              // key ""

struct StoredStrategyDocument {
  std::string kind;
  std::string key;
  std::string document_json;
  int64_t version = 1;
  std::optional<int64_t> updated_by_user_id;
  Timestamp updated_at;
};

struct StoredPlanVersion {
  int64_t number = 0;  // 1, 2, … without gaps
  Timestamp published_at;
  std::optional<int64_t> published_by_user_id;
  std::string document_json;  // the published plan (strategy::PublishedPlanToJson)
};

class StrategyStore {
 public:
  virtual ~StrategyStore() = default;

  // nullopt when no such document was ever stored.
  virtual Result<std::optional<StoredStrategyDocument>> FindStrategyDocument(
      std::string_view kind, std::string_view key) = 0;
  // Every document of `kind`, ordered by key.
  virtual Result<std::vector<StoredStrategyDocument>> ListStrategyDocuments(
      std::string_view kind) = 0;
  // Creates (expected_version 0; kConflict "already exists" when it does) or replaces the
  // document whose version is expected_version (kConflict "changed by someone else"
  // otherwise; kNotFound when an update names no document). The stored version is the old one
  // + 1 (1 when created). One transaction with its audit event.
  virtual Result<StoredStrategyDocument> PutStrategyDocument(
      std::string_view kind, std::string_view key, std::string document_json,
      int64_t expected_version, std::optional<int64_t> user_id, Timestamp at, AuditEvent audit) = 0;

  // Appends version `number`, which must be the latest number + 1 (kConflict otherwise: two
  // publishers at once). One transaction with its audit event.
  virtual Result<StoredPlanVersion> AppendPlanVersion(const StoredPlanVersion& version,
                                                      AuditEvent audit) = 0;
  // All versions, oldest first.
  virtual Result<std::vector<StoredPlanVersion>> ListPlanVersions() = 0;
  // nullopt before the first publication.
  virtual Result<std::optional<StoredPlanVersion>> LatestPlanVersion() = 0;
};

}  // namespace samspill::store
