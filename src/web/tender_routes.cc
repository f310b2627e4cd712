#include "web/tender_routes.h"

#include <string>

namespace samspill::web {
namespace {

using nlohmann::json;

std::string TenderPath(const std::string& rest = "") {
  return std::string("/api/tenders/") + kIdPattern + rest;
}

// {"reason": "..."} or {"answer": "..."}: one required text field.
Result<std::string> TextField(const ApiRequest& req, const char* field) {
  SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
  SAMSPILL_RETURN_IF_ERROR(OnlyFields(body, {field}));
  return RequiredString(body, field);
}

}  // namespace

std::vector<Route> TenderApiRoutes(TenderService& tenders) {
  const std::vector<Role> officer = {Role::kProcurementOfficer};
  const std::vector<Role> buyer_side = TenderBuyerRoles();
  std::vector<Route> routes;

  routes.push_back({"GET", "/api/tenders", false, {}, [&tenders](ApiRequest& req) {
                      return Ok(tenders.List(Who(req)));
                    }});
  routes.push_back(
      {"POST", "/api/tenders", false, officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         SAMSPILL_ASSIGN_OR_RETURN(json view, tenders.Create(Who(req), body.dump()));
         std::string location = "/api/tenders/" + std::to_string(view["id"].get<int64_t>());
         return ApiResponse{201, std::move(view), {{"Location", location}}};
       }});
  routes.push_back({"GET", TenderPath(), false, {}, [&tenders](ApiRequest& req) {
                      return Ok(tenders.Get(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back(
      {"PUT", TenderPath(), false, officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
         return Ok(tenders.Revise(Who(req), IdParam(req, 0), body.dump()));
       }});
  // Lifecycle: POST /api/tenders/{id}/actions/{publish|close_bidding|…}; cancel needs
  // {"reason": "..."}, the others take no body.
  routes.push_back({"POST", TenderPath("/actions/([a-z_]{1,40})"), false, officer,
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      std::string reason;
                      if (req.params[1] == "cancel") {
                        SAMSPILL_ASSIGN_OR_RETURN(reason, TextField(req, "reason"));
                      }
                      return Ok(tenders.Act(Who(req), IdParam(req, 0), req.params[1], reason));
                    }});

  routes.push_back({"GET", TenderPath("/bids"), false, {}, [&tenders](ApiRequest& req) {
                      return Ok(tenders.ListBids(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back({"POST",
                    TenderPath("/bids"),
                    false,
                    {Role::kSupplier},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      SAMSPILL_ASSIGN_OR_RETURN(SubmitBidCommand bid,
                                                SubmitBidCommandFromJson(body));
                      return Ok(tenders.SubmitBid(Who(req), IdParam(req, 0), bid), 201);
                    }});
  routes.push_back({"PUT",
                    TenderPath(std::string("/bids/") + kIdPattern + "/scores"),
                    false,
                    {Role::kProcurementOfficer, Role::kEvaluator},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      return Ok(tenders.ScoreBid(Who(req), IdParam(req, 0), IdParam(req, 1), body));
                    }});
  routes.push_back({"POST", TenderPath(std::string("/bids/") + kIdPattern + "/reject"), false,
                    officer, [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(std::string reason, TextField(req, "reason"));
                      return Ok(
                          tenders.RejectBid(Who(req), IdParam(req, 0), IdParam(req, 1), reason));
                    }});

  routes.push_back({"GET", TenderPath("/questions"), false, {}, [&tenders](ApiRequest& req) {
                      return Ok(tenders.ListQuestions(Who(req), IdParam(req, 0)));
                    }});
  routes.push_back({"POST",
                    TenderPath("/questions"),
                    false,
                    {Role::kSupplier},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      return Ok(tenders.AskQuestion(Who(req), IdParam(req, 0), body), 201);
                    }});
  routes.push_back(
      {"POST", TenderPath(std::string("/questions/") + kIdPattern + "/answer"), false, officer,
       [&tenders](ApiRequest& req) -> Result<ApiResponse> {
         SAMSPILL_ASSIGN_OR_RETURN(std::string answer, TextField(req, "answer"));
         return Ok(tenders.AnswerQuestion(Who(req), IdParam(req, 0), IdParam(req, 1), answer));
       }});

  routes.push_back({"POST", TenderPath("/notes"), false, officer,
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      return Ok(tenders.AddNote(Who(req), IdParam(req, 0), body), 201);
                    }});
  routes.push_back({"POST",
                    TenderPath("/conflicts"),
                    false,
                    {Role::kProcurementOfficer, Role::kEvaluator},
                    [&tenders](ApiRequest& req) -> Result<ApiResponse> {
                      SAMSPILL_ASSIGN_OR_RETURN(json body, ParseJsonObjectBody(req.http));
                      return Ok(tenders.DeclareConflict(Who(req), IdParam(req, 0), body), 201);
                    }});
  routes.push_back({"GET", TenderPath("/protocol"), false, buyer_side, [&tenders](ApiRequest& req) {
                      return Ok(tenders.ProtocolJson(Who(req), IdParam(req, 0)));
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
                      return Ok(tenders.OcdsPackage(Who(req), IdParam(req, 0)));
                    }});
  return routes;
}

}  // namespace samspill::web
