// DecisionService: decision cases — whether to put a service out to tender (issue 16) — on top
// of the Store: the one place the API, the pages and the CLI go through to create a case, enter
// and import its baseline, build its business case and risk register, read the market section
// for its CPV code and region, and record the decision.
//
// Who may do what (routes check the role first; these checks hold for the CLI too):
// - the controller, the service leader and the procurement officer write cases and record the
//   decision the political body made;
// - politicians, union representatives, auditors and administrators read them.
// The rules live in the aggregate (decision/decision_case.h): every change is applied to the
// aggregate, which refuses it whole or keeps it whole, then stored with its audit event in one
// transaction, checked against the version it was made from. A decided case is locked.
// Thread-safe: state lives in the Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "app/market_service.h"
#include "common/clock.h"
#include "common/status.h"
#include "common/time.h"
#include "decision/decision_case.h"
#include "store/store.h"

namespace samspill::app {

struct DecisionSettings {
  // The municipality's cost of one årsverk, for the ready-made tender-project item.
  int64_t cost_per_fte = 900'000;
  // The largest baseline file (CSV or xlsx) an import takes.
  size_t max_import_bytes = size_t{4} << 20;
  // P(≥ 2 bids) below this is warned about on the case and the tender draft (seed 000: one bid,
  // cancelled).
  double low_competition = 0.5;
};

struct DecisionCaseSummary {
  int64_t id = 0;
  std::string title;
  std::string service_area;
  bool decided = false;
  std::string outcome;  // decision::OutcomeName, "" while undecided
  std::optional<Date> decided_on;
  std::optional<int64_t> tender_id;
  int64_t version = 0;
  Timestamp updated_at;
};

struct DecisionCaseView {
  int64_t id = 0;
  int64_t version = 0;
  Timestamp created_at;
  Timestamp updated_at;
  decision::DecisionCase c;
  decision::CaseTotals totals;
  decision::MonteCarloResult monte_carlo;
  std::vector<decision::BaselineYearTotal> baseline_totals;
  // A decided case: whether today's computation of its locked document still gives the figures
  // kept with the decision (false would mean the formulas changed since; the kept ones count).
  bool figures_as_decided = true;
  bool can_edit = false;  // the actor may write and the case is not decided
};

// A baseline file: CSV (comma or semicolon) or xlsx, told apart by its first bytes.
struct BaselineFile {
  std::string filename;
  std::string content;
};

struct BaselineImportOutcome {
  std::optional<DecisionCaseView> view;  // set when imported
  struct RowError {
    int row = 0;  // 1-based line of the file, the header being 1
    std::string column;
    std::string message;
  };
  std::vector<RowError> errors;  // nothing was imported when non-empty
};

class DecisionService {
 public:
  DecisionService(store::Store& store, const Clock& clock, DecisionSettings settings = {});
  const DecisionSettings& settings() const { return settings_; }

  Result<std::vector<DecisionCaseSummary>> ListCases(const Actor& actor);
  Result<DecisionCaseView> GetCase(const Actor& actor, int64_t id);

  // A new case: the given document (the API), or NewCase's starting point (the page).
  Result<DecisionCaseView> CreateCase(const Actor& actor, decision::DecisionCase c);
  Result<DecisionCaseView> StartCase(const Actor& actor, std::string title,
                                     std::string service_area, int first_year, int last_year);
  // Replaces the whole document (the API's PUT); the decision and tender link are kept as they
  // are stored, never taken from the document.
  Result<DecisionCaseView> ReplaceCase(const Actor& actor, int64_t id, int64_t version,
                                       decision::DecisionCase c);

  // The changes the pages make, each from the version shown.
  struct CaseDetails {
    std::string title, service_area, description, cpv, region;
    int64_t operating_cost_per_year = 0;  // 0: none; else the same every year of the period
    int64_t monte_carlo_seed = 0;         // 0: keep
  };
  Result<DecisionCaseView> UpdateDetails(const Actor& actor, int64_t id, int64_t version,
                                         const CaseDetails& details);
  Result<DecisionCaseView> AddItems(const Actor& actor, int64_t id, int64_t version,
                                    const decision::CaseItem& item, int from_year, int to_year);
  Result<DecisionCaseView> RemoveItems(const Actor& actor, int64_t id, int64_t version,
                                       size_t first, size_t count);
  Result<DecisionCaseView> AddAlternative(const Actor& actor, int64_t id, int64_t version,
                                          std::string_view name);
  Result<DecisionCaseView> RenameAlternative(const Actor& actor, int64_t id, int64_t version,
                                             std::string_view alternative, std::string_view name);
  Result<DecisionCaseView> RemoveAlternative(const Actor& actor, int64_t id, int64_t version,
                                             std::string_view alternative);
  Result<DecisionCaseView> PutRisk(const Actor& actor, int64_t id, int64_t version,
                                   const decision::Risk& risk);
  Result<DecisionCaseView> RemoveRisk(const Actor& actor, int64_t id, int64_t version,
                                      std::string_view risk_id);
  Result<DecisionCaseView> PutUnitYear(const Actor& actor, int64_t id, int64_t version,
                                       std::string_view unit_id, std::string_view unit_name,
                                       int kostra_function, const decision::UnitYear& year);
  // Replaces the baseline's units with the file's, all or nothing.
  Result<BaselineImportOutcome> ImportBaseline(const Actor& actor, int64_t id, int64_t version,
                                               const BaselineFile& file);
  // Records the decision and locks the case with its figures as they stand.
  Result<DecisionCaseView> Decide(const Actor& actor, int64_t id, int64_t version,
                                  decision::CaseDecision decision);
  // Links the tender the decision led to (the tender must exist).
  Result<DecisionCaseView> LinkTender(const Actor& actor, int64_t id, int64_t version,
                                      int64_t tender_id);

  // The business case report of the case (as decided, for a decided case).
  Result<std::string> FiguresJson(const Actor& actor, int64_t id);

  // The market section for a case's (or a tender draft's) CPV code and region. kInvalidArgument
  // for a CPV code with fewer than two digits.
  Result<MarketSection> Market(const Actor& actor, std::string_view cpv, std::string_view region);

 private:
  template <typename ChangeFn>
  Result<DecisionCaseView> Edit(const Actor& actor, int64_t id, int64_t version, std::string action,
                                ChangeFn&& change);
  Result<DecisionCaseView> ViewOf(const Actor& actor, const store::StoredDecisionCase& stored);
  Result<DecisionCaseView> Store(const Actor& actor, std::optional<int64_t> id, int64_t version,
                                 const decision::DecisionCase& c, std::string action);

  store::Store& store_;
  const Clock& clock_;
  DecisionSettings settings_;
};

}  // namespace samspill::app
