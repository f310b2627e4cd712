#include "cli/demo_strategy.h"

#include <cmath>

namespace samspill::cli {
namespace {

// One area's figures for 2019–2024, in million DKK: what may be competed the first year, its
// yearly growth, and the competed share each year. Invented for the demonstration: every year
// is marked "eksempel".
struct DemoArea {
  const char* code;
  const char* name;
  const char* cpv;
  double may_compete_2019;  // million DKK
  double spend_factor;      // spend = may_compete × this
  double shares[6];         // competed share 2019..2024, percent
  double in_house_share;    // of the competed part, won by in-house control bids
};

constexpr DemoArea kAreas[] = {
    {"5.32.32", "Hjemmepleje", "85312000-9", 410, 1.08, {24, 24.5, 25, 25.5, 26, 26.5}, 0.0},
    {"5.38.50",
     "Bo- og aktivitetstilbud (BoA)",
     "85311000-2",
     260,
     1.05,
     {8, 8, 8, 8.5, 9, 9},
     0.0},
    {"", "Rengøring af kommunale bygninger", "90911200-8", 95, 1.0, {35, 35, 36, 38, 40, 41}, 0.25},
    {"5.32.32", "Madservice", "55521100-9", 48, 1.0, {62, 62, 63, 63, 64, 64}, 0.0},
    {"2.28.22", "Vej og park", "77310000-6", 120, 1.15, {18, 18, 19, 20, 22, 23}, 0.1},
};

int64_t Kroner(double millions) { return static_cast<int64_t>(std::llround(millions * 1e6)); }

Status Check(const Status& s, const char* what) {
  if (s.ok()) return s;
  return Status(s.code(), std::string("demo strategy, ") + what + ": " + s.message(), s.field());
}

}  // namespace

Status LoadDemoStrategy(app::StrategyService& strategy, store::Store& store) {
  const app::Actor actor = app::Actor::System();
  SAMSPILL_ASSIGN_OR_RETURN(app::RegisterView reg, strategy.GetRegister(actor));
  if (reg.version != 0) return Status::Ok();  // loaded before

  strategy::StrategyRegister r;
  r.municipality = "Eksempel Kommune";
  r.scheme = strategy::AccountScheme::kDanishFunctions;
  r.currency = "DKK";
  r.region = "DK031";
  for (const DemoArea& d : kAreas) {
    strategy::TaskArea area;
    area.id = r.next_id++;
    area.code = d.code;
    area.name = d.name;
    area.cpv = d.cpv;
    for (int i = 0; i < 6; ++i) {
      const double may = d.may_compete_2019 * std::pow(1.03, i);  // 3 % a year, wages and volume
      strategy::AreaYear y;
      y.year = 2019 + i;
      y.may_compete = Kroner(may);
      y.spend = Kroner(may * d.spend_factor);
      const double competed = may * d.shares[i] / 100.0;
      y.in_house_wins = Kroner(competed * d.in_house_share);
      y.private_purchases = Kroner(competed) - y.in_house_wins;
      y.example = true;
      y.note = "eksempel";
      area.years.push_back(y);
    }
    r.areas.push_back(std::move(area));
  }
  SAMSPILL_ASSIGN_OR_RETURN(reg, strategy.ReplaceRegister(actor, 0, std::move(r)));

  // The political targets of seed 002 step 1: IKU up two points by 2028, and a green target.
  strategy::PoliticalTarget iku;
  iku.subject = strategy::TargetSubject::kIku;
  iku.period = {2024, 2028};
  iku.indicator.category = "Politiske mål";
  iku.indicator.name = "IKU: +2 procentpoint fra 2024 til 2028";
  iku.indicator.unit = "%";
  iku.indicator.target_kind = portfolio::TargetKind::kReachByLastYear;
  iku.indicator.decimals = 1;
  std::optional<int64_t> target = strategy::IkuTargetFromIncrease(reg.total_iku, 2024, 2.0);
  if (!target) return Internal("demo strategy: 2024 has no IKU");
  iku.indicator.target = *target;
  iku.adopted_by = "Byrådet, budgetaftale 2025 (eksempel)";
  SAMSPILL_ASSIGN_OR_RETURN(reg, strategy.PutTarget(actor, reg.version, iku));

  strategy::PoliticalTarget green;
  green.subject = strategy::TargetSubject::kGreen;
  green.period = {2023, 2026};
  green.indicator.category = "Politiske mål";
  green.indicator.name = "Miljømærkede indkøb, andel af indkøbene";
  green.indicator.unit = "%";
  green.indicator.target_kind = portfolio::TargetKind::kPerYear;
  green.indicator.decimals = 1;
  green.indicator.target = 400;  // 40.0 %
  green.adopted_by = "Byrådet, grøn indkøbspolitik (eksempel)";
  SAMSPILL_ASSIGN_OR_RETURN(reg, strategy.PutTarget(actor, reg.version, green));
  const int64_t green_id = reg.reg.targets.back().id;
  const std::pair<int, int64_t> figures[] = {{2023, 312}, {2024, 385}, {2025, 421}};
  for (const auto& [year, value] : figures) {
    SAMSPILL_ASSIGN_OR_RETURN(
        reg, strategy.PutTargetFigure(actor, reg.version, green_id, year, value, "eksempel"));
  }

  // Budget 2026's priorities: every area a candidate, facts from the decision cases, the market
  // data and the tenders; others' experience set by hand from seed 002's cases.
  SAMSPILL_ASSIGN_OR_RETURN(app::PriorityView prio, strategy.StartPriorities(actor, 2026));
  struct Experience {
    const char* area;
    double score;
    const char* reason;
  };
  const Experience experiences[] = {
      {"Bo- og aktivitetstilbud (BoA)", 6,
       "Aarhus Kommune har i en årrække samarbejdet med Forenede Care om plejehjemmet "
       "Bøgeskovhus (DI 2024); Trondheims prøveprosjekt fikk ett tilbud (seed 000)."},
      {"Rengøring af kommunale bygninger", 8,
       "Aarhus Kommune vandt IKA-prisen for et rengøringsudbud med vægt på kvalitet og "
       "markedsdialog; Lejre og Rudersdal undersøger det samme (DI 2024)."},
      {"Vej og park", 8,
       "Svendborg Kommune samarbejder siden 2023 med Forstas om vej og park og er kommet godt "
       "fra start (DI 2024)."},
  };
  for (const Experience& e : experiences) {
    std::optional<int64_t> area_id;
    for (const strategy::Candidate& c : prio.list.candidates) {
      if (c.name == e.area) area_id = c.area_id;
    }
    if (!area_id) continue;
    SAMSPILL_ASSIGN_OR_RETURN(prio,
                              strategy.SetManualScore(actor, 2026, prio.version, *area_id,
                                                      strategy::PriorityCriterion::kPeerExperience,
                                                      strategy::ManualScore{e.score, e.reason}));
  }

  // The plan: the BoA and cleaning tenders of the demo, and the year's prioritised areas.
  SAMSPILL_ASSIGN_OR_RETURN(app::PlanView plan, strategy.GetPlan(actor));
  SAMSPILL_ASSIGN_OR_RETURN(
      plan, strategy.UpdatePlanHeader(actor, plan.version, "Udbudsplan 2025–2027 (eksempel)",
                                      "Eksempel Kommune"));
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredTender> tenders, store.ListTenderSummaries());
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredDecisionCase> cases,
                            store.ListDecisionCases());
  for (const store::StoredTender& t : tenders) {
    const bool boa = t.title.find("(BoA)") != std::string::npos;
    const bool cleaning = t.title.find("Renhold") != std::string::npos;
    if (!boa && !cleaning) continue;
    strategy::PlanItem item;
    item.title = t.title;
    item.area = boa ? "Bo- og aktivitetstilbud (BoA)" : "Rengøring af kommunale bygninger";
    for (const strategy::TaskArea& a : reg.reg.areas) {
      if (a.name == item.area) item.area_id = a.id;
    }
    item.cpv = boa ? "85311000-2" : "90911200-8";
    item.description = boa ? "Drift af et bo- og aktivitetstilbud som prøveprojekt."
                           : "Rengøring af kommunens administrationsbygninger og skoler.";
    item.currency = "NOK";
    item.estimated_value = boa ? 480'000'000 : 64'000'000;
    item.publication_year = 2025;
    item.publication_quarter = boa ? 2 : 1;
    item.contract_start = boa ? Date{2026, 1, 1} : Date{2025, 9, 1};
    item.contract_months = 48;
    item.contact_name = "Innkjøpsenheten";
    item.contact_email = "innkjop@eksempel.invalid";
    item.status = strategy::PlanItemStatus::kPublished;
    item.tender_id = t.id;
    for (const store::StoredDecisionCase& c : cases) {
      if (boa && c.title.find("BoA") != std::string::npos) item.decision_case_id = c.id;
    }
    item.is_public = true;
    SAMSPILL_ASSIGN_OR_RETURN(plan, strategy.PutPlanItem(actor, plan.version, item));
  }
  Result<app::PlanView> more = strategy.AddFromPriorities(actor, plan.version, 2026);
  if (more.ok()) {
    plan = std::move(*more);
  } else if (more.status().code() != StatusCode::kFailedPrecondition) {
    return Check(more.status(), "plan from the priorities");
  }
  // The items from the priorities become public with a contact; one stays internal.
  const std::vector<strategy::PlanItem> from_priorities = plan.plan.items;
  for (strategy::PlanItem item : from_priorities) {
    if (item.tender_id) continue;
    item.is_public = item.title != "Madservice";
    item.contact_name = "Udbudsteamet";
    item.contact_email = "udbud@eksempel.invalid";
    SAMSPILL_ASSIGN_OR_RETURN(plan, strategy.PutPlanItem(actor, plan.version, item));
  }
  SAMSPILL_ASSIGN_OR_RETURN(
      plan, strategy.Publish(actor, plan.version, "Første udbudsplan for budgetåret 2026."));
  // A second version: one planned tender moves a quarter later, as the plan's history shows.
  const std::vector<strategy::PlanItem> published = plan.plan.items;
  for (strategy::PlanItem item : published) {
    if (item.tender_id || !item.is_public) continue;
    item.publication_quarter = std::min(4, item.publication_quarter + 1);
    SAMSPILL_ASSIGN_OR_RETURN(plan, strategy.PutPlanItem(actor, plan.version, item));
    SAMSPILL_ASSIGN_OR_RETURN(
        plan,
        strategy.Publish(actor, plan.version,
                         item.title + " flyttet et kvartal: markedsdialogen tager længere tid."));
    break;
  }
  return Status::Ok();
}

}  // namespace samspill::cli
