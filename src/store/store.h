// Store: samspill's persistent state behind one interface.
//
// The SQLite backend (store/sqlite/) is the embedded default; a PostgreSQL backend will
// implement the same interface and pass the same conformance suite
// (store_conformance_test.cc). Every method that changes data takes the audit event that
// describes the change and writes both in one transaction: a change without its audit
// event cannot be stored. Audit events are append-only.
//
// Thread-safety: implementations must be safe to call from several threads at once
// (the HTTP server calls from a thread pool).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/role.h"
#include "common/status.h"
#include "common/time.h"

namespace samspill::store {

// Stored as integers: never renumber.
enum class OrganisationKind {
  kBuyer = 1,     // oppdragsgiver: a municipality or other public buyer
  kSupplier = 2,  // leverandør
};

// A legal entity in Enhetsregisteret: the buyer or a supplier.
struct Organisation {
  int64_t id = 0;
  std::string org_number;  // nine digits, modulus-11 checked before it reaches the store
  std::string name;
  OrganisationKind kind = OrganisationKind::kSupplier;
  Timestamp created_at;
};

struct NewOrganisation {
  std::string org_number;
  std::string name;
  OrganisationKind kind = OrganisationKind::kSupplier;
};

struct User {
  int64_t id = 0;
  std::string username;      // unique, case-sensitive login name
  std::string display_name;  // "Kari Nordmann"
  Role role = Role::kAuditor;
  std::string password_hash;  // Argon2id string in libsodium's encoded form
  bool active = true;
  Timestamp created_at;
  std::optional<int64_t> organisation_id;  // a supplier user belongs to one supplier
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kAuditor;
  std::string password_hash;
  std::optional<int64_t> organisation_id;  // must exist (else kConflict)
};

// A login session. The token itself is never stored, only its hash.
struct Session {
  std::string token_hash;  // hex BLAKE2b of the cookie token
  int64_t user_id = 0;
  std::string csrf_token;  // sent back on every state-changing request
  Timestamp created_at;
  Timestamp expires_at;
};

// A session together with the user it belongs to: what every authenticated request needs,
// read in one query.
struct SessionAndUser {
  Session session;
  User user;
};

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

// A contracting process imported from public market data (OCDS, eForms) for market reports.
// The normalised process is kept whole as JSON (market/model/process_json.h owns its shape);
// the columns are what the store selects by. `process_key` ("ocds:<ocid>",
// "eforms:<procedure id>") is unique: importing the same process again replaces it.
struct StoredMarketLot {
  std::string lot_id;  // "" for a process without lots
  std::string cpv;     // eight digits or ""
  std::optional<int64_t> bidders;
  int bidder_source = 0;  // market::BidderSource as its stored integer
};

struct StoredMarketProcess {
  int64_t id = 0;
  std::string process_key;
  std::string source;  // file and line it came from
  std::string buyer;   // organisation number, else the publisher's id
  std::string region;  // NUTS code or ""
  std::string published;
  std::string document_json;
  std::vector<StoredMarketLot> lots;
};

// A collaboration project of the partnership portfolio as stored: the indexed columns and the
// portfolio module's document (portfolio/project_json.h owns its shape). Every change bumps
// `version` and keeps the whole document as a revision, so the history is never lost.
struct StoredProject {
  int64_t id = 0;
  std::string name;
  std::string area;
  int kind = 1;    // portfolio::ProjectKind
  int status = 3;  // portfolio::ProjectStatus
  std::optional<int64_t> registered_by_user_id;
  std::optional<int64_t> merged_into;
  std::string document_json;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct ProjectUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;  // else kConflict "changed by someone else"
  std::string name;
  std::string area;
  int kind = 1;
  int status = 3;
  std::optional<int64_t> merged_into;
  std::string document_json;
};

// One kept revision of a project: version 1 is the registration.
struct ProjectRevision {
  int64_t project_id = 0;
  int64_t version = 0;
  Timestamp at;
  std::optional<int64_t> user_id;
  std::string actor;
  std::string action;  // the audit action: "portfolio.project.create", "….merge", …
  std::string document_json;
};

struct AreaAssignment {
  int64_t user_id = 0;
  std::string area;
};

// An indicator with its target and yearly figures (portfolio/project_json.h owns the document).
// (category, name) is unique.
struct StoredIndicator {
  int64_t id = 0;
  std::string category;
  std::string name;
  std::string document_json;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

struct IndicatorUpdate {
  int64_t id = 0;
  int64_t expected_version = 0;
  std::string document_json;
};

class Store {
 public:
  virtual ~Store() = default;

  // Schema version of the open database (after migrations).
  virtual int SchemaVersion() = 0;

