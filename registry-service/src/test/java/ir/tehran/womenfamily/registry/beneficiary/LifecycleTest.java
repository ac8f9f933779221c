package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

/** Status and support level: the allowed moves, their history and their events. */
@QuarkusTest
class LifecycleTest {

    private final String cw = RegistryApi.caseworker("cw-life", 9);

    /** Her ETag now: each move sends it in If-Match. */
    private String etag(String id) {
        return RegistryApi.etag(cw, BENEFICIARIES + "/" + id);
    }

    @Test
    void statusAndSupportLevelMovesAreKeptWithWhoWhenAndWhy() {
        String id = RegistryApi.register(cw, "مینا", "صادقی", 9);
        as(cw).header("If-Match", etag(id)).body("{\"supportLevel\":\"COUNSELLING\",\"reason\":\"first interview\"}")
            .post(BENEFICIARIES + "/" + id + "/support-level")
            .then().statusCode(200).body("supportLevel", equalTo("COUNSELLING"));
        as(cw).header("If-Match", etag(id)).body("{\"status\":\"ACTIVE\"}").post(BENEFICIARIES + "/" + id + "/status")
            .then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(cw).header("If-Match", etag(id)).body("{\"supportLevel\":\"TRAINING\",\"reason\":\"ready to learn sewing\"}")
            .post(BENEFICIARIES + "/" + id + "/support-level")
            .then().statusCode(200).body("supportLevel", equalTo("TRAINING"));
        as(cw).header("If-Match", etag(id)).body("{\"status\":\"GRADUATED\"}")
            .post(BENEFICIARIES + "/" + id + "/status")
            .then().statusCode(200);

        as(cw).get(BENEFICIARIES + "/" + id + "/history").then().statusCode(200)
            .body("items", hasSize(4))
            .body("items.changedBy", hasItem("cw-life"))
            .body("items.reason", hasItem("ready to learn sewing"))
            .body("items.to", hasItem("GRADUATED"));

        EventProbe.Message level = RegistryApi.event("registry.beneficiary", id, "beneficiary.support-level-changed");
        EventProbe.Message status = RegistryApi.event("registry.beneficiary", id, "beneficiary.status-changed");
        assertTrue(!level.value().contains("sewing") && !status.value().contains("sewing"),
            "reasons stay in the registry");
    }

    @Test
    void illegalMovesAre409AndExitingNeedsAReason() {
        String id = RegistryApi.register(cw, "نگار", "طاهری", 9);
        as(cw).header("If-Match", etag(id)).body("{\"status\":\"GRADUATED\"}")
            .post(BENEFICIARIES + "/" + id + "/status")
            .then().statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/illegal-transition"));
        as(cw).header("If-Match", etag(id)).body("{\"status\":\"EXITED\"}").post(BENEFICIARIES + "/" + id + "/status")
            .then().statusCode(400).body("errors.field", hasItem("reason"));
        as(cw).header("If-Match", etag(id)).body("{\"status\":\"EXITED\",\"reason\":\"moved to Karaj\"}")
            .post(BENEFICIARIES + "/" + id + "/status")
            .then().statusCode(200);
        as(cw).header("If-Match", etag(id)).body("{\"status\":\"SLEEPING\"}").post(BENEFICIARIES + "/" + id + "/status")
            .then().statusCode(400).contentType("application/problem+json");
    }
}
