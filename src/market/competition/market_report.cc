#include "market/competition/market_report.h"

#include <algorithm>
#include <cstdio>

namespace samspill::market {

using nlohmann::json;

namespace {

// "85300000" → "853": the significant digits of a CPV code (at least two).
std::string CpvPrefix(const std::string& code) {
  std::string digits;
  for (char c : code) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  digits = digits.substr(0, 8);
  while (digits.size() > 2 && digits.back() == '0') digits.pop_back();
  return digits;
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f %%", v * 100);
  return buf;
}

std::string FormatKroner(int64_t minor) {
  std::string digits = std::to_string(minor / 100);
  std::string out;
  int n = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (n > 0 && n % 3 == 0) out.insert(out.begin(), ' ');
    out.insert(out.begin(), *it);
    ++n;
  }
  return out;
}

}  // namespace

ReportBuilder::ReportBuilder(ReportQuery query) : query_(std::move(query)) {
  query_.cpv = CpvPrefix(query_.cpv);
}

void ReportBuilder::Add(const Process& p) {
  if (query_.cpv.size() < 2) return;
  std::string division = query_.cpv.substr(0, 2);
  for (const Lot& lot : p.lots) {
    std::string cpv = lot.cpv.empty() ? p.cpv : lot.cpv;
    if (cpv.rfind(division, 0) != 0) continue;
    ++lots_in_division_;
    if (!IsCompetitive(p.procedure)) continue;
    if (!lot.bidders) {
      ++lots_without_bidders_;
      continue;
    }
    Kept k;
    k.lot.process_id = p.id;
    k.lot.lot_id = lot.id;
    k.lot.title = lot.title.empty() ? p.title : lot.title;
    k.lot.buyer = p.buyer.name;
    k.lot.region = p.region;
    k.lot.published = p.published;
    k.lot.cpv = cpv;
    k.lot.procedure = ProcedureName(p.procedure);
    k.lot.bidders = *lot.bidders;
    for (const Winner& w : lot.winners) k.lot.winners.push_back(w.supplier.name);
    k.buyer_id = p.buyer.id;
    k.buyer_org = p.buyer.org_number;
    k.winners = lot.winners;
    k.sources_present = lot.sources_present;
    k.sources_rejected = lot.sources_rejected;
    k.source = lot.bidder_source;
    kept_.push_back(std::move(k));
  }
}

