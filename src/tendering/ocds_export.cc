#include "tendering/ocds_export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "evaluation/bid_table.h"
#include "evaluation/normalisation.h"
#include "evaluation/price_model.h"
#include "evaluation/weighting.h"
#include "tendering/legal_regime.h"
#include "tendering/milestone.h"
#include "tendering/timeline.h"

namespace samspill::tendering {
namespace {

using nlohmann::json;

constexpr int64_t kSecondsPerDay = 86400;

Timestamp StartOfDay(const Date& date) { return Timestamp{date.DaysSinceEpoch() * kSecondsPerDay}; }

// A date-only deadline includes its whole day (calendar days, FOA § 7-6), taken in UTC like
// Tender::StandstillEnd(): never earlier than the end of the day in Norway.
Timestamp EndOfDay(const Date& date) {
  return Timestamp{StartOfDay(date).unix_seconds + kSecondsPerDay - 1};
}

// "2025-03-16T00:00:00Z" → "20250316T000000Z", for identifiers.
std::string CompactIso(Timestamp t) {
  std::string iso = t.ToIso();
  std::erase_if(iso, [](char c) { return c == '-' || c == ':'; });
  return iso;
}

std::optional<Timestamp> LastEventAt(const TenderRecord& record, std::string_view action) {
  std::optional<Timestamp> at;
  for (const TenderEvent& event : record.events) {
    if (event.action == action && (!at || event.at > *at)) at = event.at;
  }
  return at;
}

enum class DayPart { kStart, kEnd };

// When a step happened: the instant in the event log when the caller recorded it, else the
// (planned or actual) date of its milestone.
std::optional<Timestamp> StepInstant(const TenderRecord& record, std::string_view action,
                                     Milestone milestone, DayPart part) {
  if (std::optional<Timestamp> at = LastEventAt(record, action)) return at;
  std::optional<Date> date = record.tender.draft().timeline.Get(milestone);
  if (!date) return std::nullopt;
  return part == DayPart::kStart ? StartOfDay(*date) : EndOfDay(*date);
}

// The release reflects the last thing that happened, so exporting an unchanged tender twice
// gives the same release id and date.
Timestamp ReleaseDate(const TenderRecord& record, const OcdsExportOptions& options) {
  if (record.events.empty()) return options.published_date;
  Timestamp latest = record.events.front().at;
  for (const TenderEvent& event : record.events) latest = std::max(latest, event.at);
  return latest;
}

std::string Ocid(const TenderRecord& record, const OcdsExportOptions& options) {
  if (!record.ocid.empty()) return record.ocid;
  return options.ocid_prefix + "-" + std::to_string(record.id);
}

// Organisation identifiers from Enhetsregisteret: scheme NO-BRC (org-id.guide).
std::string PartyId(const OrganisationRef& org) {
  if (!org.org_number.empty()) return "NO-BRC-" + org.org_number;
  return "samspill-organisation-" + std::to_string(org.id);
}

json OrganisationReference(const OrganisationRef& org) {
  return json{{"id", PartyId(org)}, {"name", org.name}};
}

// Parties in order of first appearance, each with its roles once.
class Parties {
 public:
  void Add(const OrganisationRef& org, std::string_view role) {
    std::string id = PartyId(org);
    auto it = std::find_if(parties_.begin(), parties_.end(),
                           [&](const Entry& e) { return PartyId(e.org) == id; });
    if (it == parties_.end()) {
      parties_.push_back(Entry{org, {}});
      it = parties_.end() - 1;
    }
    if (std::find(it->roles.begin(), it->roles.end(), role) == it->roles.end()) {
      it->roles.emplace_back(role);
    }
  }

  json ToJson() const {
    json out = json::array();
    for (const Entry& e : parties_) {
      json party = {{"id", PartyId(e.org)}, {"name", e.org.name}, {"roles", e.roles}};
      if (!e.org.org_number.empty()) {
        party["identifier"] = {{"scheme", "NO-BRC"}, {"id", e.org.org_number}};
        if (!e.org.name.empty()) party["identifier"]["legalName"] = e.org.name;
      }
      out.push_back(std::move(party));
    }
    return out;
  }

