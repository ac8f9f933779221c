package ir.tehran.womenfamily.bazaar.producer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.support.jalali.Days;
import org.junit.jupiter.api.Test;

/**
 * A woman of the home-business campaign who made her first sale applies to bazaars before she registers a
 * business: the registry's {@code campaign.bazaar-eligible} (sent as the registry's contract says, on the real
 * broker) makes her a campaign applicant under her mentee id, which her producer token names.
 */
@QuarkusTest
class CampaignApplicantTest {

    @Test
    void anEligibleCampaignWomanAppliesAndIsAllocatedUnderTheSameRules() {
        UUID person = UUID.randomUUID();
        UUID mentee = eligible(person, true, 7, List.of("needlework", "dolls"));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee).then().statusCode(200)
            .body("kind", equalTo("CAMPAIGN")).body("categories", contains("dolls", "needlework"))
            .body("district", equalTo(7)).body("headsHousehold", equalTo(true))
            .body("eligibleSince", equalTo(TestData.today().minusDays(2).toString()));
        // her token names her campaign id; another woman's token does not reach her
        given().auth().oauth2(TestData.producer(mentee)).get("/api/bazaar/producers/" + mentee)
            .then().statusCode(200);
        given().auth().oauth2(TestData.producer(UUID.randomUUID())).get("/api/bazaar/producers/" + mentee)
            .then().statusCode(404);

