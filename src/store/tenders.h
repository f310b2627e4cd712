// TenderStore: tenders and what suppliers send to them, bids and questions.
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

// A tender as stored: the indexed columns the store queries by, and the tendering module's
// snapshot as opaque JSON text (tendering/tender_json.h owns its shape). `version` grows by one
// on every update, so two people editing the same tender cannot silently overwrite each other.
struct StoredTender {
  int64_t id = 0;
  int64_t buyer_organisation_id = 0;
  std::string title;
  int state = 1;  // tendering::TenderState as its stored integer
  std::optional<Timestamp> bid_deadline;
  std::string document_json;  // the tender snapshot
  std::string outcome_json;   // evaluation results and awards ("{}" until evaluated)
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct TenderUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;  // the version the change was made from (else kConflict)
  std::string title;
  int state = 1;
  std::optional<Timestamp> bid_deadline;
  std::string document_json;
  std::string outcome_json;
};

// A supplier's bid for one lot of one tender. There is at most one per (tender, lot,
// supplier): a replacement overwrites the content and bumps `version`. `content_json` is the
// sealed part (price, description); read it only through the methods that say so.
struct StoredBid {
  int64_t id = 0;
  int64_t tender_id = 0;
  std::string lot_id;  // "" for an undivided tender
  int64_t supplier_organisation_id = 0;
  int64_t submitted_by_user_id = 0;
  int version = 1;
  Timestamp received_at;
  std::string content_json;  // empty in receipts (ListBidReceipts)
  int status = 1;            // tendering::BidStatus: 1 valid, 2 rejected
  std::string rejection_reason;
  std::string scores_json;  // the committee's scores ("[]" until scored)
};

struct NewBid {
  int64_t tender_id = 0;
  std::string lot_id;
  int64_t supplier_organisation_id = 0;
  int64_t submitted_by_user_id = 0;
  Timestamp received_at;
  std::string content_json;
};

struct StoredQuestion {
  int64_t id = 0;
  int64_t tender_id = 0;
  std::string lot_id;
  int64_t asked_by_organisation_id = 0;
  int64_t asked_by_user_id = 0;
  std::string question;
  Timestamp asked_at;
  std::optional<std::string> answer;
  std::optional<Timestamp> answered_at;
  std::optional<int64_t> answered_by_user_id;
};

struct NewQuestion {
  int64_t tender_id = 0;
  std::string lot_id;
  int64_t asked_by_organisation_id = 0;
  int64_t asked_by_user_id = 0;
  std::string question;
  Timestamp asked_at;
};

class TenderStore {
 public:
  virtual ~TenderStore() = default;

  // Tenders. The buyer organisation must exist (else kConflict). Updates check
  // `expected_version` (kConflict "changed by someone else" when it differs) and write the
  // audit event in the same transaction.
  virtual Result<StoredTender> CreateTender(const StoredTender& tender, AuditEvent audit) = 0;
  virtual Result<StoredTender> FindTender(int64_t id) = 0;      // kNotFound
  virtual Result<std::vector<StoredTender>> ListTenders() = 0;  // newest first
  // The same rows with document_json and outcome_json left empty: what a list shows, without
  // reading every tender's documents.
  virtual Result<std::vector<StoredTender>> ListTenderSummaries() = 0;  // newest first
  virtual Result<StoredTender> UpdateTender(const TenderUpdate& update, AuditEvent audit) = 0;

  // Bids. SubmitBid inserts the supplier's bid for the lot or replaces its content (version
  // + 1, new receipt time). ListBidReceipts returns no content (safe before the deadline);
  // ListBidsWithContent is for opened tenders and for a supplier's own bid only — the caller
  // enforces that. SetBidEvaluation stores status, rejection reason and scores.
  virtual Result<StoredBid> SubmitBid(const NewBid& bid, AuditEvent audit) = 0;
  virtual Result<std::vector<StoredBid>> ListBidReceipts(int64_t tender_id) = 0;  // by id
  virtual Result<std::vector<StoredBid>> ListBidsWithContent(int64_t tender_id) = 0;
  virtual Result<StoredBid> FindBidWithContent(int64_t bid_id) = 0;  // kNotFound
  virtual Status SetBidEvaluation(int64_t bid_id, int status, std::string_view rejection_reason,
                                  std::string_view scores_json, AuditEvent audit) = 0;

  // Questions and answers. An answer is given once (kConflict when already answered).
  virtual Result<StoredQuestion> CreateQuestion(const NewQuestion& question, AuditEvent audit) = 0;
  virtual Status AnswerQuestion(int64_t question_id, std::string_view answer,
                                int64_t answered_by_user_id, Timestamp at, AuditEvent audit) = 0;
  virtual Result<std::vector<StoredQuestion>> ListQuestions(int64_t tender_id) = 0;  // by id
};

}  // namespace samspill::store
