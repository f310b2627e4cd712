#include "tendering/lot_evaluation.h"

#include <algorithm>
#include <cmath>

#include "common/format_nb.h"

namespace samspill::tendering {

Result<evaluation::BidTable> LotBidTable(const AwardModel& model, std::string title,
                                         const std::vector<LotBid>& bids) {
  evaluation::BidTable table;
  table.title = std::move(title);
  table.price_model = model.price_model;
  table.weighting = model.weighting;
  table.currency = model.currency;
  table.criteria = model.criteria;
  for (const LotBid& b : bids) {
    evaluation::Bid bid;
    bid.id = std::to_string(b.bid_id);
    bid.name = b.supplier.name;
    bid.price_minor = b.price.minor;
    for (const evaluation::Criterion& c : table.criteria) {
      if (!evaluation::IsQualityLike(c.kind)) {
        bid.scores.push_back(0);
        bid.justifications.emplace_back();
        continue;
      }
      auto it = std::find_if(b.scores.begin(), b.scores.end(),
                             [&](const BidScore& s) { return s.criterion_id == c.id; });
      if (it == b.scores.end()) {
        return FailedPrecondition("bid " + bid.id + " from " + b.supplier.name +
                                  " has no score on the criterion '" + c.id +
                                  "'; score every valid bid before completing the evaluation");
      }
      bid.scores.push_back(it->score);
      bid.justifications.push_back(it->justification);
    }
    table.bids.push_back(std::move(bid));
  }
  return table;
}

std::string AwardReasonsNb(const OrganisationRef& supplier, const AwardModel& model,
                           double winner_total, const Money& price) {
  // Under pricing of quality the total is an evaluated price in kroner; otherwise points.
  const bool by_price = model.price_model == evaluation::PriceModel::kQualityPricing;
  const std::string measure =
      by_price ? "hadde lavest evaluert pris (" +
                     FormatMoneyNb(Money{std::llround(winner_total * 100), price.currency}) + ")"
               : "fikk høyest samlet poengsum (" + FormatDecimalNb(winner_total, 2) + ")";
  return "Tilbudet fra " + supplier.name + " (" + supplier.org_number + ") " + measure +
         " etter de kunngjorte tildelingskriteriene. Tilbudt pris: " + FormatMoneyNb(price) +
         " ekskl. mva.";
}

}  // namespace samspill::tendering
