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
            .then().body("size()", equalTo(2));
        given().auth().oauth2(admin).get(RegistryApi.BENEFICIARIES + "/" + id)
            .then().body("lastName", equalTo("رحیمی")).body("supportLevel", equalTo("TRAINING"));

        JsonPath again = awaitDone(startImport(csv));
        assertEquals(0, again.getInt("imported"));
        assertEquals(2, again.getInt("unchanged"));
        assertEquals(0, again.getInt("children"));
    }

    @Test
    void theExportHasEveryoneButNoSensitiveFact() {
        String code = NationalCodes.random();
        awaitDone(startImport(ImportFormat.header() + "\n" + code + ",ثریا,امیری,,,,11,,,PRISON_RELEASE,,,,,,,\n"));
        String csv = given().auth().oauth2(admin).get("/api/registry/exports/beneficiaries")
            .then().statusCode(200).contentType("text/csv; charset=UTF-8").extract().asString();
        String line = csv.lines().filter(l -> l.startsWith(code)).findFirst().orElseThrow();
        assertFalse(line.contains("PRISON"), line);
        assertTrue(csv.lines().skip(1).findFirst().isPresent());
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
