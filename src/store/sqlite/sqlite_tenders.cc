// SqliteStore's TenderStore: tenders, bids and questions.

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {
namespace {

constexpr std::string_view kTenderColumns =
    "id, buyer_organisation_id, title, state, bid_deadline, document_json, outcome_json, "
    "version, created_at, updated_at";

Result<StoredTender> ReadTender(const SqliteStatement& stmt) {
  StoredTender t;
  t.id = stmt.ColumnInt(0);
  t.buyer_organisation_id = stmt.ColumnInt(1);
  t.title = stmt.ColumnText(2);
  t.state = static_cast<int>(stmt.ColumnInt(3));
  if (!stmt.ColumnIsNull(4)) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp deadline, ReadTime(stmt.ColumnText(4)));
    t.bid_deadline = deadline;
  }
  t.document_json = stmt.ColumnText(5);
  t.outcome_json = stmt.ColumnText(6);
  t.version = stmt.ColumnInt(7);
  SAMSPILL_ASSIGN_OR_RETURN(t.created_at, ReadTime(stmt.ColumnText(8)));
  SAMSPILL_ASSIGN_OR_RETURN(t.updated_at, ReadTime(stmt.ColumnText(9)));
  return t;
}

// The content column is selected as '' for receipts, so sealed content never leaves SQLite.
std::string BidColumns(bool with_content) {
  return std::string(
             "id, tender_id, lot_id, supplier_organisation_id, submitted_by_user_id, version, "
             "received_at, ") +
         (with_content ? "content_json" : "''") + ", status, rejection_reason, scores_json";
}

Result<StoredBid> ReadBid(const SqliteStatement& stmt) {
  StoredBid b;
  b.id = stmt.ColumnInt(0);
  b.tender_id = stmt.ColumnInt(1);
  b.lot_id = stmt.ColumnText(2);
  b.supplier_organisation_id = stmt.ColumnInt(3);
  b.submitted_by_user_id = stmt.ColumnInt(4);
  b.version = static_cast<int>(stmt.ColumnInt(5));
  SAMSPILL_ASSIGN_OR_RETURN(b.received_at, ReadTime(stmt.ColumnText(6)));
  b.content_json = stmt.ColumnText(7);
  b.status = static_cast<int>(stmt.ColumnInt(8));
  b.rejection_reason = stmt.ColumnText(9);
  b.scores_json = stmt.ColumnText(10);
  return b;
}

constexpr std::string_view kQuestionColumns =
    "id, tender_id, lot_id, asked_by_organisation_id, asked_by_user_id, question, asked_at, "
    "answer, answered_at, answered_by_user_id";

Result<StoredQuestion> ReadQuestion(const SqliteStatement& stmt) {
  StoredQuestion q;
  q.id = stmt.ColumnInt(0);
  q.tender_id = stmt.ColumnInt(1);
  q.lot_id = stmt.ColumnText(2);
  q.asked_by_organisation_id = stmt.ColumnInt(3);
  q.asked_by_user_id = stmt.ColumnInt(4);
  q.question = stmt.ColumnText(5);
  SAMSPILL_ASSIGN_OR_RETURN(q.asked_at, ReadTime(stmt.ColumnText(6)));
  if (!stmt.ColumnIsNull(7)) q.answer = stmt.ColumnText(7);
  if (!stmt.ColumnIsNull(8)) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, ReadTime(stmt.ColumnText(8)));
    q.answered_at = at;
  }
  if (!stmt.ColumnIsNull(9)) q.answered_by_user_id = stmt.ColumnInt(9);
  return q;
}

// A time that may be absent (a tender without a bid deadline): NULL when it is.
void BindOptionalTime(SqliteStatement& stmt, int index, const std::optional<Timestamp>& t) {
  if (t) {
    stmt.Bind(index, t->ToIso());
  } else {
    stmt.BindNull(index);
  }
}

constexpr EntityTable<StoredTender> kTenders{
    "tenders", kTenderColumns, &ReadTender,
    [](int64_t id) { return "no tender with id " + std::to_string(id); }};
constexpr EntityTable<StoredQuestion> kQuestions{
    "questions", kQuestionColumns, &ReadQuestion,
    [](int64_t id) { return "no question with id " + std::to_string(id); }};

}  // namespace

