// ocds_export_samples: writes the OCDS release packages of the sample tenders
// (tendering/ocds_sample_records.h) into a folder, one file per package, for validate.mjs to
// check against the official schemas. The seed 004 cleaning tender is written in every state of
// its lifecycle, the seed 000 care-home tender once cancelled; a municipality's procurement plan
// (strategy/plan_export.h) in two published versions: items planned with every field and with
// the fewest, then one published as a tender, one withdrawn and one added.
//
// Usage: ocds_export_samples DIR. Exit 0 when every file is written, 1 otherwise, 2 on misuse.
// A test tool, built with the tests.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "strategy/plan_export.h"
#include "strategy/procurement_plan.h"
#include "tendering/ocds_export.h"
#include "tendering/ocds_sample_records.h"

namespace {

using samspill::Result;
using samspill::tendering::ExportOcdsReleasePackage;
using samspill::tendering::TenderRecord;
using samspill::tendering::TenderState;
using samspill::tendering::TenderStateName;
namespace samples = samspill::tendering::testing;

namespace strategy = samspill::strategy;

bool WriteJson(const std::filesystem::path& file, const nlohmann::json& package) {
  std::ofstream out(file);
  out << package.dump(2) << "\n";
  out.close();
  if (!out) {
    std::cerr << "cannot write " << file.string() << "\n";
    return false;
  }
  std::cout << file.string() << "\n";
  return true;
}

// Two published versions of a plan: the first with a full and a minimal item (and a private one,
// which is never exported), the second after the full item's tender was published, the minimal
// item withdrawn and a new one added.
bool WritePlans(const std::filesystem::path& dir) {
  strategy::ProcurementPlan plan;
  plan.title = "Innkjøpsplan 2026–2027";
  plan.organisation = "Trondheim kommune";
  strategy::PlanItem care;
  care.title = "Drift av bofellesskap i BoA";
  care.area = "Helse og velferd";
  care.cpv = "85311000-2";
  care.description = "Heldøgns omsorg, 12 boenheter";
  care.estimated_value = 48'000'000;
  care.publication_year = 2026;
  care.publication_quarter = 2;
  care.contract_start = samspill::Date{2026, 9, 1};
  care.contract_months = 48;
  care.contact_name = "Kari Nordmann";
  care.contact_email = "kari.nordmann@trondheim.kommune.no";
  care.status = strategy::PlanItemStatus::kInPreparation;
  care.is_public = true;
  strategy::PlanItem cleaning;
  cleaning.title = "Renhold av skoler";
  cleaning.cpv = "90910000-9";
  cleaning.publication_year = 2026;
  cleaning.publication_quarter = 4;
  cleaning.is_public = true;
  strategy::PlanItem internal;
  internal.title = "Intern IT-rådgivning";
  internal.publication_year = 2027;
  internal.publication_quarter = 1;
  for (const strategy::PlanItem& item : {care, cleaning, internal}) {
    if (Result<int64_t> id = strategy::AddPlanItem(plan, item); !id.ok()) {
      std::cerr << "plan: " << id.status().ToString() << "\n";
      return false;
    }
  }
  const samspill::tendering::OcdsExportOptions options = samples::SampleOcdsExportOptions();
  Result<strategy::PublishedPlan> v1 = strategy::PublishPlan(
      plan, nullptr, samspill::Timestamp{1772366400}, "Kari Nordmann", "Første versjon");
  if (!v1.ok()) {
    std::cerr << "plan v1: " << v1.status().ToString() << "\n";
    return false;
  }
  plan.items[0].status = strategy::PlanItemStatus::kPublished;
  plan.items[0].tender_id = 41;
  plan.items[1].status = strategy::PlanItemStatus::kWithdrawn;
  strategy::PlanItem transport;
  transport.title = "Skoleskyss";
  transport.cpv = "60130000-8";
  transport.estimated_value = 12'500'000;
  transport.currency = "NOK";
  transport.publication_year = 2027;
  transport.publication_quarter = 1;
  transport.contract_start = samspill::Date{2027, 8, 1};
  transport.is_public = true;
  if (Result<int64_t> id = strategy::AddPlanItem(plan, transport); !id.ok()) {
    std::cerr << "plan: " << id.status().ToString() << "\n";
    return false;
  }
  Result<strategy::PublishedPlan> v2 = strategy::PublishPlan(
      plan, &*v1, samspill::Timestamp{1780315200}, "Kari Nordmann", "Oppdatert");
  if (!v2.ok()) {
    std::cerr << "plan v2: " << v2.status().ToString() << "\n";
    return false;
  }
  bool ok = WriteJson(dir / "plan-v1.json", strategy::PlanOcdsPackage(*v1, options));
  ok &= WriteJson(dir / "plan-v2.json", strategy::PlanOcdsPackage(*v2, options));
  return ok;
}

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
  ok &= WritePlans(dir);
  return ok ? 0 : 1;
}
