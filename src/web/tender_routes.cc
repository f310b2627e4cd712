#include "web/tender_routes.h"

#include <string>

#include "tendering/protocol_json.h"
#include "web/actor.h"
#include "web/tender_json_codec.h"

namespace samspill::web {
namespace {

using nlohmann::json;

std::string TenderPath(const std::string& rest = "") {
  return std::string("/api/tenders/") + kIdPattern + rest;
}

// {"reason": "..."} or {"answer": "..."}: one required text field.
Result<std::string> TextField(const ApiRequest& req, const char* field) {
  SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
  SAMSPILL_RETURN_IF_ERROR(CheckJsonKeys(body, {field}));
  return RequiredJsonString(body, field, "", kApiFields);
}

// A service's typed answer as the API's JSON, with `status`.
template <typename View>
Result<ApiResponse> Encoded(Result<View> view, int status = 200) {
  if (!view.ok()) return view.status();
  return ApiResponse{status, ToJson(*view), {}};
}

}  // namespace

std::vector<Route> TenderApiRoutes(app::TenderService& tenders) {
  const std::vector<Role> officer = {Role::kProcurementOfficer};
  const std::vector<Role> buyer_side = TenderBuyerRoles();
  std::vector<Route> routes;

  routes.push_back({"GET", "/api/tenders", false, {}, [&tenders](ApiRequest& req) {
                      return Encoded(tenders.List(Who(req)));
                    }});
  routes.push_back(
      {"POST", "/api/tenders", false, officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_ASSIGN_OR_RETURN(app::TenderView view, tenders.Create(Who(req), body.dump()));
         std::string location = "/api/tenders/" + std::to_string(view.id);
         return ApiResponse{201, ToJson(view), {{"Location", location}}};
       }});
  routes.push_back({"GET", TenderPath(), false, {}, [&tenders](ApiRequest& req) {
                      return Encoded(tenders.Get(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back(
      {"PUT", TenderPath(), false, officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         return Encoded(tenders.Revise(Who(req), IdParam(req, 0), body.dump()));
       }});
  // Lifecycle: POST /api/tenders/{id}/actions/{publish|close_bidding|…}; cancel needs
  // {"reason": "..."}, the others take no body.
  routes.push_back({"POST", TenderPath("/actions/([a-z_]{1,40})"), false, officer,
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(tendering::TenderAction action,
                                                TenderActionFromPath(req.params[1]));
                      std::string reason;
                      if (action == tendering::TenderAction::kCancel) {
                        SAMSPILL_ASSIGN_OR_RETURN(reason, TextField(req, "reason"));
                      }
                      return Encoded(tenders.Act(Who(req), IdParam(req, 0), action, reason));
                    }});

  routes.push_back({"GET", TenderPath("/bids"), false, {}, [&tenders](ApiRequest& req) {
                      return Encoded(tenders.ListBids(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back({"POST",
                    TenderPath("/bids"),
                    false,
                    {Role::kSupplier},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::SubmitBidCommand bid,
                                                SubmitBidCommandFromJson(body));
                      return Encoded(tenders.SubmitBid(Who(req), IdParam(req, 0), bid), 201);
                    }});
  routes.push_back(
      {"PUT",
       TenderPath(std::string("/bids/") + kIdPattern + "/scores"),
       false,
       {Role::kProcurementOfficer, Role::kEvaluator},
       [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_ASSIGN_OR_RETURN(app::ScoreBidCommand scores, ScoreBidCommandFromJson(body));
         return Encoded(tenders.ScoreBid(Who(req), IdParam(req, 0), IdParam(req, 1), scores));
       }});
  routes.push_back({"POST", TenderPath(std::string("/bids/") + kIdPattern + "/reject"), false,
                    officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      // {"reason": "...", "kind": "tender" | "supplier"}: FOA § 25-5 (k) or (j).
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(BidRejectionRequest rejection,
                                                BidRejectionFromJson(body));
                      return Encoded(tenders.RejectBid(Who(req), IdParam(req, 0), IdParam(req, 1),
                                                       rejection.reason, rejection.kind));
                    }});

  // The supplier's explanation of a price the abnormally-low check flagged, and its assessment.
  routes.push_back({"POST", TenderPath(std::string("/bids/") + kIdPattern + "/price-explanation"),
                    false, officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::PriceExplanationCommand command,
                                                PriceExplanationCommandFromJson(body));
                      return Encoded(tenders.RecordPriceExplanation(Who(req), IdParam(req, 0),
                                                                    IdParam(req, 1), command),
                                     201);
                    }});

  routes.push_back({"GET", TenderPath("/questions"), false, {}, [&tenders](ApiRequest& req) {
                      return Encoded(tenders.ListQuestions(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back({"POST",
                    TenderPath("/questions"),
                    false,
                    {Role::kSupplier},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::AskQuestionCommand question,
                                                AskQuestionCommandFromJson(body));
                      return Encoded(tenders.AskQuestion(Who(req), IdParam(req, 0), question), 201);
                    }});
  routes.push_back(
      {"POST", TenderPath(std::string("/questions/") + kIdPattern + "/answer"), false, officer,
       [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(std::string answer, TextField(req, "answer"));
         return Encoded(tenders.AnswerQuestion(Who(req), IdParam(req, 0), IdParam(req, 1), answer));
       }});

  routes.push_back({"POST", TenderPath("/notes"), false, officer,
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::ProtocolNote note, ProtocolNoteFromJson(body));
                      return Encoded(tenders.AddNote(Who(req), IdParam(req, 0), note), 201);
                    }});
  routes.push_back({"POST",
                    TenderPath("/conflicts"),
                    false,
                    {Role::kProcurementOfficer, Role::kEvaluator},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::ConflictDeclaration declaration,
                                                ConflictDeclarationFromJson(body));
                      return Encoded(
                          tenders.DeclareConflict(Who(req), IdParam(req, 0), declaration), 201);
                    }});
  // Complaints (klage): a supplier that bid lodges one during the standstill period; the
  // procurement officer records its handling. Each reader sees what TenderService lets it.
  routes.push_back({"GET", TenderPath("/complaints"), false, {}, [&tenders](ApiRequest& req) {
                      return Encoded(tenders.ListComplaints(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back({"POST",
                    TenderPath("/complaints"),
                    false,
                    {Role::kSupplier},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::LodgeComplaintCommand command,
                                                LodgeComplaintCommandFromJson(body));
                      return Encoded(tenders.LodgeComplaint(Who(req), IdParam(req, 0), command),
                                     201);
                    }});
  routes.push_back({"POST", TenderPath(std::string("/complaints/") + kIdPattern + "/handling"),
                    false, officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(app::HandleComplaintCommand command,
                                                HandleComplaintCommandFromJson(body));
                      return Encoded(tenders.HandleComplaint(Who(req), IdParam(req, 0),
                                                             IdParam(req, 1), command));
                    }});
  routes.push_back({"GET", TenderPath("/protocol"), false, buyer_side,
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(tendering::Protocol protocol,
                                                tenders.Protocol(Who(req), IdParam(req, 0)));
                      return ApiResponse{200, tendering::ProtocolToJson(protocol), {}};
                    }});
  routes.push_back({"GET", TenderPath("/protocol.html"), false, buyer_side,
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(
                          std::string html,
                          tenders.ProtocolHtml(Who(req), IdParam(req, 0), /*inline_css=*/false));
                      ApiResponse response;
                      response.text = std::move(html);
                      response.content_type = "text/html; charset=utf-8";
                      return response;
                    }});
  routes.push_back({"GET", TenderPath("/ocds"), false, buyer_side, [&tenders](ApiRequest& req) {
                      return Encoded(tenders.Ocds(Who(req), IdParam(req, 0)));
                    }});
  return routes;
}

}  // namespace samspill::web
