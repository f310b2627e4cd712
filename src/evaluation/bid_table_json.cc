#include "evaluation/bid_table_json.h"

#include <cmath>
#include <initializer_list>
#include <limits>
#include <map>
#include <new>
#include <string>

#include "common/money.h"
#include "evaluation/evaluate.h"
#include "evaluation/report_json.h"

namespace samspill::evaluation {
namespace {

using nlohmann::json;

// Deeper documents are never bid tables; refusing them early keeps the parser and the
// recursive destructor of nlohmann::json away from stack exhaustion.
constexpr int kMaxNestingDepth = 32;
constexpr size_t kMaxDocumentBytes = 16u << 20;
// Integral JSON prices up to this many major units convert to øre exactly.
constexpr int64_t kMaxMajorUnits = kMaxMoneyMinor / 100;

std::string Join(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  return path + "." + std::string(key);
}

const json* Find(const json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Status CheckNesting(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxNestingDepth) {
        return InvalidArgument("JSON is nested more than " + std::to_string(kMaxNestingDepth) +
                               " levels deep");
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return Status::Ok();
}

Status CheckKeys(const json& object, std::initializer_list<const char*> allowed,
                 const std::string& path) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : allowed) known = known || it.key() == key;
    if (known) continue;
    std::string hint;
    if (it.key() == "normalization") hint = " (did you mean 'normalisation'?)";
    return InvalidArgument("unknown field '" + it.key() + "'" + hint, Join(path, it.key()));
  }
  return Status::Ok();
}

Result<std::string> ReadString(const json& value, const std::string& field) {
  if (!value.is_string()) {
    return InvalidArgument("must be a string, not " + std::string(value.type_name()), field);
  }
  return value.get<std::string>();
}

Result<std::string> ReadId(const json& value, const std::string& field) {
  SAMSPILL_ASSIGN_OR_RETURN(std::string id, ReadString(value, field));
  if (id.empty()) return InvalidArgument("id must not be empty", field);
  return id;
}

Result<double> ReadNumber(const json& value, const std::string& field) {
  if (!value.is_number()) {
    return InvalidArgument("must be a number, not " + std::string(value.type_name()), field);
  }
  const double d = value.get<double>();
  if (!std::isfinite(d)) return InvalidArgument("must be a finite number", field);
  return d;
}

// An integer, also when written as 1e4; InvalidArgument outside [min, max].
Result<int64_t> ReadInteger(const json& value, const std::string& field, int64_t min, int64_t max) {
  int64_t out = 0;
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(max)) {
      return InvalidArgument("must be at most " + std::to_string(max), field);
    }
    out = static_cast<int64_t>(u);
  } else if (value.is_number_integer()) {
    out = value.get<int64_t>();
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || d != std::floor(d)) {
      return InvalidArgument("must be a whole number", field);
    }
    if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
      return InvalidArgument("must be from " + std::to_string(min) + " to " + std::to_string(max),
                             field);
    }
    out = static_cast<int64_t>(d);
  } else {
    return InvalidArgument("must be a whole number, not " + std::string(value.type_name()), field);
  }
  if (out < min || out > max) {
    return InvalidArgument("must be from " + std::to_string(min) + " to " + std::to_string(max),
                           field);
  }
  return out;
}

// Money in major units with at most two decimals, > 0.
Result<int64_t> ReadPositiveMoney(const json& value, const std::string& field,
                                  const std::string& what) {
  if (!value.is_number()) {
    return InvalidArgument(what + " must be a number, not " + std::string(value.type_name()),
                           field);
  }
  int64_t minor = 0;
  if (value.is_number_integer() || value.is_number_unsigned()) {
    // Whole amounts convert exactly, also above 2^53 øre.
    if (value.is_number_unsigned()) {
      if (value.get<uint64_t>() > static_cast<uint64_t>(kMaxMajorUnits)) {
        return InvalidArgument(what + " is too large", field);
      }
      minor = value.get<int64_t>() * 100;
    } else {
      const int64_t major = value.get<int64_t>();
      if (major < 0) return InvalidArgument(what + " must not be negative", field);
      if (major > kMaxMajorUnits) return InvalidArgument(what + " is too large", field);
      minor = major * 100;
    }
  } else {
    Result<int64_t> parsed = MoneyMinorFromDouble(value.get<double>(), /*allow_negative=*/true);
    if (!parsed.ok()) return InvalidArgument(what + ": " + parsed.status().message(), field);
    minor = *parsed;
  }
  if (minor < 0) return InvalidArgument(what + " must not be negative", field);
  if (minor == 0) return InvalidArgument(what + " must be greater than 0", field);
  if (minor > kMaxMoneyMinor) return InvalidArgument(what + " is too large", field);
  return minor;
}