MarketReport ReportBuilder::Finish() const {
  MarketReport r;
  r.query = query_;
  r.lots_in_division = lots_in_division_;
  r.lots_without_bidders = lots_without_bidders_;
  std::string cpv = query_.cpv;
  std::string region = query_.region;
  std::string buyer = query_.buyer;

  auto matches = [&](const Kept& k) {
    if (k.lot.cpv.rfind(cpv, 0) != 0) return false;
    if (!region.empty() && k.lot.region.rfind(region, 0) != 0) return false;
    if (!buyer.empty() && k.buyer_id != buyer && k.buyer_org != buyer) return false;
    return true;
  };
  auto count = [&] {
    return static_cast<size_t>(std::count_if(kept_.begin(), kept_.end(), matches));
  };
  // Widen one step at a time until enough lots compare.
  while (count() < query_.min_comparable) {
    size_t before = count();
    std::string step;
    if (!buyer.empty()) {
      step = "for få sammenlignbare delkontrakter hos oppdragsgiveren (" + std::to_string(before) +
             "): tok med alle oppdragsgivere";
      buyer.clear();
    } else if (cpv.size() > 3) {
      step = "for få i CPV " + cpv + " (" + std::to_string(before) + "): utvidet til CPV-gruppe " +
             cpv.substr(0, 3);
      cpv = cpv.substr(0, 3);
    } else if (cpv.size() == 3) {
      step = "for få i CPV-gruppe " + cpv + " (" + std::to_string(before) +
             "): utvidet til CPV-hovedgruppe " + cpv.substr(0, 2);
      cpv = cpv.substr(0, 2);
    } else if (region.size() > 4) {
      step = "for få i region " + region + " (" + std::to_string(before) +
             "): utvidet til NUTS-2 " + region.substr(0, 4);
      region = region.substr(0, 4);
    } else if (region.size() > 2) {
      step = "for få i region " + region + " (" + std::to_string(before) +
             "): utvidet til landet " + region.substr(0, 2);
      region = region.substr(0, 2);
    } else if (!region.empty()) {
      step = "for få i " + region + " (" + std::to_string(before) + "): tok med alle land";
      region.clear();
    } else {
      break;
    }
    r.widening.push_back(step);
  }
  r.cpv_scope = cpv;
  r.region_scope = region;
  r.buyer_scope = buyer;

  std::map<std::string, SupplierTotal> suppliers;
  std::vector<const Kept*> chosen;
  for (const Kept& k : kept_) {
    if (!matches(k)) continue;
    chosen.push_back(&k);
    ++r.comparable;
    if (k.lot.bidders >= 2) ++r.two_or_more;
    ++r.coverage.lots;
    for (int s = 1; s < kBidderSourceCount; ++s) {
      if (k.sources_present & (1u << s)) ++r.coverage.present[s];
      if (k.sources_rejected & (1u << s)) ++r.coverage.rejected[s];
    }
    ++r.coverage.used[static_cast<int>(k.source)];
    for (const Winner& w : k.winners) {
      SupplierTotal& t = suppliers[SupplierKey(w.supplier)];
      if (t.supplier.name.empty()) t.supplier = w.supplier;
      ++t.wins;
      if (w.value && w.value->currency == "NOK") t.value_minor += w.value->minor;
    }
  }
  r.probability = r.comparable == 0 ? 0 : double(r.two_or_more) / double(r.comparable);
  r.interval = WilsonInterval(r.two_or_more, r.comparable);
  std::vector<double> values, wins;
  for (auto& [key, t] : suppliers) {
    r.suppliers.push_back(t);
    values.push_back(double(t.value_minor));
    wins.push_back(double(t.wins));
    r.concentration_by_value |= t.value_minor > 0;
  }
  r.concentration = ComputeConcentration(r.concentration_by_value ? values : wins);
  std::sort(r.suppliers.begin(), r.suppliers.end(),
            [](const SupplierTotal& a, const SupplierTotal& b) {
              if (a.wins != b.wins) return a.wins > b.wins;
              if (a.value_minor != b.value_minor) return a.value_minor > b.value_minor;
              return a.supplier.name < b.supplier.name;
            });
  std::stable_sort(chosen.begin(), chosen.end(), [](const Kept* a, const Kept* b) {
    return a->lot.published > b->lot.published;
  });
  for (size_t i = 0; i < chosen.size() && i < query_.max_listed; ++i) {
    r.comparables.push_back(chosen[i]->lot);
  }
  return r;
}

json ReportToJson(const MarketReport& r, const ReferenceNames& names) {
  json suppliers = json::array();
  for (const SupplierTotal& s : r.suppliers) {
    suppliers.push_back({{"name", s.supplier.name},
                         {"id", s.supplier.id},
                         {"org_number", s.supplier.org_number},
                         {"wins", s.wins},
                         {"awarded_nok_minor", s.value_minor}});
  }
  json comparables = json::array();
  for (const ComparableLot& c : r.comparables) {
    comparables.push_back({{"process_id", c.process_id},
                           {"lot_id", c.lot_id},
                           {"title", c.title},
                           {"buyer", c.buyer},
                           {"region", c.region},
                           {"published", c.published},
                           {"cpv", c.cpv},
                           {"procedure", c.procedure},
                           {"bidders", c.bidders},
                           {"winners", c.winners}});
  }
  json coverage = {{"lots", r.coverage.lots}};
  for (int s = 1; s < kBidderSourceCount; ++s) {
    coverage[BidderSourceName(static_cast<BidderSource>(s))] = {
        {"present", r.coverage.present[s]},
        {"used", r.coverage.used[s]},
        {"rejected", r.coverage.rejected[s]}};
  }
  return {{"query",
           {{"cpv", r.query.cpv},
            {"cpv_name", names.Cpv(r.query.cpv)},
            {"region", r.query.region},
            {"region_name", names.Nuts(r.query.region)},
            {"buyer", r.query.buyer},
            {"min_comparable", r.query.min_comparable}}},
          {"scope",
           {{"cpv", r.cpv_scope},
            {"cpv_name", names.Cpv(r.cpv_scope)},
            {"region", r.region_scope},
            {"buyer", r.buyer_scope},
            {"widening", r.widening}}},
          {"at_least_two_bids",
           {{"comparable_lots", r.comparable},
            {"with_two_or_more", r.two_or_more},
            {"probability", r.probability},
            {"interval",
             {{"method", "wilson"},
              {"level", 0.95},
              {"low", r.interval.low},
              {"high", r.interval.high}}}}},
          {"bidder_coverage", coverage},
          {"lots_in_cpv_division", r.lots_in_division},
          {"lots_without_bidder_count", r.lots_without_bidders},
          {"suppliers", suppliers},
          {"concentration",
           {{"suppliers", r.concentration.suppliers},
            {"hhi", r.concentration.hhi},
            {"top3_share", r.concentration.top3_share},
            {"measured_by", r.concentration_by_value ? "value" : "wins"}}},
          {"comparable_tenders", comparables}};
}

