#include "cli/demo_tenders.h"

#include "common/clock.h"

namespace samspill::cli {
namespace {

using tendering::TenderAction;

// Seed 000: Trondheim's care-home competition (BoA), cancelled after one bid. Dates from the
// report; the value is a demo estimate (the report gives none): 100 årsverk for four years
// with the option to extend.
constexpr char kCareHomeDraft[] = R"json({
  "title": "Drift av bo- og aktivitetstilbud (BoA) – prøveprosjekt med privat drift",
  "description": "Fireårig prøveprosjekt innen heldøgns omsorg med opsjon på forlengelse: drift av én av fire enheter i BoA, ca. 100 årsverk med opsjon på dobling, med virksomhetsoverdragelse. Bystyret innstiller leverandør før tildeling. (Demo: verdien er et anslag.)",
  "cpv_code": "85311000-2",
  "category": "health_and_social",
  "buyer_type": "municipal",
  "estimated_value": 800000000,
  "why_not_divided": "Én enhet i BoA driftes samlet; deling ville svekket kontinuitet for beboerne.",
  "profile": {"procedure": "other", "electronic_submission_required": true,
              "prior_notice_or_urgency": false, "political_approval_required": true,
              "staff_transfer": true, "staff_years": 100},
  "timeline": {"political_decision": "2025-02-20", "market_dialogue": "2024-10-15",
               "documents_ready": "2025-08-15", "publication": "2025-08-21",
               "questions_deadline": "2025-09-10", "bid_deadline": "2025-09-19",
               "staff_information": "2025-12-01", "reservation_deadline": "2025-12-22",
               "staff_transfer": "2026-03-01", "operation_start": "2026-03-01"},
  "bid_deadline": "2025-09-19T10:00:00Z",
  "minimum_bids": 2,
  "standstill_days": 10,
  "responsibilities": [
    {"area": "Overordnet ansvar", "party": "municipality", "description": "Overordnet faglig, politisk og administrativt ansvar for tjenestene."},
    {"area": "Bygg", "party": "municipality", "description": "Stille bofellesskap til rådighet; verdibevarende vedlikehold og FDV."},
    {"area": "Vedtak", "party": "municipality", "description": "Vurdere rett og behov og fatte enkeltvedtak om tjenester."},
    {"area": "Kontraktsoppfølging", "party": "municipality", "description": "Føre tilsyn med lovkrav (HOL/PBRL), kontrollere kvalitet og avvik."},
    {"area": "Tjenesteleveranse", "party": "supplier", "description": "Levere tjenester i tråd med kommunens vedtak og kvalitetskrav."},
    {"area": "Drift og bemanning", "party": "supplier", "description": "Organisere drift, bemanning og nye tilbud ved behov."},
    {"area": "Rapportering", "party": "supplier", "description": "Rapportere kvalitet, avvik og kontraktskrav etter fastsatt møtestruktur."}
  ],
  "award_model": {"price_model": "proportional", "normalisation": "none", "tie_break": "shared",
                  "currency": "NOK",
                  "criteria": [
                    {"id": "pris", "name": "Pris", "kind": "price", "weight": 30},
                    {"id": "kvalitet", "name": "Faglig kvalitet og kontinuitet", "kind": "quality", "weight": 50},
                    {"id": "miljo", "name": "Miljø: transport og energibruk", "kind": "environment", "weight": 20}]}
})json";

constexpr char kCareHomeCancellation[] =
    "Konkurransen avlyses. Ved tilbudsfristen 19.09.2025 hadde kun én leverandør levert tilbud. "
    "Ett tilbud gir ikke grunnlag for reell konkurranse om pris og kvalitet, og kommunen kan "
    "ikke vurdere om tilbudet er markedsmessig. Saklig grunn, jf. FOA § 25-4.";

