#include "tendering/protocol.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "tendering/ocds_sample_records.h"
#include "tendering/protocol_html.h"
#include "tendering/protocol_json.h"

namespace samspill::tendering {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;
using ::testing::HasSubstr;
using ::testing::Not;

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }
Date D(const char* iso) { return *ParseIsoDate(iso); }
Money Nok(int64_t kroner) { return Money{kroner * 100, "NOK"}; }

const OrganisationRef kTrondheim{1, "Trondheim kommune", "942110464"};

// Closes an undivided tender (lot key "") with `valid_bids` bids received.
Status CloseBidding(Tender& tender, Timestamp now, int valid_bids) {
  return tender.CloseBidding(now, {{"", valid_bids}});
}

void ExpectOk(const Status& status) { EXPECT_TRUE(status.ok()) << status.ToString(); }

TenderEvent Event(int64_t id, const char* at, std::string actor, std::string action,
                  std::string details = "{}") {
  return TenderEvent{id, T(at), std::move(actor), std::move(action), std::move(details)};
}

const ProtocolEntry* FindEntry(const ProtocolSection& s, std::string_view key) {
  for (const ProtocolEntry& e : s.entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::vector<const ProtocolEntry*> Entries(const ProtocolSection& s, std::string_view key) {
  std::vector<const ProtocolEntry*> found;
  for (const ProtocolEntry& e : s.entries) {
    if (e.key == key) found.push_back(&e);
  }
  return found;
}

const ProtocolTable* FindTable(const ProtocolSection& s, std::string_view key) {
  for (const ProtocolTable& t : s.tables) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

// ---- Seed 000: Trondheim's care homes (BoA), one bid, cancelled. ----

constexpr char kCareHomeCancellation[] =
    "Kun én leverandør leverte tilbud. Ett tilbud gir ikke grunnlag for reell konkurranse, og "
    "konkurransen avlyses (FOA § 25-4).";

TenderDraft CareHomeDraft() { return tendering::testing::SeedCareHomeDraft(); }

// Runs the care-home tender through the public Tender API: published with the Norwegian
// thresholds, one bid at the deadline (unsuccessful), cancelled with reasons. Returns the
// timeline warnings publication gave, as the publish event records them.
Tender RunCareHomeTender(TenderDraft draft, nlohmann::json& timeline_warnings) {
  Tender tender = Tender::CreateDraft(std::move(draft)).value();
  auto findings = tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway());
  EXPECT_TRUE(findings.ok()) << findings.status().ToString();
  timeline_warnings = nlohmann::json::array();
  for (const TimelineFinding& f : findings.value()) {
    if (f.severity == Severity::kWarning) timeline_warnings.push_back(f.message);
  }
  ExpectOk(CloseBidding(tender, T("2025-09-19T10:00:00Z"), 1));
  EXPECT_EQ(tender.state(), TenderState::kUnsuccessful);
  ExpectOk(tender.Cancel(T("2025-09-22T10:00:00Z"), kCareHomeCancellation));
  return tender;
}

TenderRecord CareHomeRecord(TenderDraft draft = CareHomeDraft()) {
  nlohmann::json warnings;
  TenderRecord r;
  r.id = 17;
  r.ocid = "ocds-abc123-17";
  r.buyer = kTrondheim;
  r.tender = RunCareHomeTender(std::move(draft), warnings);
  r.created_at = T("2025-08-15T08:00:00Z");
  r.candidates = {{11, "Omsorgspartner AS", "910000047"},
                  {12, "Heldøgns Drift AS", "910000055"},
                  {13, "Ideell Omsorg", "910000063"}};
  SubmittedBid bid;
  bid.id = 1;
  bid.supplier = r.candidates[0];
  bid.received_at = T("2025-09-18T14:30:00Z");
  bid.price = Nok(395'000'000);
  bid.summary = "Drift av enheten med videreføring av lønns- og personalgoder";
  r.bids = {bid};
  r.questions = {{1, "", "Hvilken pensjonsordning forventes?", T("2025-08-28T10:00:00Z"), 11,
                  "En innskuddsbasert ordning som i størst mulig grad tilsvarer den kommunale.",
                  T("2025-08-29T12:00:00Z")}};
  r.unsuccessful_lots = {{"", 1, UnsuccessfulReason(1, 2)}};
  r.events = {
      Event(1, "2025-08-15T08:00:00Z", "innkjoper.boa", "tender.create"),
      Event(2, "2025-08-21T09:00:00Z", "innkjoper.boa", "tender.publish",
            nlohmann::json{{"timeline_warnings", warnings}}.dump()),
      Event(3, "2025-08-21T09:05:00Z", "innkjoper.boa", "tender.note",
            nlohmann::json{{"letter", "d"},
                           {"text",
                            "FOA del IV gir fleksibilitet og dialog med markedet, og den endelige "
                            "løsningen kan formes gjennom prosessen."}}
                .dump()),
      Event(4, "2025-08-28T10:00:00Z", "lev.omsorgspartner", "question.ask"),
      Event(5, "2025-08-29T12:00:00Z", "innkjoper.boa", "question.answer"),
      Event(6, "2025-09-18T14:30:00Z", "lev.omsorgspartner", "bid.submit", R"({"bid_id": 1})"),
      Event(7, "2025-09-19T10:00:00Z", "system", "tender.close_bidding"),
      Event(8, "2025-09-22T10:00:00Z", "innkjoper.boa", "tender.cancel"),
  };
  return r;
}

// ---- Seed 004: Trondheim's cleaning services, social criteria 30 %, three bids. ----

constexpr char kRejection[] =
    "Vesentlig avvik fra kravspesifikasjonen: tilbudet omfatter ikke renhold av helsebygg.";

TenderDraft CleaningDraft() {
  TenderDraft d;
  d.title = "Renholdstjenester for kommunale bygg";
  d.description = "Renhold av skoler, barnehager og helsebygg med sosiale kriterier.";
  d.cpv_code = "90910000-9";
  d.estimated_value = Nok(24'000'000);
  d.why_not_divided = "Ett renholdsoppdrag gir én ansvarlig leverandør for alle byggene";
  d.timeline.Set(Milestone::kPublication, D("2025-01-06"));
  d.bid_deadline = T("2025-02-14T12:00:00+01:00");
  d.award_model.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 40},
                            Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 30},
                            Criterion{"sosialt", "Sosiale forhold", CriterionKind::kSocial, 30}};
  return d;
}