        LocalDate day = TestData.today().plusDays(4);
        String venue = TestData.venue(1, 0, 0, 7);
        String bazaar = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        // a business of a woman who does not head her household competes for the only stall
        UUID business = TestData.registeredBusiness("pottery", 7, false);
        String theirs = TestData.apply(bazaar, business, List.of(venue), List.of(day), 1);
        // another woman cannot apply in her name
        apply(TestData.producer(business), bazaar, mentee, venue, day, null).statusCode(404);
        String hers = apply(TestData.producer(mentee), bazaar, mentee, venue, day, "dolls").statusCode(201)
            .body("businessId", equalTo(mentee.toString())).extract().path("id");
        apply(TestData.producer(mentee), bazaar, mentee, venue, day, null).statusCode(409)
            .body("type", org.hamcrest.Matchers.endsWith("already-applied"));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee)
            .then().body("category", equalTo("dolls"));
        // she sees her own application only
        given().auth().oauth2(TestData.producer(mentee)).get("/api/bazaar/bazaars/" + bazaar + "/applications")
            .then().statusCode(200).body("items.id", contains(hers));
        given().auth().oauth2(TestData.producer(mentee)).get("/api/bazaar/applications/" + theirs)
            .then().statusCode(404);
        given().auth().oauth2(TestData.producer(mentee)).get("/api/bazaar/applications/mine")
            .then().statusCode(200).body("items.id", contains(hers));

        TestData.move(bazaar, "ALLOCATING");
        String run = TestData.allocate(bazaar, Map.of("timeLimitSeconds", 1));
        // both without past opportunities: the head of household comes first for the one stall
        given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/assignments")
            .then().statusCode(200).body("items.businessId", contains(mentee.toString()));
        given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/waitlist")
            .then().statusCode(200).body("items.applicationId", contains(theirs));
        // once published she sees her stall, and only hers
        given().auth().oauth2(TestData.producer(mentee))
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/assignments").then().statusCode(404);
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/publish").then().statusCode(200);
        given().auth().oauth2(TestData.producer(mentee))
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/assignments")
            .then().statusCode(200).body("items", hasSize(1))
            .body("items.businessId", everyItem(equalTo(mentee.toString())));
    }

    @Test
    void herCategoryMustBeOneOfHersOrNamedWhenSheHasNone() {
        LocalDate day = TestData.today().plusDays(5);
        String venue = TestData.venue(4, 0, 0, 12);
        String bazaar = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");

        UUID undecided = eligible(UUID.randomUUID(), false, 12, List.of());
        given().auth().oauth2(TestData.producer(undecided)).header("Accept-Language", "en")
            .contentType(ContentType.JSON).body(body(undecided, venue, day, null))
            .post("/api/bazaar/bazaars/" + bazaar + "/applications")
            .then().statusCode(400).contentType("application/problem+json")
            .body("errors.find { it.field == 'category' }.message",
                equalTo("Name the category of goods she will sell"));
        apply(TestData.producer(undecided), bazaar, undecided, venue, day, "no-such-thing").statusCode(400);
        apply(TestData.producer(undecided), bazaar, undecided, venue, day, "candles").statusCode(201);

        UUID decided = eligible(UUID.randomUUID(), false, 12, List.of("pottery"));
        apply(TestData.producer(decided), bazaar, decided, venue, day, "candles").statusCode(400);
        apply(TestData.producer(decided), bazaar, decided, venue, day, null).statusCode(201);
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + decided)
            .then().body("category", equalTo("pottery"));

        // a business keeps its registered category
        UUID business = TestData.registeredBusiness("bedding", 12, false);
        apply(TestData.producer(business), bazaar, business, venue, day, "candles").statusCode(400);
    }

    @Test
    void oneWomanAppliesOnceToABazaarAndWithHerBusinessOnceSheHasOne() {
        LocalDate day = TestData.today().plusDays(6);
        String venue = TestData.venue(4, 0, 0, 3);
        String first = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        String second = TestData.bazaar("SEASONAL", day.plusDays(1), 1, List.of(venue));
        TestData.move(first, "OPEN");
        TestData.move(second, "OPEN");
        UUID person = UUID.randomUUID();
        UUID mentee = eligible(person, true, 3, List.of("candles"));
        apply(TestData.producer(mentee), first, mentee, venue, day, null).statusCode(201);

        // she registers a business: it may not apply where her campaign application stands ...
        UUID business = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", business, TestData.business(business, person, "candles", 3,
            true, "ACTIVE"));
        TestData.awaitProducer(business, "ACTIVE");
        apply(TestData.producer(business, mentee), first, business, venue, day, null).statusCode(409)
            .body("type", org.hamcrest.Matchers.endsWith("already-applied"));
        // ... and from now on she applies with her business, not as a campaign applicant
        apply(TestData.producer(business, mentee), second, mentee, venue, day.plusDays(1), null).statusCode(409)
            .body("type", org.hamcrest.Matchers.endsWith("campaign-applicant-has-business"));
        apply(TestData.producer(business, mentee), second, business, venue, day.plusDays(1), null).statusCode(201);
    }

    @Test
    void aRedeliveredEligibilityIsAppliedOnce() {
        UUID person = UUID.randomUUID();
        UUID mentee = UUID.randomUUID();
        LocalDate since = TestData.today().minusDays(1);
        String eventId = UUID.randomUUID().toString();
        TestData.sendCampaignEligible(eventId, person, TestData.campaignEligible(person, mentee, false, 9,
            List.of("macrame"), since, Days.jalali(since)));
        awaitApplicant(mentee);
        // the same event id again, with other content: skipped by the processed-event log
        TestData.sendCampaignEligible(eventId, person, TestData.campaignEligible(person, mentee, true, 10,
            List.of("pottery"), since, Days.jalali(since)));
        // a marker behind it on the same partition (same key): once it is applied, the redelivery was read
        UUID marker = UUID.randomUUID();
        TestData.sendCampaignEligible(UUID.randomUUID().toString(), person, TestData.campaignEligible(person, marker,
            false, 9, List.of(), since, Days.jalali(since)));
        awaitApplicant(marker);
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee).then()
            .body("categories", contains("macrame")).body("district", equalTo(9))
            .body("headsHousehold", equalTo(false));
    }

    @Test
    void announcedAgainAfterAMergeSheKeepsHerCategoryAndTakesHerNewPersonId() {
        LocalDate day = TestData.today().plusDays(8);
        String venue = TestData.venue(4, 0, 0, 14);
        String first = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        String second = TestData.bazaar("SEASONAL", day.plusDays(1), 1, List.of(venue));
        TestData.move(first, "OPEN");
        TestData.move(second, "OPEN");
        UUID mentee = eligible(UUID.randomUUID(), false, 14, List.of("macrame"));
        apply(TestData.producer(mentee), first, mentee, venue, day, null).statusCode(201);

        // her two records were merged: the registry announces her again under the surviving person id
        UUID survivor = UUID.randomUUID();
        LocalDate since = TestData.today().minusDays(2);
        TestData.sendCampaignEligible(UUID.randomUUID().toString(), survivor, TestData.campaignEligible(survivor,
            mentee, true, 14, List.of("pottery"), since, Days.jalali(since)));
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
            given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee).then()
                .body("categories", contains("pottery")).body("headsHousehold", equalTo(true)));
        // the category her application was made in stays until she applies again
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee).then()
            .body("category", equalTo("macrame"));
        apply(TestData.producer(mentee), second, mentee, venue, day.plusDays(1), null).statusCode(201);
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee).then()
            .body("category", equalTo("pottery"));
        // she is now the survivor: a business of the survivor's makes her apply with it
        UUID business = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", business, TestData.business(business, survivor,
            "pottery", 14, true, "ACTIVE"));
        TestData.awaitProducer(business, "ACTIVE");
        String third = TestData.bazaar("SEASONAL", day.plusDays(2), 1, List.of(venue));
        TestData.move(third, "OPEN");
        apply(TestData.producer(mentee), third, mentee, venue, day.plusDays(2), null).statusCode(409)
            .body("type", org.hamcrest.Matchers.endsWith("campaign-applicant-has-business"));
    }

    /** Sends her eligibility as the registry does at her first sale (two days ago) and waits until it is known. */
    private static UUID eligible(UUID person, boolean headsHousehold, int district, List<String> categories) {
        UUID mentee = UUID.randomUUID();
        LocalDate since = TestData.today().minusDays(2);
        TestData.sendCampaignEligible(UUID.randomUUID().toString(), person, TestData.campaignEligible(person, mentee,
            headsHousehold, district, categories, since, Days.jalali(since)));
        awaitApplicant(mentee);
        return mentee;
    }

    private static void awaitApplicant(UUID mentee) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() ->
            given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + mentee)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("kind", equalTo("CAMPAIGN")));
    }

    private static ValidatableResponse apply(String token, String bazaar, UUID applicant, String venue, LocalDate day,
            String category) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(applicant, venue, day, category))
            .post("/api/bazaar/bazaars/" + bazaar + "/applications").then();
    }

    private static Map<String, Object> body(UUID applicant, String venue, LocalDate day, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("businessId", applicant.toString());
        body.put("venuePreferences", List.of(venue));
        body.put("days", List.of(day.toString()));
        body.put("stalls", 1);
        if (category != null) {
            body.put("category", category);
        }
        return body;
    }
}
