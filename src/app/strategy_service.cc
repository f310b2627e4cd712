#include "app/strategy_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/market_service.h"
#include "common/strict_json.h"
#include "decision/decision_case_json.h"
#include "strategy/strategy_json.h"
#include "tendering/cpv.h"
#include "tendering/milestone.h"
#include "tendering/tender_json.h"
#include "tendering/tender_state.h"

namespace samspill::app {
namespace {

using nlohmann::json;

// Refusals naming the field the page or the API marks.
Status NotFoundAt(std::string message, std::string field = {}) {
  return Status(StatusCode::kNotFound, std::move(message), std::move(field));
}
Status ConflictAt(std::string message, std::string field = {}) {
  return Status(StatusCode::kConflict, std::move(message), std::move(field));
}
Status FailedPreconditionAt(std::string message, std::string field = {}) {
  return Status(StatusCode::kFailedPrecondition, std::move(message), std::move(field));
}
Status ResourceExhaustedAt(std::string message, std::string field = {}) {
  return Status(StatusCode::kResourceExhausted, std::move(message), std::move(field));
}

bool MayWrite(const Actor& actor) { return actor.is_system || IsStrategyWriterRole(actor.role); }
bool MayRead(const Actor& actor) { return actor.is_system || IsStrategyReaderRole(actor.role); }

store::AuditEvent Event(const Clock& clock, const Actor& actor, std::string action,
                        std::string entity_type, std::string entity_id, json details) {
  store::AuditEvent e;
  e.at = clock.Now();
  e.actor_user_id = actor.user_id;
  e.actor = actor.username;
  e.action = std::move(action);
  e.entity_type = std::move(entity_type);
  e.entity_id = std::move(entity_id);
  e.after_json = details.is_null() ? "{}" : details.dump();
  return e;
}

Status Stale(std::string_view what, int64_t stored, int64_t version) {
  return ConflictAt(std::string(what) + " was changed by someone else (version " +
                    std::to_string(stored) + ", not " + std::to_string(version) +
                    "); reload and try again");
}

// A CPV code must be one of CPV 2008, as a tender's (docs/decisions/0025).
Status CheckCpv(std::string_view cpv, std::string field) {
  if (cpv.empty()) return Status::Ok();
  Status s = tendering::CheckCpvCode(cpv);
  if (s.ok()) return s;
  return Status(s.code(), s.message(), std::move(field));
}

Status CheckRegisterCpvs(const strategy::StrategyRegister& reg) {
  for (size_t i = 0; i < reg.areas.size(); ++i) {
    SAMSPILL_RETURN_IF_ERROR(CheckCpv(reg.areas[i].cpv, "areas[" + std::to_string(i) + "].cpv"));
  }
  return Status::Ok();
}

Status CheckPlanCpvs(const strategy::ProcurementPlan& plan) {
  for (size_t i = 0; i < plan.items.size(); ++i) {
    SAMSPILL_RETURN_IF_ERROR(CheckCpv(plan.items[i].cpv, "items[" + std::to_string(i) + "].cpv"));
  }
  return Status::Ok();
}

// A stored published version's document.
Result<json> PublishedJson(std::string_view text) {
  JsonLimits limits;
  limits.max_bytes = strategy::kMaxStrategyJsonBytes;
  return ParseStrictJson(text, "published plan", limits);
}

PlanVersionSummary Summary(const strategy::PublishedPlan& p) {
  return {p.number, p.published_at, p.published_by, p.items.size(), p.changes.size()};
}

std::string YearKey(int year) { return std::to_string(year); }

strategy::TaskArea* FindArea(strategy::StrategyRegister& reg, int64_t id) {
  for (strategy::TaskArea& a : reg.areas) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

strategy::Candidate* FindCandidate(strategy::PriorityList& list, int64_t area_id) {
  for (strategy::Candidate& c : list.candidates) {
    if (c.area_id == area_id) return &c;
  }
  return nullptr;
}

Status NoArea(int64_t id) {
  return NotFoundAt("the register has no task area " + std::to_string(id), "area_id");
}

// The first eight digits of a CPV code ("85311000-2" → "85311000"), for matching.
std::string CpvDigits(std::string_view cpv) {
  std::string out;
  for (char ch : cpv) {
    if (ch == '-') break;
    out += ch;
  }
  return out;
}

// The CPV class (five digits) two codes share, or none: "same kind of service" for matching
// tenders with an area.
bool SameCpvClass(std::string_view a, std::string_view b) {
  const std::string x = CpvDigits(a), y = CpvDigits(b);
  return x.size() >= 5 && y.size() >= 5 && x.compare(0, 5, y, 0, 5) == 0;
}

}  // namespace

StrategyService::StrategyService(store::Store& store, const Clock& clock, StrategySettings settings)
    : store_(store), clock_(clock), settings_(std::move(settings)) {}

tendering::OcdsExportOptions StrategyService::OcdsOptions(
    const strategy::PublishedPlan& plan) const {
  tendering::OcdsExportOptions o;
  o.publisher_name = plan.organisation;
  o.package_uri_base = settings_.package_uri_base;
  o.published_date = plan.published_at;
  o.ocid_prefix = settings_.ocid_prefix;
  return o;
}

// ---- 1. The register.

Result<strategy::StrategyRegister> StrategyService::LoadRegister() {
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyRegisterKind, ""));
  if (!stored) return strategy::StrategyRegister{};
  return strategy::ParseRegisterJson(stored->document_json);
}