Tender RunCleaningTender() {
  Tender tender = Tender::CreateDraft(CleaningDraft()).value();
  EXPECT_TRUE(tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  ExpectOk(CloseBidding(tender, T("2025-02-14T11:00:00Z"), 3));
  ExpectOk(tender.Advance(TenderAction::kOpenBids, T("2025-02-14T11:05:00Z")));
  ExpectOk(tender.Advance(TenderAction::kCompleteEvaluation, T("2025-03-03T12:00:00Z")));
  ExpectOk(tender.Advance(TenderAction::kProposeAward, T("2025-03-04T12:00:00Z")));
  ExpectOk(tender.Advance(TenderAction::kSendAwardNotice, T("2025-03-05T09:00:00Z")));
  ExpectOk(tender.Advance(TenderAction::kSignContract, T("2025-03-16T08:00:00Z")));
  EXPECT_EQ(tender.state(), TenderState::kContractSigned);
  return tender;
}

TenderRecord CleaningRecord() {
  TenderRecord r;
  r.id = 4;
  r.ocid = "ocds-abc123-4";
  r.buyer = kTrondheim;
  r.tender = RunCleaningTender();
  r.created_at = T("2024-12-10T09:00:00Z");
  const OrganisationRef iss{21, "ISS Facility Services AS", "910000012"};
  const OrganisationRef insider{22, "Insider Facility Services AS", "910000020"};
  const OrganisationRef rent{23, "Rent & Pent AS", "910000039"};
  SubmittedBid a{
      .id = 1, .supplier = iss, .received_at = T("2025-02-13T09:12:00Z"), .price = Nok(22'100'000)};
  SubmittedBid b{.id = 2,
                 .supplier = insider,
                 .received_at = T("2025-02-14T10:58:00Z"),
                 .version = 2,
                 .price = Nok(23'400'000)};
  SubmittedBid c{.id = 3,
                 .supplier = rent,
                 .received_at = T("2025-02-12T15:00:00Z"),
                 .price = Nok(19'800'000),
                 .status = BidStatus::kRejected,
                 .rejection_reason = kRejection};
  r.bids = {a, b, c};
  r.questions = {
      {1, "", "Gjelder kravet om språkopplæring alle nyansatte?", T("2025-01-20T10:00:00Z"), 22,
       "Ja, alle nyansatte i oppdraget.", T("2025-01-21T10:00:00Z")},
      {2, "", "Kan befaring avtales?", T("2025-02-10T10:00:00Z"), 21, std::nullopt, std::nullopt}};
  r.awards = {{"", 1, iss, Nok(22'100'000), 8.6249,
               "Beste forhold mellom pris og kvalitet: lavest pris av de gyldige tilbudene og "
               "høyest kvalitet. Sosiale forhold (30 %) skilte ikke tilbudene: alle fikk høy "
               "score."}};
  r.events = {
      Event(1, "2024-12-10T09:00:00Z", "innkjoper", "tender.create"),
      Event(2, "2024-12-20T09:00:00Z", "innkjoper", "tender.revise"),
      Event(3, "2025-01-06T08:00:00Z", "innkjoper", "tender.publish"),
      Event(4, "2025-01-20T10:00:00Z", "lev.insider", "question.ask"),
      Event(5, "2025-01-21T10:00:00Z", "innkjoper", "question.answer"),
      Event(6, "2025-02-10T10:00:00Z", "lev.iss", "question.ask"),
      Event(7, "2025-02-12T15:00:00Z", "lev.rent", "bid.submit"),
      Event(8, "2025-02-13T09:12:00Z", "lev.iss", "bid.submit"),
      Event(9, "2025-02-14T09:00:00Z", "lev.insider", "bid.submit"),
      Event(10, "2025-02-14T10:58:00Z", "lev.insider", "bid.replace"),
      Event(11, "2025-02-14T11:00:00Z", "system", "tender.close_bidding"),
      Event(12, "2025-02-14T11:05:00Z", "innkjoper", "tender.open_bids"),
      Event(
          13, "2025-02-17T08:00:00Z", "fagleder", "conflict_of_interest.declare",
          nlohmann::json{{"person", "Evaluator K. N."},
                         {"description", "Nær familie er ansatt hos Insider Facility Services AS"},
                         {"remedy", "Trådte ut av evalueringen; ny evaluator ble oppnevnt"}}
              .dump()),
      Event(14, "2025-02-18T08:00:00Z", "innkjoper", "bid.reject", R"({"bid_id": 3})"),
      Event(15, "2025-02-25T08:00:00Z", "fagleder", "bid.score"),
      Event(16, "2025-03-03T12:00:00Z", "innkjoper", "tender.complete_evaluation"),
      Event(17, "2025-03-04T12:00:00Z", "innkjoper", "tender.propose_award"),
      Event(18, "2025-03-05T09:00:00Z", "innkjoper", "tender.send_award_notice"),
      Event(19, "2025-03-16T08:00:00Z", "innkjoper", "tender.sign_contract"),
      Event(20, "2025-03-17T08:00:00Z", "innkjoper", "tender.note",
            R"({"text": "Anbudspilot for sosiale, bærekraftige anskaffelser."})"),
  };
  return r;
}

Protocol Build(const TenderRecord& record) {
  Result<Protocol> protocol = BuildProtocol(record, T("2025-10-01T08:00:00Z"));
  EXPECT_TRUE(protocol.ok()) << protocol.status().ToString();
  return std::move(protocol).value();
}

TEST(Protocol, HasEveryLetterFromAToPInOrderAndNoneIsSilent) {
  for (const TenderRecord& record : {CareHomeRecord(), CleaningRecord()}) {
    const Protocol p = Build(record);
    ASSERT_EQ(p.sections.size(), 16u);
    for (int i = 0; i < 16; ++i) {
      const ProtocolSection& s = p.sections[i];
      EXPECT_EQ(s.letter, static_cast<char>('a' + i));
      EXPECT_FALSE(s.heading_nb.empty()) << s.letter;
      EXPECT_FALSE(s.heading_en.empty()) << s.letter;
      // An auditor must see what each letter holds, or a sentence saying why it holds nothing.
      EXPECT_TRUE(!s.statement_nb.empty() || !s.entries.empty() || !s.tables.empty()) << s.letter;
      if (s.status != SectionStatus::kRecorded) {
        EXPECT_FALSE(s.statement_nb.empty()) << s.letter;
      }
      EXPECT_EQ(p.Section(s.letter), &s);
    }
    EXPECT_EQ(p.Section('q'), nullptr);
    EXPECT_EQ(p.buyer_name, "Trondheim kommune");
    EXPECT_EQ(p.generated_at, T("2025-10-01T08:00:00Z"));
  }
}

TEST(Protocol, CareHomeTenderCancelledAfterOneBidStatesWhy) {
  const TenderRecord record = CareHomeRecord();
  const Protocol p = Build(record);
  EXPECT_EQ(p.state, TenderState::kCancelled);

  const ProtocolSection& a = *p.Section('a');
  EXPECT_EQ(FindEntry(a, "buyer_name")->value, "Trondheim kommune");
  EXPECT_EQ(FindEntry(a, "buyer_org_number")->value, "942 110 464");

  const ProtocolSection& b = *p.Section('b');
  EXPECT_EQ(FindEntry(b, "title")->value, "Drift av bo- og aktivitetstilbud (BoA)");
  EXPECT_EQ(FindEntry(b, "category")->value, "Helse- og sosialtjenester");
  EXPECT_EQ(FindEntry(b, "estimated_value")->value,
            "kr 400 000 000 ekskl. mva., medregnet opsjoner og forlengelser");
  EXPECT_EQ(FindEntry(b, "staff_years")->value, "100 årsverk");
  EXPECT_EQ(FindEntry(b, "legal_regime")->value, "FOA del IV kapittel 30");
  EXPECT_EQ(FindEntry(b, "legal_regime")->source, ProtocolSource::kTenderTerms);
  EXPECT_THAT(FindEntry(b, "legal_regime_explanation")->value, HasSubstr("kr 7 800 000"));
  EXPECT_THAT(FindEntry(b, "published")->value,
              HasSubstr("21. august 2025 kl. 11:00:00 norsk tid"));

  EXPECT_EQ(FindEntry(*p.Section('c'), "why_not_divided")->value,
            "Ett samlet tilbud gir faglig helhet for beboerne");

  // (d): the procedure is a tender term, its reason came in a note from the event log.
  const ProtocolSection& d = *p.Section('d');
  EXPECT_EQ(d.status, SectionStatus::kRecorded);
  EXPECT_THAT(FindEntry(d, "procedure")->value, HasSubstr("FOA del IV"));
  ASSERT_NE(FindEntry(d, "note"), nullptr);
  EXPECT_THAT(FindEntry(d, "note")->value, HasSubstr("dialog med markedet"));
  EXPECT_EQ(FindEntry(d, "note")->source, ProtocolSource::kEvents);

  EXPECT_EQ(p.Section('e')->status, SectionStatus::kNotApplicable);
  EXPECT_EQ(p.Section('f')->status, SectionStatus::kNotApplicable);
  EXPECT_EQ(FindEntry(*p.Section('f'), "electronic_submission_required")->value, "Ja");

  const ProtocolTable* candidates = FindTable(*p.Section('g'), "candidates");
  ASSERT_NE(candidates, nullptr);
  EXPECT_EQ(candidates->rows.size(), 3u);
  EXPECT_EQ(p.Section('h')->status, SectionStatus::kNotRecorded);
  EXPECT_THAT(p.Section('h')->statement_nb, HasSubstr("notat til bokstav h"));

  const ProtocolSection& i = *p.Section('i');
  const ProtocolTable* tenderers = FindTable(i, "tenderers");
  ASSERT_NE(tenderers, nullptr);
  EXPECT_EQ(tenderers->columns_nb,
            (std::vector<std::string>{"Leverandør", "Org.nr.", "Mottatt", "Versjon"}));
  ASSERT_EQ(tenderers->rows.size(), 1u);
  EXPECT_EQ(tenderers->rows[0],
            (std::vector<std::string>{"Omsorgspartner AS", "910 000 047",
                                      "18. september 2025 kl. 16:30:00 norsk tid", "1"}));
  EXPECT_EQ(FindEntry(i, "bid_deadline")->value, "19. september 2025 kl. 12:00:00 norsk tid");

  EXPECT_EQ(p.Section('j')->status, SectionStatus::kNone);
  EXPECT_EQ(p.Section('k')->status, SectionStatus::kNone);
  EXPECT_EQ(p.Section('l')->status, SectionStatus::kNone);

  const ProtocolSection& m = *p.Section('m');
  EXPECT_EQ(m.status, SectionStatus::kNotApplicable);
  EXPECT_THAT(m.statement_nb, HasSubstr("avlyst"));
  EXPECT_EQ(p.Section('n')->status, SectionStatus::kNotApplicable);

  const ProtocolSection& o = *p.Section('o');
  EXPECT_EQ(o.status, SectionStatus::kRecorded);
  ASSERT_NE(FindEntry(o, "cancellation_reason"), nullptr);
  EXPECT_EQ(FindEntry(o, "cancellation_reason")->value, kCareHomeCancellation);
  EXPECT_EQ(FindEntry(o, "cancellation_reason")->source, ProtocolSource::kTenderTerms);
  EXPECT_EQ(FindEntry(o, "cancelled")->value,
            "22. september 2025 kl. 12:00:00 norsk tid, innkjoper.boa");
  EXPECT_EQ(FindEntry(o, "cancelled")->source, ProtocolSource::kEvents);
  const ProtocolEntry* too_few = FindEntry(o, "unsuccessful_lot");
  ASSERT_NE(too_few, nullptr);
  EXPECT_THAT(too_few->value, HasSubstr("1 gyldig tilbud ved tilbudsfristen"));
  EXPECT_THAT(too_few->value, HasSubstr("minst 2"));
  EXPECT_EQ(too_few->source, ProtocolSource::kRecord);

  const ProtocolSection& pp = *p.Section('p');
  const LockedAwardModel& lock = *record.tender.locked_award_model();
  EXPECT_EQ(FindEntry(pp, "award_model_sha256")->value, lock.sha256);
  EXPECT_EQ(lock.sha256.size(), 64u);
  EXPECT_EQ(FindEntry(pp, "award_model_locked_at")->value,
            "21. august 2025 kl. 11:00:00 norsk tid");
  EXPECT_THAT(FindEntry(pp, "award_model_verified")->value, HasSubstr("samsvarer med hashen"));
  EXPECT_EQ(FindEntry(pp, "ideal_reservation")->value, "Nei");
  // Seed 000: 29 days from sending to the deadline for ~100 årsverk.
  const std::vector<const ProtocolEntry*> warnings = Entries(pp, "timeline_warning");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0]->value, HasSubstr("29 days"));
  EXPECT_EQ(warnings[0]->source, ProtocolSource::kEvents);
  EXPECT_EQ(FindEntry(pp, "questions")->value,
            "1 spørsmål stilt, 1 besvart og publisert til alle leverandører");

  const ProtocolTable* log = FindTable(pp, "event_log");
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->source, ProtocolSource::kEvents);
  ASSERT_EQ(log->rows.size(), record.events.size());
  EXPECT_EQ(log->rows.front(),
            (std::vector<std::string>{"15. august 2025 kl. 10:00:00 norsk tid", "innkjoper.boa",
                                      "Konkurransen opprettet"}));
  EXPECT_EQ(log->rows.back()[2], "Konkurransen avlyst");
  // After the deadline, who submitted a bid is part of the record.
  EXPECT_EQ(log->rows[5][1], "lev.omsorgspartner");
  EXPECT_EQ(FindEntry(pp, "event_order"), nullptr);
}

