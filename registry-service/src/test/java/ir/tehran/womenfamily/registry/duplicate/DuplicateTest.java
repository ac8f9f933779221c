package ir.tehran.womenfamily.registry.duplicate;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DuplicateTest {

    private final String admin = RegistryApi.admin();

    @Test
    void twoRecordsOfOneWomanAreQueuedAndMergedIntoOne() {
        String last = "دوبار" + System.nanoTime() % 100000;
        String first = RegistryApi.register(admin, "\"firstName\":\"ژاله\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1360-01-01\",\"district\":6");
        String second = RegistryApi.register(admin, "\"firstName\":\"ژالە\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1981-03-21\",\"district\":6");
        String child = as(admin).body("{\"firstName\":\"نیما\",\"lastName\":\"" + last + "\","
                + "\"birthDate\":\"1395-01-01\",\"gender\":\"MALE\"}")
            .post(BENEFICIARIES + "/" + second + "/children").then().statusCode(201).extract().path("id");

        List<Map<String, Object>> queue = RegistryApi.all(() -> as(admin), "/api/registry/duplicates");
        Map<String, Object> pair = queue.stream()
            .filter(p -> first.equals(p.get("firstId")) && second.equals(p.get("secondId")))
            .findFirst().orElseThrow(() -> new AssertionError("pair not queued: " + queue));

        String merge = "/api/registry/duplicates/" + pair.get("id") + "/merge";
        as(admin).body("{\"survivorId\":\"" + first + "\"}").post(merge)
            .then().statusCode(200).body("state", equalTo("MERGED"));

        as(admin).redirects().follow(false).get(BENEFICIARIES + "/" + second)
            .then().statusCode(301).header("Location", endsWith("/beneficiaries/" + first));
        as(admin).get(BENEFICIARIES + "/" + first + "/children").then().body("items.id", hasItem(child));
        as(admin).queryParam("q", "ژاله " + last).get(BENEFICIARIES).then()
            .body("items.find { it.id == '" + second + "' }.mergedInto", equalTo(first));
        RegistryApi.event("registry.beneficiary", second, "beneficiary.merged");
        as(admin).body("{\"survivorId\":\"" + first + "\"}").post(merge)
            .then().statusCode(409);
        as(admin).body("{\"address\":\"x\"}").header("If-Match", "\"0\"").patch(BENEFICIARIES + "/" + second)
            .then().statusCode(409);
    }

    @Test
    void reviewingIsForAdmins() {
        as(RegistryApi.caseworker("cw-dup", 6)).get("/api/registry/duplicates").then().statusCode(403);
    }
}
