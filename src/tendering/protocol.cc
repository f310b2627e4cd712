#include "tendering/protocol.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "common/format_nb.h"
#include "common/text.h"

namespace samspill::tendering {
namespace {

using nlohmann::json;

constexpr std::string_view kNotRecordedNb = "Ikke registrert";

struct LetterHeading {
  char letter;
  std::string_view nb;
  std::string_view en;
};

// The wording follows the content list of FOA § 25-5 (DOMAIN.md §2).
constexpr std::array<LetterHeading, kProtocolLetterCount> kHeadings = {{
    {'a', "Oppdragsgiver", "Contracting authority"},
    {'b', "Beskrivelse av anskaffelsen og anslått verdi",
     "Subject, description and estimated value"},
    {'c', "Begrunnelse for ikke å dele opp kontrakten i delkontrakter",
     "Reasons for not dividing the contract into lots"},
    {'d', "Begrunnelse for konkurranse med forhandling eller konkurransepreget dialog",
     "Reasons for using negotiation or competitive dialogue"},
    {'e', "Begrunnelse for direkte tildeling uten forutgående kunngjøring",
     "Reasons for a direct award without prior publication"},
    {'f', "Begrunnelse for unntak fra kravet om elektronisk kommunikasjon",
     "Reasons for not using electronic communication"},
    {'g', "Leverandører som har bedt om å delta", "Candidates that asked to take part"},
    {'h', "Utvalgte leverandører og begrunnelsen for utvalget",
     "Selected candidates and the reasons for their selection"},
    {'i', "Leverandører som har levert tilbud", "Tenderers"},
    {'j', "Avviste leverandører og begrunnelsen for avvisningen",
     "Rejected candidates and tenderers, and the reasons"},
    {'k', "Avviste tilbud og begrunnelsen for avvisningen", "Rejected tenders and the reasons"},
    {'l', "Interessekonflikter og tiltak som er truffet",
     "Conflicts of interest and the measures taken"},
    {'m', "Valgt leverandør, begrunnelsen for valget og kontraktens verdi",
     "The successful tenderer, the reasons for the choice and the contract value"},
    {'n', "Deler av kontrakten som settes bort til underleverandører", "Subcontracting"},
    {'o', "Begrunnelse for avlysning", "Reasons for cancellation"},
    {'p', "Andre viktige forhold", "Other important matters"},
}};

// "30 %" or "33,3 %".
std::string FormatPercentNb(double share) {
  const double percent = share * 100.0;
  const double rounded = static_cast<double>(static_cast<int64_t>(percent * 10.0 + 0.5)) / 10.0;
  const bool whole = rounded == static_cast<double>(static_cast<int64_t>(rounded));
  return FormatDecimalNb(rounded, whole ? 0 : 1) + " %";
}

// "942 110 464" for nine digits; anything else as it was recorded.
std::string FormatOrgNumber(std::string_view org_number) {
  if (org_number.empty()) return std::string(kNotRecordedNb);
  if (org_number.size() != 9 || !std::all_of(org_number.begin(), org_number.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return std::string(org_number);
  }
  return std::string(org_number.substr(0, 3)) + " " + std::string(org_number.substr(3, 3)) + " " +
         std::string(org_number.substr(6, 3));
}

std::string SupplierText(const OrganisationRef& supplier) {
  std::string name = IsBlank(supplier.name) ? std::string(kNotRecordedNb) : supplier.name;
  if (supplier.org_number.empty()) return name;
  return name + " (org.nr. " + FormatOrgNumber(supplier.org_number) + ")";
}

std::string_view ProcedureLabelNb(Procedure procedure) {
  switch (procedure) {
    case Procedure::kOpen:
      return "Åpen anbudskonkurranse";
    case Procedure::kRestricted:
      return "Begrenset anbudskonkurranse";
    case Procedure::kOther:
      return "Annen prosedyre (forhandling, konkurransepreget dialog eller egen prosedyre etter "
             "FOA del IV)";
  }
  return "Ukjent prosedyre";
}

std::string_view CategoryLabelNb(ServiceCategory category) {
  switch (category) {
    case ServiceCategory::kOrdinary:
      return "Varer og ordinære tjenester";
    case ServiceCategory::kHealthAndSocial:
      return "Helse- og sosialtjenester";
  }
  return "Ukjent kategori";
}

std::string_view BuyerTypeLabelNb(BuyerType buyer) {
  switch (buyer) {
    case BuyerType::kMunicipal:
      return "Kommune eller fylkeskommune";
    case BuyerType::kCentralGovernment:
      return "Statlig oppdragsgiver";
  }
  return "Ukjent type oppdragsgiver";
}

std::string_view PriceModelLabelNb(evaluation::PriceModel model) {
  switch (model) {
    case evaluation::PriceModel::kLinear:
      return "lineær";
    case evaluation::PriceModel::kProportional:
      return "proporsjonal";
    case evaluation::PriceModel::kQualityPricing:
      return "prissetting av kvalitet";
  }
  return "ukjent";
}

// Bid events before the deadline would tell who is bidding; the record already leaves out their
// content, and the log leaves out the supplier user too until bidding has closed.
bool HidesSupplierUser(TenderState state, std::string_view action) {
  const bool sealed = state == TenderState::kDraft || state == TenderState::kPublished;
  return sealed && (action == "bid.submit" || action == "bid.replace" || action == "question.ask");
}

std::string StringOr(const json& object, const char* key, std::string_view fallback) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string() || IsBlank(it->get_ref<const std::string&>())) {
    return std::string(fallback);
  }
  return it->get<std::string>();
}

struct Note {
  Timestamp at;
  std::string actor;
  std::string text;
};

struct ParsedEvent {
  const TenderEvent* event = nullptr;
  json details;
};

class ProtocolBuilder {
 public:
  ProtocolBuilder(const TenderRecord& record, std::vector<ParsedEvent> events,
                  std::map<char, std::vector<Note>> notes)
      : record_(record),
        tender_(record.tender),
        draft_(record.tender.draft()),
        events_(std::move(events)),
        notes_(std::move(notes)) {}

