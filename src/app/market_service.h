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
#include "market/competition/market_report.h"
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

// The market section for a CPV code and region, from the market data imported into the store.
struct MarketSection {
  std::string cpv;
  std::string region;
  int64_t processes = 0;  // imported processes in the CPV division
  market::MarketReport report;
  bool low_competition = false;  // P(≥ 2 bids) below the setting, or no comparable lots
};

// Adds every stored process in the CPV division of `cpv_prefix` (its first two digits) to
// `builder`; kInternal naming a stored process that no longer reads. Returns how many.
Result<int64_t> AddStoredProcesses(store::MarketStore& store, std::string_view cpv_prefix,
                                   market::ReportBuilder& builder);

// The market section from the processes in `store`: comparable lots for the CPV code (its
// trailing zeros dropped: "85311000" asks for lots under 85311) and region, P(≥ 2 bids) with
// its interval, active suppliers, and `low_competition` when P(≥ 2 bids) is below
// `low_competition_below` or nothing compares. kInvalidArgument for fewer than two digits.
Result<MarketSection> BuildMarketSection(store::MarketStore& store, std::string_view cpv,
                                         std::string_view region, double low_competition_below);

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

  // The market section of a tender draft for the municipality's side (BuildMarketSection, with
  // P(≥ 2 bids) below one half warned about: seed 000 got one bid and cancelled).
  Result<MarketSection> Section(const Actor& actor, std::string_view cpv, std::string_view region);

 private:
  store::Store& store_;
  const Clock& clock_;
  MarketSettings settings_;
};

}  // namespace samspill::app
