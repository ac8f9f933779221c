package ir.tehran.womenfamily.registry.duplicate;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        String read = "\"" + pair.get("version") + "\"";
        as(admin).body("{\"survivorId\":\"" + first + "\"}").header("If-Match", read).post(merge)
            .then().statusCode(200).body("state", equalTo("MERGED")).header("ETag", not(equalTo(read)));

        as(admin).redirects().follow(false).get(BENEFICIARIES + "/" + second)
            .then().statusCode(301).header("Location", endsWith("/beneficiaries/" + first));
        as(admin).get(BENEFICIARIES + "/" + first + "/children").then().body("items.id", hasItem(child));
        as(admin).queryParam("q", "ژاله " + last).get(BENEFICIARIES).then()
            .body("items.find { it.id == '" + second + "' }.mergedInto", equalTo(first));
        RegistryApi.event("registry.beneficiary", second, "beneficiary.merged");
        as(admin).body("{\"survivorId\":\"" + first + "\"}")
            .header("If-Match", RegistryApi.pairVersion(admin, pair.get("id"), "MERGED")).post(merge)
            .then().statusCode(409);
        as(admin).body("{\"address\":\"x\"}").header("If-Match", "\"0\"").patch(BENEFICIARIES + "/" + second)
            .then().statusCode(409);
    }

    /** «صدیقه» and «سدیقه», born on one day: one woman written as she sounds, queued for review. */
    @Test
    void twoRecordsWhoseNamesSoundAlikeAreQueued() {
        String last = "طاهری" + System.nanoTime() % 100000;
        String first = RegistryApi.register(admin, "\"firstName\":\"صدیقه\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1362-05-01\",\"district\":6");
        String second = RegistryApi.register(admin, "\"firstName\":\"سدیقه\",\"lastName\":\""
            + last.replace('ط', 'ت') + "\",\"birthDate\":\"1362-05-01\",\"district\":6");
        List<Map<String, Object>> queue = RegistryApi.all(() -> as(admin), "/api/registry/duplicates");
        Map<String, Object> pair = queue.stream()
            .filter(p -> first.equals(p.get("firstId")) && second.equals(p.get("secondId")))
            .findFirst().orElseThrow(() -> new AssertionError("pair not queued"));
        assertEquals("SAME_NAME_AND_BIRTH_DATE", pair.get("reason"));
    }

    @Test
    void aMergeOrASplitNamesThePairVersionItRead() {
        String last = "نسخه" + System.nanoTime() % 100000;
        String first = RegistryApi.register(admin, "\"firstName\":\"سیما\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1362-02-02\",\"district\":7");
        String second = RegistryApi.register(admin, "\"firstName\":\"سيما\",\"lastName\":\"" + last + "\","
            + "\"birthDate\":\"1983-04-22\",\"district\":7");
        Object id = RegistryApi.all(() -> as(admin), "/api/registry/duplicates").stream()
            .filter(p -> first.equals(p.get("firstId")) && second.equals(p.get("secondId")))
            .findFirst().orElseThrow(() -> new AssertionError("pair not queued")).get("id");
        String merge = "/api/registry/duplicates/" + id + "/merge";
        String split = "/api/registry/duplicates/" + id + "/split";
        String survivor = "{\"survivorId\":\"" + first + "\"}";
        String open = RegistryApi.pairVersion(admin, id, "OPEN");

        // no If-Match: 428, and nothing merged
        as(admin).body(survivor).post(merge).then().statusCode(428).contentType("application/problem+json")
            .body("type", endsWith("/precondition-required"));
        // a version that is not the pair's: 412
        as(admin).body(survivor).header("If-Match", "\"" + (Long.parseLong(open.replace("\"", "")) + 7) + "\"")
            .post(merge).then().statusCode(412).contentType("application/problem+json");
        as(admin).get(BENEFICIARIES + "/" + second).then().statusCode(200);

        String merged = as(admin).body(survivor).header("If-Match", open).post(merge).then().statusCode(200)
            .extract().header("ETag");
        assertEquals(merged, RegistryApi.pairVersion(admin, id, "MERGED"));
        // the version read before the merge is stale now: a split naming it is refused, as is one naming none
        as(admin).header("If-Match", open).post(split).then().statusCode(412);
        as(admin).post(split).then().statusCode(428);
        as(admin).redirects().follow(false).get(BENEFICIARIES + "/" + second).then().statusCode(301);

        String reopened = as(admin).header("If-Match", merged).post(split).then().statusCode(200)
            .body("state", equalTo("OPEN")).extract().header("ETag");
        assertEquals(reopened, RegistryApi.pairVersion(admin, id, "OPEN"));
        // the ETag the merge answered is stale after the split
        as(admin).body(survivor).header("If-Match", merged).post(merge).then().statusCode(412);
    }

    @Test
    void reviewingIsForAdmins() {
        as(RegistryApi.caseworker("cw-dup", 6)).get("/api/registry/duplicates").then().statusCode(403);
    }
}