Result<RegisterView> StrategyService::RegisterViewOf(
    const Actor& actor, const std::optional<store::StoredStrategyDocument>& stored) {
  RegisterView v;
  if (stored) {
    SAMSPILL_ASSIGN_OR_RETURN(v.reg, strategy::ParseRegisterJson(stored->document_json));
    v.version = stored->version;
    v.updated_at = stored->updated_at;
  }
  v.total_iku = strategy::TotalIku(v.reg.areas);
  for (const strategy::TaskArea& a : v.reg.areas) v.area_iku.push_back(strategy::AreaIku(a));
  for (const strategy::PoliticalTarget& t : v.reg.targets) {
    v.targets.push_back(
        {t, strategy::TargetIndicator(t, v.total_iku), strategy::TargetAttainment(t, v.total_iku)});
  }
  v.can_edit = MayWrite(actor);
  return v;
}

Result<RegisterView> StrategyService::GetRegister(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayRead(actor), actor, "read the tendering strategy"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyRegisterKind, ""));
  return RegisterViewOf(actor, stored);
}

template <typename ChangeFn>
Result<RegisterView> StrategyService::EditRegister(const Actor& actor, int64_t version,
                                                   std::string action, ChangeFn&& change) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "change the tendering strategy"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyRegisterKind, ""));
  const int64_t current = stored ? stored->version : 0;
  if (current != version) return Stale("the strategy register", current, version);
  strategy::StrategyRegister reg;
  if (stored) {
    SAMSPILL_ASSIGN_OR_RETURN(reg, strategy::ParseRegisterJson(stored->document_json));
  }
  SAMSPILL_RETURN_IF_ERROR(change(reg));
  SAMSPILL_RETURN_IF_ERROR(strategy::ValidateStrategyRegister(reg));
  SAMSPILL_RETURN_IF_ERROR(CheckRegisterCpvs(reg));
  std::string document = strategy::RegisterToJson(reg).dump();
  if (document.size() > strategy::kMaxStrategyJsonBytes) {
    return ResourceExhaustedAt("the register is larger than 8 MB");
  }
  json details = {{"version", version},
                  {"areas", reg.areas.size()},
                  {"peers", reg.peers.size()},
                  {"targets", reg.targets.size()}};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredStrategyDocument saved,
      store_.PutStrategyDocument(
          store::kStrategyRegisterKind, "", std::move(document), version, actor.user_id,
          clock_.Now(),
          Event(clock_, actor, std::move(action), "strategy_register", "", std::move(details))));
  return RegisterViewOf(actor, saved);
}

Result<RegisterView> StrategyService::ReplaceRegister(const Actor& actor, int64_t version,
                                                      strategy::StrategyRegister reg) {
  return EditRegister(actor, version, "strategy.register.replace",
                      [&](strategy::StrategyRegister& stored) {
                        stored = std::move(reg);
                        return Status::Ok();
                      });
}

Result<RegisterView> StrategyService::UpdateSettings(const Actor& actor, int64_t version,
                                                     const RegisterSettings& s) {
  return EditRegister(actor, version, "strategy.register.settings",
                      [&](strategy::StrategyRegister& reg) {
                        reg.municipality = s.municipality;
                        reg.currency = s.currency;
                        reg.region = s.region;
                        reg.scheme = s.scheme;
                        return Status::Ok();
                      });
}

Result<RegisterView> StrategyService::PutArea(const Actor& actor, int64_t version, int64_t id,
                                              std::string code, std::string name, std::string cpv) {
  return EditRegister(actor, version, id == 0 ? "strategy.area.add" : "strategy.area.update",
                      [&](strategy::StrategyRegister& reg) -> Status {
                        if (id == 0) {
                          strategy::TaskArea area;
                          area.id = reg.next_id++;
                          area.code = std::move(code);
                          area.name = std::move(name);
                          area.cpv = std::move(cpv);
                          reg.areas.push_back(std::move(area));
                          return Status::Ok();
                        }
                        strategy::TaskArea* area = FindArea(reg, id);
                        if (area == nullptr) return NoArea(id);
                        area->code = std::move(code);
                        area->name = std::move(name);
                        area->cpv = std::move(cpv);
                        return Status::Ok();
                      });
}

