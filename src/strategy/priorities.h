// Priorities for a budget year (seed 002 step 2, "Udvælg indsatserne"): candidate areas scored
// 0–10 on the guide's four criteria, weighted by the municipality, ranked with the evaluation
// engine (a ScoreMatrix with the candidates as rows, the weighted sum, the competition ranking),
// and the sensitivity of the top of the list (weight stability of the first candidate,
// rank acceptability under perturbed weights: how often each candidate stays in the top N).
//
// The criteria and how a score is filled when it is not set by hand (each rule is stated on the
// page with the figures it used):
// - volume and gain ("ordrevolumen sammenholdt med forventet gevinst"): the expected gain per
//   year — from the area's decision case when there is one (the business case's yearly saving
//   of the chosen or recommended alternative against the baseline), else the yearly volume ×
//   the setting default_gain_rate, marked as an estimate — scored proportionally:
//   10 × gain / the largest gain among the candidates (0 when the gain is ≤ 0);
// - others' experience ("andre kommuners erfaringer"): set by hand (0–10 with a reason); 5 and
//   "no information" when nobody has set it;
// - market robustness ("markedets robusthed"): from the market report for the area's CPV code
//   and region: 5 × P(≥ 2 bids) + 5 × (1 − single-bid rate); unscored (null) without market data;
// - own history ("egen historik"): never competed → 10; else min(8, years since the last
//   competition before the budget year) — a task never tested has the most potential.
// A score set by hand overrides the rule and keeps its reason. A candidate with an unscored
// criterion gets that criterion's score 0 in the total and the list says so.
// Pure functions; thread-safe as values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace samspill::strategy {

// Stored as integers and used as indices: never renumber.
enum class PriorityCriterion {
  kVolumeGain = 0,
  kPeerExperience = 1,
  kMarketRobustness = 2,
  kOwnHistory = 3,
};
inline constexpr size_t kPriorityCriterionCount = 4;
std::string_view PriorityCriterionName(PriorityCriterion c);  // "volume_gain", …
std::optional<PriorityCriterion> PriorityCriterionFromName(std::string_view name);
std::string_view PriorityCriterionLabelNb(PriorityCriterion c);  // "Volum og gevinst", …
std::string_view PriorityCriterionLabelEn(PriorityCriterion c);  // "Volume and gain", …

// What is known about a candidate before scoring; filled by the use case from the register, the
// decision cases, the market module and the tender register.
struct CandidateFacts {
  std::optional<int64_t> yearly_volume;      // kroner, the area's may-be-competed spend
  std::optional<int64_t> expected_gain;      // kroner per year, from the decision case
  std::optional<int64_t> decision_case_id;   // the case the gain comes from
  std::optional<double> p_two_or_more_bids;  // 0..1, market report
  std::optional<double> single_bid_rate;     // 0..1, market report
  std::optional<int64_t> comparable_lots;    // how many lots the market figures rest on
  std::optional<int> last_competed_year;     // tender register or the register's figures
  friend bool operator==(const CandidateFacts&, const CandidateFacts&) = default;
};

// A score set by hand, with its reason (required).
struct ManualScore {
  double score = 0.0;  // 0..10
  std::string reason;
  friend bool operator==(const ManualScore&, const ManualScore&) = default;
};

struct Candidate {
  int64_t area_id = 0;  // the register's task area; > 0
  std::string name;     // the area's name when the list was made
  std::string cpv;
  std::string region;  // NUTS code for the market figures ("DK031")
  CandidateFacts facts;
  std::array<std::optional<ManualScore>, kPriorityCriterionCount> manual;
  std::string note;
  friend bool operator==(const Candidate&, const Candidate&) = default;
};

struct PrioritySettings {
  // Weights of the four criteria, in criterion order; any positive numbers (normalised).
  std::array<double, kPriorityCriterionCount> weights = {40, 20, 20, 20};
  double default_gain_rate = 0.05;  // expected gain when no case exists: 5 % of the volume
  int top_n = 3;                    // how many areas the budget year takes (the guide: few)
  int64_t draws = 10'000;           // rank acceptability draws (0: none)
  double perturbation_points = 10;  // ± percentage points on each weight
  uint64_t seed = 1;
  friend bool operator==(const PrioritySettings&, const PrioritySettings&) = default;
};

// The list as the municipality keeps it for a budget year.
struct PriorityList {
  int budget_year = 0;
  PrioritySettings settings;
  std::vector<Candidate> candidates;  // at most kMaxCandidates, area ids distinct
  std::string note;
  friend bool operator==(const PriorityList&, const PriorityList&) = default;
};
inline constexpr size_t kMaxCandidates = 200;

// Budget year 1990..2100; weights finite, ≥ 0, at least one > 0; default_gain_rate 0..1;
// top_n 1..candidates (or 1 with none); draws 0..1 000 000; perturbation 0..50; candidates with
// a name, area ids > 0 and distinct; manual scores 0..10 with a reason; facts' shares in 0..1,
// amounts ≥ 0. kInvalidArgument naming the candidate and the field.
Status ValidatePriorityList(const PriorityList& list);

// One criterion's score for one candidate, with where it came from.
struct CriterionScore {
  std::optional<double> score;  // 0..10; nullopt when it cannot be scored
  bool manual = false;
  bool estimate = false;  // volume-gain from the default rate, no decision case
  std::string basis_nb;   // "Gevinst 1,2 mill. kr/år fra beslutningssak 3 (høyest: 2,0)"
  std::string basis_en;
};

struct RankedCandidate {
  size_t index = 0;  // into PriorityList::candidates
  int rank = 0;      // competition rank, 1 = best (ties share)
  double total = 0;  // Σ w_k · score_k with normalised weights, 0..10
  std::array<CriterionScore, kPriorityCriterionCount> scores;
  std::optional<double> in_top_n;       // share of perturbed draws with rank ≤ top_n
  std::optional<double> first;          // share of draws with rank 1
  std::vector<std::string> reasons_nb;  // why it stands where it stands, strongest first
  std::vector<std::string> reasons_en;
};

struct TopStability {
  std::string criterion;      // PriorityCriterionName
  double weight = 0;          // normalised
  std::optional<double> min;  // the first candidate stays first for weights in [min, max]
  std::optional<double> max;
  std::optional<size_t> challenger_below;  // candidate index taking over below min
  std::optional<size_t> challenger_above;
};

struct PriorityRanking {
  std::array<double, kPriorityCriterionCount> weights{};  // normalised
  std::vector<RankedCandidate> ranked;                    // best first (rank, then name)
  std::vector<TopStability> stability;  // per criterion; empty without a unique first
  // Share of draws in which the top N set was exactly the unperturbed top N set.
  std::optional<double> top_n_unchanged;
  std::string summary_nb;  // "Hjemmepleje står først i 97 % av trekningene; …"
  std::string summary_en;
};

// The scores of every candidate by the rules above.
std::vector<std::array<CriterionScore, kPriorityCriterionCount>> ScoreCandidates(
    const PriorityList& list);

// Precondition: ValidatePriorityList(list).ok(). Deterministic for a seed.
PriorityRanking RankPriorities(const PriorityList& list);

}  // namespace samspill::strategy
