// StrategyService: the municipality's yearly tendering strategy (issue 17, seed 002's three
// steps) on top of the Store — the one way the pages, the API and the CLI read and change it:
// 1. the register of task areas with their spend and IKU, the peers' IKU and the national line,
//    and the political targets with their yearly attainment;
// 2. the priority list of a budget year, its candidates' facts filled from the register, the
//    decision cases, the market data and the tender register;
// 3. the procurement plan: a draft kept from the priorities and the decision cases, published
//    as dated versions that the public reads without logging in.
//
// Who (routes check the role first; these checks hold for the CLI too): the procurement
// officer and the controller write; service leaders, politicians, union representatives,
// auditors and administrators read (common/role.h IsStrategyReaderRole); a published plan is
// public. The rules live in the strategy module's aggregates (strategy/*.h): every change is
// applied to the document, validated whole, then stored with its audit event in one
// transaction, checked against the version it was made from. Thread-safe: state is in the Store.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/actor.h"
#include "common/clock.h"
#include "common/status.h"
#include "common/time.h"
#include "store/store.h"
#include "store/strategy.h"
#include "strategy/priorities.h"
#include "strategy/procurement_plan.h"
#include "strategy/strategy_register.h"
#include "tendering/ocds_options.h"

namespace samspill::app {

struct StrategySettings {
  size_t max_import_bytes = size_t{2} << 20;  // a peers' CSV
  double low_competition = 0.5;               // as the decision cases
  // The published plan's OCDS package: publisher and prefix as the tender export's.
  std::string ocid_prefix = "ocds-smspll";
  std::string package_uri_base = "https://samspill.invalid/ocds/";
};

struct TargetView {
  strategy::PoliticalTarget target;
  portfolio::Indicator indicator;  // as the engine saw it (IKU figures filled in)
  portfolio::IndicatorAttainment attainment;
};

struct RegisterView {
  strategy::StrategyRegister reg;
  int64_t version = 0;  // 0: nothing stored yet (an empty register)
  std::optional<Timestamp> updated_at;
  std::vector<strategy::IkuPoint> total_iku;
  std::vector<std::vector<strategy::IkuPoint>> area_iku;  // one per area, in area order
  std::vector<TargetView> targets;
  bool can_edit = false;
};

struct PrioritySummary {
  int budget_year = 0;
  size_t candidates = 0;
  int64_t version = 0;
  Timestamp updated_at;
};

struct PriorityView {
  strategy::PriorityList list;
  int64_t version = 0;
  Timestamp updated_at;
  strategy::PriorityRanking ranking;
  bool can_edit = false;
};

struct PlanVersionSummary {
  int64_t number = 0;
  Timestamp published_at;
  std::string published_by;
  size_t items = 0;
  size_t changes = 0;
};

// How a plan item's tender stands, when it is linked to one.
struct LinkedTender {
  int64_t id = 0;
  std::string title;
  std::string state;  // tendering::TenderStateName
};

struct PlanView {
  strategy::ProcurementPlan plan;
  int64_t version = 0;                                    // 0: nothing stored yet
  std::vector<PlanVersionSummary> versions;               // oldest first
  std::vector<int64_t> ever_published;                    // item ids in any published version
  std::vector<std::pair<int64_t, LinkedTender>> tenders;  // item id → its tender
  bool can_edit = false;
};

class StrategyService {
 public:
  StrategyService(store::Store& store, const Clock& clock, StrategySettings settings = {});
  const StrategySettings& settings() const { return settings_; }
  tendering::OcdsExportOptions OcdsOptions(const strategy::PublishedPlan& plan) const;

  // ---- 1. The register.
  Result<RegisterView> GetRegister(const Actor& actor);
  // The whole document (the API's PUT; version 0 when none is stored yet).
  Result<RegisterView> ReplaceRegister(const Actor& actor, int64_t version,
                                       strategy::StrategyRegister reg);
  struct RegisterSettings {
    std::string municipality, currency, region;
    strategy::AccountScheme scheme = strategy::AccountScheme::kDanishFunctions;
  };
  Result<RegisterView> UpdateSettings(const Actor& actor, int64_t version,
                                      const RegisterSettings& settings);
  // id 0 adds an area; otherwise renames/recodes the area (its years are kept).
  Result<RegisterView> PutArea(const Actor& actor, int64_t version, int64_t id, std::string code,
                               std::string name, std::string cpv);
  Result<RegisterView> RemoveArea(const Actor& actor, int64_t version, int64_t id);
  Result<RegisterView> PutAreaYear(const Actor& actor, int64_t version, int64_t area_id,
                                   strategy::AreaYear figures);
  Result<RegisterView> RemoveAreaYear(const Actor& actor, int64_t version, int64_t area_id,
                                      int year);
  // Replaces the peers with the file's figures (strategy/iku_peers.h), all or nothing.
  Result<RegisterView> ImportPeers(const Actor& actor, int64_t version, std::string_view csv);
  // target.id 0 adds a target.
  Result<RegisterView> PutTarget(const Actor& actor, int64_t version,
                                 strategy::PoliticalTarget target);
  Result<RegisterView> RemoveTarget(const Actor& actor, int64_t version, int64_t id);
  // A green target's figure for a year (tenths); nullopt value removes it. kFailedPrecondition
  // for an IKU target (its figures come from the register).
  Result<RegisterView> PutTargetFigure(const Actor& actor, int64_t version, int64_t target_id,
                                       int year, std::optional<int64_t> value, std::string note);