  std::vector<ProtocolSection> Build() const {
    std::vector<ProtocolSection> sections;
    sections.reserve(kProtocolLetterCount);
    for (const LetterHeading& heading : kHeadings) {
      ProtocolSection s;
      s.letter = heading.letter;
      s.heading_nb = std::string(heading.nb);
      s.heading_en = std::string(heading.en);
      Fill(s);
      AddNotes(s);
      sections.push_back(std::move(s));
    }
    return sections;
  }

 private:
  void Fill(ProtocolSection& s) const {
    switch (s.letter) {
      case 'a':
        return Buyer(s);
      case 'b':
        return Description(s);
      case 'c':
        return Lots(s);
      case 'd':
        return Negotiation(s);
      case 'e':
        return DirectAward(s);
      case 'f':
        return ElectronicCommunication(s);
      case 'g':
        return Candidates(s);
      case 'h':
        return SelectedCandidates(s);
      case 'i':
        return Tenderers(s);
      case 'j':
        return RejectedSuppliers(s);
      case 'k':
        return RejectedTenders(s);
      case 'l':
        return ConflictsOfInterest(s);
      case 'm':
        return ChosenTender(s);
      case 'n':
        return Subcontractors(s);
      case 'o':
        return Cancellation(s);
      case 'p':
        return OtherMatters(s);
    }
  }

  // Notes fill what samspill has no field for; a section that lacked its facts has them now.
  void AddNotes(ProtocolSection& s) const {
    auto it = notes_.find(s.letter);
    if (it == notes_.end()) return;
    for (const Note& note : it->second) {
      s.entries.push_back({"note", "Notat (" + ProtocolTimeText(note.at) + ", " + note.actor + ")",
                           note.text, ProtocolSource::kEvents});
    }
    if (s.status == SectionStatus::kNotRecorded) {
      s.status = SectionStatus::kRecorded;
      s.statement_nb.clear();
    }
  }

  static void Set(ProtocolSection& s, SectionStatus status, std::string statement) {
    s.status = status;
    s.statement_nb = std::move(statement);
  }

  const ParsedEvent* LastEvent(std::string_view action) const {
    for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
      if (it->event->action == action) return &*it;
    }
    return nullptr;
  }

  static std::string WhenAndWho(const ParsedEvent& e) {
    return ProtocolTimeText(e.event->at) + ", " + e.event->actor;
  }

  std::string LotText(const std::string& lot_id) const {
    if (lot_id.empty()) return "hele kontrakten";
    for (const Lot& lot : draft_.lots) {
      if (lot.id == lot_id) return "delkontrakt " + lot.id + " (" + lot.title + ")";
    }
    return "delkontrakt " + lot_id;
  }

  const SubmittedBid* FindBid(int64_t bid_id) const {
    for (const SubmittedBid& bid : record_.bids) {
      if (bid.id == bid_id) return &bid;
    }
    return nullptr;
  }

  bool BiddingClosed() const {
    return tender_.state() != TenderState::kDraft && tender_.state() != TenderState::kPublished;
  }

  void Buyer(ProtocolSection& s) const {
    s.entries.push_back({"buyer_name", "Navn", record_.buyer.name, ProtocolSource::kRecord});
    s.entries.push_back({"buyer_org_number", "Organisasjonsnummer",
                         FormatOrgNumber(record_.buyer.org_number), ProtocolSource::kRecord});
    if (IsBlank(record_.buyer.address)) {
      s.entries.push_back({"buyer_address", "Adresse",
                           "Ikke registrert: før adressen inn på oppdragsgiverens organisasjon",
                           ProtocolSource::kStatement});
    } else {
      s.entries.push_back(
          {"buyer_address", "Adresse", record_.buyer.address, ProtocolSource::kRecord});
    }
    s.entries.push_back({"buyer_type", "Type oppdragsgiver",
                         std::string(BuyerTypeLabelNb(draft_.buyer_type)),
                         ProtocolSource::kTenderTerms});
  }

  void Description(ProtocolSection& s) const {
    const auto terms = ProtocolSource::kTenderTerms;
    s.entries.push_back({"title", "Tittel", draft_.title, terms});
    if (IsBlank(draft_.description)) {
      s.entries.push_back({"description", "Beskrivelse", "Ingen beskrivelse er registrert",
                           ProtocolSource::kStatement});
    } else {
      s.entries.push_back({"description", "Beskrivelse", draft_.description, terms});
    }
    if (!draft_.cpv_code.empty()) {
      s.entries.push_back({"cpv_code", "CPV-kode", draft_.cpv_code, terms});
    }
    s.entries.push_back(
        {"category", "Tjenestekategori", std::string(CategoryLabelNb(draft_.category)), terms});
    s.entries.push_back(
        {"estimated_value", "Anslått verdi",
         FormatMoneyNb(draft_.estimated_value) + " ekskl. mva., medregnet opsjoner og forlengelser",
         terms});
    if (draft_.profile.staff_years > 0) {
      s.entries.push_back({"staff_years", "Omfang",
                           std::to_string(draft_.profile.staff_years) + " årsverk", terms});
    }
    if (draft_.profile.staff_transfer) {
      s.entries.push_back({"staff_transfer", "Virksomhetsoverdragelse",
                           "Ja: de ansatte har rettigheter etter arbeidsmiljøloven kapittel 16",
                           terms});
    }
    s.entries.push_back({"minimum_bids", "Krav til konkurranse",
                         "Minst " + std::to_string(draft_.minimum_bids) +
                             (draft_.minimum_bids == 1 ? " gyldig tilbud" : " gyldige tilbud") +
                             " ved tilbudsfristen",
                         terms});
    if (const std::optional<RegimeDecision>& regime = tender_.regime()) {
      s.entries.push_back(
          {"legal_regime", "Regelverk", std::string(LegalRegimeLabelNb(regime->regime)), terms});
      s.entries.push_back({"legal_regime_explanation", "Begrunnelse for regelverket",
                           regime->explanation_nb, terms});
    } else {
      s.entries.push_back({"legal_regime", "Regelverk",
                           "Ikke fastsatt: regelverket avgjøres når konkurransen kunngjøres",
                           ProtocolSource::kStatement});
    }
    if (const ParsedEvent* published = LastEvent("tender.publish")) {
      s.entries.push_back({"published", "Kunngjort eller sendt ut", WhenAndWho(*published),
                           ProtocolSource::kEvents});
    }
  }

