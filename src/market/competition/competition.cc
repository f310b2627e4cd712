#include "market/competition/competition.h"

namespace samspill::market {

using nlohmann::json;

std::string SupplierKey(const Organisation& supplier) {
  if (!supplier.org_number.empty()) return "NO" + supplier.org_number;
  if (!supplier.id.empty()) return supplier.id;
  return supplier.name;
}

void CompetitionIndicators::Add(const Process& p) {
  for (const Lot& lot : p.lots) {
    ++coverage_.lots;
    for (int s = 1; s < kBidderSourceCount; ++s) {
      if (lot.sources_present & (1u << s)) ++coverage_.present[s];
      if (lot.sources_rejected & (1u << s)) ++coverage_.rejected[s];
    }
    ++coverage_.used[static_cast<int>(lot.bidder_source)];

    for (const Winner& w : lot.winners) {
      SupplierTotal& total = suppliers_[SupplierKey(w.supplier)];
      if (total.supplier.name.empty()) total.supplier = w.supplier;
      ++total.wins;
      if (w.value && w.value->currency == currency_) total.value_minor += w.value->minor;
    }

    std::string start = !lot.tender_start.empty() ? lot.tender_start : p.published;
    std::optional<int> days = DaysBetween(start, lot.tender_end);
    AdvertBand band = days ? BandForDays(p.country, *days) : AdvertBand::kUnknown;
    ++bands_[static_cast<int>(band)];

    if (!lot.bidders || !IsCompetitive(p.procedure)) continue;
    auto add = [&](RateCell& cell) {
      ++cell.lots;
      cell.bidders += static_cast<uint64_t>(*lot.bidders);
      if (*lot.bidders == 1) ++cell.single_bid;
    };
    add(overall_);
    std::string cpv = lot.cpv.empty() ? p.cpv : lot.cpv;
    if (!cpv.empty()) {
      add(by_division_[cpv.substr(0, 2)]);
      add(by_group_[cpv.substr(0, 3)]);
    }
    add(by_buyer_[p.buyer.org_number.empty() ? p.buyer.id : p.buyer.org_number]);
    if (!p.region.empty()) add(by_region_[p.region]);
    add(by_procedure_[ProcedureName(p.procedure)]);
  }
}

Concentration CompetitionIndicators::SupplierConcentration(bool* by_value) const {
  std::vector<double> values, wins;
  bool any_value = false;
  for (const auto& [key, s] : suppliers_) {
    values.push_back(static_cast<double>(s.value_minor));
    wins.push_back(static_cast<double>(s.wins));
    any_value |= s.value_minor > 0;
  }
  if (by_value) *by_value = any_value;
  return ComputeConcentration(any_value ? values : wins);
}

namespace {

json CellsToJson(const std::map<std::string, RateCell>& cells) {
  json out = json::object();
  for (const auto& [key, c] : cells) {
    out[key] = {{"lots", c.lots},
                {"single_bid", c.single_bid},
                {"single_bid_rate", c.single_bid_rate()},
                {"mean_bidders", c.mean_bidders()}};
  }
  return out;
}

}  // namespace

json CompetitionIndicators::ToJson() const {
  json coverage = {{"lots", coverage_.lots}};
  for (int s = 1; s < kBidderSourceCount; ++s) {
    coverage[BidderSourceName(static_cast<BidderSource>(s))] = {
        {"present", coverage_.present[s]},
        {"used", coverage_.used[s]},
        {"rejected", coverage_.rejected[s]}};
  }
  coverage["none"] = {{"used", coverage_.used[0]}};
  bool by_value = false;
  Concentration c = SupplierConcentration(&by_value);
  json bands = json::object();
  for (int b = 0; b < 4; ++b) bands[AdvertBandName(static_cast<AdvertBand>(b))] = bands_[b];
  json overall = CellsToJson({{"all", overall_}})["all"];
  return {{"bidder_coverage", coverage},
          {"overall", overall},
          {"by_cpv_division", CellsToJson(by_division_)},
          {"by_cpv_group", CellsToJson(by_group_)},
          {"by_buyer", CellsToJson(by_buyer_)},
          {"by_region", CellsToJson(by_region_)},
          {"by_procedure", CellsToJson(by_procedure_)},
          {"suppliers",
           {{"count", c.suppliers},
            {"hhi", c.hhi},
            {"top3_share", c.top3_share},
            {"measured_by", by_value ? "value" : "wins"}}},
          {"advert_period_bands", bands}};
}

}  // namespace samspill::market
