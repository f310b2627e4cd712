// MarketStore: contracting processes imported from public market data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/audit.h"

namespace samspill::store {

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

class MarketStore {
 public:
  virtual ~MarketStore() = default;

  // Market data. ImportMarketProcesses writes all the processes and the audit event in one
  // transaction (all or nothing) and returns how many it wrote. ListMarketProcesses returns
  // the processes with a lot whose CPV code starts with `cpv_prefix` ("" for all), by id.
  virtual Result<int64_t> ImportMarketProcesses(const std::vector<StoredMarketProcess>& processes,
                                                AuditEvent audit) = 0;
  virtual Result<std::vector<StoredMarketProcess>> ListMarketProcesses(
      std::string_view cpv_prefix) = 0;
};

}  // namespace samspill::store