  void Lots(ProtocolSection& s) const {
    if (!draft_.lots.empty()) {
      Set(s, SectionStatus::kRecorded,
          "Kontrakten er delt i " + std::to_string(draft_.lots.size()) + " delkontrakter.");
      for (const Lot& lot : draft_.lots) {
        s.entries.push_back({"lot", "Delkontrakt " + lot.id,
                             lot.title + ", anslått verdi " + FormatMoneyNb(lot.estimated_value),
                             ProtocolSource::kTenderTerms});
      }
      return;
    }
    if (!IsBlank(draft_.why_not_divided)) {
      s.entries.push_back(
          {"why_not_divided", "Begrunnelse", draft_.why_not_divided, ProtocolSource::kTenderTerms});
      return;
    }
    Set(s, SectionStatus::kNotRecorded,
        "Kontrakten er ikke delt opp, og begrunnelsen er ikke registrert. Før den inn i "
        "konkurransen eller som notat til bokstav c.");
  }

  void Negotiation(ProtocolSection& s) const {
    s.entries.push_back({"procedure", "Prosedyre",
                         std::string(ProcedureLabelNb(draft_.profile.procedure)),
                         ProtocolSource::kTenderTerms});
    if (draft_.profile.procedure != Procedure::kOther) {
      Set(s, SectionStatus::kNotApplicable,
          "Det er ikke brukt konkurranse med forhandling eller konkurransepreget dialog.");
      return;
    }
    if (const std::optional<RegimeDecision>& regime = tender_.regime()) {
      s.entries.push_back({"legal_regime", "Regelverk",
                           std::string(LegalRegimeLabelNb(regime->regime)),
                           ProtocolSource::kTenderTerms});
    }
    Set(s, SectionStatus::kNotRecorded,
        "Begrunnelsen for valget av prosedyre er ikke registrert. Før den inn som notat til "
        "bokstav d.");
  }

  void DirectAward(ProtocolSection& s) const {
    Set(s, SectionStatus::kNotApplicable,
        "Kontrakten er ikke tildelt direkte: konkurransen kunngjøres eller sendes ut til "
        "leverandørene.");
  }

  void ElectronicCommunication(ProtocolSection& s) const {
    const bool required = draft_.profile.electronic_submission_required;
    s.entries.push_back({"electronic_submission_required", "Elektronisk innlevering påkrevd",
                         required ? "Ja" : "Nei", ProtocolSource::kTenderTerms});
    if (required) {
      Set(s, SectionStatus::kNotApplicable, "Ingen unntak: tilbudene skulle leveres elektronisk.");
    } else {
      Set(s, SectionStatus::kNotRecorded,
          "Det er gjort unntak fra elektronisk innlevering, men begrunnelsen er ikke registrert. "
          "Før den inn som notat til bokstav f.");
    }
  }

  void Candidates(ProtocolSection& s) const {
    if (!record_.candidates.empty()) {
      ProtocolTable table{"candidates",
                          "Leverandører som ba om å delta eller ble invitert",
                          {"Leverandør", "Org.nr."},
                          {},
                          ProtocolSource::kRecord};
      for (const OrganisationRef& c : record_.candidates) {
        table.rows.push_back({c.name, FormatOrgNumber(c.org_number)});
      }
      s.tables.push_back(std::move(table));
      return;
    }
    if (draft_.profile.procedure == Procedure::kOpen) {
      Set(s, SectionStatus::kNotApplicable,
          "Åpen anbudskonkurranse: leverandørene leverer tilbud uten å be om å delta først.");
    } else {
      Set(s, SectionStatus::kNotRecorded, "Ingen kandidater er registrert.");
    }
  }

  void SelectedCandidates(ProtocolSection& s) const {
    if (draft_.profile.procedure == Procedure::kOpen) {
      Set(s, SectionStatus::kNotApplicable,
          "Åpen anbudskonkurranse: leverandørene ble ikke valgt ut før tilbudsfristen.");
      return;
    }
    Set(s, SectionStatus::kNotRecorded,
        "Hvilke kandidater som ble valgt ut, og hvorfor, er ikke registrert. Før det inn som "
        "notat til bokstav h.");
  }

