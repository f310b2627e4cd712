#include "store/sqlite/audit_rows.h"

namespace samspill::store {

void ReadAuditRow(const SqliteStatement& rows, StoredAuditRow& row) {
  row.id = rows.ColumnInt(0);
  row.at = rows.ColumnText(1);
  row.actor_user_id =
      rows.ColumnIsNull(2) ? std::nullopt : std::optional<int64_t>(rows.ColumnInt(2));
  row.actor = rows.ColumnText(3);
  row.action = rows.ColumnText(4);
  row.entity_type = rows.ColumnText(5);
  row.entity_id = rows.ColumnText(6);
  row.before_json = rows.ColumnText(7);
  row.after_json = rows.ColumnText(8);
}

std::string InsertAuditRowSql(const std::string& table) {
  return "INSERT INTO " + table + " (" + kAuditRowColumns +
         ", prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}

SqliteStatement& BindAuditRow(SqliteStatement& insert, const StoredAuditRow& row) {
  return insert.Bind(1, row.id)
      .Bind(2, row.at)
      .Bind(3, row.actor_user_id)
      .Bind(4, row.actor)
      .Bind(5, row.action)
      .Bind(6, row.entity_type)
      .Bind(7, row.entity_id)
      .Bind(8, row.before_json)
      .Bind(9, row.after_json)
      .Bind(10, row.prev_hash)
      .Bind(11, row.hash);
}

}  // namespace samspill::store