TEST(Protocol, CleaningTenderShowsTheRejectedTenderAndTheChosenOne) {
  const Protocol p = Build(CleaningRecord());
  EXPECT_EQ(p.state, TenderState::kContractSigned);
  EXPECT_EQ(FindEntry(*p.Section('b'), "legal_regime")->value, "FOA del III");
  EXPECT_EQ(p.Section('d')->status, SectionStatus::kNotApplicable);
  EXPECT_EQ(p.Section('g')->status, SectionStatus::kNotApplicable);
  EXPECT_EQ(p.Section('h')->status, SectionStatus::kNotApplicable);

  // (i): in order of receipt, the replaced bid marked.
  const ProtocolTable& tenderers = *FindTable(*p.Section('i'), "tenderers");
  ASSERT_EQ(tenderers.rows.size(), 3u);
  EXPECT_EQ(tenderers.rows[0][0], "Rent & Pent AS");
  EXPECT_EQ(tenderers.rows[1][0], "ISS Facility Services AS");
  EXPECT_EQ(tenderers.rows[2],
            (std::vector<std::string>{"Insider Facility Services AS", "910 000 020",
                                      "14. februar 2025 kl. 11:58:00 norsk tid",
                                      "2 (erstattet 1 gang)"}));

  // The one rejection concerns the tender (a deviation from the specification), not the
  // supplier: (k) lists it, (j) does not.
  EXPECT_EQ(p.Section('j')->status, SectionStatus::kNone);
  EXPECT_EQ(FindTable(*p.Section('j'), "rejected_suppliers"), nullptr);

  const ProtocolSection& k = *p.Section('k');
  EXPECT_EQ(k.status, SectionStatus::kRecorded);
  const ProtocolTable& rejected = *FindTable(k, "rejected_tenders");
  ASSERT_EQ(rejected.rows.size(), 1u);
  EXPECT_EQ(rejected.rows[0], (std::vector<std::string>{"Tilbud 3", "Rent & Pent AS",
                                                        "12. februar 2025 kl. 16:00:00 norsk tid",
                                                        "hele kontrakten", kRejection}));
  EXPECT_EQ(rejected.source, ProtocolSource::kRecord);

  const ProtocolTable& conflicts = *FindTable(*p.Section('l'), "conflicts_of_interest");
  ASSERT_EQ(conflicts.rows.size(), 1u);
  EXPECT_EQ(conflicts.rows[0][2], "Evaluator K. N.");
  EXPECT_EQ(conflicts.rows[0][4], "Trådte ut av evalueringen; ny evaluator ble oppnevnt");
  EXPECT_EQ(conflicts.source, ProtocolSource::kEvents);

  const ProtocolSection& m = *p.Section('m');
  EXPECT_EQ(m.status, SectionStatus::kRecorded);
  EXPECT_EQ(FindEntry(m, "chosen_supplier")->value,
            "ISS Facility Services AS (org.nr. 910 000 012)");
  EXPECT_EQ(FindEntry(m, "bid_price")->value, "kr 22 100 000 ekskl. mva.");
  EXPECT_EQ(FindEntry(m, "total_score")->value, "8,62");
  EXPECT_THAT(FindEntry(m, "award_reasons")->value, HasSubstr("skilte ikke tilbudene"));
  EXPECT_EQ(FindEntry(m, "contract_value")->value, "kr 22 100 000 ekskl. mva.");
  EXPECT_EQ(FindEntry(m, "award_notice")->value, "5. mars 2025 kl. 10:00:00 norsk tid, innkjoper");
  EXPECT_EQ(FindEntry(m, "standstill_end")->value, "15. mars 2025");
  EXPECT_EQ(FindEntry(m, "contract_signed")->value,
            "16. mars 2025 kl. 09:00:00 norsk tid, innkjoper");
  EXPECT_EQ(FindEntry(m, "contract_signed")->source, ProtocolSource::kEvents);

  const ProtocolSection& n = *p.Section('n');
  EXPECT_EQ(n.status, SectionStatus::kNotRecorded);
  EXPECT_THAT(n.statement_nb, HasSubstr("underleverandører"));

  const ProtocolSection& o = *p.Section('o');
  EXPECT_EQ(o.status, SectionStatus::kNotApplicable);
  EXPECT_EQ(o.statement_nb, "Konkurransen er ikke avlyst.");

  const ProtocolSection& pp = *p.Section('p');
  std::vector<std::string> criteria;
  for (const ProtocolEntry* e : Entries(pp, "award_criterion")) criteria.push_back(e->value);
  EXPECT_EQ(criteria,
            (std::vector<std::string>{"Pris: 40 %", "Kvalitet: 30 %", "Sosiale forhold: 30 %"}));
  EXPECT_EQ(FindEntry(pp, "questions")->value,
            "2 spørsmål stilt, 1 besvart og publisert til alle leverandører, 1 ubesvart");
  EXPECT_EQ(FindEntry(pp, "timeline_warning")->source, ProtocolSource::kStatement);
  EXPECT_EQ(FindEntry(pp, "note")->value, "Anbudspilot for sosiale, bærekraftige anskaffelser.");
  EXPECT_EQ(FindEntry(pp, "tender_state")->value, "Kontrakt signert");
  const ProtocolTable& log = *FindTable(pp, "event_log");
  EXPECT_EQ(log.rows[12][2], "Interessekonflikt erklært");
  EXPECT_EQ(log.rows[19][2], "Notat til protokollen");
}

