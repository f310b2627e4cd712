#include "decision/decision_case.h"

#include <sodium.h>

#include <algorithm>

#include "common/text.h"

namespace samspill::decision {
namespace {

Status Prefixed(Status s, std::string_view prefix) {
  if (s.ok()) return s;
  std::string field =
      s.field().empty() ? std::string(prefix) : std::string(prefix) + "." + std::string(s.field());
  return Status(s.code(), s.message(), field);
}

bool AllDigits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// "85311000" or "85311000-2".
bool IsCpvShape(std::string_view cpv) {
  if (cpv.size() == 8) return AllDigits(cpv);
  return cpv.size() == 10 && AllDigits(cpv.substr(0, 8)) && cpv[8] == '-' &&
         AllDigits(cpv.substr(9));
}

// "NO", "NO0", "NO06", "NO060": two capital letters, then up to three digits or capitals.
bool IsNutsShape(std::string_view nuts) {
  if (nuts.size() < 2 || nuts.size() > 5) return false;
  for (size_t i = 0; i < nuts.size(); ++i) {
    const char ch = nuts[i];
    const bool upper = ch >= 'A' && ch <= 'Z';
    const bool digit = ch >= '0' && ch <= '9';
    if (i < 2 ? !upper : !(upper || digit)) return false;
  }
  return true;
}

bool HasAlternative(const BusinessCase& b, std::string_view id) {
  return std::any_of(b.alternatives.begin(), b.alternatives.end(),
                     [&](const Alternative& a) { return a.id == id; });
}

Status CheckText(std::string_view text, size_t max, std::string_view field, bool required) {
  if (required && IsBlank(text)) return InvalidArgument("is required", std::string(field));
  if (text.size() > max) {
    return InvalidArgument("is longer than " + std::to_string(max) + " characters",
                           std::string(field));
  }
  return Status::Ok();
}

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (unsigned char b : digest) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 15]);
  }
  return hex;
}

// Applies `change` to a copy and keeps it only when the whole case is still valid.
template <typename Fn>
Status Change(DecisionCase& c, Fn&& change) {
  SAMSPILL_RETURN_IF_ERROR(CheckEditable(c));
  DecisionCase copy = c;
  SAMSPILL_RETURN_IF_ERROR(change(copy));
  SAMSPILL_RETURN_IF_ERROR(ValidateDecisionCase(copy));
  c = std::move(copy);
  return Status::Ok();
}

// "Egen drift, forbedret" → "egen_drift_forbedret"; letters outside a–z become '_'.
std::string IdFromName(std::string_view name) {
  std::string id;
  for (unsigned char ch : name) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<unsigned char>(ch - 'A' + 'a');
    const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (keep) {
      id.push_back(static_cast<char>(ch));
    } else if (!id.empty() && id.back() != '_') {
      id.push_back('_');
    }
  }
  while (!id.empty() && id.back() == '_') id.pop_back();
  if (id.size() > 40) id.resize(40);
  return id.empty() ? "alternativ" : id;
}

}  // namespace

std::string_view OutcomeName(DecisionOutcome outcome) {
  switch (outcome) {
    case DecisionOutcome::kTender:
      return "tender";
    case DecisionOutcome::kInHouseImproved:
      return "in_house_improved";
    case DecisionOutcome::kInHouseAsToday:
      return "in_house";
  }
  return "tender";
}

std::optional<DecisionOutcome> OutcomeFromName(std::string_view name) {
  for (DecisionOutcome o : {DecisionOutcome::kTender, DecisionOutcome::kInHouseImproved,
                            DecisionOutcome::kInHouseAsToday}) {
    if (OutcomeName(o) == name) return o;
  }
  return std::nullopt;
}

