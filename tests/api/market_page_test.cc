// The procurement officer's market data import over plain HTTP against a real
// `samspill serve --demo`: the page /marked/import takes an OCDS or Doffin eForms export by
// file upload (multipart/form-data, with the CSRF token), says how many processes were
// imported and names the problems in the data; a file that cannot be read stores nothing, one
// over the limit is refused with its size, and other roles are refused. The API route takes
// the same file as its body. What was stored is checked through the audit trail.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api/api_client.h"
#include "api/page_client.h"
#include "api/process.h"

namespace samspill::testing {
namespace {

using nlohmann::json;

std::string Notice(const std::string& name) {
  std::ifstream in(std::string(SAMSPILL_SHARED_DIR) + "/data/ocds/norway-doffin/eforms-xml/" +
                   name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Two releases of one line each, and a line that is not JSON between them.
constexpr char kReleases[] =
    "{\"ocid\":\"ocds-test-1\",\"tender\":{\"procurementMethod\":\"open\","
    "\"numberOfTenderers\":2,\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\","
    "\"id\":\"85000000\"}}]}}\n"
    "{\"ocid\": oops\n"
    "{\"ocid\":\"ocds-test-2\",\"tender\":{\"procurementMethod\":\"open\","
    "\"numberOfTenderers\":1,\"items\":[{\"id\":\"1\",\"classification\":{\"scheme\":\"CPV\","
    "\"id\":\"90000000\"}}]}}\n";

class MarketPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    server_ = new ServeProcess({"--demo", "--db", dir_->path() + "/market-pages.db"});
    ASSERT_GT(server_->port(), 0) << server_->startup_output();
  }
  static void TearDownTestSuite() {
    EXPECT_EQ(server_->Stop(), 0);
    delete server_;
    delete dir_;
  }

  ApiClient api() { return ApiClient(server_->port()); }
  PageClient pages() { return PageClient(server_->port()); }

  // The market imports in the audit trail, oldest first.
  std::vector<json> Imports() {
    json trail =
        api().Expect(200, "GET", "/api/audit?entity_type=market_import", api().LoginAs("revisor"));
    std::vector<json> out;
    const json& events = trail.is_array() ? trail : trail["events"];
    for (const json& e : events) {
      if (e["action"] == "market.import") out.push_back(e);
    }
    return out;
  }

  static httplib::MultipartFormDataItems File(const std::string& content,
                                              const std::string& filename) {
    return {{"file", content, filename, "application/octet-stream"}};
  }
  static std::string Main(const std::string& body) {
    const size_t at = body.find("<main");
    return at == std::string::npos ? body : body.substr(at, 3000);
  }

  static TempDir* dir_;
  static ServeProcess* server_;
};
TempDir* MarketPageTest::dir_ = nullptr;
ServeProcess* MarketPageTest::server_ = nullptr;

TEST_F(MarketPageTest, TheProcurementOfficerUploadsAnEformsNotice) {
  PageSession s = pages().LogIn("innkjoper", "/marked/import");
  auto form = pages().Get("/marked/import", s);
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(form->body.find("name=\"csrf_token\""), std::string::npos);
  EXPECT_NE(form->body.find("<h1>Importer markedsdata</h1>"), std::string::npos);
  EXPECT_NE(form->body.find("href=\"/marked/import\""), std::string::npos) << "in the menu";

  const size_t before = Imports().size();
  auto res = pages().PostMultipart("/marked/import", s,
                                   File(Notice("2024-110489.xml"), "2024-110489.xml"), s.csrf);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << Main(res->body);
  EXPECT_NE(res->body.find("1 prosesser importert fra «2024-110489.xml»."), std::string::npos)
      << Main(res->body);
  const std::vector<json> imports = Imports();
  ASSERT_EQ(imports.size(), before + 1);
  EXPECT_EQ(imports.back()["actor"], "innkjoper");
}

TEST_F(MarketPageTest, ProblemsInTheDataAreNamedAndTheRestIsImported) {
  PageSession s = pages().LogIn("innkjoper", "/marked/import");
  auto res =
      pages().PostMultipart("/marked/import?lang=en", s, File(kReleases, "export.jsonl"), s.csrf);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << Main(res->body);
  EXPECT_NE(res->body.find("2 processes imported from «export.jsonl»."), std::string::npos)
      << Main(res->body);
  EXPECT_NE(res->body.find("<code>invalid_json</code>"), std::string::npos) << Main(res->body);
  EXPECT_NE(res->body.find("export.jsonl:2"), std::string::npos) << Main(res->body);
}

TEST_F(MarketPageTest, ABadFileStoresNothingAndSaysWhy) {
  PageSession s = pages().LogIn("innkjoper", "/marked/import");
  const size_t before = Imports().size();
  auto garbage = pages().PostMultipart("/marked/import", s,
                                       File("Eksportert fra Doffin 2024\n", "notater.txt"), s.csrf);
  ASSERT_TRUE(garbage);
  EXPECT_EQ(garbage->status, 400);
  EXPECT_NE(garbage->body.find("Ingenting ble importert: notater.txt er verken en OCDS-JSON-fil "
                               "eller en eForms-kunngjøring i XML"),
            std::string::npos)
      << Main(garbage->body);
  EXPECT_NE(garbage->body.find("aria-invalid=\"true\""), std::string::npos);

  // JSON without a single readable process.
  auto empty =
      pages().PostMultipart("/marked/import", s, File("{\"releases\": []}", "tom.json"), s.csrf);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_NE(empty->body.find("tom.json har ingen konkurranseprosess"), std::string::npos)
      << Main(empty->body);

  // No file chosen: the browser sends an empty part without a file name.
  auto none = pages().PostMultipart("/marked/import", s, {{"file", "", "", ""}}, s.csrf);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 400);
  EXPECT_NE(none->body.find("Velg en fil å importere."), std::string::npos);