TEST(Protocol, LotsIdealReservationAndExceptionsAreListed) {
  TenderDraft d = CareHomeDraft();
  d.lots = {{"1", "Bofellesskap Øst", Nok(200'000'000)},
            {"2", "Bofellesskap Vest", Nok(200'000'000)}};
  d.ideal_reservation_justification = "Prøveprosjekt med ideelle aktører";
  d.profile.electronic_submission_required = false;
  TenderRecord record;
  record.buyer = kTrondheim;
  record.tender = Tender::CreateDraft(d).value();
  ASSERT_TRUE(record.tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway()).ok());
  const Protocol p = Build(record);

  const ProtocolSection& c = *p.Section('c');
  EXPECT_EQ(c.status, SectionStatus::kRecorded);
  const std::vector<const ProtocolEntry*> lots = Entries(c, "lot");
  ASSERT_EQ(lots.size(), 2u);
  EXPECT_EQ(lots[0]->label_nb, "Delkontrakt 1");
  EXPECT_EQ(lots[0]->value, "Bofellesskap Øst, anslått verdi kr 200 000 000");

  EXPECT_EQ(p.Section('f')->status, SectionStatus::kNotRecorded);
  EXPECT_EQ(FindEntry(*p.Section('f'), "electronic_submission_required")->value, "Nei");

  const ProtocolSection& pp = *p.Section('p');
  EXPECT_THAT(FindEntry(pp, "ideal_reservation")->value,
              HasSubstr("FOA § 30-2a: Prøveprosjekt med ideelle aktører"));
  EXPECT_THAT(FindEntry(pp, "ideal_reservation_warning")->value, HasSubstr("ESA"));

  // Published, deadline not passed: the bids are sealed and nobody is named.
  EXPECT_EQ(p.Section('i')->status, SectionStatus::kNotRecorded);
  EXPECT_THAT(p.Section('i')->statement_nb, HasSubstr("forseglet"));
  EXPECT_EQ(p.Section('m')->status, SectionStatus::kNotRecorded);
  EXPECT_EQ(p.Section('o')->status, SectionStatus::kNotApplicable);
}

