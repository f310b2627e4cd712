#include "tendering/complaint.h"

#include "common/text.h"

namespace samspill::tendering {

std::string_view ComplaintOutcomeName(ComplaintOutcome outcome) {
  switch (outcome) {
    case ComplaintOutcome::kOpen:
      return "open";
    case ComplaintOutcome::kUpheld:
      return "upheld";
    case ComplaintOutcome::kRejected:
      return "rejected";
  }
  return "unknown";
}

std::string_view ComplaintOutcomeLabelNb(ComplaintOutcome outcome) {
  switch (outcome) {
    case ComplaintOutcome::kOpen:
      return "Åpen";
    case ComplaintOutcome::kUpheld:
      return "Tatt til følge";
    case ComplaintOutcome::kRejected:
      return "Ikke tatt til følge";
  }
  return "Ukjent";
}

Result<ComplaintOutcome> ParseHandlingOutcome(std::string_view name, const std::string& field) {
  if (name == ComplaintOutcomeName(ComplaintOutcome::kUpheld)) return ComplaintOutcome::kUpheld;
  if (name == ComplaintOutcomeName(ComplaintOutcome::kRejected)) {
    return ComplaintOutcome::kRejected;
  }
  return InvalidArgument("must be \"upheld\" or \"rejected\"", field);
}

Status CheckComplaintText(const std::string& text, const std::string& field) {
  if (IsBlank(text)) return InvalidArgument("must say what and why, in words", field);
  if (text.size() > kMaxComplaintTextBytes) {
    return InvalidArgument("at most " + std::to_string(kMaxComplaintTextBytes) + " bytes", field);
  }
  return Status::Ok();
}

std::string ComplaintName(const Complaint& complaint) {
  return "complaint " + std::to_string(complaint.id) + " from " + complaint.supplier_name +
         ", lodged " + complaint.lodged_at.ToIso();
}

}  // namespace samspill::tendering
