#include "strategy/priorities.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

#include "common/format_nb.h"
#include "common/text.h"
#include "evaluation/price_model.h"
#include "evaluation/rank_acceptability.h"
#include "evaluation/ranking.h"
#include "evaluation/score_matrix.h"
#include "evaluation/weight_stability.h"

namespace samspill::strategy {
namespace {

constexpr std::array<PriorityCriterion, kPriorityCriterionCount> kCriteria = {
    PriorityCriterion::kVolumeGain, PriorityCriterion::kPeerExperience,
    PriorityCriterion::kMarketRobustness, PriorityCriterion::kOwnHistory};

// Texts are shown on pages and kept in the store; these bounds keep one list from growing
// without limit while leaving room for any real name or reason.
constexpr size_t kMaxShortText = 200;
constexpr size_t kMaxLongText = 4000;

// The highest score on the guide's scale, and the years of history that already count as
// "long ago" (a task never competed stands above every one that was).
constexpr double kMaxScore = 10.0;
constexpr int kMaxHistoryYears = 8;

std::string CandidateField(size_t i, std::string_view rest) {
  return "candidates[" + std::to_string(i) + "]." + std::string(rest);
}

std::string CandidateWho(const Candidate& c, size_t i) {
  if (IsBlank(c.name)) return "candidate " + std::to_string(i + 1);
  return "candidate '" + c.name + "'";
}

bool InUnit(double v) { return std::isfinite(v) && v >= 0.0 && v <= 1.0; }

// ---- Number texts. Money is whole kroner; it becomes a double only to be printed.

// Amounts below a million in whole kroner, so a small gain does not read as "0,0 mill.".
std::string MillionsNb(int64_t kroner) {
  if (kroner < 1'000'000) return "kr " + GroupDigits(kroner);
  return FormatDecimalNb(static_cast<double>(kroner) / 1e6, 1) + " mill. kr";
}

std::string MillionsEn(int64_t kroner) {
  if (kroner < 1'000'000) return GroupDigits(kroner, ",") + " kr";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f million kr", static_cast<double>(kroner) / 1e6);
  return buffer;
}

std::string DecimalEn(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string PercentNb(double share) { return FormatDecimalNb(100.0 * share, 0) + " %"; }
std::string PercentEn(double share) { return DecimalEn(100.0 * share, 0) + " %"; }

// A rate such as 0.05 as "5" or "2,5": whole percentages without decimals.
std::string RatePercentNb(double rate) {
  const double p = 100.0 * rate;
  return FormatDecimalNb(p, p == std::floor(p) ? 0 : 1) + " %";
}
std::string RatePercentEn(double rate) {
  const double p = 100.0 * rate;
  return DecimalEn(p, p == std::floor(p) ? 0 : 1) + " %";
}

std::string ScoreNb(double score) { return FormatDecimalNb(score, 1) + " av 10"; }
std::string ScoreEn(double score) { return DecimalEn(score, 1) + " of 10"; }

// ---- The rules, one per criterion. Each fills the score and the basis; `phrase_*` is the
// short statement the reasons repeat with the score.

struct Scored {
  CriterionScore score;
  std::string phrase_nb;
  std::string phrase_en;
};

// The expected gain per year by the rule: the decision case's when there is one, else the
// volume times the default rate (rounded to whole kroner), else none.
struct Gain {
  std::optional<int64_t> kroner;
  bool estimate = false;
};

Gain GainOf(const CandidateFacts& f, double default_gain_rate) {
  if (f.expected_gain) return {*f.expected_gain, false};
  if (f.yearly_volume) {
    return {std::llround(static_cast<double>(*f.yearly_volume) * default_gain_rate), true};
  }
  return {};
}

Scored VolumeGain(const Candidate& c, const Gain& gain, int64_t largest, double rate) {
  Scored s;
  if (!gain.kroner) {
    s.phrase_nb = "Ingen volum eller forventet gevinst: telt som 0";
    s.phrase_en = "No volume or expected gain: counted as 0";
    s.score.basis_nb = s.phrase_nb;
    s.score.basis_en = s.phrase_en;
    return s;
  }
  const int64_t g = *gain.kroner;
  s.score.score = (g <= 0 || largest <= 0)
                      ? 0.0
                      : kMaxScore * static_cast<double>(g) / static_cast<double>(largest);
  s.score.estimate = gain.estimate;
  if (gain.estimate) {
    s.phrase_nb = "Anslått gevinst " + MillionsNb(g) + "/år: " + RatePercentNb(rate) +
                  " av volum " + MillionsNb(*c.facts.yearly_volume) + ", ingen beslutningssak";
    s.phrase_en = "Estimated gain " + MillionsEn(g) + " a year: " + RatePercentEn(rate) +
                  " of the volume " + MillionsEn(*c.facts.yearly_volume) + ", no decision case";
  } else if (c.facts.decision_case_id) {
    s.phrase_nb = "Forventet gevinst " + MillionsNb(g) + "/år fra beslutningssak " +
                  std::to_string(*c.facts.decision_case_id);
    s.phrase_en = "Expected gain " + MillionsEn(g) + " a year from decision case " +
                  std::to_string(*c.facts.decision_case_id);
  } else {
    s.phrase_nb = "Forventet gevinst " + MillionsNb(g) + "/år";
    s.phrase_en = "Expected gain " + MillionsEn(g) + " a year";
  }
  s.score.basis_nb = s.phrase_nb + "; 10 × gevinst / høyeste gevinst (" + MillionsNb(largest) +
                     "/år)" + (g <= 0 ? ", 0 uten gevinst" : "");
  s.score.basis_en = s.phrase_en + "; 10 × gain / the largest gain (" + MillionsEn(largest) +
                     " a year)" + (g <= 0 ? ", 0 without a gain" : "");
  return s;
}

Scored PeerExperience() {
  Scored s;
  s.score.score = 5.0;
  s.phrase_nb = "Ingen informasjon om andre kommuners erfaringer";
  s.phrase_en = "No information on other municipalities' experience";
  s.score.basis_nb = s.phrase_nb + "; midt på skalaen";
  s.score.basis_en = s.phrase_en + "; the middle of the scale";
  return s;
}

Scored MarketRobustness(const CandidateFacts& f) {
  Scored s;
  if (!f.p_two_or_more_bids || !f.single_bid_rate) {
    s.phrase_nb = "Ingen markedsdata: telt som 0";
    s.phrase_en = "No market data: counted as 0";
    s.score.basis_nb = s.phrase_nb;
    s.score.basis_en = s.phrase_en;
    return s;
  }
  const double p = *f.p_two_or_more_bids;
  const double single = *f.single_bid_rate;
  s.score.score = 5.0 * p + 5.0 * (1.0 - single);
  s.phrase_nb =
      "Markedet: P(≥ 2 tilbud) " + FormatDecimalNb(p, 2) + ", enkeltbudsandel " + PercentNb(single);
  s.phrase_en =
      "The market: P(≥ 2 bids) " + DecimalEn(p, 2) + ", single-bid rate " + PercentEn(single);
  s.score.basis_nb = s.phrase_nb + "; 5 × " + FormatDecimalNb(p, 2) + " + 5 × (1 − " +
                     FormatDecimalNb(single, 2) + ")";
  s.score.basis_en =
      s.phrase_en + "; 5 × " + DecimalEn(p, 2) + " + 5 × (1 − " + DecimalEn(single, 2) + ")";
  if (f.comparable_lots) {
    s.score.basis_nb += ", " + std::to_string(*f.comparable_lots) + " sammenlignbare delkontrakter";
    s.score.basis_en += ", " + std::to_string(*f.comparable_lots) + " comparable lots";
  }
  return s;
}

Scored OwnHistory(const CandidateFacts& f, int budget_year) {
  Scored s;
  if (!f.last_competed_year) {
    s.score.score = kMaxScore;
    s.phrase_nb = "Aldri konkurranseutsatt";
    s.phrase_en = "Never competed";
    s.score.basis_nb = s.phrase_nb + "; størst potensial";
    s.score.basis_en = s.phrase_en + "; the most potential";
    return s;
  }
  // A competition in or after the budget year is as recent as it gets: no years have passed.
  const int years = std::max(0, budget_year - *f.last_competed_year);
  s.score.score = static_cast<double>(std::min(kMaxHistoryYears, years));
  const std::string y = std::to_string(*f.last_competed_year);
  s.phrase_nb =
      "Sist konkurranseutsatt " + y + ", " + std::to_string(years) + " år før budsjettåret";
  s.phrase_en = "Last competed in " + y + ", " + std::to_string(years) +
                (years == 1 ? " year" : " years") + " before the budget year";
  s.score.basis_nb = s.phrase_nb + "; min(8, " + std::to_string(years) + ")";
  s.score.basis_en = s.phrase_en + "; min(8, " + std::to_string(years) + ")";
  return s;
}

Scored Manual(PriorityCriterion k, const ManualScore& m) {
  Scored s;
  s.score.score = m.score;
  s.score.manual = true;
  s.phrase_nb = std::string(PriorityCriterionLabelNb(k)) + ": " + m.reason;
  s.phrase_en = std::string(PriorityCriterionLabelEn(k)) + ": " + m.reason;
  s.score.basis_nb = s.phrase_nb + " (satt manuelt)";
  s.score.basis_en = s.phrase_en + " (set by hand)";
  return s;
}

// Every candidate's four scored criteria with their phrases, by the header's rules.
std::vector<std::array<Scored, kPriorityCriterionCount>> ScoreAll(const PriorityList& list) {
  const double rate = list.settings.default_gain_rate;
  std::vector<Gain> gains;
  gains.reserve(list.candidates.size());
  // The largest gain is taken over every candidate's gain by the rule, also one whose score is
  // set by hand: a hand-set score replaces that candidate's score, not the facts others are
  // measured against.
  int64_t largest = 0;
  for (const Candidate& c : list.candidates) {
    gains.push_back(GainOf(c.facts, rate));
    if (gains.back().kroner) largest = std::max(largest, *gains.back().kroner);
  }
  std::vector<std::array<Scored, kPriorityCriterionCount>> out(list.candidates.size());
  for (size_t i = 0; i < list.candidates.size(); ++i) {
    const Candidate& c = list.candidates[i];
    out[i][0] = VolumeGain(c, gains[i], largest, rate);
    out[i][1] = PeerExperience();
    out[i][2] = MarketRobustness(c.facts);
    out[i][3] = OwnHistory(c.facts, list.budget_year);
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
      if (c.manual[k]) out[i][k] = Manual(kCriteria[k], *c.manual[k]);
    }
  }
  return out;
}

// The weights divided by their sum. Not evaluation::NormaliseWeights, whose precondition is
// that every weight is > 0: a priority list may switch a criterion off with weight 0, and the
// engine's analyses take a zero coefficient as it is.
std::array<double, kPriorityCriterionCount> Normalised(
    const std::array<double, kPriorityCriterionCount>& w) {
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  std::array<double, kPriorityCriterionCount> out{};
  for (size_t k = 0; k < kPriorityCriterionCount; ++k) out[k] = sum > 0.0 ? w[k] / sum : 0.0;
  return out;
}

// The candidates as the "bids" of a score-based evaluation: the criteria are the columns, the
// 0–10 scores the values (an unscored criterion counts 0), the normalised weights the
// coefficients. No prices: every bid has price 0 and no column is a price column.
evaluation::ScoreMatrix BuildMatrix(
    const std::vector<std::array<CriterionScore, kPriorityCriterionCount>>& scores,
    const std::array<double, kPriorityCriterionCount>& weights) {
  evaluation::ScoreMatrix m;
  m.bid_count = scores.size();
  m.criterion_count = kPriorityCriterionCount;
  m.price_model = evaluation::PriceModel::kLinear;
  m.price_criterion = std::nullopt;
  m.lower_is_better = false;
  m.values.reserve(m.bid_count * m.criterion_count);
  for (const auto& row : scores) {
    for (const CriterionScore& s : row) m.values.push_back(s.score.value_or(0.0));
  }
  m.raw_scores = m.values;
  m.coefficients.assign(weights.begin(), weights.end());
  m.offsets.assign(m.bid_count, 0.0);
  m.prices_minor.assign(m.bid_count, 0);
  m.lowest_price_minor = 0;
  return m;
}

// The set of candidates at rank ≤ top_n, as a mask.
std::vector<char> TopMask(std::span<const int> ranks, int top_n) {
  std::vector<char> mask(ranks.size());
  for (size_t i = 0; i < ranks.size(); ++i) mask[i] = ranks[i] <= top_n ? 1 : 0;
  return mask;
}

// Share of draws in which the set of candidates at rank ≤ top_n is exactly the unperturbed
// one. evaluation::AnalyseRankAcceptability counts ranks per candidate, not sets per draw, so
// this repeats its score-model draws step for step — the same generator and seed, one
// UnitIntervalFromBits per criterion per draw in criterion order, U(−p, +p) points added to
// each weight in percent, floored at min_weight_points, renormalised — and ranks each draw
// with the same Ranker. Draw d here is therefore draw d there.
double TopNUnchanged(const evaluation::ScoreMatrix& m,
                     const evaluation::RankAcceptabilityOptions& options, int top_n,
                     std::span<const int> base_ranks) {
  const size_t n = m.bid_count;
  const size_t k_count = m.criterion_count;
  const std::vector<char> base_top = TopMask(base_ranks, top_n);
  std::mt19937_64 rng(options.seed);
  const double p = options.perturbation_points;
  std::vector<double> base(k_count), coefficients(k_count), merits(n);
  std::vector<int> ranks(n);
  for (size_t k = 0; k < k_count; ++k) base[k] = 100.0 * m.coefficients[k];
  evaluation::Ranker ranker(evaluation::TieBreak::kShared, m.prices_minor);
  ranker.Rank(m.Merits(), ranks);
  const std::vector<size_t> base_order(ranker.order().begin(), ranker.order().end());
  int64_t unchanged = 0;
  for (int64_t draw = 0; draw < options.draws; ++draw) {
    double sum = 0.0;
    for (size_t k = 0; k < k_count; ++k) {
      const double u = evaluation::UnitIntervalFromBits(rng());
      const double w = std::max(options.min_weight_points, base[k] + p * (2.0 * u - 1.0));
      coefficients[k] = w;
      sum += w;
    }
    for (size_t k = 0; k < k_count; ++k) coefficients[k] /= sum;
    m.FillMerits(coefficients, merits);
    ranker.SetStartOrder(base_order);
    ranker.Rank(merits, ranks);
    bool same = true;
    for (size_t i = 0; i < n && same; ++i) same = (ranks[i] <= top_n) == (base_top[i] != 0);
    if (same) ++unchanged;
  }
  return static_cast<double>(unchanged) / static_cast<double>(options.draws);
}

std::string ScoreSentence(const Scored& s, double weight, bool nb) {
  if (!s.score.score) return nb ? s.phrase_nb : s.phrase_en;
  std::string out = (nb ? s.phrase_nb : s.phrase_en) + " (" +
                    (nb ? ScoreNb(*s.score.score) : ScoreEn(*s.score.score));
  if (s.score.manual) out += nb ? ", satt manuelt" : ", set by hand";
  if (weight == 0.0) out += nb ? ", vekt 0" : ", weight 0";
  return out + ")";
}

std::string NamesNb(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " og " : ", ";
    out += names[i];
  }
  return out;
}

std::string NamesEn(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

void WriteSummary(const PriorityList& list, PriorityRanking& r) {
  if (r.ranked.empty()) {
    r.summary_nb = "Listen har ingen kandidater.";
    r.summary_en = "The list has no candidates.";
    return;
  }
  std::vector<std::string> firsts;
  for (const RankedCandidate& c : r.ranked) {
    if (c.rank == 1) firsts.push_back(list.candidates[c.index].name);
  }
  const RankedCandidate& top = r.ranked.front();
  const int top_n = list.settings.top_n;
  if (firsts.size() > 1) {
    r.summary_nb =
        NamesNb(firsts) + " deler førsteplassen (" + FormatDecimalNb(top.total, 2) + " av 10).";
    r.summary_en =
        NamesEn(firsts) + " share the first place (" + DecimalEn(top.total, 2) + " of 10).";
  } else if (top.first) {
    r.summary_nb = firsts[0] + " står først i " + PercentNb(*top.first) + " av trekningene.";
    r.summary_en = firsts[0] + " stands first in " + PercentEn(*top.first) + " of the draws.";
  } else {
    r.summary_nb = firsts[0] + " står først (" + FormatDecimalNb(top.total, 2) +
                   " av 10); vektene er ikke trukket på nytt.";
    r.summary_en = firsts[0] + " stands first (" + DecimalEn(top.total, 2) +
                   " of 10); the weights were not redrawn.";
  }
  if (r.top_n_unchanged) {
    r.summary_nb += " De " + std::to_string(top_n) + " øverste er de samme i " +
                    PercentNb(*r.top_n_unchanged) + " av " + std::to_string(list.settings.draws) +
                    " trekninger med vektene ±" +
                    FormatDecimalNb(list.settings.perturbation_points, 0) + " prosentpoeng.";
    r.summary_en += " The top " + std::to_string(top_n) + " are the same in " +
                    PercentEn(*r.top_n_unchanged) + " of " + std::to_string(list.settings.draws) +
                    " draws with the weights ±" + DecimalEn(list.settings.perturbation_points, 0) +
                    " percentage points.";
  }
}

}  // namespace

std::string_view PriorityCriterionName(PriorityCriterion c) {
  switch (c) {
    case PriorityCriterion::kVolumeGain:
      return "volume_gain";
    case PriorityCriterion::kPeerExperience:
      return "peer_experience";
    case PriorityCriterion::kMarketRobustness:
      return "market_robustness";
    case PriorityCriterion::kOwnHistory:
      return "own_history";
  }
  return "unknown";
}

std::optional<PriorityCriterion> PriorityCriterionFromName(std::string_view name) {
  for (PriorityCriterion c : kCriteria) {
    if (PriorityCriterionName(c) == name) return c;
  }
  return std::nullopt;
}

std::string_view PriorityCriterionLabelNb(PriorityCriterion c) {
  switch (c) {
    case PriorityCriterion::kVolumeGain:
      return "Volum og gevinst";
    case PriorityCriterion::kPeerExperience:
      return "Andre kommuners erfaringer";
    case PriorityCriterion::kMarketRobustness:
      return "Markedets robusthet";
    case PriorityCriterion::kOwnHistory:
      return "Egen historikk";
  }
  return "Ukjent";
}

std::string_view PriorityCriterionLabelEn(PriorityCriterion c) {
  switch (c) {
    case PriorityCriterion::kVolumeGain:
      return "Volume and gain";
    case PriorityCriterion::kPeerExperience:
      return "Other municipalities' experience";
    case PriorityCriterion::kMarketRobustness:
      return "Market robustness";
    case PriorityCriterion::kOwnHistory:
      return "Own history";
  }
  return "Unknown";
}

Status ValidatePriorityList(const PriorityList& list) {
  if (list.budget_year < 1990 || list.budget_year > 2100) {
    return InvalidArgument("the budget year is 1990..2100, not " + std::to_string(list.budget_year),
                           "budget_year");
  }
  const PrioritySettings& s = list.settings;
  bool any_positive = false;
  for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
    const std::string field =
        "settings.weights." + std::string(PriorityCriterionName(kCriteria[k]));
    if (!std::isfinite(s.weights[k]) || s.weights[k] < 0.0) {
      return InvalidArgument("the weight of " + std::string(PriorityCriterionName(kCriteria[k])) +
                                 " must be a number ≥ 0",
                             field);
    }
    if (s.weights[k] > 0.0) any_positive = true;
  }
  if (!any_positive) {
    return InvalidArgument("at least one criterion needs a weight above 0", "settings.weights");
  }
  if (!InUnit(s.default_gain_rate)) {
    return InvalidArgument("the default gain rate is a share from 0 to 1",
                           "settings.default_gain_rate");
  }
  if (list.candidates.size() > kMaxCandidates) {
    return InvalidArgument("at most " + std::to_string(kMaxCandidates) + " candidates",
                           "candidates");
  }
  const int max_top = std::max<int>(1, static_cast<int>(list.candidates.size()));
  if (s.top_n < 1 || s.top_n > max_top) {
    return InvalidArgument("top_n is 1.." + std::to_string(max_top) +
                               " (the number of candidates), not " + std::to_string(s.top_n),
                           "settings.top_n");
  }
  if (s.draws < 0 || s.draws > 1'000'000) {
    return InvalidArgument("draws is 0..1 000 000", "settings.draws");
  }
  if (!std::isfinite(s.perturbation_points) || s.perturbation_points < 0.0 ||
      s.perturbation_points > 50.0) {
    return InvalidArgument("the perturbation is 0..50 percentage points",
                           "settings.perturbation_points");
  }
  if (list.note.size() > kMaxLongText) {
    return InvalidArgument("the note is longer than " + std::to_string(kMaxLongText) + " bytes",
                           "note");
  }
  for (size_t i = 0; i < list.candidates.size(); ++i) {
    const Candidate& c = list.candidates[i];
    const std::string who = CandidateWho(c, i);
    if (c.area_id <= 0) {
      return InvalidArgument(who + ": the area id must be positive", CandidateField(i, "area_id"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (list.candidates[j].area_id == c.area_id) {
        return InvalidArgument(
            who + ": area " + std::to_string(c.area_id) + " is already on the list",
            CandidateField(i, "area_id"));
      }
    }
    if (IsBlank(c.name)) {
      return InvalidArgument(who + " needs a name", CandidateField(i, "name"));
    }
    if (c.name.size() > kMaxShortText || c.cpv.size() > kMaxShortText ||
        c.region.size() > kMaxShortText) {
      const std::string_view f = c.name.size() > kMaxShortText  ? "name"
                                 : c.cpv.size() > kMaxShortText ? "cpv"
                                                                : "region";
      return InvalidArgument(who + ": the " + std::string(f) + " is longer than " +
                                 std::to_string(kMaxShortText) + " bytes",
                             CandidateField(i, f));
    }
    if (c.note.size() > kMaxLongText) {
      return InvalidArgument(
          who + ": the note is longer than " + std::to_string(kMaxLongText) + " bytes",
          CandidateField(i, "note"));
    }
    const CandidateFacts& f = c.facts;
    auto amount = [&](const std::optional<int64_t>& v, std::string_view name) -> Status {
      if (v && *v < 0) {
        return InvalidArgument(who + ": " + std::string(name) + " must not be negative",
                               CandidateField(i, "facts." + std::string(name)));
      }
      return Status::Ok();
    };
    SAMSPILL_RETURN_IF_ERROR(amount(f.yearly_volume, "yearly_volume"));
    SAMSPILL_RETURN_IF_ERROR(amount(f.expected_gain, "expected_gain"));
    SAMSPILL_RETURN_IF_ERROR(amount(f.comparable_lots, "comparable_lots"));
    if (f.decision_case_id && *f.decision_case_id <= 0) {
      return InvalidArgument(who + ": the decision case id must be positive",
                             CandidateField(i, "facts.decision_case_id"));
    }
    if (f.p_two_or_more_bids && !InUnit(*f.p_two_or_more_bids)) {
      return InvalidArgument(who + ": p_two_or_more_bids is a share from 0 to 1",
                             CandidateField(i, "facts.p_two_or_more_bids"));
    }
    if (f.single_bid_rate && !InUnit(*f.single_bid_rate)) {
      return InvalidArgument(who + ": single_bid_rate is a share from 0 to 1",
                             CandidateField(i, "facts.single_bid_rate"));
    }
    if (f.last_competed_year && (*f.last_competed_year < 1900 || *f.last_competed_year > 2100)) {
      return InvalidArgument(who + ": the last competition year is 1900..2100",
                             CandidateField(i, "facts.last_competed_year"));
    }
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) {
      if (!c.manual[k]) continue;
      const std::string base = "manual." + std::string(PriorityCriterionName(kCriteria[k]));
      const ManualScore& m = *c.manual[k];
      if (!std::isfinite(m.score) || m.score < 0.0 || m.score > kMaxScore) {
        return InvalidArgument(who + ": a score set by hand is 0..10",
                               CandidateField(i, base + ".score"));
      }
      if (IsBlank(m.reason)) {
        return InvalidArgument(who + ": a score set by hand needs a reason",
                               CandidateField(i, base + ".reason"));
      }
      if (m.reason.size() > kMaxLongText) {
        return InvalidArgument(
            who + ": the reason is longer than " + std::to_string(kMaxLongText) + " bytes",
            CandidateField(i, base + ".reason"));
      }
    }
  }
  return Status::Ok();
}

std::vector<std::array<CriterionScore, kPriorityCriterionCount>> ScoreCandidates(
    const PriorityList& list) {
  std::vector<std::array<CriterionScore, kPriorityCriterionCount>> out;
  for (auto& row : ScoreAll(list)) {
    std::array<CriterionScore, kPriorityCriterionCount> scores;
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) scores[k] = std::move(row[k].score);
    out.push_back(std::move(scores));
  }
  return out;
}