TEST(Protocol, TheLogHidesWhoIsBiddingUntilTheDeadline) {
  TenderRecord record;
  record.buyer = kTrondheim;
  record.tender = Tender::CreateDraft(CleaningDraft()).value();
  ASSERT_TRUE(record.tender.Publish(T("2025-01-06T08:00:00Z"), ThresholdTable::Norway()).ok());
  record.events = {Event(1, "2025-01-06T08:00:00Z", "innkjoper", "tender.publish"),
                   Event(2, "2025-01-20T10:00:00Z", "lev.insider", "question.ask"),
                   Event(3, "2025-02-12T15:00:00Z", "lev.rent", "bid.submit"),
                   Event(4, "2025-02-13T15:00:00Z", "lev.rent", "bid.replace")};
  const Protocol p = Build(record);
  const ProtocolTable& log = *FindTable(*p.Section('p'), "event_log");
  ASSERT_EQ(log.rows.size(), 4u);
  EXPECT_EQ(log.rows[0][1], "innkjoper");
  for (size_t row = 1; row < 4; ++row) {
    EXPECT_EQ(log.rows[row][1], "leverandør (skjult til tilbudsfristen)");
  }
  const std::string json = ProtocolToJson(p).dump();
  EXPECT_THAT(json, Not(HasSubstr("lev.rent")));
  EXPECT_THAT(json, Not(HasSubstr("lev.insider")));
}

TEST(Protocol, AnUnsuccessfulTenderAsksForTheCancellationDecision) {
  TenderRecord record;
  record.buyer = kTrondheim;
  record.tender = Tender::CreateDraft(CareHomeDraft()).value();
  ASSERT_TRUE(record.tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway()).ok());
  ExpectOk(CloseBidding(record.tender, T("2025-09-19T10:00:00Z"), 1));
  record.unsuccessful_lots = {{"", 1, UnsuccessfulReason(1, 2)}};
  const Protocol p = Build(record);
  const ProtocolSection& o = *p.Section('o');
  EXPECT_EQ(o.status, SectionStatus::kRecorded);
  EXPECT_THAT(o.statement_nb, HasSubstr("må avlyses med skriftlig begrunnelse"));
  EXPECT_EQ(FindEntry(o, "cancellation_reason"), nullptr);
  EXPECT_EQ(FindEntry(o, "unsuccessful_lot")->value,
            "1 gyldig tilbud ved tilbudsfristen; konkurransen krever minst 2.");
  // A reason that says more than the counts is shown as recorded.
  record.unsuccessful_lots[0].reason = "Tilbyder trakk tilbudet sitt";
  EXPECT_THAT(FindEntry(*Build(record).Section('o'), "unsuccessful_lot")->value,
              HasSubstr("Registrert grunn: Tilbyder trakk tilbudet sitt"));
  // The bids were not opened: the count is known, the names are not.
  EXPECT_EQ(p.Section('i')->status, SectionStatus::kNotRecorded);
  EXPECT_THAT(p.Section('i')->statement_nb, HasSubstr("1 gyldig tilbud kom inn"));
}