Status ParseSensitivity(const json& value, EvaluationOptions& options) {
  const std::string path = "sensitivity";
  if (!value.is_object()) return InvalidArgument("must be an object", path);
  SAMSPILL_RETURN_IF_ERROR(
      CheckKeys(value, {"draws", "seed", "perturbation_points", "min_weight_points"}, path));
  RankAcceptabilityOptions& ra = options.sensitivity.rank_acceptability;
  if (const json* v = Find(value, "draws")) {
    SAMSPILL_ASSIGN_OR_RETURN(ra.draws,
                              ReadInteger(*v, Join(path, "draws"), 0, options.limits.max_draws));
  }
  if (const json* v = Find(value, "seed")) {
    const std::string field = Join(path, "seed");
    if (v->is_number_unsigned()) {
      ra.seed = v->get<uint64_t>();
    } else {
      SAMSPILL_ASSIGN_OR_RETURN(int64_t seed,
                                ReadInteger(*v, field, 0, std::numeric_limits<int64_t>::max()));
      ra.seed = static_cast<uint64_t>(seed);
    }
  }
  if (const json* v = Find(value, "perturbation_points")) {
    SAMSPILL_ASSIGN_OR_RETURN(ra.perturbation_points,
                              ReadNumber(*v, Join(path, "perturbation_points")));
  }
  if (const json* v = Find(value, "min_weight_points")) {
    SAMSPILL_ASSIGN_OR_RETURN(ra.min_weight_points,
                              ReadNumber(*v, Join(path, "min_weight_points")));
  }
  return Status::Ok();
}

