// Reading and writing audit_events rows as StoredAuditRow, shared by the store (append and
// verify) and migration 7 (chaining existing events). Store-internal; not thread-safe on its
// own (the caller holds the connection).
#pragma once

#include <string>

#include "store/audit_chain.h"
#include "store/sqlite/sqlite_connection.h"

namespace samspill::store {

// The columns every audit row is read with, in the order ReadAuditRow expects; callers may
// select more columns after them.
inline constexpr const char kAuditRowColumns[] =
    "id, at, actor_user_id, actor, action, entity_type, entity_id, before_json, after_json";

// Fills the row's event fields from columns 0–8 of `rows` (kAuditRowColumns); leaves
// prev_hash and hash alone.
void ReadAuditRow(const SqliteStatement& rows, StoredAuditRow& row);

// An INSERT of a whole chained row into `table`, for BindAuditRow.
std::string InsertAuditRowSql(const std::string& table);
// Binds every column of `row` (hashes included) to a statement from InsertAuditRowSql.
SqliteStatement& BindAuditRow(SqliteStatement& insert, const StoredAuditRow& row);

}  // namespace samspill::store