Status ValidateDecisionCase(const DecisionCase& c) {
  SAMSPILL_RETURN_IF_ERROR(CheckText(c.title, kMaxCaseTitle, "title", true));
  SAMSPILL_RETURN_IF_ERROR(CheckText(c.service_area, kMaxCaseTitle, "service_area", true));
  SAMSPILL_RETURN_IF_ERROR(CheckText(c.description, kMaxCaseText, "description", false));
  if (!c.cpv.empty() && !IsCpvShape(c.cpv)) {
    return InvalidArgument(
        "a CPV code is eight digits, optionally with its check digit "
        "(\"85311000-2\"), not \"" +
            c.cpv + "\"",
        "cpv");
  }
  if (!c.region.empty() && !IsNutsShape(c.region)) {
    return InvalidArgument("a region is a NUTS code such as \"NO060\", not \"" + c.region + "\"",
                           "region");
  }
  SAMSPILL_RETURN_IF_ERROR(Prefixed(ValidateCase(c.business_case), "business_case"));
  if (c.monte_carlo.draws < 1 || c.monte_carlo.draws > 1'000'000) {
    return InvalidArgument("draws must be 1 … 1 000 000", "monte_carlo.draws");
  }
  SAMSPILL_RETURN_IF_ERROR(Prefixed(ValidateBaseline(c.baseline), "baseline"));
  // History before the period is the point of a baseline; figures after it are a mistake.
  for (size_t u = 0; u < c.baseline.units.size(); ++u) {
    const std::vector<UnitYear>& years = c.baseline.units[u].years;
    for (size_t y = 0; y < years.size(); ++y) {
      if (years[y].year > c.business_case.last_year) {
        return InvalidArgument(
            "the year " + std::to_string(years[y].year) + " is after the period's last year " +
                std::to_string(c.business_case.last_year) +
                ": a baseline is what the service costs before it",
            "baseline.units[" + std::to_string(u) + "].years[" + std::to_string(y) + "].year");
      }
    }
  }
  SAMSPILL_RETURN_IF_ERROR(ValidateRisks(c.risks));  // names "risks[2].likelihood" itself
  if (c.decision) {
    const CaseDecision& d = *c.decision;
    if (!HasAlternative(c.business_case, d.chosen_alternative)) {
      return InvalidArgument("the chosen alternative \"" + d.chosen_alternative +
                                 "\" is not an alternative of the case",
                             "decision.chosen_alternative");
    }
    if (!d.recommended_alternative.empty() &&
        !HasAlternative(c.business_case, d.recommended_alternative)) {
      return InvalidArgument("the recommended alternative \"" + d.recommended_alternative +
                                 "\" is not an alternative of the case",
                             "decision.recommended_alternative");
    }
    SAMSPILL_RETURN_IF_ERROR(CheckText(d.decided_by, kMaxCaseTitle, "decision.decided_by", true));
    SAMSPILL_RETURN_IF_ERROR(
        CheckText(d.political_reference, kMaxCaseTitle, "decision.political_reference", true));
    SAMSPILL_RETURN_IF_ERROR(
        CheckText(d.recommendation, kMaxCaseText, "decision.recommendation", false));
  }
  if (c.tender_id && (!c.decision || c.decision->outcome != DecisionOutcome::kTender)) {
    return InvalidArgument("only a case decided to be tendered leads to a tender", "tender_id");
  }
  return Status::Ok();
}

Status CheckEditable(const DecisionCase& c) {
  if (!c.decision) return Status::Ok();
  return Conflict("the case was decided on " + c.decision->decided_on.ToIso() + " (" +
                  c.decision->political_reference +
                  ") and is locked with its figures as they stood; start a new case to revise it");
}

DecisionCase NewCase(std::string title, std::string service_area, int first_year, int last_year) {
  DecisionCase c;
  c.title = std::move(title);
  c.service_area = std::move(service_area);
  c.business_case.first_year = first_year;
  c.business_case.last_year = last_year;
  c.business_case.baseline_id = "in_house";
  c.business_case.alternatives = {
      {"in_house", "Egen drift som i dag"},
      {"in_house_improved", "Egen drift, forbedret (trepartssamarbeid)"},
      {"outsourced", "Konkurranseutsatt drift"}};
  c.risks = RiskTemplate();
  return c;
}

Status AddItems(DecisionCase& c, const CaseItem& item, int from_year, int to_year) {
  if (from_year > to_year) {
    return InvalidArgument("the first year " + std::to_string(from_year) +
                               " is after the last year " + std::to_string(to_year),
                           "year");
  }
  const int first = c.business_case.first_year;
  const int last = c.business_case.last_year;
  if (from_year < first || to_year > last) {
    return InvalidArgument(
        "the years must lie in the period " + std::to_string(first) + "–" + std::to_string(last),
        "year");
  }
  if (!HasAlternative(c.business_case, item.alternative_id)) {
    return InvalidArgument("there is no alternative \"" + item.alternative_id + "\"",
                           "alternative");
  }
  return Change(c, [&](DecisionCase& copy) {
    for (int y = from_year; y <= to_year; ++y) {
      CaseItem one = item;
      one.year = y;
      copy.business_case.items.push_back(std::move(one));
    }
    return Status::Ok();
  });
}

Status RemoveItems(DecisionCase& c, size_t first, size_t count) {
  const size_t size = c.business_case.items.size();
  if (count == 0 || first >= size || count > size - first) {
    return NotFound("there are no items " + std::to_string(first) + "–" +
                    std::to_string(first + count - 1) + " (the case has " + std::to_string(size) +
                    "); reload the page");
  }
  return Change(c, [&](DecisionCase& copy) {
    auto& items = copy.business_case.items;
    const auto from = items.begin() + static_cast<std::ptrdiff_t>(first);
    items.erase(from, from + static_cast<std::ptrdiff_t>(count));
    return Status::Ok();
  });
}