 private:
  struct Entry {
    OrganisationRef org;
    std::vector<std::string> roles;
  };
  std::vector<Entry> parties_;
};

// Whether suppliers have been told who won: only then are awards public.
bool AwardNoticeSent(const TenderRecord& record) {
  switch (record.tender.state()) {
    case TenderState::kStandstill:
    case TenderState::kContractSigned:
      return true;
    case TenderState::kCancelled:  // cancelled after the award (KOFA 2025/0303)
      return LastEventAt(record, "tender.send_award_notice").has_value();
    default:
      return false;
  }
}

std::string_view AwardStatus(TenderState state) {
  switch (state) {
    case TenderState::kContractSigned:
      return "active";
    case TenderState::kCancelled:
      return "cancelled";
    default:
      // awardStatus "pending": proposed but not yet in force, e.g. during a cooling-off period
      // — the karensperiode.
      return "pending";
  }
}

// The open procedure invites everybody; restricted, negotiated, dialogue and the part IV own
// procedure all invite only the suppliers that qualified after a public call: "selective".
// ("limited", suppliers of the buyer's own choice without a call, is no Procedure here.)
std::string_view ProcurementMethod(Procedure procedure) {
  switch (procedure) {
    case Procedure::kOpen:
      return "open";
    case Procedure::kRestricted:
    case Procedure::kOther:
      return "selective";
  }
  return "selective";
}

std::string_view PriceModelNb(evaluation::PriceModel model) {
  switch (model) {
    case evaluation::PriceModel::kLinear:
      return "lineær";
    case evaluation::PriceModel::kProportional:
      return "forholdsmessig";
    case evaluation::PriceModel::kQualityPricing:
      return "prissetting av kvalitet";
  }
  return "ukjent";
}

// 0.3333… → "33,33 %" (Norwegian decimal comma, at most two decimals).
std::string PercentNb(double share) {
  int64_t hundredths = std::llround(share * 10000.0);
  std::string out = std::to_string(hundredths / 100);
  int64_t fraction = hundredths % 100;
  if (fraction != 0) {
    out += ',';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
  return out + " %";
}

const AwardModel& AnnouncedModel(const Tender& tender) {
  return tender.locked_award_model() ? tender.locked_award_model()->model
                                     : tender.draft().award_model;
}

std::string AwardCriteria(const AwardModel& model) {
  bool price_only = std::all_of(model.criteria.begin(), model.criteria.end(), [](const auto& c) {
    return c.kind == evaluation::CriterionKind::kPrice;
  });
  return price_only && !model.criteria.empty() ? "priceOnly" : "ratedCriteria";
}

// What a bidder needs to re-check the evaluation: criteria with their weights, the price model,
// and the hash that proves the model has not changed since publication (KOFA 2025/0993).
std::string AwardCriteriaDetails(const Tender& tender) {
  const AwardModel& model = AnnouncedModel(tender);
  double weight_sum = 0;
  for (const auto& c : model.criteria) weight_sum += c.weight;
  std::string text = "Tildelingskriterier: ";
  for (size_t i = 0; i < model.criteria.size(); ++i) {
    const evaluation::Criterion& c = model.criteria[i];
    if (i > 0) text += "; ";
    text += c.name.empty() ? c.id : c.name;
    switch (model.weighting) {
      case evaluation::Weighting::kWeights:
        if (weight_sum > 0) text += " " + PercentNb(c.weight / weight_sum);
        break;
      case evaluation::Weighting::kPriorityRankOrderCentroid:
        text += " (prioritet " + std::to_string(c.priority) + ")";
        break;
      case evaluation::Weighting::kValuePerPoint:
        if (evaluation::IsQualityLike(c.kind)) {
          text += " (" + FormatMoneyPlain(Money{c.value_per_point_minor, model.currency}) + " " +
                  model.currency + " per poeng)";
        }
        break;
    }
  }
  text += ". Prismodell: " + std::string(PriceModelNb(model.price_model)) + ".";
  if (model.normalisation == evaluation::Normalisation::kBestGetsMax) {
    text += " Kvalitetspoengene normaliseres: beste tilbud får 10 på hvert kriterium.";
  }
  if (const auto& locked = tender.locked_award_model()) {
    text += " Tildelingsmodellen ble låst ved kunngjøring " + locked->locked_at.ToIso() +
            "; SHA-256 av modellen: " + locked->sha256 + ".";
  } else {
    text += " Tildelingsmodellen låses ved kunngjøring.";
  }
  return text;
}

// Real Norwegian OCDS data (Doffin) and the EU mapping use the eight CPV digits as the id; the
// check digit follows from them.
json CpvClassification(const std::string& cpv_code) {
  return json{{"scheme", "CPV"}, {"id", cpv_code.substr(0, 8)}};
}

bool IsUnsuccessfulLot(const TenderRecord& record, const std::string& lot_id) {
  return std::any_of(record.unsuccessful_lots.begin(), record.unsuccessful_lots.end(),
                     [&](const UnsuccessfulLot& u) { return u.lot_id == lot_id; });
}

json TenderSection(const TenderRecord& record, std::string_view tender_status) {
  const Tender& tender = record.tender;
  const TenderDraft& draft = tender.draft();
  json out = {{"id", std::to_string(record.id)},
              {"title", draft.title},
              {"status", tender_status},
              {"value", OcdsValue(draft.estimated_value)},
              {"procurementMethod", ProcurementMethod(draft.profile.procedure)},
              {"mainProcurementCategory", "services"},
              {"awardCriteria", AwardCriteria(AnnouncedModel(tender))},
              {"awardCriteriaDetails", AwardCriteriaDetails(tender)}};
  if (!draft.description.empty()) out["description"] = draft.description;
  if (tender.regime()) {
    out["procurementMethodDetails"] = LegalRegimeLabelNb(tender.regime()->regime);
  }

  if (!draft.cpv_code.empty()) {
    json items = json::array();
    if (draft.lots.empty()) {
      items.push_back({{"id", "1"},
                       {"description", draft.title},
                       {"classification", CpvClassification(draft.cpv_code)}});
    } else {
      for (size_t i = 0; i < draft.lots.size(); ++i) {
        items.push_back({{"id", std::to_string(i + 1)},
                         {"description", draft.lots[i].title},
                         {"classification", CpvClassification(draft.cpv_code)},
                         {"relatedLot", draft.lots[i].id}});
      }
    }
    out["items"] = std::move(items);
  }

  if (!draft.lots.empty()) {
    json lots = json::array();
    for (const Lot& lot : draft.lots) {
      std::string_view status = tender_status;
      if (tender_status != "cancelled" && IsUnsuccessfulLot(record, lot.id)) {
        status = "unsuccessful";
      }
      lots.push_back({{"id", lot.id},
                      {"title", lot.title},
                      {"value", OcdsValue(lot.estimated_value)},
                      {"status", status}});
    }
    out["lots"] = std::move(lots);
  }

  std::optional<Timestamp> start =
      StepInstant(record, "tender.publish", Milestone::kPublication, DayPart::kStart);
  json tender_period = json::object();
  if (start) tender_period["startDate"] = start->ToIso();
  if (draft.bid_deadline) tender_period["endDate"] = draft.bid_deadline->ToIso();
  if (!tender_period.empty()) out["tenderPeriod"] = std::move(tender_period);

  if (std::optional<Date> questions = draft.timeline.Get(Milestone::kQuestionsDeadline)) {
    json enquiry_period = {{"endDate", EndOfDay(*questions).ToIso()}};
    if (start) enquiry_period["startDate"] = start->ToIso();
    out["enquiryPeriod"] = std::move(enquiry_period);
  }

  // Evaluation starts at the bid deadline; the decision is due with the award notice.
  json award_period = json::object();
  if (draft.bid_deadline) award_period["startDate"] = draft.bid_deadline->ToIso();
  if (std::optional<Timestamp> notice =
          StepInstant(record, "tender.send_award_notice", Milestone::kAwardNotice, DayPart::kEnd)) {
    award_period["endDate"] = notice->ToIso();
  }
  if (!award_period.empty()) out["awardPeriod"] = std::move(award_period);

  if (tender.state() != TenderState::kDraft) out["hasEnquiries"] = !record.questions.empty();

  if (!record.bids.empty()) {
    json tenderers = json::array();
    std::vector<std::string> seen;
    for (const SubmittedBid& bid : record.bids) {
      std::string id = PartyId(bid.supplier);
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      tenderers.push_back(OrganisationReference(bid.supplier));
    }
    // Tenderers on lots that got too few bids are unknown (never opened) and not counted.
    out["numberOfTenderers"] = seen.size();
    out["tenderers"] = std::move(tenderers);
  } else if (draft.lots.empty() && record.unsuccessful_lots.size() == 1 &&
             record.unsuccessful_lots.front().lot_id.empty()) {
    // Undivided and unsuccessful at the deadline: the bids were never opened, but their count
    // is known, and in one lot every bid comes from a different tenderer.
    out["numberOfTenderers"] = record.unsuccessful_lots.front().valid_bids;
  }

  // OCDS 1.1.5 has no tender.statusDetails (added in 1.2); the documentType codelist's
  // cancellationDetails — "documentation of the ... reasons for cancellation of a contracting
  // process" — is the place the schema offers for the written reason.
  if (tender.state() == TenderState::kCancelled) {
    json document = {{"id", "cancellation"},
                     {"documentType", "cancellationDetails"},
                     {"title", "Begrunnelse for avlysning"},
                     {"description", tender.cancellation_reason()},
                     {"language", "nb"}};
    if (std::optional<Timestamp> at = LastEventAt(record, "tender.cancel")) {
      document["datePublished"] = at->ToIso();
    }
    out["documents"] = json::array({std::move(document)});
  }
  // OCDS 1.1.5 has no complaints object (the schema's only place is the documentType codelist's
  // "complaints": "documentation of any complaints received, or decisions in response to
  // complaints"), so each complaint is one document: when it came, how it was handled and why.
  // The complainant is not named: open data says what was decided, not who complained.
  for (const Complaint& c : tender.complaints()) {
    std::string description = "Klage levert " + c.lodged_at.ToIso() +
                              ". Utfall: " + std::string(ComplaintOutcomeLabelNb(c.outcome));
    if (!c.open()) description += ". Begrunnelse: " + c.handling_reasons;
    json document = {
        {"id", "complaint-" + std::to_string(c.id)}, {"documentType", "complaints"},
        {"title", "Klage " + std::to_string(c.id)},  {"description", std::move(description)},
        {"datePublished", c.lodged_at.ToIso()},      {"language", "nb"}};
    if (c.handled_at) document["dateModified"] = c.handled_at->ToIso();
    if (!out.contains("documents")) out["documents"] = json::array();
    out["documents"].push_back(std::move(document));
  }
  return out;
}

// Statistics per lot: a lot that got too few bids has only its count at the deadline (its bids
// are never opened); the others are counted from the opened bids, when the record has them.
json BidsSection(const TenderRecord& record) {
  json statistics = json::array();
  auto add = [&](std::string_view measure, int64_t value, const std::string& lot_id,
                 const std::string& notes) {
    json s = {
        {"id", std::to_string(statistics.size() + 1)}, {"measure", measure}, {"value", value}};
    if (!lot_id.empty()) s["relatedLot"] = lot_id;
    if (!notes.empty()) s["notes"] = notes;
    statistics.push_back(std::move(s));
  };
  std::vector<std::string> lot_ids;
  for (const Lot& lot : record.tender.draft().lots) lot_ids.push_back(lot.id);
  if (lot_ids.empty()) lot_ids.push_back("");
  for (const std::string& lot_id : lot_ids) {
    auto unsuccessful =
        std::find_if(record.unsuccessful_lots.begin(), record.unsuccessful_lots.end(),
                     [&](const UnsuccessfulLot& u) { return u.lot_id == lot_id; });
    if (unsuccessful != record.unsuccessful_lots.end()) {
      add("bids", unsuccessful->valid_bids, lot_id, unsuccessful->reason);
      continue;
    }
    if (record.bids.empty()) continue;
    int64_t received = 0;
    int64_t valid = 0;
    for (const SubmittedBid& bid : record.bids) {
      if (bid.lot_id != lot_id) continue;
      ++received;
      if (bid.status == BidStatus::kValid) ++valid;
    }
    add("bids", received, lot_id, "");
    add("validBids", valid, lot_id, "");
  }

  json out = json::object();
  if (!statistics.empty()) out["statistics"] = std::move(statistics);
  if (!record.bids.empty()) {
    json details = json::array();
    for (const SubmittedBid& bid : record.bids) {
      json d = {{"id", std::to_string(bid.id)},
                {"date", bid.received_at.ToIso()},
                {"status", bid.status == BidStatus::kValid ? "valid" : "disqualified"},
                {"tenderers", json::array({OrganisationReference(bid.supplier)})}};
      // Left out when the record was made for a reader who may not read bid content.
      if (bid.price) d["value"] = OcdsValue(*bid.price);
      // Not in the v1.1.5 bids schema (later versions add it; OCDS allows additional fields),
      // but a bid on a lot means little without it.
      if (!bid.lot_id.empty()) d["relatedLots"] = json::array({bid.lot_id});
      details.push_back(std::move(d));
    }
    out["details"] = std::move(details);
  }
  return out;
}

std::string AwardId(const LotAward& award) {
  return award.lot_id.empty() ? "award" : "award-lot-" + award.lot_id;
}

}  // namespace

Status ValidateOcdsExportOptions(const OcdsExportOptions& options) {
  if (options.publisher_name.find_first_not_of(" \t") == std::string::npos) {
    return InvalidArgument("the OCDS publisher needs a name", "publisher_name");
  }
  const std::string& base = options.package_uri_base;
  bool absolute = (base.starts_with("https://") || base.starts_with("http://")) &&
                  base.find_first_of(" \t\r\n\"<>") == std::string::npos &&
                  base.size() > base.find("://") + 3;
  if (!absolute) {
    return InvalidArgument("the package URI base must be an absolute http(s) URI",
                           "package_uri_base");
  }
  const std::string& prefix = options.ocid_prefix;
  bool shaped = prefix.size() == 11 && prefix.starts_with("ocds-") &&
                std::all_of(prefix.begin() + 5, prefix.end(), [](char c) {
                  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                });
  if (!shaped) {
    return InvalidArgument("an OCDS prefix is 'ocds-' and six lower-case letters or digits",
                           "ocid_prefix");
  }
  return Status::Ok();
}

std::string_view OcdsReleaseTag(TenderState state) {
  switch (state) {
    case TenderState::kDraft:
      return "planning";
    case TenderState::kPublished:
      return "tender";
    case TenderState::kBiddingClosed:
    case TenderState::kOpened:
    case TenderState::kEvaluated:
    case TenderState::kAwardProposed:
    case TenderState::kPoliticalApproval:
    case TenderState::kUnsuccessful:
      return "tenderUpdate";
    case TenderState::kStandstill:
      return "award";
    case TenderState::kContractSigned:
      return "contract";
    case TenderState::kCancelled:
      return "tenderCancellation";
  }
  return "tenderUpdate";
}

std::string_view OcdsTenderStatus(TenderState state) {
  switch (state) {
    case TenderState::kDraft:
      return "planned";
    case TenderState::kPublished:
    case TenderState::kBiddingClosed:
    case TenderState::kOpened:
    case TenderState::kEvaluated:
    case TenderState::kAwardProposed:
    case TenderState::kPoliticalApproval:
      return "active";
    case TenderState::kStandstill:
    case TenderState::kContractSigned:
      return "complete";
    case TenderState::kUnsuccessful:
      return "unsuccessful";
    case TenderState::kCancelled:
      return "cancelled";
  }
  return "active";
}

nlohmann::json OcdsValue(const Money& money) {
  json value = {{"currency", money.currency}};
  if (money.minor % 100 == 0) {
    value["amount"] = money.minor / 100;  // an integer: exact at any size
    return value;
  }
  // Through the exact decimal text rather than minor / 100.0, whose division rounds once more.
  std::string text = FormatMoneyPlain(money);
  double amount = 0;
  std::from_chars(text.data(), text.data() + text.size(), amount);
  value["amount"] = amount;
  return value;
}

nlohmann::json ExportOcdsReleasePackage(const TenderRecord& record,
                                        const OcdsExportOptions& options) {
  const Tender& tender = record.tender;
  const TenderState state = tender.state();
  const std::string ocid = Ocid(record, options);
  const Timestamp date = ReleaseDate(record, options);
  const std::string_view tender_status = OcdsTenderStatus(state);

  Parties parties;
  parties.Add(record.buyer, "buyer");
  for (const SubmittedBid& bid : record.bids) parties.Add(bid.supplier, "tenderer");

  json awards = json::array();
  json contracts = json::array();
  if (AwardNoticeSent(record)) {
    std::optional<Timestamp> notice =
        StepInstant(record, "tender.send_award_notice", Milestone::kAwardNotice, DayPart::kStart);
    std::optional<Timestamp> signed_at =
        StepInstant(record, "tender.sign_contract", Milestone::kContractSigned, DayPart::kStart);
    for (const LotAward& lot_award : record.awards) {
      parties.Add(lot_award.supplier, "tenderer");
      if (state != TenderState::kCancelled) parties.Add(lot_award.supplier, "supplier");
      json award = {{"id", AwardId(lot_award)},
                    {"status", AwardStatus(state)},
                    {"value", OcdsValue(lot_award.contract_value)},
                    {"suppliers", json::array({OrganisationReference(lot_award.supplier)})}};
      if (notice) award["date"] = notice->ToIso();
      if (!lot_award.lot_id.empty()) award["relatedLots"] = json::array({lot_award.lot_id});
      if (!record.bids.empty()) award["relatedBid"] = std::to_string(lot_award.bid_id);
      awards.push_back(std::move(award));

      if (state == TenderState::kContractSigned) {
        json contract = {
            {"id", lot_award.lot_id.empty() ? "contract" : "contract-lot-" + lot_award.lot_id},
            {"awardID", AwardId(lot_award)},
            {"status", "active"},
            {"value", OcdsValue(lot_award.contract_value)}};
        if (signed_at) contract["dateSigned"] = signed_at->ToIso();
        contracts.push_back(std::move(contract));
      }
    }
  }

  json release = {{"ocid", ocid},
                  {"id", ocid + "-" + std::string(TenderStateName(state)) + "-" + CompactIso(date)},
                  {"date", date.ToIso()},
                  {"tag", json::array({OcdsReleaseTag(state)})},
                  {"initiationType", "tender"},
                  {"language", "nb"},
                  {"parties", parties.ToJson()},
                  {"buyer", OrganisationReference(record.buyer)},
                  {"tender", TenderSection(record, tender_status)}};
  if (!awards.empty()) release["awards"] = std::move(awards);
  if (!contracts.empty()) release["contracts"] = std::move(contracts);
  json bids = BidsSection(record);
  if (!bids.empty()) release["bids"] = std::move(bids);

  json extensions = json::array({kOcdsBidsExtensionUrl});
  if (!tender.draft().lots.empty()) extensions.push_back(kOcdsLotsExtensionUrl);
  return json{{"uri", options.package_uri_base + ocid},
              {"version", "1.1"},
              {"extensions", std::move(extensions)},
              {"publishedDate", options.published_date.ToIso()},
              {"publisher", {{"name", options.publisher_name}}},
              {"releases", json::array({std::move(release)})}};
}

}  // namespace samspill::tendering