  void Tenderers(ProtocolSection& s) const {
    if (draft_.bid_deadline) {
      s.entries.push_back({"bid_deadline", "Tilbudsfrist", ProtocolTimeText(*draft_.bid_deadline),
                           ProtocolSource::kTenderTerms});
    }
    if (!record_.bids.empty()) {
      std::vector<const SubmittedBid*> bids;
      for (const SubmittedBid& bid : record_.bids) bids.push_back(&bid);
      std::stable_sort(bids.begin(), bids.end(), [](const auto* a, const auto* b) {
        return a->received_at < b->received_at;
      });
      const bool lots = !draft_.lots.empty();
      ProtocolTable table{
          "tenderers", "Tilbud mottatt innen fristen", {}, {}, ProtocolSource::kRecord};
      table.columns_nb = {"Leverandør", "Org.nr.", "Mottatt"};
      if (lots) table.columns_nb.push_back("Delkontrakt");
      table.columns_nb.push_back("Versjon");
      for (const SubmittedBid* bid : bids) {
        std::vector<std::string> row = {bid->supplier.name,
                                        FormatOrgNumber(bid->supplier.org_number),
                                        ProtocolTimeText(bid->received_at)};
        if (lots) row.push_back(bid->lot_id.empty() ? "hele" : bid->lot_id);
        row.push_back(bid->version <= 1 ? "1"
                                        : std::to_string(bid->version) + " (erstattet " +
                                              std::to_string(bid->version - 1) +
                                              (bid->version == 2 ? " gang)" : " ganger)"));
        table.rows.push_back(std::move(row));
      }
      s.tables.push_back(std::move(table));
      Set(s, SectionStatus::kRecorded,
          std::to_string(bids.size()) + " tilbud ble levert innen fristen.");
      return;
    }
    if (!BiddingClosed()) {
      Set(s, SectionStatus::kNotRecorded,
          "Tilbudsfristen er ikke passert: tilbudene er forseglet til fristen.");
      return;
    }
    if (!record_.unsuccessful_lots.empty()) {
      int valid = 0;
      for (const UnsuccessfulLot& lot : record_.unsuccessful_lots) valid += lot.valid_bids;
      if (valid == 0) {
        Set(s, SectionStatus::kNone, "Ingen tilbud ble levert innen fristen.");
      } else {
        Set(s, SectionStatus::kNotRecorded,
            std::to_string(valid) + (valid == 1 ? " gyldig tilbud" : " gyldige tilbud") +
                " kom inn innen fristen, men leverandørene er ikke registrert i protokollen.");
      }
      return;
    }
    Set(s, SectionStatus::kNotRecorded, "Tilbudene er ikke åpnet og registrert ennå.");
  }

  std::vector<const SubmittedBid*> RejectedBids(RejectionKind kind) const {
    std::vector<const SubmittedBid*> rejected;
    for (const SubmittedBid& bid : record_.bids) {
      if (bid.status == BidStatus::kRejected && bid.rejection_kind == kind) {
        rejected.push_back(&bid);
      }
    }
    return rejected;
  }

  static std::string ReasonText(const SubmittedBid& bid) {
    return IsBlank(bid.rejection_reason) ? "Begrunnelse ikke registrert" : bid.rejection_reason;
  }

  // True when the section is settled because there are no bids to speak of.
  bool NoBidsToJudge(ProtocolSection& s) const {
    if (!record_.bids.empty()) return false;
    Set(s, SectionStatus::kNotRecorded, "Ingen tilbud er registrert (se bokstav i).");
    return true;
  }

  // (j): suppliers rejected for what they are — qualification or exclusion — not for their offer.
  void RejectedSuppliers(ProtocolSection& s) const {
    if (NoBidsToJudge(s)) return;
    const std::vector<const SubmittedBid*> rejected = RejectedBids(RejectionKind::kSupplier);
    if (rejected.empty()) {
      Set(s, SectionStatus::kNone, "Ingen leverandører er avvist.");
      return;
    }
    ProtocolTable table{"rejected_suppliers",
                        "Avviste leverandører",
                        {"Leverandør", "Org.nr.", "Gjelder", "Begrunnelse"},
                        {},
                        ProtocolSource::kRecord};
    for (const SubmittedBid* bid : rejected) {
      table.rows.push_back({bid->supplier.name, FormatOrgNumber(bid->supplier.org_number),
                            LotText(bid->lot_id), ReasonText(*bid)});
    }
    s.tables.push_back(std::move(table));
  }

  // (k): tenders rejected for what they offer, the supplier itself qualified.
  void RejectedTenders(ProtocolSection& s) const {
    if (NoBidsToJudge(s)) return;
    const std::vector<const SubmittedBid*> rejected = RejectedBids(RejectionKind::kTender);
    if (rejected.empty()) {
      Set(s, SectionStatus::kNone, "Ingen tilbud er avvist.");
      return;
    }
    ProtocolTable table{"rejected_tenders",
                        "Avviste tilbud",
                        {"Tilbud", "Leverandør", "Mottatt", "Gjelder", "Begrunnelse"},
                        {},
                        ProtocolSource::kRecord};
    for (const SubmittedBid* bid : rejected) {
      table.rows.push_back({"Tilbud " + std::to_string(bid->id), bid->supplier.name,
                            ProtocolTimeText(bid->received_at), LotText(bid->lot_id),
                            ReasonText(*bid)});
    }
    s.tables.push_back(std::move(table));
  }

  void ConflictsOfInterest(ProtocolSection& s) const {
    ProtocolTable table{"conflicts_of_interest",
                        "Erklærte interessekonflikter",
                        {"Tid", "Registrert av", "Person", "Forhold", "Tiltak"},
                        {},
                        ProtocolSource::kEvents};
    for (const ParsedEvent& e : events_) {
      if (e.event->action != "conflict_of_interest.declare") continue;
      table.rows.push_back({ProtocolTimeText(e.event->at), e.event->actor,
                            StringOr(e.details, "person", kNotRecordedNb),
                            StringOr(e.details, "description", kNotRecordedNb),
                            StringOr(e.details, "remedy", kNotRecordedNb)});
    }
    if (table.rows.empty()) {
      Set(s, SectionStatus::kNone, "Ingen interessekonflikter er erklært.");
      return;
    }
    s.tables.push_back(std::move(table));
  }