// Seed 004: the cleaning-services pilot with social criteria weighted 30 % (several bids,
// all scored high on the social criterion). Prices and scores are demo values.
constexpr char kCleaningDraft[] = R"json({
  "title": "Renholdstjenester for kommunale bygg 2025–2029",
  "description": "Renhold av kommunale formålsbygg. Pilot for sosiale, bærekraftige anskaffelser: sosiale hensyn (lærlinger, faste stillinger, språkopplæring og mentor for nyankomne) vektes 30 %. (Demo: priser og poeng er eksempler.)",
  "cpv_code": "90911200-8",
  "category": "ordinary",
  "buyer_type": "municipal",
  "estimated_value": 60000000,
  "why_not_divided": "Byggene ligger i samme driftsområde; én avtale gir felles vikarordning og kvalitetssystem.",
  "profile": {"procedure": "open", "electronic_submission_required": true,
              "prior_notice_or_urgency": false, "political_approval_required": false,
              "staff_transfer": false, "staff_years": 25},
  "timeline": {"documents_ready": "2025-02-20", "publication": "2025-03-03",
               "questions_deadline": "2025-03-24", "bid_deadline": "2025-04-07",
               "evaluation_done": "2025-04-25", "operation_start": "2025-09-01"},
  "bid_deadline": "2025-04-07T10:00:00Z",
  "minimum_bids": 2,
  "standstill_days": 10,
  "responsibilities": [
    {"area": "Renhold", "party": "supplier", "description": "Daglig og periodisk renhold etter renholdsplan (NS-INSTA 800)."},
    {"area": "Sosiale forpliktelser", "party": "supplier", "description": "Lærlinger, faste stillinger og språkopplæring som tilbudt."},
    {"area": "Tilgang og nøkler", "party": "municipality", "description": "Adgangskort og nøkkelforvaltning for byggene."}
  ],
  "award_model": {"price_model": "proportional", "normalisation": "none", "tie_break": "shared",
                  "currency": "NOK",
                  "criteria": [
                    {"id": "pris", "name": "Pris (årlig kontraktsverdi)", "kind": "price", "weight": 40},
                    {"id": "kvalitet", "name": "Kvalitet: bemanning, renholdsplan og kvalitetssikring", "kind": "quality", "weight": 30},
                    {"id": "sosialt", "name": "Sosiale hensyn: lærlinger, faste stillinger, lønns- og arbeidsvilkår", "kind": "social", "weight": 30}]},
  "award_rules": {"climate_weight_required": true, "min_climate_weight_share": 0.3,
                  "climate_exception": "Miljø ivaretas som krav i kravspesifikasjonen (svanemerkede renholdsmidler, utslippsfrie kjøretøy i sentrum) fordi kravene gir større klimaeffekt enn en vektet konkurranse, jf. FOA § 7-9 (2)."}
})json";

struct DemoBid {
  const char* username;
  int64_t price_ore;
  double quality;
  const char* quality_why;
  double social;
  const char* social_why;
  const char* summary;
};

constexpr DemoBid kCleaningBids[] = {
    {"leverandor2", 11'850'000'00, 9,
     "Full bemanningsplan med vikarordning; dokumentert kvalitetssystem.", 9,
     "To lærlinger, 90 % faste stillinger.",
     "Renhold med egen inkluderingsavdeling; mentor og språkopplæring for nyankomne."},
    {"leverandor3", 12'400'000'00, 8, "God renholdsplan; vikarordning uten reservepool.", 10,
     "Tre lærlinger, alle ansatte i faste hele stillinger.",
     "Lokal leverandør med lang erfaring fra skoler og barnehager."},
    {"leverandor4", 10'950'000'00, 6,
     "Renholdsplan mangler frekvens for fellesarealer; svak vikarordning.", 10,
     "Samarbeid med flyktningtjenesten om praksisplasser.",
     "Lav pris med sentral drift fra Tromsø og lokal arbeidsleder."},
};

Timestamp T(const char* iso) { return *ParseIsoTimestamp(iso); }

Result<app::Actor> ActorFor(store::Store& store, const char* username) {
  SAMSPILL_ASSIGN_OR_RETURN(store::User user, store.FindUserByUsername(username));
  return app::Actor::FromUser(user);
}

Result<int64_t> CreateTender(app::TenderService& service, const app::Actor& officer,
                             const char* draft) {
  SAMSPILL_ASSIGN_OR_RETURN(app::TenderView view, service.Create(officer, draft));
  return view.id;
}