  // Over the 3 MB limit, under the server's 4 MiB request limit.
  auto large = pages().PostMultipart(
      "/marked/import", s, File(std::string((3 << 20) + 100000, ' '), "stor.json"), s.csrf);
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  EXPECT_NE(large->body.find("Filen er for stor: 3,1 MB. Største tillatte størrelse er 3 MB."),
            std::string::npos)
      << Main(large->body);
  EXPECT_EQ(Imports().size(), before);
}

TEST_F(MarketPageTest, OtherRolesAndFormsWithoutTheTokenAreRefused) {
  for (const char* user : {"evaluator", "koordinator", "leverandor"}) {
    PageSession s = pages().LogIn(user);
    auto page = pages().Get("/marked/import", s);
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 403) << user;
    auto post = pages().PostMultipart("/marked/import", s,
                                      File(Notice("2024-110489.xml"), "2024-110489.xml"), s.csrf);
    ASSERT_TRUE(post);
    EXPECT_EQ(post->status, 403) << user;
  }
  PageSession s = pages().LogIn("innkjoper", "/marked/import");
  auto no_token = pages().PostMultipart("/marked/import", s,
                                        File(Notice("2024-110489.xml"), "2024-110489.xml"), "");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 403);
}

TEST_F(MarketPageTest, TheApiTakesTheFileAsItsBody) {
  ApiClient client = api();
  auto officer = client.LoginAs("innkjoper");
  auto res = client.Send("POST", "/api/market/imports?filename=2024-113575.xml", officer,
                         Notice("2024-113575.xml"), true, "application/xml");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json body = json::parse(res->body);
  EXPECT_EQ(body["imported"], 1);
  EXPECT_EQ(body["format"], "eforms");

  auto bad = client.Send("POST", "/api/market/imports", officer, "not data", true, "text/plain");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400) << bad->body;
  auto auditor = client.LoginAs("revisor");
  auto refused = client.Send("POST", "/api/market/imports", auditor, Notice("2024-113575.xml"),
                             true, "application/xml");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

}  // namespace
}  // namespace samspill::testing
