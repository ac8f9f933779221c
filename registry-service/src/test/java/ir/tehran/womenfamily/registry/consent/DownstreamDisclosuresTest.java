package ir.tehran.womenfamily.registry.consent;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/**
 * What the bazaar and sponsorship report having shared of a woman ({@code disclosure.recorded} on their
 * {@code *.disclosure} topics) is listed in her disclosure log, once per reported share.
 */
@QuarkusTest
class DownstreamDisclosuresTest {

    @Test
    void aShareReportedBySponsorshipIsListedWithItsServiceRecipientAndTime() {
        String id = Women.register();
        String consent = ConsentResourceTest.give(id, "{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-20\","
            + "\"channel\":\"SMS\"}");
        UUID share = UUID.randomUUID();
        UUID pledge = UUID.randomUUID();
        report("sponsorship.disclosure", UUID.randomUUID().toString(), id, share, "SPONSORSHIP", consent,
            "child-proposed", "sponsor", pledge.toString());

        Map<String, Object> row = awaitRow(id, share);
        assertEquals("sponsorship", row.get("service"));
        assertEquals("SPONSORSHIP", row.get("purpose"));
        assertEquals(consent, row.get("consentId"));
        assertEquals("child-proposed", row.get("what"));
        assertEquals("sponsor", row.get("recipient"));
        assertEquals(pledge.toString(), row.get("reference"));
    }

    @Test
    void theSameReportTwiceIsOneRow() {
        String id = Women.register();
        String consent = ConsentResourceTest.give(id, "{\"purpose\":\"BAZAAR_PUBLICATION\",\"givenOn\":\"2024-03-20\","
            + "\"channel\":\"SMS\"}");
        UUID share = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        // the same event delivered twice, and the same share reported again under another event id
        report("bazaar.disclosure", eventId, id, share, "BAZAAR_PUBLICATION", consent, "producer-listed",
            "partner-app:bazaar-guide", null);
        report("bazaar.disclosure", eventId, id, share, "BAZAAR_PUBLICATION", consent, "producer-listed",
            "partner-app:bazaar-guide", null);
        report("bazaar.disclosure", UUID.randomUUID().toString(), id, share, "BAZAAR_PUBLICATION", consent,
            "producer-listed", "partner-app:bazaar-guide", null);
        // a later share of hers, on the same partition (her id is the key): once it is listed, the three are read
        UUID later = UUID.randomUUID();
        report("bazaar.disclosure", UUID.randomUUID().toString(), id, later, "BAZAAR_PUBLICATION", consent,
            "producer-listed", "partner-app:other-guide", null);
        awaitRow(id, later);

        List<Map<String, Object>> rows = disclosures(id).getList("items");
        assertEquals(1, rows.stream().filter(r -> share.toString().equals(r.get("id"))).count(), rows.toString());
        assertEquals(2, rows.size(), rows.toString());
    }

    private static Map<String, Object> awaitRow(String id, UUID share) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> disclosures(id).getList("items.id").contains(share.toString()));
        List<Map<String, Object>> rows = disclosures(id).getList("items");
        return rows.stream().filter(r -> share.toString().equals(r.get("id"))).findFirst().orElseThrow();
    }

    private static JsonPath disclosures(String id) {
        return given().auth().oauth2(RegistryApi.admin()).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200).extract().jsonPath();
    }

    static void report(String topic, String eventId, String womanId, UUID share, String purpose, String consentId,
            String what, String recipient, String reference) {
        String service = topic.substring(0, topic.indexOf('.'));
        String schema = "urn:women-family:events:" + service + ":disclosure.recorded:v1";
        String json = "{\"disclosureId\":\"" + share + "\",\"beneficiaryId\":\"" + womanId + "\",\"purpose\":\""
            + purpose + "\",\"consentId\":\"" + consentId + "\",\"what\":\"" + what + "\",\"recipient\":\""
            + recipient + "\",\"reference\":" + (reference == null ? "null" : "\"" + reference + "\"")
            + ",\"at\":\"" + Instant.now() + "\"}";
        RegistryApi.probe().sendCloudEvent(topic, womanId, Map.of(
            "id", eventId,
            "source", "/women-family/" + service,
            "type", "ir.tehran.womenfamily." + service + ".disclosure.recorded",
            "subject", womanId,
            "time", Instant.now().toString(),
            "dataschema", schema,
            "requestid", "test-" + eventId), json);
    }
}
