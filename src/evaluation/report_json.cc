#include "evaluation/report_json.h"

#include <string>

namespace samspill::evaluation {
namespace {

using nlohmann::json;

json MoneyJson(int64_t minor) {
  if (minor % 100 == 0) return json(minor / 100);
  return json(static_cast<double>(minor) / 100.0);
}

json OptionalNumber(const std::optional<double>& value) {
  return value ? json(*value) : json(nullptr);
}

class Renderer {
 public:
  explicit Renderer(const EvaluationReport& report)
      : report_(report), table_(report.table), matrix_(report.scores) {}

  json Render() const {
    json out = json::object();
    const bool quality_pricing = matrix_.lower_is_better;
    out["price_model"] = PriceModelName(table_.price_model);
    out["weighting"] = WeightingName(table_.weighting);
    out["normalisation"] = NormalisationName(report_.options.normalisation);
    out["tie_break"] = TieBreakName(report_.options.tie_break);
    out["currency"] = table_.currency;
    if (!table_.title.empty()) out["title"] = table_.title;
    out["total_meaning"] =
        quality_pricing ? "evaluated_price_lower_is_better" : "weighted_score_higher_is_better";
    out["criteria"] = Criteria();
    out["ranking"] = Ranking();
    out["winner"] = BidOrNull(report_.winner);
    out["tied_for_first"] = BidIds(report_.tied_for_first);
    out["runner_up"] = BidOrNull(report_.runner_up);
    out["margin"] = OptionalNumber(report_.margin);
    out["abnormally_low"] = AbnormallyLow();
    out["sensitivity"] = Sensitivity();
    out["notes"] = report_.notes;
    return out;
  }

 private:
  const std::string& BidId(size_t bid) const { return table_.bids[bid].id; }
  const std::string& CriterionId(size_t criterion) const { return table_.criteria[criterion].id; }

  json BidOrNull(const std::optional<size_t>& bid) const {
    return bid ? json(BidId(*bid)) : json(nullptr);
  }
  json BidIds(const std::vector<size_t>& bids) const {
    json out = json::array();
    for (size_t b : bids) out.push_back(BidId(b));
    return out;
  }

  json Criteria() const {
    json out = json::array();
    for (size_t k = 0; k < table_.criteria.size(); ++k) {
      const Criterion& c = table_.criteria[k];
      json item = {{"id", c.id}, {"kind", CriterionKindName(c.kind)}};
      if (!c.name.empty()) item["name"] = c.name;
      switch (table_.weighting) {
        case Weighting::kWeights:
          item["weight"] = c.weight;
          item["normalised_weight"] = report_.normalised_weights[k];
          break;
        case Weighting::kPriorityRankOrderCentroid:
          item["priority"] = c.priority;
          item["normalised_weight"] = report_.normalised_weights[k];
          break;
        case Weighting::kValuePerPoint:
          if (IsQualityLike(c.kind)) item["value_per_point"] = MoneyJson(c.value_per_point_minor);
          break;
      }
      out.push_back(std::move(item));
    }
    return out;
  }

  json Ranking() const {
    json out = json::array();
    const bool normalised = report_.options.normalisation != Normalisation::kNone;
    for (size_t i : report_.order) {
      const Bid& bid = table_.bids[i];
      json item = {{"id", bid.id},
                   {"rank", report_.ranks[i]},
                   {"total", report_.totals[i]},
                   {"price", MoneyJson(bid.price_minor)}};
      if (!bid.name.empty()) item["name"] = bid.name;
      json scores = json::object();
      json raw = json::object();
      json contributions = json::object();
      json justifications = json::object();
      for (size_t k = 0; k < table_.criteria.size(); ++k) {
        const Criterion& c = table_.criteria[k];
        const bool quality = IsQualityLike(c.kind);
        // Under quality pricing the price column holds money, not a score.
        if (quality || !matrix_.lower_is_better) scores[c.id] = matrix_.value(i, k);
        if (quality && normalised) raw[c.id] = matrix_.raw_score(i, k);
        contributions[c.id] = matrix_.Contribution(i, k);
        if (k < bid.justifications.size() && !bid.justifications[k].empty()) {
          justifications[c.id] = bid.justifications[k];
        }
      }
      item["scores"] = std::move(scores);
      if (normalised) item["raw_scores"] = std::move(raw);
      item["contributions"] = std::move(contributions);
      item["justifications"] = std::move(justifications);
      out.push_back(std::move(item));
    }
    return out;
  }

