#include "tendering/ocds_sample_records.h"

#include <utility>
#include <vector>

#include "evaluation/bid_table.h"
#include "tendering/milestone.h"
#include "tendering/tender_state.h"
#include "tendering/threshold_table.h"

namespace samspill::tendering::testing {
namespace {

using evaluation::Criterion;
using evaluation::CriterionKind;

Money Nok(int64_t kroner, int64_t ore = 0) { return Money{kroner * 100 + ore, "NOK"}; }

Result<Timestamp> At(const char* iso) { return ParseIsoTimestamp(iso); }

// The buyer's real organisation number; the suppliers are made up (numbers pass the check digit).
OrganisationRef Trondheim() {
  return {1, "Trondheim kommune", "942110464", "Postboks 2300 Torgarden, 7004 Trondheim"};
}
OrganisationRef RenholdMidt() { return {11, "Renhold Midt AS", "999000118"}; }
OrganisationRef TrondelagRent() { return {12, "Trøndelag Rent AS", "999000126"}; }
OrganisationRef Servicegruppen() { return {13, "Servicegruppen Nord AS", "999000134"}; }
OrganisationRef FjordFacility() { return {14, "Fjord Facility AS", "999000142"}; }
OrganisationRef NidarosRenhold() { return {15, "Nidaros Renhold AS", "999000150"}; }

// Runs the tender through its lifecycle and writes the event log as the store would.
class Lifecycle {
 public:
  explicit Lifecycle(TenderRecord& record) : record_(record) {}

  Status Log(const char* iso, std::string action) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, At(iso));
    record_.events.push_back(TenderEvent{static_cast<int64_t>(record_.events.size() + 1), at,
                                         "innkjoper", std::move(action), "{}"});
    return Status::Ok();
  }

  Status Publish(const char* iso) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, At(iso));
    SAMSPILL_RETURN_IF_ERROR(record_.tender.Publish(at, ThresholdTable::Norway()).status());
    return Log(iso, "tender.publish");
  }

  Status Close(const char* iso, const std::map<std::string, int>& bids_per_lot) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, At(iso));
    SAMSPILL_RETURN_IF_ERROR(CloseBidding(record_.tender, at, bids_per_lot));
    return Log(iso, "tender.close_bidding");
  }

  Status Advance(TenderAction action, const char* iso) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, At(iso));
    SAMSPILL_RETURN_IF_ERROR(record_.tender.Advance(action, at));
    return Log(iso, "tender." + std::string(TenderActionName(action)));
  }

  Status Cancel(const char* iso, std::string reason) {
    SAMSPILL_ASSIGN_OR_RETURN(Timestamp at, At(iso));
    SAMSPILL_RETURN_IF_ERROR(record_.tender.Cancel(at, std::move(reason)));
    return Log(iso, "tender.cancel");
  }

 private:
  TenderRecord& record_;
};

Result<SubmittedBid> Bid(int64_t id, std::string lot_id, const OrganisationRef& supplier,
                         const char* received_iso, Money price, std::string summary) {
  SAMSPILL_ASSIGN_OR_RETURN(Timestamp received, At(received_iso));
  SubmittedBid bid;
  bid.id = id;
  bid.lot_id = std::move(lot_id);
  bid.supplier = supplier;
  bid.received_at = received;
  bid.price = std::move(price);
  bid.summary = std::move(summary);
  return bid;
}

TenderDraft CleaningDraft() {
  TenderDraft d;
  d.title = "Renholdstjenester for kommunale bygg 2025–2029";
  d.description =
      "Daglig renhold, periodisk renhold og hovedrenhold av skoler, barnehager og helse- og "
      "omsorgsbygg i Trondheim kommune. Sosiale hensyn vektes 30 %.";
  d.cpv_code = "90910000-9";
  d.category = ServiceCategory::kOrdinary;
  d.estimated_value = Nok(24'000'000);
  d.lots = {{"1", "Skoler og barnehager", Nok(14'000'000)},
            {"2", "Helse- og omsorgsbygg", Nok(10'000'000)}};
  d.timeline.Set(Milestone::kPublication, {2025, 1, 6});
  d.timeline.Set(Milestone::kQuestionsDeadline, {2025, 2, 3});
  d.timeline.Set(Milestone::kAwardNotice, {2025, 3, 5});
  d.timeline.Set(Milestone::kContractSigned, {2025, 3, 17});
  d.award_model.criteria = {
      Criterion{"pris", "Pris (årlig kontraktsverdi)", CriterionKind::kPrice, 40},
      Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 30},
      Criterion{"sosialt", "Sosiale hensyn", CriterionKind::kSocial, 30}};
  return d;
}

}  // namespace

Status CloseBidding(Tender& tender, Timestamp now, const std::map<std::string, int>& bids_per_lot) {
  return tender.CloseBidding(now, bids_per_lot);
}

