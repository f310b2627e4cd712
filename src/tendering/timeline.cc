#include "tendering/timeline.h"

#include <utility>

namespace samspill::tendering {
namespace {

// The main line of a tender: each date must not come before the latest earlier date that is set.
constexpr Milestone kMainLine[] = {Milestone::kDocumentsReady,    Milestone::kPublication,
                                   Milestone::kQuestionsDeadline, Milestone::kBidDeadline,
                                   Milestone::kEvaluationDone,    Milestone::kPoliticalApproval,
                                   Milestone::kAwardNotice,       Milestone::kStandstillEnd,
                                   Milestone::kContractSigned,    Milestone::kOperationStart};

// Side constraints off the main line: {earlier, later}.
constexpr std::pair<Milestone, Milestone> kSideOrder[] = {
    {Milestone::kPoliticalDecision, Milestone::kPublication},
    {Milestone::kMarketDialogue, Milestone::kPublication},
    {Milestone::kContractSigned, Milestone::kStaffTransfer},
    {Milestone::kPublication, Milestone::kRequestDeadline},
    {Milestone::kRequestDeadline, Milestone::kBidDeadline},
    {Milestone::kStaffInformation, Milestone::kReservationDeadline},
    {Milestone::kStaffInformation, Milestone::kStaffTransfer},
};

// Same day is allowed except where one date closes a period the other needs: requests to take
// part and bids are given after publication, bids after the last answers and requests,
// reservations after the employees are informed; the contract is signed after the standstill's
// last day.
bool MustBeStrictlyAfter(Milestone earlier, Milestone later) {
  return later == Milestone::kBidDeadline || later == Milestone::kRequestDeadline ||
         later == Milestone::kReservationDeadline ||
         (earlier == Milestone::kStandstillEnd && later == Milestone::kContractSigned);
}

std::string Label(Milestone m) {
  std::string name(MilestoneName(m));
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  return name;
}

void CheckOrder(const Timeline& t, Milestone earlier, Milestone later,
                std::vector<TimelineFinding>& findings) {
  const std::optional<Date> a = t.Get(earlier);
  const std::optional<Date> b = t.Get(later);
  if (!a || !b) return;
  const bool strict = MustBeStrictlyAfter(earlier, later);
  if (*b < *a || (strict && *b == *a)) {
    findings.push_back({Severity::kError, later,
                        Label(later) + " (" + b->ToIso() + ") must come " +
                            (strict ? "after " : "on or after ") + Label(earlier) + " (" +
                            a->ToIso() + ")"});
  }
}

TimeLimitKind TenderPeriodKind(const TenderProfile& p) {
  if (p.procedure == Procedure::kRestricted) {
    if (p.prior_notice_or_urgency) return TimeLimitKind::kRestrictedTenderUrgentOrPriorNotice;
    if (!p.electronic_submission_required) return TimeLimitKind::kRestrictedTenderNonElectronic;
    return TimeLimitKind::kRestrictedTender;
  }
  if (p.prior_notice_or_urgency) return TimeLimitKind::kOpenTenderPriorNoticeOrUrgent;
  if (!p.electronic_submission_required) return TimeLimitKind::kOpenTenderNonElectronic;
  return TimeLimitKind::kOpenTender;
}

// Procedures with a qualification phase, where suppliers first request to take part.
bool HasRequestPeriod(const TenderProfile& p) {
  return p.procedure == Procedure::kRestricted || p.procedure == Procedure::kOther;
}

std::string MinimumText(const TimeLimitRow& row) {
  return "FOA part III requires at least " + std::to_string(row.days) + " days (" +
         std::string(TimeLimitKindName(row.kind)) + ", " + row.source + ")";
}

// The part III minimum for requests to take part (DOMAIN.md §1). The profile's flag does not
// tell urgency from a prior notice, and only urgency shortens the restricted request period:
// below the urgent minimum is an error, below the ordinary one a warning to document urgency.
Status CheckRequestPeriod(const Timeline& t, const TenderProfile& profile,
                          const TimeLimitTable& table, const Date& publication,
                          std::vector<TimelineFinding>& findings) {
  const bool restricted = profile.procedure == Procedure::kRestricted;
  const TimeLimitKind ordinary_kind =
      restricted ? TimeLimitKind::kRestrictedRequest : TimeLimitKind::kNegotiatedRequest;
  SAMSPILL_ASSIGN_OR_RETURN(TimeLimitRow ordinary, table.InForce(ordinary_kind, publication));
  TimeLimitRow minimum = ordinary;
  const bool maybe_urgent = restricted && profile.prior_notice_or_urgency;
  if (maybe_urgent) {
    SAMSPILL_ASSIGN_OR_RETURN(minimum,
                              table.InForce(TimeLimitKind::kRestrictedRequestUrgent, publication));
  }
  const std::optional<Date> request = t.Get(Milestone::kRequestDeadline);
  if (!request) {
    findings.push_back({Severity::kWarning, Milestone::kRequestDeadline,
                        "the request-to-participate deadline has no date, so its period is not "
                        "checked; " +
                            MinimumText(ordinary)});
    return Status::Ok();
  }
  if (*request <= publication) return Status::Ok();  // the order check reports it
  const int64_t days = DaysBetween(publication, *request);
  const std::string period = "the request-to-participate period is " + std::to_string(days) +
                             " days (" + publication.ToIso() + " → " + request->ToIso() + ")";
  if (days < minimum.days) {
    findings.push_back(
        {Severity::kError, Milestone::kRequestDeadline, period + "; " + MinimumText(minimum)});
  } else if (days < ordinary.days) {
    findings.push_back({Severity::kWarning, Milestone::kRequestDeadline,
                        period + "; " + MinimumText(ordinary) + " unless urgency is documented (" +
                            std::to_string(minimum.days) +
                            " days); a prior information notice alone does not shorten it"});
  }
  return Status::Ok();
}

// Staff transfer (DOMAIN.md §4): the employees get at least the legal reservation period after
// they are told (arbeidsmiljøloven § 16-3), whatever the regime; and they should know their
// answer's deadline before they change employer.
Status CheckStaffTransfer(const Timeline& t, const TimeLimitTable& table,
                          std::vector<TimelineFinding>& findings) {
  const std::optional<Date> information = t.Get(Milestone::kStaffInformation);
  const std::optional<Date> reservation = t.Get(Milestone::kReservationDeadline);
  const std::optional<Date> transfer = t.Get(Milestone::kStaffTransfer);
  if (information && reservation && *reservation > *information) {
    SAMSPILL_ASSIGN_OR_RETURN(TimeLimitRow minimum,
                              table.InForce(TimeLimitKind::kStaffReservation, *information));
    const int64_t days = DaysBetween(*information, *reservation);
    if (days < minimum.days) {
      findings.push_back({Severity::kError, Milestone::kReservationDeadline,
                          "the reservation deadline (" + reservation->ToIso() + ") is " +
                              std::to_string(days) + " days after the employees are informed (" +
                              information->ToIso() + "); " + minimum.source +
                              " requires at least " + std::to_string(minimum.days) + " days"});
    }
  }
  if (reservation && transfer && *reservation > *transfer) {
    findings.push_back({Severity::kWarning, Milestone::kReservationDeadline,
                        "the reservation deadline (" + reservation->ToIso() +
                            ") is after the staff transfer (" + transfer->ToIso() +
                            "): the employees would answer after they have changed employer"});
  }
  return Status::Ok();
}

std::string PeriodText(int64_t days, const Date& from, const Date& to) {
  return "the bid period is " + std::to_string(days) + " days (" + from.ToIso() + " → " +
         to.ToIso() + ")";
}

}  // namespace

Result<std::vector<TimelineFinding>> CheckTimeline(const Timeline& input, LegalRegime regime,
                                                   const TenderProfile& profile,
                                                   const TimelineOptions& options) {
  if (options.standstill_days < 0) {
    return InvalidArgument("standstill days cannot be negative", "standstill_days");
  }
  if (options.bid_period.recommended_days < 0 || options.bid_period.recommended_days_large < 0) {
    return InvalidArgument("recommended bid periods cannot be negative",
                           "bid_period.recommended_days");
  }
  std::vector<TimelineFinding> findings;
  Timeline t = input;

  const std::optional<Date> award = t.Get(Milestone::kAwardNotice);
  // Part III: FOA § 25-2 sets a minimum that the municipality's setting may lengthen, never
  // shorten. The rules in force at publication apply, as for the thresholds.
  std::optional<TimeLimitRow> legal_standstill;
  const std::optional<Date> rules_date =
      t.Get(Milestone::kPublication) ? t.Get(Milestone::kPublication) : award;
  if (regime == LegalRegime::kPartIII && rules_date) {
    SAMSPILL_ASSIGN_OR_RETURN(legal_standstill, options.minimum_time_limits.InForce(
                                                    TimeLimitKind::kStandstill, *rules_date));
    if (options.standstill_days < legal_standstill->days) {
      return InvalidArgument("a standstill of " + std::to_string(options.standstill_days) +
                                 " days is too short: FOA part III requires at least " +
                                 std::to_string(legal_standstill->days) + " days (" +
                                 legal_standstill->source +
                                 "); the setting may lengthen it, never shorten it",
                             "standstill_days");
    }
  }
  const bool standstill_applies = regime != LegalRegime::kOutside && regime != LegalRegime::kPartI;
  if (award && standstill_applies) {
    const Date setting_end = award->AddDays(options.standstill_days);
    const std::optional<Date> end = t.Get(Milestone::kStandstillEnd);
    if (!end) {
      t.Set(Milestone::kStandstillEnd, setting_end);
      findings.push_back({Severity::kInfo, Milestone::kStandstillEnd,
                          "standstill end taken as award notice + " +
                              std::to_string(options.standstill_days) +
                              " days: " + setting_end.ToIso()});
    } else if (*end >= *award) {
      const std::string length =
          "the standstill is " + std::to_string(DaysBetween(*award, *end)) + " days";
      if (legal_standstill && *end < award->AddDays(legal_standstill->days)) {
        findings.push_back({Severity::kError, Milestone::kStandstillEnd,
                            length + "; " + MinimumText(*legal_standstill)});
      } else if (*end < setting_end) {
        // Parts II and IV have no confirmed minimum (DOMAIN.md §2): the figure is a setting.
        findings.push_back(
            {Severity::kWarning, Milestone::kStandstillEnd,
             length + ", shorter than the municipality's setting of " +
                 std::to_string(options.standstill_days) + " days (its own choice, not law" +
                 (regime == LegalRegime::kPartIV ? "; the part IV minimum is not confirmed" : "") +
                 ")"});
      }
    }
  }

  std::optional<Milestone> previous;
  for (Milestone m : kMainLine) {
    if (!t.Get(m)) continue;
    if (previous) CheckOrder(t, *previous, m, findings);
    previous = m;
  }
  for (const auto& [earlier, later] : kSideOrder) CheckOrder(t, earlier, later, findings);
  SAMSPILL_RETURN_IF_ERROR(CheckStaffTransfer(t, options.minimum_time_limits, findings));

  if (profile.political_approval_required && award && !t.Get(Milestone::kPoliticalApproval)) {
    findings.push_back({Severity::kError, Milestone::kPoliticalApproval,
                        "political approval is required before the award notice (" +
                            award->ToIso() + ") but has no date"});
  }

  const std::optional<Date> publication = t.Get(Milestone::kPublication);
  if (regime == LegalRegime::kPartIII && publication && HasRequestPeriod(profile)) {
    SAMSPILL_RETURN_IF_ERROR(
        CheckRequestPeriod(t, profile, options.minimum_time_limits, *publication, findings));
  }
  const std::optional<Date> deadline = t.Get(Milestone::kBidDeadline);
  if (publication && deadline && *deadline > *publication) {
    const int64_t days = DaysBetween(*publication, *deadline);
    bool below_legal_minimum = false;
    if (regime == LegalRegime::kPartIII) {
      if (profile.procedure == Procedure::kOther) {
        findings.push_back({Severity::kInfo, Milestone::kBidDeadline,
                            "no tender-period minimum is checked for this procedure, only the "
                            "request-to-participate period"});
      } else {
        SAMSPILL_ASSIGN_OR_RETURN(
            TimeLimitRow minimum,
            options.minimum_time_limits.InForce(TenderPeriodKind(profile), *publication));
        if (days < minimum.days) {
          below_legal_minimum = true;
          findings.push_back(
              {Severity::kError, Milestone::kBidDeadline,
               PeriodText(days, *publication, *deadline) + "; " + MinimumText(minimum)});
        }
      }
    }
    const bool above_eea = regime == LegalRegime::kPartIII || regime == LegalRegime::kPartIV;
    const BidPeriodPolicy& policy = options.bid_period;
    const bool large =
        above_eea && (profile.staff_transfer || profile.staff_years > policy.large_staff_years);
    const int recommended = large ? policy.recommended_days_large : policy.recommended_days;
    if (!below_legal_minimum && regime != LegalRegime::kOutside && days < recommended) {
      std::string why = large ? "a tender above the EEA threshold" : "a tender of this kind";
      if (large && profile.staff_transfer) why += " with transfer of staff";
      if (profile.staff_years > 0) why += " (" + std::to_string(profile.staff_years) + " årsverk)";
      findings.push_back({Severity::kWarning, Milestone::kBidDeadline,
                          PeriodText(days, *publication, *deadline) +
                              "; below the municipality's recommendation of " +
                              std::to_string(recommended) + " days for " + why +
                              " (its own choice, not law), so suppliers may not have sufficient "
                              "time given its complexity"});
    }
  }
  return findings;
}

}  // namespace samspill::tendering
