package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

/** ETag / If-Match against lost updates, and Idempotency-Key against double creates. */
@QuarkusTest
class ConcurrencyTest {

    private final String cw = RegistryApi.caseworker("cw-conc", 3);

    @Test
    void anUpdateNeedsTheCurrentETagAndAStaleOneIs412() {
        String id = RegistryApi.register(cw, "فاطمه", "یزدانی", 3);
        String etag = as(cw).get(BENEFICIARIES + "/" + id).then().statusCode(200).extract().header("ETag");

        as(cw).body("{\"address\":\"تهران\"}").patch(BENEFICIARIES + "/" + id)
            .then().statusCode(428).contentType("application/problem+json");
        String next = as(cw).header("If-Match", etag).body("{\"address\":\"تهران، نارمک\"}")
            .patch(BENEFICIARIES + "/" + id)
            .then().statusCode(200).body("address", equalTo("تهران، نارمک")).extract().header("ETag");
        assertNotEquals(etag, next);

        as(cw).header("If-Match", etag).body("{\"address\":\"lost\"}").patch(BENEFICIARIES + "/" + id)
            .then().statusCode(412).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/stale"));
        as(cw).get(BENEFICIARIES + "/" + id).then().body("address", equalTo("تهران، نارمک"));
        RegistryApi.event("registry.beneficiary", id, "beneficiary.updated");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesOneRecord() {
        String key = UUID.randomUUID().toString();
        String body = "{\"nationalCode\":\"" + NationalCodes.random()
            + "\",\"firstName\":\"رعنا\",\"lastName\":\"فرهادی\"}";
        Response first = as(cw).header("Idempotency-Key", key).body(body).post(BENEFICIARIES);
        Response retry = as(cw).header("Idempotency-Key", key).body(body).post(BENEFICIARIES);
        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), retry.header("Location"));

        as(cw).header("Idempotency-Key", key)
            .body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"x\",\"lastName\":\"y\"}")
            .post(BENEFICIARIES).then().statusCode(422).contentType("application/problem+json");
    }
}
