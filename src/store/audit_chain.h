// The hash chain over the audit trail: how one stored audit event is hashed, and the walk that
// checks a whole trail against its recorded head (decision 0018).
//
// Every event stores `prev_hash` (the hash of the event before it, kAuditGenesisHash for the
// first) and `hash` = hex BLAKE2b-256 of a canonical encoding of all its stored columns and
// prev_hash. The encoding is backend-independent, so a PostgreSQL backend computes the same
// hashes. Pure functions and a single-threaded verifier; no I/O.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "store/store.h"

namespace samspill::store {

// The prev_hash of the first event: 64 zeros.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// One audit event exactly as stored: the text columns as written, not re-formatted, so a
// hand-edited time such as "2025-01-01T00:00:00+00:00" changes the hash too.
struct StoredAuditRow {
  int64_t id = 0;
  std::string at;
  std::optional<int64_t> actor_user_id;
  std::string actor;
  std::string action;
  std::string entity_type;
  std::string entity_id;
  std::string before_json;
  std::string after_json;
  std::string prev_hash;
  std::string hash;  // as stored; not an input of AuditEventHash
};

// The unambiguous byte string that is hashed: a version tag, then every field as a type byte
// (0 null, 1 integer, 2 text), an 8-byte big-endian length and the bytes. Exposed for tests.
std::string CanonicalAuditEncoding(const StoredAuditRow& row);

// Hex BLAKE2b-256 of CanonicalAuditEncoding(row), which includes row.prev_hash.
std::string AuditEventHash(const StoredAuditRow& row);

// The recorded head of the chain: the last appended event's id and hash (id 0 and the genesis
// hash for an empty trail). nullopt when the head record itself is missing.
struct AuditHead {
  int64_t last_id = 0;
  std::string hash;
};

// Walks the rows of a trail in id order and reports the first broken link.
//   AuditChainVerifier v(find_by_hash);
//   for (row : rows ordered by id) v.Add(row);
//   AuditChainReport report = v.Finish(head);
class AuditChainVerifier {
 public:
  // Returns the id of a stored event whose `hash` column equals the argument, if any; called
  // only when a link is broken, to tell a reordering from an edit.
  using FindByHash = std::function<std::optional<int64_t>(std::string_view hash)>;

  explicit AuditChainVerifier(FindByHash find_by_hash) : find_by_hash_(std::move(find_by_hash)) {}

  void Add(const StoredAuditRow& row);
  AuditChainReport Finish(const std::optional<AuditHead>& head);

 private:
  void Break(AuditChainBreak::Kind kind, int64_t event_id, std::string message);

  FindByHash find_by_hash_;
  AuditChainReport report_;
  int64_t last_id_ = 0;
  std::string last_hash_{kAuditGenesisHash};
};

// For views that show audit events (the protocol, the audit trail): OK when the whole chain
// verifies, else kDataLoss naming the first broken link, so a shortened or edited trail is
// never shown as if complete. Reads the whole trail: see Store::VerifyAuditChain.
Status RequireIntactAuditTrail(Store& store);

}  // namespace samspill::store