PriorityRanking RankPriorities(const PriorityList& list) {
  PriorityRanking r;
  r.weights = Normalised(list.settings.weights);
  const size_t n = list.candidates.size();
  std::vector<std::array<Scored, kPriorityCriterionCount>> scored = ScoreAll(list);
  std::vector<std::array<CriterionScore, kPriorityCriterionCount>> scores(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < kPriorityCriterionCount; ++k) scores[i][k] = scored[i][k].score;
  }
  const evaluation::ScoreMatrix m = BuildMatrix(scores, r.weights);
  std::vector<int> ranks(n);
  evaluation::Ranker ranker(evaluation::TieBreak::kShared, m.prices_minor);
  if (n > 0) ranker.Rank(m.Merits(), ranks);
  const std::optional<size_t> winner = evaluation::UniqueWinner(ranks);

  std::optional<evaluation::RankAcceptability> acceptability;
  const evaluation::RankAcceptabilityOptions options{
      .draws = list.settings.draws,
      .seed = list.settings.seed,
      .perturbation_points = list.settings.perturbation_points};
  if (n > 0 && options.draws > 0) {
    acceptability = evaluation::AnalyseRankAcceptability(m, options, evaluation::TieBreak::kShared,
                                                         evaluation::kDefaultTieTolerance, winner);
    r.top_n_unchanged = TopNUnchanged(m, options, list.settings.top_n, ranks);
  }

  for (size_t i = 0; i < n; ++i) {
    RankedCandidate c;
    c.index = i;
    c.rank = ranks[i];
    c.total = m.Total(i);
    c.scores = scores[i];
    if (acceptability) {
      const std::vector<double>& p = acceptability->rank_probabilities[i];
      const size_t top = std::min(static_cast<size_t>(list.settings.top_n), p.size());
      c.in_top_n = std::accumulate(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(top), 0.0);
      c.first = acceptability->first_rank[i];
    }
    // Strongest first: by what the criterion adds to the total, then in criterion order.
    std::array<size_t, kPriorityCriterionCount> order{0, 1, 2, 3};
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return m.Contribution(i, a) > m.Contribution(i, b);
    });
    for (size_t k : order) {
      c.reasons_nb.push_back(ScoreSentence(scored[i][k], r.weights[k], true));
      c.reasons_en.push_back(ScoreSentence(scored[i][k], r.weights[k], false));
    }
    r.ranked.push_back(std::move(c));
  }
  std::sort(r.ranked.begin(), r.ranked.end(),
            [&](const RankedCandidate& a, const RankedCandidate& b) {
              if (a.rank != b.rank) return a.rank < b.rank;
              const std::string& na = list.candidates[a.index].name;
              const std::string& nb = list.candidates[b.index].name;
              if (na != nb) return na < nb;
              return a.index < b.index;
            });

  if (winner) {
    for (const evaluation::WeightStability& w : evaluation::AnalyseWeightStability(m, winner)) {
      if (w.status != evaluation::StabilityStatus::kOk) continue;
      TopStability t;
      t.criterion = std::string(PriorityCriterionName(kCriteria[w.criterion]));
      t.weight = w.current;
      t.min = w.min;
      t.max = w.max;
      t.challenger_below = w.challenger_below;
      t.challenger_above = w.challenger_above;
      r.stability.push_back(std::move(t));
    }
  }
  WriteSummary(list, r);
  return r;
}

}  // namespace samspill::strategy
