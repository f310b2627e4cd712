// DecisionCase: the aggregate of a decision whether to tender a service (beslutningsgrunnlag,
// issue 16). It belongs to a service area ("Bo- og aktivitetstilbud") and holds the own-service
// baseline (decision/baseline.h), the business case over the contract period
// (decision/business_case.h), the risk register (decision/risk.h), the CPV code and region its
// market section is drawn for, and — once decided — the decision.
//
// The rules that keep a case honest live here:
// - every part is validated together (ValidateDecisionCase), so a stored case is always whole;
// - the baseline's years must lie in or before the case's period (history is allowed before it,
//   never after);
// - once decided, the case is locked: Decide() keeps the figures as they stood (the totals and
//   the Monte-Carlo as JSON, with a SHA-256 of the canonical text, like the award model of a
//   tender), and every change after that is refused with kConflict;
// - a decision names the chosen alternative, which must exist, who decided (the political body),
//   when, and the political case's reference; a tender may be linked only to a case decided to
//   be tendered.
// Pure types and functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "decision/baseline.h"
#include "decision/business_case.h"
#include "decision/risk.h"

namespace samspill::decision {

inline constexpr size_t kMaxCaseTitle = 200;
inline constexpr size_t kMaxCaseText = 20'000;

// What the decision leads to. Stored: never renumber.
enum class DecisionOutcome {
  kTender = 1,           // put out to competitive tender: leads to a tender draft
  kInHouseImproved = 2,  // continue in-house, improved (three-party cooperation, seed 003)
  kInHouseAsToday = 3,   // continue in-house as today
};
std::string_view OutcomeName(DecisionOutcome outcome);  // "tender", "in_house_improved", …
std::optional<DecisionOutcome> OutcomeFromName(std::string_view name);

struct CaseDecision {
  std::string recommendation;           // the administration's recommendation, in words
  std::string recommended_alternative;  // alternative id, "" when none is recommended
  std::string chosen_alternative;       // alternative id
  DecisionOutcome outcome = DecisionOutcome::kTender;
  std::string decided_by;           // the body: "Bystyret"
  Date decided_on;                  // the meeting's date
  std::string political_reference;  // "PS 0023/25", the case in the political system
  // Filled by Decide(): who recorded it, and the figures as they stood.
  std::string recorded_by;
  std::string figures_json;  // the business case report (totals and Monte-Carlo), canonical
  std::string figures_sha256;
};

struct DecisionCase {
  std::string title;         // "Drift av bofellesskap i BoA"
  std::string service_area;  // "Bo- og aktivitetstilbud"
  std::string description;
  std::string cpv;     // "85311000-2" or "85311000", "" when not yet chosen
  std::string region;  // NUTS code "NO060", "" for the whole market
  Baseline baseline;
  BusinessCase business_case;
  MonteCarloOptions monte_carlo;
  std::vector<Risk> risks;
  std::optional<CaseDecision> decision;
  std::optional<int64_t> tender_id;  // the tender the decision led to
};

// Every part (naming the field: "business_case.items[3].year", "baseline.units[0].id",
// "risks[1].likelihood", "title", "cpv"), plus: baseline years after the period's last year;
// a decision's chosen or recommended alternative that does not exist.
Status ValidateDecisionCase(const DecisionCase& c);

// kConflict once the case is decided.
Status CheckEditable(const DecisionCase& c);

// A new case with the three alternatives of the issue (in-house as today, in-house improved,
// outsourced), the period and the risk template of seed 000 §4.2.
DecisionCase NewCase(std::string title, std::string service_area, int first_year, int last_year);

// ---- Changes. Each checks that the case is editable and leaves it unchanged on error.

// Adds `item` once for each year of [from_year, to_year] (the same amounts every year).
Status AddItems(DecisionCase& c, const CaseItem& item, int from_year, int to_year);
// Removes `count` items of business_case.items from `first` on (a line's years, as AddItems
// added them).
Status RemoveItems(DecisionCase& c, size_t first, size_t count = 1);
// A new alternative with a fresh id made from its name; returns the id.
Result<std::string> AddAlternative(DecisionCase& c, std::string_view name);
// The baseline alternative cannot be removed; removing one removes its items.
Status RemoveAlternative(DecisionCase& c, std::string_view id);
Status RenameAlternative(DecisionCase& c, std::string_view id, std::string_view name);
// Adds or replaces the risk with the same id.
Status PutRisk(DecisionCase& c, const Risk& risk);
Status RemoveRisk(DecisionCase& c, std::string_view id);
// Replaces the baseline's units (an import), keeping its grouping and comparisons.
Status ReplaceBaselineUnits(DecisionCase& c, std::vector<BaselineUnit> units);
// Adds or replaces one unit-year (entered on the page).
Status PutUnitYear(DecisionCase& c, std::string_view unit_id, std::string_view unit_name,
                   int kostra_function, const UnitYear& year);

// The same operating costs every year of the period (the base of the shares); 0 removes them.
Status SetOperatingCostPerYear(DecisionCase& c, int64_t amount);

// Locks the case with the decision. `figures_json` is the business case report of the case as
// it stands (BusinessCaseReportJson), computed by the caller; kept with its SHA-256.
Status Decide(DecisionCase& c, CaseDecision decision, std::string_view recorded_by,
              std::string figures_json);

// Links the tender the decision led to; only when decided with DecisionOutcome::kTender.
Status LinkTender(DecisionCase& c, int64_t tender_id);

// The yearly gain the case expects, for the strategy's priorities: the chosen (else the
// recommended, else the best) alternative's nominal difference against the baseline divided
// over the period's years; nullopt when the totals cannot be computed or no alternative differs
// from the baseline.
std::optional<int64_t> ExpectedYearlyGain(const DecisionCase& c);

// The ready-made items a user can start from (issue 16 §2), in bokmål and English.
struct ReadyMadeItem {
  std::string key;  // "contract_price"
  std::string name_nb;
  std::string name_en;
  ItemKind kind = ItemKind::kCost;
  int64_t base = 0;  // a suggested amount, 0 when it depends on the case
  std::string hint_nb;
  std::string hint_en;
};
const std::vector<ReadyMadeItem>& ReadyMadeItems();

// Seed 000 §3.1's cost of running the tender project itself: 1.1 årsverk + NOK 300 000 external
// help + NOK 90 000 municipal lawyer; `cost_per_fte` is the municipality's cost of one årsverk.
int64_t TenderProjectCost(int64_t cost_per_fte);

}  // namespace samspill::decision
