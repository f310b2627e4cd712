// SqliteStore's MarketStore: contracting processes imported from public market data.

#include "store/sqlite/sqlite_store_impl.h"

namespace samspill::store {

Result<int64_t> SqliteStore::ImportMarketProcesses(
    const std::vector<StoredMarketProcess>& processes, AuditEvent audit) {
  MutexLock lock(mu_);
  SqliteTransaction tx(db_);
  SAMSPILL_RETURN_IF_ERROR(tx.status());
  // Replacing a process deletes its lots through the foreign key's ON DELETE CASCADE.
  SqliteStatement remove(cache_, "DELETE FROM market_processes WHERE process_key = ?");
  SqliteStatement insert(cache_,
                         "INSERT INTO market_processes (process_key, source, buyer, region, "
                         "published, document_json, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  // A lot id repeated within one process (bad data) keeps the last.
  SqliteStatement lot(cache_,
                      "INSERT OR REPLACE INTO market_lots (process_id, lot_id, cpv, bidders, "
                      "bidder_source) VALUES (?, ?, ?, ?, ?)");
  SAMSPILL_RETURN_IF_ERROR(remove.status());
  SAMSPILL_RETURN_IF_ERROR(insert.status());
  SAMSPILL_RETURN_IF_ERROR(lot.status());
  std::string now = audit.at.ToIso();
  for (const StoredMarketProcess& p : processes) {
    remove.Reset();
    insert.Reset();
    SAMSPILL_RETURN_IF_ERROR(remove.Bind(1, p.process_key).Run());
    SAMSPILL_RETURN_IF_ERROR(insert.Bind(1, p.process_key)
                                 .Bind(2, p.source)
                                 .Bind(3, p.buyer)
                                 .Bind(4, p.region)
                                 .Bind(5, p.published)
                                 .Bind(6, p.document_json)
                                 .Bind(7, now)
                                 .Run());
    int64_t id = sqlite3_last_insert_rowid(db_);
    for (const StoredMarketLot& l : p.lots) {
      lot.Reset();
      SAMSPILL_RETURN_IF_ERROR(lot.Bind(1, id)
                                   .Bind(2, l.lot_id)
                                   .Bind(3, l.cpv)
                                   .Bind(4, l.bidders)
                                   .Bind(5, int64_t{l.bidder_source})
                                   .Run());
    }
  }
  if (audit.entity_id.empty()) audit.entity_id = std::to_string(processes.size());
  SAMSPILL_RETURN_IF_ERROR(InsertAudit(audit));
  SAMSPILL_RETURN_IF_ERROR(tx.Commit());
  return static_cast<int64_t>(processes.size());
}

Result<std::vector<StoredMarketProcess>> SqliteStore::ListMarketProcesses(
    std::string_view cpv_prefix) {
  MutexLock lock(mu_);
  // substr() rather than LIKE: a prefix with % or _ must not act as a pattern.
  SqliteStatement stmt(cache_,
                       "SELECT id, process_key, source, buyer, region, published, document_json "
                       "FROM market_processes p WHERE EXISTS (SELECT 1 FROM market_lots l "
                       "WHERE l.process_id = p.id AND substr(l.cpv, 1, length(?1)) = ?1) "
                       "ORDER BY id");
  SqliteStatement lots(cache_,
                       "SELECT lot_id, cpv, bidders, bidder_source FROM market_lots "
                       "WHERE process_id = ? ORDER BY rowid");
  SAMSPILL_RETURN_IF_ERROR(stmt.status());
  SAMSPILL_RETURN_IF_ERROR(lots.status());
  stmt.Bind(1, cpv_prefix);
  std::vector<StoredMarketProcess> out;
  Status status;
  while (stmt.Step(&status)) {
    StoredMarketProcess p;
    p.id = stmt.ColumnInt(0);
    p.process_key = stmt.ColumnText(1);
    p.source = stmt.ColumnText(2);
    p.buyer = stmt.ColumnText(3);
    p.region = stmt.ColumnText(4);
    p.published = stmt.ColumnText(5);
    p.document_json = stmt.ColumnText(6);
    out.push_back(std::move(p));
  }
  SAMSPILL_RETURN_IF_ERROR(status);
  for (StoredMarketProcess& p : out) {
    lots.Reset();
    lots.Bind(1, p.id);
    Status lot_status;
    while (lots.Step(&lot_status)) {
      StoredMarketLot l;
      l.lot_id = lots.ColumnText(0);
      l.cpv = lots.ColumnText(1);
      if (!lots.ColumnIsNull(2)) l.bidders = lots.ColumnInt(2);
      l.bidder_source = static_cast<int>(lots.ColumnInt(3));
      p.lots.push_back(std::move(l));
    }
    SAMSPILL_RETURN_IF_ERROR(lot_status);
  }
  return out;
}

}  // namespace samspill::store
