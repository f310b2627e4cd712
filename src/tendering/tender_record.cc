#include "tendering/tender_record.h"

namespace samspill::tendering {

std::string_view RejectionKindName(RejectionKind kind) {
  switch (kind) {
    case RejectionKind::kTender:
      return "tender";
    case RejectionKind::kSupplier:
      return "supplier";
  }
  return "unknown";
}

Result<RejectionKind> ParseRejectionKind(std::string_view name, const std::string& field) {
  if (name == "tender") return RejectionKind::kTender;
  if (name == "supplier") return RejectionKind::kSupplier;
  return InvalidArgument(
      "must be \"tender\" (the tender is rejected) or \"supplier\" (the supplier is rejected: "
      "qualification or exclusion)",
      field);
}

}  // namespace samspill::tendering
