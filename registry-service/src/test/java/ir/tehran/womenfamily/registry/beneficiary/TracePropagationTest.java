package ir.tehran.womenfamily.registry.beneficiary;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.NationalCodes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The trace of an HTTP write goes on through the outbox to Kafka: the record of the event carries a
 * {@code traceparent} header with the request's trace id (its parent is the service's own span, not the caller's).
 */
@QuarkusTest
class TracePropagationTest {

    @Test
    void theTraceOfAWriteIsInTheHeadersOfItsEvent() {
        String traceId = HexFormat.of().formatHex(random(16));
        String callerSpan = HexFormat.of().formatHex(random(8));
        String id = given().auth().oauth2(BeneficiaryResourceTest.caseworker()).contentType(ContentType.JSON)
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
            .body(BeneficiaryResourceTest.body(NationalCodes.random(), "زهرا", "کریمی"))
            .post("/api/registry/beneficiaries")
            .then().statusCode(201).extract().path("id");

        EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        EventProbe.Message m = probe.await("registry.beneficiary", r -> id.equals(r.key()), Duration.ofSeconds(30));

        String traceparent = m.headers().get("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-01"),
            "traceparent of the record: " + traceparent);
        assertNotEquals("00-" + traceId + "-" + callerSpan + "-01", traceparent);
        assertTrue(m.ce("type").endsWith("beneficiary.registered"), "the CloudEvents headers stay beside it");
    }

    @Test
    void aWriteWithoutATraceStartsOneThatTheEventCarries() {
        String id = given().auth().oauth2(BeneficiaryResourceTest.caseworker()).contentType(ContentType.JSON)
            .body(BeneficiaryResourceTest.body(NationalCodes.random(), "مریم", "رضایی"))
            .post("/api/registry/beneficiaries")
            .then().statusCode(201).extract().path("id");

        EventProbe probe = new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        EventProbe.Message m = probe.await("registry.beneficiary", r -> id.equals(r.key()), Duration.ofSeconds(30));
        String traceparent = m.headers().get("traceparent");
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
            "traceparent of the record: " + traceparent);
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(b);
        } while (b[0] == 0);
        return b;
    }
}