  json AbnormallyLow() const {
    const AbnormallyLowReport& low = report_.abnormally_low;
    const AbnormallyLowOptions& rule = report_.options.abnormally_low;
    json out = {{"applies", low.applies},
                {"flagged", low.flagged},
                {"rule",
                 {{"below_mean_of_others_percent", rule.below_mean_percent},
                  {"below_next_lowest_percent", rule.below_next_percent},
                  {"min_bids", rule.min_bids},
                  {"source", "Prozorro rule; explanation required by FOA § 24-9"}}}};
    json checks = json::array();
    for (const AbnormallyLowCheck& check : low.checks) {
      checks.push_back({{"bid", BidId(check.bid)},
                        {"price", MoneyJson(table_.bids[check.bid].price_minor)},
                        {"mean_of_others", MoneyJson(check.mean_of_others_minor)},
                        {"next_lowest", MoneyJson(check.next_lowest_minor)},
                        {"below_mean_of_others_percent", check.below_mean_of_others_percent},
                        {"below_next_lowest_percent", check.below_next_lowest_percent},
                        {"below_mean_threshold", check.below_mean_threshold},
                        {"below_next_threshold", check.below_next_threshold},
                        {"flagged", check.flagged},
                        {"reasons", check.reasons},
                        {"message", check.message}});
    }
    out["checks"] = std::move(checks);
    if (!low.applies) out["note"] = "the check needs at least two bids";
    return out;
  }

  json WeightStabilityJson() const {
    json out = json::array();
    const bool quality_pricing = matrix_.lower_is_better;
    for (const WeightStability& s : report_.sensitivity.weight_stability) {
      json item = {{"criterion", CriterionId(s.criterion)},
                   {"status", StabilityStatusName(s.status)},
                   {"min", OptionalNumber(s.min)},
                   {"max", OptionalNumber(s.max)},
                   {"challenger_below", BidOrNull(s.challenger_below)},
                   {"challenger_above", BidOrNull(s.challenger_above)}};
      if (quality_pricing) {
        item["value_per_point"] =
            s.status == StabilityStatus::kNotApplicable ? json(nullptr) : json(s.current);
        item["unit"] = table_.currency + " per score point";
      } else {
        item["weight"] = s.current;
        item["unit"] = "normalised weight (others rescaled proportionally)";
      }
      switch (s.status) {
        case StabilityStatus::kOk:
          break;
        case StabilityStatus::kSingleCriterion:
          item["note"] = "the only criterion always has weight 1";
          break;
        case StabilityStatus::kNoUniqueWinner:
          item["note"] = "bids share rank 1, so there is no winner whose stability to measure";
          break;
        case StabilityStatus::kNotApplicable:
          item["note"] = "under quality pricing the price counts at face value";
          break;
      }
      out.push_back(std::move(item));
    }
    return out;
  }

