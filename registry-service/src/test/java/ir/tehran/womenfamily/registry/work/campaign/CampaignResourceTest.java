package ir.tehran.womenfamily.registry.work.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.Test;

/**
 * The campaign «کار تو خونمونه»: mentors and mentees, matching with heads of household first, sessions,
 * milestones, and the first sale announced to the bazaar. Each test works in a district of its own, so
 * the global matching run of one test does not take the mentors of another.
 */
@QuarkusTest
class CampaignResourceTest {

    private static final String API = "/api/registry/campaign";

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    private static String admin() {
        return Women.admin("campaign.admin");
    }

    private static String participant(Integer district) {
        return as(admin()).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"نازنين\","
                + "\"lastName\":\"كريمي\"" + (district == null ? "" : ",\"district\":" + district) + "}")
            .post("/api/registry/campaign-participants").then().statusCode(201).extract().path("id");
    }

    private static String mentor(int district, String skill, int capacity) {
        return as(admin()).body("{\"kind\":\"MENTOR\",\"firstName\":\"فاطمه\",\"lastName\":\"استادزاده\","
                + "\"mobile\":\"09121234567\",\"skills\":[\"" + skill + "\"],\"districts\":[" + district + "],"
                + "\"capacity\":" + capacity + "}")
            .post(API + "/mentors").then().statusCode(201)
            .body("mobile", equalTo("+989121234567"))
            .body("free", equalTo(capacity))
            .extract().path("id");
    }

    private static String enrol(String person, String idField, String interest) {
        return as(admin()).body("{\"" + idField + "\":\"" + person + "\",\"interests\":[\"" + interest + "\"]}")
            .post(API + "/mentees").then().statusCode(201).extract().path("id");
    }

    private static String todayJalali() {
        return Days.jalali(LocalDate.now(Tehran.ZONE));
    }

    @Test
    void headsOfHouseholdComeFirstWhenMentorsAreScarce() {
        String girl = participant(17);
        String girlMentee = enrol(girl, "participantId", "candles");
        String woman = RegistryApi.register(admin(), "مریم", "رضایی", 17);
        String womanMentee = enrol(woman, "beneficiaryId", "candles");
        String mentor = mentor(17, "candles", 1);

        as(admin()).post(API + "/matching").then().statusCode(200)
            .body("matched.menteeId", hasItem(womanMentee))
            .body("matched.menteeId", not(hasItem(girlMentee)));
        as(admin()).get(API + "/mentees/" + womanMentee).then().statusCode(200)
            .body("headsHousehold", equalTo(true))
            .body("mentorId", equalTo(mentor))
            .body("matchedOnJalali", equalTo(todayJalali()));
        as(admin()).get(API + "/mentees/" + girlMentee).then().statusCode(200)
            .body("headsHousehold", equalTo(false))
            .body("mentorId", nullValue());
        // the waiting list is in the same order: heads of household first
        List<Object> waiting = RegistryApi.all(() -> as(admin()).queryParam("waiting", true), API + "/mentees")
            .stream().map(m -> m.get("id")).toList();
        assertTrue(waiting.contains(girlMentee) && !waiting.contains(womanMentee), waiting.toString());
        as(admin()).get(API + "/mentors/" + mentor).then().body("mentees", equalTo(1)).body("free", equalTo(0));

        // when the woman leaves the campaign, her place goes to the girl
        as(admin()).post(API + "/mentees/" + womanMentee + "/withdraw").then().statusCode(200)
            .body("withdrawn", equalTo(true));
        as(admin()).get(API + "/mentors/" + mentor).then().body("mentees", equalTo(0)).body("free", equalTo(1));
        as(admin()).body("{\"milestone\":\"IDEA\",\"reachedOn\":\"" + todayJalali() + "\"}")
            .post(API + "/mentees/" + womanMentee + "/milestones").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/campaign-mentee-withdrawn"));
        as(admin()).post(API + "/matching").then().statusCode(200)
            .body("matched.menteeId", hasItem(girlMentee))
            .body("matched.menteeId", not(hasItem(womanMentee)));
        as(admin()).get(API + "/mentees/" + girlMentee).then().body("mentorId", equalTo(mentor));
        as(admin()).post(API + "/mentors/" + mentor + "/deactivate").then().statusCode(200)
            .body("active", equalTo(false));
    }

    @Test
    void fromIdeaToFirstSaleAndARegisteredBusiness() throws Exception {
        String girl = participant(18);
        String mentee = enrol(girl, "participantId", "pottery");
        as(admin()).body("{\"heldOn\":\"" + todayJalali() + "\",\"minutes\":60,\"topic\":\"قیمت‌گذاری\"}")
            .post(API + "/mentees/" + mentee + "/sessions").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/campaign-mentee-unmatched"));
        String mentor = mentor(18, "pottery", 1);
        as(Women.caseworker("campaign.cw")).queryParam("skill", "pottery").queryParam("district", 18)
            .queryParam("limit", 200).get(API + "/mentors").then().statusCode(200)
            .body("items.id", hasItem(mentor))
            .body("items.find { it.id == '" + mentor + "' }.mobile", nullValue());
        as(admin()).queryParam("skill", "pottery").queryParam("district", 17).get(API + "/mentors").then()
            .statusCode(200).body("items.id", not(hasItem(mentor)));
        as(admin()).queryParam("skill", "spaceships").get(API + "/mentors").then().statusCode(400)
            .body("errors.field", hasItem("skill"));
        as(admin()).post(API + "/matching").then().statusCode(200).body("matched.menteeId", hasItem(mentee));

        as(Women.caseworker("campaign.cw")).body("{\"heldOn\":\"" + todayJalali() + "\",\"minutes\":90,"
                + "\"topic\":\"قيمت گذاري و بسته بندي\"}")
            .post(API + "/mentees/" + mentee + "/sessions").then().statusCode(404);
        as(admin()).body("{\"heldOn\":\"" + todayJalali() + "\",\"minutes\":90,\"topic\":\"قيمت گذاري و بسته بندي\"}")
            .post(API + "/mentees/" + mentee + "/sessions").then().statusCode(201)
            .body("mentorId", equalTo(mentor))
            .body("heldOnJalali", equalTo(todayJalali()))
            .body("topic", equalTo("قیمت گذاری و بسته بندی"));
        as(admin()).body("{\"heldOn\":\"1404-01-01\",\"minutes\":90,\"topic\":\"پیش از منتور\"}")
            .post(API + "/mentees/" + mentee + "/sessions").then().statusCode(400)
            .body("errors.field", hasItem("heldOn"));
        as(admin()).get(API + "/mentees/" + mentee + "/sessions").then().statusCode(200)
            .body("items.minutes", equalTo(List.of(90)));

        as(admin()).body("{\"milestone\":\"IDEA\",\"reachedOn\":\"" + todayJalali() + "\"}")
            .post(API + "/mentees/" + mentee + "/milestones").then().statusCode(200)
            .body("bazaarEligible", equalTo(false));
        as(admin()).body("{\"milestone\":\"FIRST_SALE\",\"reachedOn\":\"" + todayJalali() + "\"}")
            .post(API + "/mentees/" + mentee + "/milestones").then().statusCode(200)
            .body("bazaarEligible", equalTo(true))
            .body("bazaarEligibleSinceJalali", equalTo(todayJalali()))
            .body("milestones.milestone", equalTo(List.of("IDEA", "FIRST_SALE")))
            .body("milestones[1].nameFa", equalTo("نخستین فروش"));
        as(admin()).body("{\"milestone\":\"FIRST_SALE\",\"reachedOn\":\"" + todayJalali() + "\"}")
            .post(API + "/mentees/" + mentee + "/milestones").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/campaign-milestone-reached"));

        EventProbe.Message m = RegistryApi.event("registry.campaign", girl, "campaign.bazaar-eligible");
        JsonNode payload = new ObjectMapper().readTree(m.value());
        assertEquals(mentee, payload.path("menteeId").asText());
        assertEquals(false, payload.path("headsHousehold").asBoolean());
        assertEquals(18, payload.path("district").asInt());
        assertEquals("pottery", payload.path("categories").get(0).asText());
        assertEquals(todayJalali(), payload.path("sinceJalali").asText());

        // a registered business must be hers
        String milestones = API + "/mentees/" + mentee + "/milestones";
        as(admin()).body("{\"milestone\":\"REGISTERED_BUSINESS\",\"reachedOn\":\"" + todayJalali() + "\"}")
            .post(milestones).then().statusCode(400).body("errors.field", hasItem("businessId"));
        String someoneElses = business(participant(18));
        as(admin()).body("{\"milestone\":\"REGISTERED_BUSINESS\",\"reachedOn\":\"" + todayJalali() + "\","
                + "\"businessId\":\"" + someoneElses + "\"}")
            .post(milestones).then().statusCode(400).body("errors.field", hasItem("businessId"));
        as(admin()).body("{\"milestone\":\"TRAINING\",\"reachedOn\":\"" + todayJalali() + "\","
                + "\"businessId\":\"" + someoneElses + "\"}")
            .post(milestones).then().statusCode(400).body("errors.field", hasItem("businessId"));
        String hers = business(girl);
        as(admin()).body("{\"milestone\":\"REGISTERED_BUSINESS\",\"reachedOn\":\"" + todayJalali() + "\","
                + "\"businessId\":\"" + hers + "\"}")
            .post(milestones).then().statusCode(200)
            .body("milestones.find { it.milestone == 'REGISTERED_BUSINESS' }.businessId", equalTo(hers));
        // with a registered business she no longer takes her mentor's place
        as(admin()).get(API + "/mentors/" + mentor).then().body("mentees", equalTo(0)).body("free", equalTo(1));
        as(admin()).post(API + "/mentors/" + mentor + "/deactivate").then().statusCode(200);

        Women.audit(CampaignService.MENTEE, mentee).then()
            .body("items.action", hasItems("campaign-mentee.enrol", "campaign-session.record",
                "campaign-milestone.record"));
    }

    @Test
    void rolesDistrictsAndInvalidInput() {
        String cw = RegistryApi.caseworker("campaign.cw19", 19);
        as(cw).body("{\"kind\":\"MENTOR\",\"firstName\":\"a\",\"lastName\":\"b\",\"skills\":[\"dolls\"],"
            + "\"districts\":[19],\"capacity\":2}").post(API + "/mentors").then().statusCode(403);
        as(TestTokens.forRoles("officer", "sponsorship-officer")).get(API + "/mentees").then().statusCode(403);
        given().get(API + "/mentors").then().statusCode(401);

        as(admin()).body("{\"kind\":\"MENTOR\",\"firstName\":\"a\",\"lastName\":\"b\",\"skills\":[\"dolls\"],"
                + "\"districts\":[23],\"capacity\":0}").post(API + "/mentors").then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItems("capacity"))
            .body("errors.field", hasItem(containsString("districts")));
        as(admin()).body("{\"kind\":\"MENTOR\",\"firstName\":\"a\",\"lastName\":\"b\",\"skills\":[\"spaceships\"],"
            + "\"districts\":[19],\"capacity\":2}").post(API + "/mentors").then().statusCode(400)
            .contentType("application/problem+json");

        String girl = participant(19);
        String noDistrict = participant(null);
        String woman = RegistryApi.register(cw, "سمیه", "احمدی", 19);
        as(cw).body("{\"beneficiaryId\":\"" + woman + "\",\"participantId\":\"" + girl + "\"}")
            .post(API + "/mentees").then().statusCode(400).body("errors.field", hasItem("beneficiaryId"));
        as(cw).body("{}").post(API + "/mentees").then().statusCode(400).body("errors.field", hasItem("beneficiaryId"));
        as(cw).body(Map.of("participantId", UUID.randomUUID().toString())).post(API + "/mentees").then()
            .statusCode(400).body("errors.field", hasItem("participantId"));
        as(cw).body(Map.of("participantId", noDistrict)).post(API + "/mentees").then()
            .statusCode(400).body("errors.field", hasItem("district"));
        given().auth().oauth2(cw).contentType(ContentType.JSON).body(Map.of("participantId", noDistrict))
            .post(API + "/mentees").then().statusCode(400).body("title", containsString("معتبر نیست"));
        as(cw).body(Map.of("participantId", noDistrict, "district", 3)).post(API + "/mentees").then()
            .statusCode(400).body("errors.field", hasItem("district"));
        // a woman the caseworker may not see is a 404, as in the register
        String elsewhere = RegistryApi.register(admin(), "لیلا", "کاظمی", 4);
        as(cw).body(Map.of("beneficiaryId", elsewhere)).post(API + "/mentees").then().statusCode(404);

        String mentee = as(cw).body(Map.of("beneficiaryId", woman, "interests", List.of("dolls", "DOLLS")))
            .post(API + "/mentees").then().statusCode(201)
            .body("firstName", equalTo("سمیه"))
            .body("district", equalTo(19))
            .body("interests", equalTo(List.of("dolls")))
            .body("enrolledOnJalali", notNullValue())
            .extract().path("id");
        as(cw).body(Map.of("beneficiaryId", woman)).post(API + "/mentees").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/campaign-mentee-exists"));
        as(cw).get(API + "/mentees/" + mentee).then().statusCode(200);
        as(RegistryApi.caseworker("campaign.cw3", 3)).get(API + "/mentees/" + mentee).then().statusCode(404);
        List<Object> seen = RegistryApi.all(() -> as(RegistryApi.caseworker("campaign.cw3", 3)), API + "/mentees")
            .stream().map(m -> m.get("id")).toList();
        assertFalse(seen.contains(mentee), seen.toString());
        as(cw).body("{\"milestone\":\"IDEA\",\"reachedOn\":\"1399-01-01\"}")
            .post(API + "/mentees/" + mentee + "/milestones").then().statusCode(400)
            .body("errors.field", hasItem("reachedOn"));
        as(cw).body("{\"milestone\":\"IDEA\",\"reachedOn\":\"1404-12-30\"}")
            .post(API + "/mentees/" + mentee + "/milestones").then().statusCode(400)
            .body("errors.field", hasItem("reachedOn"));
    }

    private static String business(String participantId) {
        return as(admin()).body("{\"ownerParticipantId\":\"" + participantId + "\",\"name\":\"سفال خانگی\","
                + "\"category\":\"pottery\"}")
            .post("/api/registry/businesses").then().statusCode(201).extract().path("id");
    }
}
