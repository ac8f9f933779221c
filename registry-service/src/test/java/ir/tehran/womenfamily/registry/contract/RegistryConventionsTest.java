package ir.tehran.womenfamily.registry.contract;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

/**
 * The shared HTTP conventions as the registry answers them: lists in pages with {@code Link: rel="next"},
 * conditional reads ({@code If-None-Match} → 304), updates that require {@code If-Match} (428, 412) and creates
 * that a retry with the same {@code Idempotency-Key} does not repeat.
 */
@QuarkusTest
class RegistryConventionsTest {

    private final String admin = RegistryApi.admin();

    private String child(String mother, String name) {
        return as(admin).body("{\"firstName\":\"" + name + "\",\"lastName\":\"کاوه\",\"birthDate\":\"1398-01-01\","
                + "\"gender\":\"FEMALE\"}")
            .post(BENEFICIARIES + "/" + mother + "/children").then().statusCode(201).extract().path("id");
    }

    @Test
    void aListComesInPagesLinkedByRelNext() {
        String mother = RegistryApi.register(admin, "لیلا", "کاوه", 8);
        List<String> children = List.of(child(mother, "سارا"), child(mother, "مینا"), child(mother, "نرگس"));

        Response first = as(admin).queryParam("limit", 2).get(BENEFICIARIES + "/" + mother + "/children").then()
            .statusCode(200).body("items", hasSize(2)).extract().response();
        String next = first.jsonPath().getString("nextCursor");
        assertNotNull(next);
        String link = first.header("Link");
        assertNotNull(link, "a page with a next one links it");
        assertTrue(link.endsWith(">; rel=\"next\""), link);
        URI target = URI.create(link.substring(1, link.indexOf('>')));
        assertTrue(target.getQuery().contains("limit=2") && target.getQuery().contains("cursor="), link);

        Response second = as(admin).get(target.getPath() + "?" + target.getRawQuery()).then().statusCode(200)
            .body("items", hasSize(1)).body("nextCursor", nullValue()).extract().response();
        assertNull(second.header("Link"), "the last page links nothing");
        List<String> read = new ArrayList<>(first.jsonPath().getList("items.id"));
        read.addAll(second.jsonPath().getList("items.id"));
        assertEquals(3, read.size());
        assertEquals(new java.util.HashSet<>(children), new java.util.HashSet<>(read), "every child once");

        as(admin).queryParam("cursor", "bm90LWEtY3Vyc29y").get(BENEFICIARIES + "/" + mother + "/children").then()
            .statusCode(400).body("errors.field", hasItem("cursor"));
        as(admin).queryParam("limit", 0).get(BENEFICIARIES + "/" + mother + "/children").then()
            .statusCode(400).body("errors.field", hasItem("limit"));
    }

    @Test
    void aLongListPagesByKeysetWithoutRepeats() {
        String cw = RegistryApi.caseworker("cw-keyset", 21);
        for (int i = 0; i < 3; i++) {
            String owner = RegistryApi.register(cw, "زهرا", "کلیدی" + i, 21);
            as(cw).body("{\"ownerBeneficiaryId\":\"" + owner + "\",\"name\":\"گلیم " + i
                    + "\",\"category\":\"macrame\"}").post("/api/registry/businesses").then().statusCode(201);
        }
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(cw).queryParam("district", 21).queryParam("category", "macrame").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/registry/businesses").then().statusCode(200).extract().jsonPath();
            for (Object id : page.getList("items.id")) {
                assertFalse(seen.contains(id), "repeated " + id);
                seen.add(id);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null && ++pages < 100);
        assertTrue(seen.size() >= 3 && pages >= 1, seen.toString());
        // the filter takes the category as the document and the answers spell it
        as(cw).queryParam("category", "spaceships").get("/api/registry/businesses").then().statusCode(400)
            .body("errors.field", hasItem("category"));
    }

    @Test
    void aReadIsRevalidatedWith304UntilItChanges() {
        String woman = RegistryApi.register(admin, "پروانه", "سپهری", 8);
        String path = BENEFICIARIES + "/" + woman;
        String etag = RegistryApi.etag(admin, path);
        Response same = as(admin).header("If-None-Match", etag).get(path);
        assertEquals(304, same.statusCode());
        assertEquals("", same.body().asString());
        assertEquals(etag, same.header("ETag"));

        as(admin).header("If-Match", etag).body("{\"address\":\"خیابان آزادی\"}").patch(path).then().statusCode(200);
        as(admin).header("If-None-Match", etag).get(path).then().statusCode(200)
            .body("address", equalTo("خیابان آزادی"));

        String child = child(woman, "آوا");
        String childPath = path + "/children/" + child;
        as(admin).header("If-None-Match", RegistryApi.etag(admin, childPath)).get(childPath).then().statusCode(304);
        String consent = as(admin)
            .body("{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"1403-01-20\",\"channel\":\"PAPER\"}")
            .post(path + "/consents").then().statusCode(201).extract().path("id");
        String consentPath = path + "/consents/" + consent;
        as(admin).header("If-None-Match", RegistryApi.etag(admin, consentPath)).get(consentPath).then()
            .statusCode(304);
    }