Status CareHome(store::Store& store, FakeClock& clock) {
  app::TenderService service(store, clock);
  SAMSPILL_ASSIGN_OR_RETURN(app::Actor officer, ActorFor(store, "innkjoper"));
  SAMSPILL_ASSIGN_OR_RETURN(app::Actor supplier, ActorFor(store, "leverandor"));
  clock.Set(T("2025-08-15T09:00:00Z"));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t id, CreateTender(service, officer, kCareHomeDraft));
  clock.Set(T("2025-08-21T08:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kPublish).status());
  SAMSPILL_RETURN_IF_ERROR(
      service
          .AddNote(officer, id,
                   app::ProtocolNote{"d",
                                     "Anskaffelsen fulgte FOA del IV for å ivareta fleksibilitet, "
                                     "dialog med markedet og mulighet for å forme endelig løsning "
                                     "gjennom prosessen. Konkurransen ble sendt til kvalifiserte "
                                     "leverandører."})
          .status());
  clock.Set(T("2025-09-02T13:10:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      service
          .AskQuestion(supplier, id,
                       app::AskQuestionCommand{
                           "", "Skal tilbudt bemanning dekke opsjonen på dobling fra første dag?"})
          .status());
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::QuestionView> questions,
                            service.ListQuestions(officer, id));
  clock.Set(T("2025-09-04T09:30:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      service
          .AnswerQuestion(officer, id, questions.at(0).id,
                          "Nei. Bemanningsplanen gjelder dagens omfang; opsjonen prises "
                          "separat i prisskjemaet.")
          .status());
  clock.Set(T("2025-09-18T15:42:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      service
          .SubmitBid(supplier, id,
                     app::SubmitBidCommand{"", Money{742'000'000'00, "NOK"},
                                           "Drift med egen fagledelse, heltidskultur og "
                                           "virksomhetsoverdragelse av alle ansatte."})
          .status());
  clock.Set(T("2025-09-19T10:05:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kCloseBidding).status());
  clock.Set(T("2025-09-26T12:00:00Z"));
  return service.Act(officer, id, TenderAction::kCancel, kCareHomeCancellation).status();
}

Status Cleaning(store::Store& store, FakeClock& clock) {
  app::TenderService service(store, clock);
  SAMSPILL_ASSIGN_OR_RETURN(app::Actor officer, ActorFor(store, "innkjoper"));
  SAMSPILL_ASSIGN_OR_RETURN(app::Actor evaluator, ActorFor(store, "evaluator"));
  clock.Set(T("2025-02-20T09:00:00Z"));
  SAMSPILL_ASSIGN_OR_RETURN(int64_t id, CreateTender(service, officer, kCleaningDraft));
  clock.Set(T("2025-03-03T08:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kPublish).status());
  SAMSPILL_ASSIGN_OR_RETURN(app::Actor asker, ActorFor(store, "leverandor3"));
  clock.Set(T("2025-03-12T10:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      service
          .AskQuestion(asker, id,
                       app::AskQuestionCommand{"",
                                               "Teller lærlinger som starter i kontraktsperioden, "
                                               "eller bare de som er ansatt ved tilbudsfristen?"})
          .status());
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<app::QuestionView> questions,
                            service.ListQuestions(officer, id));
  clock.Set(T("2025-03-14T09:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      service
          .AnswerQuestion(officer, id, questions.at(0).id,
                          "Begge teller, når tilbudet forplikter leverandøren til dem i "
                          "kontraktsperioden.")
          .status());
  int minute = 0;
  for (const DemoBid& bid : kCleaningBids) {
    SAMSPILL_ASSIGN_OR_RETURN(app::Actor supplier, ActorFor(store, bid.username));
    clock.Set(Timestamp{T("2025-04-04T09:00:00Z").unix_seconds + 3600 * minute++});
    SAMSPILL_RETURN_IF_ERROR(
        service
            .SubmitBid(supplier, id,
                       app::SubmitBidCommand{"", Money{bid.price_ore, "NOK"}, bid.summary})
            .status());
  }
  clock.Set(T("2025-04-07T10:01:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kCloseBidding).status());
  clock.Set(T("2025-04-07T10:30:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kOpenBids).status());
  SAMSPILL_ASSIGN_OR_RETURN(app::BidList bids, service.ListBids(evaluator, id));
  clock.Set(T("2025-04-22T14:00:00Z"));
  for (const app::BidView& b : bids.bids) {
    const std::string supplier = b.supplier ? b.supplier->org_number : "";
    for (size_t i = 0; i < std::size(kCleaningBids); ++i) {
      SAMSPILL_ASSIGN_OR_RETURN(app::Actor owner, ActorFor(store, kCleaningBids[i].username));
      SAMSPILL_ASSIGN_OR_RETURN(store::Organisation org,
                                store.FindOrganisationById(*owner.organisation_id));
      if (org.org_number != supplier) continue;
      const DemoBid& d = kCleaningBids[i];
      const app::ScoreBidCommand scores{
          {{"kvalitet", d.quality, d.quality_why}, {"sosialt", d.social, d.social_why}}};
      SAMSPILL_RETURN_IF_ERROR(service.ScoreBid(evaluator, id, b.id, scores).status());
    }
  }
  clock.Set(T("2025-04-25T12:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kCompleteEvaluation).status());
  clock.Set(T("2025-04-28T12:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kProposeAward).status());
  clock.Set(T("2025-05-02T08:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kSendAwardNotice).status());
  clock.Set(T("2025-05-20T10:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(service.Act(officer, id, TenderAction::kSignContract).status());
  return service
      .AddNote(officer, id,
               app::ProtocolNote{"n", "Valgt leverandør oppga ingen underleverandører i tilbudet."})
      .status();
}

}  // namespace

Status LoadDemoTenders(store::Store& store) {
  SAMSPILL_ASSIGN_OR_RETURN(std::vector<store::StoredTender> existing, store.ListTenders());
  if (!existing.empty()) return Status::Ok();  // demo tenders exist, or real ones: leave alone
  FakeClock clock(T("2025-01-01T00:00:00Z"));
  Status care = CareHome(store, clock);
  if (!care.ok()) return Internal("demo care-home tender: " + care.ToString());
  Status cleaning = Cleaning(store, clock);
  if (!cleaning.ok()) return Internal("demo cleaning tender: " + cleaning.ToString());
  return Status::Ok();
}

}  // namespace samspill::cli