Status ParseCriteria(const json& value, const EvaluationOptions& options, BidTable& table) {
  if (!value.is_array()) return InvalidArgument("must be an array of criteria", "criteria");
  if (value.empty()) return InvalidArgument("at least one criterion is needed", "criteria");
  if (value.size() > options.limits.max_criteria) {
    return InvalidArgument("at most " + std::to_string(options.limits.max_criteria) + " criteria",
                           "criteria");
  }
  const bool quality_pricing = table.price_model == PriceModel::kQualityPricing;
  table.weighting = quality_pricing ? Weighting::kValuePerPoint : Weighting::kWeights;
  std::map<std::string, size_t> seen;
  for (size_t k = 0; k < value.size(); ++k) {
    const json& c = value[k];
    const std::string path = CriterionPath(k);
    if (!c.is_object()) return InvalidArgument("criterion must be an object", path);
    SAMSPILL_RETURN_IF_ERROR(
        CheckKeys(c, {"id", "name", "kind", "weight", "priority", "value_per_point"}, path));
    Criterion criterion;
    const json* id = Find(c, "id");
    if (!id) return InvalidArgument("missing id", Join(path, "id"));
    SAMSPILL_ASSIGN_OR_RETURN(criterion.id, ReadId(*id, Join(path, "id")));
    if (!seen.emplace(criterion.id, k).second) {
      return InvalidArgument("duplicate criterion id '" + criterion.id + "'", Join(path, "id"));
    }
    if (const json* name = Find(c, "name")) {
      SAMSPILL_ASSIGN_OR_RETURN(criterion.name, ReadString(*name, Join(path, "name")));
    }
    const json* kind = Find(c, "kind");
    if (!kind) return InvalidArgument("missing kind", Join(path, "kind"));
    SAMSPILL_ASSIGN_OR_RETURN(std::string kind_name, ReadString(*kind, Join(path, "kind")));
    std::optional<CriterionKind> parsed_kind = CriterionKindFromName(kind_name);
    if (!parsed_kind) {
      return InvalidArgument(
          "kind must be \"price\", \"quality\", \"social\" or \"environment\", not \"" + kind_name +
              "\"",
          Join(path, "kind"));
    }
    criterion.kind = *parsed_kind;

    const json* weight = Find(c, "weight");
    const json* priority = Find(c, "priority");
    const json* value_per_point = Find(c, "value_per_point");
    if (quality_pricing) {
      if (weight || priority) {
        return InvalidArgument(
            "quality_pricing uses value_per_point on each quality criterion instead of "
            "weights or priorities",
            Join(path, weight ? "weight" : "priority"));
      }
      if (IsQualityLike(criterion.kind)) {
        if (!value_per_point) {
          return InvalidArgument("missing value_per_point (money per score point)",
                                 Join(path, "value_per_point"));
        }
        SAMSPILL_ASSIGN_OR_RETURN(
            criterion.value_per_point_minor,
            ReadPositiveMoney(*value_per_point, Join(path, "value_per_point"), "value_per_point"));
      } else if (value_per_point) {
        return InvalidArgument("the price criterion has no value_per_point",
                               Join(path, "value_per_point"));
      }
    } else {
      if (value_per_point) {
        return InvalidArgument("value_per_point is only used with price_model quality_pricing",
                               Join(path, "value_per_point"));
      }
      if (weight && priority) {
        return InvalidArgument("give either weight or priority, not both", Join(path, "priority"));
      }
      if (k == 0 && priority) table.weighting = Weighting::kPriorityRankOrderCentroid;
      const bool by_priority = table.weighting == Weighting::kPriorityRankOrderCentroid;
      if (by_priority && weight) {
        return InvalidArgument("criteria mix weight and priority; use one for all criteria",
                               Join(path, "weight"));
      }
      if (!by_priority && priority) {
        return InvalidArgument("criteria mix weight and priority; use one for all criteria",
                               Join(path, "priority"));
      }
      if (by_priority) {
        if (!priority) return InvalidArgument("missing priority", Join(path, "priority"));
        SAMSPILL_ASSIGN_OR_RETURN(int64_t p, ReadInteger(*priority, Join(path, "priority"), 1,
                                                         static_cast<int64_t>(value.size())));
        criterion.priority = static_cast<int>(p);
      } else {
        if (!weight) return InvalidArgument("missing weight (or priority)", Join(path, "weight"));
        SAMSPILL_ASSIGN_OR_RETURN(criterion.weight, ReadNumber(*weight, Join(path, "weight")));
        if (criterion.weight <= 0.0) {
          return InvalidArgument("weight must be greater than 0", Join(path, "weight"));
        }
        if (criterion.weight > kMaxRelativeWeight) {
          return InvalidArgument("weight is too large (at most 1e9)", Join(path, "weight"));
        }
      }
    }
    table.criteria.push_back(std::move(criterion));
  }
  return Status::Ok();
}

Status ParseScores(const json& value, const BidTable& table, const std::string& path, Bid& bid) {
  const size_t m = table.criteria.size();
  bid.scores.assign(m, 0.0);
  bid.justifications.assign(m, std::string());
  std::vector<bool> given(m, false);
  if (!value.is_object()) {
    return InvalidArgument("scores must be an object from criterion id to score", path);
  }
  for (auto it = value.begin(); it != value.end(); ++it) {
    const std::string field = Join(path, it.key());
    size_t k = 0;
    while (k < m && table.criteria[k].id != it.key()) ++k;
    if (k == m) return InvalidArgument("unknown criterion '" + it.key() + "'", field);
    if (!IsQualityLike(table.criteria[k].kind)) {
      return InvalidArgument(
          "the price criterion is scored from the offered price; do not give a score", field);
    }
    const json* score = &*it;
    if (it->is_object()) {
      SAMSPILL_RETURN_IF_ERROR(CheckKeys(*it, {"score", "justification"}, field));
      score = Find(*it, "score");
      if (!score) return InvalidArgument("missing score", Join(field, "score"));
      if (const json* justification = Find(*it, "justification")) {
        SAMSPILL_ASSIGN_OR_RETURN(bid.justifications[k],
                                  ReadString(*justification, Join(field, "justification")));
      }
    } else if (!it->is_number()) {
      return InvalidArgument("score must be a number or {\"score\": ..., \"justification\": ...}",
                             field);
    }
    SAMSPILL_ASSIGN_OR_RETURN(double s, ReadNumber(*score, field));
    if (s < kMinScore || s > kMaxScore) {
      return InvalidArgument("score must be from 0 to 10", field);
    }
    bid.scores[k] = s;
    given[k] = true;
  }
  for (size_t k = 0; k < m; ++k) {
    if (IsQualityLike(table.criteria[k].kind) && !given[k]) {
      return InvalidArgument("missing score for criterion '" + table.criteria[k].id + "'",
                             Join(path, table.criteria[k].id));
    }
  }
  return Status::Ok();
}