  void ChosenTender(ProtocolSection& s) const {
    if (record_.awards.empty()) {
      if (tender_.state() == TenderState::kCancelled) {
        Set(s, SectionStatus::kNotApplicable,
            "Ingen leverandør ble valgt: konkurransen ble avlyst (se bokstav o).");
      } else if (tender_.state() == TenderState::kUnsuccessful) {
        Set(s, SectionStatus::kNotApplicable,
            "Ingen leverandør er valgt: konkurransen fikk for få gyldige tilbud (se bokstav o).");
      } else {
        Set(s, SectionStatus::kNotRecorded, "Ingen leverandør er valgt ennå.");
      }
      return;
    }
    const bool lots = !draft_.lots.empty();
    for (const LotAward& award : record_.awards) {
      const std::string suffix = lots ? " (" + LotText(award.lot_id) + ")" : "";
      const auto record = ProtocolSource::kRecord;
      s.entries.push_back(
          {"chosen_supplier", "Valgt leverandør" + suffix, SupplierText(award.supplier), record});
      if (const SubmittedBid* bid = FindBid(award.bid_id); bid && bid->price) {
        s.entries.push_back({"bid_price", "Tilbudt pris" + suffix,
                             FormatMoneyNb(*bid->price) + " ekskl. mva.", record});
      }
      s.entries.push_back({"total_score", "Samlet poengsum" + suffix,
                           FormatDecimalNb(award.total_score, 2), record});
      RelativeAdvantages(s, award, suffix);
      s.entries.push_back({"award_reasons", "Begrunnelse for valget" + suffix,
                           IsBlank(award.reasons) ? "Begrunnelse ikke registrert" : award.reasons,
                           record});
      s.entries.push_back({"contract_value", "Kontraktens verdi" + suffix,
                           FormatMoneyNb(award.contract_value) + " ekskl. mva.", record});
    }
    if (const ParsedEvent* approved = LastEvent("tender.approve_politically")) {
      s.entries.push_back({"political_approval", "Politisk godkjent", WhenAndWho(*approved),
                           ProtocolSource::kEvents});
    }
    if (const ParsedEvent* notice = LastEvent("tender.send_award_notice")) {
      s.entries.push_back(
          {"award_notice", "Tildelingsbrev sendt", WhenAndWho(*notice), ProtocolSource::kEvents});
    }
    if (std::optional<Date> end = draft_.timeline.Get(Milestone::kStandstillEnd)) {
      s.entries.push_back({"standstill_end", "Karensperioden til og med", FormatDateNb(*end),
                           ProtocolSource::kTenderTerms});
    }
    if (const ParsedEvent* signed_contract = LastEvent("tender.sign_contract")) {
      s.entries.push_back({"contract_signed", "Kontrakt signert", WhenAndWho(*signed_contract),
                           ProtocolSource::kEvents});
    }
  }

  // FOA § 25-5 (m) asks for the chosen tender's relative advantages: per announced criterion,
  // the winner against the best of the other valid bids for the lot — the lowest other price
  // (as a margin in per cent), the highest other score. Only from the bids' content, so a record
  // made for a reader who may not read it (no prices, no scores) has none.
  void RelativeAdvantages(ProtocolSection& s, const LotAward& award,
                          const std::string& suffix) const {
    const SubmittedBid* winner = FindBid(award.bid_id);
    const std::optional<LockedAwardModel>& locked = tender_.locked_award_model();
    if (winner == nullptr || !locked) return;
    std::vector<const SubmittedBid*> others;
    for (const SubmittedBid& bid : record_.bids) {
      if (bid.id != winner->id && bid.lot_id == award.lot_id && bid.status == BidStatus::kValid) {
        others.push_back(&bid);
      }
    }
    const auto record = ProtocolSource::kRecord;
    if (others.empty()) {
      if (winner->price || !winner->scores.empty()) {
        s.entries.push_back({"relative_advantage", "Relative fordeler" + suffix,
                             "Ingen andre gyldige tilbud å sammenligne med", record});
      }
      return;
    }
    for (const evaluation::Criterion& c : locked->model.criteria) {
      const std::string label = "Relativ fordel, " + (c.name.empty() ? c.id : c.name) + suffix;
      if (c.kind == evaluation::CriterionKind::kPrice) {
        if (!winner->price) continue;
        const SubmittedBid* lowest = nullptr;
        for (const SubmittedBid* o : others) {
          if (o->price && (!lowest || o->price->minor < lowest->price->minor)) lowest = o;
        }
        if (!lowest) continue;
        // The margin as a share of the other price: the protocol names no price but the
        // winner's.
        const int64_t diff = lowest->price->minor - winner->price->minor;
        const double share =
            lowest->price->minor > 0
                ? static_cast<double>(diff < 0 ? -diff : diff) / lowest->price->minor
                : 0.0;
        s.entries.push_back(
            {"relative_advantage", label,
             "Valgt tilbud " + FormatMoneyNb(*winner->price) + "; " +
                 (diff == 0 ? std::string("like høy pris som")
                            : FormatPercentNb(share) + (diff > 0 ? " lavere enn" : " høyere enn")) +
                 " laveste av de andre (" + lowest->supplier.name + ")",
             record});
        continue;
      }
      const std::optional<double> own = ScoreOf(*winner, c.id);
      if (!own) continue;
      const SubmittedBid* best = nullptr;
      double best_score = 0;
      for (const SubmittedBid* o : others) {
        const std::optional<double> score = ScoreOf(*o, c.id);
        if (score && (!best || *score > best_score)) {
          best = o;
          best_score = *score;
        }
      }
      if (!best) continue;
      const double diff = *own - best_score;
      const double gap = diff < 0 ? -diff : diff;
      s.entries.push_back(
          {"relative_advantage", label,
           "Valgt tilbud " + FormatDecimalNb(*own, 1) + " poeng; beste av de andre " +
               FormatDecimalNb(best_score, 1) + " (" + best->supplier.name + "): " +
               (gap < 0.05 ? std::string("like godt")
                           : FormatDecimalNb(gap, 1) + (diff > 0 ? " poeng foran" : " poeng bak")),
           record});
    }
  }

