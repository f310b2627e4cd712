#include "tendering/bid_access.h"

#include "tendering/bid_access_json.h"

namespace samspill::tendering {

bool BidsOpened(const BidSeal& seal) {
  if (!seal.opening_recorded || !seal.bid_deadline || seal.now < *seal.bid_deadline) return false;
  switch (seal.state) {
    case TenderState::kOpened:
    case TenderState::kEvaluated:
    case TenderState::kAwardProposed:
    case TenderState::kPoliticalApproval:
    case TenderState::kStandstill:
    case TenderState::kContractSigned:
    case TenderState::kCancelled:  // cancelled after opening: the record says it was opened
      return true;
    case TenderState::kDraft:
    case TenderState::kPublished:
    case TenderState::kBiddingClosed:
    case TenderState::kUnsuccessful:
      return false;
  }
  return false;
}

bool ReadsOpenedBidContent(const BidReader& reader) {
  if (reader.is_system) return true;
  switch (reader.role) {
    case Role::kProcurementOfficer:
    case Role::kEvaluator:
    case Role::kAuditor:
      return true;
    case Role::kAdministrator:
    case Role::kServiceLeader:
    case Role::kUnionRepresentative:
    case Role::kPolitician:
    case Role::kSupplier:
    case Role::kPartnershipCoordinator:
    case Role::kProjectLeader:
    case Role::kSteeringGroup:
    case Role::kController:
      return false;
  }
  return false;
}

bool MayReadBidContent(const BidReader& reader, bool is_bidding_supplier, const BidSeal& seal) {
  if (!reader.is_system && reader.role == Role::kSupplier) return is_bidding_supplier;
  return ReadsOpenedBidContent(reader) && BidsOpened(seal);
}

bool MayReadOwnEvaluation(const BidReader& reader, bool is_bidding_supplier, TenderState state) {
  if (reader.is_system || reader.role != Role::kSupplier || !is_bidding_supplier) return false;
  return state == TenderState::kStandstill || state == TenderState::kContractSigned;
}

nlohmann::json BidEventDetailsFor(const BidReader& reader, std::string_view action,
                                  nlohmann::json details) {
  if (!action.starts_with("bid.") || !details.is_object() || ReadsOpenedBidContent(reader)) {
    return details;
  }
  for (const char* key : {"price", "price_minor", "summary", "scores"}) details.erase(key);
  return details;
}

}  // namespace samspill::tendering
