// MarketService: public procurement data (OCDS, Doffin eForms) brought into the database for
// the market reports, the one way the pages and the API go. An export file is read whole in
// memory (the size is bounded by MarketSettings), normalised by the market module's readers
// (market/ingest), and its processes are stored with one audit event in one transaction: a
// file that cannot be read stores nothing. Problems inside the data (an invalid line, a
// wrong type) are not fatal: the processes are stored and the problems reported.
//
// Who: the procurement officer, who plans tenders from the market report; the command line
// (`samspill market import`) acts as the system. Thread-safe: state lives in the Store.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/actor.h"
#include "common/clock.h"
#include "common/status.h"
#include "store/store.h"

namespace samspill::market {
struct Process;
}

namespace samspill::app {

struct MarketSettings {
  // The largest export an upload takes, below the server's request limit (4 MiB) so that the
  // page can say how large the file was (docs/decisions/0014). The command line reads any size.
  size_t max_import_bytes = 3 << 20;
  // How many of the data problems an import names (all are counted).
  size_t issues_shown = 20;
};

// What an import stored and what it found wrong in the data.
struct MarketImportOutcome {
  int64_t imported = 0;                  // processes stored (new or replaced)
  uint64_t cross_format_duplicates = 0;  // published as eForms and OCDS: stored once
  std::string format;                    // "eforms", "release-package", "json-lines", …
  uint64_t issues_total = 0;
  std::vector<std::pair<std::string, uint64_t>> issue_counts;  // kind → count, by kind
  std::vector<std::string> issues;  // the first few, "file:line (byte N) at path: message [kind]"
};

// The stored row of a normalised process (the store's columns and the process as JSON).
store::StoredMarketProcess ToStoredMarketProcess(const market::Process& process);

class MarketService {
 public:
  MarketService(store::Store& store, const Clock& clock, MarketSettings settings = {});
  const MarketSettings& settings() const { return settings_; }

  // kResourceExhausted for an export above settings().max_import_bytes; the web edge calls it
  // before importing.
  Status CheckImportSize(size_t bytes) const;

  // Reads `content` (OCDS in any published shape or an eForms XML notice, gzip or not) and
  // stores its processes. kInvalidArgument, and nothing stored, for a file that is not OCDS or
  // eForms, cannot be read (corrupt gzip) or holds no process; kPermissionDenied for a role
  // other than the procurement officer's.
  Result<MarketImportOutcome> ImportExport(const Actor& actor, std::string_view filename,
                                           std::string content);

 private:
  store::Store& store_;
  const Clock& clock_;
  MarketSettings settings_;
};

}  // namespace samspill::app
