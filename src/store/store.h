// Store: samspill's persistent state behind one interface, made of one narrow interface per
// aggregate: UserStore (organisations, users, sessions; store/users.h), TenderStore (tenders,
// bids, questions; store/tenders.h), MarketStore (imported market data; store/market.h),
// PortfolioStore (projects, areas, indicators; store/portfolio.h), DecisionStore (decision
// cases; store/decisions.h), StrategyStore (the tendering strategy's documents and the published
// versions of the procurement plan; store/strategy.h) and AuditLog (the audit trail;
// store/audit.h). Code that needs one aggregate can take the narrow interface, so what it
// may touch is visible in its signature; Store is all of them, for the code that opens the
// database and hands the parts out.
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

#include "store/audit.h"
#include "store/decisions.h"
#include "store/market.h"
#include "store/portfolio.h"
#include "store/strategy.h"
#include "store/tenders.h"
#include "store/users.h"

namespace samspill::store {

class Store : public UserStore,
              public TenderStore,
              public MarketStore,
              public PortfolioStore,
              public DecisionStore,
              public StrategyStore,
              public AuditLog {
 public:
  ~Store() override = default;

  // Schema version of the open database (after migrations).
  virtual int SchemaVersion() = 0;
};

}  // namespace samspill::store