Result<RegisterView> StrategyService::RemoveArea(const Actor& actor, int64_t version, int64_t id) {
  return EditRegister(
      actor, version, "strategy.area.remove", [&](strategy::StrategyRegister& reg) -> Status {
        if (FindArea(reg, id) == nullptr) return NoArea(id);
        std::erase_if(reg.areas, [&](const strategy::TaskArea& a) { return a.id == id; });
        return Status::Ok();
      });
}

Result<RegisterView> StrategyService::PutAreaYear(const Actor& actor, int64_t version,
                                                  int64_t area_id, strategy::AreaYear figures) {
  return EditRegister(actor, version, "strategy.area.year",
                      [&](strategy::StrategyRegister& reg) -> Status {
                        strategy::TaskArea* area = FindArea(reg, area_id);
                        if (area == nullptr) return NoArea(area_id);
                        area->SetYear(std::move(figures));
                        return Status::Ok();
                      });
}

Result<RegisterView> StrategyService::RemoveAreaYear(const Actor& actor, int64_t version,
                                                     int64_t area_id, int year) {
  return EditRegister(
      actor, version, "strategy.area.year_remove", [&](strategy::StrategyRegister& reg) -> Status {
        strategy::TaskArea* area = FindArea(reg, area_id);
        if (area == nullptr) return NoArea(area_id);
        if (area->Year(year) == nullptr) {
          return NotFoundAt("the area has no figures for " + std::to_string(year), "year");
        }
        std::erase_if(area->years, [&](const strategy::AreaYear& y) { return y.year == year; });
        return Status::Ok();
      });
}

Result<RegisterView> StrategyService::ImportPeers(const Actor& actor, int64_t version,
                                                  std::string_view csv) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "change the tendering strategy"));
  if (csv.size() > settings_.max_import_bytes) {
    return ResourceExhaustedAt("the file is " + std::to_string(csv.size() >> 10) +
                                   " KB; the largest peers' file taken is " +
                                   std::to_string(settings_.max_import_bytes >> 10) + " KB",
                               "file");
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<strategy::PeerFigure> peers,
                            strategy::ParsePeerIkuCsv(csv));
  return EditRegister(actor, version, "strategy.peers.import",
                      [&](strategy::StrategyRegister& reg) {
                        reg.peers = std::move(peers);
                        return Status::Ok();
                      });
}

Result<RegisterView> StrategyService::PutTarget(const Actor& actor, int64_t version,
                                                strategy::PoliticalTarget target) {
  return EditRegister(
      actor, version, target.id == 0 ? "strategy.target.add" : "strategy.target.update",
      [&](strategy::StrategyRegister& reg) -> Status {
        if (target.id == 0) {
          target.id = reg.next_id++;
          reg.targets.push_back(std::move(target));
          return Status::Ok();
        }
        for (strategy::PoliticalTarget& t : reg.targets) {
          if (t.id != target.id) continue;
          // The figures of a green target are entered one by one; a change of the target
          // keeps them.
          target.indicator.figures = t.indicator.figures;
          t = std::move(target);
          return Status::Ok();
        }
        return NotFoundAt("the register has no target " + std::to_string(target.id), "target_id");
      });
}

Result<RegisterView> StrategyService::RemoveTarget(const Actor& actor, int64_t version,
                                                   int64_t id) {
  return EditRegister(
      actor, version, "strategy.target.remove", [&](strategy::StrategyRegister& reg) -> Status {
        const size_t before = reg.targets.size();
        std::erase_if(reg.targets, [&](const strategy::PoliticalTarget& t) { return t.id == id; });
        if (reg.targets.size() == before) {
          return NotFoundAt("the register has no target " + std::to_string(id), "target_id");
        }
        return Status::Ok();
      });
}

Result<RegisterView> StrategyService::PutTargetFigure(const Actor& actor, int64_t version,
                                                      int64_t target_id, int year,
                                                      std::optional<int64_t> value,
                                                      std::string note) {
  return EditRegister(
      actor, version, "strategy.target.figure", [&](strategy::StrategyRegister& reg) -> Status {
        for (strategy::PoliticalTarget& t : reg.targets) {
          if (t.id != target_id) continue;
          if (t.subject == strategy::TargetSubject::kIku) {
            return FailedPreconditionAt(
                "the IKU target's figures are the register's IKU; enter the areas' figures "
                "instead",
                "target_id");
          }
          if (!value && note.empty()) {
            std::erase_if(t.indicator.figures,
                          [&](const portfolio::YearFigure& f) { return f.year == year; });
            return Status::Ok();
          }
          t.indicator.SetFigure({year, value, std::move(note), false});
          return Status::Ok();
        }
        return NotFoundAt("the register has no target " + std::to_string(target_id), "target_id");
      });
}

// ---- 2. Priorities.

