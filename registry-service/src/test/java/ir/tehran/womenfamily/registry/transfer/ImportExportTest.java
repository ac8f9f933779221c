package ir.tehran.womenfamily.registry.transfer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportExportTest {

    private final String admin = RegistryApi.admin();

    private String startImport(String csv) {
        return given().auth().oauth2(admin).header("Accept-Language", "en").contentType("text/csv; charset=UTF-8")
            .body(csv).post("/api/registry/imports")
            .then().statusCode(202).extract().header("Location");
    }

    private JsonPath awaitDone(String location) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            last[0] = given().auth().oauth2(admin).header("Accept-Language", "en").get(location)
                .then().statusCode(200).extract().jsonPath();
            String status = last[0].getString("status");
            if ("FAILED".equals(status)) {
                throw new AssertionError("import failed: " + last[0].prettify());
            }
            return "DONE".equals(status);
        });
        return last[0];
    }

    @Test
    void goodLinesAreImportedBadOnesReportedAndTheSameFileTwiceChangesNothing() {
        String a = NationalCodes.random();
        String b = NationalCodes.random();
        String c = NationalCodes.random();
        String csv = ImportFormat.header() + "\n"
            + NationalCodes.persian(a) + ",طاهره,رحیمي,,۱۳۶۰/۰۵/۱۰,09121110001,7,,,,TRAINING,"
            + "سینا,رحیمی,,1395-02-01,MALE,3\n"
            + a + ",طاهره,رحیمي,,۱۳۶۰/۰۵/۱۰,09121110001,7,,,,TRAINING,سارا,رحیمی,,1398-09-09,FEMALE,\n"
            + b + ",\"گلی, بانو\",نظری,,1975-01-01,,8,,\"تهران، خیابان \"\"بهار\"\"\",PRISON_RELEASE,,,,,,,\n"
            + c + ",منیژه,کریمی,,1402-12-30,,9,,,,,,,,,,\n"
            + "12345,نادرست,کد,,,,,,,,,,,,,,\n";
        JsonPath done = awaitDone(startImport(csv));
        assertEquals(3, done.getInt("total"));
        assertEquals(2, done.getInt("imported"), done.prettify());
        assertEquals(2, done.getInt("children"));
        List<Map<String, Object>> errors = done.getList("errors");
        assertTrue(errors.stream().anyMatch(e -> e.get("line").equals(6) && "national_code".equals(e.get("field"))),
            errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.get("line").equals(5) && "birth_date".equals(e.get("field"))
            && e.get("reason").toString().startsWith("Write the date")), errors.toString());

        String id = given().auth().oauth2(admin).queryParam("nationalCode", a).get(RegistryApi.BENEFICIARIES)
            .then().extract().path("items[0].id");
        given().auth().oauth2(admin).get(RegistryApi.BENEFICIARIES + "/" + id + "/children")
            .then().body("items.size()", equalTo(2));
        given().auth().oauth2(admin).get(RegistryApi.BENEFICIARIES + "/" + id)
            .then().body("lastName", equalTo("رحیمی")).body("supportLevel", equalTo("TRAINING"));

        JsonPath again = awaitDone(startImport(csv));
        assertEquals(0, again.getInt("imported"));
        assertEquals(2, again.getInt("unchanged"));
        assertEquals(0, again.getInt("children"));
    }

    @Test
    void anImportStartRetriedWithItsKeyQueuesOneJob() {
        String csv = ImportFormat.header() + "\n" + NationalCodes.random() + ",پروین,امینی,,1360-01-01,,7,,,,,,,,,,\n";
        String key = java.util.UUID.randomUUID().toString();
        io.restassured.response.Response first = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
            .header("Idempotency-Key", key).body(csv).post("/api/registry/imports");
        first.then().statusCode(202);
        io.restassured.response.Response retry = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
            .header("Idempotency-Key", key).body(csv).post("/api/registry/imports");
        retry.then().statusCode(202).header("Idempotent-Replayed", "true")
            .body("id", equalTo(first.<String>path("id")));
        assertEquals(first.header("Location"), retry.header("Location"));
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key)
            .body(csv + NationalCodes.random() + ",مینا,امینی,,1361-01-01,,7,,,,,,,,,,\n").post("/api/registry/imports")
            .then().statusCode(422);
        assertEquals(1, awaitDone(first.header("Location")).getInt("imported"));
    }

    private static final String EXPORT = "/api/registry/exports/beneficiaries";

    private String export(String purpose, Object... filter) {
        var request = given().auth().oauth2(admin).queryParam("purpose", purpose);
        for (int i = 0; i < filter.length; i += 2) {
            request = request.queryParam((String) filter[i], filter[i + 1]);
        }
        return request.get(EXPORT).then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asString();
    }

    @Test
    void theTransferExportHasEveryoneButNoSensitiveFactAndImportsAgain() {
        String code = NationalCodes.random();
        awaitDone(startImport(ImportFormat.header() + "\n" + code + ",ثریا,امیری,,,,11,,,PRISON_RELEASE,,,,,,,\n"));
        String csv = export("REGISTER_TRANSFER");
        assertEquals("\uFEFF" + ImportFormat.header(), csv.lines().findFirst().orElseThrow());
        String line = csv.lines().filter(l -> l.startsWith(code)).findFirst().orElseThrow();
        assertFalse(line.contains("PRISON"), line);
        assertTrue(line.contains(",AGENCY_REFERRAL,"), line);
        assertTrue(csv.lines().skip(1).findFirst().isPresent());
        JsonPath again = awaitDone(startImport(csv.lines().filter(l -> l.startsWith(code) || l.startsWith("\uFEFF"))
            .collect(java.util.stream.Collectors.joining("\n")) + "\n"));
        assertEquals(1, again.getInt("unchanged"), again.prettify());
    }

    @Test
    void anExportNeedsAPurposeFromTheFixedSet() {
        given().auth().oauth2(admin).header("Accept-Language", "en").get(EXPORT).then().statusCode(400)
            .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("purpose"));
        given().auth().oauth2(admin).queryParam("purpose", "EVERYTHING").get(EXPORT).then().statusCode(400)
            .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("purpose"));
        given().auth().oauth2(admin).queryParam("purpose", "OUTREACH").queryParam("updatedSince", "1402-12-30")
            .get(EXPORT).then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("updatedSince"));
        given().auth().oauth2(RegistryApi.caseworker("cw-export", 5)).queryParam("purpose", "OUTREACH").get(EXPORT)
            .then().statusCode(403);
    }

    /** The table of docs/security.md, "Exports": purpose → columns. No other column, and never a sensitive one. */
    @Test
    void eachPurposeCarriesExactlyItsColumns() {
        Map<String, String> expected = Map.of(
            "REGISTER_TRANSFER", ImportFormat.header(),
            "OUTREACH", "first_name,last_name,mobile,district,status,support_level",
            "CHILD_EDUCATION", "first_name,last_name,mobile,district,child_first_name,child_last_name,"
                + "child_birth_date,child_gender,child_grade",
            "STATISTICS", "district,status,support_level,registered_month,birth_year,children");
        assertEquals(expected.keySet(), java.util.Arrays.stream(ExportPurpose.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toSet()));
        expected.forEach((purpose, header) -> {
            String first = export(purpose, "district", 22, "updatedSince", "2100-01-01").lines().findFirst()
                .orElseThrow();
            assertEquals("\uFEFF" + header, first, purpose);
            assertFalse(first.matches(".*(cohort|note|case|placement|prison).*"), first);
        });
    }

    @Test
    void theFilterKeepsADistrictAndWhatChangedSinceAndTheAuditSaysWhatLeft() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        String a = RegistryApi.register(admin, "\"firstName\":\"شیرین\",\"lastName\":\"فیلتر\",\"district\":21,"
            + "\"mobile\":\"09120000021\"");
        RegistryApi.register(admin, "\"firstName\":\"شهلا\",\"lastName\":\"فیلتر\",\"district\":20");
        String since = before.toString();
        String outreach = export("OUTREACH", "district", 21, "updatedSince", since);
        List<String> rows = outreach.lines().skip(1).toList();
        assertEquals(1, rows.size(), outreach);
        assertEquals("شیرین,فیلتر,+989120000021,21,APPLICANT,", rows.get(0));
        // a Jalali day works as well: tomorrow has nothing yet, and the old days have her
        String tomorrow = Days.jalali(java.time.LocalDate.now(Tehran.ZONE).plusDays(1));
        assertEquals(1, export("OUTREACH", "district", 21, "updatedSince", tomorrow).lines().count());
        assertTrue(export("STATISTICS", "district", 21, "updatedSince", "۱۴۰۰/۰۱/۰۱").lines().count() >= 2);

        List<Map<String, Object>> audited = given().auth().oauth2(admin).queryParam("actor", "admin-1")
            .queryParam("limit", 50).get("/api/registry/audit").then().statusCode(200).extract().jsonPath()
            .getList("items");
        Map<String, Object> entry = audited.stream().filter(e -> "beneficiary.export".equals(e.get("action")))
            .findFirst().orElseThrow(() -> new AssertionError(audited.toString()));
        @SuppressWarnings("unchecked")
        Map<String, String> detail = (Map<String, String>) entry.get("detail");
        assertEquals("STATISTICS", detail.get("purpose"), entry.toString());
        assertEquals("21", detail.get("district"));
        assertEquals("true", detail.get("complete"));
        assertEquals("export:STATISTICS", entry.get("purpose"));
        assertTrue(Integer.parseInt(detail.get("rows")) >= 1, entry.toString());
        assertTrue(detail.containsKey("updatedSince"), entry.toString());
        assertFalse(a.isEmpty());
    }

    @Test
    void theChildEducationExportHasALinePerChildAndNoCodes() {
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        String code = NationalCodes.random();
        awaitDone(startImport(ImportFormat.header() + "\n"
            + code + ",رعنا,آموزشی,,,09121110022,19,,,,,آرش,آموزشی,,1396-02-01,MALE,2\n"
            + code + ",رعنا,آموزشی,,,09121110022,19,,,,,آوا,آموزشی,,1399-09-09,FEMALE,\n"
            + NationalCodes.random() + ",بی‌فرزند,آموزشی,,,,19,,,,,,,,,,\n"));
        String csv = export("CHILD_EDUCATION", "district", 19, "updatedSince", before.toString());
        List<String> rows = csv.lines().skip(1).toList();
        assertEquals(List.of("رعنا,آموزشی,+989121110022,19,آرش,آموزشی,2017-04-21,MALE,2",
            "رعنا,آموزشی,+989121110022,19,آوا,آموزشی,2020-11-29,FEMALE,"), rows, csv);
        assertFalse(csv.contains(code), csv);
    }

    @Test
    void aWrongHeaderIsA400AndOnlyAdminsImport() {
        given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body("a,b,c\n1,2,3\n")
            .post("/api/registry/imports")
            .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(RegistryApi.caseworker("cw-import", 1)).contentType("text/csv; charset=UTF-8")
            .body(ImportFormat.header() + "\n").post("/api/registry/imports").then().statusCode(403);
    }
}
