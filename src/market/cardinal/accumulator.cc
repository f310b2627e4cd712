#include "market/cardinal/accumulator.h"

#include <algorithm>
#include <map>

#include "market/cardinal/json_writer.h"
#include "market/cardinal/quantile.h"
#include "market/cardinal/rfc3339.h"

namespace samspill::market::cardinal {
namespace {

bool Contains(const StringList& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Submitted: a string status other than invited and withdrawn, so pending, valid,
// disqualified and any unknown string all count (as in cardinal).
bool IsSubmitted(const Bid& b) {
  return b.status.is_string && b.status.value != "invited" && b.status.value != "withdrawn";
}

// "All awards final": awards and bids.details are arrays and no award has a string status
// other than active, cancelled or unsuccessful. A missing or non-string status is ignored.
bool AllAwardsFinal(const Release& r) {
  if (!r.awards_is_array || !r.bids_details_is_array) return false;
  for (const Award& a : r.awards) {
    if (a.status.is_string && a.status.value != "active" && a.status.value != "cancelled" &&
        a.status.value != "unsuccessful") {
      return false;
    }
  }
  return true;
}

void SortUnique(std::vector<std::string_view>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// The first `n` characters (Unicode scalar values, as Rust's chars()) of a UTF-8 string.
std::string_view FirstChars(std::string_view s, uint64_t n) {
  size_t pos = 0;
  uint64_t count = 0;
  while (pos < s.size()) {
    if ((static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
    ++pos;
  }
  return s.substr(0, pos);
}

std::vector<std::string> ToStrings(const std::vector<std::string_view>& ids) {
  return std::vector<std::string>(ids.begin(), ids.end());
}

// Values printed for the per-organisation flags that carry no number of their own.
double ConstantTendererValue(Indicator i) { return (i == kR028 || i == kR030) ? 1.0 : 0.0; }

using Group = std::map<std::string, std::map<std::string, double>>;

void WriteGroup(std::string* out, const Group& group) {
  out->push_back('{');
  bool first_id = true;
  for (const auto& [id, codes] : group) {
    if (!first_id) out->push_back(',');
    first_id = false;
    AppendJsonString(out, id);
    out->append(":{");
    bool first_code = true;
    for (const auto& [code, value] : codes) {
      if (!first_code) out->push_back(',');
      first_code = false;
      AppendJsonString(out, code);
      out->push_back(':');
      AppendJsonDouble(out, value);
    }
    out->push_back('}');
  }
  out->push_back('}');
}

}  // namespace

const char* IndicatorCode(Indicator indicator) {
  static constexpr const char* kCodes[] = {"R003", "R018", "R024", "R025", "R028", "R030",
                                           "R035", "R036", "R038", "R048", "R058"};
  return indicator < kIndicatorCount ? kCodes[indicator] : "";
}

Accumulator::Accumulator(const Settings& settings, bool maps) : settings_(settings), maps_(maps) {}

void Accumulator::StartBatch(uint64_t batch) {
  batch_ = batch;
  batch_has_currency_ = false;
  batch_currency_.clear();
}

bool Accumulator::IsMainCurrency(std::string_view currency) {
  bool match;
  if (settings_.currency) {
    match = currency == *settings_.currency;
  } else {
    // cardinal fills an empty slot with the first currency it sees in its partition.
    if (!batch_has_currency_) {
      batch_has_currency_ = true;
      batch_currency_.assign(currency);
      if (batch_ < first_currency_batch_) {
        first_currency_batch_ = batch_;
        first_currency_ = batch_currency_;
      }
    }
    match = currency == batch_currency_;
  }
  if (!match) ++currency_mismatches_;
  return match;
}

bool Accumulator::PassesPriceComparison(const Release& r) const {
  const Text& details = r.procurement_method_details;
  if (settings_.price_comparison_procurement_methods) {
    return details.is_string &&
           Contains(*settings_.price_comparison_procurement_methods, details.value);
  }
  if (settings_.no_price_comparison_procurement_methods) {
    return !details.is_string ||
           !Contains(*settings_.no_price_comparison_procurement_methods, details.value);
  }
  return true;
}

Accumulator::Process& Accumulator::Current(const Release& r, uint64_t line) {
  if (current_process_ == SIZE_MAX) {
    current_process_ = processes_.size();
    processes_sorted_ = false;
    Process& p = processes_.emplace_back();
    p.ocid = ocids_.Store(r.ocid.value);
    p.line = line;
  }
  return processes_[current_process_];
}

void Accumulator::Flag(const Release& r, Indicator indicator, uint64_t line) {
  Current(r, line).mask |= static_cast<uint16_t>(1u << indicator);
}

Accumulator::Org& Accumulator::OrgAt(uint32_t id) {
  if (id >= org_data_.size()) org_data_.resize(orgs_.size());
  return org_data_[id];
}

uint32_t Accumulator::OrgOf(const Release& r, uint32_t i) {
  uint32_t& id = org_of_id_[i];
  if (id == StringTable::kNone) id = orgs_.Intern(r.Id(i));
  return id;
}

void Accumulator::SetMap(StringMap<TaggedIds>& map, std::string_view ocid, uint64_t line,
                         std::vector<std::string> ids) {
  TaggedIds& entry = Slot(map, ocid);
  if (entry.line > line) return;
  entry.line = line;
  entry.ids = std::move(ids);
}

void Accumulator::Add(const Release& r, uint64_t line) {
  // Global rules: a string ocid, a tender that is not cancelled, details not excluded.
  if (!r.ocid.is_string || r.tender_status.Is("cancelled")) return;
  if (settings_.excluded_procurement_method_details && r.procurement_method_details.is_string &&
      Contains(*settings_.excluded_procurement_method_details,
               r.procurement_method_details.value)) {
    return;
  }
  ++releases_;
  current_process_ = SIZE_MAX;
  org_of_id_.assign(r.ids.size(), StringTable::kNone);
  if (settings_.r003) AddR003(r, line);
  if (settings_.r018) AddR018(r, line);

  const bool all_final = AllAwardsFinal(r);
  const Award* active = nullptr;
  int active_count = 0;
  for (const Award& a : r.awards) {
    if (a.status.Is("active")) {
      ++active_count;
      active = &a;
    }
  }
  if (all_final && active_count == 1 && active->SingleSupplier()) {
    if ((settings_.r024 || settings_.r058) && PassesPriceComparison(r)) {
      AddSecondLowestBidRatio(r, line, *active);
    }
    if (settings_.r025) AddR025(r, *active);
  }
  if (settings_.r028) AddR028(r, line);
  if (settings_.r030) AddR030(r, line);
  if (settings_.r035 && all_final) AddR035(r, line);
  if (settings_.r036) AddR036(r, line);
  if (settings_.r038) AddR038(r, line);
  if (settings_.r048) AddR048(r);
  if (maps_ && (settings_.r025 || settings_.r038 || settings_.r048)) {
    std::vector<std::string_view> ids;
    for (const Bid& bid : r.bids) {
      if (!IsSubmitted(bid)) continue;
      for (uint32_t i = bid.tenderer_ids.begin; i < bid.tenderer_ids.end; ++i) {
        ids.push_back(r.Id(i));
      }
    }
    SortUnique(&ids);
    if (!ids.empty()) SetMap(map_ocid_tenderer_, r.ocid.value, line, ToStrings(ids));
  }
}

void Accumulator::AddR003(const Release& r, uint64_t line) {
  const R003Settings& s = *settings_.r003;
  // By default every method counts, a missing one too.
  if (s.procurement_methods && !(r.procurement_method.is_string &&
                                 Contains(*s.procurement_methods, r.procurement_method.value))) {
    return;
  }
  if (!r.tender_start_date.is_string || !r.tender_end_date.is_string) return;
  const auto start = ParseRfc3339(r.tender_start_date.value);
  const auto end = ParseRfc3339(r.tender_end_date.value);
  if (!start || !end) return;  // date-only values are skipped, as chrono rejects them
  int64_t threshold = s.threshold.value_or(15);
  if (r.procurement_method_details.is_string) {
    auto it = s.procurement_method_details.find(r.procurement_method_details.value);
    if (it != s.procurement_method_details.end()) threshold = it->second;
  }
  // A negative period (end before start) is below any positive threshold: flagged.
  if (WholeDaysBetween(*start, *end) < threshold) Flag(r, kR003, line);
}

void Accumulator::AddR018(const Release& r, uint64_t line) {
  static const StringList kDefault = {"open", "selective"};
  const StringList& methods = settings_.r018->procurement_methods.value_or(kDefault);
  if (r.procurement_method.is_string && Contains(methods, r.procurement_method.value) &&
      r.number_of_tenderers_is_one) {
    Flag(r, kR018, line);
  }
}

void Accumulator::AddSecondLowestBidRatio(const Release& r, uint64_t line, const Award& award) {
  const std::string_view supplier = r.Id(award.supplier_ids.begin);
  bool has_winner = false, has_other = false;
  double winner = 0, other = 0;
  uint32_t other_index = 0;
  for (const Bid& bid : r.bids) {
    if (!bid.status.Is("valid") || !bid.has_amount || !bid.currency.is_string) continue;
    if (!IsMainCurrency(bid.currency.value)) continue;
    if (!bid.SingleTenderer()) continue;
    const std::string_view id = r.Id(bid.tenderer_ids.begin);
    // Strict comparisons: on equal amounts the first bid in array order stays.
    if (id == supplier) {
      if (!has_winner || bid.amount < winner) winner = bid.amount;
      has_winner = true;
    } else if (!has_other || bid.amount < other) {
      other = bid.amount;
      other_index = bid.tenderer_ids.begin;
      has_other = true;
    }
  }
  // L < W: "the winning bid is not the lowest", excluded.
  if (!has_winner || !has_other || !(other >= winner)) return;
  Process& p = Current(r, line);
  p.has_ratio = true;
  // W = 0 gives inf or NaN under IEEE rules, as in cardinal.
  p.ratio = (other - winner) / winner;
  p.winner = OrgOf(r, award.supplier_ids.begin);
  p.second = OrgOf(r, other_index);
  if (!settings_.currency) p.currency = currencies_.Intern(batch_currency_);
}

void Accumulator::AddR025(const Release& r, const Award& award) {
  const uint32_t supplier = OrgOf(r, award.supplier_ids.begin);
  std::vector<std::string_view>& tenderers = ids_a_;
  tenderers.clear();
  for (const Bid& bid : r.bids) {
    if (bid.status.Is("valid") && bid.SingleTenderer()) {
      tenderers.push_back(r.Id(bid.tenderer_ids.begin));
    }
  }
  SortUnique(&tenderers);  // once per process
  for (std::string_view t : tenderers) {
    const uint32_t id = orgs_.Intern(t);
    Fraction& f = OrgAt(id).r025;
    ++f.denominator;
    if (id == supplier) ++f.numerator;
  }
}

void Accumulator::AddR028(const Release& r, uint64_t line) {
  if (!PassesPriceComparison(r)) return;
  struct Price {
    double amount;
    std::string_view currency;
    uint32_t begin, end;  // a sorted, unique id set in ids_a_
  };
  std::vector<std::string_view>& ids = ids_a_;
  ids.clear();
  std::vector<Price> prices;
  for (const Bid& bid : r.bids) {
    if (!IsSubmitted(bid) || !bid.tenderers_is_array || !bid.has_amount ||
        !bid.currency.is_string) {
      continue;
    }
    const auto begin = static_cast<uint32_t>(ids.size());
    for (uint32_t i = bid.tenderer_ids.begin; i < bid.tenderer_ids.end; ++i) {
      ids.push_back(r.Id(i));
    }
    std::sort(ids.begin() + begin, ids.end());
    ids.erase(std::unique(ids.begin() + begin, ids.end()), ids.end());
    const auto end = static_cast<uint32_t>(ids.size());
    if (end > begin) prices.push_back({bid.amount, bid.currency.value, begin, end});
  }
  if (prices.size() < 2) return;
  auto set_less = [&ids](const Price& a, const Price& b) {
    return std::lexicographical_compare(ids.begin() + a.begin, ids.begin() + a.end,
                                        ids.begin() + b.begin, ids.begin() + b.end);
  };
  auto set_equal = [&ids](const Price& a, const Price& b) {
    return std::equal(ids.begin() + a.begin, ids.begin() + a.end, ids.begin() + b.begin,
                      ids.begin() + b.end);
  };
  // Amounts compare as f64 (1000 == 1000.0); NaN cannot come from JSON.
  std::sort(prices.begin(), prices.end(), [&](const Price& a, const Price& b) {
    if (a.amount != b.amount) return a.amount < b.amount;
    if (a.currency != b.currency) return a.currency < b.currency;
    return set_less(a, b);
  });
  std::vector<std::string_view>& flagged = ids_b_;
  flagged.clear();
  for (size_t i = 0; i < prices.size();) {
    size_t j = i + 1;
    while (j < prices.size() && prices[j].amount == prices[i].amount &&
           prices[j].currency == prices[i].currency) {
      ++j;
    }
    // Sorted by id set within the price: two or more different sets iff first != last.
    if (!set_equal(prices[i], prices[j - 1])) {
      for (size_t k = i; k < j; ++k) {
        flagged.insert(flagged.end(), ids.begin() + prices[k].begin, ids.begin() + prices[k].end);
      }
    }
    i = j;
  }
  if (flagged.empty()) return;
  SortUnique(&flagged);
  Flag(r, kR028, line);
  for (std::string_view t : flagged) OrgAt(orgs_.Intern(t)).flags |= 1u << kR028;
  if (maps_) SetMap(map_r028_, r.ocid.value, line, ToStrings(flagged));
}

void Accumulator::AddR030(const Release& r, uint64_t line) {
  if (!r.tender_end_date.is_string || !r.awards_is_array || !r.bids_details_is_array) return;
  std::vector<std::string_view>& suppliers = ids_a_;
  suppliers.clear();
  for (const Award& a : r.awards) {
    if (!a.status.Is("active")) continue;
    for (uint32_t i = a.supplier_ids.begin; i < a.supplier_ids.end; ++i) {
      suppliers.push_back(r.Id(i));
    }
  }
  SortUnique(&suppliers);
  std::vector<std::string_view>& flagged = ids_b_;
  flagged.clear();
  for (const Bid& bid : r.bids) {
    // Quirk (cardinal): dates compare as strings, byte by byte, so different time-zone
    // offsets compare wrongly.
    if (!bid.status.Is("valid") || !bid.date.is_string ||
        !(bid.date.value > r.tender_end_date.value)) {
      continue;
    }
    for (uint32_t i = bid.tenderer_ids.begin; i < bid.tenderer_ids.end; ++i) {
      if (std::binary_search(suppliers.begin(), suppliers.end(), r.Id(i))) {
        flagged.push_back(r.Id(i));
      }
    }
  }
  if (flagged.empty()) return;
  SortUnique(&flagged);
  Flag(r, kR030, line);
  for (std::string_view t : flagged) OrgAt(orgs_.Intern(t)).flags |= 1u << kR030;
  if (maps_) SetMap(map_r030_, r.ocid.value, line, ToStrings(flagged));
}

void Accumulator::AddR035(const Release& r, uint64_t line) {
  std::vector<std::string_view>&suppliers = ids_a_, &valid = ids_b_, &disqualified = ids_c_;
  suppliers.clear();
  valid.clear();
  disqualified.clear();
  for (const Award& a : r.awards) {
    if (!a.status.Is("active")) continue;
    for (uint32_t i = a.supplier_ids.begin; i < a.supplier_ids.end; ++i) {
      suppliers.push_back(r.Id(i));
    }
  }
  for (const Bid& bid : r.bids) {
    std::vector<std::string_view>* target = bid.status.Is("valid")          ? &valid
                                            : bid.status.Is("disqualified") ? &disqualified
                                                                            : nullptr;
    if (!target) continue;
    for (uint32_t i = bid.tenderer_ids.begin; i < bid.tenderer_ids.end; ++i) {
      target->push_back(r.Id(i));
    }
  }
  SortUnique(&suppliers);
  SortUnique(&valid);
  if (valid.size() != 1 || valid != suppliers) return;
  SortUnique(&disqualified);
  const auto others = static_cast<int64_t>(
      disqualified.size() -
      (std::binary_search(disqualified.begin(), disqualified.end(), valid[0]) ? 1 : 0));
  const int64_t threshold = std::max<int64_t>(settings_.r035->threshold.value_or(1), 1);
  if (others < threshold) return;
  Flag(r, kR035, line);
  Current(r, line).r035 = static_cast<double>(others);
  OrgAt(orgs_.Intern(valid[0])).flags |= 1u << kR035;
  if (maps_) SetMap(map_r035_, r.ocid.value, line, {std::string(valid[0])});
}

void Accumulator::AddR036(const Release& r, uint64_t line) {
  bool any_active = false;
  for (const Award& a : r.awards) any_active = any_active || a.status.Is("active");
  if (!any_active || !PassesPriceComparison(r)) return;
  const Bid* lowest = nullptr;
  bool any_valid = false;
  for (const Bid& bid : r.bids) {
    if (!IsSubmitted(bid) || !bid.has_amount || !bid.currency.is_string) continue;
    if (!IsMainCurrency(bid.currency.value)) continue;
    any_valid = any_valid || bid.status.Is("valid");
    if (!lowest || bid.amount < lowest->amount) lowest = &bid;  // first of equals stays
  }
  if (lowest && lowest->status.Is("disqualified") && any_valid) Flag(r, kR036, line);
}

void Accumulator::AddR038(const Release& r, uint64_t line) {
  uint64_t submitted = 0, disqualified = 0;
  for (const Bid& bid : r.bids) {
    if (!IsSubmitted(bid)) continue;
    ++submitted;
    const bool is_disqualified = bid.status.Is("disqualified");
    if (is_disqualified) ++disqualified;
    for (uint32_t i = bid.tenderer_ids.begin; i < bid.tenderer_ids.end; ++i) {
      Fraction& f = OrgAt(OrgOf(r, i)).r038_tenderer;
      f.numerator += is_disqualified ? 1 : 0;
      ++f.denominator;
    }
  }
  if (submitted == 0) return;
  if (r.buyer_id.is_string) {
    Fraction& f = OrgAt(orgs_.Intern(r.buyer_id.value)).r038_buyer;
    f.numerator += disqualified;
    f.denominator += submitted;
    if (maps_ && disqualified > 0) {
      SetMap(map_buyer_r038_, r.ocid.value, line, {std::string(r.buyer_id.value)});
    }
  }
  if (r.procuring_entity_id.is_string) {
    Fraction& f = OrgAt(orgs_.Intern(r.procuring_entity_id.value)).r038_procuring_entity;
    f.numerator += disqualified;
    f.denominator += submitted;
    if (maps_ && disqualified > 0) {
      SetMap(map_procuring_entity_r038_, r.ocid.value, line,
             {std::string(r.procuring_entity_id.value)});
    }
  }
}

void Accumulator::AddR048(const Release& r) {
  const uint64_t digits = settings_.r048->digits.value_or(2);
  std::vector<uint32_t>& counted = counted_;  // suppliers already counted for this process
  counted.clear();
  for (const Award& a : r.awards) {
    if (!a.status.Is("active") || !a.items_is_array || !a.SingleSupplier()) continue;
    const uint32_t supplier = OrgOf(r, a.supplier_ids.begin);
    for (uint32_t i = a.classification_ids.begin; i < a.classification_ids.end; ++i) {
      // The scheme is not checked.
      const uint32_t code = codes_.Intern(FirstChars(r.Id(i), digits));
      if (r048_pairs_.Insert((static_cast<uint64_t>(supplier) << 32) | code)) {
        ++OrgAt(supplier).r048_codes;
      }
    }
    if (std::find(counted.begin(), counted.end(), supplier) == counted.end()) {
      counted.push_back(supplier);  // at most once per process
      ++OrgAt(supplier).r048_processes;
    }
  }
}

namespace {
bool ByOcidThenLine(std::string_view a_ocid, uint64_t a_line, std::string_view b_ocid,
                    uint64_t b_line) {
  const int c = a_ocid.compare(b_ocid);
  return c != 0 ? c < 0 : a_line < b_line;
}
}  // namespace

void Accumulator::SortProcesses() {
  if (processes_sorted_) return;
  std::sort(processes_.begin(), processes_.end(), [](const Process& a, const Process& b) {
    return ByOcidThenLine(a.ocid, a.line, b.ocid, b.line);
  });
  processes_sorted_ = true;
}

void Accumulator::Merge(Accumulator&& other) {
  releases_ += other.releases_;
  currency_mismatches_ += other.currency_mismatches_;
  if (other.first_currency_batch_ < first_currency_batch_) {
    first_currency_batch_ = other.first_currency_batch_;
    first_currency_ = std::move(other.first_currency_);
  }
  // Their organisation ids in ours.
  std::vector<uint32_t> org(other.orgs_.size());
  for (uint32_t id = 0; id < other.orgs_.size(); ++id) org[id] = orgs_.Intern(other.orgs_.Get(id));
  org_data_.resize(orgs_.size());
  for (uint32_t id = 0; id < other.org_data_.size(); ++id) {
    const Org& theirs = other.org_data_[id];
    Org& mine = org_data_[org[id]];
    mine.flags |= theirs.flags;
    auto add = [](Fraction& into, const Fraction& from) {
      into.numerator += from.numerator;
      into.denominator += from.denominator;
    };
    add(mine.r025, theirs.r025);
    add(mine.r038_tenderer, theirs.r038_tenderer);
    add(mine.r038_buyer, theirs.r038_buyer);
    add(mine.r038_procuring_entity, theirs.r038_procuring_entity);
    mine.r048_processes += theirs.r048_processes;
  }
  other.r048_pairs_.ForEach([&](uint64_t key) {
    const uint32_t supplier = org[key >> 32];
    const uint32_t code = codes_.Intern(other.codes_.Get(static_cast<uint32_t>(key)));
    if (r048_pairs_.Insert((static_cast<uint64_t>(supplier) << 32) | code)) {
      ++org_data_[supplier].r048_codes;
    }
  });
  std::vector<uint32_t> currency(other.currencies_.size());
  for (uint32_t id = 0; id < other.currencies_.size(); ++id) {
    currency[id] = currencies_.Intern(other.currencies_.Get(id));
  }
  const size_t mine = processes_.size();
  processes_.reserve(mine + other.processes_.size());
  for (Process p : other.processes_) {
    if (p.has_ratio) {
      p.winner = org[p.winner];
      p.second = org[p.second];
      if (!settings_.currency) p.currency = currency[p.currency];
    }
    processes_.push_back(p);
  }
  if (processes_sorted_ && other.processes_sorted_) {
    std::inplace_merge(processes_.begin(), processes_.begin() + static_cast<ptrdiff_t>(mine),
                       processes_.end(), [](const Process& a, const Process& b) {
                         return ByOcidThenLine(a.ocid, a.line, b.ocid, b.line);
                       });
  } else {
    processes_sorted_ = false;
  }
  ocids_.Adopt(std::move(other.ocids_));  // their Process::ocid views now live here
  other.processes_.clear();

  auto latest = [](StringMap<TaggedIds>& into, StringMap<TaggedIds>& from) {
    for (auto& [ocid, theirs] : from) {
      auto [it, inserted] = into.try_emplace(ocid);
      if (inserted || theirs.line > it->second.line) it->second = std::move(theirs);
    }
  };
  latest(map_r028_, other.map_r028_);
  latest(map_r030_, other.map_r030_);
  latest(map_r035_, other.map_r035_);
  latest(map_buyer_r038_, other.map_buyer_r038_);
  latest(map_procuring_entity_r038_, other.map_procuring_entity_r038_);
  latest(map_ocid_tenderer_, other.map_ocid_tenderer_);
}

std::string Accumulator::Finish(const OutputOptions& options) const {
  Group tenderer_group, buyer_group, procuring_entity_group;
  std::map<std::string, std::map<std::string, double>> meta;
  std::map<std::string, std::map<std::string, std::vector<std::string>>> maps;

  // One entry per ocid: per indicator the latest line that flagged it, and the latest ratio.
  struct Resolved {
    std::string_view ocid;
    uint16_t mask = 0;
    double r035 = 0;
    const Process* ratio = nullptr;
    double r024 = 0, r058 = 0;
  };
  std::vector<const Process*> order(processes_.size());
  for (size_t i = 0; i < processes_.size(); ++i) order[i] = &processes_[i];
  if (!processes_sorted_) {
    std::sort(order.begin(), order.end(), [](const Process* a, const Process* b) {
      return ByOcidThenLine(a->ocid, a->line, b->ocid, b->line);
    });
  }
  std::vector<Resolved> resolved;
  for (const Process* p : order) {
    if (resolved.empty() || resolved.back().ocid != p->ocid) resolved.push_back({p->ocid});
    Resolved& r = resolved.back();
    r.mask |= p->mask;  // lines ascend: a later line's value overwrites
    if (p->mask & (1u << kR035)) r.r035 = p->r035;
    if (p->has_ratio) r.ratio = p;
  }

  for (uint32_t id = 0; id < org_data_.size(); ++id) {
    const uint16_t mask = org_data_[id].flags;
    for (int i = 0; i < kIndicatorCount; ++i) {
      if (mask & (1u << i)) {
        tenderer_group[std::string(orgs_.Get(id))][IndicatorCode(static_cast<Indicator>(i))] =
            ConstantTendererValue(static_cast<Indicator>(i));
      }
    }
  }

  // R024 and R058 share the second-lowest bid ratios.
  if (settings_.r024 || settings_.r058) {
    std::vector<Resolved*> ratios;
    std::vector<double> values;
    const uint32_t first_currency = settings_.currency ? 0 : currencies_.Find(first_currency_);
    for (Resolved& r : resolved) {
      if (!r.ratio) continue;
      // Without a configured currency, cardinal's reduce step throws away the ratios of a
      // partition whose first-observed currency differs from the one kept.
      if (!settings_.currency && r.ratio->currency != first_currency) continue;
      ratios.push_back(&r);
      values.push_back(r.ratio->ratio);
    }
    const OrderStatistics stats(values);
    if (settings_.r024) {
      double fence;
      bool guard;
      if (settings_.r024->threshold) {
        fence = *settings_.r024->threshold;
        guard = fence > 0;
      } else {
        const double q1 = stats.LowerQuartile(), q3 = stats.UpperQuartile();
        fence = LowerFence(q1, q3);
        meta["R024"] = {{"q1", q1}, {"q3", q3}, {"lower_fence", fence}};
        guard = q1 > 0 && fence > 0;  // stops degenerate data flagging a quarter of cases
      }
      if (guard) {
        for (Resolved* r : ratios) {
          const Process& p = *r->ratio;
          if (!(p.ratio <= fence)) continue;
          r->mask |= 1u << kR024;
          r->r024 = p.ratio;
          const std::string winner(orgs_.Get(p.winner)), second(orgs_.Get(p.second));
          tenderer_group[winner]["R024"] = 0.0;
          tenderer_group[second]["R024"] = 0.0;
          if (options.maps) maps["ocid_tenderer_r024"][std::string(r->ocid)] = {winner, second};
        }
      }
    }
    if (settings_.r058) {
      double fence;
      if (settings_.r058->threshold) {
        fence = *settings_.r058->threshold;
      } else {
        const double q1 = stats.LowerQuartile(), q3 = stats.UpperQuartile();
        fence = UpperFence(q1, q3);
        meta["R058"] = {{"q1", q1}, {"q3", q3}, {"upper_fence", fence}};
      }
      if (fence > 0) {
        for (Resolved* r : ratios) {
          const Process& p = *r->ratio;
          if (!(p.ratio >= fence)) continue;
          r->mask |= 1u << kR058;
          r->r058 = p.ratio;
          const std::string winner(orgs_.Get(p.winner));
          tenderer_group[winner]["R058"] = 0.0;
          if (options.maps) maps["ocid_tenderer_r058"][std::string(r->ocid)] = {winner};
        }
      }
    }
  }

  if (settings_.r025) {
    const double p = static_cast<double>(settings_.r025->percentile.value_or(75)) / 100.0;
    std::vector<double> denominators, ratios;
    for (const Org& o : org_data_) {
      if (o.r025.denominator == 0) continue;
      denominators.push_back(static_cast<double>(o.r025.denominator));
      ratios.push_back(static_cast<double>(o.r025.numerator) /
                       static_cast<double>(o.r025.denominator));
    }
    const double upper = Type8Quantile(std::move(denominators), p);
    meta["R025"]["upper_fence"] = upper;
    double lower;
    bool guard;
    if (settings_.r025->threshold) {
      lower = *settings_.r025->threshold;
      guard = lower > 0;
    } else {
      const OrderStatistics stats(std::move(ratios));
      const double q1 = stats.LowerQuartile(), q3 = stats.UpperQuartile();
      lower = LowerFence(q1, q3);
      meta["R025"]["q1"] = q1;
      meta["R025"]["q3"] = q3;
      meta["R025"]["lower_fence"] = lower;
      guard = q1 > 0 && lower > 0;
    }
    if (guard) {
      for (uint32_t id = 0; id < org_data_.size(); ++id) {
        const Fraction& f = org_data_[id].r025;
        if (f.denominator == 0) continue;
        const double ratio = static_cast<double>(f.numerator) / static_cast<double>(f.denominator);
        if (static_cast<double>(f.denominator) >= upper && ratio <= lower) {
          tenderer_group[std::string(orgs_.Get(id))]["R025"] = ratio;
        }
      }
    }
  }

  if (settings_.r038) {
    const R038Settings& s = *settings_.r038;
    struct Part {
      Fraction Org::*fraction;
      uint64_t minimum;
      Group* group;
      const char* prefix;
    };
    // Quirk (cardinal): for buyers and procuring entities the minimum number of contracting
    // processes is compared with the number of submitted bids.
    const Part parts[] = {
        {&Org::r038_buyer, s.minimum_contracting_processes.value_or(2), &buyer_group, "Buyer_"},
        {&Org::r038_procuring_entity, s.minimum_contracting_processes.value_or(2),
         &procuring_entity_group, "ProcuringEntity_"},
        {&Org::r038_tenderer, s.minimum_submitted_bids.value_or(2), &tenderer_group, "Tenderer_"},
    };
    for (const Part& part : parts) {
      std::vector<std::pair<uint32_t, double>> kept;
      std::vector<double> values;
      for (uint32_t id = 0; id < org_data_.size(); ++id) {
        const Fraction& f = org_data_[id].*part.fraction;
        // A present entry has a non-zero denominator, so a minimum of 0 changes nothing.
        if (f.denominator == 0 || f.denominator < part.minimum) continue;
        const double ratio = static_cast<double>(f.numerator) / static_cast<double>(f.denominator);
        kept.emplace_back(id, ratio);
        values.push_back(ratio);
      }
      if (kept.empty()) continue;  // a group's Meta keys appear only if it has ratios
      double fence;
      if (s.threshold) {
        fence = *s.threshold;
      } else {
        const OrderStatistics stats(std::move(values));
        const double q1 = stats.LowerQuartile(), q3 = stats.UpperQuartile();
        fence = UpperFence(q1, q3);
        const std::string prefix = part.prefix;
        meta["R038"][prefix + "q1"] = q1;
        meta["R038"][prefix + "q3"] = q3;
        meta["R038"][prefix + "upper_fence"] = fence;
      }
      if (!(fence > 0)) continue;
      for (const auto& [id, ratio] : kept) {
        if (ratio >= fence) (*part.group)[std::string(orgs_.Get(id))]["R038"] = ratio;
      }
    }
  }

  if (settings_.r048) {
    const R048Settings& s = *settings_.r048;
    const uint64_t minimum = s.minimum_contracting_processes.value_or(20);
    std::vector<std::pair<uint32_t, double>> kept;
    std::vector<double> values;
    for (uint32_t id = 0; id < org_data_.size(); ++id) {
      const Org& o = org_data_[id];
      if (o.r048_processes == 0 || o.r048_processes < minimum) continue;
      kept.emplace_back(id, static_cast<double>(o.r048_codes));
      values.push_back(static_cast<double>(o.r048_codes));
    }
    double fence;
    if (s.threshold) {
      fence = static_cast<double>(*s.threshold);
    } else {
      const OrderStatistics stats(std::move(values));
      const double q1 = stats.LowerQuartile(), q3 = stats.UpperQuartile();
      fence = UpperFence(q1, q3);
      meta["R048"] = {{"q1", q1}, {"q3", q3}, {"upper_fence", fence}};
    }
    for (const auto& [id, variety] : kept) {  // no guard
      if (variety >= fence) tenderer_group[std::string(orgs_.Get(id))]["R048"] = variety;
    }
  }

  std::string out = "{";
  bool first = true;
  auto key = [&](const char* name) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(&out, name);
    out.push_back(':');
  };
  // Empty groups are removed, as cardinal does. The OCID group is written straight from
  // the sorted list: codes in enum order are in string order.
  bool any_ocid = false;
  for (const Resolved& r : resolved) any_ocid = any_ocid || r.mask != 0;
  if (any_ocid) {
    key("OCID");
    out.push_back('{');
    bool first_ocid = true;
    for (const Resolved& r : resolved) {
      if (r.mask == 0) continue;
      if (!first_ocid) out.push_back(',');
      first_ocid = false;
      AppendJsonString(&out, r.ocid);
      out.append(":{");
      bool first_code = true;
      for (int i = 0; i < kIndicatorCount; ++i) {
        if (!(r.mask & (1u << i))) continue;
        if (!first_code) out.push_back(',');
        first_code = false;
        AppendJsonString(&out, IndicatorCode(static_cast<Indicator>(i)));
        out.push_back(':');
        const double value = i == kR035 ? r.r035 : i == kR024 ? r.r024 : i == kR058 ? r.r058 : 1.0;
        AppendJsonDouble(&out, value);
      }
      out.push_back('}');
    }
    out.push_back('}');
  }
  const std::pair<const char*, const Group*> groups[] = {
      {"Tenderer", &tenderer_group},
      {"Buyer", &buyer_group},
      {"ProcuringEntity", &procuring_entity_group}};
  for (const auto& [name, group] : groups) {
    if (group->empty()) continue;
    key(name);
    WriteGroup(&out, *group);
  }
  if (options.meta && !meta.empty()) {
    key("Meta");
    Group rounded;
    for (const auto& [indicator, values] : meta) {
      auto& target = rounded[indicator];
      for (const auto& [name, v] : values) target[name] = RoundMeta(v);  // NaN prints null
    }
    WriteGroup(&out, rounded);
  }
  if (options.maps) {
    auto copy = [&](const char* name, const StringMap<TaggedIds>& from) {
      auto& target = maps[name];
      for (const auto& [ocid, entry] : from) target[ocid] = entry.ids;
    };
    copy("ocid_tenderer_r028", map_r028_);
    copy("ocid_tenderer_r030", map_r030_);
    copy("ocid_tenderer_r035", map_r035_);
    copy("ocid_buyer_r038", map_buyer_r038_);
    copy("ocid_procuringentity_r038", map_procuring_entity_r038_);
    copy("ocid_tenderer", map_ocid_tenderer_);
    maps["ocid_tenderer_r024"];  // every key is present, empty where nothing applies
    maps["ocid_tenderer_r058"];
    key("Maps");
    out.push_back('{');
    bool first_map = true;
    for (const auto& [name, entries] : maps) {
      if (!first_map) out.push_back(',');
      first_map = false;
      AppendJsonString(&out, name);
      out.append(":{");
      const bool single = name == "ocid_buyer_r038" || name == "ocid_procuringentity_r038";
      bool first_entry = true;
      for (const auto& [ocid, ids] : entries) {
        if (!first_entry) out.push_back(',');
        first_entry = false;
        AppendJsonString(&out, ocid);
        out.push_back(':');
        if (single) {
          AppendJsonString(&out, ids.empty() ? std::string() : ids.front());
          continue;
        }
        out.push_back('[');
        for (size_t i = 0; i < ids.size(); ++i) {
          if (i) out.push_back(',');
          AppendJsonString(&out, ids[i]);
        }
        out.push_back(']');
      }
      out.push_back('}');
    }
    out.push_back('}');
  }
  out.push_back('}');
  return out;
}

}  // namespace samspill::market::cardinal