Status StrategyService::FillFacts(strategy::PriorityList& list) {
  SAMSPILL_ASSIGN_OR_RETURN(strategy::StrategyRegister reg, LoadRegister());
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredDecisionCase> cases,
                            store_.ListDecisionCases());
  std::vector<std::pair<int64_t, decision::DecisionCase>> parsed;
  for (const store::StoredDecisionCase& row : cases) {
    SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase c,
                              decision::ParseDecisionCaseJson(row.document_json));
    parsed.emplace_back(row.id, std::move(c));
  }
  // The tenders the municipality has run: the CPV code and year of each published one.
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredTender> tenders, store_.ListTenders());
  std::vector<std::pair<std::string, int>> competed;
  for (const store::StoredTender& t : tenders) {
    if (t.state == static_cast<int>(tendering::TenderState::kDraft)) continue;
    Result<tendering::TenderSnapshot> snap = tendering::ParseTenderSnapshotJson(t.document_json);
    if (!snap.ok()) return snap.status();
    std::optional<Date> published = snap->draft.timeline.Get(tendering::Milestone::kPublication);
    competed.emplace_back(snap->draft.cpv_code,
                          published ? published->year : t.created_at.UtcDate().year);
  }
  for (strategy::Candidate& cand : list.candidates) {
    strategy::CandidateFacts facts;
    const strategy::TaskArea* area = FindArea(reg, cand.area_id);
    if (area != nullptr) {
      cand.name = area->name;
      if (!area->cpv.empty()) cand.cpv = area->cpv;
      if (!area->years.empty()) facts.yearly_volume = area->years.back().may_compete;
    }
    if (cand.region.empty()) cand.region = reg.region;
    // The decision case: the one linked, else the one whose CPV code is the area's.
    const decision::DecisionCase* the_case = nullptr;
    for (const auto& [id, c] : parsed) {
      const bool linked = cand.facts.decision_case_id && *cand.facts.decision_case_id == id;
      const bool matches = !cand.facts.decision_case_id && !cand.cpv.empty() &&
                           CpvDigits(c.cpv) == CpvDigits(cand.cpv);
      if (linked || (matches && the_case == nullptr)) {
        the_case = &c;
        facts.decision_case_id = id;
      }
    }
    if (the_case != nullptr) facts.expected_gain = decision::ExpectedYearlyGain(*the_case);
    if (cand.cpv.size() >= 2) {
      Result<MarketSection> market =
          BuildMarketSection(store_, cand.cpv, cand.region, settings_.low_competition);
      if (market.ok() && market->report.comparable > 0) {
        const market::MarketReport& r = market->report;
        facts.p_two_or_more_bids = r.probability;
        facts.single_bid_rate =
            static_cast<double>(r.comparable - r.two_or_more) / static_cast<double>(r.comparable);
        facts.comparable_lots = static_cast<int64_t>(r.comparable);
      }
    }
    for (const auto& [cpv, year] : competed) {
      if (!SameCpvClass(cpv, cand.cpv) || year >= list.budget_year) continue;
      if (!facts.last_competed_year || year > *facts.last_competed_year) {
        facts.last_competed_year = year;
      }
    }
    cand.facts = facts;
  }
  return Status::Ok();
}

Result<PriorityView> StrategyService::PriorityViewOf(const Actor& actor,
                                                     const store::StoredStrategyDocument& s) {
  PriorityView v;
  SAMSPILL_ASSIGN_OR_RETURN(v.list, strategy::ParsePriorityListJson(s.document_json));
  v.version = s.version;
  v.updated_at = s.updated_at;
  v.ranking = strategy::RankPriorities(v.list);
  v.can_edit = MayWrite(actor);
  return v;
}

Result<std::vector<PrioritySummary>> StrategyService::ListPriorities(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayRead(actor), actor, "read the tendering strategy"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredStrategyDocument> docs,
                            store_.ListStrategyDocuments(store::kStrategyPrioritiesKind));
  std::vector<PrioritySummary> out;
  for (const store::StoredStrategyDocument& d : docs) {
    SAMSPILL_ASSIGN_OR_RETURN(strategy::PriorityList list,
                              strategy::ParsePriorityListJson(d.document_json));
    out.push_back({list.budget_year, list.candidates.size(), d.version, d.updated_at});
  }
  std::sort(out.begin(), out.end(), [](const PrioritySummary& a, const PrioritySummary& b) {
    return a.budget_year > b.budget_year;
  });
  return out;
}

Result<PriorityView> StrategyService::GetPriorities(const Actor& actor, int budget_year) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayRead(actor), actor, "read the tendering strategy"));
  SAMSPILL_ASSIGN_OR_RETURN(
      std::optional<store::StoredStrategyDocument> stored,
      store_.FindStrategyDocument(store::kStrategyPrioritiesKind, YearKey(budget_year)));
  if (!stored) {
    return NotFoundAt("no priority list for the budget year " + std::to_string(budget_year),
                      "budget_year");
  }
  return PriorityViewOf(actor, *stored);
}