Result<StoredTender> SqliteStore::CreateTender(const StoredTender& t, AuditEvent audit) {
  MutexLock lock(mu_);
  const RowInsert insert{
      .sql =
          "INSERT INTO tenders (buyer_organisation_id, title, state, bid_deadline, "
          "document_json, outcome_json, version, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
      .bind =
          [&t, &audit](SqliteStatement& stmt) {
            stmt.Bind(1, t.buyer_organisation_id)
                .Bind(2, t.title)
                .Bind(3, int64_t{t.state})
                .Bind(5, t.document_json)
                .Bind(6, t.outcome_json.empty() ? std::string_view("{}")
                                                : std::string_view(t.outcome_json))
                .Bind(7, audit.at.ToIso())
                .Bind(8, audit.at.ToIso());
            BindOptionalTime(stmt, 4, t.bid_deadline);
          },
      .on_conflict =
          [&t](const Status&) {
            return Conflict("the tender could not be stored: no buyer organisation with id " +
                            std::to_string(t.buyer_organisation_id) + ", or a value out of range");
          },
  };
  return WriteWithAudit(kTenders, insert, audit, AuditNames::kRowIfEmpty);
}

Result<StoredTender> SqliteStore::FindTender(int64_t id) {
  MutexLock lock(mu_);
  return FindRowLocked(kTenders, id);
}

Result<std::vector<StoredTender>> SqliteStore::ListTenders() {
  MutexLock lock(mu_);
  return ListRowsLocked(kTenders, "id DESC");
}

Result<std::vector<StoredTender>> SqliteStore::ListTenderSummaries() {
  MutexLock lock(mu_);
  // kTenderColumns with the two documents selected as '' so ReadTender reads the same shape.
  SqliteStatement stmt(cache_,
                       "SELECT id, buyer_organisation_id, title, state, bid_deadline, '', '', "
                       "version, created_at, updated_at FROM tenders ORDER BY id DESC");
  return ReadRows<StoredTender>(stmt, &ReadTender);
}

Result<StoredTender> SqliteStore::UpdateTender(const TenderUpdate& u, AuditEvent audit) {
  MutexLock lock(mu_);
  const VersionedRowUpdate update{
      .id = u.id,
      .expected_version = u.expected_version,
      .set = "title = ?, state = ?, bid_deadline = ?, document_json = ?, outcome_json = ?",
      .bind =
          [&u](SqliteStatement& stmt) {
            stmt.Bind(1, u.title)
                .Bind(2, int64_t{u.state})
                .Bind(4, u.document_json)
                .Bind(5, u.outcome_json.empty() ? std::string_view("{}")
                                                : std::string_view(u.outcome_json));
            BindOptionalTime(stmt, 3, u.bid_deadline);
          },
      .subject = "the tender",
  };
  return WriteWithAudit(kTenders, update, audit, AuditNames::kRowIfEmpty);
}