Status ParseBids(const json& value, const EvaluationOptions& options, BidTable& table) {
  if (!value.is_array()) return InvalidArgument("must be an array of bids", "bids");
  if (value.empty()) return InvalidArgument("at least one bid is needed", "bids");
  if (value.size() > options.limits.max_bids) {
    return InvalidArgument("at most " + std::to_string(options.limits.max_bids) + " bids", "bids");
  }
  bool any_quality = false;
  for (const Criterion& c : table.criteria) any_quality = any_quality || IsQualityLike(c.kind);
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < value.size(); ++i) {
    const json& b = value[i];
    const std::string path = BidPath(i);
    if (!b.is_object()) return InvalidArgument("bid must be an object", path);
    SAMSPILL_RETURN_IF_ERROR(CheckKeys(b, {"id", "name", "price", "scores"}, path));
    Bid bid;
    const json* id = Find(b, "id");
    if (!id) return InvalidArgument("missing id", Join(path, "id"));
    SAMSPILL_ASSIGN_OR_RETURN(bid.id, ReadId(*id, Join(path, "id")));
    if (!seen.emplace(bid.id, i).second) {
      return InvalidArgument("duplicate bid id '" + bid.id + "'", Join(path, "id"));
    }
    if (const json* name = Find(b, "name")) {
      SAMSPILL_ASSIGN_OR_RETURN(bid.name, ReadString(*name, Join(path, "name")));
    }
    const json* price = Find(b, "price");
    if (!price) return InvalidArgument("missing price", Join(path, "price"));
    SAMSPILL_ASSIGN_OR_RETURN(bid.price_minor,
                              ReadPositiveMoney(*price, Join(path, "price"), "price"));
    const json* scores = Find(b, "scores");
    if (!scores && any_quality) return InvalidArgument("missing scores", Join(path, "scores"));
    static const json kNoScores = json::object();
    SAMSPILL_RETURN_IF_ERROR(
        ParseScores(scores ? *scores : kNoScores, table, Join(path, "scores"), bid));
    table.bids.push_back(std::move(bid));
  }
  return Status::Ok();
}

