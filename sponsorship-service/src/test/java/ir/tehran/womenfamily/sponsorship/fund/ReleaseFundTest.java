package ir.tehran.womenfamily.sponsorship.fund;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The campaign fund to free imprisoned mothers: benefactors' contributions and the registry's draws move the
 * ledger, each draw is paid once and never beyond the balance, the books reconcile, and the events carry amounts
 * and opaque draw ids only.
 */
@QuarkusTest
class ReleaseFundTest {

    private static final String API = "/api/sponsorship/release-fund";
    private static final String TOPIC = "sponsorship.release-fund";

    private static long balance() {
        return given().auth().oauth2(Tokens.officer()).get(API).then().statusCode(200).extract()
            .jsonPath().getLong("balanceRials");
    }

    private static List<Map<String, Object>> entriesOf(UUID drawId) {
        return given().auth().oauth2(Tokens.officer()).queryParam("limit", 100).get(API + "/ledger").then()
            .statusCode(200).extract().jsonPath().getList("items.findAll { it.drawId == '" + drawId + "' }");
    }

    private static void draw(UUID key, UUID drawId, long amount) {
        RegistryFeed.send("registry.release-fund", key.toString(), "release-fund.draw-requested",
            "{\"drawId\":\"" + drawId + "\",\"amountRials\":" + amount + "}");
    }

    private static JsonNode event(String type, UUID drawId) throws Exception {
        EventProbe.Message m = RegistryFeed.probe().await(TOPIC, r -> ("ir.tehran.womenfamily.sponsorship." + type)
            .equals(r.ce("type")) && r.value().contains(drawId.toString()), Duration.ofSeconds(30));
        return new ObjectMapper().readTree(m.value());
    }

    @Test
    void benefactorsGiveTheRegistryDrawsOnceAndNeverBeyondTheBalance() throws Exception {
        UUID benefactor = Sponsors.newBenefactor("نیکوکار آزادی مادران", null);
        long before = balance();
        String fundId = given().auth().oauth2(Tokens.officer()).get(API).then().extract().path("id");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"benefactorId\":\"" + benefactor + "\",\"amountRials\":3000000000,\"receivedOn\":\"1404-07-01\","
                + "\"note\":\"نذر\"}")
            .post(API + "/contributions").then().statusCode(201)
            .body("kind", equalTo("CONTRIBUTED"))
            .body("benefactorId", equalTo(benefactor.toString()))
            .body("occurredOnJalali", equalTo("1404-07-01"));
        assertEquals(before + 3_000_000_000L, balance());
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"benefactorId\":\"" + UUID.randomUUID() + "\",\"amountRials\":1}")
            .post(API + "/contributions").then().statusCode(400);

        UUID first = UUID.randomUUID();
        draw(first, first, 1_000_000_000L);
        JsonNode paid = event("release-fund.changed", first);
        assertEquals(fundId, paid.path("fundId").asText());
        assertEquals(1_000_000_000L, paid.path("drawnAmountRials").asLong());
        assertFalse(paid.has("benefactorId"), "no benefactor in the fund's events");
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesOf(first).size() == 1);

        // the same draw again (a redelivery), then another behind it in the same partition: paid once
        draw(first, first, 1_000_000_000L);
        UUID second = UUID.randomUUID();
        draw(first, second, 5L);
        event("release-fund.changed", second);
        assertEquals(1, entriesOf(first).size());
        assertEquals("DRAWN", entriesOf(first).get(0).get("kind"));

        // a draw beyond the balance is refused, and nothing is paid
        UUID tooMuch = UUID.randomUUID();
        long balance = balance();
        draw(tooMuch, tooMuch, balance + 1);
        JsonNode refused = event("release-fund.draw-refused", tooMuch);
        assertEquals(balance + 1, refused.path("amountRials").asLong());
        assertEquals(balance, refused.path("balanceRials").asLong());
        assertTrue(entriesOf(tooMuch).isEmpty());
        assertEquals(balance, balance());

        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/ledger/reconciliation").then().statusCode(200)
            .body("discrepancies.findAll { it.fundId != null }", empty());
        given().auth().oauth2(Tokens.caseworker()).get(API).then().statusCode(403);
    }
}