template <typename ChangeFn>
Result<PriorityView> StrategyService::EditPriorities(const Actor& actor, int budget_year,
                                                     int64_t version, std::string action,
                                                     ChangeFn&& change) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "change the tendering strategy"));
  const std::string key = YearKey(budget_year);
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyPrioritiesKind, key));
  const int64_t current = stored ? stored->version : 0;
  if (current != version) {
    if (version == 0) {
      return ConflictAt("the budget year " + key + " has a priority list already", "budget_year");
    }
    if (!stored) {
      return NotFoundAt("no priority list for the budget year " + key, "budget_year");
    }
    return Stale("the priority list", current, version);
  }
  strategy::PriorityList list;
  list.budget_year = budget_year;
  if (stored) {
    SAMSPILL_ASSIGN_OR_RETURN(list, strategy::ParsePriorityListJson(stored->document_json));
  }
  SAMSPILL_RETURN_IF_ERROR(change(list));
  if (list.budget_year != budget_year) {
    return InvalidArgument(
        "is " + std::to_string(list.budget_year) + ", not the list's year " + key, "budget_year");
  }
  SAMSPILL_RETURN_IF_ERROR(strategy::ValidatePriorityList(list));
  json details = {
      {"budget_year", budget_year}, {"version", version}, {"candidates", list.candidates.size()}};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredStrategyDocument saved,
      store_.PutStrategyDocument(
          store::kStrategyPrioritiesKind, key, strategy::PriorityListToJson(list).dump(), version,
          actor.user_id, clock_.Now(),
          Event(clock_, actor, std::move(action), "strategy_priorities", key, std::move(details))));
  return PriorityViewOf(actor, saved);
}

Result<PriorityView> StrategyService::StartPriorities(const Actor& actor, int budget_year) {
  return EditPriorities(
      actor, budget_year, 0, "strategy.priorities.start",
      [&](strategy::PriorityList& list) -> Status {
        SAMSPILL_ASSIGN_OR_RETURN(strategy::StrategyRegister reg, LoadRegister());
        if (reg.areas.empty()) {
          return FailedPreconditionAt(
              "the register has no task areas to choose among; add them first", "areas");
        }
        for (const strategy::TaskArea& a : reg.areas) {
          if (list.candidates.size() == strategy::kMaxCandidates) break;
          strategy::Candidate c;
          c.area_id = a.id;
          c.name = a.name;
          c.cpv = a.cpv;
          c.region = reg.region;
          list.candidates.push_back(std::move(c));
        }
        list.settings.top_n = static_cast<int>(std::min<size_t>(3, list.candidates.size()));
        return FillFacts(list);
      });
}

Result<PriorityView> StrategyService::ReplacePriorities(const Actor& actor, int budget_year,
                                                        int64_t version,
                                                        strategy::PriorityList list) {
  return EditPriorities(actor, budget_year, version,
                        version == 0 ? "strategy.priorities.create" : "strategy.priorities.replace",
                        [&](strategy::PriorityList& stored) {
                          stored = std::move(list);
                          return Status::Ok();
                        });
}

Result<PriorityView> StrategyService::RefreshFacts(const Actor& actor, int budget_year,
                                                   int64_t version) {
  return EditPriorities(actor, budget_year, version, "strategy.priorities.refresh",
                        [&](strategy::PriorityList& list) { return FillFacts(list); });
}

Result<PriorityView> StrategyService::UpdatePrioritySettings(const Actor& actor, int budget_year,
                                                             int64_t version,
                                                             const std::array<double, 4>& weights,
                                                             int top_n, double default_gain_rate) {
  return EditPriorities(actor, budget_year, version, "strategy.priorities.settings",
                        [&](strategy::PriorityList& list) {
                          for (size_t k = 0; k < weights.size(); ++k) {
                            list.settings.weights[k] = weights[k];
                          }
                          list.settings.top_n = top_n;
                          list.settings.default_gain_rate = default_gain_rate;
                          return Status::Ok();
                        });
}

Result<PriorityView> StrategyService::SetManualScore(const Actor& actor, int budget_year,
                                                     int64_t version, int64_t area_id,
                                                     strategy::PriorityCriterion criterion,
                                                     std::optional<strategy::ManualScore> score) {
  return EditPriorities(actor, budget_year, version, "strategy.priorities.score",
                        [&](strategy::PriorityList& list) -> Status {
                          strategy::Candidate* c = FindCandidate(list, area_id);
                          if (c == nullptr) return NoArea(area_id);
                          c->manual[static_cast<size_t>(criterion)] = std::move(score);
                          return Status::Ok();
                        });
}

