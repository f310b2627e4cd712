// Fuzz target for the tender draft JSON codec (ParseTenderDraftJson): whatever the bytes, it
// must return a draft or an InvalidArgument status — never crash, throw or hang. A draft it
// returns must be valid, print as valid UTF-8 and read back as itself; the new tender's stored
// snapshot must read back and restore; the API view must print.
//
// Every input is bounded by the parser's 1 MiB limit and runs in milliseconds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tendering/tender_json.h"

namespace {

namespace t = samspill::tendering;

[[noreturn]] void Fail() { std::abort(); }

void CheckDraft(const t::TenderDraft& draft) {
  if (!t::ValidateDraft(draft).ok()) Fail();
  // Dumping throws on invalid UTF-8; every string must come from valid input or from us.
  const std::string printed = t::TenderDraftToJson(draft).dump();
  samspill::Result<t::TenderDraft> again = t::ParseTenderDraftJson(printed);
  if (!again.ok() || !(*again == draft)) Fail();

  samspill::Result<t::Tender> tender = t::Tender::CreateDraft(draft);
  if (!tender.ok()) Fail();
  const t::TenderSnapshot snapshot = tender->Snapshot();
  samspill::Result<t::TenderSnapshot> stored =
      t::ParseTenderSnapshotJson(t::TenderSnapshotToJson(snapshot).dump());
  if (!stored.ok() || !(*stored == snapshot)) Fail();
  if (!t::Tender::Restore(*stored).ok()) Fail();

  const samspill::Timestamp now{1'757'000'000};  // 2025-09-04
  if (t::TenderViewJson(*tender, now).dump().empty()) Fail();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  samspill::Result<t::TenderDraft> draft = t::ParseTenderDraftJson(text);
  if (!draft.ok()) {
    // Bad input is the caller's problem and must say so; anything else is our bug.
    if (draft.status().code() != samspill::StatusCode::kInvalidArgument) Fail();
    return 0;
  }
  CheckDraft(*draft);
  return 0;
}
