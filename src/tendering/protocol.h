// Protocol: the procurement protocol (anskaffelsesprotokoll) of one competition, built from its
// TenderRecord — one section for each letter a–p of FOA § 25-5 (DOMAIN.md §2).
//
// Every letter is always present, in order. When a letter does not apply, nothing happened under
// it, or samspill holds no facts for it, the section says so in words: an auditor must see every
// letter. Every fact is tagged with where it came from (ProtocolSource) — the tender's terms and
// decisions, the event log, the gathered record (bids, awards, questions, candidates) or the
// protocol's own statement — so a reader can check it against its source.
//
// Besides the typed record, the protocol reads these keys of an event's details_json (an object;
// other keys are ignored, as are values of the wrong type):
//   any event                     "timeline_warnings": ["…", …] or [{"message": "…"}, …]  → (p)
//   conflict_of_interest.declare  "person", "description", "remedy" (tiltak)              → (l)
//   tender.note                   "text", and "letter" "a"–"p" (default "p")     → that letter
// Complaints (klage) and their handling come from the tender itself and are listed under (p).
// A note is how the procurement officer records what samspill has no field for (the reason for
// a procedure, the selection of candidates, subcontractors): a letter whose facts are missing
// says "not recorded" until a note for it exists.
//
// Sealed bids: while the tender is a draft or published, the event log names no supplier user
// behind bid events. Times are printed in Norwegian local time ("norsk tid"). Text is plain (not
// escaped); the renderers (protocol_json.h, protocol_html.h) escape it. Plain values and pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "tendering/legal_regime.h"
#include "tendering/tender_record.h"
#include "tendering/tender_state.h"

namespace samspill::tendering {

// Where a fact in the protocol comes from. Exported by name: never renumber.
enum class ProtocolSource {
  kTenderTerms = 1,  // the tender itself: announced terms, regime, locked model, decisions
  kEvents = 2,       // the event log: who did what, when
  kRecord = 3,       // gathered facts: bids, awards, unsuccessful lots, questions, candidates
  kStatement = 4,    // the protocol's own words: "not applicable", "not recorded"
};

// "tender_terms", "events", "record", "statement".
std::string_view ProtocolSourceName(ProtocolSource source);
// "vilkår og vedtak", "hendelseslogg", "registrerte opplysninger", "protokollens merknad".
std::string_view ProtocolSourceLabelNb(ProtocolSource source);

// What a section holds. Exported by name: never renumber.
enum class SectionStatus {
  kRecorded = 1,       // the facts for the letter are listed
  kNone = 2,           // the letter applies, and the record shows nothing under it
  kNotApplicable = 3,  // the letter does not apply to this competition
  kNotRecorded = 4,    // samspill holds no (or not all) facts for it: the statement says what
};

// "recorded", "none", "not_applicable", "not_recorded".
std::string_view SectionStatusName(SectionStatus status);
// "Registrert", "Ingen", "Ikke aktuelt", "Ikke registrert".
std::string_view SectionStatusLabelNb(SectionStatus status);

// One fact: "Oppdragsgiver: Trondheim kommune".
struct ProtocolEntry {
  std::string key;  // stable machine name, e.g. "buyer_name"; may repeat (one per bid, lot …)
  std::string label_nb;
  std::string value;
  ProtocolSource source = ProtocolSource::kRecord;
};

// Rows of facts of one kind (suppliers who tendered, the event log).
struct ProtocolTable {
  std::string key;  // "tenderers", "event_log", …
  std::string caption_nb;
  std::vector<std::string> columns_nb;
  std::vector<std::vector<std::string>> rows;  // each as long as columns_nb
  ProtocolSource source = ProtocolSource::kRecord;
};

struct ProtocolSection {
  char letter = 'a';  // 'a'–'p'
  std::string heading_nb;
  std::string heading_en;
  SectionStatus status = SectionStatus::kRecorded;
  std::string statement_nb;  // set unless the facts speak for themselves
  std::vector<ProtocolEntry> entries;
  std::vector<ProtocolTable> tables;
};

inline constexpr char kFirstProtocolLetter = 'a';
inline constexpr char kLastProtocolLetter = 'p';
inline constexpr int kProtocolLetterCount = kLastProtocolLetter - kFirstProtocolLetter + 1;

struct Protocol {
  int64_t tender_id = 0;
  std::string ocid;
  std::string title;
  std::string buyer_name;
  // The clause of the regime's part that requires the protocol ("anskaffelsesforskriften
  // § 25-5"), from ProtocolClause(); empty before publication decides the part.
  std::string legal_basis_nb;
  TenderState state = TenderState::kDraft;
  Timestamp generated_at;
  std::vector<ProtocolSection> sections;  // kProtocolLetterCount of them, 'a' to 'p' in order

  // The section of `letter`, or nullptr for a letter outside a–p.
  const ProtocolSection* Section(char letter) const;
};

// Builds the protocol as of `generated_at` (from a Clock). InvalidArgument, field named, when the
// record cannot give a protocol: a blank buyer name ("buyer.name") or tender title
// ("tender.title"), an event whose details_json is not a JSON object ("events[3].details_json"),
// or a note for a letter outside a–p ("events[3].details_json.letter").
Result<Protocol> BuildProtocol(const TenderRecord& record, Timestamp generated_at);

// The clause that sets the protocol's content in each part of FOA: part I § 7-1, part II § 10-5,
// part III § 25-5, part IV § 30-1 ("§ 25-5"); "" below the LOA lower limit. The four clause
// numbers are confirmed (regjeringen.no lists "§§ 7-1, 10-5, 25-5 og 30-1" as the protocol
// requirements); which part each belongs to is read from its chapter as DOMAIN.md places its
// neighbours (§ 10-2 in part II, § 25-2 in part III, chapter 30 in part IV) and was not checked
// against the regulation text. Nor was anskaffelser.no's remark that part I does not use the
// word "protokoll" (§ 7-1 may ask for documentation rather than a protocol). The letters a–p are
// § 25-5's list; whether §§ 7-1, 10-5 and 30-1 ask for fewer was not confirmed, so every
// protocol shows all sixteen.
std::string_view ProtocolClause(LegalRegime regime);

// Norwegian words for an event's action ("tender.publish" → "Konkurransen kunngjort"); every
// action name listed in tender_record.h has one. Any other name is returned as it is.
std::string_view EventActionLabelNb(std::string_view action);

// "Utkast", "Kunngjort", … "Avlyst".
std::string_view TenderStateLabelNb(TenderState state);

// How the protocol prints an instant: Norwegian local time to the second,
// "2025-09-19 12:00:00 norsk tid" (the deadline 10:00 UTC in September).
std::string ProtocolTimeText(Timestamp at);

}  // namespace samspill::tendering
