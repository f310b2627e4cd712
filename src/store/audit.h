// AuditLog: the append-only audit trail, its events and the check of its hash chain.
//
// Every other part of Store writes its audit event itself, in the transaction of the change;
// AuditLog appends the events that change nothing else and reads and verifies the trail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"

namespace samspill::store {

// One append-only record of who did what, when. The procurement protocol is later
// generated from these events, so `action` names are stable ("user.create").
struct AuditEvent {
  int64_t id = 0;  // assigned by the store, increasing
  Timestamp at;
  std::optional<int64_t> actor_user_id;  // empty for the system itself
  std::string actor;                     // username at the time, or "system"
  std::string action;                    // "user.create", "session.login", …
  std::string entity_type;               // "user", "session", "tender", …
  std::string entity_id;
  std::string before_json;  // state before the change ("" when none)
  std::string after_json;   // state after the change ("" when none)
};

// Where the audit trail's hash chain (decision 0018) first breaks.
struct AuditChainBreak {
  // Stored nowhere; the names are what the CLI and the API print.
  enum class Kind {
    kContentChanged,    // the event's hash does not match its content
    kPrevHashMismatch,  // its prev_hash is not the previous event's hash
    kEventsMissing,     // ids are missing before it (deleted rows), or after the last one
    kOrderChanged,      // its prev_hash is the hash of an event stored elsewhere
    kHeadMismatch,      // the last event is not the recorded head of the chain
  };
  Kind kind = Kind::kContentChanged;
  int64_t event_id = 0;  // the first event found wrong (for kEventsMissing: the first missing)
  std::string message;   // "event 12: …", e.g. "event 3: events missing between id 2 and 4"
};

// What VerifyAuditChain found. `head_hash` is the last stored event's hash: printed by
// `samspill audit verify`, so an auditor can compare it with a copy taken earlier.
struct AuditChainReport {
  int64_t events_checked = 0;
  int64_t head_id = 0;    // 0 for an empty trail
  std::string head_hash;  // the genesis hash for an empty trail
  std::optional<AuditChainBreak> first_break;
  bool intact() const { return !first_break.has_value(); }
};

struct AuditQuery {
  std::string entity_type;  // empty: any
  std::string entity_id;    // empty: any
  int64_t after_id = 0;     // return events with id > after_id (paging)
  int limit = 100;          // at most kMaxAuditPage
};
inline constexpr int kMaxAuditPage = 1000;

class AuditLog {
 public:
  virtual ~AuditLog() = default;

  virtual Status AppendAudit(AuditEvent event) = 0;  // for events with no state change
  virtual Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& query) = 0;  // by id
  // Recomputes every event's hash in id order and compares the last one with the recorded
  // head. Reads the whole trail (linear in its size): for the protocol, the audit views and
  // `samspill audit verify`, not for every request. A broken chain is a report, not an error;
  // errors are for failing to read.
  virtual Result<AuditChainReport> VerifyAuditChain() = 0;
};

}  // namespace samspill::store
