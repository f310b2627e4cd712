// RiskRegister: the risks of a decision case, scored likelihood × consequence on 1 … 5, with
// mitigations (owner, status, date) and the residual risk after them (issue 16 §3).
//
// Seed 000 §4.2 gives the starting template: the most critical risks concern staff and
// competence (many employees use the reservation right, arbeidsmiljøloven § 16-3, and the supplier
// cannot recruit enough qualified staff; overstaffing in the municipality; continuity and quality
// of care), then the supplier cutting resources for profit, HMS, management and support
// functions, pension terms that cannot be continued unchanged, one bid only, cost development
// and the municipality's follow-up capacity.
//
// Pure types and functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace samspill::decision {

inline constexpr int kMaxRisks = 200;
inline constexpr int kMaxMitigations = 20;

// Stored: never renumber.
enum class MitigationStatus { kPlanned = 1, kInProgress = 2, kDone = 3, kDropped = 4 };

struct Mitigation {
  std::string action;
  std::string owner;  // a role or a name: "Prosjektleder", "HR"
  MitigationStatus status = MitigationStatus::kPlanned;
  std::string due;  // ISO date "2025-06-01", or "" when not set
};

struct Risk {
  std::string id;  // "reservation_right", stable key within the case
  std::string title;
  std::string description;
  int likelihood = 3;   // 1 … 5
  int consequence = 3;  // 1 … 5
  std::vector<Mitigation> mitigations;
  // After the mitigations; 0 = not assessed yet.
  int residual_likelihood = 0;
  int residual_consequence = 0;
};

// Score = likelihood × consequence, 1 … 25. Levels: low 1–4, medium 5–9, high 10–25 (the usual
// municipal 5 × 5 matrix; the bands are shown in the heat map's legend).
enum class RiskLevel { kLow = 1, kMedium = 2, kHigh = 3 };
int RiskScore(int likelihood, int consequence);
RiskLevel LevelOfScore(int score);

// InvalidArgument naming the field ("risks[2].likelihood") for: a blank or repeated id, a blank
// title, a likelihood or consequence outside 1 … 5, a residual pair where one is set and the
// other not or outside 1 … 5, a mitigation without an action, a due date that is not a valid
// ISO date, and the limits above.
Status ValidateRisks(const std::vector<Risk>& risks);

// Seed 000 §4.2's risks as a starting template, with its planned mitigations, in bokmål.
std::vector<Risk> RiskTemplate();

}  // namespace samspill::decision