  json RankAcceptabilityJson() const {
    const RankAcceptability& ra = report_.sensitivity.rank_acceptability;
    const RankAcceptabilityOptions& options = report_.options.sensitivity.rank_acceptability;
    json out = {{"draws", ra.draws},
                {"seed", options.seed},
                {"perturbation_points", options.perturbation_points},
                {"perturbation", matrix_.lower_is_better
                                     ? "value_per_point multiplied by U(1-p/100, 1+p/100)"
                                     : "weights in percentage points plus U(-p, +p), "
                                       "floored at min_weight_points, renormalised"},
                {"winner_stays_winner", OptionalNumber(ra.winner_stays_winner)}};
    if (!matrix_.lower_is_better) out["min_weight_points"] = options.min_weight_points;
    json bids = json::array();
    if (ra.draws > 0) {
      for (size_t i : report_.order) {
        bids.push_back({{"id", BidId(i)},
                        {"first_rank", ra.first_rank[i]},
                        {"expected_rank", ra.expected_rank[i]},
                        {"rank_probabilities", ra.rank_probabilities[i]}});
      }
    } else {
      out["note"] = "Monte Carlo analysis disabled (draws = 0)";
    }
    out["bids"] = std::move(bids);
    return out;
  }

  json WithdrawalJson() const {
    json out = json::array();
    std::vector<const WithdrawalOutcome*> by_bid(table_.bids.size(), nullptr);
    for (const WithdrawalOutcome& w : report_.sensitivity.withdrawal) by_bid[w.withdrawn] = &w;
    for (size_t i : report_.order) {
      const WithdrawalOutcome* w = by_bid[i];
      if (!w) continue;
      json ranking = json::array();
      for (size_t p = 0; p < w->order.size(); ++p) {
        ranking.push_back(
            {{"id", BidId(w->order[p])}, {"rank", w->ranks[p]}, {"total", w->totals[p]}});
      }
      json reversals = json::array();
      for (const RankReversal& r : w->reversals) {
        reversals.push_back({{"was_ahead", BidId(r.was_ahead)}, {"now_ahead", BidId(r.now_ahead)}});
      }
      out.push_back({{"withdrawn", BidId(w->withdrawn)},
                     {"winner", BidOrNull(w->winner)},
                     {"tied_for_first", BidIds(w->tied_for_first)},
                     {"winner_changed", w->winner_changed},
                     {"ranking", std::move(ranking)},
                     {"rank_reversals", std::move(reversals)},
                     {"rank_reversal_count", w->reversal_count}});
    }
    return out;
  }

  json SeparationJson() const {
    json out = json::array();
    for (const CriterionSeparation& s : report_.sensitivity.criterion_separation) {
      json item = {{"criterion", CriterionId(s.criterion)},
                   {"range", s.range},
                   {"std_dev", s.std_dev},
                   {"share_of_ranges", s.share_of_ranges},
                   {"relative_range", s.relative_range},
                   {"separated", SeparationBandName(s.band)},
                   {"margin_contribution", OptionalNumber(s.margin_contribution)},
                   {"decisive", s.decisive}};
      if (s.first_without.size() == 1) {
        item["winner_without"] = BidId(s.first_without[0]);
        item["tied_for_first_without"] = json::array();
      } else {
        item["winner_without"] = nullptr;
        item["tied_for_first_without"] = BidIds(s.first_without);
      }
      out.push_back(std::move(item));
    }
    return out;
  }

  json Sensitivity() const {
    if (!report_.sensitivity.computed) return {{"computed", false}};
    const SeparationOptions& sep = report_.options.separation;
    return {{"computed", true},
            {"weight_stability", WeightStabilityJson()},
            {"rank_acceptability", RankAcceptabilityJson()},
            {"withdrawal", WithdrawalJson()},
            {"criterion_separation", SeparationJson()},
            {"criterion_separation_bands",
             {{"measure", "range of the weighted contributions divided by the scale"},
              {"scale", matrix_.lower_is_better ? "mean offered price" : "10 points"},
              {"none_below", sep.none_below},
              {"little_below", sep.little_below}}}};
  }

  const EvaluationReport& report_;
  const BidTable& table_;
  const ScoreMatrix& matrix_;
};

}  // namespace

nlohmann::json RenderReportJson(const EvaluationReport& report) {
  return Renderer(report).Render();
}

}  // namespace samspill::evaluation