TEST(Protocol, EventsOutOfTimeOrderAreReportedNotResorted) {
  TenderRecord record = CleaningRecord();
  std::swap(record.events[3].at, record.events[4].at);
  const Protocol p = Build(record);
  const ProtocolSection& pp = *p.Section('p');
  ASSERT_NE(FindEntry(pp, "event_order"), nullptr);
  EXPECT_THAT(FindEntry(pp, "event_order")->value, HasSubstr("Hendelse 5"));
  EXPECT_EQ(FindTable(pp, "event_log")->rows[4][2], EventActionLabelNb("question.answer"));
}

TEST(Protocol, RefusesARecordItCannotReport) {
  TenderRecord no_buyer = CleaningRecord();
  no_buyer.buyer.name = " ";
  EXPECT_EQ(BuildProtocol(no_buyer, T("2025-10-01T08:00:00Z")).status().field(), "buyer.name");

  TenderRecord placeholder;
  placeholder.buyer = kTrondheim;
  EXPECT_EQ(BuildProtocol(placeholder, T("2025-10-01T08:00:00Z")).status().field(), "tender.title");

  TenderRecord bad_json = CleaningRecord();
  bad_json.events[1].details_json = "{not json";
  Result<Protocol> refused = BuildProtocol(bad_json, T("2025-10-01T08:00:00Z"));
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "events[1].details_json");
  bad_json.events[1].details_json = "[1, 2]";
  EXPECT_EQ(BuildProtocol(bad_json, T("2025-10-01T08:00:00Z")).status().field(),
            "events[1].details_json");

  TenderRecord bad_letter = CleaningRecord();
  bad_letter.events.back().details_json = R"({"letter": "q", "text": "?"})";
  EXPECT_EQ(BuildProtocol(bad_letter, T("2025-10-01T08:00:00Z")).status().field(),
            "events[19].details_json.letter");

  TenderRecord empty_details = CleaningRecord();
  empty_details.events[0].details_json = "";  // read as {}
  EXPECT_TRUE(BuildProtocol(empty_details, T("2025-10-01T08:00:00Z")).ok());
}

// Every action name tender_record.h lists must print in Norwegian words.
TEST(EventActionLabelNb, CoversEveryActionNameTheRecordLists) {
  std::ifstream header(SAMSPILL_SOURCE_DIR "/src/tendering/tender_record.h");
  ASSERT_TRUE(header) << "cannot read tender_record.h";
  std::stringstream text;
  text << header.rdbuf();
  const std::string content = text.str();
  const size_t start = content.find("`action` names are stable:");
  const size_t end = content.find("`details_json`", start);
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const std::string list = content.substr(start, end - start);
  const std::regex name(R"([a-z_]+\.[a-z_]+)");
  std::set<std::string> actions;
  for (auto it = std::sregex_iterator(list.begin(), list.end(), name); it != std::sregex_iterator();
       ++it) {
    actions.insert(it->str());
  }
  EXPECT_EQ(actions.size(), 21u);
  std::set<std::string_view> labels;
  for (const std::string& action : actions) {
    const std::string_view label = EventActionLabelNb(action);
    EXPECT_NE(label, action) << action << " has no Norwegian label";
    labels.insert(label);
  }
  EXPECT_EQ(labels.size(), actions.size()) << "two actions share a label";
  EXPECT_EQ(EventActionLabelNb("tender.reopen"), "tender.reopen");
}

TEST(ProtocolToJson, CarriesEverySectionWithStableNames) {
  const Protocol p = Build(CareHomeRecord());
  const nlohmann::json j = ProtocolToJson(p);
  EXPECT_EQ(j["tender_id"], 17);
  EXPECT_EQ(j["ocid"], "ocds-abc123-17");
  EXPECT_EQ(j["state"], "cancelled");
  EXPECT_EQ(j["state_nb"], "Avlyst");
  EXPECT_EQ(j["generated_at"], "2025-10-01T08:00:00Z");
  ASSERT_EQ(j["sections"].size(), 16u);
  std::string letters;
  for (const auto& s : j["sections"]) letters += s["letter"].get<std::string>();
  EXPECT_EQ(letters, "abcdefghijklmnop");

  const nlohmann::json& o = j["sections"][14];
  EXPECT_EQ(o["status"], "recorded");
  EXPECT_EQ(o["heading_en"], "Reasons for cancellation");
  EXPECT_EQ(o["entries"][0]["key"], "cancellation_reason");
  EXPECT_EQ(o["entries"][0]["value"], kCareHomeCancellation);
  EXPECT_EQ(o["entries"][0]["source"], "tender_terms");
  EXPECT_EQ(o["entries"][1]["source"], "events");
  EXPECT_EQ(j["sections"][12]["status"], "not_applicable");
  const nlohmann::json& tenderers = j["sections"][8]["tables"][0];
  EXPECT_EQ(tenderers["key"], "tenderers");
  EXPECT_EQ(tenderers["source"], "record");
  EXPECT_EQ(tenderers["rows"][0][0], "Omsorgspartner AS");
  // Round trip through text keeps Norwegian letters intact.
  EXPECT_EQ(nlohmann::json::parse(j.dump()), j);
}