  static std::optional<double> ScoreOf(const SubmittedBid& bid, const std::string& criterion_id) {
    for (const BidScore& score : bid.scores) {
      if (score.criterion_id == criterion_id) return score.score;
    }
    return std::nullopt;
  }

  void Subcontractors(ProtocolSection& s) const {
    if (record_.awards.empty() && (tender_.state() == TenderState::kCancelled ||
                                   tender_.state() == TenderState::kUnsuccessful)) {
      Set(s, SectionStatus::kNotApplicable, "Ingen kontrakt er tildelt.");
      return;
    }
    Set(s, SectionStatus::kNotRecorded,
        "samspill registrerer ikke hvilke deler av kontrakten leverandøren vil sette bort til "
        "underleverandører. Før det inn som notat til bokstav n.");
  }

  void Cancellation(ProtocolSection& s) const {
    const bool cancelled = !tender_.cancellation_reason().empty();
    if (cancelled) {
      s.entries.push_back({"cancellation_reason", "Begrunnelse for avlysningen",
                           tender_.cancellation_reason(), ProtocolSource::kTenderTerms});
      if (const ParsedEvent* cancel = LastEvent("tender.cancel")) {
        s.entries.push_back({"cancelled", "Avlyst", WhenAndWho(*cancel), ProtocolSource::kEvents});
      }
    }
    for (const UnsuccessfulLot& lot : record_.unsuccessful_lots) {
      std::string text = std::to_string(lot.valid_bids) +
                         (lot.valid_bids == 1 ? " gyldig tilbud" : " gyldige tilbud") +
                         " ved tilbudsfristen; konkurransen krever minst " +
                         std::to_string(draft_.minimum_bids) + ".";
      // The recorded reason is shown when it says more than the counts above.
      if (!IsBlank(lot.reason) &&
          lot.reason != UnsuccessfulReason(lot.valid_bids, draft_.minimum_bids)) {
        text += " Registrert grunn: " + lot.reason;
      }
      std::string label = "For få tilbud";
      if (!lot.lot_id.empty()) label += " (" + LotText(lot.lot_id) + ")";
      s.entries.push_back({"unsuccessful_lot", label, text, ProtocolSource::kRecord});
    }
    if (!cancelled && tender_.state() == TenderState::kUnsuccessful) {
      Set(s, SectionStatus::kRecorded,
          "Konkurransen fikk for få gyldige tilbud og må avlyses med skriftlig begrunnelse "
          "(FOA § 25-4); avlysningen er ikke registrert ennå.");
      return;
    }
    if (s.entries.empty()) Set(s, SectionStatus::kNotApplicable, "Konkurransen er ikke avlyst.");
  }

  void OtherMatters(ProtocolSection& s) const {
    const auto terms = ProtocolSource::kTenderTerms;
    s.entries.push_back(
        {"tender_state", "Status", std::string(TenderStateLabelNb(tender_.state())), terms});
    AwardModelLock(s);
    IdealReservationEntries(s);
    TimelineWarnings(s);
    QuestionsAndAnswers(s);
    Complaints(s);
    EventLog(s);
  }

  // Every complaint with its handling: the protocol records them (DOMAIN.md §2).
  void Complaints(ProtocolSection& s) const {
    if (tender_.complaints().empty()) return;
    ProtocolTable table{"complaints",
                        "Klager fra leverandører",
                        {"Klage", "Leverandør", "Levert", "Grunnlag", "Utfall", "Behandlet",
                         "Begrunnelse for utfallet"},
                        {},
                        ProtocolSource::kTenderTerms};
    for (const Complaint& c : tender_.complaints()) {
      table.rows.push_back({"Klage " + std::to_string(c.id), c.supplier_name,
                            ProtocolTimeText(c.lodged_at), c.grounds,
                            std::string(ComplaintOutcomeLabelNb(c.outcome)),
                            c.handled_at ? ProtocolTimeText(*c.handled_at) : "Ikke behandlet ennå",
                            c.open() ? "" : c.handling_reasons});
    }
    s.tables.push_back(std::move(table));
  }

  void AwardModelLock(ProtocolSection& s) const {
    const auto terms = ProtocolSource::kTenderTerms;
    const std::optional<LockedAwardModel>& locked = tender_.locked_award_model();
    if (!locked) {
      s.entries.push_back({"award_model_lock", "Tildelingsmodellen",
                           "Ikke låst: modellen låses når konkurransen kunngjøres",
                           ProtocolSource::kStatement});
      return;
    }
    s.entries.push_back(
        {"award_model_sha256", "Tildelingsmodellen låst med SHA-256", locked->sha256, terms});
    s.entries.push_back(
        {"award_model_locked_at", "Låst", ProtocolTimeText(locked->locked_at), terms});
    const Status verified = VerifyAwardModelLock(*locked);
    s.entries.push_back({"award_model_verified", "Kontroll av låsen",
                         verified.ok()
                             ? "Modellen samsvarer med hashen da protokollen ble laget"
                             : "MODELLEN SAMSVARER IKKE MED HASHEN: " + verified.message(),
                         ProtocolSource::kStatement});
    const AwardModel& model = locked->model;
    s.entries.push_back(
        {"price_model", "Prismodell", std::string(PriceModelLabelNb(model.price_model)), terms});
    double total_weight = 0;
    for (const evaluation::Criterion& c : model.criteria) total_weight += c.weight;
    for (const evaluation::Criterion& c : model.criteria) {
      std::string text = c.name.empty() ? c.id : c.name;
      switch (model.weighting) {
        case evaluation::Weighting::kWeights:
          if (total_weight > 0) text += ": " + FormatPercentNb(c.weight / total_weight);
          break;
        case evaluation::Weighting::kPriorityRankOrderCentroid:
          text += ": prioritet " + std::to_string(c.priority);
          break;
        case evaluation::Weighting::kValuePerPoint:
          if (c.kind != evaluation::CriterionKind::kPrice) {
            text +=
                ": " + FormatMoneyNb(Money{c.value_per_point_minor, model.currency}) + " per poeng";
          }
          break;
      }
      s.entries.push_back({"award_criterion", "Tildelingskriterium", text, terms});
    }
  }