TenderDraft SeedCareHomeDraft() {
  TenderDraft d;
  d.title = "Drift av bo- og aktivitetstilbud (BoA)";
  d.description =
      "Fireårig prøveprosjekt med opsjon på forlengelse: privat drift av én av fire enheter i "
      "BoA, heldøgns omsorg, ca. 100 årsverk, med virksomhetsoverdragelse.";
  d.cpv_code = "85000000-9";
  d.category = ServiceCategory::kHealthAndSocial;
  d.estimated_value = Money{400'000'000'00, "NOK"};
  d.why_not_divided = "Ett samlet tilbud gir faglig helhet for beboerne";
  d.profile.procedure = Procedure::kOther;
  d.profile.political_approval_required = true;
  d.profile.staff_transfer = true;
  d.profile.staff_years = 100;
  d.timeline.Set(Milestone::kPoliticalDecision, {2025, 2, 20});
  d.timeline.Set(Milestone::kPublication, {2025, 8, 21});
  d.timeline.Set(Milestone::kQuestionsDeadline, {2025, 9, 5});
  d.bid_deadline = *ParseIsoTimestamp("2025-09-19T12:00:00+02:00");
  d.award_model.criteria = {Criterion{"pris", "Pris", CriterionKind::kPrice, 30},
                            Criterion{"kvalitet", "Kvalitet", CriterionKind::kQuality, 70}};
  return d;
}

OcdsExportOptions SampleOcdsExportOptions() {
  OcdsExportOptions options;
  options.publisher_name = "Trondheim kommune";
  options.package_uri_base = "https://samspill.example.no/ocds/";
  options.published_date = *ParseIsoTimestamp("2025-10-01T08:00:00Z");
  options.ocid_prefix = "ocds-s4mpl1";
  return options;
}

Result<TenderRecord> CleaningTender(TenderState last) {
  TenderRecord record;
  record.id = 4;
  record.ocid = "ocds-s4mpl1-4";
  record.buyer = Trondheim();
  SAMSPILL_ASSIGN_OR_RETURN(record.created_at, At("2024-12-02T09:00:00Z"));
  TenderDraft draft = CleaningDraft();
  SAMSPILL_ASSIGN_OR_RETURN(Timestamp deadline, At("2025-02-14T12:00:00+01:00"));
  draft.bid_deadline = deadline;
  SAMSPILL_ASSIGN_OR_RETURN(record.tender, Tender::CreateDraft(std::move(draft)));
  Lifecycle life(record);
  SAMSPILL_RETURN_IF_ERROR(life.Log("2024-12-02T09:00:00Z", "tender.create"));
  if (record.tender.state() == last) return record;

  SAMSPILL_RETURN_IF_ERROR(life.Publish("2025-01-06T08:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-01-20T13:15:00Z", "question.ask"));
  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-01-22T10:00:00Z", "question.answer"));
  record.questions.push_back(QuestionAnswer{
      1, "", "Skal tilbudt pris inkludere hovedrenhold om sommeren?", *At("2025-01-20T13:15:00Z"),
      12, "Ja, ett hovedrenhold per bygg per år.", *At("2025-01-22T10:00:00Z")});
  if (record.tender.state() == last) return record;

  SAMSPILL_RETURN_IF_ERROR(life.Close("2025-02-14T11:00:00Z", {{"1", 5}, {"2", 3}}));
  if (record.tender.state() == last) return record;

  // Sealed until opening: only now do the bids' contents enter the record.
  SAMSPILL_RETURN_IF_ERROR(life.Advance(TenderAction::kOpenBids, "2025-02-14T11:05:00Z"));
  struct BidRow {
    int64_t id;
    const char* lot;
    OrganisationRef supplier;
    const char* received;
    Money price;
  };
  const std::vector<BidRow> rows = {
      {101, "1", RenholdMidt(), "2025-02-13T15:02:11Z", Nok(11'850'000)},
      {102, "1", TrondelagRent(), "2025-02-14T09:40:00Z", Nok(12'400'000)},
      {103, "1", Servicegruppen(), "2025-02-12T08:00:00Z", Nok(10'950'000)},
      {104, "1", FjordFacility(), "2025-02-14T10:58:30Z", Nok(13'200'000)},
      {105, "1", NidarosRenhold(), "2025-02-10T12:00:00Z", Nok(11'300'000)},
      {106, "2", RenholdMidt(), "2025-02-13T15:04:40Z", Nok(8'912'000)},
      {107, "2", FjordFacility(), "2025-02-14T10:59:10Z", Nok(9'100'000)},
      {108, "2", NidarosRenhold(), "2025-02-10T12:05:00Z", Nok(8'450'123, 45)},
  };
  for (const BidRow& row : rows) {
    SAMSPILL_ASSIGN_OR_RETURN(SubmittedBid bid,
                              Bid(row.id, row.lot, row.supplier, row.received, row.price,
                                  "Tilbud på delkontrakt " + std::string(row.lot)));
    record.bids.push_back(std::move(bid));
  }
  record.bids[1].version = 2;  // Trøndelag Rent replaced its first bid before the deadline
  if (record.tender.state() == last) return record;

  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-02-20T14:00:00Z", "bid.reject"));
  record.bids[6].status = BidStatus::kRejected;
  record.bids[6].rejection_reason = "Skatteattest manglet ved tilbudsfristen.";
  SAMSPILL_RETURN_IF_ERROR(life.Advance(TenderAction::kCompleteEvaluation, "2025-03-03T12:00:00Z"));
  if (record.tender.state() == last) return record;

  SAMSPILL_RETURN_IF_ERROR(life.Advance(TenderAction::kProposeAward, "2025-03-04T12:00:00Z"));
  record.awards = {
      LotAward{"1", 101, RenholdMidt(), Nok(11'850'000), 9.096,
               "Best samlet score: høy kvalitet og sosiale hensyn til nest laveste pris."},
      LotAward{"2", 108, NidarosRenhold(), Nok(8'450'123, 45), 9.31,
               "Laveste pris blant de gyldige tilbudene og god kvalitet."}};
  if (record.tender.state() == last) return record;

  SAMSPILL_RETURN_IF_ERROR(life.Advance(TenderAction::kSendAwardNotice, "2025-03-05T09:00:00Z"));
  if (record.tender.state() == last) return record;

  SAMSPILL_RETURN_IF_ERROR(life.Advance(TenderAction::kSignContract, "2025-03-17T10:30:00Z"));
  if (record.tender.state() == last) return record;
  return InvalidArgument(
      "the cleaning tender never reaches state '" + std::string(TenderStateName(last)) + "'",
      "last");
}

Result<TenderRecord> CleaningTenderWithComplaints() {
  SAMSPILL_ASSIGN_OR_RETURN(TenderRecord record, CleaningTender(TenderState::kStandstill));
  Lifecycle life(record);
  SAMSPILL_ASSIGN_OR_RETURN(Timestamp first, At("2025-03-07T08:30:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      record.tender
          .LodgeComplaint(first, TrondelagRent().id, TrondelagRent().name,
                          "Kvalitetsbesvarelsen vår for delkontrakt 1 er gitt for lav poengsum.")
          .status());
  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-03-07T08:30:00Z", "complaint.lodge"));
  SAMSPILL_ASSIGN_OR_RETURN(Timestamp handled, At("2025-03-10T12:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      record.tender
          .HandleComplaint(handled, 1, ComplaintOutcome::kRejected,
                           "Poengsummen følger den kunngjorte skalaen; besvarelsen mangler plan "
                           "for vikarbruk.")
          .status());
  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-03-10T12:00:00Z", "complaint.handle"));
  SAMSPILL_ASSIGN_OR_RETURN(Timestamp second, At("2025-03-12T09:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(
      record.tender
          .LodgeComplaint(second, FjordFacility().id, FjordFacility().name,
                          "Vinneren av delkontrakt 2 oppfyller ikke kravet til miljøsertifikat.")
          .status());
  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-03-12T09:00:00Z", "complaint.lodge"));
  return record;
}

Result<TenderRecord> CareHomeTenderCancelled() {
  TenderRecord record;
  record.id = 17;
  record.buyer = Trondheim();
  SAMSPILL_ASSIGN_OR_RETURN(record.created_at, At("2025-03-01T09:00:00Z"));
  TenderDraft draft = SeedCareHomeDraft();
  SAMSPILL_ASSIGN_OR_RETURN(record.tender, Tender::CreateDraft(std::move(draft)));
  record.candidates = {FjordFacility(), Servicegruppen()};

  Lifecycle life(record);
  SAMSPILL_RETURN_IF_ERROR(life.Log("2025-03-01T09:00:00Z", "tender.create"));
  SAMSPILL_RETURN_IF_ERROR(life.Publish("2025-08-21T09:00:00Z"));
  SAMSPILL_RETURN_IF_ERROR(life.Close("2025-09-19T10:00:00Z", {{"", 1}}));
  record.unsuccessful_lots = {UnsuccessfulLot{"", 1, UnsuccessfulReason(1, 2)}};
  SAMSPILL_RETURN_IF_ERROR(
      life.Cancel("2025-09-22T10:00:00Z",
                  "Kun ett tilbud kom inn innen fristen; uten reell konkurranse avlyses "
                  "konkurransen (FOA § 25-4)."));
  return record;
}

}  // namespace samspill::tendering::testing
