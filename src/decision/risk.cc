#include "decision/risk.h"

#include <set>

#include "common/text.h"
#include "common/time.h"

namespace samspill::decision {
namespace {

std::string At(size_t i, const std::string& field) {
  return "risks[" + std::to_string(i) + "]." + field;
}

std::string MitigationAt(size_t i, size_t j, const std::string& field) {
  return At(i, "mitigations[" + std::to_string(j) + "]." + field);
}

bool OnScale(int value) { return value >= 1 && value <= 5; }

Status CheckResidual(const Risk& r, size_t i) {
  if (r.residual_likelihood != 0 && !OnScale(r.residual_likelihood)) {
    return InvalidArgument("the residual likelihood is 1 … 5, or 0 when not assessed",
                           At(i, "residual_likelihood"));
  }
  if (r.residual_consequence != 0 && !OnScale(r.residual_consequence)) {
    return InvalidArgument("the residual consequence is 1 … 5, or 0 when not assessed",
                           At(i, "residual_consequence"));
  }
  // Half an assessment cannot be placed on the map: both or neither.
  if (r.residual_likelihood == 0 && r.residual_consequence != 0) {
    return InvalidArgument("a residual consequence needs a residual likelihood",
                           At(i, "residual_likelihood"));
  }
  if (r.residual_consequence == 0 && r.residual_likelihood != 0) {
    return InvalidArgument("a residual likelihood needs a residual consequence",
                           At(i, "residual_consequence"));
  }
  return Status::Ok();
}

Status CheckMitigations(const Risk& r, size_t i) {
  if (r.mitigations.size() > static_cast<size_t>(kMaxMitigations)) {
    return InvalidArgument("at most " + std::to_string(kMaxMitigations) + " mitigations a risk",
                           At(i, "mitigations"));
  }
  for (size_t j = 0; j < r.mitigations.size(); ++j) {
    const Mitigation& m = r.mitigations[j];
    if (IsBlank(m.action)) {
      return InvalidArgument("a mitigation needs an action", MitigationAt(i, j, "action"));
    }
    const int status = static_cast<int>(m.status);
    if (status < static_cast<int>(MitigationStatus::kPlanned) ||
        status > static_cast<int>(MitigationStatus::kDropped)) {
      return InvalidArgument("unknown mitigation status " + std::to_string(status),
                             MitigationAt(i, j, "status"));
    }
    if (!m.due.empty()) {
      Result<Date> due = ParseIsoDate(m.due);
      if (!due.ok()) return InvalidArgument(due.status().message(), MitigationAt(i, j, "due"));
    }
  }
  return Status::Ok();
}

// One mitigation of the template: planned, no date yet (the case sets its own).
Mitigation Planned(std::string action, std::string owner) {
  return Mitigation{std::move(action), std::move(owner), MitigationStatus::kPlanned, ""};
}

}  // namespace

int RiskScore(int likelihood, int consequence) { return likelihood * consequence; }

// Scores below 1 (a residual not assessed) fall in the lowest band and scores above 25 in the
// highest, so a caller never gets a level outside the three.
RiskLevel LevelOfScore(int score) {
  if (score <= 4) return RiskLevel::kLow;
  if (score <= 9) return RiskLevel::kMedium;
  return RiskLevel::kHigh;
}

Status ValidateRisks(const std::vector<Risk>& risks) {
  if (risks.size() > static_cast<size_t>(kMaxRisks)) {
    return InvalidArgument("at most " + std::to_string(kMaxRisks) + " risks", "risks");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < risks.size(); ++i) {
    const Risk& r = risks[i];
    if (IsBlank(r.id)) return InvalidArgument("a risk needs an id", At(i, "id"));
    if (!ids.insert(r.id).second) {
      return InvalidArgument("the risk id '" + r.id + "' is used twice", At(i, "id"));
    }
    if (IsBlank(r.title)) return InvalidArgument("a risk needs a title", At(i, "title"));
    if (!OnScale(r.likelihood)) {
      return InvalidArgument("the likelihood is 1 … 5", At(i, "likelihood"));
    }
    if (!OnScale(r.consequence)) {
      return InvalidArgument("the consequence is 1 … 5", At(i, "consequence"));
    }
    SAMSPILL_RETURN_IF_ERROR(CheckResidual(r, i));
    SAMSPILL_RETURN_IF_ERROR(CheckMitigations(r, i));
  }
  return Status::Ok();
}

// Seed 000 §4.2 (Trondheim's BoA tender, 2024–2025) names the risks and the mitigations it
// planned; §4.1, §5.2 and §5.3 add follow-up, the market and scope. The scores are a starting
// estimate for a service of that kind (about 100 full-time equivalents in 24-hour care, transfer
// of undertaking): the staff risks are the most critical there, and the tender did get one bid
// only. The residual scores assume the mitigations are carried out; a case re-assesses both.
std::vector<Risk> RiskTemplate() {
  std::vector<Risk> risks;
  risks.push_back(Risk{
      .id = "reservation_right",
      .title = "Mange ansatte bruker reservasjonsretten",
      .description =
          "Ved virksomhetsoverdragelsen kan ansatte reservere seg mot å gå over til ny "
          "arbeidsgiver (arbeidsmiljøloven § 16-3). Reserverer mange seg, mister tjenesten "
          "erfarne medarbeidere, og leverandøren må rekruttere i et stramt arbeidsmarked.",
      .likelihood = 4,
      .consequence = 4,
      .mitigations =
          {Planned("Videreføre gjeldende lønns- og personalgoder i hovedsak i "
                   "konkurransegrunnlaget",
                   "Innkjøp"),
           Planned("Oppfordre leverandørene til å tilby en innskuddsbasert pensjonsordning som i "
                   "størst mulig grad tilsvarer den kommunale",
                   "Innkjøp"),
           Planned("Tidlig dialog og forankring blant ansatte og tillitsvalgte, med jevnlig og "
                   "presis informasjon",
                   "Prosjektleder"),
           Planned("Gi leverandøren god tid til oppstart før driften overtas", "Prosjektleder")},
      .residual_likelihood = 3,
      .residual_consequence = 4,
  });
  risks.push_back(Risk{
      .id = "recruitment",
      .title = "Leverandøren får ikke rekruttert nok kvalifiserte medarbeidere",
      .description =
          "Få fagfolk å rekruttere i et stramt arbeidsmarked, særlig dersom mange ansatte har "
          "reservert seg. Størrelsen på konkurransen påvirker rekrutteringsbehovet.",
      .likelihood = 4,
      .consequence = 4,
      .mitigations = {Planned("Gi leverandøren god tid til oppstart og rekruttering",
                              "Prosjektleder"),
                      Planned(
                          "Vurdere omfanget: starte avgrenset og eventuelt utvide etter evaluering",
                          "Styringsgruppe"),
                      Planned("Krav til bemanning og fagkompetanse i kontrakten", "Innkjøp")},
      .residual_likelihood = 3,
      .residual_consequence = 4,
  });
  risks.push_back(Risk{
      .id = "overstaffing",
      .title = "Overtallighet i kommunen",
      .description =
          "Ansatte som reserverer seg, blir i kommunen uten stillingene de hadde. Kommunen må "
          "finne annet passende arbeid til dem eller håndtere overtallighet.",
      .likelihood = 3,
      .consequence = 3,
      .mitigations = {Planned("Kartlegge ledige stillinger i andre enheter og planlegge "
                              "omplassering i god tid",
                              "HR"),
                      Planned("Tidlig dialog med ansatte og tillitsvalgte om valgene de har",
                              "HR")},
      .residual_likelihood = 2,
      .residual_consequence = 3,
  });
  risks.push_back(Risk{
      .id = "continuity_of_care",
      .title = "Svekket kontinuitet og kvalitet i tjenestene",
      .description =
          "Skifte av arbeidsgiver og personale svekker kontinuiteten for brukerne og kvaliteten i "
          "tjenestene; i verste fall trues kommunens evne til å levere faglig forsvarlige "
          "tjenester.",
      .likelihood = 3,
      .consequence = 5,
      .mitigations =
          {Planned("Klare, målbare kvalitetskriterier i kontrakten, med rapportering om kvalitet "
                   "og avvik",
                   "Innkjøp"),
           Planned("Kontrollsystemer for kvaliteten og årlige statusgjennomganger",
                   "Kontraktsoppfølging"),
           Planned("Jevnlig informasjon og dialog med brukere og pårørende gjennom overgangen",
                   "Enhetsleder")},
      .residual_likelihood = 2,
      .residual_consequence = 5,
  });
  risks.push_back(Risk{
      .id = "supplier_cuts_resources",
      .title = "Leverandøren reduserer ressursbruken for å øke fortjenesten",
      .description =
          "Færre eller mindre kvalifiserte ansatte enn forutsatt, eller mindre tid til brukerne, "
          "for å bedre leverandørens resultat.",
      .likelihood = 3,
      .consequence = 4,
      .mitigations =
          {Planned("Økonomisk kontroll i kontrakten: tydelige rammer for kostnader", "Innkjøp"),
           Planned("Kvalitativ kontroll: krav til bemanning og kvalitet, rapportering og tilsyn",
                   "Kontraktsoppfølging")},
      .residual_likelihood = 2,
      .residual_consequence = 4,
  });
  risks.push_back(Risk{
      .id = "hms_management_support",
      .title = "Svikt i HMS, ledelse og støttefunksjoner",
      .description =
          "Leverandøren etterlever ikke krav til helse, miljø og sikkerhet, eller ledelse og "
          "støttefunksjoner (lønn, HR, IKT) fungerer dårligere enn i kommunen.",
      .likelihood = 3,
      .consequence = 3,
      .mitigations = {Planned("Krav til HMS-system, ledelse og støttefunksjoner i kontrakten",
                              "Innkjøp"),
                      Planned("Følge opp HMS og avvik i fast møte- og rapporteringsstruktur",
                              "Kontraktsoppfølging")},
      .residual_likelihood = 2,
      .residual_consequence = 3,
  });
  risks.push_back(Risk{
      .id = "pension_terms",
      .title = "Pensjonsvilkårene kan ikke videreføres uendret",
      .description =
          "Ansatte legger stor vekt på pensjonsordningen, og den kommunale ordningen kan ikke "
          "videreføres uendret hos en privat leverandør. Vesentlige endringer i lønns-, arbeids- "
          "og pensjonsvilkår øker risikoen for at mange reserverer seg.",
      .likelihood = 5,
      .consequence = 3,
      .mitigations =
          {Planned("Oppfordre leverandørene til å tilby en innskuddsbasert pensjonsordning som i "
                   "størst mulig grad tilsvarer den kommunale",
                   "Innkjøp"),
           Planned("Gi de ansatte informasjon om hva overgangen betyr for pensjonen deres", "HR")},
      .residual_likelihood = 5,
      .residual_consequence = 2,
  });
  risks.push_back(Risk{
      .id = "single_bid",
      .title = "Bare ett tilbud",
      .description =
          "Få leverandører er etablert med slike tjenester. Med ett tilbud er det ingen reell "
          "konkurranse, og konkurransen må avlyses; Trondheims konkurranse om drift i BoA fikk "
          "ett tilbud og ble avlyst i 2025.",
      .likelihood = 4,
      .consequence = 4,
      .mitigations = {Planned("Grundig markedsanalyse og markedsdialog før beslutningen om "
                              "konkurranseutsetting",
                              "Innkjøp"),
                      Planned("Vurdere omfang og mulighet for flere leverandører",
                              "Styringsgruppe"),
                      Planned(
                          "Tilfredsstillende og oversiktlige økonomiske rammer, også for oppstart",
                          "Økonomi")},
      .residual_likelihood = 3,
      .residual_consequence = 4,
  });
  risks.push_back(Risk{
      .id = "cost_development",
      .title = "Kostnadsutviklingen blir høyere enn forutsatt",
      .description =
          "Prisregulering, endrede behov og tilleggsbestillinger gjør at kostnadene over "
          "kontraktsperioden blir høyere enn i beslutningsgrunnlaget.",
      .likelihood = 3,
      .consequence = 3,
      .mitigations = {Planned("Kontrakten sikrer tydelige rammer for kostnader og god kontroll "
                              "med kostnadsutviklingen",
                              "Økonomi")},
      .residual_likelihood = 2,
      .residual_consequence = 3,
  });
  risks.push_back(Risk{
      .id = "follow_up_capacity",
      .title = "Kommunen har ikke kapasitet til å følge opp kontrakten",
      .description =
          "Kommunen beholder ansvaret for tjenestene og skal føre tilsyn og kontrollere kvalitet "
          "og avvik. Uten nok kapasitet og kompetanse til kontraktsoppfølging oppdages svikt for "
          "sent.",
      .likelihood = 3,
      .consequence = 4,
      .mitigations =
          {Planned("Etablere et team for kontraktsoppfølging med avsatte ressurser",
                   "Kommunalsjef"),
           Planned("Forutsigbar møte- og rapporteringsstruktur med årlige statusgjennomganger",
                   "Kontraktsoppfølging")},
      .residual_likelihood = 2,
      .residual_consequence = 4,
  });
  return risks;
}

}  // namespace samspill::decision