Result<std::string> AddAlternative(DecisionCase& c, std::string_view name) {
  SAMSPILL_RETURN_IF_ERROR(CheckText(name, kMaxCaseTitle, "name", true));
  std::string base = IdFromName(name);
  std::string id = base;
  for (int n = 2; HasAlternative(c.business_case, id); ++n) id = base + "_" + std::to_string(n);
  SAMSPILL_RETURN_IF_ERROR(Change(c, [&](DecisionCase& copy) {
    copy.business_case.alternatives.push_back({id, std::string(Trim(name))});
    return Status::Ok();
  }));
  return id;
}

Status RemoveAlternative(DecisionCase& c, std::string_view id) {
  if (!HasAlternative(c.business_case, id)) {
    return NotFound("there is no alternative \"" + std::string(id) + "\"");
  }
  if (id == c.business_case.baseline_id) {
    return InvalidArgument(
        "the baseline alternative (in-house as today) cannot be removed: the "
        "others are measured against it",
        "alternative");
  }
  return Change(c, [&](DecisionCase& copy) {
    auto& alts = copy.business_case.alternatives;
    alts.erase(
        std::remove_if(alts.begin(), alts.end(), [&](const Alternative& a) { return a.id == id; }),
        alts.end());
    auto& items = copy.business_case.items;
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const CaseItem& i) { return i.alternative_id == id; }),
                items.end());
    return Status::Ok();
  });
}

Status RenameAlternative(DecisionCase& c, std::string_view id, std::string_view name) {
  SAMSPILL_RETURN_IF_ERROR(CheckText(name, kMaxCaseTitle, "name", true));
  if (!HasAlternative(c.business_case, id)) {
    return NotFound("there is no alternative \"" + std::string(id) + "\"");
  }
  return Change(c, [&](DecisionCase& copy) {
    for (Alternative& a : copy.business_case.alternatives) {
      if (a.id == id) a.name = std::string(Trim(name));
    }
    return Status::Ok();
  });
}

Status PutRisk(DecisionCase& c, const Risk& risk) {
  return Change(c, [&](DecisionCase& copy) {
    for (Risk& r : copy.risks) {
      if (r.id == risk.id) {
        r = risk;
        return Status::Ok();
      }
    }
    copy.risks.push_back(risk);
    return Status::Ok();
  });
}

Status RemoveRisk(DecisionCase& c, std::string_view id) {
  if (std::none_of(c.risks.begin(), c.risks.end(), [&](const Risk& r) { return r.id == id; })) {
    return NotFound("there is no risk \"" + std::string(id) + "\"");
  }
  return Change(c, [&](DecisionCase& copy) {
    copy.risks.erase(std::remove_if(copy.risks.begin(), copy.risks.end(),
                                    [&](const Risk& r) { return r.id == id; }),
                     copy.risks.end());
    return Status::Ok();
  });
}

Status ReplaceBaselineUnits(DecisionCase& c, std::vector<BaselineUnit> units) {
  return Change(c, [&](DecisionCase& copy) {
    copy.baseline.units = std::move(units);
    return Status::Ok();
  });
}

Status PutUnitYear(DecisionCase& c, std::string_view unit_id, std::string_view unit_name,
                   int kostra_function, const UnitYear& year) {
  return Change(c, [&](DecisionCase& copy) {
    BaselineUnit* unit = nullptr;
    for (BaselineUnit& u : copy.baseline.units) {
      if (u.id == unit_id) unit = &u;
    }
    if (unit == nullptr) {
      copy.baseline.units.push_back(
          {std::string(unit_id), std::string(unit_name), kostra_function, {}});
      unit = &copy.baseline.units.back();
    }
    if (!IsBlank(unit_name)) unit->name = std::string(Trim(unit_name));
    unit->kostra_function = kostra_function;
    auto at = std::find_if(unit->years.begin(), unit->years.end(),
                           [&](const UnitYear& y) { return y.year == year.year; });
    if (at != unit->years.end()) {
      *at = year;
    } else {
      unit->years.push_back(year);
      std::sort(unit->years.begin(), unit->years.end(),
                [](const UnitYear& a, const UnitYear& b) { return a.year < b.year; });
    }
    return Status::Ok();
  });
}

Status SetOperatingCostPerYear(DecisionCase& c, int64_t amount) {
  if (amount < 0) return InvalidArgument("operating costs must not be negative", "operating_cost");
  return Change(c, [&](DecisionCase& copy) {
    BusinessCase& b = copy.business_case;
    b.operating_costs.clear();
    for (int y = b.first_year; amount > 0 && y <= b.last_year; ++y) {
      b.operating_costs.push_back({y, amount});
    }
    return Status::Ok();
  });
}

