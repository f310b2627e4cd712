#include "web/i18n.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <vector>

#include "common/format_nb.h"

namespace samspill::web {
namespace {

struct Entry {
  std::string_view nb;
  std::string_view en;
};

const std::map<std::string_view, Entry>& Table() {
  static const std::map<std::string_view, Entry> kTable = {
      {"app.tagline",
       {"Konkurranseutsetting, anbud og kontraktsoppfølging for kommuner",
        "Competitive tendering, procurement and contract follow-up for municipalities"}},
      {"nav.portfolio", {"Portefølje", "Portfolio"}},
      {"pf.title", {"Samarbeidsprosjekter", "Collaboration projects"}},
      {"pf.new", {"Registrer prosjekt", "Register a project"}},
      {"pf.edit", {"Rediger prosjekt", "Edit project"}},
      {"pf.duplicates", {"Mulige duplikater", "Possible duplicates"}},
      {"pf.targets", {"Måltall og måloppnåelse", "Targets and attainment"}},
      {"pf.import", {"Importer prosjekter (CSV)", "Import projects (CSV)"}},
      {"pf.search", {"Søk i navn", "Search names"}},
      {"pf.area", {"Innsatsområde", "Area"}},
      {"pf.all", {"Alle", "All"}},
      {"pf.kind", {"Type", "Kind"}},
      {"pf.status", {"Status", "Status"}},
      {"pf.count", {"prosjekter", "projects"}},
      {"pf.name", {"Navn", "Name"}},
      {"pf.short_name", {"Kortnavn", "Short name"}},
      {"pf.description", {"Beskrivelse", "Description"}},
      {"pf.partners", {"Partnere", "Partners"}},
      {"pf.contacts", {"Kontaktpersoner", "Contact persons"}},
      {"pf.funding", {"Finansiering", "Funding"}},
      {"pf.start", {"Start", "Start"}},
      {"pf.end", {"Slutt", "End"}},
      {"pf.applied_on", {"Søknad sendt", "Application sent"}},
      {"pf.registered_by", {"Registrert av", "Registered by"}},
      {"pf.facilitated", {"Tilrettelagt av partnerskapet", "Facilitated by the partnership"}},
      {"pf.yes", {"Ja", "Yes"}},
      {"pf.no", {"Nei", "No"}},
      {"pf.value_municipality", {"Merverdi for kommunen", "Value for the municipality"}},
      {"pf.value_university", {"Merverdi for NTNU", "Value for the university"}},
      {"pf.downloads", {"Last ned", "Downloads"}},
      {"pf.download_csv", {"Prosjekter som CSV", "Projects as CSV"}},
      {"pf.download_xlsx",
       {"Portefølje og måltall som Excel (xlsx)", "Portfolio and targets as Excel (xlsx)"}},
      {"pf.download_attainment", {"Måloppnåelse som CSV", "Attainment as CSV"}},
      {"pf.kind.research", {"Forskning", "Research"}},
      {"pf.kind.education", {"Utdanning", "Education"}},
      {"pf.kind.innovation", {"Nyskaping og innovasjon", "Innovation"}},
      {"pf.kind.outreach", {"Formidling", "Outreach"}},
      {"pf.status.idea", {"Idé", "Idea"}},
      {"pf.status.applied", {"Søknad sendt", "Application sent"}},
      {"pf.status.active", {"Pågående", "Active"}},
      {"pf.status.completed", {"Avsluttet", "Completed"}},
      {"pf.status.rejected", {"Ikke innvilget", "Not granted"}},
      {"pf.status.merged", {"Slått sammen", "Merged"}},
      {"pf.merged_into",
       {"Dette prosjektet er slått sammen med", "This project has been merged into"}},
      {"pf.history", {"Historikk", "History"}},
      {"pf.merge", {"Slå sammen med et duplikat", "Merge a duplicate into this project"}},
      {"pf.merge_id", {"Id-nummeret til duplikatet", "The duplicate's id number"}},
      {"pf.duplicate_warning",
       {"Dette kan være et prosjekt som allerede er registrert",
        "This may be a project that is already registered"}},
      {"pf.duplicate_help",
       {"Åpne prosjektet over hvis det er det samme. Er det et annet prosjekt, kryss av nederst og "
        "lagre igjen.",
        "Open the project above if it is the same one. If it is a different project, tick the box "
        "at the bottom and save again."}},
      {"pf.partners_help",
       {"Partnere, én per linje: «Organisasjon, enhet»",
        "Partners, one per line: \"Organisation, unit\""}},
      {"pf.contacts_help", {"Kontaktpersoner, én per linje", "Contact persons, one per line"}},
      {"pf.funding_help",
       {"Finansiering, én per linje: «Kilde: beløp»", "Funding, one per line: \"Source: amount\""}},
      {"pf.confirm_distinct", {"Dette er et annet prosjekt", "This is a different project"}},
      {"pf.save", {"Lagre", "Save"}},
      {"pf.pairs_among",
       {"mulige duplikatpar blant prosjektene:", "possible duplicate pairs among the projects:"}},
      {"pf.project", {"Prosjekt", "Project"}},
      {"pf.other", {"Ligner på", "Resembles"}},
      {"pf.score", {"Likhet", "Similarity"}},
      {"pf.reasons", {"Begrunnelse", "Reasons"}},
      {"pf.indicator", {"Indikator", "Indicator"}},
      {"pf.target", {"Måltall", "Target"}},
      {"pf.attainment", {"Måloppnåelse", "Attainment"}},
      {"pf.met", {"nådd", "met"}},
      {"pf.not_met", {"ikke nådd", "not met"}},
      {"pf.chart_help",
       {"Hver søyle er ett års tall, med tallet over søylen; den stiplede linjen er det årlige "
        "måltallet. Grønn: nådd, rød: ikke nådd, blå: uten årlig måltall. Tabellen under har de "
        "samme tallene.",
        "Each bar is one year's figure, with the figure above it; the dashed line is the yearly "
        "target. Green: met, red: not met, blue: no yearly target. The table below has the same "
        "figures."}},
      {"pf.table_caption", {"Tall og måloppnåelse:", "Figures and attainment:"}},
      {"pf.import_label", {"… eller lim inn CSV-tekst", "… or paste CSV text"}},
      {"pf.import_nothing",
       {"Ingenting ble importert. Rett feilene og prøv igjen.",
        "Nothing was imported. Correct the errors and try again."}},
      {"pf.imported", {"prosjekter importert.", "projects imported."}},
      {"pf.imported_indicators", {"indikatorer importert.", "indicators imported."}},
      {"pf.import_indicators", {"Importer måltall (CSV)", "Import targets (CSV)"}},
      {"pf.import_columns",
       {"Én rad per prosjekt. Kolonnene finnes etter navn, på norsk eller engelsk: navn, "
        "innsatsområde og type må være med; kortnavn, status, partnere, kontaktpersoner, "
        "finansiering, start, slutt, søknad sendt, registrert av, tilrettelagt av partnerskapet, "
        "beskrivelse og merverdi kan være med.",
        "One row per project. Columns are found by name, in Norwegian or English: name, area and "
        "kind are required; short name, status, partners, contacts, funding, start, end, "
        "application sent, registered by, facilitated by the partnership, description and value "
        "may be there."}},
      {"pf.import_indicator_columns",
       {"Én rad per indikator: kategori, indikator og måltype (per_year, period_total, "
        "increase_over_period, increase_each_edition eller none) må være med; enhet, måltall, en "
        "kolonne per år (2022, 2023, …), period_total og merknad kan være med. En indikator som "
        "finnes fra før (samme kategori og navn) oppdateres.",
        "One row per indicator: category, indicator and target kind (per_year, period_total, "
        "increase_over_period, increase_each_edition or none) are required; unit, target, a "
        "column per year (2022, 2023, …), period_total and note may be there. An indicator that "
        "exists (same category and name) is updated."}},
      {"pf.import_file", {"CSV-fil", "CSV file"}},
      {"pf.import_submit", {"Importer", "Import"}},
      {"pf.import_file_hint",
       {"Fra Airtable eller et regneark, lagret som CSV (UTF-8, komma eller semikolon). Velger du "
        "en fil, brukes den i stedet for teksten under. Største størrelse er",
        "From Airtable or a spreadsheet, saved as CSV (UTF-8, comma or semicolon). A chosen file "
        "is used instead of the text below. The largest size is"}},
      {"pf.import_paste_hint",
       {"Første linje er kolonnenavnene.", "The first line holds the column names."}},
      {"pf.import_missing",
       {"Velg en CSV-fil eller lim inn CSV-tekst.", "Choose a CSV file or paste CSV text."}},
      {"pf.import_too_large", {"Filen er for stor:", "The file is too large:"}},
      {"pf.import_limit", {"Største tillatte størrelse er", "The largest size allowed is"}},
      {"pf.import_text", {"Teksten", "The text"}},
      {"pf.import_the_file", {"Filen", "The file"}},
      {"pf.import_errors", {"feil.", "errors."}},
      {"pf.row", {"rad", "row"}},
      // The market data import (web/market_import_page.cc).
      {"nav.market_import", {"Markedsdata", "Market data"}},
      {"mk.import", {"Importer markedsdata", "Import market data"}},
      {"mk.import_intro",
       {"Last opp en eksport fra Doffin (eForms-kunngjøring i XML) eller OCDS-data (pakker med "
        "releases eller records, enkelt-releases, JSON Lines; gjerne gzip-komprimert). "
        "Konkurranseprosessene lagres for markedsrapportene, og en prosess som finnes fra før, "
        "erstattes. En fil som ikke kan leses, lagrer ingenting.",
        "Upload an export from Doffin (an eForms notice in XML) or OCDS data (release or record "
        "packages, single releases, JSON Lines; gzip-compressed if you like). The contracting "
        "processes are stored for the market reports, and a process stored before is replaced. A "
        "file that cannot be read stores nothing."}},
      {"mk.import_file", {"Eksportfil", "Export file"}},
      {"mk.import_file_hint",
       {"OCDS-JSON eller eForms-XML, høyst", "OCDS JSON or eForms XML, at most"}},
      {"mk.import_submit", {"Importer", "Import"}},
      {"mk.import_missing", {"Velg en fil å importere.", "Choose a file to import."}},
      {"mk.import_too_large", {"Filen er for stor:", "The file is too large:"}},
      {"mk.import_limit", {"Største tillatte størrelse er", "The largest size allowed is"}},
      {"mk.import_nothing", {"Ingenting ble importert:", "Nothing was imported:"}},
      {"mk.imported", {"prosesser importert fra", "processes imported from"}},
      {"mk.duplicates",
       {"prosesser fantes både som eForms-kunngjøring og som OCDS og er lagret én gang.",
        "processes were both an eForms notice and OCDS and are stored once."}},
      {"mk.issues", {"Problemer i dataene", "Problems in the data"}},
      {"mk.issues_none", {"Ingen problemer funnet i dataene.", "No problems found in the data."}},
      {"mk.issues_count",
       {"problemer funnet. Det som var feil, er hoppet over; resten er importert.",
        "problems found. What was wrong was skipped; the rest was imported."}},
      {"mk.issues_by_kind", {"Problemer etter type", "Problems by kind"}},
      {"mk.issue_kind", {"Type", "Kind"}},
      {"mk.issue_count", {"Antall", "Count"}},
      {"mk.issues_first",
       {"De første, med fil, linje og sted:", "The first, with file, line and place:"}},
      {"pf.column", {"kolonne", "column"}},
      {"pf.targets_help",
       {"Velg en indikator for å føre inn årets tall, merknader og måltall.",
        "Choose an indicator to enter its yearly figures, notes and target."}},
      {"pf.counted_marker", {"Telles fra registeret", "Counted from the register"}},
      {"pf.figures_title", {"Tall og måltall", "Figures and target"}},
      {"pf.figure_for", {"Tall for", "Figure for"}},
      {"pf.note_for", {"Merknad for", "Note for"}},
      {"pf.note_hint",
       {"Merknader er valgfrie, for eksempel «13 søknader venter fortsatt på svar».",
        "Notes are optional, for example “13 applications still await an answer”."}},
      {"pf.err_whole", {"skriv et helt tall, 0 eller mer", "write a whole number, 0 or more"}},
      {"pf.err_target_required",
       {"må fylles ut for denne typen måltall", "required for this kind of target"}},
      {"pf.err_note_long",
       {"merknaden kan ha høyst 2000 tegn", "the note can have at most 2000 characters"}},
      {"pf.err_changed",
       {"Noen andre har lagret denne indikatoren mens du skrev. Sjekk tallene og lagre på nytt "
        "for å erstatte det de lagret.",
        "Someone else saved this indicator while you were typing. Check the figures and save "
        "again to replace what they saved."}},
      {"pf.category", {"Kategori", "Category"}},
      {"pf.new_indicator", {"Ny indikator", "New indicator"}},
      {"pf.new_indicator_help",
       {"En indikator hører til en kategori og har en type måltall. Tallene for hvert år føres "
        "inn på indikatorens side etterpå, eller telles fra porteføljeregisteret.",
        "An indicator belongs to a category and has a kind of target. Its yearly figures are "
        "entered on the indicator's page afterwards, or counted from the portfolio register."}},
      {"pf.category_hint",
       {"Velg en av kategoriene som finnes, eller skriv en ny, for eksempel "
        "«Forskningssamarbeid».",
        "Choose one of the existing categories or type a new one, for example “Research "
        "collaboration”."}},
      {"pf.indicator_name", {"Navn på indikatoren", "Name of the indicator"}},
      {"pf.indicator_name_hint",
       {"For eksempel «Forsknings- og innovasjonssøknader sendt».",
        "For example “Research and innovation applications sent”."}},
      {"pf.unit_hint",
       {"Hva tallene teller, for eksempel «antall» eller «deltakere».",
        "What the figures count, for example “number” or “participants”."}},
      {"pf.new_target_hint",
       {"Et helt tall. Må fylles ut for årlig måltall og måltall for perioden.",
        "A whole number. Required for a yearly target and a target for the period."}},
      {"pf.count_help",
       {"Et talt tall kan ikke føres inn for hånd: det er antallet prosjekter i registeret med "
        "«Søknad sendt» i året.",
        "A counted figure cannot be entered by hand: it is the number of projects in the "
        "register whose application was sent in the year."}},
      {"pf.count_from_register",
       {"Tell tallene fra registeret", "Count the figures from the register"}},
      {"pf.count_kinds",
       {"Prosjekttyper som telles (ingen valgt: alle)", "Project kinds counted (none: all)"}},
      {"pf.count_granted_only",
       {"Bare innvilgede (pågående eller avsluttede)", "Only granted ones (active or completed)"}},
      {"pf.count_facilitated_only",
       {"Bare de partnerskapet har tilrettelagt", "Only those the partnership facilitated"}},
      {"pf.define", {"Opprett indikatoren", "Create the indicator"}},
      {"pf.err_required", {"må fylles ut", "required"}},
      {"pf.err_count_choices",
       {"kryss av her for å telle fra registeret, eller fjern valgene for telling",
        "tick this to count from the register, or clear the counting choices"}},
      {"pf.err_too_long", {"er for lang", "too long"}},
      {"pf.err_indicator_exists",
       {"kategorien har allerede en indikator med dette navnet; endre den fra måltallssiden",
        "the category already has an indicator with this name; change it from the targets "
        "page"}},
      {"pf.unit", {"Enhet", "Unit"}},
      {"pf.period_total", {"Sum for perioden", "Total for the period"}},
      {"pf.period_total_hint",
       {"Fylles ut når bare summen for perioden er kjent, for eksempel «24 nye i perioden». Tomt: "
        "summen av årenes tall.",
        "Fill in when only the period's total is known, for example “24 new in the period”. "
        "Empty: the sum of the years' figures."}},
      {"pf.indicator_note", {"Merknad", "Note"}},
      {"pf.target_kind", {"Type måltall", "Kind of target"}},
      {"pf.target_kind.per_year", {"Årlig måltall", "Yearly target"}},
      {"pf.target_kind.period_total", {"Måltall for perioden", "Target for the period"}},
      {"pf.target_kind.increase_over_period", {"Økning i perioden", "Increase over the period"}},
      {"pf.target_kind.increase_each_edition",
       {"Økning for hvert arrangement", "Increase at each edition"}},
      {"pf.target_kind.none", {"Uten måltall", "No target"}},
      {"pf.target_hint.per_year",
       {"Hvert års tall sammenlignes med måltallet. Må fylles ut.",
        "Each year's figure is compared with the target. Required."}},
      {"pf.target_hint.period_total",
       {"Summen for perioden sammenlignes med måltallet. Må fylles ut.",
        "The period's total is compared with the target. Required."}},
      {"pf.target_hint.increase_over_period",
       {"Målet er økning i perioden; et måltall er valgfritt.",
        "The goal is growth over the period; a target is optional."}},
      {"pf.target_hint.increase_each_edition",
       {"Målet er flere deltakere for hvert arrangement; et måltall er valgfritt.",
        "The goal is more participants at each edition; a target is optional."}},
      {"pf.target_hint.none",
       {"Tallene følges uten mål; et måltall er valgfritt.",
        "The figures are tracked without a goal; a target is optional."}},
      {"pf.counted", {"Telling", "Counting"}},
      {"pf.counted_rule",
       {"Telles fra registeret: prosjekter med søknad sendt i året, av typen",
        "Counted from the register: projects whose application was sent in the year, of the "
        "kinds"}},
      {"pf.counted_any_kind", {"alle typer", "any kind"}},
      {"pf.counted_granted",
       {"Bare innvilgede (pågående eller avsluttede).",
        "Only granted ones (active or completed)."}},
      {"pf.counted_facilitated",
       {"Bare de partnerskapet har tilrettelagt.", "Only those the partnership facilitated."}},
      {"pf.counted_value", {"Telt fra registeret", "Counted from the register"}},
      {"pf.counted_help",
       {"Tallene for denne indikatoren telles fra porteføljeregisteret og kan ikke føres inn for "
        "hånd: registrer prosjektene med dato for «Søknad sendt». Merknader og måltall kan "
        "endres her.",
        "This indicator's figures are counted from the portfolio register and cannot be entered "
        "by hand: register the projects with the date the application was sent. Notes and the "
        "target can be changed here."}},
      {"pf.back_to_targets",
       {"Tilbake til måltall og måloppnåelse", "Back to targets and attainment"}},
      {"pf.areas", {"Innsatsområder", "Areas"}},
      {"pf.area_list", {"Innsatsområdene", "The areas"}},
      {"pf.area_list_help",
       {"Partnerskapets innsatsområder. Hvert prosjekt hører til ett av dem.",
        "The partnership's areas. Every project belongs to one of them."}},
      {"pf.project_leaders", {"Prosjektledere", "Project leaders"}},
      {"pf.project_leaders_help",
       {"En prosjektleder registrerer og redigerer prosjekter i sitt eget innsatsområde, og leser "
        "hele porteføljen.",
        "A project leader registers and edits projects in their own area, and reads the whole "
        "portfolio."}},
      {"pf.project_leader", {"Prosjektleder", "Project leader"}},
      {"pf.username", {"Brukernavn", "Username"}},
      {"pf.change_area", {"Endre innsatsområde", "Change area"}},
      {"pf.area_for", {"Innsatsområde for", "Area for"}},
      {"pf.save_area_for", {"Lagre innsatsområdet for", "Save the area for"}},
      {"pf.no_area", {"Ikke tildelt", "Not assigned"}},
      {"pf.inactive", {"deaktivert", "deactivated"}},
      {"pf.area_saved", {"Lagret:", "Saved:"}},
      {"nav.skip", {"Hopp til hovedinnholdet", "Skip to main content"}},
      {"nav.main", {"Hovedmeny", "Main menu"}},
      {"nav.home", {"Start", "Home"}},
      {"nav.tenders", {"Konkurranser", "Competitions"}},
      {"nav.new_tender", {"Ny konkurranse", "New competition"}},
      {"nav.audit", {"Revisjonslogg", "Audit trail"}},
      {"nav.decisions", {"Beslutninger", "Decisions"}},
      {"nav.strategy", {"Strategi", "Strategy"}},
      {"nav.other_language", {"English", "Norsk"}},
      {"nav.logged_in_as", {"Innlogget som", "Logged in as"}},
      {"nav.logout", {"Logg ut", "Log out"}},
      {"login.title", {"Logg inn", "Log in"}},
      {"login.username", {"Brukernavn", "Username"}},
      {"login.password", {"Passord", "Password"}},
      {"login.submit", {"Logg inn", "Log in"}},
      {"login.failed", {"Innloggingen mislyktes", "Login failed"}},
      {"login.wrong", {"Feil brukernavn eller passord.", "Wrong username or password."}},
      {"login.throttled",
       {"For mange mislykkede forsøk. Vent noen minutter og prøv igjen.",
        "Too many failed attempts. Wait a few minutes and try again."}},
      {"error.summary", {"Det er feil i skjemaet", "There is a problem"}},
      {"error.title", {"Noe gikk galt", "Something went wrong"}},
      {"error.forbidden",
       {"Du har ikke tilgang til denne siden.", "You do not have access to this page."}},
      {"error.not_found", {"Fant ikke siden.", "Page not found."}},
      {"error.back", {"Til startsiden", "Back to the start page"}},
      {"error.too_large", {"For stort til å sendes", "Too large to send"}},
      {"error.too_large_file",
       {"Filen er større enn serveren tar imot. Største størrelse er",
        "The file is larger than the server accepts. The largest size is"}},
      {"error.too_large_form",
       {"Skjemaet har mer tekst enn serveren tar imot. Største størrelse er",
        "The form holds more text than the server accepts. The largest size is"}},
      {"error.bad_request",
       {"Serveren kunne ikke lese det som ble sendt (for eksempel tegn som ikke er gyldig "
        "UTF-8).",
        "The server could not read what was sent (for example characters that are not valid "
        "UTF-8)."}},
      {"error.bad_request_field", {"Feltet:", "The field:"}},
      {"home.title", {"Startside", "Start page"}},
      {"home.welcome", {"Velkommen", "Welcome"}},
      {"home.my_tenders", {"Konkurranser", "Competitions"}},
      {"home.drafts", {"Utkast som ikke er kunngjort", "Drafts not yet published"}},
      {"tender.draft_notice", {"Utkast.", "Draft."}},
      {"tender.draft_notice_text",
       {"Konkurransen er ikke kunngjort, og innkjøperen kan fortsatt endre vilkårene. Ingenting "
        "her er vedtatt.",
        "The competition is not published, and the procurement officer can still change its "
        "terms. Nothing here is decided."}},
      {"staff.title", {"Virksomhetsoverdragelse og de ansatte", "Staff transfer and employees"}},
      {"staff.yes",
       {"Ja, de ansatte går over til ny arbeidsgiver",
        "Yes, the employees move to the new employer"}},
      {"staff.no", {"Nei", "No"}},
      {"staff.none_planned",
       {"Ingen virksomhetsoverdragelse er planlagt: de ansatte blir hos dagens arbeidsgiver.",
        "No staff transfer is planned: the employees stay with their current employer."}},
      {"staff.years", {"Årsverk i kontrakten", "Staff years (årsverk) in the contract"}},
      {"staff.not_planned", {"ikke satt ennå", "not set yet"}},
      {"staff.days_after_information", {"dager etter informasjonen", "days after the information"}},
      {"staff.transfer_date", {"Overdragelsesdato", "Transfer date"}},
      {"staff.tariff_declaration",
       {"Siste dag ny arbeidsgiver kan reservere seg mot tariffavtalen (aml. § 16-2 (2))",
        "Last day the new employer may decline the tariff agreement (§ 16-2 (2))"}},
      {"staff.rights",
       {"De ansattes individuelle rettigheter (lønn, tillegg, ansiennitet, arbeidstid) følger med "
        "over; oppsigelse på grunn av overdragelsen alene er ugyldig (aml. § 16-4). Hver ansatt "
        "kan skriftlig reservere seg mot overføringen innen reservasjonsfristen, som må være minst "
        "14 dager etter informasjonen (aml. § 16-3). Datoene er konkurransens plan.",
        "The employees' individual rights (pay, allowances, seniority, working time) move with "
        "them; dismissal because of the transfer alone is invalid (Working Environment Act "
        "§ 16-4). Each employee may reserve themselves in writing against the transfer by the "
        "reservation deadline, at least 14 days after the information (§ 16-3). The dates are "
        "the competition's plan."}},
      {"decision.title", {"Beslutningsgrunnlag", "Decision summary"}},
      {"decision.approval", {"Politisk godkjenning", "Political approval"}},
      {"decision.approval_required", {"Kreves før tildeling", "Required before the award"}},
      {"decision.valid_bids", {"Gyldige tilbud", "Valid bids"}},
      {"decision.not_published", {"Ikke kunngjort ennå", "Not published yet"}},
      {"decision.bids_sealed",
       {"Tilbudene er forseglet til tilbudsfristen", "The bids are sealed until the deadline"}},
      {"decision.no_award", {"Ingen tildeling ennå", "No award yet"}},
      {"decision.whole", {"hele konkurransen (ikke delt)", "the whole competition (not divided)"}},
      {"home.open_competitions", {"Åpne konkurranser", "Open competitions"}},
      {"home.my_bids", {"Mine tilbud", "My bids"}},
      {"home.none", {"Ingen å vise.", "Nothing to show."}},
      {"home.next_deadline", {"Neste frist", "Next deadline"}},
      {"tenders.title", {"Konkurranser", "Competitions"}},
      {"tenders.filter", {"Filtrer", "Filter"}},
      {"tenders.search", {"Søk i tittel", "Search titles"}},
      {"tenders.all_states", {"Alle statuser", "All states"}},
      {"tenders.count", {"konkurranser", "competitions"}},
      {"col.title", {"Tittel", "Title"}},
      {"col.state", {"Status", "State"}},
      {"col.deadline", {"Tilbudsfrist", "Bid deadline"}},
      {"col.updated", {"Sist endret", "Last changed"}},
      {"col.criterion", {"Kriterium", "Criterion"}},
      {"col.kind", {"Type", "Kind"}},
      {"col.weight", {"Vekt", "Weight"}},
      {"col.milestone", {"Milepæl", "Milestone"}},
      {"col.date", {"Dato", "Date"}},
      {"col.area", {"Område", "Area"}},
      {"col.party", {"Ansvar", "Responsible"}},
      {"col.description", {"Beskrivelse", "Description"}},
      {"col.supplier", {"Leverandør", "Supplier"}},
      {"col.received", {"Mottatt", "Received"}},
      {"col.price", {"Pris", "Price"}},
      {"col.version", {"Versjon", "Version"}},
      {"col.status", {"Status", "Status"}},
      {"col.total", {"Sum", "Total"}},
      {"col.rank", {"Rangering", "Rank"}},
      {"col.time", {"Tidspunkt", "Time"}},
      {"col.actor", {"Bruker", "User"}},
      {"col.action", {"Handling", "Action"}},
      {"col.lot", {"Delkontrakt", "Lot"}},
      {"tender.facts", {"Nøkkelopplysninger", "Key facts"}},
      {"tender.value",
       {"Anslått verdi (ekskl. mva., med opsjoner)",
        "Estimated value (excl. VAT, options included)"}},
      {"tender.cpv", {"CPV-kode", "CPV code"}},
      {"tender.procedure", {"Prosedyre", "Procedure"}},
      {"tender.regime", {"Regelverk", "Legal regime"}},
      {"tender.regime_pending", {"Avgjøres ved kunngjøring", "Decided at publication"}},
      {"tender.minimum_bids", {"Minste antall gyldige tilbud", "Minimum number of valid bids"}},
      {"tender.buyer", {"Oppdragsgiver", "Contracting authority"}},
      {"tender.lock", {"Tildelingsmodellen er låst", "The award model is locked"}},
      {"tender.lock_text",
       {"Kriterier, vekter og poengmodell ble låst ved kunngjøring og kan ikke endres. "
        "Kontrollsum (SHA-256):",
        "Criteria, weights and the scoring model were locked at publication and cannot change. "
        "Checksum (SHA-256):"}},
      {"tender.timeline", {"Tidslinje", "Timeline"}},
      {"tender.criteria", {"Tildelingskriterier", "Award criteria"}},
      {"tender.price_model", {"Prismodell", "Price model"}},
      {"tender.responsibilities", {"Ansvarsdeling", "Division of responsibilities"}},
      {"tender.questions", {"Spørsmål og svar", "Questions and answers"}},
      {"tender.no_questions",
       {"Ingen spørsmål er publisert.", "No questions have been published."}},
      {"tender.answer", {"Svar", "Answer"}},
      {"tender.unanswered", {"Ikke besvart ennå", "Not answered yet"}},
      {"tender.bids", {"Tilbud", "Bids"}},
      {"tender.sealed",
       {"Tilbudene er forseglet til de åpnes etter tilbudsfristen. Ingen kan lese dem før det.",
        "The bids are sealed until they are opened after the deadline. Nobody can read them "
        "before."}},
      {"tender.received_count", {"Mottatte tilbud", "Bids received"}},
      {"tender.evaluation", {"Evaluering", "Evaluation"}},
      {"tender.evaluation_chart",
       {"Samlet poengsum per tilbud, fordelt på kriterier", "Total score per bid, by criterion"}},
      {"tender.award", {"Tildeling", "Award"}},
      {"tender.cancelled", {"Konkurransen er avlyst", "The competition is cancelled"}},
      {"tender.lots", {"Delkontrakter", "Lots"}},
      {"tender.unsuccessful_lots", {"Delkontrakter uten nok tilbud", "Lots without enough bids"}},
      {"tender.edit", {"Rediger utkastet", "Edit the draft"}},
      {"tender.actions", {"Neste steg", "Next steps"}},
      {"tender.cancel", {"Avlys konkurransen", "Cancel the competition"}},
      {"tender.cancel_reason",
       {"Begrunnelse (sendes til alle deltakere)", "Reasons (sent to every participant)"}},
      {"tender.protocol", {"Anskaffelsesprotokoll", "Procurement protocol"}},
      {"tender.ocds", {"OCDS-eksport (JSON)", "OCDS export (JSON)"}},
      {"complaints.title", {"Klager", "Complaints"}},
      {"complaints.none", {"Ingen klager er levert.", "No complaints have been lodged."}},
      {"complaints.number", {"Klage", "Complaint"}},
      {"complaints.lodged", {"levert", "lodged"}},
      {"complaints.outcome", {"Utfall", "Outcome"}},
      {"complaints.outcome.open", {"Ikke behandlet ennå", "Not handled yet"}},
      {"complaints.outcome.upheld", {"Tatt til følge", "Upheld"}},
      {"complaints.outcome.rejected", {"Ikke tatt til følge", "Rejected"}},
      {"complaints.reasons", {"Begrunnelse for utfallet", "Reasons for the outcome"}},
      {"complaints.reasons_hint",
       {"Begrunnelsen sendes til leverandøren og står i protokollen. Tas klagen til følge, "
        "følger ny evaluering eller avlysning som eget steg.",
        "The reasons go to the supplier and into the protocol. If the complaint is upheld, a new "
        "evaluation or a cancellation follows as a step of its own."}},
      {"complaints.record", {"Lagre behandlingen", "Save the handling"}},
      {"complaints.blocks_signing",
       {"Kontrakten kan ikke signeres før alle klager er behandlet.",
        "The contract cannot be signed until every complaint has been handled."}},
      {"complaints.lodge", {"Klag på tildelingen", "Complain about the award"}},
      {"complaints.lodge_hint",
       {"Klagen må komme før karensperioden er over. Skriv hva du klager på og hvorfor. "
        "Oppdragsgiveren svarer skriftlig, og kontrakten signeres ikke før klagen er behandlet.",
        "The complaint must arrive before the standstill period ends. Say what you complain "
        "about and why. The buyer answers in writing, and the contract is not signed until the "
        "complaint has been handled."}},
      {"complaints.send", {"Send klagen", "Send the complaint"}},
      {"audit.title", {"Revisjonslogg", "Audit trail"}},
      {"audit.more", {"Eldre hendelser", "Older events"}},
      {"state.draft", {"Utkast", "Draft"}},
      {"state.published", {"Kunngjort", "Published"}},
      {"state.bidding_closed", {"Tilbudsfrist passert", "Bidding closed"}},
      {"state.opened", {"Tilbud åpnet", "Bids opened"}},
      {"state.evaluated", {"Evaluert", "Evaluated"}},
      {"state.award_proposed", {"Innstilling om tildeling", "Award proposed"}},
      {"state.political_approval", {"Politisk godkjent", "Politically approved"}},
      {"state.standstill", {"Karensperiode", "Standstill"}},
      {"state.contract_signed", {"Kontrakt signert", "Contract signed"}},
      {"state.unsuccessful", {"For få tilbud", "Too few bids"}},
      {"state.cancelled", {"Avlyst", "Cancelled"}},
      {"action.publish", {"Kunngjør", "Publish"}},
      {"action.close_bidding", {"Lukk tilbudsmottaket", "Close bidding"}},
      {"action.open_bids", {"Åpne tilbudene", "Open the bids"}},
      {"action.complete_evaluation", {"Fullfør evalueringen", "Complete the evaluation"}},
      {"action.propose_award", {"Innstill leverandør", "Propose the award"}},
      {"action.approve_politically",
       {"Registrer politisk godkjenning", "Record political approval"}},
      {"action.send_award_notice", {"Send tildelingsbrev", "Send the award notice"}},
      {"action.sign_contract", {"Registrer signert kontrakt", "Record the signed contract"}},
      {"action.cancel", {"Avlys", "Cancel"}},
      {"milestone.political_decision", {"Politisk vedtak", "Political decision"}},
      {"milestone.market_dialogue", {"Markedsdialog", "Market dialogue"}},
      {"milestone.documents_ready", {"Konkurransegrunnlag ferdig", "Tender documents ready"}},
      {"milestone.publication", {"Kunngjøring", "Publication"}},
      {"milestone.request_deadline",
       {"Frist for forespørsel om å delta", "Request-to-participate deadline"}},
      {"milestone.questions_deadline", {"Frist for spørsmål", "Questions deadline"}},
      {"milestone.bid_deadline", {"Tilbudsfrist", "Bid deadline"}},
      {"milestone.evaluation_done", {"Evaluering ferdig", "Evaluation done"}},
      {"milestone.political_approval", {"Politisk godkjenning", "Political approval"}},
      {"milestone.award_notice", {"Tildelingsbrev", "Award notice"}},
      {"milestone.standstill_end", {"Karensperioden slutter", "Standstill ends"}},
      {"milestone.contract_signed", {"Kontrakt signert", "Contract signed"}},
      {"milestone.staff_information",
       {"De ansatte informeres (aml. § 16-6)", "Employees informed (§ 16-6)"}},
      {"milestone.reservation_deadline",
       {"Reservasjonsfrist (aml. § 16-3)", "Reservation deadline (§ 16-3)"}},
      {"milestone.staff_transfer", {"Virksomhetsoverdragelse", "Staff transfer"}},
      {"milestone.operation_start", {"Driftsstart", "Operation starts"}},
      {"kind.price", {"Pris", "Price"}},
      {"kind.quality", {"Kvalitet", "Quality"}},
      {"kind.social", {"Sosiale hensyn", "Social"}},
      {"kind.environment", {"Klima og miljø", "Climate and environment"}},
      {"party.municipality", {"Kommunen", "Municipality"}},
      {"party.supplier", {"Leverandøren", "Supplier"}},
      {"party.shared", {"Felles", "Shared"}},
      {"procedure.open", {"Åpen anbudskonkurranse", "Open procedure"}},
      {"procedure.restricted", {"Begrenset anbudskonkurranse", "Restricted procedure"}},
      {"procedure.other",
       {"Konkurranse med forhandling / egen prosedyre", "Negotiated or own procedure"}},
      {"form.publish_answer",
       {"Publiser svaret til alle leverandører", "Publish the answer to all suppliers"}},
      {"form.ask", {"Still et spørsmål", "Ask a question"}},
      {"form.ask_hint",
       {"Svaret publiseres til alle leverandører uten å vise hvem som spurte.",
        "The answer is published to every supplier without showing who asked."}},
      {"form.send_question", {"Send spørsmålet", "Send the question"}},
      {"form.submit_bid", {"Lever eller erstatt tilbud", "Submit or replace your bid"}},
      {"form.price", {"Tilbudt pris (kr ekskl. mva.)", "Price offered (NOK excl. VAT)"}},
      {"form.price_hint",
       {"For eksempel 1 250 000 eller 1 250 000,50. Et nytt tilbud før fristen erstatter det "
        "forrige.",
        "For example 1250000 or 1250000.50. A new bid before the deadline replaces the previous "
        "one."}},
      {"form.summary", {"Kort beskrivelse av tilbudet", "Short description of the bid"}},
      {"form.score", {"Poeng (0–10)", "Score (0–10)"}},
      {"form.justification", {"Begrunnelse", "Justification"}},
      {"form.score_bid", {"Gi poeng", "Score"}},
      {"form.save_scores", {"Lagre poeng", "Save scores"}},
      {"eval.table", {"Evalueringstabell", "Evaluation table"}},
      {"eval.lowest_wins", {"lavest evaluert pris vinner", "lowest evaluated price wins"}},
      {"eval.stability",
       {"Hvor robust er vinneren for vektene?", "How robust is the winner to the weights?"}},
      {"eval.stability_help",
       {"Grønt felt: vekten kriteriet kan ha (de andre skalert tilsvarende) uten at vinneren "
        "endres. Svart strek: kunngjort vekt.",
        "Green band: the weight the criterion can have (the others rescaled) without changing "
        "the winner. Black mark: the announced weight."}},
      {"eval.interval", {"Vinneren består mellom", "Winner holds between"}},
      {"eval.acceptability",
       {"Rangering ved tilfeldige vektendringer", "Ranking under random weight changes"}},
      {"eval.acceptability_help",
       {"Andel av simuleringene (±10 prosentpoeng på vektene) der tilbudet blir rangert først.",
        "Share of simulations (±10 percentage points on the weights) in which the bid ranks "
        "first."}},
      {"eval.first_rank", {"Rangert først", "Ranked first"}},
      {"eval.expected_rank", {"Forventet plass", "Expected rank"}},
      {"eval.withdrawal", {"Hva om et tilbud trekkes?", "What if a bid is withdrawn?"}},
      {"eval.withdrawal_help",
       {"Vinneren hvis hvert tilbud i tur og orden tas ut. Rangreversering betyr at to andre "
        "tilbud bytter plass.",
        "The winner if each bid in turn is taken out. A rank reversal means two other bids swap "
        "places."}},
      {"eval.then_winner", {"da vinner", "then the winner is"}},
      {"eval.reversals", {"rangreverseringer", "rank reversals"}},
      {"eval.points", {"poeng 0–10", "points 0–10"}},
      {"eval.sensitivity", {"Hvor sikker er vinneren?", "How safe is the winner?"}},
      {"eval.axis_points", {"Samlet poengsum (poeng 0–10)", "Total score (points 0–10)"}},
      {"eval.axis_evaluated_price", {"Evaluert pris (kr)", "Evaluated price (NOK)"}},
      {"eval.axis_weight",
       {"Vekt (de andre kriteriene skalert tilsvarende)",
        "Weight (the other criteria rescaled to match)"}},
      {"eval.no_interval", {"ikke beregnet", "not computed"}},
      {"verdict.heading", {"Konklusjon", "Verdict"}},
      {"verdict.safe",
       {"Vinneren, {}, står støtt: vektene må endres mye før en annen vinner.",
        "The winner, {}, is safe: the weights must change a lot before another bid wins."}},
      {"verdict.fairly_safe",
       {"Vinneren, {}, er rimelig sikker, men en merkbar endring i én vekt gir en annen vinner.",
        "The winner, {}, is fairly safe, but a noticeable change in one weight gives another "
        "winner."}},
      {"verdict.close",
       {"Vinneren, {}, er sårbar: en liten endring i én vekt gir en annen vinner.",
        "The winner, {}, is vulnerable: a small change in one weight gives another winner."}},
      {"verdict.no_change",
       {"Vinneren, {}, står støtt: ingen endring av én enkelt vekt gir en annen vinner.",
        "The winner, {}, is safe: no change of any single weight gives another winner."}},
      {"verdict.smallest_lower",
       {"Minst margin har «{}» (vekt {}): faller vekten under {} ({} prosentpoeng lavere), "
        "vinner {}.",
        "The smallest margin is on \"{}\" (weight {}): if its weight falls below {} ({} "
        "percentage points lower), {} wins."}},
      {"verdict.smallest_upper",
       {"Minst margin har «{}» (vekt {}): stiger vekten over {} ({} prosentpoeng høyere), "
        "vinner {}.",
        "The smallest margin is on \"{}\" (weight {}): if its weight rises above {} ({} "
        "percentage points higher), {} wins."}},
      {"verdict.draws",
       {"Når alle vektene endres tilfeldig med inntil ±{} prosentpoeng, er {} fortsatt vinner i "
        "{} av {} trekninger.",
        "When all weights change at random by up to ±{} percentage points, {} still wins in {} "
        "of {} draws."}},
      {"withdrawal.then_wins",
       {"Hvis {} trekker tilbudet, vinner {}.", "If {} withdraws its bid, {} wins."}},
      {"withdrawal.then_tie",
       {"Hvis {} trekker tilbudet, deler flere førsteplassen.",
        "If {} withdraws its bid, several bids share first place."}},
      {"withdrawal.no_reversal",
       {"Rangreversering skjedde ikke: de andre beholder rekkefølgen.",
        "Rank reversal did not happen: the others keep their order."}},
      {"withdrawal.reversal", {"Rangreversering skjedde: {}.", "Rank reversal happened: {}."}},
      {"withdrawal.pair", {"{} kommer foran {}", "{} moves ahead of {}"}},
      {"low.heading", {"Mulig unormalt lavt tilbud", "Possibly abnormally low bid"}},
      {"low.intro",
       {"Tilbudet fra {} (tilbud {}) vinner, men prisen er så lav at den kan være unormalt lav.",
        "The bid from {} (bid {}) wins, but its price is so low that it may be abnormally low."}},
      {"low.price", {"Tilbudt pris", "Price offered"}},
      {"low.mean", {"Gjennomsnitt av de andre tilbudene", "Mean of the other bids"}},
      {"low.next", {"Nest laveste tilbud", "Next-lowest bid"}},
      {"low.below_mean",
       {"Under gjennomsnittet av de andre (terskel {})",
        "Below the mean of the others (threshold {})"}},
      {"low.below_next",
       {"Under nest laveste tilbud (terskel {})", "Below the next-lowest bid (threshold {})"}},
      {"low.crossed", {"terskelen er nådd", "threshold reached"}},
      {"low.duty",
       {"Før tildeling må leverandøren bli bedt om å forklare prisen skriftlig, og forklaringen "
        "og vurderingen må registreres (FOA § 24-9). Godtas ikke forklaringen, skal tilbudet "
        "avvises.",
        "Before the award the supplier must be asked in writing to explain the price, and the "
        "explanation and its assessment must be recorded (FOA § 24-9). If the explanation is not "
        "accepted, the bid is to be rejected."}},
      {"low.recorded", {"Forklaring og vurdering", "Explanation and assessment"}},
      {"low.record", {"Registrer forklaringen", "Record the explanation"}},
      {"low.asked_on",
       {"Dato leverandøren ble bedt om å forklare prisen",
        "Date the supplier was asked to explain the price"}},
      {"low.explanation", {"Leverandørens forklaring", "The supplier's explanation"}},
      {"low.assessment", {"Vurdering", "Assessment"}},
      {"low.accept", {"Forklaringen godtas", "The explanation is accepted"}},
      {"low.reject", {"Forklaringen godtas ikke", "The explanation is not accepted"}},
      {"low.accepted", {"godtatt", "accepted"}},
      {"low.rejected",
       {"ikke godtatt – tilbudet skal avvises", "not accepted – the bid is to be rejected"}},
      {"low.reasons", {"Begrunnelse for vurderingen", "Reasons for the assessment"}},
      {"low.recorded_by", {"Registrert av", "Recorded by"}},
      {"low.save", {"Registrer", "Record"}},
      {"low.reject_bid", {"Avvis tilbudet", "Reject the bid"}},
      {"low.reject_reason",
       {"Begrunnelse for avvisningen (FOA § 24-9)", "Reasons for the rejection (FOA § 24-9)"}},
      {"own.heading", {"Din evaluering", "Your evaluation"}},
      {"own.help",
       {"Poengene og begrunnelsene for ditt tilbud. Andre tilbud vises ikke.",
        "The scores and reasons for your bid. Other bids are not shown."}},
      {"own.total", {"Samlet poengsum: {} poeng.", "Total score: {} points."}},
      {"own.total_price", {"Evaluert pris: {}.", "Evaluated price: {}."}},
      {"own.rank", {"Plass {} i rangeringen.", "Rank {} in the ranking."}},
      {"price_model.proportional", {"Proporsjonal", "Proportional"}},
      {"price_model.linear", {"Lineær", "Linear"}},
      {"price_model.quality_pricing", {"Prissetting av kvalitet", "Pricing of quality"}},
      {"bid.valid", {"Gyldig", "Valid"}},
      {"bid.rejected", {"Avvist", "Rejected"}},
  };
  return kTable;
}

constexpr std::array<std::string_view, 12> kMonthsEn = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string TwoDigits(int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string_view LangCode(Lang lang) { return lang == Lang::kEn ? "en" : "nb"; }

std::optional<Lang> LangFromCode(std::string_view code) {
  if (code == "nb" || code == "no") return Lang::kNb;
  if (code == "en") return Lang::kEn;
  return std::nullopt;
}

std::string_view Tr(Lang lang, std::string_view key) {
  auto it = Table().find(key);
  if (it == Table().end()) return key;
  return lang == Lang::kEn ? it->second.en : it->second.nb;
}

std::vector<std::string_view> AllTextKeys() {
  std::vector<std::string_view> keys;
  for (const auto& [key, entry] : Table()) keys.push_back(key);
  return keys;
}

std::string FormatDate(Lang lang, const Date& date) {
  const int m = std::min(std::max(date.month, 1), 12) - 1;
  if (lang == Lang::kEn) {
    return std::to_string(date.day) + " " + std::string(kMonthsEn[m]) + " " +
           std::to_string(date.year);
  }
  return FormatDateNb(date);
}

std::string FormatDateTime(Lang lang, Timestamp at) {
  const int64_t local = at.unix_seconds + OsloOffsetSeconds(at);
  const int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  const int64_t seconds = local - days * 86400;
  const std::string clock = TwoDigits(seconds / 3600) + ":" + TwoDigits(seconds % 3600 / 60);
  const std::string date = FormatDate(lang, Date::FromDaysSinceEpoch(days));
  return lang == Lang::kEn ? date + " " + clock : date + " kl. " + clock;
}

std::string FormatDecimal(Lang lang, double value, int decimals) {
  if (lang == Lang::kNb) return FormatDecimalNb(value, decimals);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string FormatMoney(Lang lang, const Money& money) {
  // U+00A0 no-break spaces keep "kr 1 250 000" on one line.
  if (lang == Lang::kNb) return FormatMoneyNb(money, "\u00a0");
  const bool negative = money.minor < 0;
  const int64_t abs_minor = negative ? -money.minor : money.minor;
  std::string out =
      std::string(money.currency) + " " + (negative ? "-" : "") + GroupDigits(abs_minor / 100, ",");
  if (abs_minor % 100 != 0) out += "." + TwoDigits(abs_minor % 100);
  return out;
}

std::string FormatMoneyInput(const Money& money) {
  const bool negative = money.minor < 0;
  const int64_t abs_minor = negative ? -money.minor : money.minor;
  std::string out = (negative ? "-" : "") + GroupDigits(abs_minor / 100, " ");
  if (abs_minor % 100 != 0) out += "," + TwoDigits(abs_minor % 100);
  return out;
}

}  // namespace samspill::web
