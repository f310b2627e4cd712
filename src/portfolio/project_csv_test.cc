#include "portfolio/project_csv.h"

#include <gtest/gtest.h>

namespace samspill::portfolio {
namespace {

constexpr char kAirtableExport[] =
    "\xEF\xBB\xBFNavn;Kortnavn;Innsatsområde;Type;Status;Partnere;Kontaktpersoner;Finansiering;"
    "Start;Slutt;Registrert av;Tilrettelagt\r\n"
    "FIF (Fasiliterende Interpersonale Ferdigheter);FIF;Helse og velferd;Forskning;Pågående;"
    "\"NTNU, Institutt for psykologi | Trondheim kommune, Enhet for psykisk helse og rus\";"
    "\"Kari Nordmann (Prosjektleder, NTNU, kari@example.org)\";\"Egeninnsats | Forskningsrådet: "
    "1 200 000,50\";2023;2025;prosjektleder;ja\r\n"
    "HARMONI;;innovasjon og omstilling;nyskaping og innovasjon;;\"NTNU | St. Olavs hospital\";;"
    "Forskningsrådet;2024-01-01;;prosjektleder2;nei\r\n";

TEST(ProjectCsv, ReadsAnAirtableExport) {
  ProjectImport in = ParseProjectsCsv(kAirtableExport);
  for (const RowError& e : in.errors) ADD_FAILURE() << e.ToString();
  ASSERT_EQ(in.projects.size(), 2u);
  const Project& fif = in.projects[0];
  EXPECT_EQ(fif.short_name, "FIF");
  EXPECT_EQ(fif.kind, ProjectKind::kResearch);
  ASSERT_EQ(fif.partners.size(), 2u);
  EXPECT_EQ(fif.partners[1].unit, "Enhet for psykisk helse og rus");
  ASSERT_EQ(fif.contacts.size(), 1u);
  EXPECT_EQ(fif.contacts[0].role, "Prosjektleder");
  EXPECT_EQ(fif.contacts[0].email, "kari@example.org");
  ASSERT_EQ(fif.funding.size(), 2u);
  EXPECT_EQ(fif.funding[1].amount.minor, 120000050);
  EXPECT_EQ(fif.start, (Date{2023, 1, 1}));
  EXPECT_EQ(fif.end, (Date{2025, 12, 31}));
  EXPECT_TRUE(fif.facilitated_by_partnership);
  EXPECT_EQ(in.projects[1].area, "Innovasjon og omstilling");
  EXPECT_EQ(in.projects[1].kind, ProjectKind::kInnovation);
  EXPECT_EQ(in.rows, (std::vector<int>{2, 3}));
}

TEST(ProjectCsv, RejectsBadRowsNamingRowAndColumnAndReturnsNothing) {
  ProjectImport in = ParseProjectsCsv(
      "navn,innsatsområde,type,start\n"
      "Prano,Oppvekst og utdanning,utdanning,2022\n"
      "Lab-ted,Oppvekst og utdanning,forsk,2022\n"
      ",Månen,utdanning,22.03.2023\n");
  EXPECT_TRUE(in.projects.empty());
  ASSERT_EQ(in.errors.size(), 4u);
  EXPECT_EQ(in.errors[0].ToString(),
            "row 3, column \"type\": unknown kind 'forsk' (forskning, "
            "utdanning, nyskaping og innovasjon, formidling)");
  EXPECT_EQ(in.errors[1].row, 4);
  EXPECT_EQ(in.errors[1].column, "navn");
  EXPECT_EQ(in.errors[2].column, "innsatsområde");
  EXPECT_EQ(in.errors[3].column, "start");
}

TEST(ProjectCsv, RejectsUnknownAndMissingColumns) {
  ProjectImport in = ParseProjectsCsv("navn,tittel\nPrano,x\n");
  ASSERT_FALSE(in.errors.empty());
  EXPECT_EQ(in.errors[0].ToString(), "row 1, column \"tittel\": unknown column");
  EXPECT_EQ(in.errors.size(), 3u);  // and no area, no kind
}

TEST(ProjectCsv, ReportsStructuralErrorsFromTheParser) {
  ProjectImport in = ParseProjectsCsv("navn,innsatsområde,type\n\"Prano,x,y\n");
  ASSERT_EQ(in.errors.size(), 1u);
  EXPECT_NE(in.errors[0].message.find("row 2, column 1"), std::string::npos);
}

TEST(ProjectCsv, ExportReadsBackTheSameProjects) {
  ProjectImport first = ParseProjectsCsv(kAirtableExport);
  ASSERT_TRUE(first.errors.empty());
  ProjectImport again = ParseProjectsCsv(ProjectsToCsv(first.projects));
  for (const RowError& e : again.errors) ADD_FAILURE() << e.ToString();
  EXPECT_EQ(again.projects, first.projects);
}

}  // namespace
}  // namespace samspill::portfolio
