#include "market/model/process.h"

#include <cctype>

namespace samspill::market {

const char* BidderSourceName(BidderSource source) {
  switch (source) {
    case BidderSource::kNone:
      return "none";
    case BidderSource::kNumberOfTenderers:
      return "numberOfTenderers";
    case BidderSource::kBidsStatistics:
      return "bids.statistics";
    case BidderSource::kBidsDetails:
      return "bids.details";
    case BidderSource::kTenderers:
      return "tenderers";
    case BidderSource::kEformsReceived:
      return "eforms.BT-759";
  }
  return "none";
}

const char* ProcedureName(Procedure procedure) {
  switch (procedure) {
    case Procedure::kUnknown:
      return "unknown";
    case Procedure::kOpen:
      return "open";
    case Procedure::kSelective:
      return "selective";
    case Procedure::kLimited:
      return "limited";
    case Procedure::kDirect:
      return "direct";
  }
  return "unknown";
}

Procedure ProcedureFromName(std::string_view name) {
  if (name == "open") return Procedure::kOpen;
  if (name == "selective") return Procedure::kSelective;
  if (name == "limited") return Procedure::kLimited;
  if (name == "direct") return Procedure::kDirect;
  return Procedure::kUnknown;
}

std::string NormaliseCpv(std::string_view code) {
  std::string digits;
  for (char c : code) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
      if (digits.size() == 8) break;
    } else if (c == '-' || digits.size() == 8) {
      break;
    } else if (c != ' ') {
      return "";
    }
  }
  return digits.size() == 8 ? digits : "";
}

}  // namespace samspill::market