Result<PriorityView> StrategyService::LinkCandidateCase(const Actor& actor, int budget_year,
                                                        int64_t version, int64_t area_id,
                                                        int64_t decision_case_id) {
  if (decision_case_id != 0) {
    Result<store::StoredDecisionCase> found = store_.FindDecisionCase(decision_case_id);
    if (!found.ok()) {
      if (found.status().code() == StatusCode::kNotFound) {
        return NotFoundAt("there is no decision case " + std::to_string(decision_case_id),
                          "decision_case_id");
      }
      return found.status();
    }
  }
  return EditPriorities(actor, budget_year, version, "strategy.priorities.link_case",
                        [&](strategy::PriorityList& list) -> Status {
                          strategy::Candidate* c = FindCandidate(list, area_id);
                          if (c == nullptr) return NoArea(area_id);
                          c->facts.decision_case_id =
                              decision_case_id == 0 ? std::nullopt
                                                    : std::optional<int64_t>(decision_case_id);
                          return FillFacts(list);
                        });
}

Result<PriorityView> StrategyService::AddCandidate(const Actor& actor, int budget_year,
                                                   int64_t version, int64_t area_id) {
  return EditPriorities(actor, budget_year, version, "strategy.priorities.add",
                        [&](strategy::PriorityList& list) -> Status {
                          if (FindCandidate(list, area_id) != nullptr) {
                            return ConflictAt("the area is a candidate already", "area_id");
                          }
                          strategy::Candidate c;
                          c.area_id = area_id;
                          list.candidates.push_back(std::move(c));
                          SAMSPILL_RETURN_IF_ERROR(FillFacts(list));
                          if (list.candidates.back().name.empty()) return NoArea(area_id);
                          return Status::Ok();
                        });
}

Result<PriorityView> StrategyService::RemoveCandidate(const Actor& actor, int budget_year,
                                                      int64_t version, int64_t area_id) {
  return EditPriorities(actor, budget_year, version, "strategy.priorities.remove",
                        [&](strategy::PriorityList& list) -> Status {
                          if (FindCandidate(list, area_id) == nullptr) return NoArea(area_id);
                          std::erase_if(list.candidates, [&](const strategy::Candidate& c) {
                            return c.area_id == area_id;
                          });
                          const int n = static_cast<int>(list.candidates.size());
                          list.settings.top_n = std::max(1, std::min(list.settings.top_n, n));
                          return Status::Ok();
                        });
}

// ---- 3. The procurement plan.

Result<PlanView> StrategyService::PlanViewOf(
    const Actor& actor, const std::optional<store::StoredStrategyDocument>& stored) {
  PlanView v;
  if (stored) {
    SAMSPILL_ASSIGN_OR_RETURN(v.plan, strategy::ParsePlanJson(stored->document_json));
    v.version = stored->version;
  }
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<strategy::PublishedPlan> published, LoadPublished());
  for (const strategy::PublishedPlan& p : published) {
    v.versions.push_back(Summary(p));
    for (const strategy::PlanItem& item : p.items) {
      if (std::find(v.ever_published.begin(), v.ever_published.end(), item.id) ==
          v.ever_published.end()) {
        v.ever_published.push_back(item.id);
      }
    }
  }
  for (const strategy::PlanItem& item : v.plan.items) {
    if (!item.tender_id) continue;
    Result<store::StoredTender> t = store_.FindTender(*item.tender_id);
    if (!t.ok()) continue;  // a deleted tender: the item keeps its number
    v.tenders.push_back(
        {item.id,
         {t->id, t->title,
          std::string(tendering::TenderStateName(static_cast<tendering::TenderState>(t->state)))}});
  }
  v.can_edit = MayWrite(actor);
  return v;
}

Result<PlanView> StrategyService::GetPlan(const Actor& actor) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayRead(actor), actor, "read the tendering strategy"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyPlanKind, ""));
  return PlanViewOf(actor, stored);
}

template <typename ChangeFn>
Result<PlanView> StrategyService::EditPlan(const Actor& actor, int64_t version, std::string action,
                                           ChangeFn&& change) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "change the procurement plan"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyPlanKind, ""));
  const int64_t current = stored ? stored->version : 0;
  if (current != version) return Stale("the procurement plan", current, version);
  strategy::ProcurementPlan plan;
  if (stored) {
    SAMSPILL_ASSIGN_OR_RETURN(plan, strategy::ParsePlanJson(stored->document_json));
  } else {
    SAMSPILL_ASSIGN_OR_RETURN(strategy::StrategyRegister reg, LoadRegister());
    plan.organisation = reg.municipality;
    plan.title = "Udbudsplan";
  }
  SAMSPILL_RETURN_IF_ERROR(change(plan));
  SAMSPILL_RETURN_IF_ERROR(strategy::ValidateProcurementPlan(plan));
  SAMSPILL_RETURN_IF_ERROR(CheckPlanCpvs(plan));
  for (strategy::PlanItem& item : plan.items) {
    if (!item.tender_id) continue;
    Result<store::StoredTender> t = store_.FindTender(*item.tender_id);
    if (!t.ok() && t.status().code() == StatusCode::kNotFound) {
      return NotFoundAt("there is no tender " + std::to_string(*item.tender_id), "tender_id");
    }
    if (!t.ok()) return t.status();
    strategy::FollowTender(item, t->state == static_cast<int>(tendering::TenderState::kDraft));
  }
  json details = {{"version", version}, {"items", plan.items.size()}};
  SAMSPILL_ASSIGN_OR_RETURN(
      store::StoredStrategyDocument saved,
      store_.PutStrategyDocument(
          store::kStrategyPlanKind, "", strategy::PlanToJson(plan).dump(), version, actor.user_id,
          clock_.Now(),
          Event(clock_, actor, std::move(action), "procurement_plan", "", std::move(details))));
  return PlanViewOf(actor, saved);
}

