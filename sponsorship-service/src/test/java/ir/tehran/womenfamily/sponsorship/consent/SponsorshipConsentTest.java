package ir.tehran.womenfamily.sponsorship.consent;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * A child is matched, proposed and shown to a sponsor only while her mother consents to sponsorship (the
 * registry's SPONSORSHIP consent, learnt from its consent events). Every sponsor here prefers district 21 and age
 * 17, which no other test uses.
 */
@QuarkusTest
class SponsorshipConsentTest {

    private static final String PREFS = "{\"districts\":[21],\"minAge\":17,\"maxAge\":17}";

    @Test
    void aChildWhoseMotherHasNotConsentedIsNeitherMatchedNorProposed() {
        UUID without = RegistryFeed.newChildren(1, 17, "FEMALE", 21, false).get(0);
        UUID with = RegistryFeed.newChild(17, "FEMALE", 21);
        UUID sponsor = Sponsors.newBenefactor("خیر رضایت", PREFS);

        List<String> offered = candidates(sponsor, "EDUCATION");
        org.hamcrest.MatcherAssert.assertThat(offered, hasItem(with.toString()));
        org.hamcrest.MatcherAssert.assertThat(offered, not(hasItem(without.toString())));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(Sponsors.pledgeBody(sponsor, without, "EDUCATION", "ONE_OFF", 1_000_000, null))
            .post("/api/sponsorship/pledges").then().statusCode(409)
            .contentType("application/problem+json")
            .body("type", endsWith("consent-required"));
    }

    @Test
    void aRevocationTakesEffectOnceTheRegistrysEventIsConsumed() {
        UUID child = RegistryFeed.newChild(17, "MALE", 21);
        UUID sponsor = Sponsors.newBenefactor("خیر پس‌گرفتن", PREFS);
        UUID pledge = Sponsors.sponsor(sponsor, child, "EDUCATION", 2_000_000);
        String token = Tokens.sponsor(sponsor);
        given().auth().oauth2(token).get("/api/sponsorship/me/children").then().statusCode(200)
            .body("items", hasSize(1));
        UUID mother = UUID.fromString(given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child)
            .then().statusCode(200).extract().path("motherId"));

        RegistryFeed.sponsorshipConsent(mother, false);
        // bounded wait for the consumer, not a timing assertion (the latency is measured in docs/RELIABILITY.md)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            given().auth().oauth2(token).get("/api/sponsorship/me/children").then().statusCode(200)
                .body("items", hasSize(0)));
        given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships/" + pledge).then().statusCode(200)
            .body("childFirstNameInitial", nullValue());
        org.hamcrest.MatcherAssert.assertThat(candidates(sponsor, "COURSE"), not(hasItem(child.toString())));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(Sponsors.pledgeBody(sponsor, child, "COURSE", "ONE_OFF", 1_000_000, null))
            .post("/api/sponsorship/pledges").then().statusCode(409)
            .body("type", endsWith("consent-required"));
    }

    private static List<String> candidates(UUID sponsor, String purpose) {
        return given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", sponsor).queryParam("purpose", purpose)
            .queryParam("limit", 100).get("/api/sponsorship/matching/candidates").then().statusCode(200)
            .extract().jsonPath().getList("items.childId");
    }
}
