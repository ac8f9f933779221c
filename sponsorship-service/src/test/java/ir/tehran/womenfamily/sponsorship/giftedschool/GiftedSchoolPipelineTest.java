package ir.tehran.womenfamily.sponsorship.giftedschool;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GiftedSchoolPipelineTest {

    private static UUID school() {
        return UUID.fromString(given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"name\":\"دبیرستان فرزانگان ۱\",\"kind\":\"GIFTED\",\"district\":6}")
            .post("/api/sponsorship/schools").then().statusCode(201).extract().path("id"));
    }

    private static void assess(UUID child, boolean gifted) {
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"assessedOn\":\"" + RegistryFeed.today().minusDays(30) + "\",\"assessor\":\"مشاور\","
                + "\"scores\":{\"MATHEMATICS\":97,\"SCIENCES\":93},\"giftedCandidate\":" + gifted + "}")
            .post("/api/sponsorship/children/" + child + "/assessments").then().statusCode(201);
    }

    private static String application(UUID school, String deadline, String exam, long fee) {
        return "{\"schoolId\":\"" + school + "\",\"academicYear\":1405,\"applicationDeadline\":\"" + deadline
            + "\",\"examDate\":\"" + exam + "\",\"feeRials\":" + fee + "}";
    }

    @Test
    void aGiftedCandidateAppliesByTheDeadlineSitsTheExamAndIsAdmittedWithHerFeeCovered() {
        UUID school = school();
        UUID child = RegistryFeed.newChild(12, "FEMALE", 6);
        String deadline = RegistryFeed.today().plusDays(10).toString();
        String exam = JalaliDate.of(RegistryFeed.today().plusDays(20)).toString();

        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(application(school, deadline, exam, 3_500_000))
            .post("/api/sponsorship/children/" + child + "/school-applications").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/not-a-gifted-candidate"));

        assess(child, true);
        String id = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(application(school, deadline, exam, 3_500_000))
            .post("/api/sponsorship/children/" + child + "/school-applications").then().statusCode(201)
            .body("status", equalTo("PLANNED"))
            .body("school.kind", equalTo("GIFTED"))
            .body("examDateJalali", equalTo(exam))
            .body("feeCovered", equalTo(false))
            .extract().path("id");
        String path = "/api/sponsorship/school-applications/" + id + "/transitions";
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"to\":\"ADMITTED\"}")
            .post(path).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/application-transition"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"to\":\"APPLIED\"}")
            .post(path).then().statusCode(200).body("status", equalTo("APPLIED"))
            .body("appliedOn", equalTo(RegistryFeed.today().toString()));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"to\":\"EXAM_TAKEN\"}")
            .post(path).then().statusCode(400).body("errors.field", hasItem("on"));

        UUID sponsor = Sponsors.newBenefactor("بنیاد آموزش", null);
        UUID pledge = Sponsors.sponsor(sponsor, child, "SCHOOL_FEES", 3_500_000);
        Sponsors.receive(pledge, 3_500_000);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"amountRials\":3500000,\"target\":\"SCHOOL_FEES\",\"referenceType\":\"SCHOOL_APPLICATION\","
                + "\"referenceId\":\"" + id + "\"}")
            .post("/api/sponsorship/pledges/" + pledge + "/disbursements").then().statusCode(201);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/school-applications/" + id).then()
            .body("feeCoveredRials", equalTo(3_500_000)).body("feeCovered", equalTo(true));
        given().auth().oauth2(Tokens.officer()).queryParam("status", "APPLIED").queryParam("academicYear", 1405)
            .queryParam("limit", 200)
            .get("/api/sponsorship/school-applications").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void anApplicationAfterTheDeadlineIsRefused() {
        UUID school = school();
        UUID child = RegistryFeed.newChild(14, "MALE", 6);
        assess(child, true);
        String deadline = RegistryFeed.today().minusDays(3).toString();
        String exam = JalaliDate.of(RegistryFeed.today().plusDays(5)).toString();
        String id = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(application(school, deadline, exam, 0))
            .post("/api/sponsorship/children/" + child + "/school-applications").then().statusCode(201)
            .body("feeCovered", equalTo(true)).extract().path("id");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"to\":\"APPLIED\"}")
            .post("/api/sponsorship/school-applications/" + id + "/transitions").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/deadline-passed"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"to\":\"WITHDRAWN\"}")
            .post("/api/sponsorship/school-applications/" + id + "/transitions").then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(application(school, deadline, JalaliDate.of(RegistryFeed.today().minusDays(10)).toString(), 0))
            .post("/api/sponsorship/children/" + child + "/school-applications").then().statusCode(400)
            .body("errors.field", hasItem("examDate"));
    }
}