  void IdealReservationEntries(ProtocolSection& s) const {
    const std::optional<IdealReservation>& reservation = tender_.ideal_reservation();
    if (!reservation) {
      s.entries.push_back({"ideal_reservation", "Reservert for ideelle organisasjoner", "Nei",
                           ProtocolSource::kTenderTerms});
      return;
    }
    s.entries.push_back(
        {"ideal_reservation", "Reservert for ideelle organisasjoner",
         "Ja, etter " + reservation->legal_basis + ": " + reservation->justification,
         ProtocolSource::kTenderTerms});
    s.entries.push_back({"ideal_reservation_warning", "Advarsel", reservation->warning,
                         ProtocolSource::kTenderTerms});
  }

  void TimelineWarnings(ProtocolSection& s) const {
    bool any = false;
    for (const ParsedEvent& e : events_) {
      auto it = e.details.find("timeline_warnings");
      if (it == e.details.end() || !it->is_array()) continue;
      for (const json& warning : *it) {
        std::string text;
        if (warning.is_string()) {
          text = warning.get<std::string>();
        } else if (warning.is_object()) {
          text = StringOr(warning, "message", "");
        }
        if (IsBlank(text)) continue;
        s.entries.push_back({"timeline_warning",
                             "Advarsel om tidsplanen (" + ProtocolTimeText(e.event->at) + ")", text,
                             ProtocolSource::kEvents});
        any = true;
      }
    }
    if (!any) {
      s.entries.push_back({"timeline_warning", "Advarsler om tidsplanen",
                           "Ingen advarsler er registrert", ProtocolSource::kStatement});
    }
  }

  void QuestionsAndAnswers(ProtocolSection& s) const {
    size_t answered = 0;
    for (const QuestionAnswer& q : record_.questions) {
      if (q.answer) ++answered;
    }
    const size_t asked = record_.questions.size();
    std::string text = std::to_string(asked) + " spørsmål stilt, " + std::to_string(answered) +
                       " besvart og publisert til alle leverandører";
    if (answered < asked) text += ", " + std::to_string(asked - answered) + " ubesvart";
    s.entries.push_back({"questions", "Spørsmål og svar", text, ProtocolSource::kRecord});
  }

  void EventLog(ProtocolSection& s) const {
    if (events_.empty()) {
      s.entries.push_back({"event_log", "Hendelseslogg", "Ingen hendelser er registrert",
                           ProtocolSource::kStatement});
      return;
    }
    ProtocolTable table{"event_log",
                        "Hendelseslogg i registrert rekkefølge",
                        {"Tid", "Aktør", "Handling"},
                        {},
                        ProtocolSource::kEvents};
    for (size_t i = 0; i < events_.size(); ++i) {
      const TenderEvent& e = *events_[i].event;
      if (i > 0 && e.at < events_[i - 1].event->at) {
        // The log's order is the truth of what came first; a clock that went back is reported,
        // not hidden by re-sorting.
        s.entries.push_back({"event_order", "Avvik i hendelsesloggen",
                             "Hendelse " + std::to_string(e.id) +
                                 " har et tidligere tidspunkt enn hendelsen før den",
                             ProtocolSource::kStatement});
      }
      const std::string actor = HidesSupplierUser(tender_.state(), e.action)
                                    ? "leverandør (skjult til tilbudsfristen)"
                                    : e.actor;
      table.rows.push_back(
          {ProtocolTimeText(e.at), actor, std::string(EventActionLabelNb(e.action))});
    }
    s.tables.push_back(std::move(table));
  }

  const TenderRecord& record_;
  const Tender& tender_;
  const TenderDraft& draft_;
  std::vector<ParsedEvent> events_;
  std::map<char, std::vector<Note>> notes_;
};

}  // namespace

std::string_view ProtocolSourceName(ProtocolSource source) {
  switch (source) {
    case ProtocolSource::kTenderTerms:
      return "tender_terms";
    case ProtocolSource::kEvents:
      return "events";
    case ProtocolSource::kRecord:
      return "record";
    case ProtocolSource::kStatement:
      return "statement";
  }
  return "unknown";
}

std::string_view ProtocolSourceLabelNb(ProtocolSource source) {
  switch (source) {
    case ProtocolSource::kTenderTerms:
      return "vilkår og vedtak";
    case ProtocolSource::kEvents:
      return "hendelseslogg";
    case ProtocolSource::kRecord:
      return "registrerte opplysninger";
    case ProtocolSource::kStatement:
      return "protokollens merknad";
  }
  return "ukjent";
}

std::string_view SectionStatusName(SectionStatus status) {
  switch (status) {
    case SectionStatus::kRecorded:
      return "recorded";
    case SectionStatus::kNone:
      return "none";
    case SectionStatus::kNotApplicable:
      return "not_applicable";
    case SectionStatus::kNotRecorded:
      return "not_recorded";
  }
  return "unknown";
}