TEST(ProtocolToHtml, IsACompleteNorwegianDocumentWithEveryLetter) {
  const Protocol p = Build(CleaningRecord());
  const std::string html = ProtocolToHtml(p, {});
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"nb\">", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_THAT(html, HasSubstr("<title>Anskaffelsesprotokoll – Renholdstjenester for kommunale "
                              "bygg</title>"));
  EXPECT_THAT(html, HasSubstr("</html>\n"));
  size_t previous = 0;
  for (char letter = 'a'; letter <= 'p'; ++letter) {
    const size_t at = html.find("id=\"bokstav-" + std::string(1, letter) + "\"");
    ASSERT_NE(at, std::string::npos) << letter;
    EXPECT_GT(at, previous) << letter;
    previous = at;
  }
  EXPECT_THAT(html, HasSubstr("<span class=\"heading-en\" lang=\"en\">Rejected tenders and the "
                              "reasons</span>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">Begrunnelse</th>"));
  EXPECT_THAT(html, HasSubstr("(kilde: hendelseslogg)"));
  EXPECT_THAT(html, HasSubstr("<dt>Laget</dt><dd><time datetime=\"2025-10-01T08:00:00Z\">"
                              "1. oktober 2025 kl. 10:00:00 norsk tid</time></dd>"));
  EXPECT_THAT(html, HasSubstr("class=\"letter status-not-applicable\" id=\"bokstav-o\""));
  // Every time is written in Norwegian time, and the document says so.
  EXPECT_THAT(html, HasSubstr("Tider er oppgitt i norsk tid."));
  EXPECT_THAT(html, Not(HasSubstr("UTC")));
  // Printable and allowed under a strict Content-Security-Policy: no scripts, no inline styles.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("style=")));
  EXPECT_THAT(html, Not(HasSubstr("<style")));
  EXPECT_THAT(html, HasSubstr("<link rel=\"stylesheet\" href=\"/assets/protocol.css\">"));
}

TEST(ProtocolToHtml, InlinesTheStylesheetForAStandaloneFile) {
  const Protocol p = Build(CareHomeRecord());
  ProtocolHtmlOptions options;
  options.styling = ProtocolStyling::kInlineStyle;
  const std::string html = ProtocolToHtml(p, options);
  EXPECT_THAT(html, HasSubstr("<style>\n" + std::string(ProtocolCss()) + "</style>"));
  EXPECT_THAT(html, Not(HasSubstr("<link")));

  options = {.styling = ProtocolStyling::kStylesheetLink, .stylesheet_href = "/a.css?x=1&y=\"2\""};
  EXPECT_THAT(ProtocolToHtml(p, options),
              HasSubstr("<link rel=\"stylesheet\" href=\"/a.css?x=1&amp;y=&quot;2&quot;\">"));
}

TEST(ProtocolToHtml, EscapesEveryPieceOfText) {
  const std::string evil = "<script>alert(1)</script> & \"x\"";
  const std::string escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";
  TenderDraft d = CareHomeDraft();
  d.title = evil;
  d.description = evil;
  TenderRecord record = CareHomeRecord(d);
  record.buyer.name = evil;
  record.ocid = evil;
  record.candidates[1].name = evil;
  record.bids[0].supplier.name = evil;
  record.events[0].actor = evil;
  record.events[2].details_json = nlohmann::json{{"letter", "h"}, {"text", evil}}.dump();
  const Protocol p = Build(record);
  const std::string html = ProtocolToHtml(p, {});
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr(evil)));
  // <title>, subtitle, buyer in the header and in (a), ocid, title and description in (b),
  // candidate in (g), note in (h), tenderer in (i), actor in the log: every one escaped.
  size_t count = 0;
  for (size_t at = html.find(escaped); at != std::string::npos; at = html.find(escaped, at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 11u);
  EXPECT_THAT(html, HasSubstr("<title>Anskaffelsesprotokoll – " + escaped + "</title>"));

  // The cancellation reason is text too.
  Tender tender = Tender::CreateDraft(CareHomeDraft()).value();
  ASSERT_TRUE(tender.Publish(T("2025-08-21T09:00:00Z"), ThresholdTable::Norway()).ok());
  ASSERT_TRUE(tender.Cancel(T("2025-08-22T09:00:00Z"), evil).ok());
  TenderRecord cancelled;
  cancelled.buyer = kTrondheim;
  cancelled.tender = tender;
  const std::string cancelled_html = ProtocolToHtml(Build(cancelled), {});
  EXPECT_THAT(cancelled_html, Not(HasSubstr(evil)));
  EXPECT_THAT(cancelled_html, HasSubstr("<dd>" + escaped + " <span class=\"source\">"));
}

TEST(ProtocolCss, IsPrintFriendly) {
  const std::string_view css = ProtocolCss();
  EXPECT_THAT(css, HasSubstr("@page { size: A4;"));
  EXPECT_THAT(css, HasSubstr("@media print"));
  EXPECT_THAT(css, HasSubstr("thead { display: table-header-group; }"));
  EXPECT_THAT(css, HasSubstr("page-break-after: avoid"));
  EXPECT_THAT(css, HasSubstr("break-inside: avoid"));
  EXPECT_THAT(css, Not(HasSubstr("</style")));
}

}  // namespace
}  // namespace samspill::tendering