  // ---- 2. Priorities.
  Result<std::vector<PrioritySummary>> ListPriorities(const Actor& actor);
  Result<PriorityView> GetPriorities(const Actor& actor, int budget_year);
  // A new list for the year with every area of the register as a candidate, facts filled.
  // kConflict when the year has a list.
  Result<PriorityView> StartPriorities(const Actor& actor, int budget_year);
  // The whole list (the API's PUT; version 0 creates).
  Result<PriorityView> ReplacePriorities(const Actor& actor, int budget_year, int64_t version,
                                         strategy::PriorityList list);
  // Fills every candidate's facts again from the data as it stands now (manual scores kept).
  Result<PriorityView> RefreshFacts(const Actor& actor, int budget_year, int64_t version);
  Result<PriorityView> UpdatePrioritySettings(const Actor& actor, int budget_year, int64_t version,
                                              const std::array<double, 4>& weights, int top_n,
                                              double default_gain_rate);
  // Sets (or clears, with nullopt) a hand-set score for one criterion of one candidate.
  Result<PriorityView> SetManualScore(const Actor& actor, int budget_year, int64_t version,
                                      int64_t area_id, strategy::PriorityCriterion criterion,
                                      std::optional<strategy::ManualScore> score);
  // Links a candidate to a decision case, whose business case then gives the expected gain
  // (0 removes the link).
  Result<PriorityView> LinkCandidateCase(const Actor& actor, int budget_year, int64_t version,
                                         int64_t area_id, int64_t decision_case_id);
  Result<PriorityView> AddCandidate(const Actor& actor, int budget_year, int64_t version,
                                    int64_t area_id);
  Result<PriorityView> RemoveCandidate(const Actor& actor, int budget_year, int64_t version,
                                       int64_t area_id);

  // ---- 3. The procurement plan.
  Result<PlanView> GetPlan(const Actor& actor);
  Result<PlanView> ReplacePlan(const Actor& actor, int64_t version, strategy::ProcurementPlan plan);
  Result<PlanView> UpdatePlanHeader(const Actor& actor, int64_t version, std::string title,
                                    std::string organisation);
  // item.id 0 adds the item. A linked tender must exist.
  Result<PlanView> PutPlanItem(const Actor& actor, int64_t version, strategy::PlanItem item);
  Result<PlanView> RemovePlanItem(const Actor& actor, int64_t version, int64_t item_id);
  // Items for the year's top N candidates that the plan does not have yet (by area): title,
  // area, CPV, value (yearly volume × 4 years, an estimate to revise), the decision case.
  Result<PlanView> AddFromPriorities(const Actor& actor, int64_t version, int budget_year);
  // An item from a decision case (its title, CPV, tender link when the case has one).
  Result<PlanView> AddFromDecisionCase(const Actor& actor, int64_t version, int64_t case_id);
  // Publishes the draft's public items as the next version.
  Result<PlanView> Publish(const Actor& actor, int64_t version, std::string change_note);

  // ---- The public side: no login.
  // The latest published version, or version `number`; kNotFound before the first one.
  Result<strategy::PublishedPlan> PublishedPlan(std::optional<int64_t> number);
  Result<std::vector<PlanVersionSummary>> PublishedVersions();

 private:
  template <typename ChangeFn>
  Result<RegisterView> EditRegister(const Actor& actor, int64_t version, std::string action,
                                    ChangeFn&& change);
  template <typename ChangeFn>
  Result<PriorityView> EditPriorities(const Actor& actor, int budget_year, int64_t version,
                                      std::string action, ChangeFn&& change);
  template <typename ChangeFn>
  Result<PlanView> EditPlan(const Actor& actor, int64_t version, std::string action,
                            ChangeFn&& change);
  Result<RegisterView> RegisterViewOf(const Actor& actor,
                                      const std::optional<store::StoredStrategyDocument>& stored);
  Result<PriorityView> PriorityViewOf(const Actor& actor, const store::StoredStrategyDocument& s);
  Result<PlanView> PlanViewOf(const Actor& actor,
                              const std::optional<store::StoredStrategyDocument>& stored);
  Result<strategy::StrategyRegister> LoadRegister();
  // Every published version of the plan, oldest first.
  Result<std::vector<strategy::PublishedPlan>> LoadPublished();
  // Every candidate's facts from the register, the decision cases, the market and the tenders.
  Status FillFacts(strategy::PriorityList& list);

  store::Store& store_;
  const Clock& clock_;
  StrategySettings settings_;
};

}  // namespace samspill::app