Result<PlanView> StrategyService::ReplacePlan(const Actor& actor, int64_t version,
                                              strategy::ProcurementPlan plan) {
  return EditPlan(actor, version, "strategy.plan.replace", [&](strategy::ProcurementPlan& p) {
    p = std::move(plan);
    return Status::Ok();
  });
}

Result<PlanView> StrategyService::UpdatePlanHeader(const Actor& actor, int64_t version,
                                                   std::string title, std::string organisation) {
  return EditPlan(actor, version, "strategy.plan.header", [&](strategy::ProcurementPlan& p) {
    p.title = std::move(title);
    p.organisation = std::move(organisation);
    return Status::Ok();
  });
}

Result<PlanView> StrategyService::PutPlanItem(const Actor& actor, int64_t version,
                                              strategy::PlanItem item) {
  const bool adding = item.id == 0;
  return EditPlan(actor, version, adding ? "strategy.plan.item_add" : "strategy.plan.item_update",
                  [&](strategy::ProcurementPlan& p) -> Status {
                    if (adding) return strategy::AddPlanItem(p, std::move(item)).status();
                    return strategy::ReplacePlanItem(p, item);
                  });
}

Result<PlanView> StrategyService::RemovePlanItem(const Actor& actor, int64_t version,
                                                 int64_t item_id) {
  // Whether any published version holds the item: such an item is withdrawn, never removed.
  bool ever_published = false;
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<strategy::PublishedPlan> published, LoadPublished());
  for (const strategy::PublishedPlan& p : published) {
    for (const strategy::PlanItem& item : p.items) ever_published |= item.id == item_id;
  }
  return EditPlan(actor, version, "strategy.plan.item_remove", [&](strategy::ProcurementPlan& p) {
    return strategy::RemovePlanItem(p, item_id, ever_published);
  });
}

Result<PlanView> StrategyService::AddFromPriorities(const Actor& actor, int64_t version,
                                                    int budget_year) {
  SAMSPILL_ASSIGN_OR_RETURN(PriorityView prio, GetPriorities(actor, budget_year));
  SAMSPILL_ASSIGN_OR_RETURN(strategy::StrategyRegister reg, LoadRegister());
  return EditPlan(
      actor, version, "strategy.plan.from_priorities", [&](strategy::ProcurementPlan& p) -> Status {
        int added = 0;
        for (const strategy::RankedCandidate& r : prio.ranking.ranked) {
          if (r.rank > prio.list.settings.top_n) break;
          const strategy::Candidate& c = prio.list.candidates[r.index];
          const bool present = std::any_of(p.items.begin(), p.items.end(), [&](const auto& i) {
            return i.area_id && *i.area_id == c.area_id;
          });
          if (present) continue;
          strategy::PlanItem item;
          item.title = c.name;
          item.area = c.name;
          item.area_id = c.area_id;
          item.cpv = c.cpv;
          item.decision_case_id = c.facts.decision_case_id;
          item.currency = reg.currency;
          // Four years is the usual frame of a service contract (two plus one plus one); the
          // estimate is there to be revised.
          if (c.facts.yearly_volume) item.estimated_value = *c.facts.yearly_volume * 4;
          item.contract_months = 48;
          item.publication_year = budget_year;
          item.publication_quarter = 2;
          SAMSPILL_RETURN_IF_ERROR(strategy::AddPlanItem(p, std::move(item)).status());
          ++added;
        }
        if (added == 0) {
          return FailedPreconditionAt("every prioritised area of " + std::to_string(budget_year) +
                                          " is in the plan already",
                                      "budget_year");
        }
        return Status::Ok();
      });
}

