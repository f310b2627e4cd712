#include "store/audit_chain.h"

#include <sodium.h>

namespace samspill::store {
namespace {

// Bump when the encoding changes; old chains keep verifying only with the old tag.
constexpr std::string_view kEncodingTag = "samspill.audit_event.v1";

void AppendLength(std::string& out, uint64_t n) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xff));
}

void AppendText(std::string& out, std::string_view text) {
  out.push_back(2);
  AppendLength(out, text.size());
  out.append(text);
}

void AppendInt(std::string& out, std::optional<int64_t> value) {
  if (!value) {
    out.push_back(0);
    AppendLength(out, 0);
    return;
  }
  out.push_back(1);
  AppendLength(out, 8);
  AppendLength(out, static_cast<uint64_t>(*value));
}

}  // namespace

std::string CanonicalAuditEncoding(const StoredAuditRow& row) {
  std::string out;
  out.reserve(128 + row.before_json.size() + row.after_json.size());
  AppendText(out, kEncodingTag);
  AppendInt(out, row.id);
  AppendText(out, row.at);
  AppendInt(out, row.actor_user_id);
  AppendText(out, row.actor);
  AppendText(out, row.action);
  AppendText(out, row.entity_type);
  AppendText(out, row.entity_id);
  AppendText(out, row.before_json);
  AppendText(out, row.after_json);
  AppendText(out, row.prev_hash);
  return out;
}

std::string AuditEventHash(const StoredAuditRow& row) {
  // sodium_init is idempotent and thread-safe; it selects the fastest implementation.
  static const int initialised = sodium_init();
  (void)initialised;
  const std::string encoded = CanonicalAuditEncoding(row);
  unsigned char digest[crypto_generichash_BYTES];  // 32 bytes: BLAKE2b-256
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(encoded.data()),
                     encoded.size(), nullptr, 0);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 2 * sizeof digest);
}

void AuditChainVerifier::Break(AuditChainBreak::Kind kind, int64_t event_id, std::string message) {
  report_.first_break = AuditChainBreak{kind, event_id, std::move(message)};
}

void AuditChainVerifier::Add(const StoredAuditRow& row) {
  ++report_.events_checked;
  if (!report_.first_break) {
    const std::string id = std::to_string(row.id);
    if (row.id != last_id_ + 1) {
      Break(AuditChainBreak::Kind::kEventsMissing, last_id_ + 1,
            "event " + std::to_string(last_id_ + 1) + ": events missing between id " +
                std::to_string(last_id_) + " and " + id);
    } else if (row.prev_hash != last_hash_) {
      // An event whose predecessor is stored somewhere else was moved; otherwise the link
      // itself (or the previous event, rehashed) was changed.
      std::optional<int64_t> predecessor = find_by_hash_(row.prev_hash);
      if (predecessor && *predecessor != last_id_) {
        Break(AuditChainBreak::Kind::kOrderChanged, row.id,
              "event " + id + ": order changed (its prev_hash is the hash of event " +
                  std::to_string(*predecessor) + ", not of event " + std::to_string(last_id_) +
                  ")");
      } else {
        Break(AuditChainBreak::Kind::kPrevHashMismatch, row.id,
              "event " + id + ": prev_hash does not match the previous event");
      }
    } else if (AuditEventHash(row) != row.hash) {
      Break(AuditChainBreak::Kind::kContentChanged, row.id,
            "event " + id + ": hash does not match the event's content");
    }
  }
  last_id_ = row.id;
  last_hash_ = row.hash;
}

AuditChainReport AuditChainVerifier::Finish(const std::optional<AuditHead>& head) {
  report_.head_id = last_id_;
  report_.head_hash = last_hash_;
  if (report_.first_break) return report_;
  const std::string last = std::to_string(last_id_);
  if (!head) {
    Break(AuditChainBreak::Kind::kHeadMismatch, last_id_,
          "event " + last + ": the recorded head of the audit trail is missing");
  } else if (head->last_id > last_id_) {
    // The newest events were deleted: only the head remembers them.
    Break(AuditChainBreak::Kind::kEventsMissing, last_id_ + 1,
          "event " + std::to_string(last_id_ + 1) + ": events missing between id " + last +
              " and " + std::to_string(head->last_id + 1) + " (the recorded head is event " +
              std::to_string(head->last_id) + ")");
  } else if (head->last_id < last_id_) {
    Break(AuditChainBreak::Kind::kHeadMismatch, head->last_id + 1,
          "event " + std::to_string(head->last_id + 1) +
              ": added behind the store's back (the recorded head is event " +
              std::to_string(head->last_id) + ")");
  } else if (head->hash != last_hash_) {
    Break(AuditChainBreak::Kind::kHeadMismatch, last_id_,
          "event " + last + ": hash does not match the recorded head of the chain");
  }
  return report_;
}

Status RequireIntactAuditTrail(Store& store) {
  SAMSPILL_ASSIGN_OR_RETURN(AuditChainReport report, store.VerifyAuditChain());
  if (report.intact()) return Status::Ok();
  return DataLoss("the audit trail is broken (" + report.first_break->message +
                  "): events were changed or deleted after they were written, so what is built "
                  "from them may be incomplete; run `samspill audit verify`");
}

}  // namespace samspill::store