namespace samspill::tendering {
namespace {

TEST(Protocol, RejectedSuppliersAndRejectedTendersAreListedApart) {
  TenderRecord r = CleaningRecord();
  r.bids[1].status = BidStatus::kRejected;
  r.bids[1].rejection_kind = RejectionKind::kSupplier;
  r.bids[1].rejection_reason = "Skatteattesten viste restanse: leverandøren er avvist (§ 24-2).";
  const Protocol p = Build(r);
  const ProtocolTable* suppliers = FindTable(*p.Section('j'), "rejected_suppliers");
  ASSERT_NE(suppliers, nullptr);
  ASSERT_EQ(suppliers->rows.size(), 1u);
  EXPECT_EQ(suppliers->rows[0],
            (std::vector<std::string>{"Insider Facility Services AS", "910 000 020",
                                      "hele kontrakten", r.bids[1].rejection_reason}));
  const ProtocolTable* tenders = FindTable(*p.Section('k'), "rejected_tenders");
  ASSERT_NE(tenders, nullptr);
  ASSERT_EQ(tenders->rows.size(), 1u);
  EXPECT_EQ(tenders->rows[0][1], "Rent & Pent AS");
  EXPECT_EQ(RejectionKindName(RejectionKind::kSupplier), "supplier");
  EXPECT_EQ(*ParseRejectionKind("tender", "kind"), RejectionKind::kTender);
  EXPECT_EQ(ParseRejectionKind("bid", "kind").status().field(), "kind");
}

TEST(Protocol, ChosenTenderGivesItsRelativeAdvantagesPerCriterion) {
  TenderRecord r = CleaningRecord();
  r.bids[0].scores = {{"kvalitet", 8.0, "God plan"}, {"sosialt", 9.0, ""}};
  r.bids[1].scores = {{"kvalitet", 7.5, "Grei plan"}, {"sosialt", 9.0, ""}};
  r.bids[2].scores = {{"kvalitet", 10.0, "Avvist, men best"}, {"sosialt", 10.0, ""}};
  const Protocol p = Build(r);
  std::vector<std::string> advantages;
  for (const ProtocolEntry* e : Entries(*p.Section('m'), "relative_advantage")) {
    advantages.push_back(e->label_nb + ": " + e->value);
  }
  // Against the other valid bids only: the rejected bid's better scores do not count.
  EXPECT_EQ(advantages,
            (std::vector<std::string>{
                "Relativ fordel, Pris: Valgt tilbud kr 22 100 000; 5,6 % lavere enn laveste av "
                "de andre (Insider Facility Services AS)",
                "Relativ fordel, Kvalitet: Valgt tilbud 8,0 poeng; beste av de andre 7,5 "
                "(Insider Facility Services AS): 0,5 poeng foran",
                "Relativ fordel, Sosiale forhold: Valgt tilbud 9,0 poeng; beste av de andre 9,0 "
                "(Insider Facility Services AS): like godt"}));
  // A record without the bids' content (a reader who may not read it) compares nothing.
  for (SubmittedBid& bid : r.bids) {
    bid.price.reset();
    bid.scores.clear();
  }
  EXPECT_TRUE(Entries(*Build(r).Section('m'), "relative_advantage").empty());
}

TEST(Protocol, GivesTheBuyersAddressOrSaysItIsMissing) {
  const Protocol with = *BuildProtocol(*testing::CleaningTender(TenderState::kContractSigned),
                                       T("2025-04-01T10:00:00Z"));
  const ProtocolEntry* address = FindEntry(*with.Section('a'), "buyer_address");
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->value, "Postboks 2300 Torgarden, 7004 Trondheim");
  EXPECT_EQ(address->source, ProtocolSource::kRecord);
  const Protocol without = Build(CleaningRecord());  // kTrondheim has no address
  address = FindEntry(*without.Section('a'), "buyer_address");
  ASSERT_NE(address, nullptr);
  EXPECT_EQ(address->source, ProtocolSource::kStatement);
  EXPECT_THAT(address->value, HasSubstr("Ikke registrert"));
}

TEST(Protocol, CitesTheProtocolClauseOfItsPart) {
  EXPECT_EQ(ProtocolClause(LegalRegime::kPartI), "§ 7-1");
  EXPECT_EQ(ProtocolClause(LegalRegime::kPartII), "§ 10-5");
  EXPECT_EQ(ProtocolClause(LegalRegime::kPartIII), "§ 25-5");
  EXPECT_EQ(ProtocolClause(LegalRegime::kPartIV), "§ 30-1");
  EXPECT_EQ(ProtocolClause(LegalRegime::kOutside), "");

  const Protocol cleaning = *BuildProtocol(*testing::CleaningTender(TenderState::kContractSigned),
                                           T("2025-04-01T10:00:00Z"));
  EXPECT_EQ(cleaning.legal_basis_nb, "anskaffelsesforskriften § 25-5");
  const Protocol care =
      *BuildProtocol(*testing::CareHomeTenderCancelled(), T("2025-10-01T10:00:00Z"));
  EXPECT_EQ(care.legal_basis_nb, "anskaffelsesforskriften § 30-1");
  EXPECT_EQ(ProtocolToJson(care)["legal_basis_nb"], "anskaffelsesforskriften § 30-1");
  const std::string html = ProtocolToHtml(care, {});
  EXPECT_THAT(html, HasSubstr("<dt>Hjemmel</dt><dd>anskaffelsesforskriften § 30-1</dd>"));
  EXPECT_THAT(html, HasSubstr("føres etter anskaffelsesforskriften § 30-1"));
  // A draft's part is not decided yet: no clause is claimed.
  const Protocol draft =
      *BuildProtocol(*testing::CleaningTender(TenderState::kDraft), T("2024-12-03T10:00:00Z"));
  EXPECT_EQ(draft.legal_basis_nb, "");
}

TEST(Protocol, ListsEveryComplaintAndItsHandlingUnderOtherMatters) {
  const Protocol p =
      *BuildProtocol(*testing::CleaningTenderWithComplaints(), T("2025-03-13T10:00:00Z"));
  const ProtocolTable* complaints = FindTable(*p.Section('p'), "complaints");
  ASSERT_NE(complaints, nullptr);
  ASSERT_EQ(complaints->rows.size(), 2u);
  EXPECT_EQ(complaints->rows[0][0], "Klage 1");
  EXPECT_EQ(complaints->rows[0][1], "Trøndelag Rent AS");
  EXPECT_EQ(complaints->rows[0][2], "7. mars 2025 kl. 09:30:00 norsk tid");
  EXPECT_EQ(complaints->rows[0][4], "Ikke tatt til følge");
  EXPECT_THAT(complaints->rows[0][6], HasSubstr("kunngjorte skalaen"));
  EXPECT_EQ(complaints->rows[1][1], "Fjord Facility AS");
  EXPECT_EQ(complaints->rows[1][4], "Åpen");
  EXPECT_EQ(complaints->rows[1][5], "Ikke behandlet ennå");
  EXPECT_EQ(EventActionLabelNb("complaint.lodge"), "Klage levert av leverandør");
  EXPECT_EQ(EventActionLabelNb("complaint.handle"), "Klage behandlet");
  // Without complaints the table is left out.
  const Protocol plain =
      *BuildProtocol(*testing::CleaningTender(TenderState::kStandstill), T("2025-03-13T10:00:00Z"));
  EXPECT_EQ(FindTable(*plain.Section('p'), "complaints"), nullptr);
}

}  // namespace
}  // namespace samspill::tendering
