#include "market/eforms/eforms_reader.h"

#include <cstring>
#include <map>
#include <pugixml.hpp>
#include <string_view>

#include "common/org_number.h"

namespace samspill::market {
namespace {

// eForms element names carry fixed prefixes (cbc:, cac:, efac:, efbc:); matching on the local
// name keeps the reader independent of the prefix a publisher chose.
std::string_view LocalName(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(name);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
  }
  return {};
}

// Follows a path of local names: Path(n, {"ProcurementProject", "Name"}).
pugi::xml_node Path(pugi::xml_node node, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (!node) return {};
    node = Child(node, name);
  }
  return node;
}

std::string Text(pugi::xml_node node) {
  std::string t = node ? node.text().get() : "";
  size_t a = t.find_first_not_of(" \t\r\n");
  size_t b = t.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : t.substr(a, b - a + 1);
}

template <typename Fn>
void ForEachChild(pugi::xml_node node, std::string_view local, Fn&& fn) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) fn(c);
  }
}

Procedure MapProcedure(const std::string& code) {
  if (code == "open") return Procedure::kOpen;
  if (code == "restricted" || code == "neg-w-call" || code == "comp-dial" || code == "innovation" ||
      code == "comp-tend") {
    return Procedure::kSelective;
  }
  if (code == "neg-wo-call") return Procedure::kLimited;
  return Procedure::kUnknown;
}

std::string CountryFromIso3(const std::string& code) {
  static const std::map<std::string, std::string> kCodes = {
      {"NOR", "NO"}, {"SWE", "SE"}, {"DNK", "DK"}, {"FIN", "FI"}, {"ISL", "IS"}};
  auto it = kCodes.find(code);
  return it != kCodes.end() ? it->second : code.substr(0, 2);
}

class NoticeReader {
 public:
  NoticeReader(const pugi::xml_document& doc, const std::string& file, IssueLog* issues,
               const EformsOptions& options)
      : doc_(doc), file_(file), issues_(issues), options_(options) {}

  std::optional<Process> Read();

 private:
  Location At(pugi::xml_node node) const {
    return Location{file_, 0, node ? static_cast<uint64_t>(node.offset_debug()) : 0};
  }

  std::optional<Money> Amount(pugi::xml_node node) {
    if (!node) return std::nullopt;
    std::string text = Text(node);
    char* end = nullptr;
    double amount = std::strtod(text.c_str(), &end);
    if (text.empty() || end == nullptr || *end != '\0') {
      Location where = At(node);
      issues_->Add({"wrong_type", where.file, 0, where.offset, node.path(),
                    "amount '" + text + "' is not a number"});
      return std::nullopt;
    }
    return CheckedMoney(amount, node.attribute("currencyID").as_string(), At(node), node.path(),
                        issues_, options_.limits);
  }

  Organisation OrganisationById(const std::string& id, std::string* region, std::string* country) {
    Organisation org;
    org.id = id;
    auto it = organisations_.find(id);
    if (it == organisations_.end()) return org;
    pugi::xml_node company = Child(it->second, "Company");
    org.name = Text(Path(company, {"PartyName", "Name"}));
    pugi::xml_node company_id = Path(company, {"PartyLegalEntity", "CompanyID"});
    std::string country_code =
        CountryFromIso3(Text(Path(company, {"PostalAddress", "Country", "IdentificationCode"})));
    if (region) *region = Text(Path(company, {"PostalAddress", "CountrySubentityCode"}));
    if (country) *country = country_code;
    if (company_id && (country_code == "NO" || country_code.empty())) {
      Result<std::string> number = ParseOrgNumber(Text(company_id));
      if (number.ok()) org.org_number = *number;
    }
    return org;
  }

  const pugi::xml_document& doc_;
  const std::string& file_;
  IssueLog* issues_;
  const EformsOptions& options_;
  std::map<std::string, pugi::xml_node> organisations_;
};