Result<PlanView> StrategyService::AddFromDecisionCase(const Actor& actor, int64_t version,
                                                      int64_t case_id) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "change the procurement plan"));
  Result<store::StoredDecisionCase> row = store_.FindDecisionCase(case_id);
  if (!row.ok() && row.status().code() == StatusCode::kNotFound) {
    return NotFoundAt("there is no decision case " + std::to_string(case_id), "decision_case_id");
  }
  if (!row.ok()) return row.status();
  SAMSPILL_ASSIGN_OR_RETURN(decision::DecisionCase c,
                            decision::ParseDecisionCaseJson(row->document_json));
  return EditPlan(
      actor, version, "strategy.plan.from_case", [&](strategy::ProcurementPlan& p) -> Status {
        for (const strategy::PlanItem& i : p.items) {
          if (i.decision_case_id && *i.decision_case_id == case_id) {
            return ConflictAt("the plan has an item for this case already", "decision_case_id");
          }
        }
        strategy::PlanItem item;
        item.title = c.title;
        item.area = c.service_area;
        item.cpv = c.cpv;
        item.description = c.description;
        item.decision_case_id = case_id;
        item.tender_id = c.tender_id;
        item.status = c.tender_id ? strategy::PlanItemStatus::kPublished
                                  : strategy::PlanItemStatus::kInPreparation;
        const Date today = clock_.Now().UtcDate();
        item.publication_year = today.year;
        item.publication_quarter = (today.month - 1) / 3 + 1;
        item.contract_months = 12 * (c.business_case.last_year - c.business_case.first_year + 1);
        return strategy::AddPlanItem(p, std::move(item)).status();
      });
}

Result<PlanView> StrategyService::Publish(const Actor& actor, int64_t version,
                                          std::string change_note) {
  SAMSPILL_RETURN_IF_ERROR(NeedRole(MayWrite(actor), actor, "publish the procurement plan"));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredStrategyDocument> stored,
                            store_.FindStrategyDocument(store::kStrategyPlanKind, ""));
  if (!stored) return FailedPreconditionAt("the plan has no items yet", "items");
  if (stored->version != version) return Stale("the procurement plan", stored->version, version);
  SAMSPILL_ASSIGN_OR_RETURN(strategy::ProcurementPlan plan,
                            strategy::ParsePlanJson(stored->document_json));
  SAMSPILL_ASSIGN_OR_RETURN(std::optional<store::StoredPlanVersion> latest,
                            store_.LatestPlanVersion());
  std::optional<strategy::PublishedPlan> previous;
  if (latest) {
    SAMSPILL_ASSIGN_OR_RETURN(json doc, PublishedJson(latest->document_json));
    SAMSPILL_ASSIGN_OR_RETURN(previous, strategy::PublishedPlanFromJson(doc));
  }
  const Timestamp now = clock_.Now();
  SAMSPILL_ASSIGN_OR_RETURN(strategy::PublishedPlan published,
                            strategy::PublishPlan(plan, previous ? &*previous : nullptr, now,
                                                  actor.username, std::move(change_note)));
  store::StoredPlanVersion row;
  row.number = published.number;
  row.published_at = now;
  row.published_by_user_id = actor.user_id;
  row.document_json = strategy::PublishedPlanToJson(published).dump();
  json details = {{"number", published.number},
                  {"items", published.items.size()},
                  {"changes", published.changes.size()}};
  SAMSPILL_RETURN_IF_ERROR(
      store_
          .AppendPlanVersion(row, Event(clock_, actor, "strategy.plan.publish", "procurement_plan",
                                        std::to_string(published.number), std::move(details)))
          .status());
  return PlanViewOf(actor, stored);
}

Result<strategy::PublishedPlan> StrategyService::PublishedPlan(std::optional<int64_t> number) {
  std::optional<store::StoredPlanVersion> row;
  if (number) {
    SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredPlanVersion> versions,
                              store_.ListPlanVersions());
    for (store::StoredPlanVersion& v : versions) {
      if (v.number == *number) row = std::move(v);
    }
  } else {
    SAMSPILL_ASSIGN_OR_RETURN(row, store_.LatestPlanVersion());
  }
  if (!row) {
    return NotFoundAt(number ? "the plan has no version " + std::to_string(*number)
                             : std::string("no procurement plan is published yet"),
                      "version");
  }
  SAMSPILL_ASSIGN_OR_RETURN(json doc, PublishedJson(row->document_json));
  return strategy::PublishedPlanFromJson(doc);
}

Result<std::vector<strategy::PublishedPlan>> StrategyService::LoadPublished() {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredPlanVersion> rows, store_.ListPlanVersions());
  std::vector<strategy::PublishedPlan> out;
  for (const store::StoredPlanVersion& row : rows) {
    SAMSPILL_ASSIGN_OR_RETURN(json doc, PublishedJson(row.document_json));
    SAMSPILL_ASSIGN_OR_RETURN(strategy::PublishedPlan p, strategy::PublishedPlanFromJson(doc));
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<PlanVersionSummary>> StrategyService::PublishedVersions() {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<strategy::PublishedPlan> published, LoadPublished());
  std::vector<PlanVersionSummary> out;
  for (const strategy::PublishedPlan& p : published) out.push_back(Summary(p));
  return out;
}

}  // namespace samspill::app