  // Users. `audit` is written in the same transaction; its entity_id is filled with the
  // new user's id when left empty. Username taken → kConflict.
  virtual Result<User> CreateUser(const NewUser& user, AuditEvent audit) = 0;
  virtual Result<User> FindUserById(int64_t id) = 0;                   // kNotFound
  virtual Result<User> FindUserByUsername(std::string_view name) = 0;  // kNotFound
  virtual Result<std::vector<User>> ListUsers() = 0;                   // ordered by id
  virtual Result<int64_t> CountUsers() = 0;
  // Deactivating also ends the user's sessions.
  virtual Status SetUserActive(int64_t id, bool active, AuditEvent audit) = 0;
  virtual Status SetUserPassword(int64_t id, std::string_view password_hash, AuditEvent audit) = 0;
  // A user's own password change: the new hash, and the end of every other session of the user
  // (all but `keep_token_hash`), with both audit events, in one transaction, so no session
  // opened with the old password can outlive the change. Unknown user → kNotFound, nothing
  // written.
  virtual Status ChangeUserPassword(int64_t id, std::string_view password_hash,
                                    std::string_view keep_token_hash, AuditEvent password_audit,
                                    AuditEvent sessions_audit) = 0;

  // Organisations. Organisation number taken → kConflict.
  virtual Result<Organisation> CreateOrganisation(const NewOrganisation& organisation,
                                                  AuditEvent audit) = 0;
  virtual Result<Organisation> FindOrganisationById(int64_t id) = 0;  // kNotFound
  virtual Result<std::vector<Organisation>> ListOrganisations() = 0;  // ordered by name, id

  // Sessions.
  virtual Status CreateSession(const Session& session, AuditEvent audit) = 0;
  virtual Result<Session> FindSession(std::string_view token_hash) = 0;  // kNotFound
  // The session and its user in one read (kNotFound); inactive users are returned as they
  // are, so the caller decides.
  virtual Result<SessionAndUser> FindSessionAndUser(std::string_view token_hash) = 0;
  virtual Status DeleteSession(std::string_view token_hash, AuditEvent audit) = 0;
  // Ends every session of the user except the one whose hash is `except_token_hash` (empty:
  // every one) and returns how many ended; `audit` is written in the same transaction. An
  // unknown user has no sessions (0).
  virtual Result<int64_t> DeleteSessionsOfUser(int64_t user_id, std::string_view except_token_hash,
                                               AuditEvent audit) = 0;
  // Removes sessions expired at `now`; returns how many. Housekeeping, not audited.
  virtual Result<int64_t> DeleteExpiredSessions(Timestamp now) = 0;

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

  // Market data. ImportMarketProcesses writes all the processes and the audit event in one
  // transaction (all or nothing) and returns how many it wrote. ListMarketProcesses returns
  // the processes with a lot whose CPV code starts with `cpv_prefix` ("" for all), by id.
  virtual Result<int64_t> ImportMarketProcesses(const std::vector<StoredMarketProcess>& processes,
                                                AuditEvent audit) = 0;
  virtual Result<std::vector<StoredMarketProcess>> ListMarketProcesses(
      std::string_view cpv_prefix) = 0;

  // Portfolio projects. CreateProjects stores all or none (an import is one transaction) and
  // writes revision 1 and one audit event per project (a copy of `audit` with entity_id set).
  // UpdateProjects applies every update or none (a merge changes two projects), each checked
  // against its expected_version and kept as a new revision.
  virtual Result<std::vector<StoredProject>> CreateProjects(
      const std::vector<StoredProject>& projects, const AuditEvent& audit) = 0;
  virtual Result<StoredProject> FindProject(int64_t id) = 0;      // kNotFound
  virtual Result<std::vector<StoredProject>> ListProjects() = 0;  // by id
  virtual Result<std::vector<StoredProject>> UpdateProjects(
      const std::vector<ProjectUpdate>& updates, const AuditEvent& audit) = 0;
  virtual Result<std::vector<ProjectRevision>> ListProjectRevisions(int64_t project_id) = 0;

  // A user's portfolio area; an empty area removes the assignment. The user must exist.
  virtual Status SetAreaAssignment(int64_t user_id, std::string_view area, AuditEvent audit) = 0;
  virtual Result<std::vector<AreaAssignment>> ListAreaAssignments() = 0;  // by user id

  // Indicators. SaveIndicators inserts new (category, name) pairs and replaces the document of
  // existing ones (version + 1), all in one transaction. UpdateIndicator checks the version.
  virtual Result<std::vector<StoredIndicator>> SaveIndicators(
      const std::vector<StoredIndicator>& indicators, const AuditEvent& audit) = 0;
  virtual Result<StoredIndicator> FindIndicator(int64_t id) = 0;      // kNotFound
  virtual Result<std::vector<StoredIndicator>> ListIndicators() = 0;  // by id
  virtual Result<StoredIndicator> UpdateIndicator(const IndicatorUpdate& update,
                                                  AuditEvent audit) = 0;

  // Audit trail.
  virtual Status AppendAudit(AuditEvent event) = 0;  // for events with no state change
  virtual Result<std::vector<AuditEvent>> ListAudit(const AuditQuery& query) = 0;  // by id
  // Recomputes every event's hash in id order and compares the last one with the recorded
  // head. Reads the whole trail (linear in its size): for the protocol, the audit views and
  // `samspill audit verify`, not for every request. A broken chain is a report, not an error;
  // errors are for failing to read.
  virtual Result<AuditChainReport> VerifyAuditChain() = 0;
};

}  // namespace samspill::store
