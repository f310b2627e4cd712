// A browser-like client for the server-rendered pages in the API tests: logs in through the
// login form, keeps the session cookie and the CSRF token of the forms, and posts forms
// url-encoded or as multipart/form-data (file uploads).
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <regex>
#include <string>

namespace samspill::testing {

struct PageSession {
  std::string cookie;
  std::string csrf;
};

class PageClient {
 public:
  explicit PageClient(int port) : port_(port) {}

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    return client;
  }

  // Logs in through the form; the CSRF token is read from the page at `start`.
  PageSession LogIn(const std::string& user, const std::string& start = "/") const {
    auto res = Client().Post("/logg-inn", "username=" + user + "&password=demo-passord",
                             "application/x-www-form-urlencoded");
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 303) << res->body;
    PageSession s;
    const std::string set_cookie = res->get_header_value("Set-Cookie");
    s.cookie = set_cookie.substr(0, set_cookie.find(';'));
    auto page = Get(start, s);
    std::smatch m;
    static const std::regex kToken(R"re(name="csrf_token" value="([0-9a-f]+)")re");
    if (page && std::regex_search(page->body, m, kToken)) s.csrf = m[1];
    EXPECT_FALSE(s.csrf.empty()) << "no CSRF field on " << start;
    return s;
  }

  httplib::Result Get(const std::string& path, const PageSession& s) const {
    return Client().Get(path, {{"Cookie", s.cookie}});
  }

  // A url-encoded form post; the session's CSRF token is added unless `with_csrf` is false.
  httplib::Result Post(const std::string& path, const PageSession& s, std::string form,
                       bool with_csrf = true) const {
    if (with_csrf) form += (form.empty() ? "" : "&") + std::string("csrf_token=") + s.csrf;
    return Client().Post(path, {{"Cookie", s.cookie}}, form, "application/x-www-form-urlencoded");
  }

  // A multipart/form-data post, as a browser sends a form with a file input; `csrf` is the
  // token to send in the form ("" sends none).
  httplib::Result PostMultipart(const std::string& path, const PageSession& s,
                                httplib::MultipartFormDataItems items,
                                const std::string& csrf) const {
    if (!csrf.empty()) items.push_back({"csrf_token", csrf, "", ""});
    return Client().Post(path, {{"Cookie", s.cookie}}, items);
  }

 private:
  int port_;
};

}  // namespace samspill::testing
