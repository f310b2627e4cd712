// A small HTTP client for the API tests: logs in as a demo user and sends JSON requests
// with the session cookie and CSRF token, the way the browser does.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

namespace samspill::testing {

struct Session {
  std::string username;
  std::string cookie;
  std::string csrf;
  nlohmann::json user;
};

class ApiClient {
 public:
  explicit ApiClient(int port) : port_(port) {}

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }

  Session LoginAs(const std::string& user, const std::string& password = "demo-passord") const {
    auto res = Client().Post("/api/session",
                             nlohmann::json{{"username", user}, {"password", password}}.dump(),
                             "application/json");
    EXPECT_TRUE(res) << "no response";
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    std::string set_cookie = res->get_header_value("Set-Cookie");
    Session s;
    s.username = user;
    s.cookie = set_cookie.substr(0, set_cookie.find(';'));
    nlohmann::json body = nlohmann::json::parse(res->body);
    s.csrf = body["csrf_token"];
    s.user = body["user"];
    return s;
  }

  httplib::Result Send(const std::string& method, const std::string& path, const Session& s,
                       const std::string& body = "", bool with_csrf = true,
                       const std::string& type = "application/json") const {
    httplib::Headers headers = {{"Cookie", s.cookie}};
    if (with_csrf) headers.emplace("X-CSRF-Token", s.csrf);
    auto client = Client();
    if (method == "GET") return client.Get(path, headers);
    if (method == "POST") return client.Post(path, headers, body, type);
    if (method == "PATCH") return client.Patch(path, headers, body, type);
    if (method == "DELETE") return client.Delete(path, headers);
    return client.Put(path, headers, body, type);
  }

  // Sends and parses the JSON answer; fails the test when the status differs.
  nlohmann::json Expect(int status, const std::string& method, const std::string& path,
                        const Session& s, const nlohmann::json& body = nullptr) const {
    auto res = Send(method, path, s, body.is_null() ? "" : body.dump());
    EXPECT_TRUE(res) << method << " " << path << ": no response";
    if (!res) return nullptr;
    EXPECT_EQ(res->status, status)
        << s.username << " " << method << " " << path << ": " << res->body;
    if (res->body.empty()) return nullptr;
    return nlohmann::json::parse(res->body, nullptr, /*allow_exceptions=*/false);
  }

 private:
  int port_;
};

}  // namespace samspill::testing