Result<StoredBid> SqliteStore::SubmitBid(const NewBid& b, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement upsert(
      cache_,
      "INSERT INTO bids (tender_id, lot_id, supplier_organisation_id, submitted_by_user_id, "
      "received_at, content_json) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (tender_id, lot_id, supplier_organisation_id) DO UPDATE SET "
      "submitted_by_user_id = excluded.submitted_by_user_id, version = version + 1, "
      "received_at = excluded.received_at, content_json = excluded.content_json");
  upsert.Bind(1, b.tender_id)
      .Bind(2, b.lot_id)
      .Bind(3, b.supplier_organisation_id)
      .Bind(4, b.submitted_by_user_id)
      .Bind(5, b.received_at.ToIso())
      .Bind(6, b.content_json);
  Status status = upsert.Run();
  if (status.code() == StatusCode::kConflict) {
    return Conflict("the bid could not be stored: unknown tender, supplier or user");
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  SqliteStatement find(cache_, "SELECT " + BidColumns(true) +
                                   " FROM bids WHERE tender_id = ? AND lot_id = ? AND "
                                   "supplier_organisation_id = ?");
  find.Bind(1, b.tender_id).Bind(2, b.lot_id).Bind(3, b.supplier_organisation_id);
  if (!find.Step(&status)) return status.ok() ? Internal("stored bid not found") : status;
  SAMSPILL_ASSIGN_OR_RETURN(StoredBid stored, ReadBid(find));
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<std::vector<StoredBid>> SqliteStore::ListBidReceipts(int64_t tender_id) {
  MutexLock lock(mu_);
  return ListBidsLocked(tender_id, /*with_content=*/false);
}

Result<std::vector<StoredBid>> SqliteStore::ListBidsWithContent(int64_t tender_id) {
  MutexLock lock(mu_);
  return ListBidsLocked(tender_id, /*with_content=*/true);
}

Result<StoredBid> SqliteStore::FindBidWithContent(int64_t bid_id) {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_, "SELECT " + BidColumns(true) + " FROM bids WHERE id = ?");
  stmt.Bind(1, bid_id);
  Status status;
  if (!stmt.Step(&status)) return status.ok() ? NotFound("no such bid") : status;
  return ReadBid(stmt);
}

Status SqliteStore::SetBidEvaluation(int64_t bid_id, int status_value,
                                     std::string_view rejection_reason,
                                     std::string_view scores_json, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement update(
      cache_, "UPDATE bids SET status = ?, rejection_reason = ?, scores_json = ? WHERE id = ?");
  update.Bind(1, int64_t{status_value})
      .Bind(2, rejection_reason)
      .Bind(3, scores_json)
      .Bind(4, bid_id);
  Status status = update.Run();
  if (status.code() == StatusCode::kConflict) return InvalidArgument("bid status out of range");
  SAMSPILL_RETURN_IF_ERROR(status);
  if (sqlite3_changes(db_) == 0) return NotFound("no bid with id " + std::to_string(bid_id));
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

Result<StoredQuestion> SqliteStore::CreateQuestion(const NewQuestion& q, AuditEvent audit) {
  MutexLock lock(mu_);
  const RowInsert insert{
      .sql =
          "INSERT INTO questions (tender_id, lot_id, asked_by_organisation_id, "
          "asked_by_user_id, question, asked_at) VALUES (?, ?, ?, ?, ?, ?)",
      .bind =
          [&q](SqliteStatement& stmt) {
            stmt.Bind(1, q.tender_id)
                .Bind(2, q.lot_id)
                .Bind(3, q.asked_by_organisation_id)
                .Bind(4, q.asked_by_user_id)
                .Bind(5, q.question)
                .Bind(6, q.asked_at.ToIso());
          },
      .on_conflict =
          [](const Status&) {
            return Conflict(
                "the question could not be stored: unknown tender, supplier or user, or "
                "an empty or over-long question");
          },
  };
  // The event names the tender the question was asked in, as the caller set it.
  return WriteWithAudit(kQuestions, insert, audit, AuditNames::kAsGiven);
}

Status SqliteStore::AnswerQuestion(int64_t question_id, std::string_view answer,
                                   int64_t answered_by_user_id, Timestamp at, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  SqliteStatement update(cache_,
                         "UPDATE questions SET answer = ?, answered_at = ?, "
                         "answered_by_user_id = ? WHERE id = ? AND answer IS NULL");
  update.Bind(1, answer).Bind(2, at.ToIso()).Bind(3, answered_by_user_id).Bind(4, question_id);
  Status status = update.Run();
  if (status.code() == StatusCode::kConflict) return Conflict("unknown answering user");
  SAMSPILL_RETURN_IF_ERROR(status);
  if (sqlite3_changes(db_) == 0) {
    SqliteStatement exists(cache_, "SELECT 1 FROM questions WHERE id = ?");
    exists.Bind(1, question_id);
    if (!exists.Step(&status)) {
      return status.ok() ? NotFound("no question with id " + std::to_string(question_id)) : status;
    }
    return Conflict("question " + std::to_string(question_id) +
                    " is already answered; its answer has been published to every supplier");
  }
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  return tx.Commit();
}

Result<std::vector<StoredQuestion>> SqliteStore::ListQuestions(int64_t tender_id) {
  MutexLock lock(mu_);
  SqliteStatement stmt(cache_, "SELECT " + std::string(kQuestionColumns) +
                                   " FROM questions WHERE tender_id = ? ORDER BY id");
  stmt.Bind(1, tender_id);
  return ReadRows<StoredQuestion>(stmt, &ReadQuestion);
}

Result<std::vector<StoredBid>> SqliteStore::ListBidsLocked(int64_t tender_id, bool with_content) {
  SqliteStatement stmt(
      cache_, "SELECT " + BidColumns(with_content) + " FROM bids WHERE tender_id = ? ORDER BY id");
  stmt.Bind(1, tender_id);
  return ReadRows<StoredBid>(stmt, &ReadBid);
}

}  // namespace samspill::store
