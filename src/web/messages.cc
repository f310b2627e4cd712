#include "web/messages.h"

#include <optional>
#include <vector>

namespace samspill::web {
namespace {

struct Entry {
  std::string_view english;
  std::string_view norwegian;
};

// Longer, more specific templates come before shorter ones that would also match.
constexpr Entry kCatalogue[] = {
    // The tendering strategy (strategy/, app/strategy_service.cc).
    {"the strategy register was changed by someone else (version {}, not {}); reload and try "
     "again",
     "strategiregisteret er endret av noen andre (versjon {}, ikke {}); last siden på nytt og "
     "prøv igjen"},
    {"the priority list was changed by someone else (version {}, not {}); reload and try again",
     "prioriteringslisten er endret av noen andre (versjon {}, ikke {}); last siden på nytt og "
     "prøv igjen"},
    {"the procurement plan was changed by someone else (version {}, not {}); reload and try "
     "again",
     "anskaffelsesplanen er endret av noen andre (versjon {}, ikke {}); last siden på nytt og "
     "prøv igjen"},
    {"{}: private_purchases and in_house_wins together exceed may_compete",
     "{}: kjøp fra private og vunne kontrollbud er til sammen mer enn det som kan "
     "konkurranseutsettes"},
    {"{}: may_compete is larger than the spend",
     "{}: det som kan konkurranseutsettes, er større enn utgiftene"},
    {"nothing public has changed since version {} of the plan",
     "ingenting offentlig er endret siden versjon {} av planen"},
    {"the plan has no public item: mark the items suppliers may see",
     "planen har ingen offentlige konkurranser: merk dem leverandørene kan se"},
    {"{} was in a published version of the plan: withdraw it instead",
     "{} har stått i en publisert versjon av planen: sett den til trukket i stedet"},
    {"the budget year {} has a priority list already",
     "budsjettåret {} har allerede en prioriteringsliste"},
    {"no priority list for the budget year {}", "ingen prioriteringsliste for budsjettåret {}"},
    {"every prioritised area of {} is in the plan already",
     "alle prioriterte områder for {} er allerede i planen"},
    {"the register has no task areas to choose among; add them first",
     "registeret har ingen oppgaveområder å velge mellom; legg dem inn først"},
    {"the register has no task area {}", "registeret har ikke oppgaveområde {}"},
    {"the register has no target {}", "registeret har ikke mål {}"},
    {"the plan has no item {}", "planen har ikke konkurranse {}"},
    {"the plan has an item for this case already", "planen har allerede en konkurranse for saken"},
    {"the IKU target's figures are the register's IKU; enter the areas' figures instead",
     "IKU-målets tall er registerets IKU; legg inn områdenes tall i stedet"},
    {"the first year has no IKU to add the increase to",
     "første år har ingen IKU å legge økningen til"},
    {"there is no decision case {}", "det finnes ingen beslutningssak {}"},
    // Decision cases (decision/decision_case.cc, app/decision_service.cc, web/decision_pages.cc).
    {"the case was decided on {} ({}) and is locked with its figures as they stood; start a new "
     "case to revise it",
     "saken ble avgjort {} ({}) og er låst med tallene slik de sto; opprett en ny sak for å "
     "revidere den"},
    {"the decision case was changed by someone else (version {}, not {}); reload and try again",
     "beslutningsgrunnlaget er endret av noen andre (versjon {}, ikke {}); last siden på nytt og "
     "prøv igjen"},
    {"the years must lie in the period {}–{}", "årene må ligge i perioden {}–{}"},
    {"the first year {} is after the last year {}", "første år {} er etter siste år {}"},
    {"there is no alternative \"{}\"", "det finnes ikke noe alternativ «{}»"},
    {"the baseline alternative (in-house as today) cannot be removed: the others are measured "
     "against it",
     "sammenligningsgrunnlaget (egen drift som i dag) kan ikke fjernes: de andre alternativene "
     "måles mot det"},
    {"only a case decided to be tendered leads to a tender",
     "bare en sak som er vedtatt konkurranseutsatt, fører til en konkurranse"},
    {"the case already leads to tender {}", "saken fører allerede til konkurranse {}"},
    {"there is no tender {}", "det finnes ingen konkurranse {}"},
    {"the chosen alternative \"{}\" is not an alternative of the case",
     "det vedtatte alternativet «{}» er ikke et alternativ i saken"},
    {"the recommended alternative \"{}\" is not an alternative of the case",
     "det anbefalte alternativet «{}» er ikke et alternativ i saken"},
    {"a CPV code is eight digits, optionally with its check digit (\"85311000-2\"), not \"{}\"",
     "en CPV-kode er åtte sifre, gjerne med kontrollsifferet («85311000-2»), ikke «{}»"},
    {"a region is a NUTS code such as \"NO060\", not \"{}\"",
     "en region er en NUTS-kode som «NO060», ikke «{}»"},
    {"there are no items {}–{} (the case has {}); reload the page",
     "postene {}–{} finnes ikke (saken har {}); last siden på nytt"},
    {"operating costs must not be negative", "driftsutgiftene kan ikke være negative"},
    {"choose cost or saving", "velg kostnad eller gevinst"},
    {"choose what the decision leads to", "velg hva vedtaket fører til"},
    {"the date is written YYYY-MM-DD, e.g. 2025-02-20",
     "datoen skrives ÅÅÅÅ-MM-DD, f.eks. 2025-02-20"},
    {"choose a file", "velg en fil"},
    {"whole kroner, without øre", "hele kroner, uten øre"},
    {"must be a number such as 7,7", "må være et tall som 7,7"},
    {"a risk with the id \"{}\" exists already",
     "det finnes allerede en risiko med kortnavnet «{}»"},
    {"there is no risk \"{}\"", "det finnes ingen risiko «{}»"},
    {"the file is larger than {} MB", "filen er større enn {} MB"},
    {"is required", "må fylles ut"},
    {"is longer than {} characters", "er lengre enn {} tegn"},
    // The baseline (decision/baseline.cc).
    {"årsverk are not negative", "årsverk kan ikke være negative"},
    {"positions are not negative", "stillinger kan ikke være negative"},
    {"users are not negative", "brukere kan ikke være negative"},
    {"budget is not negative", "budsjettet kan ikke være negativt"},
    {"accounts is not negative", "regnskapet kan ikke være negativt"},
    {"sick leave is a percentage from 0 to 100", "sykefraværet er en prosent fra 0 til 100"},
    {"turnover is a percentage from 0 to 100", "turnover er en prosent fra 0 til 100"},
    {"the need levels add up to {}, more than the {} users",
     "behovsnivåene blir til sammen {}, flere enn de {} brukerne"},
    {"one count per need level ({}), not {}", "ett tall per behovsnivå ({}), ikke {}"},
    {"a unit needs an id", "en enhet må ha et kortnavn"},
    {"the unit id '{}' is used twice", "enhetens kortnavn «{}» er brukt to ganger"},
    {"a unit needs a name", "en enhet må ha et navn"},
    {"the KOSTRA function {} is not one of {}", "KOSTRA-funksjon {} er ikke en av {}"},
    {"the year {} is given twice", "året {} står to ganger"},
    {"the year {} is outside the period {}–{}", "året {} er utenfor perioden {}–{}"},
    {"the year {} is after the period's last year {}: a baseline is what the service costs "
     "before it",
     "året {} er etter periodens siste år {}: grunnlaget er hva tjenesten koster før perioden"},
    {"a comparison needs its source (where and when it was taken)",
     "et sammenligningstall må ha kilden sin (hvor og når det ble hentet)"},
    // The risk register (decision/risk.cc).
    {"the likelihood is 1 … 5", "sannsynligheten er 1–5"},
    {"the consequence is 1 … 5", "konsekvensen er 1–5"},
    {"a risk needs an id", "en risiko må ha et kortnavn"},
    {"the risk id '{}' is used twice", "risikoens kortnavn «{}» er brukt to ganger"},
    {"a risk needs a title", "en risiko må ha en tittel"},
    {"a mitigation needs an action", "et tiltak må beskrives"},
    {"a residual consequence needs a residual likelihood",
     "en konsekvens etter tiltak må ha en sannsynlighet etter tiltak"},
    {"a residual likelihood needs a residual consequence",
     "en sannsynlighet etter tiltak må ha en konsekvens etter tiltak"},
    // The market data import (app/market_service.cc).
    {"{} is not an OCDS JSON file or an eForms XML notice ({})",
     "{} er verken en OCDS-JSON-fil eller en eForms-kunngjøring i XML ({})"},
    {"{} holds no contracting process that could be read ({} problems in the data)",
     "{} har ingen konkurranseprosess som kunne leses ({} problemer i dataene)"},
    {"{} ends in the middle of gzip data (the file is truncated) after {} decompressed bytes",
     "{} slutter midt i gzip-data (filen er avkortet) etter {} dekomprimerte byte"},
    // CSV files (portfolio/csv.cc).
    {"the file is larger than {} bytes", "filen er større enn {} byte"},
    {"the file is not UTF-8 text (save it as \"CSV UTF-8\")",
     "filen er ikke UTF-8-tekst (lagre den som «CSV UTF-8»)"},
    {"the file has no header line", "filen har ingen overskriftslinje"},
    {"more than {} rows", "mer enn {} rader"},
    {"the file is empty", "filen er tom"},
    {"row {}, column {}: {msg}", "rad {}, kolonne {}: {msg}"},
    {"a quoted field is never closed", "et felt i anførselstegn blir aldri avsluttet"},
    {"text after the closing quote", "tekst etter det avsluttende anførselstegnet"},
    {"a quote inside an unquoted field", "et anførselstegn inne i et felt uten anførselstegn"},
    {"too many fields", "for mange felt"},
    {"the row has {} fields but the header only {}",
     "raden har {} felt, men overskriftslinjen bare {}"},
    // Columns of an import.
    {"the column appears twice", "kolonnen står to ganger"},
    {"unknown column", "ukjent kolonne"},
    {"the required column is missing", "kolonnen mangler, og den må være med"},
    // Projects (portfolio/project_csv.cc, portfolio/project.cc).
    {"the project needs a name", "prosjektet må ha et navn"},
    {"unknown area '{}' (one of: {})", "ukjent innsatsområde «{}» (ett av: {})"},
    {"unknown area '{}'", "ukjent innsatsområde «{}»"},
    {"unknown kind '{}' (forskning, utdanning, nyskaping og innovasjon, formidling)",
     "ukjent type «{}» (forskning, utdanning, nyskaping og innovasjon, formidling)"},
    {"unknown status '{}'", "ukjent status «{}»"},
    {"a contact person without a name: '{}'", "en kontaktperson uten navn: «{}»"},
    {"'{}' is not an amount: {msg}", "«{}» er ikke et beløp: {msg}"},
    {"a funding entry without a source", "en finansiering uten kilde"},
    {"'{}' is not a date (YYYY-MM-DD or a year)",
     "«{}» er ikke en dato (ÅÅÅÅ-MM-DD eller et årstall)"},
    {"'{}' is not ja or nei", "«{}» er verken ja eller nei"},
    {"{} is longer than {} characters", "feltet {} er lengre enn {} tegn"},
    {"the project ends before it starts", "prosjektet slutter før det starter"},
    {"at most {} partners, contacts or funding sources per project",
     "høyst {} partnere, kontaktpersoner eller finansieringskilder per prosjekt"},
    {"a partner needs an organisation", "en partner må ha en organisasjon"},
    {"a contact person needs a name", "en kontaktperson må ha et navn"},
    {"a funding entry needs a source", "en finansiering må ha en kilde"},
    {"the amount must be between 0 and the largest amount accepted",
     "beløpet må være mellom 0 og det største beløpet som godtas"},
    // Amounts (common/money.cc).
    {"amount must not be negative", "beløpet kan ikke være negativt"},
    {"amount has more than one decimal separator", "beløpet har mer enn ett desimaltegn"},
    {"amount contains '{}'", "beløpet inneholder «{}»"},
    {"amount has more than two decimals", "beløpet har mer enn to desimaler"},
    {"amount is too large", "beløpet er for stort"},
    {"amount is empty", "beløpet mangler"},
    {"amount is not a finite number", "beløpet er ikke et endelig tall"},
    // Whole numbers in forms and parameters (common/parse_number.h); the field keeps its name.
    {"{} must be a whole number", "{} må være et helt tall"},
    {"{} must be between {} and {}", "{} må være mellom {} og {}"},
    // Tender forms (web/tender_form.cc): the deadline as typed.
    {"write the deadline as a date and time, like 2025-09-19T12:00",
     "skriv fristen som dato og klokkeslett, for eksempel 2025-09-19T12:00"},
    // The award model (tendering/award_model.cc).
    {"the weights add up to {} %; announced weights must add up to exactly 100 %",
     "vektene summerer seg til {} %; kunngjorte vekter må summere seg til nøyaktig 100 %"},
    // Publishing a tender (tendering/tender.cc, tendering/timeline.cc): the legal minimums of
    // FOA part III, and standstill warnings that say the figure is the municipality's setting.
    // Before "cannot publish: {msg}", which would also match a refusal in the wrong state.
    {"cannot {msg}: the tender is in state '{}'", "kan ikke {msg}: konkurransen har status «{}»"},
    {"cannot publish: {msg}", "kan ikke kunngjøres: {msg}"},
    {"a standstill of {} days is too short: FOA part III requires at least {} days ({}); the "
     "setting may lengthen it, never shorten it",
     "en karensperiode på {} dager er for kort: FOA del III krever minst {} dager ({}); "
     "innstillingen kan forlenge den, aldri forkorte den"},
    {"the standstill is {} days; FOA part III requires at least {} days ({})",
     "karensperioden er {} dager; FOA del III krever minst {} dager ({})"},
    {"the standstill is {} days, shorter than the municipality's setting of {} days (its own "
     "choice, not law; the part IV minimum is not confirmed)",
     "karensperioden er {} dager, kortere enn kommunens innstilling på {} dager (kommunens eget "
     "valg, ikke lov; minstetiden i del IV er ikke bekreftet)"},
    {"the standstill is {} days, shorter than the municipality's setting of {} days (its own "
     "choice, not law)",
     "karensperioden er {} dager, kortere enn kommunens innstilling på {} dager (kommunens eget "
     "valg, ikke lov)"},
    {"the request-to-participate period is {} days ({} → {}); FOA part III requires at least {} "
     "days ({})",
     "fristen for å be om å delta er {} dager ({} → {}); FOA del III krever minst {} dager ({})"},
    // Staff transfer in the tender's plan (tendering/timeline.cc).
    {"the reservation deadline ({}) is {} days after the employees are informed ({}); {} requires "
     "at least {} days",
     "reservasjonsfristen ({}) er {} dager etter at de ansatte får informasjon ({}); {} krever "
     "minst {} dager"},
    {"the reservation deadline ({}) is after the staff transfer ({}): the employees would answer "
     "after they have changed employer",
     "reservasjonsfristen ({}) er etter virksomhetsoverdragelsen ({}): de ansatte ville svare "
     "etter at de har byttet arbeidsgiver"},
    // The tender draft (tendering/tender.cc, tendering/cpv.cc, tendering/ideal_reservation.cc,
    // tendering/award_model.cc, evaluation/bid_table.cc) as the draft form shows it.
    {"the title must have 1 to 300 characters", "tittelen må ha 1 til 300 tegn"},
    {"a CPV code is 8 digits and a check digit, like 85311000-2",
     "en CPV-kode er 8 sifre og et kontrollsiffer, for eksempel 85311000-2"},
    {"the CPV code {} is not in the CPV 2008 list", "CPV-koden {} finnes ikke i CPV 2008-listen"},
    {"the check digit of CPV code {} is {}, not {} ({})",
     "kontrollsifferet for CPV-kode {} er {}, ikke {} ({})"},
    {"estimated values are in NOK excl. VAT, got {}",
     "anslått verdi oppgis i kroner ekskl. mva., ikke i {}"},
    {"the estimated value cannot be negative", "anslått verdi kan ikke være negativ"},
    {"at most {} lots", "høyst {} delkontrakter"},
    {"a lot needs an id", "en delkontrakt må ha en id"},
    {"lot id '{}' is used twice", "delkontrakt-id «{}» er brukt to ganger"},
    {"a lot needs a title", "en delkontrakt må ha en tittel"},
    {"the minimum number of valid bids must be between 1 and 9",
     "minste antall gyldige tilbud må være mellom 1 og 9"},
    {"the standstill period must be 0 to 90 days", "karensperioden må være 0 til 90 dager"},
    {"årsverk cannot be negative", "årsverk kan ikke være negativt"},
    {"a responsibility needs an area", "et ansvar må ha et område"},
    {"the deadline for questions ({}) must come after the publication date ({})",
     "spørsmålsfristen ({}) må komme etter kunngjøringsdatoen ({})"},
    {"the bid deadline ({}) must come after the deadline for questions ({})",
     "tilbudsfristen ({}) må komme etter spørsmålsfristen ({})"},
    {"the bid deadline ({}) must come after the publication date ({})",
     "tilbudsfristen ({}) må komme etter kunngjøringsdatoen ({})"},
    {"only health and social services may be reserved for ideelle organisasjoner (FOA § 30-2a)",
     "bare helse- og sosialtjenester kan reserveres for ideelle organisasjoner (FOA § 30-2a)"},
    {"a reservation for ideelle organisasjoner needs a written justification",
     "en reservasjon for ideelle organisasjoner må ha en skriftlig begrunnelse"},
    {"announce at least one award criterion", "kunngjør minst ett tildelingskriterium"},
    {"climate and environment weigh {} %; FOA § 7-9 requires at least 30 % unless a documented "
     "exception applies",
     "klima og miljø vektes {} %; FOA § 7-9 krever minst 30 % med mindre et dokumentert unntak "
     "gjelder (skriv begrunnelsen for unntaket)"},
    {"FOA part III requires announced weights for the award criteria; a priority order is not "
     "enough",
     "FOA del III krever kunngjorte vekter for tildelingskriteriene; en prioritert rekkefølge er "
     "ikke nok"},
    {"at least one criterion is needed", "minst ett kriterium trengs"},
    {"quality_pricing uses a value per point, not weights or priorities",
     "prissetting av kvalitet bruker en verdi per poeng, ikke vekter eller prioriteter"},
    {"a value per point is only used with quality_pricing",
     "en verdi per poeng brukes bare med prissetting av kvalitet"},
    {"criterion id must not be empty", "kriteriet må ha en id"},
    {"duplicate criterion id '{}'", "kriterie-id «{}» er brukt to ganger"},
    {"only one criterion may be of kind price", "bare ett kriterium kan være av typen pris"},
    {"weight must be a number greater than 0", "vekten må være et tall større enn 0"},
    {"weight is too large (at most 1e9)", "vekten er for stor"},
    {"{} price scoring needs exactly one criterion of kind price",
     "prisberegningen ({}) trenger nøyaktig ett kriterium av typen pris"},
    // The timeline (tendering/timeline.cc): order, periods and the municipality's
    // recommendations. Milestones are inner messages, so each order error reads in Norwegian.
    {"{msg} ({}) must come after {msg} ({})", "{msg} ({}) må komme etter {msg} ({})"},
    {"{msg} ({}) must come on or after {msg} ({})",
     "{msg} ({}) må komme samme dag som eller etter {msg} ({})"},
    {"political decision", "politisk vedtak"},
    {"market dialogue", "markedsdialog"},
    {"documents ready", "konkurransegrunnlaget ferdig"},
    {"publication", "kunngjøring"},
    {"questions deadline", "spørsmålsfrist"},
    {"bid deadline", "tilbudsfrist"},
    {"evaluation done", "evaluering ferdig"},
    {"political approval", "politisk godkjenning"},
    {"award notice", "tildelingsbrev"},
    {"standstill end", "karensperiodens slutt"},
    {"contract signed", "kontrakt signert"},
    {"staff transfer", "virksomhetsoverdragelse"},
    {"operation start", "driftsstart"},
    {"request deadline", "frist for å be om å delta"},
    {"staff information", "informasjon til de ansatte"},
    {"reservation deadline", "reservasjonsfrist"},
    {"the bid period is {} days ({} → {}); FOA part III requires at least {} days ({})",
     "tilbudsperioden er {} dager ({} → {}); FOA del III krever minst {} dager ({})"},
    {"the bid period is {} days ({} → {}); below the municipality's recommendation of {} days for "
     "{msg} (its own choice, not law), so suppliers may not have sufficient time given its "
     "complexity",
     "tilbudsperioden er {} dager ({} → {}); under kommunens anbefaling på {} dager for {msg} "
     "(kommunens eget valg, ikke lov), så leverandørene får kanskje ikke nok tid til en så "
     "sammensatt anskaffelse"},
    {"a tender above the EEA threshold with transfer of staff ({} årsverk)",
     "en konkurranse over EØS-terskelen med virksomhetsoverdragelse ({} årsverk)"},
    {"a tender above the EEA threshold with transfer of staff",
     "en konkurranse over EØS-terskelen med virksomhetsoverdragelse"},
    {"a tender above the EEA threshold ({} årsverk)",
     "en konkurranse over EØS-terskelen ({} årsverk)"},
    {"a tender above the EEA threshold", "en konkurranse over EØS-terskelen"},
    {"a tender of this kind with transfer of staff ({} årsverk)",
     "en konkurranse av denne typen med virksomhetsoverdragelse ({} årsverk)"},
    {"a tender of this kind with transfer of staff",
     "en konkurranse av denne typen med virksomhetsoverdragelse"},
    {"a tender of this kind ({} årsverk)", "en konkurranse av denne typen ({} årsverk)"},
    {"a tender of this kind", "en konkurranse av denne typen"},
    {"the request-to-participate deadline has no date, so its period is not checked; FOA part "
     "III requires at least {} days ({})",
     "fristen for å be om å delta har ingen dato, så perioden blir ikke kontrollert; FOA del III "
     "krever minst {} dager ({})"},
    {"the request-to-participate period is {} days ({} → {}); FOA part III requires at least {} "
     "days ({}) unless urgency is documented ({} days); a prior information notice alone does not "
     "shorten it",
     "fristen for å be om å delta er {} dager ({} → {}); FOA del III krever minst {} dager ({}) "
     "med mindre det er dokumentert at saken haster ({} dager); en forhåndskunngjøring alene "
     "forkorter den ikke"},
    {"no tender-period minimum is checked for this procedure, only the request-to-participate "
     "period",
     "for denne prosedyren kontrolleres ingen minste tilbudsfrist, bare fristen for å be om å "
     "delta"},
    {"standstill end taken as award notice + {} days: {}",
     "karensperiodens slutt er satt til tildelingsbrevet + {} dager: {}"},
    {"political approval is required before the award notice ({}) but has no date",
     "politisk godkjenning kreves før tildelingsbrevet ({}), men har ingen dato"},
    // The tender service (app/tender_service.cc, tendering/tender.cc, tendering/tender_state.cc).
    {"the role {} may not do this", "rollen {} har ikke lov til dette"},
    {"the role {} may not {}", "rollen {} har ikke lov til dette ({})"},
    {"the form has expired or did not come from this site; reload it",
     "skjemaet er utløpt eller kom ikke fra dette nettstedet; last siden på nytt"},
    {"no tender with id {}", "fant ingen konkurranse med id {}"},
    {"no bid {} in this tender", "fant ikke tilbud {} i denne konkurransen"},
    {"no question {} in this tender", "fant ikke spørsmål {} i denne konkurransen"},
    {"no buyer organisation is registered; register the municipality first",
     "ingen oppdragsgiver er registrert; registrer kommunen først"},
    {"several buyer organisations are registered; link the user to the one it buys for",
     "flere oppdragsgivere er registrert; knytt brukeren til den den kjøper for"},
    {"the tender is in state '{}': its terms and award criteria were locked at publication (KOFA "
     "2025/0993) and cannot be changed",
     "konkurransen har status «{}»: vilkårene og tildelingskriteriene ble låst ved kunngjøring "
     "(KOFA 2025/0993) og kan ikke endres"},
    {"publish", "kunngjøres"},
    {"close bidding", "lukke for tilbud"},
    {"open bids", "åpne tilbudene"},
    {"complete the evaluation", "fullføre evalueringen"},
    {"propose an award", "foreslå tildeling"},
    {"approve politically", "godkjenne politisk"},
    {"send the award notice", "sende tildelingsbrevet"},
    {"sign the contract", "signere kontrakten"},
    {"cancel", "avlyse"},
    {"set a bid deadline first", "sett en tilbudsfrist først"},
    {"the bid deadline is missing", "tilbudsfristen mangler"},
    {"the bid deadline {} is not in the future", "tilbudsfristen {} er ikke fram i tid"},
    {"cannot close bidding: the tender is in state 'published' and the bid deadline {} has not "
     "passed (now {})",
     "kan ikke lukke for tilbud: konkurransen er kunngjort, og tilbudsfristen {} er ikke passert "
     "(nå {})"},
    {"cannot approve politically: this tender needs no political approval (state "
     "'award_proposed')",
     "kan ikke godkjenne politisk: denne konkurransen trenger ikke politisk godkjenning"},
    {"cannot send the award notice: political approval is required first (state "
     "'award_proposed')",
     "kan ikke sende tildelingsbrevet: politisk godkjenning kreves først"},
    {"the standstill end is missing", "karensperiodens slutt mangler"},
    {"cannot sign the contract: the tender is in state 'standstill', which runs until {} (now {})",
     "kan ikke signere kontrakten: karensperioden varer til {} (nå {})"},
    {"cancelling needs a written reason (saklig grunn, FOA § 25-4) for the protocol and the "
     "participants",
     "en avlysning må ha en skriftlig begrunnelse (saklig grunn, FOA § 25-4) for protokollen og "
     "deltakerne"},
    {"no lot has a valid bid to evaluate; cancel the competition with written reasons",
     "ingen delkontrakt har et gyldig tilbud å evaluere; avlys konkurransen med skriftlig "
     "begrunnelse"},
    {"the user belongs to no supplier organisation", "brukeren hører ikke til noen leverandør"},
    {"the question is empty", "spørsmålet er tomt"},
    {"the answer is empty", "svaret er tomt"},
    {"the note is empty", "notatet er tomt"},
    {"{} is required", "{} må fylles ut"},
    {"the reason is longer than 20000 characters", "begrunnelsen er lengre enn 20000 tegn"},
    {"a rejection needs written reasons (FOA § 25-5)",
     "en avvisning må ha skriftlig begrunnelse (FOA § 25-5)"},
    {"letter must be one of a–p (FOA § 25-5)", "bokstaven må være en av a–p (FOA § 25-5)"},
    {"questions are asked while the tender is published; it is in state '{}'",
     "spørsmål stilles mens konkurransen er kunngjort; den har status «{}»"},
    {"questions are answered while the tender is published; it is in state '{}'",
     "spørsmål besvares mens konkurransen er kunngjort; den har status «{}»"},
    {"the deadline for questions was {}", "fristen for spørsmål var {}"},
    {"the bid deadline has passed", "tilbudsfristen er passert"},
    {"the bid deadline {} has passed: late bids are rejected",
     "tilbudsfristen {} er passert: for sene tilbud avvises"},
    {"bids are received only while the tender is published; it is in state '{}'",
     "tilbud tas imot bare mens konkurransen er kunngjort; den har status «{}»"},
    {"bids are scored after opening and before the evaluation is completed; the tender is in "
     "state '{}'",
     "tilbud poengsettes etter åpning og før evalueringen er fullført; konkurransen har status "
     "«{}»"},
    {"bids are rejected after opening and before the evaluation is completed; the tender is in "
     "state '{}'",
     "tilbud avvises etter åpning og før evalueringen er fullført; konkurransen har status «{}»"},
    {"the announced award model has no criterion '{}'",
     "den kunngjorte tildelingsmodellen har ikke kriteriet «{}»"},
    {"the price criterion is scored from the price, not by hand",
     "priskriteriet poengsettes ut fra prisen, ikke for hånd"},
    {"criterion '{}' is scored twice", "kriteriet «{}» er poengsatt to ganger"},
    {"score must be a number from 0 to 10", "poengene må være et tall fra 0 til 10"},
    {"price must be greater than 0", "prisen må være større enn 0"},
    {"price must be in {}, the tender's currency, not {}",
     "prisen må være i {}, konkurransens valuta, ikke i {}"},
    {"this tender has no lots; leave lot_id out",
     "denne konkurransen har ingen delkontrakter; la delkontrakt stå tomt"},
    {"the tender has no lot '{}'", "konkurransen har ingen delkontrakt «{}»"},
    {"a draft is not published and has no OCDS release",
     "et utkast er ikke kunngjort og har ingen OCDS-publisering"},
    // Abnormally low bids (tendering/tender_outcome.cc, app/tender_service.cc).
    {"bid {} from {} may be abnormally low ({} % below the mean of the other bids); ask the "
     "supplier to explain the price in writing and record the explanation and your assessment "
     "before the award (FOA § 24-9)",
     "tilbud {} fra {} kan være unormalt lavt ({} % under gjennomsnittet av de andre tilbudene); "
     "be leverandøren forklare prisen skriftlig, og registrer forklaringen og vurderingen før "
     "tildeling (FOA § 24-9)"},
    {"bid {} from {} may be abnormally low ({} % below the next-lowest bid); ask the supplier to "
     "explain the price in writing and record the explanation and your assessment before the "
     "award (FOA § 24-9)",
     "tilbud {} fra {} kan være unormalt lavt ({} % under nest laveste tilbud); be leverandøren "
     "forklare prisen skriftlig, og registrer forklaringen og vurderingen før tildeling "
     "(FOA § 24-9)"},
    {"the explanation of bid {} from {} was not accepted; the bid is to be rejected, not awarded "
     "(FOA § 24-9)",
     "forklaringen av tilbud {} fra {} ble ikke godtatt; tilbudet skal avvises, ikke tildeles "
     "(FOA § 24-9)"},
    {"bid {} is not a winning bid flagged as possibly abnormally low; only such a bid's "
     "explanation is recorded",
     "tilbud {} er ikke et vinnende tilbud som er merket som mulig unormalt lavt; bare for slike "
     "tilbud registreres en forklaring"},
    {"the explanation of bid {} is already recorded and accepted",
     "forklaringen av tilbud {} er allerede registrert og godtatt"},
    {"the supplier's explanation is empty", "leverandørens forklaring er tom"},
    {"the assessment needs written reasons", "vurderingen må ha en skriftlig begrunnelse"},
    {"the assessment must be 'accepted' or 'rejected'",
     "vurderingen må være «godtatt» eller «ikke godtatt»"},
    {"asked_on must be a date, YYYY-MM-DD", "datoen må skrives som ÅÅÅÅ-MM-DD"},
    {"a price explanation is recorded after the evaluation and before the award is proposed; the "
     "tender is in state '{}'",
     "en prisforklaring registreres etter evalueringen og før tildelingen foreslås; konkurransen "
     "har status «{}»"},
    {"after the evaluation only a winning bid whose price explanation was not accepted is "
     "rejected; bid {} is not one",
     "etter evalueringen avvises bare et vinnende tilbud med en prisforklaring som ikke ble "
     "godtatt; tilbud {} er ikke et slikt"},
    {"lot '{}': {msg}", "delkontrakt «{}»: {msg}"},
    // Complaints (tendering/tender.cc, tendering/complaint.cc, app/tender_service.cc).
    {"the contract cannot be signed while complaint {} from {}, lodged {}, is open: record its "
     "handling first",
     "kontrakten kan ikke signeres mens klage {} fra {}, levert {}, er åpen: registrer "
     "behandlingen av den først"},
    {"complaints are lodged during the standstill period, after the award notice; the tender is "
     "in state '{}'",
     "klager leveres i karensperioden, etter tildelingsbrevet; konkurransen har status «{}»"},
    {"the standstill period ended {}: complaints to the buyer are lodged before its end",
     "karensperioden endte {}: klager til oppdragsgiveren må leveres før den er over"},
    {"only a supplier that submitted a bid to this tender may complain about its award",
     "bare en leverandør som leverte tilbud i denne konkurransen, kan klage på tildelingen"},
    {"must say what and why, in words", "må si med ord hva det gjelder og hvorfor"},
    {"must be \"upheld\" or \"rejected\"", "må være «tatt til følge» eller «ikke tatt til følge»"},
    {"complaint {} from {}, lodged {}, was already handled {} ({})",
     "klage {} fra {}, levert {}, er allerede behandlet {} ({})"},
    // Indicators (portfolio/indicator_csv.cc, portfolio/indicator.cc).
    {"unknown target kind '{}'", "ukjent type måltall «{}»"},
    {"'{}' is not a whole number", "«{}» er ikke et helt tall"},
    {"the indicator needs a category", "indikatoren må ha en kategori"},
    {"the indicator needs a name", "indikatoren må ha et navn"},
    {"category, name or note too long", "kategorien, navnet eller merknaden er for lang"},
    {"a {} indicator needs a target", "en indikator av typen {} må ha et måltall"},
    {"the target is negative", "måltallet er negativt"},
    {"decimals must be 0, 1 or 2, not {}", "antall desimaler må være 0, 1 eller 2, ikke {}"},
    {"must be a number with at most {} decimal places", "må være et tall med høyst {} desimaler"},
    {"the year {} is out of range", "året {} er utenfor det som godtas"},
    {"figures must have one entry per year", "tallene kan ha bare én oppføring per år"},
    {"the figure for {} is negative", "tallet for {} er negativt"},
    // The portfolio service (app/portfolio_service.cc, portfolio/project_merge.cc).
    {"the period's total is negative", "summen for perioden er negativ"},
    {"the note is too long", "merknaden er for lang"},
    {"«{}» has an entered figure for {}; clear its figures before counting it from the register",
     "«{}» har et innført tall for {}; fjern tallene før indikatoren telles fra registeret"},
    {"«{}» is counted from the register; its figure for {} cannot be entered by hand",
     "«{}» telles fra registeret; tallet for {} kan ikke føres inn for hånd"},
    {"no indicator category '{}'", "ingen måltallskategori «{}»"},
    {"a project cannot be merged with itself", "et prosjekt kan ikke slås sammen med seg selv"},
    {"project {} is already merged into another",
     "prosjekt {} er allerede slått sammen med et annet"},
    {"project {} is merged into project {}; edit that one",
     "prosjekt {} er slått sammen med prosjekt {}; endre det"},
    {"you have no area yet; the partnership coordinator assigns one",
     "du har ikke fått et innsatsområde ennå; partnerskapskoordinatoren tildeler det"},
    {"project leaders edit projects in their own area ({}), not in {}",
     "prosjektledere endrer prosjekter i sitt eget innsatsområde ({}), ikke i {}"},
    {"a new project cannot be registered as merged",
     "et nytt prosjekt kan ikke registreres som sammenslått"},
    {"use the merge action to merge projects", "bruk sammenslåingen for å slå sammen prosjekter"},
    {"areas are assigned to project leaders", "innsatsområder tildeles prosjektledere"},
    {"the version the change was made from is required",
     "skjemaet mangler versjonen endringen ble gjort fra; last siden på nytt"},
};

// The parts of a template between its placeholders, and whether each placeholder is {msg}.
struct Pattern {
  std::vector<std::string_view> literals;  // one more than placeholders
  std::vector<bool> inner;                 // per placeholder: {msg}
};

Pattern Split(std::string_view t) {
  Pattern p;
  size_t from = 0;
  while (true) {
    const size_t plain = t.find("{}", from);
    const size_t msg = t.find("{msg}", from);
    const size_t at = std::min(plain, msg);
    if (at == std::string_view::npos) break;
    p.literals.push_back(t.substr(from, at - from));
    p.inner.push_back(at == msg);
    from = at + (at == msg ? 5 : 2);
  }
  p.literals.push_back(t.substr(from));
  return p;
}

// The placeholders' text when `message` matches `english`. A placeholder takes the shortest text
// after which the next literal follows; the last one takes what is left before the final literal.
std::optional<std::vector<std::string>> Match(std::string_view english, std::string_view message) {
  const Pattern p = Split(english);
  const std::string_view last = p.literals.back();
  if (!message.starts_with(p.literals[0]) || !message.ends_with(last)) return std::nullopt;
  if (p.inner.empty()) {
    if (message.size() != p.literals[0].size()) return std::nullopt;
    return std::vector<std::string>{};
  }
  if (message.size() < p.literals[0].size() + last.size()) return std::nullopt;
  std::string_view rest = message.substr(p.literals[0].size());
  rest.remove_suffix(last.size());
  std::vector<std::string> args;
  for (size_t i = 1; i + 1 < p.literals.size(); ++i) {
    const size_t at = rest.find(p.literals[i]);
    if (at == std::string_view::npos) return std::nullopt;
    args.emplace_back(rest.substr(0, at));
    rest.remove_prefix(at + p.literals[i].size());
  }
  args.emplace_back(rest);
  return args;
}

struct Found {
  const Entry* entry;
  std::vector<std::string> args;
};

std::optional<Found> Lookup(std::string_view message) {
  for (const Entry& e : kCatalogue) {
    if (auto args = Match(e.english, message)) return Found{&e, std::move(*args)};
  }
  return std::nullopt;
}

}  // namespace

std::string InLanguage(Lang lang, std::string_view message) {
  if (lang != Lang::kNb) return std::string(message);
  std::optional<Found> found = Lookup(message);
  if (!found) return std::string(message);
  const Pattern english = Split(found->entry->english);
  const Pattern norwegian = Split(found->entry->norwegian);
  std::string out(norwegian.literals[0]);
  for (size_t i = 0; i < norwegian.inner.size() && i < found->args.size(); ++i) {
    out += english.inner[i] ? InLanguage(lang, found->args[i]) : found->args[i];
    out += norwegian.literals[i + 1];
  }
  return out;
}

bool HasNorwegian(std::string_view message) {
  std::optional<Found> found = Lookup(message);
  if (!found) return false;
  const Pattern english = Split(found->entry->english);
  for (size_t i = 0; i < english.inner.size(); ++i) {
    if (english.inner[i] && !HasNorwegian(found->args[i])) return false;
  }
  return true;
}

}  // namespace samspill::web
