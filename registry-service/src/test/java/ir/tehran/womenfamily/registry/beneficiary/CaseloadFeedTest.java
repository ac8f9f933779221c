package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import ir.tehran.womenfamily.registry.RegistryApi;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The caseload delta feed a mobile caseworker app syncs from: what changed in her caseload since her last sync,
 * and tombstones ({@code {id, deletedAt}} only) for the women who left her sight, shown to nobody who never saw
 * them.
 */
@QuarkusTest
class CaseloadFeedTest {

    private static final String FEED = BENEFICIARIES + "/caseload";

    @Inject
    Caseload caseload;

    @Inject
    EntityManager em;

    /** Every page of one sync: the items, the tombstones and the last page's sync token. */
    private record Sync(List<Map<String, Object>> items, List<Map<String, Object>> deleted, String token) {

        List<String> itemIds() {
            return items.stream().map(i -> (String) i.get("id")).toList();
        }

        List<String> deletedIds() {
            return deleted.stream().map(i -> (String) i.get("id")).toList();
        }
    }

    private static Sync sync(String token, String since) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> deleted = new ArrayList<>();
        String cursor = null;
        String syncToken;
        int pages = 0;
        do {
            var request = as(token).queryParam("limit", 200);
            if (since != null) {
                request.queryParam("updatedSince", since);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(FEED).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            deleted.addAll(page.getList("deleted"));
            cursor = page.getString("nextCursor");
            syncToken = page.getString("syncToken");
            pages++;
        } while (cursor != null && pages < 50);
        return new Sync(items, deleted, syncToken);
    }

