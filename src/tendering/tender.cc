#include "tendering/tender.h"

#include <algorithm>
#include <set>

#include "common/text.h"
#include "tendering/cpv.h"

namespace samspill::tendering {
namespace {

Status CheckMoney(const Money& money, const std::string& field) {
  if (money.currency != "NOK") {
    return InvalidArgument("estimated values are in NOK excl. VAT, got " + money.currency, field);
  }
  if (money.minor < 0) return InvalidArgument("the estimated value cannot be negative", field);
  return Status::Ok();
}

Timestamp StartOfDay(const Date& date) { return Timestamp{date.DaysSinceEpoch() * 86400}; }

// The lots bidding closes for: the draft's lot ids, or "" for an undivided tender.
std::vector<std::string> DraftLotIds(const TenderDraft& draft) {
  if (draft.lots.empty()) return {""};
  std::vector<std::string> ids;
  for (const Lot& lot : draft.lots) ids.push_back(lot.id);
  return ids;
}

std::string LotName(const std::string& lot_id) {
  return lot_id.empty() ? std::string("the undivided tender (lot \"\")") : "lot '" + lot_id + "'";
}

// Every lot counted once, no unknown lot, no negative count. `field` names the map.
Status CheckBidCounts(const TenderDraft& draft, const std::map<std::string, int>& counts,
                      const std::string& field) {
  const std::vector<std::string> ids = DraftLotIds(draft);
  for (const auto& [lot_id, count] : counts) {
    if (std::find(ids.begin(), ids.end(), lot_id) == ids.end()) {
      return InvalidArgument(draft.lots.empty()
                                 ? "the tender has no lots: count its valid bids under the lot id "
                                   "\"\", not '" +
                                       lot_id + "'"
                                 : "the tender has no lot '" + lot_id + "'",
                             field);
    }
    if (count < 0) {
      return InvalidArgument("the valid bids of " + LotName(lot_id) + " cannot be negative", field);
    }
  }
  for (const std::string& id : ids) {
    if (!counts.contains(id)) {
      return InvalidArgument("the valid bids of " + LotName(id) + " are missing", field);
    }
  }
  return Status::Ok();
}

// The lots with fewer valid bids than the minimum, in the draft's lot order.
std::vector<std::string> UnsuccessfulLots(const TenderDraft& draft,
                                          const std::map<std::string, int>& counts) {
  std::vector<std::string> unsuccessful;
  for (const std::string& id : DraftLotIds(draft)) {
    auto it = counts.find(id);
    if (it != counts.end() && it->second < draft.minimum_bids) unsuccessful.push_back(id);
  }
  return unsuccessful;
}

int MaxValidBids(const std::map<std::string, int>& counts) {
  int most = 0;
  for (const auto& [lot_id, count] : counts) most = std::max(most, count);
  return most;
}

// Publication, the questions deadline and the bid deadline in that order, each strictly
// after the one before: a date set on the draft is checked as it is typed, not first at
// publication. The bid deadline is the instant's date, as Publish() sets its milestone.
void CheckDateOrder(const TenderDraft& d, std::vector<Status>& problems) {
  struct Dated {
    std::optional<Date> date;
    std::string field;
    std::string name;
  };
  std::optional<Date> bid = d.timeline.Get(Milestone::kBidDeadline);
  if (d.bid_deadline) bid = d.bid_deadline->UtcDate();
  const Dated line[] = {
      {d.timeline.Get(Milestone::kPublication), "timeline.publication", "the publication date"},
      {d.timeline.Get(Milestone::kQuestionsDeadline), "timeline.questions_deadline",
       "the deadline for questions"},
      {bid, d.bid_deadline ? "bid_deadline" : "timeline.bid_deadline", "the bid deadline"}};
  const Dated* previous = nullptr;
  for (const Dated& item : line) {
    if (!item.date) continue;
    if (previous && !(*previous->date < *item.date)) {
      problems.push_back(InvalidArgument(item.name + " (" + item.date->ToIso() +
                                             ") must come after " + previous->name + " (" +
                                             previous->date->ToIso() + ")",
                                         item.field));
    }
    previous = &item;
  }
}

// The announced model as far as a draft can be checked without its regime: the evaluation
// engine's rules, weights that add up to 100, and the climate share of FOA § 7-9. Publish()
// checks it again with the regime decided (part III needs weights).
void CheckDraftAwardModel(const TenderDraft& d, std::vector<Status>& problems) {
  if (d.award_model.criteria.empty()) return;  // not yet drafted
  AwardModelRules rules = d.award_rules;
  rules.climate_weight_required = ClimateRuleApplies(d);
  Status model = ValidateAwardModel(d.award_model, LegalRegime::kPartI,
                                    AwardModelRules{.climate_weight_required = false});
  if (!model.ok()) {
    problems.push_back(InvalidArgument(
        model.message(), model.field().empty() ? "award_model" : "award_model." + model.field()));
  }
  Status climate = CheckClimateWeight(d.award_model, rules);
  if (!climate.ok()) {
    problems.push_back(InvalidArgument(climate.message(), "award_rules.climate_exception"));
  }
}

// Complaints are lodged during the standstill, so a snapshot holds them only once the award
// notice is sent; each is numbered in order and handled exactly when it is no longer open.
Status CheckComplaints(const TenderSnapshot& s) {
  if (s.complaints.empty()) return Status::Ok();
  const bool noticed = s.state == TenderState::kStandstill ||
                       s.state == TenderState::kContractSigned ||
                       (s.state == TenderState::kCancelled &&
                        s.draft.timeline.Get(Milestone::kStandstillEnd).has_value());
  if (!noticed) {
    return InvalidArgument("complaints are lodged only after the award notice, not in state '" +
                               std::string(TenderStateName(s.state)) + "'",
                           "complaints");
  }
  if (s.complaints.size() > kMaxComplaintsPerTender) {
    return InvalidArgument("at most " + std::to_string(kMaxComplaintsPerTender) + " complaints",
                           "complaints");
  }
  for (size_t i = 0; i < s.complaints.size(); ++i) {
    const Complaint& c = s.complaints[i];
    const std::string path = "complaints[" + std::to_string(i) + "]";
    if (c.id != static_cast<int>(i) + 1) {
      return InvalidArgument("complaints are numbered 1, 2, … in order", path + ".id");
    }
    if (c.supplier_organisation_id <= 0) {
      return InvalidArgument("a complaint comes from a supplier organisation",
                             path + ".supplier_organisation_id");
    }
    SAMSPILL_RETURN_IF_ERROR(CheckComplaintText(c.grounds, path + ".grounds"));
    if (c.open()) {
      if (c.handled_at || !c.handling_reasons.empty()) {
        return InvalidArgument("an open complaint has no handling yet", path + ".handled_at");
      }
      if (s.state == TenderState::kContractSigned) {
        return InvalidArgument("the contract was signed while " + ComplaintName(c) + " is open",
                               path + ".outcome");
      }
    } else {
      if (!c.handled_at) {
        return InvalidArgument("a handled complaint needs its time", path + ".handled_at");
      }
      SAMSPILL_RETURN_IF_ERROR(CheckComplaintText(c.handling_reasons, path + ".handling_reasons"));
    }
  }
  return Status::Ok();
}

}  // namespace

bool ClimateRuleApplies(const TenderDraft& draft) {
  if (!draft.award_rules.climate_weight_required) return false;
  const std::optional<Date> publication = draft.timeline.Get(Milestone::kPublication);
  return !publication || !(*publication < kClimateRuleFrom);
}

std::vector<Status> DraftProblems(const TenderDraft& d) {
  std::vector<Status> problems;
  auto check = [&](Status status) {
    if (!status.ok()) problems.push_back(std::move(status));
  };
  if (IsBlank(d.title) || d.title.size() > 300) {
    check(InvalidArgument("the title must have 1 to 300 characters", "title"));
  }
  if (!d.cpv_code.empty()) check(CheckCpvCode(d.cpv_code));
  check(CheckMoney(d.estimated_value, "estimated_value"));
  if (d.lots.size() > kMaxLotsPerTender) {
    check(InvalidArgument("at most " + std::to_string(kMaxLotsPerTender) + " lots", "lots"));
  }
  std::set<std::string> lot_ids;
  for (size_t i = 0; i < d.lots.size() && i < kMaxLotsPerTender; ++i) {
    const std::string path = "lots[" + std::to_string(i) + "]";
    if (IsBlank(d.lots[i].id)) {
      check(InvalidArgument("a lot needs an id", path + ".id"));
    } else if (!lot_ids.insert(d.lots[i].id).second) {
      check(InvalidArgument("lot id '" + d.lots[i].id + "' is used twice", path + ".id"));
    }
    if (IsBlank(d.lots[i].title)) check(InvalidArgument("a lot needs a title", path + ".title"));
    check(CheckMoney(d.lots[i].estimated_value, path + ".estimated_value"));
  }
  if (d.minimum_bids < kMinMinimumBids || d.minimum_bids > kMaxMinimumBids) {
    check(InvalidArgument("the minimum number of valid bids must be between 1 and 9",
                          "minimum_bids"));
  }
  if (d.standstill_days < 0 || d.standstill_days > 90) {
    check(InvalidArgument("the standstill period must be 0 to 90 days", "standstill_days"));
  }
  if (d.profile.staff_years < 0) {
    check(InvalidArgument("årsverk cannot be negative", "profile.staff_years"));
  }
  CheckDateOrder(d, problems);
  for (size_t i = 0; i < d.responsibilities.size(); ++i) {
    if (IsBlank(d.responsibilities[i].area)) {
      check(InvalidArgument("a responsibility needs an area",
                            "responsibilities[" + std::to_string(i) + "].area"));
    }
  }
  if (!d.ideal_reservation_justification.empty()) {
    Status reserved =
        ReserveForIdealOrganisations(d.category, d.ideal_reservation_justification).status();
    if (!reserved.ok() && reserved.field() == "justification") {
      reserved = InvalidArgument(reserved.message(), "ideal_reservation_justification");
    }
    check(reserved);
  }
  CheckDraftAwardModel(d, problems);
  return problems;
}

Status ValidateDraft(const TenderDraft& d) {
  std::vector<Status> problems = DraftProblems(d);
  return problems.empty() ? Status::Ok() : problems.front();
}

Result<Tender> Tender::CreateDraft(TenderDraft draft) {
  SAMSPILL_RETURN_IF_ERROR(ValidateDraft(draft));
  return Tender(std::move(draft));
}

Result<Tender> Tender::Restore(TenderSnapshot s) {
  // A changed announcement is reported as such before anything the change may have broken.
  if (s.locked_award_model) {
    SAMSPILL_RETURN_IF_ERROR(VerifyAwardModelLock(*s.locked_award_model));
    if (!(s.locked_award_model->model == s.draft.award_model)) {
      return Internal("the tender's award model differs from the one locked at publication " +
                      s.locked_award_model->locked_at.ToIso() + ": it has been changed");
    }
  }
  Status draft_ok = ValidateDraft(s.draft);
  if (!draft_ok.ok()) {
    return InvalidArgument(draft_ok.message(), draft_ok.field().empty()
                                                   ? std::string("draft")
                                                   : "draft." + draft_ok.field());
  }
  const std::string state = "'" + std::string(TenderStateName(s.state)) + "'";
  const bool cancelled = s.state == TenderState::kCancelled;
  // A cancelled tender may have been cancelled as a draft, before or after the close.
  const bool closed = cancelled
                          ? !s.valid_bids_per_lot.empty()
                          : s.state != TenderState::kDraft && s.state != TenderState::kPublished;
  const bool published = cancelled
                             ? closed || s.locked_award_model || s.regime || s.ideal_reservation
                             : s.state != TenderState::kDraft;

  if (published) {
    if (!s.regime) {
      return InvalidArgument("a tender in state " + state +
                                 " was published: the regime decision "
                                 "is missing",
                             "regime");
    }
    if (!s.locked_award_model) {
      return InvalidArgument("a tender in state " + state +
                                 " was published: the locked award "
                                 "model is missing",
                             "locked_award_model");
    }
    if (!s.draft.bid_deadline) {
      return InvalidArgument("a tender in state " + state +
                                 " was published: the bid deadline "
                                 "is missing",
                             "draft.bid_deadline");
    }
    if (s.ideal_reservation.has_value() != !s.draft.ideal_reservation_justification.empty()) {
      return InvalidArgument(s.ideal_reservation
                                 ? "the tender is reserved but its draft gives no justification"
                                 : "the draft reserves the tender (FOA § 30-2a) but the "
                                   "reservation is missing",
                             "ideal_reservation");
    }
  } else {
    if (s.locked_award_model) {
      return InvalidArgument("a draft has no locked award model", "locked_award_model");
    }
    if (s.regime) return InvalidArgument("a draft has no regime decision yet", "regime");
    if (s.ideal_reservation) {
      return InvalidArgument("a draft is reserved only at publication", "ideal_reservation");
    }
  }

  if (closed) {
    SAMSPILL_RETURN_IF_ERROR(CheckBidCounts(s.draft, s.valid_bids_per_lot, "valid_bids_per_lot"));
    if (s.unsuccessful_lots != UnsuccessfulLots(s.draft, s.valid_bids_per_lot)) {
      return InvalidArgument("the unsuccessful lots are not those with fewer than " +
                                 std::to_string(s.draft.minimum_bids) + " valid bids",
                             "unsuccessful_lots");
    }
    const bool all_unsuccessful = s.unsuccessful_lots.size() == DraftLotIds(s.draft).size();
    if (!cancelled && all_unsuccessful != (s.state == TenderState::kUnsuccessful)) {
      return InvalidArgument(all_unsuccessful
                                 ? "every lot is unsuccessful, so the tender is too, not " + state
                                 : "the tender is unsuccessful only when every lot is",
                             "state");
    }
  } else if (!s.valid_bids_per_lot.empty() || !s.unsuccessful_lots.empty()) {
    return InvalidArgument("bidding has not closed in state " + state, s.valid_bids_per_lot.empty()
                                                                           ? "unsuccessful_lots"
                                                                           : "valid_bids_per_lot");
  }

  if (s.state == TenderState::kPoliticalApproval && !s.draft.profile.political_approval_required) {
    return InvalidArgument(
        "the tender needs no political approval, so it cannot be in state " + state, "state");
  }
  if ((s.state == TenderState::kStandstill || s.state == TenderState::kContractSigned) &&
      !s.draft.timeline.Get(Milestone::kStandstillEnd)) {
    return InvalidArgument("the award notice was sent: the standstill end is missing",
                           "draft.timeline.standstill_end");
  }
  if (cancelled && IsBlank(s.cancellation_reason)) {
    return InvalidArgument("a cancelled tender needs its written reason (FOA § 25-4)",
                           "cancellation_reason");
  }
  if (!cancelled && !s.cancellation_reason.empty()) {
    return InvalidArgument("only a cancelled tender has a cancellation reason",
                           "cancellation_reason");
  }

  SAMSPILL_RETURN_IF_ERROR(CheckComplaints(s));

  Tender tender(std::move(s.draft));
  tender.state_ = s.state;
  tender.locked_ = std::move(s.locked_award_model);
  tender.regime_ = std::move(s.regime);
  tender.reservation_ = std::move(s.ideal_reservation);
  tender.cancellation_reason_ = std::move(s.cancellation_reason);
  tender.valid_bids_per_lot_ = std::move(s.valid_bids_per_lot);
  tender.unsuccessful_lots_ = std::move(s.unsuccessful_lots);
  tender.complaints_ = std::move(s.complaints);
  return tender;
}

TenderSnapshot Tender::Snapshot() const {
  return TenderSnapshot{draft_,
                        state_,
                        locked_,
                        regime_,
                        reservation_,
                        cancellation_reason_,
                        valid_bids_per_lot_,
                        unsuccessful_lots_,
                        complaints_};
}

Status Tender::ReviseDraft(TenderDraft draft) {
  if (state_ != TenderState::kDraft) {
    return Conflict("the tender is in state '" + std::string(TenderStateName(state_)) +
                    "': its terms and award criteria were locked at publication (KOFA "
                    "2025/0993) and cannot be changed");
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateDraft(draft));
  draft_ = std::move(draft);
  return Status::Ok();
}

Result<RegimeDecision> Tender::RegimeOn(const Date& date, const ThresholdTable& table) const {
  return DetermineRegime(
      RegimeInput{draft_.estimated_value, draft_.category, draft_.buyer_type, date}, table);
}

TransitionContext Tender::Context(Timestamp now) const {
  TransitionContext ctx;
  ctx.now = now;
  ctx.bid_deadline = draft_.bid_deadline;
  ctx.standstill_end = StandstillEnd();
  ctx.political_approval_required = draft_.profile.political_approval_required;
  ctx.valid_bids = MaxValidBids(valid_bids_per_lot_);
  ctx.minimum_bids = draft_.minimum_bids;
  return ctx;
}

// The standstill date is its last day (FOA § 7-6 counts calendar days); the contract may be
// signed from the start of the next day, taken in UTC — later than midnight in Norway, never
// earlier.
std::optional<Timestamp> Tender::StandstillEnd() const {
  std::optional<Date> last_day = draft_.timeline.Get(Milestone::kStandstillEnd);
  if (!last_day) return std::nullopt;
  return StartOfDay(last_day->AddDays(1));
}

Result<std::vector<TimelineFinding>> Tender::Publish(Timestamp now, const ThresholdTable& table,
                                                     const TimelineOptions& options) {
  if (state_ != TenderState::kDraft) {
    Result<TenderState> refused = Apply(state_, TenderAction::kPublish, Context(now));
    return refused.ok() ? Internal("the state machine allowed publishing a non-draft")
                        : refused.status();
  }
  TenderDraft published = draft_;
  if (!published.timeline.Get(Milestone::kPublication)) {
    published.timeline.Set(Milestone::kPublication, now.UtcDate());
  }
  if (published.bid_deadline && !published.timeline.Get(Milestone::kBidDeadline)) {
    published.timeline.Set(Milestone::kBidDeadline, published.bid_deadline->UtcDate());
  }
  Date publication = *published.timeline.Get(Milestone::kPublication);
  SAMSPILL_ASSIGN_OR_RETURN(
      RegimeDecision regime,
      DetermineRegime(RegimeInput{published.estimated_value, published.category,
                                  published.buyer_type, publication},
                      table));
  TimelineOptions timeline_options = options;
  timeline_options.standstill_days = published.standstill_days;
  SAMSPILL_ASSIGN_OR_RETURN(
      std::vector<TimelineFinding> findings,
      CheckTimeline(published.timeline, regime.regime, published.profile, timeline_options));
  for (const TimelineFinding& f : findings) {
    if (f.severity == Severity::kError) {
      return InvalidArgument("cannot publish: " + f.message,
                             "timeline." + std::string(MilestoneName(f.milestone)));
    }
  }
  AwardModelRules rules = published.award_rules;
  rules.climate_weight_required = ClimateRuleApplies(published);
  SAMSPILL_ASSIGN_OR_RETURN(LockedAwardModel locked,
                            LockAwardModel(published.award_model, regime.regime, rules, now));
  std::optional<IdealReservation> reservation;
  if (!published.ideal_reservation_justification.empty()) {
    SAMSPILL_ASSIGN_OR_RETURN(
        reservation, ReserveForIdealOrganisations(published.category,
                                                  published.ideal_reservation_justification));
  }
  TransitionContext ctx = Context(now);
  SAMSPILL_ASSIGN_OR_RETURN(TenderState next, Apply(state_, TenderAction::kPublish, ctx));
  // Only now, with every check passed, does anything change.
  draft_ = std::move(published);
  state_ = next;
  locked_ = std::move(locked);
  regime_ = std::move(regime);
  reservation_ = std::move(reservation);
  return findings;
}

PublicationCheck Tender::CheckPublication(Timestamp now, const ThresholdTable& table,
                                          const TimelineOptions& options) const {
  PublicationCheck check;
  TenderDraft published = draft_;
  if (!published.timeline.Get(Milestone::kPublication)) {
    published.timeline.Set(Milestone::kPublication, now.UtcDate());
  }
  if (published.bid_deadline && !published.timeline.Get(Milestone::kBidDeadline)) {
    published.timeline.Set(Milestone::kBidDeadline, published.bid_deadline->UtcDate());
  }
  check.publication = *published.timeline.Get(Milestone::kPublication);
  Result<TenderState> next = Apply(state_, TenderAction::kPublish, Context(now));
  if (!next.ok()) check.problems.push_back(next.status());
  for (Status& problem : DraftProblems(draft_)) check.problems.push_back(std::move(problem));
  Result<RegimeDecision> regime =
      DetermineRegime(RegimeInput{published.estimated_value, published.category,
                                  published.buyer_type, check.publication},
                      table);
  if (!regime.ok()) {
    check.problems.push_back(regime.status());
    return check;
  }
  check.regime = *regime;
  TimelineOptions timeline_options = options;
  timeline_options.standstill_days = published.standstill_days;
  Result<std::vector<TimelineFinding>> findings =
      CheckTimeline(published.timeline, regime->regime, published.profile, timeline_options);
  if (!findings.ok()) {
    check.problems.push_back(findings.status());
  } else {
    check.findings = std::move(*findings);
    for (const TimelineFinding& f : check.findings) {
      if (f.severity != Severity::kError) continue;
      check.problems.push_back(InvalidArgument(
          "cannot publish: " + f.message, "timeline." + std::string(MilestoneName(f.milestone))));
    }
  }
  // The model's own problems are among the draft's; here only what the regime adds (part III
  // needs weights) and a model without criteria, which a draft may have but a notice may not.
  const bool model_listed =
      std::any_of(check.problems.begin(), check.problems.end(), [](const Status& p) {
        return p.field().rfind("award_model", 0) == 0 || p.field().rfind("award_rules", 0) == 0;
      });
  if (!model_listed) {
    AwardModelRules rules = published.award_rules;
    rules.climate_weight_required = ClimateRuleApplies(published);
    Status model = ValidateAwardModel(published.award_model, regime->regime, rules);
    if (!model.ok()) {
      check.problems.push_back(InvalidArgument(
          model.message(), model.field().empty() ? "award_model" : "award_model." + model.field()));
    }
  }
  return check;
}

Status Tender::CloseBidding(Timestamp now, const std::map<std::string, int>& valid_bids_per_lot) {
  SAMSPILL_RETURN_IF_ERROR(CheckBidCounts(draft_, valid_bids_per_lot, "lots"));
  // The state machine sees the best-supplied lot: the tender is unsuccessful exactly when
  // every lot is.
  TransitionContext ctx = Context(now);
  ctx.valid_bids = MaxValidBids(valid_bids_per_lot);
  SAMSPILL_ASSIGN_OR_RETURN(TenderState next, Apply(state_, TenderAction::kCloseBidding, ctx));
  valid_bids_per_lot_ = valid_bids_per_lot;
  unsuccessful_lots_ = UnsuccessfulLots(draft_, valid_bids_per_lot);
  state_ = next;
  return Status::Ok();
}

Status Tender::Advance(TenderAction action, Timestamp now) {
  if (action == TenderAction::kPublish || action == TenderAction::kCloseBidding ||
      action == TenderAction::kCancel) {
    return InvalidArgument(
        "use Publish, CloseBidding or Cancel for '" + std::string(TenderActionName(action)) + "'",
        "action");
  }
  TenderDraft updated = draft_;
  if (action == TenderAction::kSendAwardNotice) {
    const Date sent = now.UtcDate();
    const std::optional<Date> planned_notice = updated.timeline.Get(Milestone::kAwardNotice);
    const std::optional<Date> planned_end = updated.timeline.Get(Milestone::kStandstillEnd);
    if (!planned_notice) updated.timeline.Set(Milestone::kAwardNotice, sent);
    // The standstill runs from the notice actually sent: one sent later than planned moves the
    // end by as much, so suppliers keep the whole period. The planned length was checked at
    // publication (in part III never below FOA § 25-2), as was standstill_days.
    const int64_t days = planned_notice && planned_end ? DaysBetween(*planned_notice, *planned_end)
                                                       : updated.standstill_days;
    const Date from = planned_notice ? std::max(*planned_notice, sent) : sent;
    const Date end = from.AddDays(days);
    if (!planned_end || *planned_end < end) updated.timeline.Set(Milestone::kStandstillEnd, end);
  }
  if (action == TenderAction::kSignContract) {
    if (const Complaint* open = OpenComplaint()) {
      return Conflict("the contract cannot be signed while " + ComplaintName(*open) +
                      " is open: record its handling first");
    }
  }
  std::swap(draft_, updated);  // Context() reads the draft
  Result<TenderState> next = Apply(state_, action, Context(now));
  if (!next.ok()) {
    std::swap(draft_, updated);  // nothing half-done
    return next.status();
  }
  state_ = *next;
  return Status::Ok();
}

Status Tender::Cancel(Timestamp now, std::string reason) {
  TransitionContext ctx = Context(now);
  ctx.cancellation_reason = reason;
  SAMSPILL_ASSIGN_OR_RETURN(TenderState next, Apply(state_, TenderAction::kCancel, ctx));
  state_ = next;
  cancellation_reason_ = std::move(reason);
  return Status::Ok();
}

std::vector<std::string> Tender::LotIds() const { return DraftLotIds(draft_); }

Status Tender::CheckLotId(const std::string& lot_id) const {
  std::vector<std::string> ids = LotIds();
  if (std::find(ids.begin(), ids.end(), lot_id) != ids.end()) return Status::Ok();
  if (draft_.lots.empty()) {
    return InvalidArgument("this tender has no lots; leave lot_id out", "lot_id");
  }
  return InvalidArgument("the tender has no lot '" + lot_id + "'", "lot_id");
}

Result<BidReceipt> Tender::ReceiveBid(Timestamp now, const IncomingBid& bid,
                                      const std::vector<BidOnFile>& on_file) const {
  if (state_ != TenderState::kPublished) {
    return Conflict("bids are received only while the tender is published; it is in state '" +
                    std::string(TenderStateName(state_)) + "'");
  }
  const std::optional<Timestamp>& deadline = draft_.bid_deadline;
  if (!deadline || now >= *deadline) {
    return Conflict("the bid deadline " + (deadline ? deadline->ToIso() : std::string("?")) +
                    " has passed: late bids are rejected");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckLotId(bid.lot_id));
  if (bid.price.minor <= 0) return InvalidArgument("price must be greater than 0", "price");
  if (bid.price.currency != draft_.estimated_value.currency) {
    return InvalidArgument("price must be in " + draft_.estimated_value.currency +
                               ", the tender's currency, not " + bid.price.currency,
                           "price");
  }
  if (bid.supplier_organisation_id <= 0) {
    return FailedPrecondition("a bid comes from a supplier organisation");
  }
  BidReceipt receipt;
  receipt.replaces_earlier = std::any_of(on_file.begin(), on_file.end(), [&](const BidOnFile& b) {
    return b.lot_id == bid.lot_id && b.supplier_organisation_id == bid.supplier_organisation_id;
  });
  return receipt;
}

std::vector<TenderAction> Tender::AllowedActions(Timestamp now) const {
  std::vector<TenderAction> actions = tendering::AllowedActions(state_, Context(now));
  if (OpenComplaint()) std::erase(actions, TenderAction::kSignContract);
  return actions;
}

const Complaint* Tender::OpenComplaint() const {
  for (const Complaint& complaint : complaints_) {
    if (complaint.open()) return &complaint;
  }
  return nullptr;
}

Result<Complaint> Tender::LodgeComplaint(Timestamp now, int64_t supplier_organisation_id,
                                         std::string supplier_name, std::string grounds) {
  if (state_ != TenderState::kStandstill) {
    return Conflict(
        "complaints are lodged during the standstill period, after the award notice; the tender "
        "is in state '" +
        std::string(TenderStateName(state_)) + "'");
  }
  const std::optional<Timestamp> end = StandstillEnd();
  if (!end || now >= *end) {
    const std::optional<Date> last_day = draft_.timeline.Get(Milestone::kStandstillEnd);
    return Conflict("the standstill period ended " +
                    (last_day ? last_day->ToIso() : std::string("?")) +
                    ": complaints to the buyer are lodged before its end");
  }
  if (supplier_organisation_id <= 0) {
    return FailedPrecondition("a complaint comes from a supplier organisation");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckComplaintText(grounds, "grounds"));
  if (complaints_.size() >= kMaxComplaintsPerTender) {
    return Conflict("the tender already has " + std::to_string(kMaxComplaintsPerTender) +
                    " complaints");
  }
  Complaint complaint;
  complaint.id = static_cast<int>(complaints_.size()) + 1;
  complaint.supplier_organisation_id = supplier_organisation_id;
  complaint.supplier_name = std::move(supplier_name);
  complaint.lodged_at = now;
  complaint.grounds = std::move(grounds);
  complaints_.push_back(complaint);
  return complaint;
}

Result<Complaint> Tender::HandleComplaint(Timestamp now, int complaint_id, ComplaintOutcome outcome,
                                          std::string reasons) {
  if (complaint_id < 1 || complaint_id > static_cast<int>(complaints_.size())) {
    return NotFound("the tender has no complaint " + std::to_string(complaint_id));
  }
  Complaint& complaint = complaints_[complaint_id - 1];
  if (!complaint.open()) {
    return Conflict(ComplaintName(complaint) + " was already handled " +
                    (complaint.handled_at ? complaint.handled_at->ToIso() : std::string()) + " (" +
                    std::string(ComplaintOutcomeName(complaint.outcome)) + ")");
  }
  if (outcome == ComplaintOutcome::kOpen) {
    return InvalidArgument("must be \"upheld\" or \"rejected\"", "outcome");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckComplaintText(reasons, "reasons"));
  complaint.outcome = outcome;
  complaint.handled_at = now;
  complaint.handling_reasons = std::move(reasons);
  return complaint;
}

}  // namespace samspill::tendering