    @Test
    void anUpdateWithoutIfMatchIs428AndAStaleOneIs412() {
        String cw = RegistryApi.caseworker("cw-if-match", 8);
        String woman = RegistryApi.register(cw, "شیرین", "نوری", 8);
        String path = BENEFICIARIES + "/" + woman;
        String stale = RegistryApi.etag(cw, path);
        as(cw).header("If-Match", stale).body("{\"address\":\"کوچه ۱\"}").patch(path).then().statusCode(200);

        as(cw).body("{\"address\":\"کوچه ۲\"}").patch(path).then().statusCode(428)
            .contentType("application/problem+json");
        as(cw).header("If-Match", stale).body("{\"address\":\"کوچه ۲\"}").patch(path).then().statusCode(412);
        for (Map.Entry<String, String> move : Map.of("/status", "{\"status\":\"ACTIVE\"}",
                "/support-level", "{\"supportLevel\":\"TRAINING\",\"reason\":\"sewing\"}").entrySet()) {
            as(cw).body(move.getValue()).post(path + move.getKey()).then().statusCode(428);
            as(cw).header("If-Match", stale).body(move.getValue()).post(path + move.getKey()).then().statusCode(412);
            as(cw).header("If-Match", RegistryApi.etag(cw, path)).body(move.getValue()).post(path + move.getKey())
                .then().statusCode(200);
        }

        // her case: opened without one, reassigned only with the case's ETag
        String casePath = path + "/case";
        as(admin).body("{\"assignee\":\"cw-one\"}").put(casePath + "/assignee").then().statusCode(200);
        String caseTag = RegistryApi.etag(admin, casePath);
        as(admin).body("{\"assignee\":\"cw-two\"}").put(casePath + "/assignee").then().statusCode(428);
        as(admin).header("If-Match", caseTag).body("{\"assignee\":\"cw-two\"}").put(casePath + "/assignee").then()
            .statusCode(200).body("assignedTo", equalTo("cw-two"));
        as(admin).header("If-Match", caseTag).body("{\"assignee\":\"cw-three\"}").put(casePath + "/assignee").then()
            .statusCode(412);
    }

    @Test
    void aCreateRetriedWithTheSameIdempotencyKeyIsAnsweredOnce() {
        String woman = RegistryApi.register(admin, "مهتاب", "کرمانی", 8);
        String key = UUID.randomUUID().toString();
        String body = "{\"purpose\":\"BAZAAR_PUBLICATION\",\"givenOn\":\"1403-02-01\",\"channel\":\"PAPER\"}";
        Response first = as(admin).header("Idempotency-Key", key).body(body)
            .post(BENEFICIARIES + "/" + woman + "/consents");
        Response again = as(admin).header("Idempotency-Key", key).body(body)
            .post(BENEFICIARIES + "/" + woman + "/consents");
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        as(admin).get(BENEFICIARIES + "/" + woman + "/consents").then().statusCode(200).body("items", hasSize(1));
        as(admin).header("Idempotency-Key", key).body(body.replace("1403-02-01", "1403-02-02"))
            .post(BENEFICIARIES + "/" + woman + "/consents").then().statusCode(422);

        String referralKey = UUID.randomUUID().toString();
        String referral = "{\"direction\":\"IN\",\"agency\":{\"kind\":\"WELFARE_ORGANISATION\"}}";
        String a = as(admin).header("Idempotency-Key", referralKey).body(referral)
            .post(BENEFICIARIES + "/" + woman + "/referrals").then().statusCode(201).extract().path("id");
        String b = as(admin).header("Idempotency-Key", referralKey).body(referral)
            .post(BENEFICIARIES + "/" + woman + "/referrals").then().statusCode(201).extract().path("id");
        assertEquals(a, b);
        as(admin).get(BENEFICIARIES + "/" + woman + "/referrals").then().body("items", hasSize(1));
    }
}
