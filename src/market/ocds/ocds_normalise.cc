#include "market/ocds/ocds_normalise.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "common/org_number.h"
#include "common/text.h"

namespace samspill::market {
namespace {

using nlohmann::json;

std::string Join(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

class Reader {
 public:
  Reader(const json& release, const Location& where, IssueLog* issues, const SanityLimits& limits)
      : r_(release), where_(where), issues_(issues), limits_(limits) {}

  Process Read();

 private:
  void WrongType(const std::string& path, const char* expected, const json& got) {
    issues_->Add({"wrong_type", where_.file, where_.line, where_.offset, path,
                  std::string("expected ") + expected + ", found " + got.type_name()});
  }

  // The value at `key` if it is a string (a number is accepted as its text); otherwise "" and,
  // for other types, an issue.
  std::string Text(const json& parent, const char* key, const std::string& path) {
    if (!parent.is_object()) return "";
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    WrongType(Join(path, key), "a string", *it);
    return "";
  }

  const json* Object(const json& parent, const char* key, const std::string& path) {
    if (!parent.is_object()) return nullptr;
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return nullptr;
    if (!it->is_object()) {
      WrongType(Join(path, key), "an object", *it);
      return nullptr;
    }
    return &*it;
  }

  const json* Array(const json& parent, const char* key, const std::string& path) {
    if (!parent.is_object()) return nullptr;
    auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) return nullptr;
    if (!it->is_array()) {
      WrongType(Join(path, key), "an array", *it);
      return nullptr;
    }
    return &*it;
  }

  std::optional<Money> Value(const json& parent, const char* key, const std::string& path) {
    const json* value = Object(parent, key, path);
    if (value == nullptr) return std::nullopt;
    std::string p = Join(path, key);
    auto amount = value->find("amount");
    if (amount == value->end() || amount->is_null()) return std::nullopt;
    if (!amount->is_number()) {
      WrongType(p + ".amount", "a number", *amount);
      return std::nullopt;
    }
    return CheckedMoney(amount->get<double>(), Text(*value, "currency", p), where_, p + ".amount",
                        issues_, limits_);
  }

  const json* Party(const std::string& id) {
    if (id.empty() || parties_ == nullptr) return nullptr;
    for (const json& party : *parties_) {
      if (party.is_object() && party.contains("id") && Text(party, "id", "parties") == id) {
        return &party;
      }
    }
    return nullptr;
  }

  static std::string CountryCode(const std::string& text) {
    std::string t;
    for (char c : text) t.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (t == "no" || t == "nor" || t == "norway" || t == "norge") return "NO";
    if (t == "se" || t == "swe" || t == "sweden" || t == "sverige") return "SE";
    if (t == "dk" || t == "dnk" || t == "denmark" || t == "danmark") return "DK";
    if (t == "fi" || t == "fin" || t == "finland" || t == "suomi") return "FI";
    if (t.size() == 2) {
      return {static_cast<char>(std::toupper(static_cast<unsigned char>(t[0]))),
              static_cast<char>(std::toupper(static_cast<unsigned char>(t[1])))};
    }
    return "";
  }

  static bool LooksLikeNuts(const std::string& code) {
    if (code.size() < 3 || code.size() > 5) return false;
    if (!std::isupper(static_cast<unsigned char>(code[0])) ||
        !std::isupper(static_cast<unsigned char>(code[1]))) {
      return false;
    }
    return std::all_of(code.begin() + 2, code.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  }

  // A Norwegian organisation number among an organisation's identifiers. The converted Doffin
  // data tags them with scheme GB-COH by mistake (see the shared data's README): a nine-digit
  // number with a valid check digit under that scheme is taken as Norwegian.
  std::string OrgNumber(const json& org, const std::string& country) {
    std::vector<const json*> ids;
    if (org.is_object()) {
      if (auto it = org.find("identifier"); it != org.end() && it->is_object()) ids.push_back(&*it);
      if (auto it = org.find("additionalIdentifiers"); it != org.end() && it->is_array()) {
        for (const json& id : *it) {
          if (id.is_object()) ids.push_back(&id);
        }
      }
    }
    for (const json* id : ids) {
      std::string scheme = id->contains("scheme") && (*id)["scheme"].is_string()
                               ? (*id)["scheme"].get<std::string>()
                               : "";
      std::string value;
      if (auto v = id->find("id"); v != id->end()) {
        value = v->is_string() ? v->get<std::string>() : v->is_number_integer() ? v->dump() : "";
      }
      bool norwegian = scheme.rfind("NO-", 0) == 0 || scheme == "GB-COH" || country == "NO";
      if (!norwegian) continue;
      Result<std::string> number = ParseOrgNumber(value);
      if (number.ok()) return *number;
    }
    return "";
  }

  Organisation OrganisationFrom(const json& ref, const std::string& path) {
    Organisation org;
    org.id = Text(ref, "id", path);
    org.name = Text(ref, "name", path);
    const json* party = Party(org.id);
    std::string country;
    const json* source = party != nullptr ? party : &ref;
    if (const json* address = Object(*source, "address", path)) {
      country = CountryCode(Text(*address, "country", path + ".address"));
      if (country.empty()) country = CountryCode(Text(*address, "countryName", path + ".address"));
    }
    if (org.name.empty() && party != nullptr) org.name = Text(*party, "name", "parties");
    org.org_number = OrgNumber(*source, country);
    if (org.org_number.empty() && source != &ref) org.org_number = OrgNumber(ref, country);
    if (org.id.empty()) {
      if (const json* identifier = Object(ref, "identifier", path)) {
        org.id = Text(*identifier, "scheme", path) + "-" + Text(*identifier, "id", path);
        if (org.id == "-") org.id.clear();
      }
    }
    if (org.id.empty()) org.id = org.org_number.empty() ? org.name : org.org_number;
    return org;
  }

  std::string ItemCpv(const json& item, const std::string& path) {
    const json* c = Object(item, "classification", path);
    if (c == nullptr) return "";
    std::string scheme = Text(*c, "scheme", path + ".classification");
    std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    if (scheme != "CPV") return "";
    return NormaliseCpv(Text(*c, "id", path + ".classification"));
  }

  bool RelatesTo(const json& element, const char* key, const std::string& lot_id) {
    auto it = element.find(key);
    if (it == element.end() || it->is_null()) return lot_id.empty() || lot_count_ <= 1;
    if (it->is_string()) return *it == lot_id;
    if (it->is_array()) {
      for (const json& l : *it) {
        if (l.is_string() && l == lot_id) return true;
        if (l.is_number_integer() && l.dump() == lot_id) return true;
      }
      return false;
    }
    if (it->is_number_integer()) return it->dump() == lot_id;
    return false;
  }

  bool IsBlankName(const json& tenderer) {
    auto it = tenderer.find("name");
    return it == tenderer.end() || !it->is_string() || IsBlank(it->get<std::string>());
  }

  void CountBidders(Lot& lot);
  void AddWinners(Lot& lot);

  const json& r_;
  const Location& where_;
  IssueLog* issues_;
  const SanityLimits& limits_;
  const json* parties_ = nullptr;
  const json* tender_ = nullptr;
  const json* bids_ = nullptr;
  size_t lot_count_ = 0;
  std::string buyer_id_;
  std::string procuring_entity_id_;
};

unsigned Bit(BidderSource s) { return 1u << static_cast<unsigned>(s); }

void Reader::CountBidders(Lot& lot) {
  static const json kEmpty = json::object();
  const json& tender = tender_ != nullptr ? *tender_ : kEmpty;
  auto use = [&](BidderSource source, std::optional<int> n) {
    if (!n) {
      lot.sources_rejected |= Bit(source);
      return;
    }
    if (!lot.bidders) {
      lot.bidders = n;
      lot.bidder_source = source;
    }
  };
  // 1. numberOfTenderers (whole process).
  if (lot_count_ <= 1) {
    if (auto it = tender.find("numberOfTenderers"); it != tender.end() && !it->is_null()) {
      lot.sources_present |= Bit(BidderSource::kNumberOfTenderers);
      if (it->is_number()) {
        use(BidderSource::kNumberOfTenderers,
            CheckedBidderCount(it->get<double>(), where_, "tender.numberOfTenderers", issues_,
                               limits_));
      } else {
        WrongType("tender.numberOfTenderers", "a number", *it);
        lot.sources_rejected |= Bit(BidderSource::kNumberOfTenderers);
      }
    }
  }
  // 2. bids.statistics with measure "bids".
  if (bids_ != nullptr) {
    if (const json* stats = Array(*bids_, "statistics", "bids")) {
      for (size_t i = 0; i < stats->size(); ++i) {
        const json& s = (*stats)[i];
        if (!s.is_object() || s.value("measure", json()) != "bids") continue;
        if (!RelatesTo(s, "relatedLot", lot.id)) continue;
        lot.sources_present |= Bit(BidderSource::kBidsStatistics);
        std::string path = "bids.statistics[" + std::to_string(i) + "].value";
        auto v = s.find("value");
        if (v != s.end() && v->is_number()) {
          use(BidderSource::kBidsStatistics,
              CheckedBidderCount(v->get<double>(), where_, path, issues_, limits_));
        } else {
          if (v != s.end()) WrongType(path, "a number", *v);
          lot.sources_rejected |= Bit(BidderSource::kBidsStatistics);
        }
        break;
      }
    }
    // 3. bids.details: submitted bids for this lot.
    if (const json* details = Array(*bids_, "details", "bids")) {
      int submitted = 0;
      for (const json& b : *details) {
        if (!b.is_object() || !RelatesTo(b, "relatedLots", lot.id)) continue;
        auto status = b.find("status");
        if (status != b.end() && status->is_string() &&
            (*status == "invited" || *status == "withdrawn")) {
          continue;
        }
        ++submitted;
      }
      if (submitted > 0) {
        lot.sources_present |= Bit(BidderSource::kBidsDetails);
        use(BidderSource::kBidsDetails,
            CheckedBidderCount(submitted, where_, "bids.details", issues_, limits_));
      }
    }
  }
  // 4. tender.tenderers (whole process), without placeholders.
  if (lot_count_ <= 1) {
    if (const json* tenderers = Array(tender, "tenderers", "tender")) {
      if (!tenderers->empty()) {
        lot.sources_present |= Bit(BidderSource::kTenderers);
        std::set<std::string> distinct;
        size_t placeholders = 0;
        for (size_t i = 0; i < tenderers->size(); ++i) {
          const json& t = (*tenderers)[i];
          std::string path = "tender.tenderers[" + std::to_string(i) + "]";
          if (!t.is_object()) {
            ++placeholders;
            continue;
          }
          Organisation org = OrganisationFrom(t, path);
          bool anonymous = org.id.empty() && org.name.empty();
          std::string raw_id = Text(t, "id", path);
          bool is_buyer =
              !raw_id.empty() && (raw_id == buyer_id_ || raw_id == procuring_entity_id_);
          if (anonymous || is_buyer || IsBlankName(t)) {
            ++placeholders;
            continue;
          }
          distinct.insert(org.id.empty() ? org.name : org.id);
        }
        if (placeholders > 0) {
          issues_->Add({"placeholder", where_.file, where_.line, where_.offset, "tender.tenderers",
                        std::to_string(placeholders) +
                            " placeholder tenderer(s) (no name, or the buyer itself) not counted"});
        }
        if (distinct.empty()) {
          lot.sources_rejected |= Bit(BidderSource::kTenderers);
        } else {
          use(BidderSource::kTenderers, static_cast<int>(distinct.size()));
        }
      }
    }
  }
}

void Reader::AddWinners(Lot& lot) {
  const json* awards = Array(r_, "awards", "");
  if (awards == nullptr) return;
  int64_t total = 0;
  std::string total_currency;
  bool has_total = false;
  for (size_t i = 0; i < awards->size(); ++i) {
    const json& a = (*awards)[i];
    std::string path = "awards[" + std::to_string(i) + "]";
    if (!a.is_object()) {
      WrongType(path, "an object", a);
      continue;
    }
    std::string status = Text(a, "status", path);
    if (!status.empty() && status != "active") continue;
    if (!RelatesTo(a, "relatedLots", lot.id)) continue;
    std::optional<Money> value = Value(a, "value", path);
    if (value && (!has_total || value->currency == total_currency)) {
      total += value->minor;
      total_currency = value->currency;
      has_total = true;
    }
    const json* suppliers = Array(a, "suppliers", path);
    if (suppliers == nullptr) continue;
    for (size_t k = 0; k < suppliers->size(); ++k) {
      const json& s = (*suppliers)[k];
      std::string spath = path + ".suppliers[" + std::to_string(k) + "]";
      if (!s.is_object()) {
        WrongType(spath, "an object", s);
        continue;
      }
      Winner w;
      w.supplier = OrganisationFrom(s, spath);
      if (w.supplier.id.empty()) continue;
      if (suppliers->size() == 1) w.value = value;
      auto same = std::find_if(lot.winners.begin(), lot.winners.end(),
                               [&](const Winner& o) { return o.supplier.id == w.supplier.id; });
      if (same == lot.winners.end()) {
        lot.winners.push_back(std::move(w));
      } else if (w.value && same->value && same->value->currency == w.value->currency) {
        same->value->minor += w.value->minor;
      }
    }
  }
  if (has_total) lot.awarded_value = Money{total, total_currency};
}

Process Reader::Read() {
  Process p;
  p.format = SourceFormat::kOcds;
  p.id = r_["ocid"].get<std::string>();
  p.source = where_.file + (where_.line > 0 ? ":" + std::to_string(where_.line) : "");
  parties_ = Array(r_, "parties", "");
  tender_ = Object(r_, "tender", "");
  bids_ = Object(r_, "bids", "");
  static const json kEmpty = json::object();
  const json& tender = tender_ != nullptr ? *tender_ : kEmpty;

  p.title = Text(tender, "title", "tender");
  if (const json* buyer = Object(r_, "buyer", "")) {
    p.buyer = OrganisationFrom(*buyer, "buyer");
    buyer_id_ = Text(*buyer, "id", "buyer");
  } else if (parties_ != nullptr) {
    for (const json& party : *parties_) {
      if (!party.is_object()) continue;
      const json* roles = Array(party, "roles", "parties[]");
      if (roles != nullptr && std::find(roles->begin(), roles->end(), "buyer") != roles->end()) {
        p.buyer = OrganisationFrom(party, "parties[]");
        buyer_id_ = p.buyer.id;
        break;
      }
    }
  }
  if (const json* pe = Object(tender, "procuringEntity", "tender")) {
    procuring_entity_id_ = Text(*pe, "id", "tender.procuringEntity");
  }
  // Region: the buyer's address, else the first delivery address with a NUTS code.
  if (const json* party = Party(p.buyer.id)) {
    if (const json* address = Object(*party, "address", "parties[]")) {
      std::string region = Text(*address, "region", "parties[].address");
      if (LooksLikeNuts(region)) p.region = region;
      p.country = CountryCode(Text(*address, "country", "parties[].address"));
      if (p.country.empty()) {
        p.country = CountryCode(Text(*address, "countryName", "parties[].address"));
      }
    }
  }
  const json* items = Array(tender, "items", "tender");
  if (p.region.empty() && items != nullptr) {
    for (const json& item : *items) {
      if (!item.is_object()) continue;
      if (const json* addresses = Array(item, "deliveryAddresses", "tender.items[]")) {
        for (const json& a : *addresses) {
          std::string region = Text(a, "region", "tender.items[].deliveryAddresses[]");
          if (LooksLikeNuts(region)) {
            p.region = region;
            break;
          }
        }
      }
      if (!p.region.empty()) break;
    }
  }
  if (p.country.empty() && p.region.size() >= 2) p.country = p.region.substr(0, 2);

  p.procedure = ProcedureFromName(Text(tender, "procurementMethod", "tender"));
  p.procedure_details = Text(tender, "procurementMethodDetails", "tender");
  p.status = Text(tender, "status", "tender");
  if (const json* c = Object(tender, "classification", "tender")) {
    std::string scheme = Text(*c, "scheme", "tender.classification");
    if (scheme == "CPV" || scheme == "cpv") p.cpv = NormaliseCpv(Text(*c, "id", "tender"));
  }
  if (p.cpv.empty() && items != nullptr) {
    for (size_t i = 0; i < items->size() && p.cpv.empty(); ++i) {
      p.cpv = ItemCpv((*items)[i], "tender.items[" + std::to_string(i) + "]");
    }
  }
  p.estimated_value = Value(tender, "value", "tender");

  std::string start, end;
  if (const json* period = Object(tender, "tenderPeriod", "tender")) {
    start = Text(*period, "startDate", "tender.tenderPeriod");
    end = Text(*period, "endDate", "tender.tenderPeriod");
    if (EndsBeforeStart(start, end)) {
      issues_->Add({"absurd_value", where_.file, where_.line, where_.offset, "tender.tenderPeriod",
                    "ends (" + end + ") before it starts (" + start + "); dates ignored"});
      start.clear();
      end.clear();
    }
  }
  p.published = !start.empty() ? start : Text(r_, "date", "");
  if (p.published.size() > 10) p.published.resize(10);

  const json* lots = Array(tender, "lots", "tender");
  lot_count_ = lots != nullptr ? lots->size() : 0;
  if (lot_count_ == 0) {
    Lot lot;
    lot.cpv = p.cpv;
    lot.title = p.title;
    lot.estimated_value = p.estimated_value;
    lot.tender_start = start;
    lot.tender_end = end;
    p.lots.push_back(std::move(lot));
  } else {
    for (size_t i = 0; i < lots->size(); ++i) {
      const json& l = (*lots)[i];
      std::string path = "tender.lots[" + std::to_string(i) + "]";
      if (!l.is_object()) {
        WrongType(path, "an object", l);
        continue;
      }
      Lot lot;
      lot.id = Text(l, "id", path);
      lot.title = Text(l, "title", path);
      lot.estimated_value = Value(l, "value", path);
      lot.tender_start = start;
      lot.tender_end = end;
      if (const json* period = Object(l, "tenderPeriod", path)) {
        std::string s = Text(*period, "startDate", path + ".tenderPeriod");
        std::string e = Text(*period, "endDate", path + ".tenderPeriod");
        if (EndsBeforeStart(s, e)) {
          issues_->Add({"absurd_value", where_.file, where_.line, where_.offset,
                        path + ".tenderPeriod", "ends before it starts; dates ignored"});
        } else {
          if (!s.empty()) lot.tender_start = s;
          if (!e.empty()) lot.tender_end = e;
        }
      }
      if (items != nullptr) {
        for (size_t k = 0; k < items->size() && lot.cpv.empty(); ++k) {
          const json& item = (*items)[k];
          if (item.is_object() && item.contains("relatedLot") &&
              RelatesTo(item, "relatedLot", lot.id)) {
            lot.cpv = ItemCpv(item, "tender.items[" + std::to_string(k) + "]");
          }
        }
      }
      if (lot.cpv.empty()) lot.cpv = p.cpv;
      p.lots.push_back(std::move(lot));
    }
    if (p.lots.empty()) p.lots.push_back(Lot{.title = p.title, .cpv = p.cpv});
  }
  if (p.published.empty() && !p.lots[0].tender_start.empty()) {
    p.published = p.lots[0].tender_start.substr(0, 10);
  }
  for (Lot& lot : p.lots) {
    CountBidders(lot);
    AddWinners(lot);
  }
  return p;
}

}  // namespace

std::optional<Process> ProcessFromCompiledRelease(const json& release, const Location& where,
                                                  IssueLog* issues, const SanityLimits& limits) {
  if (!release.is_object() || !release.contains("ocid") || !release["ocid"].is_string()) {
    issues->Add({"missing_field", where.file, where.line, where.offset, "ocid",
                 "a compiled release needs a string ocid"});
    return std::nullopt;
  }
  return Reader(release, where, issues, limits).Read();
}

}  // namespace samspill::market