    /** The open duplicate pair of these two records, read page by page from the review queue. */
    private static String pairOf(String admin, String a, String b) {
        String cursor = null;
        do {
            var request = as(admin).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/registry/duplicates").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> c : page.<Map<String, Object>>getList("items")) {
                if (Set.of(a, b).equals(Set.of(c.get("firstId"), c.get("secondId")))) {
                    return (String) c.get("id");
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("pair not queued");
    }

    private static String etag(String token, String woman) {
        return as(token).get(BENEFICIARIES + "/" + woman).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void aSyncBringsTheChangedWomenAndTombstonesOnlyForThoseWhoSawHerLeave() {
        String admin = RegistryApi.admin();
        String cw = RegistryApi.caseworker("cw-feed-9", 9);
        String changed = RegistryApi.register(admin, "مهری", "کاظمی", 9);
        String moving = RegistryApi.register(admin, "ناهید", "صفری", 9);

        Sync first = sync(cw, null);
        assertTrue(first.itemIds().containsAll(List.of(changed, moving)), "the first sync is her whole caseload");
        assertTrue(first.deleted().isEmpty(), "no tombstones without updatedSince");
        assertNotNull(first.token());

        as(admin).header("If-Match", etag(admin, changed)).body("{\"address\":\"خیابان ولیعصر\"}")
            .patch(BENEFICIARIES + "/" + changed).then().statusCode(200);
        as(admin).header("If-Match", etag(admin, moving)).body("{\"district\":10}")
            .patch(BENEFICIARIES + "/" + moving).then().statusCode(200);

        Sync next = sync(cw, first.token());
        assertTrue(next.itemIds().contains(changed), "the changed woman comes again");
        assertFalse(next.itemIds().contains(moving), "the woman who moved away is no longer hers");
        assertEquals(1, next.deletedIds().stream().filter(moving::equals).count(), next.deleted().toString());
        Map<String, Object> tombstone = next.deleted().stream().filter(t -> moving.equals(t.get("id"))).findFirst()
            .orElseThrow();
        assertEquals(Set.of("id", "deletedAt"), tombstone.keySet(), "a tombstone says nothing of why she left");

        // a caseworker who never saw her learns nothing; the one of her new district gets her as a change
        Sync stranger = sync(RegistryApi.caseworker("cw-feed-11", 11), first.token());
        assertFalse(stranger.deletedIds().contains(moving));
        assertFalse(stranger.itemIds().contains(moving));
        Sync newDistrict = sync(RegistryApi.caseworker("cw-feed-10", 10), first.token());
        assertTrue(newDistrict.itemIds().contains(moving));
        assertFalse(newDistrict.deletedIds().contains(moving));
    }

    @Test
    void aWomanMergedIntoAnotherIsATombstoneThatLooksLikeAnyOther() {
        String admin = RegistryApi.admin();
        String cw = RegistryApi.caseworker("cw-feed-12", 12);
        String woman = "\"firstName\":\"پری\",\"lastName\":\"زمانی" + System.nanoTime() % 100000
            + "\",\"district\":12,\"birthDate\":\"1360-01-01\"";
        String loser = RegistryApi.register(admin, woman);
        String survivor = RegistryApi.register(admin, woman);
        String since = sync(cw, null).token();
        String pair = pairOf(admin, loser, survivor);
        as(admin).body("{\"survivorId\":\"" + survivor + "\"}")
            .header("If-Match", RegistryApi.pairVersion(admin, pair, "OPEN"))
            .post("/api/registry/duplicates/" + pair + "/merge").then().statusCode(200);

        Sync after = sync(cw, since);
        assertTrue(after.deletedIds().contains(loser), after.deleted().toString());
        assertFalse(after.itemIds().contains(loser));
        assertFalse(after.deletedIds().contains(survivor));
        Map<String, Object> tombstone = after.deleted().stream().filter(t -> loser.equals(t.get("id"))).findFirst()
            .orElseThrow();
        assertEquals(Set.of("id", "deletedAt"), tombstone.keySet());
    }

    @Test
    void pagesFollowTheLinkAndTheCursorHoldsNoName() {
        String admin = RegistryApi.admin();
        String cw = RegistryApi.caseworker("cw-feed-13", 13);
        for (int i = 0; i < 3; i++) {
            RegistryApi.register(admin, "فرشته", "یگانه", 13);
        }
        Response first = as(cw).queryParam("limit", 2).get(FEED).then().statusCode(200).extract().response();
        String cursor = first.jsonPath().getString("nextCursor");
        assertNotNull(cursor);
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(cursor),
            java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(decoded.contains("فرشته") || decoded.contains("یگانه"), decoded);
        String link = first.header("Link");
        assertNotNull(link);
        assertTrue(link.contains("rel=\"next\"") && link.contains("cursor="), link);
        Map<String, Object> params = new HashMap<>();
        params.put("limit", 2);
        params.put("cursor", cursor);
        JsonPath second = as(cw).queryParams(params).get(FEED).then().statusCode(200).extract().jsonPath();
        assertFalse(second.getList("items.id").stream().anyMatch(first.jsonPath().getList("items.id")::contains));
    }

    @Test
    void aSyncOlderThanTheTombstonesIsA410AndOldTombstonesAreDeleted() {
        String cw = RegistryApi.caseworker("cw-feed-old", 3);
        as(cw).queryParam("updatedSince", Instant.now().minus(Duration.ofDays(91)).toString()).get(FEED).then()
            .statusCode(410).contentType("application/problem+json");
        as(cw).queryParam("updatedSince", Instant.now().minus(Duration.ofDays(89)).toString()).get(FEED).then()
            .statusCode(200);

        UUID old = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into caseload_tombstone "
                + "(record_id, left_at, district) values (?, now() - interval '91 days', 3)")
            .setParameter(1, old).executeUpdate());
        assertTrue(caseload.expire() >= 1);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
            "select count(*) from caseload_tombstone where record_id = ?").setParameter(1, old).getSingleResult())
            .longValue()));
    }

    @Test
    void aMalformedUpdatedSinceIsA400NamingIt() {
        as(RegistryApi.caseworker("cw-feed-x", 3)).queryParam("updatedSince", "yesterday").get(FEED).then()
            .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("updatedSince"));
    }
}