std::optional<Process> NoticeReader::Read() {
  pugi::xml_node root = doc_.document_element();
  std::string_view kind = LocalName(root.name());
  if (kind != "ContractNotice" && kind != "ContractAwardNotice" &&
      kind != "PriorInformationNotice") {
    issues_->Add({"not_eforms", file_, 0, 0, std::string("/") + root.name(),
                  "not an eForms notice (root element " + std::string(root.name()) + ")"});
    return std::nullopt;
  }
  pugi::xml_node extension =
      Path(root, {"UBLExtensions", "UBLExtension", "ExtensionContent", "EformsExtension"});
  ForEachChild(Child(extension, "Organizations"), "Organization", [&](pugi::xml_node o) {
    std::string id = Text(Path(o, {"Company", "PartyIdentification", "ID"}));
    if (!id.empty()) organisations_[id] = o;
  });

  Process p;
  p.format = SourceFormat::kEforms;
  p.id = Text(Child(root, "ContractFolderID"));
  if (p.id.empty()) p.id = Text(Child(root, "ID"));
  if (p.id.empty()) {
    issues_->Add({"missing_field", file_, 0, 0, "/" + std::string(root.name()) + "/cbc:ID",
                  "notice without an identifier (BT-04, BT-701)"});
    return std::nullopt;
  }
  p.source = file_;
  p.status = Text(Child(root, "NoticeTypeCode"));
  p.published = Text(Path(extension, {"Publication", "PublicationDate"}));
  if (p.published.empty()) p.published = Text(Child(root, "IssueDate"));
  if (p.published.size() > 10) p.published.resize(10);

  std::string buyer_id =
      Text(Path(root, {"ContractingParty", "Party", "PartyIdentification", "ID"}));
  p.buyer = OrganisationById(buyer_id, &p.region, &p.country);

  std::string procedure = Text(Path(root, {"TenderingProcess", "ProcedureCode"}));
  p.procedure = MapProcedure(procedure);
  p.procedure_details = procedure;
  pugi::xml_node project = Child(root, "ProcurementProject");
  p.title = Text(Child(project, "Name"));
  p.cpv =
      NormaliseCpv(Text(Path(project, {"MainCommodityClassification", "ItemClassificationCode"})));
  p.estimated_value =
      Amount(Path(project, {"RequestedTenderTotal", "EstimatedOverallContractAmount"}));

  ForEachChild(root, "ProcurementProjectLot", [&](pugi::xml_node l) {
    Lot lot;
    lot.id = Text(Child(l, "ID"));
    pugi::xml_node lot_project = Child(l, "ProcurementProject");
    lot.title = Text(Child(lot_project, "Name"));
    lot.cpv = NormaliseCpv(
        Text(Path(lot_project, {"MainCommodityClassification", "ItemClassificationCode"})));
    if (lot.cpv.empty()) lot.cpv = p.cpv;
    lot.estimated_value =
        Amount(Path(lot_project, {"RequestedTenderTotal", "EstimatedOverallContractAmount"}));
    pugi::xml_node deadline = Path(l, {"TenderingProcess", "TenderSubmissionDeadlinePeriod"});
    std::string end_date = Text(Child(deadline, "EndDate"));
    if (!end_date.empty()) lot.tender_end = end_date.substr(0, 10);
    if (p.region.empty()) {
      p.region = Text(Path(lot_project, {"RealizedLocation", "Address", "CountrySubentityCode"}));
    }
    p.lots.push_back(std::move(lot));
  });
  if (p.country.empty() && p.region.size() >= 2) p.country = p.region.substr(0, 2);
  if (p.lots.empty()) p.lots.push_back(Lot{.title = p.title, .cpv = p.cpv});
  for (Lot& lot : p.lots) {
    if (EndsBeforeStart(p.published, lot.tender_end) && p.status.rfind("can", 0) != 0 &&
        p.status != "veat") {
      Location where = At(root);
      issues_->Add(
          {"absurd_value", file_, 0, where.offset, "TenderSubmissionDeadlinePeriod",
           "deadline " + lot.tender_end + " before publication " + p.published + "; ignored"});
      lot.tender_end.clear();
    }
  }

  // Results (CAN, VEAT): tenders received and winners per lot.
  pugi::xml_node result = Child(extension, "NoticeResult");
  if (result) {
    std::map<std::string, pugi::xml_node> tenders, parties;
    ForEachChild(result, "LotTender", [&](pugi::xml_node t) { tenders[Text(Child(t, "ID"))] = t; });
    ForEachChild(result, "TenderingParty",
                 [&](pugi::xml_node t) { parties[Text(Child(t, "ID"))] = t; });
    ForEachChild(result, "LotResult", [&](pugi::xml_node r) {
      std::string lot_id = Text(Path(r, {"TenderLot", "ID"}));
      Lot* lot = nullptr;
      for (Lot& l : p.lots) {
        if (l.id == lot_id) lot = &l;
      }
      if (lot == nullptr) {
        if (p.lots.size() != 1) return;
        lot = &p.lots[0];
      }
      ForEachChild(r, "ReceivedSubmissionsStatistics", [&](pugi::xml_node s) {
        if (Text(Child(s, "StatisticsCode")) != "tenders") return;
        lot->sources_present |= 1u << static_cast<int>(BidderSource::kEformsReceived);
        pugi::xml_node number = Child(s, "StatisticsNumeric");
        std::string text = Text(number);
        char* end = nullptr;
        double n = std::strtod(text.c_str(), &end);
        std::optional<int> count;
        if (text.empty() || *end != '\0') {
          issues_->Add({"wrong_type", file_, 0, At(number).offset,
                        number ? number.path() : s.path(),
                        "tenders received '" + text + "' is not a number"});
        } else {
          count = CheckedBidderCount(n, At(number), number.path(), issues_, options_.limits);
        }
        if (count) {
          lot->bidders = count;
          lot->bidder_source = BidderSource::kEformsReceived;
        } else {
          lot->sources_rejected |= 1u << static_cast<int>(BidderSource::kEformsReceived);
        }
      });
      std::string outcome = Text(Child(r, "TenderResultCode"));
      if (!outcome.empty() && outcome != "selec-w") return;
      ForEachChild(r, "LotTender", [&](pugi::xml_node ref) {
        auto t = tenders.find(Text(Child(ref, "ID")));
        if (t == tenders.end()) return;
        std::optional<Money> value =
            Amount(Path(t->second, {"LegalMonetaryTotal", "PayableAmount"}));
        auto party = parties.find(Text(Path(t->second, {"TenderingParty", "ID"})));
        if (party == parties.end()) return;
        std::vector<std::string> ids;
        ForEachChild(party->second, "Tenderer",
                     [&](pugi::xml_node who) { ids.push_back(Text(Child(who, "ID"))); });
        for (const std::string& id : ids) {
          Winner w;
          w.supplier = OrganisationById(id, nullptr, nullptr);
          if (ids.size() == 1) w.value = value;
          lot->winners.push_back(std::move(w));
        }
        if (value) {
          if (!lot->awarded_value) {
            lot->awarded_value = value;
          } else if (lot->awarded_value->currency == value->currency) {
            lot->awarded_value->minor += value->minor;
          }
        }
      });
    });
  }
  return p;
}

}  // namespace

Result<std::optional<Process>> ReadEformsNotice(ByteSource& source, IssueLog& issues,
                                                const EformsOptions& options) {
  std::string data;
  char buffer[1 << 16];
  while (true) {
    SAMSPILL_ASSIGN_OR_RETURN(size_t got, source.Read(buffer, sizeof buffer));
    if (got == 0) break;
    data.append(buffer, got);
    if (data.size() > options.max_notice_bytes) {
      issues.Add(
          {"too_large", source.name(), 0, 0, "",
           "notice larger than " + std::to_string(options.max_notice_bytes) + " bytes skipped"});
      return std::optional<Process>();
    }
  }
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(data.data(), data.size());
  if (!parsed) {
    issues.Add({"invalid_xml", source.name(), 0, static_cast<uint64_t>(parsed.offset), "",
                parsed.description()});
    return std::optional<Process>();
  }
  return NoticeReader(doc, source.name(), &issues, options).Read();
}

}  // namespace samspill::market
