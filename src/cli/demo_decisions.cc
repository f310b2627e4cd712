#include "cli/demo_decisions.h"

#include <cmath>

#include "decision/decision_case.h"

namespace samspill::cli {
namespace {

constexpr int64_t kMillion = 1'000'000;

int64_t Mnok(double m) { return static_cast<int64_t>(std::llround(m * kMillion)); }

app::Actor Controller(store::Store& store) {
  app::Actor actor = app::Actor::System();
  Result<store::User> user = store.FindUserByUsername("controller");
  if (user.ok()) actor = app::Actor::FromUser(*user);
  return actor;
}

decision::UnitYear Year(int year, double budget_m, double accounts_m, double fte, int positions,
                        double sick, double turnover, int users, std::vector<int> levels) {
  decision::UnitYear y;
  y.year = year;
  y.budget = Mnok(budget_m);
  y.accounts = Mnok(accounts_m);
  y.fte = fte;
  y.positions = positions;
  y.sick_leave_percent = sick;
  y.turnover_percent = turnover;
  y.users = users;
  y.users_by_need_level = std::move(levels);
  y.example = true;
  return y;
}

Status AddBoaBaseline(decision::DecisionCase& c) {
  struct Unit {
    const char* id;
    const char* name;
    double scale;  // of the first unit's figures
  };
  // The unit put out to tender has ~100 årsverk (seed 000 §2); the others are examples.
  const Unit units[] = {{"enhet_a", "BoA enhet A (prøveprosjektet)", 1.0},
                        {"enhet_b", "BoA enhet B", 0.85},
                        {"enhet_c", "BoA enhet C", 0.9},
                        {"enhet_d", "BoA enhet D", 0.75}};
  for (const Unit& u : units) {
    for (int year = 2022; year <= 2024; ++year) {
      const double growth = 1.0 + 0.04 * (year - 2022);
      const double budget = 84.0 * u.scale * growth;
      const double accounts = budget * (u.scale > 0.95 ? 1.03 : 0.99);
      decision::UnitYear y = Year(
          year, budget, accounts, 100.0 * u.scale, static_cast<int>(std::lround(150 * u.scale)),
          10.5 - (year - 2022) * 0.4 + u.scale, 14.0 - u.scale * 2,
          static_cast<int>(std::lround(48 * u.scale)),
          {static_cast<int>(std::lround(10 * u.scale)), static_cast<int>(std::lround(22 * u.scale)),
           static_cast<int>(std::lround(48 * u.scale)) -
               static_cast<int>(std::lround(10 * u.scale)) -
               static_cast<int>(std::lround(22 * u.scale))});
      SAMSPILL_RETURN_IF_ERROR(decision::PutUnitYear(c, u.id, u.name, 254, y));
    }
  }
  c.baseline.comparisons.push_back(
      {"Legemeldt sykefravær i kommunene, landet", "sick_leave_percent", 2023, 7.7,
       "SSB, sykefraværsstatistikk 2023 (legemeldt, kommunal sektor)"});
  return Status::Ok();
}

decision::CaseItem Item(const char* alternative, const char* name, decision::ItemKind kind,
                        double low_m, double base_m, double high_m, bool uncertain = false) {
  return {alternative, name, kind, 0, Mnok(low_m), Mnok(base_m), Mnok(high_m), uncertain};
}

decision::DecisionCase BoaCase() {
  decision::DecisionCase c =
      decision::NewCase("Drift av bofellesskap i Bo- og aktivitetstilbud (BoA)",
                        "Bo- og aktivitetstilbud", 2026, 2029);
  c.description =
      "Skal én av BoAs fire enheter (ca. 100 årsverk, opsjon på dobling) driftes av en privat "
      "leverandør i et fireårig prøveprosjekt? Grunnlaget for bystyrets vedtak 20. februar 2025. "
      "Prosjektkostnaden (1,1 årsverk + 300 000 kr ekstern bistand + 90 000 kr kommuneadvokat) "
      "er fra evalueringen; enhetstall og de andre beløpene er eksempler.";
  c.cpv = "85311000-2";
  c.region = "NO060";
  c.monte_carlo.seed = 20250220;
  c.monte_carlo.draws = 20'000;
  return c;
}

Status FillBoa(decision::DecisionCase& c) {
  using K = decision::ItemKind;
  SAMSPILL_RETURN_IF_ERROR(AddBoaBaseline(c));
  for (int y = c.business_case.first_year; y <= c.business_case.last_year; ++y) {
    c.business_case.operating_costs.push_back({y, Mnok(330)});
  }
  // Outsourced: one unit run by a supplier.
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("outsourced", "Lavere driftskostnad i enheten", K::kSaving, 0, 3.0, 6.5), 2026,
      2029));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("outsourced", "Kommunens oppfølgingsteam", K::kCost, 1.0, 1.35, 1.8), 2026, 2029));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c,
      Item("outsourced", "Anbudsprosjektet", K::kCost, 1.2,
           static_cast<double>(decision::TenderProjectCost(900'000)) / kMillion, 2.0),
      2026, 2026));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("outsourced", "Pensjonspremier ved virksomhetsoverdragelse", K::kCost, 0.4, 0.8, 1.5),
      2026, 2029));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("outsourced", "Overgangskostnader", K::kCost, 1.0, 2.0, 4.0), 2026, 2026));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("outsourced", "Svekket kontinuitet for beboerne", K::kCost, 0.5, 2.0, 5.0, true),
      2026, 2029));
  // In-house improved: three-party cooperation (seed 003).
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("in_house_improved", "Redusert sykefravær", K::kSaving, 0.5, 1.2, 2.0), 2026, 2029));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c, Item("in_house_improved", "Mindre innleie og overtid", K::kSaving, 0.3, 0.8, 1.2), 2026,
      2029));
  SAMSPILL_RETURN_IF_ERROR(decision::AddItems(
      c,
      Item("in_house_improved", "Prosessledelse for trepartssamarbeidet", K::kCost, 0.3, 0.4, 0.6),
      2026, 2029));
  return Status::Ok();
}

