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