std::string ReportToText(const MarketReport& r, const ReferenceNames& names) {
  std::string out;
  auto line = [&](const std::string& s) { out += s + "\n"; };
  std::string cpv_name = names.Cpv(r.query.cpv);
  line("Markedsanalyse for planlagt anskaffelse");
  line("CPV " + r.query.cpv + (cpv_name.empty() ? "" : " (" + cpv_name + ")") +
       (r.query.region.empty()
            ? ""
            : ", region " + r.query.region +
                  (names.Nuts(r.query.region).empty() ? ""
                                                      : " (" + names.Nuts(r.query.region) + ")")) +
       (r.query.buyer.empty() ? "" : ", oppdragsgiver " + r.query.buyer));
  for (const std::string& w : r.widening) line("  Merk: " + w + ".");
  std::string scope_name = names.Cpv(r.cpv_scope);
  line("Sammenligningsgrunnlag: CPV " + r.cpv_scope +
       (scope_name.empty() ? "" : " (" + scope_name + ")") +
       (r.region_scope.empty() ? ", alle regioner" : ", region " + r.region_scope) +
       (r.buyer_scope.empty() ? "" : ", oppdragsgiver " + r.buyer_scope));
  line("");
  if (r.comparable == 0) {
    line(
        "Ingen sammenlignbare delkontrakter med kjent antall tilbud (åpen eller begrenset "
        "konkurranse).");
  } else {
    line("Sannsynlighet for minst to tilbud: " + Percent(r.probability) +
         " (95 % Wilson-intervall " + Percent(r.interval.low) + "–" + Percent(r.interval.high) +
         ")");
    line("  basert på " + std::to_string(r.comparable) + " sammenlignbare delkontrakter, " +
         std::to_string(r.two_or_more) + " med to eller flere tilbud");
  }
  line("  (" + std::to_string(r.lots_in_division) + " delkontrakter i CPV-hovedgruppen " +
       r.query.cpv.substr(0, 2) + ", " + std::to_string(r.lots_without_bidders) +
       " i konkurranse uten kjent antall tilbud)");
  std::string sources;
  for (int s = 1; s < kBidderSourceCount; ++s) {
    if (r.coverage.used[s] == 0) continue;
    if (!sources.empty()) sources += ", ";
    sources += std::string(BidderSourceName(static_cast<BidderSource>(s))) + " " +
               std::to_string(r.coverage.used[s]);
  }
  if (!sources.empty()) line("  Kilde for antall tilbud: " + sources);
  line("");
  line("Aktive leverandører (" + std::to_string(r.suppliers.size()) + "):");
  for (size_t i = 0; i < r.suppliers.size() && i < 15; ++i) {
    const SupplierTotal& s = r.suppliers[i];
    line("  " + s.supplier.name +
         (s.supplier.org_number.empty() ? "" : " (" + s.supplier.org_number + ")") + ": " +
         std::to_string(s.wins) + " tildeling(er)" +
         (s.value_minor > 0 ? ", " + FormatKroner(s.value_minor) + " kr" : ""));
  }
  if (r.concentration.suppliers > 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  Konsentrasjon: HHI %.0f, tre største %s (målt på %s)",
                  r.concentration.hhi, Percent(r.concentration.top3_share).c_str(),
                  r.concentration_by_value ? "verdi" : "antall tildelinger");
    line(buf);
  }
  line("");
  line("Sammenlignbare anskaffelser (nyeste først):");
  for (const ComparableLot& c : r.comparables) {
    std::string winners;
    for (const std::string& w : c.winners) winners += (winners.empty() ? "" : ", ") + w;
    line("  " + (c.published.empty() ? std::string("          ") : c.published) + "  " +
         std::to_string(c.bidders) + " tilbud  " + c.title + " — " + c.buyer +
         (winners.empty() ? "" : " → " + winners) + " [" + c.process_id +
         (c.lot_id.empty() ? "" : " " + c.lot_id) + "]");
  }
  return out;
}

}  // namespace samspill::market