struct KnsRow {
  const char* municipality;
  double sick, afp, turnover, full_time, consultants, tenders, conflict;  // MNOK; < 0: none
  bool turnover_is_cost;
  double operating_mnok;
};

decision::DecisionCase KnsCase(const KnsRow& row) {
  using K = decision::ItemKind;
  decision::DecisionCase c =
      decision::NewCase(std::string(row.municipality) + ": helse og omsorg i egen drift, forbedret",
                        "Helse og omsorg", 2013, 2013);
  c.description =
      "KNS-prosjektet «Samarbeid lønner seg»: gevinsten av å forbedre tjenesten i egen drift "
      "gjennom trepartssamarbeid, i millioner kroner mot drift som før. «Redusert konflikt» var "
      "for usikker til å regnes med. Driftsutgiftene er regnet tilbake fra rapportens andeler.";
  c.business_case.alternatives = {
      {"in_house", "Egen drift som før"},
      {"in_house_improved", "Egen drift, forbedret (trepartssamarbeid)"}};
  c.risks.clear();
  auto item = [](const char* name, K kind, double m, bool uncertain = false) {
    return decision::CaseItem{
        "in_house_improved", name, kind, 2013, Mnok(m), Mnok(m), Mnok(m), uncertain};
  };
  auto& items = c.business_case.items;
  items.push_back(item("Sykefravær", K::kSaving, row.sick));
  items.push_back(item("AFP", K::kSaving, row.afp));
  items.push_back(item("Turnover", row.turnover_is_cost ? K::kCost : K::kSaving, row.turnover));
  items.push_back(item("Heltid-deltid", K::kSaving, row.full_time));
  items.push_back(item("Konsulentbruk", K::kSaving, row.consultants));
  items.push_back(item("Anbudskostnader (om halve helse og omsorg var konkurranseutsatt)",
                       K::kSaving, row.tenders));
  if (row.conflict > 0) {
    items.push_back(item("Redusert konflikt", K::kSaving, row.conflict, /*uncertain=*/true));
  }
  c.business_case.operating_costs = {{2013, Mnok(row.operating_mnok)}};
  c.monte_carlo.seed = 2013;
  c.monte_carlo.draws = 2'000;
  return c;
}

}  // namespace

Status LoadDemoDecisions(app::DecisionService& decisions, store::Store& store) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredDecisionCase> existing,
                            store.ListDecisionCases());
  if (!existing.empty()) return Status::Ok();
  const app::Actor actor = Controller(store);

  decision::DecisionCase boa = BoaCase();
  SAMSPILL_RETURN_IF_ERROR(FillBoa(boa));
  SAMSPILL_ASSIGN_OR_RETURN(app::DecisionCaseView view, decisions.CreateCase(actor, boa));
  decision::CaseDecision d;
  d.recommendation =
      "Rådmannen anbefaler et fireårig prøveprosjekt der én enhet i BoA driftes av en privat "
      "leverandør, med virksomhetsoverdragelse og opsjon på forlengelse, og med en egen "
      "evaluering før eventuell videreføring.";
  d.recommended_alternative = "outsourced";
  d.chosen_alternative = "outsourced";
  d.outcome = decision::DecisionOutcome::kTender;
  d.decided_by = "Bystyret i Trondheim";
  d.decided_on = Date{2025, 2, 20};
  d.political_reference = "Bystyret 20.02.2025 (prøveprosjekt BoA)";
  SAMSPILL_ASSIGN_OR_RETURN(view, decisions.Decide(actor, view.id, view.version, d));
  // The BoA tender of the demo, when it is there.
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredTender> tenders, store.ListTenderSummaries());
  for (const store::StoredTender& t : tenders) {
    if (t.title.find("(BoA)") != std::string::npos) {
      SAMSPILL_RETURN_IF_ERROR(decisions.LinkTender(actor, view.id, view.version, t.id).status());
      break;
    }
  }

  // Seed 003's table (MNOK); Songdalen's items add to 15.5 where the report prints 15.6.
  const KnsRow rows[] = {
      {"Lunner", 3.0, 3.3, 4.0, 1.5, 2.4, 3.8, 6.8, false, 600.0},
      {"Songdalen", 6.0, 2.0, 3.0, 1.5, 0.7, 2.3, 9.0, false, 15.6 / 0.034},
      {"Bømlo", 10.0, 1.0, 2.5, 1.0, 1.6, 5.9, -1, true, 17.0 / 0.021},
  };
  for (const KnsRow& row : rows) {
    SAMSPILL_RETURN_IF_ERROR(decisions.CreateCase(actor, KnsCase(row)).status());
  }
  return Status::Ok();
}

}  // namespace samspill::cli
