package ir.tehran.womenfamily.sponsorship.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.sponsorship.sponsorview.SponsorFeed;
import ir.tehran.womenfamily.sponsorship.sponsorview.SponsorFeedRecorder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The shared HTTP conventions as this service answers them: cursor pages with {@code Link}, conditional GETs,
 * replayable creates, and the sponsor's delta feed with tombstones.
 */
@QuarkusTest
class SponsorshipConventionsTest {

    @Inject
    SponsorFeedRecorder recorder;

    @Inject
    AgroalDataSource dataSource;

    private static final String API = "/api/sponsorship";

    @Test
    void aKeysetListIsPagedWithANextCursorAndALinkToTheNextPage() {
        UUID sponsor = Sponsors.newBenefactor("خیر صفحه", null);
        UUID first = Sponsors.propose(sponsor, RegistryFeed.newChild(9, "FEMALE", 6), "EDUCATION", 1_000_000);
        UUID second = Sponsors.propose(sponsor, RegistryFeed.newChild(9, "MALE", 6), "COURSE", 1_000_000);
        ExtractableResponse<Response> page1 = given().auth().oauth2(Tokens.officer())
            .queryParam("sponsorId", sponsor).queryParam("limit", 1).get(API + "/pledges").then().statusCode(200)
            .body("items", hasSize(1)).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("total")))
            .extract();
        assertNotNull(page1.<String>path("nextCursor"));
        String link = page1.header("Link");
        assertNotNull(link, "a page with a next page links to it");
        assertEquals(true, link.endsWith(">; rel=\"next\""), link);
        String url = link.substring(1, link.indexOf('>'));
        assertEquals(true, url.contains("sponsorId=" + sponsor) && url.contains("limit=1"), url);
        ExtractableResponse<Response> page2 = given().auth().oauth2(Tokens.officer()).urlEncodingEnabled(false)
            .get(url).then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue()).extract();
        assertNull(page2.header("Link"), "the last page has no next link");
        // latest proposed first, and each pledge once
        assertEquals(List.of(second.toString(), first.toString()),
            List.of(page1.<String>path("items[0].id"), page2.<String>path("items[0].id")));

        given().auth().oauth2(Tokens.officer()).queryParam("cursor", "not*a*cursor").get(API + "/pledges").then()
            .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("cursor"));
    }

    @Test
    void aSmallListHeldInMemoryIsPagedTheSameWay() {
        UUID pledge = Sponsors.sponsor(Sponsors.newBenefactor("خیر دفتر", null), RegistryFeed.newChild(10, "MALE", 6),
            "EDUCATION", 3_000_000);
        Sponsors.receive(pledge, 1_000_000);
        Sponsors.receive(pledge, 1_000_000);
        String ledger = API + "/pledges/" + pledge + "/ledger";
        ExtractableResponse<Response> page1 = given().auth().oauth2(Tokens.officer()).queryParam("limit", 2)
            .get(ledger).then().statusCode(200)
            .body("items.kind", org.hamcrest.Matchers.contains("PLEDGED", "RECEIVED"))
            .header("Link", containsString("rel=\"next\"")).extract();
        given().auth().oauth2(Tokens.officer()).queryParam("limit", 2)
            .queryParam("cursor", page1.<String>path("nextCursor"))
            .get(ledger).then().statusCode(200).body("items.kind", org.hamcrest.Matchers.contains("RECEIVED"))
            .body("nextCursor", nullValue());
    }

    @Test
    void aReadIsRevalidatedWithItsETag() {
        UUID pledge = Sponsors.propose(Sponsors.newBenefactor("خیر نسخه", null), RegistryFeed.newChild(8, "FEMALE", 6),
            "EDUCATION", 1_000_000);
        String etag = given().auth().oauth2(Tokens.officer()).get(API + "/pledges/" + pledge).then().statusCode(200)
            .extract().header("ETag");
        assertNotNull(etag);
        given().auth().oauth2(Tokens.officer()).header("If-None-Match", etag).get(API + "/pledges/" + pledge).then()
            .statusCode(304);
        given().auth().oauth2(Tokens.officer()).post(API + "/pledges/" + pledge + "/confirmation").then()
            .statusCode(200);
        given().auth().oauth2(Tokens.officer()).header("If-None-Match", etag).get(API + "/pledges/" + pledge).then()
            .statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aCreateRetriedWithTheSameIdempotencyKeyIsAnsweredOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"kind\":\"PERSON\",\"displayName\":\"خیر تکرار " + key.substring(0, 8) + "\"}";
        ExtractableResponse<Response> first = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .header("Idempotency-Key", key).body(body).post(API + "/benefactors").then().statusCode(201).extract();
        ExtractableResponse<Response> again = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .header("Idempotency-Key", key).body(body).post(API + "/benefactors").then().statusCode(201)
            .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.<String>path("id"), again.<String>path("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        given().auth().oauth2(Tokens.officer()).queryParam("q", "خیر تکرار " + key.substring(0, 8))
            .get(API + "/benefactors").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(body.replace("PERSON", "ORGANISATION")).post(API + "/benefactors").then().statusCode(422)
            .contentType("application/problem+json");

        UUID sponsor = Sponsors.newBenefactor("خیر تکرار", null);
        String pledge = Sponsors.pledgeBody(sponsor, RegistryFeed.newChild(9, "FEMALE", 6), "EDUCATION", "ONE_OFF",
            1_000_000, null);
        String pledgeKey = UUID.randomUUID().toString();
        String id = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .header("Idempotency-Key", pledgeKey).body(pledge).post(API + "/pledges").then().statusCode(201)
            .extract().path("id");
        // without the key, the same proposal again is refused (the child is held); with it, it is the first answer
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("Idempotency-Key", pledgeKey)
            .body(pledge).post(API + "/pledges").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void theSponsorsFeedSendsChangesAndTombstonesThatSayNothingOfWhySheLostAChild() {
        UUID ending = RegistryFeed.newChild(12, "FEMALE", 6);
        UUID suspending = RegistryFeed.newChild(12, "MALE", 6);
        UUID staying = RegistryFeed.newChild(12, "FEMALE", 6);
        UUID sponsor = Sponsors.newBenefactor("خیر همگام", null);
        UUID ended = Sponsors.sponsor(sponsor, ending, "EDUCATION", 1_000_000);
        UUID suspended = Sponsors.sponsor(sponsor, suspending, "EDUCATION", 1_000_000);
        UUID kept = Sponsors.sponsor(sponsor, staying, "EDUCATION", 1_000_000);
        String token = Tokens.sponsor(sponsor);
        // the feed's bookkeeping is kept in the background (SponsorFeedRecorder), never by a read
        recorder.recordAll();

        ExtractableResponse<Response> all = given().auth().oauth2(token).get(API + "/me/children").then()
            .statusCode(200).body("items", hasSize(3)).body("deleted", hasSize(0)).extract();
        String children = all.path("syncToken");
        String sponsorships = given().auth().oauth2(token).get(API + "/me/sponsorships").then().statusCode(200)
            .body("items", hasSize(3)).extract().path("syncToken");
        // nothing changed: nothing to send
        given().auth().oauth2(token).queryParam("updatedSince", children).get(API + "/me/children").then()
            .statusCode(200).body("items", hasSize(0)).body("deleted", hasSize(0));
        given().auth().oauth2(token).queryParam("updatedSince", sponsorships).get(API + "/me/sponsorships").then()
            .statusCode(200).body("items", hasSize(0));
        String endingCode = code(token, ended);
        String suspendedCode = code(token, suspended);
        assertNotEquals(endingCode, suspendedCode);

        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"reason\":\"SPONSOR_WITHDREW\"}")
            .post(API + "/pledges/" + ended + "/end").then().statusCode(200);
        UUID mother = UUID.fromString(given().auth().oauth2(Tokens.officer()).get(API + "/children/" + suspending)
            .then().statusCode(200).extract().path("motherId"));
        RegistryFeed.sponsorshipConsent(mother, false);
        // bounded wait for the consumer of the registry's consent event, not a timing assertion
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get(API + "/pledges/" + suspended).then()
                .body("status", equalTo("SUSPENDED")));
        Sponsors.receive(kept, 500_000);
        // not sent before the changes are recorded
        given().auth().oauth2(token).queryParam("updatedSince", children).get(API + "/me/children").then()
            .statusCode(200).body("items", hasSize(0)).body("deleted", hasSize(0));
        recorder.recordAll();

        ExtractableResponse<Response> delta = given().auth().oauth2(token).queryParam("updatedSince", children)
            .get(API + "/me/children").then().statusCode(200)
            .body("items", hasSize(0))
            .body("deleted.id", containsInAnyOrder(endingCode, suspendedCode)).extract();
        List<Map<String, Object>> tombstones = delta.path("deleted");
        for (Map<String, Object> t : tombstones) {
            assertEquals(Set.of("id", "deletedAt"), t.keySet(), "a tombstone carries no reason");
        }
        given().auth().oauth2(token).queryParam("updatedSince", delta.<String>path("syncToken"))
            .get(API + "/me/children")
            .then().statusCode(200).body("items", hasSize(0)).body("deleted", hasSize(0));

        ExtractableResponse<Response> changed = given().auth().oauth2(token)
            .queryParam("updatedSince", sponsorships).get(API + "/me/sponsorships").then().statusCode(200)
            .body("items.id", containsInAnyOrder(ended.toString(), suspended.toString(), kept.toString()))
            .body("deleted", hasSize(0)).extract();
        Map<String, Object> end = changed.path("items.find { it.id == '" + ended + "' }");
        Map<String, Object> suspension = changed.path("items.find { it.id == '" + suspended + "' }");
        assertEquals("ENDED", end.get("status"));
        assertEquals("ENDED", suspension.get("status"), "a suspension shows as an end");
        assertEquals(end.keySet(), suspension.keySet());
        assertNotNull(suspension.get("endedAt"));
        assertEquals(500_000, ((Map<?, ?>) changed.path("items.find { it.id == '" + kept + "' }.balances"))
            .get("receivedRials"));
    }

    /** The sponsor's code for the child of one of her pledges. */
    private static String code(String token, UUID pledge) {
        return given().auth().oauth2(token).get(API + "/me/sponsorships/" + pledge).then().statusCode(200)
            .extract().path("childCode");
    }

    @Test
    void aReadOfTheFeedWritesNothingAndTombstonesPastTheWindowArePruned() throws Exception {
        UUID child = RegistryFeed.newChild(11, "FEMALE", 6);
        UUID sponsor = Sponsors.newBenefactor("خیر خوانا", null);
        Sponsors.sponsor(sponsor, child, "EDUCATION", 1_000_000);
        String token = Tokens.sponsor(sponsor);
        given().auth().oauth2(token).get(API + "/me/children").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(token).get(API + "/me/sponsorships").then().statusCode(200).body("items", hasSize(1));
        assertEquals(0, count("select count(*) from sponsor_feed_item where sponsor_id = '" + sponsor + "'"),
            "a read records nothing");
        recorder.recordAll();
        assertEquals(2, count("select count(*) from sponsor_feed_item where sponsor_id = '" + sponsor + "'"));

        // a tombstone older than the window goes; a sync from before the window is told to start again
        UUID old = UUID.randomUUID();
        execute("insert into sponsor_feed_tombstone (sponsor_id, feed, item_key, deleted_at) values ('" + old
            + "', 'CHILDREN', 'OLD-1', now() - interval '91 days'), ('" + old
            + "', 'CHILDREN', 'NEW-1', now() - interval '1 day')");
        feed.prune();
        assertEquals(1, count("select count(*) from sponsor_feed_tombstone where sponsor_id = '" + old + "'"));
        given().auth().oauth2(token).header("Accept-Language", "en")
            .queryParam("updatedSince", java.time.Instant.now().minus(Duration.ofDays(91)).toString())
            .get(API + "/me/children").then().statusCode(410).contentType("application/problem+json")
            .body("type", containsString("sponsor-feed-sync-expired"));
    }

    @Inject
    SponsorFeed feed;

    private long count(String sql) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
