// ocds_export_samples: writes the OCDS release packages of the sample tenders
// (tendering/ocds_sample_records.h) into a folder, one file per package, for validate.mjs to
// check against the official schemas. The seed 004 cleaning tender is written in every state of
// its lifecycle, the seed 000 care-home tender once cancelled.
//
// Usage: ocds_export_samples DIR. Exit 0 when every file is written, 1 otherwise, 2 on misuse.
// A test tool, built with the tests.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "tendering/ocds_export.h"
#include "tendering/ocds_sample_records.h"

namespace {

using samspill::Result;
using samspill::tendering::ExportOcdsReleasePackage;
using samspill::tendering::TenderRecord;
using samspill::tendering::TenderState;
using samspill::tendering::TenderStateName;
namespace samples = samspill::tendering::testing;

bool Write(const std::filesystem::path& file, const Result<TenderRecord>& record) {
  if (!record.ok()) {
    std::cerr << file.filename().string() << ": " << record.status().ToString() << "\n";
    return false;
  }
  std::ofstream out(file);
  out << ExportOcdsReleasePackage(*record, samples::SampleOcdsExportOptions()).dump(2) << "\n";
  out.close();
  if (!out) {
    std::cerr << "cannot write " << file.string() << "\n";
    return false;
  }
  std::cout << file.string() << "\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ocds_export_samples DIR\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    std::cerr << "cannot create " << dir.string() << ": " << error.message() << "\n";
    return 1;
  }
  const std::vector<TenderState> cleaning_states = {
      TenderState::kDraft,      TenderState::kPublished,     TenderState::kBiddingClosed,
      TenderState::kOpened,     TenderState::kEvaluated,     TenderState::kAwardProposed,
      TenderState::kStandstill, TenderState::kContractSigned};
  bool ok = true;
  for (TenderState state : cleaning_states) {
    ok &= Write(dir / ("cleaning-" + std::string(TenderStateName(state)) + ".json"),
                samples::CleaningTender(state));
  }
  ok &= Write(dir / "cleaning-standstill-complaints.json", samples::CleaningTenderWithComplaints());
  ok &= Write(dir / "care-home-cancelled.json", samples::CareHomeTenderCancelled());
  return ok ? 0 : 1;
}
