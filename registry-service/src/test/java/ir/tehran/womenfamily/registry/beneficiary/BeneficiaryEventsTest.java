package ir.tehran.womenfamily.registry.beneficiary;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.NationalCodes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The registration reaches Kafka through the outbox as a CloudEvent that honours the published contract. */
@QuarkusTest
class BeneficiaryEventsTest {

    @Test
    void registrationIsPublishedAsAContractConformingCloudEvent() {
        String requestId = "test-" + UUID.randomUUID();
        String code = NationalCodes.random();
        String id = given().auth().oauth2(BeneficiaryResourceTest.caseworker()).contentType(ContentType.JSON)
            .header("X-Request-Id", requestId)
            .body(BeneficiaryResourceTest.body(code, "فاطمه", "حسینی"))
            .post("/api/registry/beneficiaries")
            .then().statusCode(201).extract().path("id");

        EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        EventProbe.Message m = probe.await("registry.beneficiary", r -> id.equals(r.key()), Duration.ofSeconds(30));

        assertEquals("1.0", m.ce("specversion"));
        assertEquals("ir.tehran.womenfamily.registry.beneficiary.registered", m.ce("type"));
        assertEquals("/women-family/registry", m.ce("source"));
        assertEquals(id, m.ce("subject"));
        assertEquals(requestId, m.ce("requestid"));
        assertEquals("urn:women-family:events:registry:beneficiary.registered:v1", m.ce("dataschema"));
        assertTrue(EventContract.load().violations(m.ce("dataschema"), m.value()).isEmpty(),
            () -> EventContract.load().violations(m.ce("dataschema"), m.value()).toString());
        assertFalse(m.value().contains(code), "the national code must not travel in events");
        assertFalse(m.value().contains("فاطمه"), "names must not travel in this event");
    }

    @Test
    void theContractIsServedAndItsSchemasAreValid() {
        given().when().get("/api/registry/asyncapi")
            .then().statusCode(200)
            .body(org.hamcrest.Matchers.containsString("asyncapi: 3.0.0"));
        given().when().get("/api/registry/asyncapi/schemas/beneficiary.registered.v1.json")
            .then().statusCode(200);
        assertTrue(EventContract.load().schemaIds().containsAll(List.of(
            "urn:women-family:events:registry:beneficiary.registered:v1",
            "urn:women-family:events:registry:child.added:v1",
            "urn:women-family:events:registry:business.registered:v1")));
    }
}