std::string_view SectionStatusLabelNb(SectionStatus status) {
  switch (status) {
    case SectionStatus::kRecorded:
      return "Registrert";
    case SectionStatus::kNone:
      return "Ingen";
    case SectionStatus::kNotApplicable:
      return "Ikke aktuelt";
    case SectionStatus::kNotRecorded:
      return "Ikke registrert";
  }
  return "Ukjent";
}

const ProtocolSection* Protocol::Section(char letter) const {
  for (const ProtocolSection& s : sections) {
    if (s.letter == letter) return &s;
  }
  return nullptr;
}

std::string_view EventActionLabelNb(std::string_view action) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"tender.create", "Konkurransen opprettet"},
      {"tender.revise", "Utkastet endret"},
      {"tender.publish", "Konkurransen kunngjort og tildelingsmodellen låst"},
      {"tender.close_bidding", "Tilbudsfristen passert og innleveringen stengt"},
      {"tender.open_bids", "Tilbudene åpnet"},
      {"tender.complete_evaluation", "Evalueringen fullført"},
      {"tender.propose_award", "Innstilling om tildeling"},
      {"tender.approve_politically", "Tildelingen godkjent politisk"},
      {"tender.send_award_notice", "Tildelingsbrev sendt; karensperioden begynner"},
      {"tender.sign_contract", "Kontrakten signert"},
      {"tender.cancel", "Konkurransen avlyst"},
      {"bid.submit", "Tilbud levert"},
      {"bid.replace", "Tilbud erstattet med nytt tilbud"},
      {"bid.reject", "Tilbud avvist"},
      {"bid.score", "Tilbud poengsatt"},
      {"question.ask", "Spørsmål stilt"},
      {"question.answer", "Spørsmål besvart og svaret publisert til alle leverandører"},
      {"conflict_of_interest.declare", "Interessekonflikt erklært"},
      {"tender.note", "Notat til protokollen"},
      {"complaint.lodge", "Klage levert av leverandør"},
      {"complaint.handle", "Klage behandlet"},
  };
  for (const auto& [name, label] : kLabels) {
    if (name == action) return label;
  }
  return action;
}

std::string_view ProtocolClause(LegalRegime regime) {
  switch (regime) {
    case LegalRegime::kOutside:
      return "";
    case LegalRegime::kPartI:
      return "§ 7-1";
    case LegalRegime::kPartII:
      return "§ 10-5";
    case LegalRegime::kPartIII:
      return "§ 25-5";
    case LegalRegime::kPartIV:
      return "§ 30-1";
  }
  return "";
}

std::string ProtocolTimeText(Timestamp at) { return FormatOsloTimestamp(at); }

std::string_view TenderStateLabelNb(TenderState state) {
  switch (state) {
    case TenderState::kDraft:
      return "Utkast";
    case TenderState::kPublished:
      return "Kunngjort";
    case TenderState::kBiddingClosed:
      return "Tilbudsfristen er passert";
    case TenderState::kOpened:
      return "Tilbudene er åpnet";
    case TenderState::kEvaluated:
      return "Evaluert";
    case TenderState::kAwardProposed:
      return "Innstilling om tildeling";
    case TenderState::kPoliticalApproval:
      return "Politisk godkjent";
    case TenderState::kStandstill:
      return "Karensperiode";
    case TenderState::kContractSigned:
      return "Kontrakt signert";
    case TenderState::kUnsuccessful:
      return "For få tilbud; avlysning må besluttes";
    case TenderState::kCancelled:
      return "Avlyst";
  }
  return "Ukjent status";
}

Result<Protocol> BuildProtocol(const TenderRecord& record, Timestamp generated_at) {
  if (IsBlank(record.buyer.name)) {
    return InvalidArgument("the protocol needs the buyer's name", "buyer.name");
  }
  const Tender& tender = record.tender;
  if (IsBlank(tender.draft().title)) {
    return InvalidArgument("the protocol needs a tender with a title", "tender.title");
  }
  std::vector<ParsedEvent> events;
  std::map<char, std::vector<Note>> notes;
  events.reserve(record.events.size());
  for (size_t i = 0; i < record.events.size(); ++i) {
    const TenderEvent& e = record.events[i];
    const std::string field = "events[" + std::to_string(i) + "].details_json";
    json details =
        IsBlank(e.details_json) ? json::object() : json::parse(e.details_json, nullptr, false);
    if (details.is_discarded() || !details.is_object()) {
      return InvalidArgument("an event's details must be a JSON object", field);
    }
    if (e.action == "tender.note") {
      const std::string letter_text = StringOr(details, "letter", "p");
      const char letter =
          letter_text.size() == 1
              ? static_cast<char>(std::tolower(static_cast<unsigned char>(letter_text[0])))
              : '?';
      if (letter < kFirstProtocolLetter || letter > kLastProtocolLetter) {
        return InvalidArgument("a note belongs to one of the letters a to p", field + ".letter");
      }
      const std::string text = StringOr(details, "text", "");
      if (!text.empty()) notes[letter].push_back({e.at, e.actor, text});
    }
    events.push_back({&e, std::move(details)});
  }

  Protocol protocol;
  protocol.tender_id = record.id;
  protocol.ocid = record.ocid;
  protocol.title = tender.draft().title;
  protocol.buyer_name = record.buyer.name;
  if (tender.regime() && !ProtocolClause(tender.regime()->regime).empty()) {
    protocol.legal_basis_nb =
        "anskaffelsesforskriften " + std::string(ProtocolClause(tender.regime()->regime));
  }
  protocol.state = tender.state();
  protocol.generated_at = generated_at;
  protocol.sections = ProtocolBuilder(record, std::move(events), std::move(notes)).Build();
  return protocol;
}

}  // namespace samspill::tendering