Result<ParsedBidTable> ParseDocument(const json& doc, const EvaluationOptions& defaults) {
  ParsedBidTable out;
  out.options = defaults;
  BidTable& table = out.table;
  if (!doc.is_object()) return InvalidArgument("a bid table must be a JSON object", "");
  SAMSPILL_RETURN_IF_ERROR(CheckKeys(doc,
                                     {"price_model", "currency", "title", "normalisation",
                                      "tie_break", "sensitivity", "criteria", "bids"},
                                     ""));
  const json* model = Find(doc, "price_model");
  if (!model) return InvalidArgument("missing price_model", "price_model");
  SAMSPILL_ASSIGN_OR_RETURN(std::string model_name, ReadString(*model, "price_model"));
  std::optional<PriceModel> price_model = PriceModelFromName(model_name);
  if (!price_model) {
    return InvalidArgument(
        "price_model must be \"linear\", \"proportional\" or \"quality_pricing\"", "price_model");
  }
  table.price_model = *price_model;
  if (const json* v = Find(doc, "currency")) {
    SAMSPILL_ASSIGN_OR_RETURN(table.currency, ReadString(*v, "currency"));
    if (!IsCurrencyCode(table.currency)) {
      return InvalidArgument("currency must be three upper-case letters (ISO 4217)", "currency");
    }
  }
  if (const json* v = Find(doc, "title")) {
    SAMSPILL_ASSIGN_OR_RETURN(table.title, ReadString(*v, "title"));
  }
  if (const json* v = Find(doc, "normalisation")) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadString(*v, "normalisation"));
    std::optional<Normalisation> normalisation = NormalisationFromName(name);
    if (!normalisation) {
      return InvalidArgument("normalisation must be \"none\" or \"best_gets_max\"",
                             "normalisation");
    }
    out.options.normalisation = *normalisation;
  }
  if (const json* v = Find(doc, "tie_break")) {
    SAMSPILL_ASSIGN_OR_RETURN(std::string name, ReadString(*v, "tie_break"));
    std::optional<TieBreak> tie_break = TieBreakFromName(name);
    if (!tie_break) {
      return InvalidArgument("tie_break must be \"shared\" or \"lowest_price\"", "tie_break");
    }
    out.options.tie_break = *tie_break;
  }
  if (const json* v = Find(doc, "sensitivity")) {
    SAMSPILL_RETURN_IF_ERROR(ParseSensitivity(*v, out.options));
  }
  const json* criteria = Find(doc, "criteria");
  if (!criteria) return InvalidArgument("missing criteria", "criteria");
  SAMSPILL_RETURN_IF_ERROR(ParseCriteria(*criteria, out.options, table));
  const json* bids = Find(doc, "bids");
  if (!bids) return InvalidArgument("missing bids", "bids");
  SAMSPILL_RETURN_IF_ERROR(ParseBids(*bids, out.options, table));

  SAMSPILL_RETURN_IF_ERROR(ValidateBidTable(table));
  SAMSPILL_RETURN_IF_ERROR(ValidateEvaluationOptions(out.options));
  return out;
}

}  // namespace

Result<ParsedBidTable> ParseBidTableJson(std::string_view json_text,
                                         const EvaluationOptions& defaults) {
  if (json_text.size() > kMaxDocumentBytes) {
    return InvalidArgument("bid table is larger than 16 MiB", "");
  }
  SAMSPILL_RETURN_IF_ERROR(CheckNesting(json_text));
  try {
    const json doc = json::parse(json_text.begin(), json_text.end());
    return ParseDocument(doc, defaults);
  } catch (const json::parse_error& e) {
    // e.what() quotes the input, which need not be valid UTF-8; report the position only.
    return InvalidArgument(
        "bid table is not valid JSON (error at byte " + std::to_string(e.byte) + ")", "");
  } catch (const json::out_of_range& e) {
    // 406: a number literal outside the range of a double, such as 1e999.
    return InvalidArgument(e.id == 406 ? "bid table contains a number too large to represent"
                                       : "bid table could not be read",
                           "");
  } catch (const json::exception&) {
    return InvalidArgument("bid table could not be read", "");
  }
}

Result<nlohmann::json> EvaluateBidTableJson(std::string_view json_text) {
  return EvaluateBidTableJson(json_text, EvaluationOptions{});
}

Result<nlohmann::json> EvaluateBidTableJson(std::string_view json_text,
                                            const EvaluationOptions& defaults) {
  try {
    SAMSPILL_ASSIGN_OR_RETURN(ParsedBidTable parsed, ParseBidTableJson(json_text, defaults));
    SAMSPILL_ASSIGN_OR_RETURN(EvaluationReport report, Evaluate(parsed.table, parsed.options));
    return RenderReportJson(report);
  } catch (const std::bad_alloc&) {
    return Internal("out of memory while evaluating the bid table");
  } catch (const std::exception&) {
    // Only our own bug gets here; the message of a JSON exception may quote input bytes.
    return Internal("evaluation failed unexpectedly");
  }
}

}  // namespace samspill::evaluation