Status Decide(DecisionCase& c, CaseDecision decision, std::string_view recorded_by,
              std::string figures_json) {
  SAMSPILL_RETURN_IF_ERROR(CheckEditable(c));
  DecisionCase copy = c;
  decision.recorded_by = std::string(recorded_by);
  decision.figures_sha256 = Sha256Hex(figures_json);
  decision.figures_json = std::move(figures_json);
  copy.decision = std::move(decision);
  SAMSPILL_RETURN_IF_ERROR(ValidateDecisionCase(copy));
  c = std::move(copy);
  return Status::Ok();
}

Status LinkTender(DecisionCase& c, int64_t tender_id) {
  if (!c.decision || c.decision->outcome != DecisionOutcome::kTender) {
    return Conflict("only a case decided to be tendered leads to a tender");
  }
  if (c.tender_id && *c.tender_id != tender_id) {
    return Conflict("the case already leads to tender " + std::to_string(*c.tender_id));
  }
  c.tender_id = tender_id;
  return Status::Ok();
}

// The yearly gain the decision case expects: the chosen (or recommended, or best) alternative's
// nominal difference against the baseline, divided over the period's years.
std::optional<int64_t> ExpectedYearlyGain(const DecisionCase& c) {
  Result<CaseTotals> totals = ComputeTotals(c.business_case);
  if (!totals.ok()) return std::nullopt;
  const int years = c.business_case.last_year - c.business_case.first_year + 1;
  if (years <= 0) return std::nullopt;
  std::string wanted;
  if (c.decision) {
    wanted = !c.decision->chosen_alternative.empty() ? c.decision->chosen_alternative
                                                     : c.decision->recommended_alternative;
  }
  const AlternativeTotals* best = nullptr;
  for (const AlternativeTotals& t : totals->alternatives) {
    if (t.alternative_id == c.business_case.baseline_id) continue;
    if (!wanted.empty()) {
      if (t.alternative_id == wanted) best = &t;
      continue;
    }
    if (best == nullptr || t.difference > best->difference) best = &t;
  }
  if (best == nullptr) return std::nullopt;
  return best->difference / years;
}

const std::vector<ReadyMadeItem>& ReadyMadeItems() {
  static const std::vector<ReadyMadeItem> items = {
      {"contract_price", "Kontraktspris", "Contract price", ItemKind::kCost, 0,
       "Leverandørens pris per år, fra markedsanalysen eller tilbud i sammenlignbare anskaffelser",
       "The supplier's price per year, from the market analysis or comparable tenders"},
      {"follow_up_team", "Kommunens oppfølgingsteam", "The municipality's follow-up team",
       ItemKind::kCost, 0,
       "Kontraktsoppfølging: årsverk i kommunen gange kostnad per årsverk (seed 000 §4.1)",
       "Contract follow-up: the municipality's årsverk times the cost of one (seed 000 §4.1)"},
      {"tender_project", "Anbudsprosjektet", "The tender project", ItemKind::kCost,
       TenderProjectCost(900'000),
       "1,1 årsverk + 300 000 kr ekstern bistand + 90 000 kr kommuneadvokat (Trondheim BoA); "
       "et avlyst anbud koster det samme",
       "1.1 årsverk + NOK 300 000 external help + NOK 90 000 municipal lawyer (Trondheim BoA); "
       "a cancelled tender costs the same"},
      {"pension_premiums", "Pensjonspremier ved virksomhetsoverdragelse",
       "Pension premiums at the staff transfer", ItemKind::kCost, 0,
       "Premier for ikke-forsikringsbare ytelser følger med ved overdragelse (HR-2021-61-A)",
       "Premiums for non-insurable benefits transfer with the staff (HR-2021-61-A)"},
      {"transition", "Overgangskostnader", "Transition costs", ItemKind::kCost, 0,
       "Oppstart, opplæring, systemer og dobbeltdrift i overgangen",
       "Start-up, training, systems and running twice during the transition"},
      {"price_adjustment", "Prisjustering", "Price adjustment", ItemKind::kCost, 0,
       "Forventet indeksregulering utover kommunens egen lønnsvekst",
       "Expected index adjustment beyond the municipality's own wage growth"},
      {"sick_leave", "Redusert sykefravær", "Lower sick leave", ItemKind::kSaving, 0,
       "Trepartssamarbeid: KNS-kommunene sparte 3–10 mill. kr (seed 003)",
       "Three-party cooperation: the KNS municipalities saved NOK 3–10 million (seed 003)"},
  };
  return items;
}

int64_t TenderProjectCost(int64_t cost_per_fte) {
  // 1.1 årsverk, rounded to whole kroner.
  return (cost_per_fte * 11 + 5) / 10 + 300'000 + 90'000;
}

}  // namespace samspill::decision
