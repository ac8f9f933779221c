package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.registry.transfer.Csv;
import org.junit.jupiter.api.Test;

/**
 * No field's presence, absence, value or order may reveal a sensitive fact to a caller who may not see it.
 * For each sensitive fact, two women ("twins") who differ only in that fact must give byte-identical shapes
 * (keys, key order, every non-sensitive value; ids, national codes, names and timestamps normalised) in the
 * profile, the history, the plain list, the exact search, the name search (where the twins' relative order
 * must be that of their ids, the only tie-breaker), and every export purpose, for every role that may not see
 * the fact: a caseworker of her district who is not assigned to her, the caseworker who registered her, and an
 * admin without break-glass.
 */
@QuarkusTest
class SensitiveShapeTest {

    private static final int DISTRICT = 14;
    private static final String ASSIGNED = "cw-shape-assigned";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every export purpose (ImportExportTest checks that this is the whole set). */
    static final List<String> PURPOSES = List.of("REGISTER_TRANSFER", "OUTREACH", "CHILD_EDUCATION", "STATISTICS");
    /** Values that differ between any two women and say nothing about a sensitive fact. */
    private static final Set<String> NORMALISED_KEYS = Set.of("id", "nationalCode", "firstName", "lastName",
        "registeredAt", "registeredOn", "changedAt", "changedOn");
    private static final Set<String> NORMALISED_COLUMNS = Set.of("national_code", "first_name", "last_name",
        "child_national_code", "registered_month");

    /** A sensitive fact: the channels the twins register with, and what her assigned caseworker records for B. */
    private record Fact(String name, String channelA, String channelB, BiConsumer<String, String> both,
            BiConsumer<String, String> onlyB) {
    }

    private static final BiConsumer<String, String> NOTHING = (id, token) -> { };

    private static BiConsumer<String, String> post(String path, String body) {
        return (id, token) -> as(token).body(body).post(BENEFICIARIES + "/" + id + path).then().statusCode(201);
    }

    private static final String PRISON_COHORT = "{\"cohort\":\"PRISON_RELEASE\",\"since\":\"1404-05-01\"}";

    private static List<Fact> facts() {
        return List.of(
            new Fact("registration channel PRISON_RELEASE", "AGENCY_REFERRAL", "PRISON_RELEASE", NOTHING, NOTHING),
            new Fact("cohort PRISON_RELEASE", "AGENCY_REFERRAL", "AGENCY_REFERRAL", NOTHING,
                post("/cohorts", PRISON_COHORT)),
            new Fact("cohort ADDICTION_RECOVERY", "MUNICIPAL_OFFICE", "MUNICIPAL_OFFICE", NOTHING,
                post("/cohorts", "{\"cohort\":\"ADDICTION_RECOVERY\",\"since\":\"1404-01-01\","
                    + "\"followingCentre\":\"یاورشهر ۵\"}")),
            new Fact("a case note", "MUNICIPAL_OFFICE", "MUNICIPAL_OFFICE", NOTHING,
                post("/case/notes", "{\"text\":\"پس از یازده سال به خانواده بازگشت\"}")),
            new Fact("a paid placement", "AGENCY_REFERRAL", "AGENCY_REFERRAL", post("/cohorts", PRISON_COHORT),
                post("/placements", "{\"unitName\":\"کارگاه همسان\",\"training\":\"خیاطی صنعتی\","
                    + "\"trainingCompletedOn\":\"1404-06-10\",\"hoursPerDay\":6,\"hourlyWageRials\":150000,"
                    + "\"prisonsReference\":\"۱۴۰۴/ز/۷۷\",\"startedOn\":\"1404-06-20\"}")));
    }

    /** Who may not see any of these facts about the twins. */
    private static Map<String, String> blindCallers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("caseworker of her district", RegistryApi.caseworker("cw-shape-district", DISTRICT));
        callers.put("caseworker who registered her", RegistryApi.caseworker("cw-shape-registrar", DISTRICT));
        callers.put("admin without break-glass", RegistryApi.admin());
        return callers;
    }

    @Test
    void twinsWhoDifferOnlyInASensitiveFactLookTheSameToEveryoneWhoMayNotSeeIt() {
        List<String> differences = new ArrayList<>();
        for (Fact fact : facts()) {
            Instant since = Instant.now().minusMillis(1);
            String last = "همسان" + persianLetters();
            String a = twin(last, fact.channelA());
            String b = twin(last, fact.channelB());
            String assigned = RegistryApi.caseworker(ASSIGNED, DISTRICT);
            for (String id : List.of(a, b)) {
                Women.assign(id, ASSIGNED);
                fact.both().accept(id, assigned);
            }
            fact.onlyB().accept(b, assigned);

            blindCallers().forEach((who, token) -> {
                compare(differences, fact, who, "profile", profile(token, a), profile(token, b));
                compare(differences, fact, who, "history", history(token, a), history(token, b));
                compare(differences, fact, who, "exact search", exact(token, a), exact(token, b));
                compare(differences, fact, who, "list", listed(token, a), listed(token, b));
                List<String> byName = byName(token, last);
                compare(differences, fact, who, "name search item", normalise(itemOf(byName, a)),
                    normalise(itemOf(byName, b)));
                List<String> order = byName.stream().filter(s -> s.contains(a) || s.contains(b))
                    .map(s -> s.contains(a) ? a : b).toList();
                // PostgreSQL orders uuids by their bytes, as their lower-case text sorts (Java's UUID does not)
                List<String> byId = List.of(a, b).stream().sorted().toList();
                if (!order.equals(byId)) {
                    differences.add(fact.name() + " / " + who + " / name search order: " + order + " not " + byId);
                }
            });
            for (String purpose : PURPOSES) {
                List<String> rows = export(purpose, since);
                if (rows.size() != 2 || !rows.get(0).equals(rows.get(1))) {
                    differences.add(fact.name() + " / admin / export " + purpose + ": " + rows);
                }
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    private static void compare(List<String> differences, Fact fact, String who, String where, String a, String b) {
        if (!a.equals(b)) {
            differences.add(fact.name() + " / " + who + " / " + where + ":\n  A " + a + "\n  B " + b);
        }
    }

    /** Registers one twin (the same profile and one child for both), by the registrar; returns her id. */
    private static String twin(String lastName, String channel) {
        String registrar = RegistryApi.caseworker("cw-shape-registrar", DISTRICT);
        String id = RegistryApi.register(registrar, "\"firstName\":\"ژاله\",\"lastName\":\"" + lastName + "\","
            + "\"fatherName\":\"حسن\",\"birthDate\":\"1360-02-02\",\"mobile\":\"09121234500\","
            + "\"address\":\"تهران، خیابان همسان\",\"district\":" + DISTRICT + ",\"postalCode\":\"1434843111\","
            + "\"registrationChannel\":\"" + channel + "\"");
        as(registrar).body("{\"firstName\":\"نیما\",\"lastName\":\"" + lastName + "\",\"birthDate\":\"1395-06-15\","
            + "\"gender\":\"MALE\",\"grade\":3}").post(BENEFICIARIES + "/" + id + "/children").then().statusCode(201);
        return id;
    }

    private static String persianLetters() {
        String letters = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(letters.charAt(java.util.concurrent.ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return sb.toString();
    }

    private static String profile(String token, String id) {
        Response r = as(token).get(BENEFICIARIES + "/" + id);
        return r.statusCode() + " ETag=" + r.header("ETag") + " " + normalise(r.asString());
    }

    private static String history(String token, String id) {
        Response r = as(token).get(BENEFICIARIES + "/" + id + "/history");
        return r.statusCode() + " " + normalise(r.asString());
    }

    private static String exact(String token, String id) {
        String code = given().auth().oauth2(RegistryApi.admin()).get(BENEFICIARIES + "/" + id).then().extract()
            .path("nationalCode");
        Response r = as(token).queryParam("nationalCode", code).get(BENEFICIARIES);
        return r.statusCode() + " " + normalise(r.asString());
    }

    /** Her item in the plain list of her district, walking the pages. */
    private static String listed(String token, String id) {
        String cursor = null;
        do {
            var request = as(token).queryParam("district", DISTRICT).queryParam("limit", 100);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonNode page = read(request.get(BENEFICIARIES).then().statusCode(200).extract().asString());
            for (JsonNode item : page.get("items")) {
                if (id.equals(item.get("id").asText())) {
                    return normalise(item.toString());
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return "absent";
    }

    /** The items of a name search for the twins' shared name, each as its JSON text. */
    private static List<String> byName(String token, String lastName) {
        JsonNode page = read(as(token).queryParam("q", "ژاله " + lastName).queryParam("limit", 100)
            .get(BENEFICIARIES).then().statusCode(200).extract().asString());
        List<String> items = new ArrayList<>();
        page.get("items").forEach(i -> items.add(i.toString()));
        return items;
    }

    private static String itemOf(List<String> items, String id) {
        return items.stream().filter(s -> s.contains(id)).findFirst().orElse("{\"absent\":true}");
    }

    /** The export's data lines for the twins (all that changed since), normalised column by column. */
    private static List<String> export(String purpose, Instant since) {
        String csv = given().auth().oauth2(RegistryApi.admin()).queryParam("purpose", purpose)
            .queryParam("district", DISTRICT).queryParam("updatedSince", since.toString())
            .get("/api/registry/exports/beneficiaries").then().statusCode(200).extract().asString();
        List<Csv.Line> lines = Csv.parse(csv);
        List<String> header = lines.get(0).fields();
        return lines.stream().skip(1).map(l -> {
            List<String> fields = new ArrayList<>(l.fields());
            for (int i = 0; i < fields.size(); i++) {
                if (NORMALISED_COLUMNS.contains(header.get(i)) && !fields.get(i).isEmpty()) {
                    fields.set(i, "*");
                }
            }
            return String.join(",", fields);
        }).collect(Collectors.toList());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** The JSON text with the normalised keys' values replaced, keys and their order kept. */
    static String normalise(String json) {
        if (json == null || json.isBlank()) {
            return String.valueOf(json);
        }
        JsonNode node = read(json);
        normalise(node);
        return node.toString();
    }

    private static void normalise(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Iterator<String> names = o.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (String k : keys) {
                if (NORMALISED_KEYS.contains(k) && !o.get(k).isNull()) {
                    o.put(k, "*");
                } else {
                    normalise(o.get(k));
                }
            }
        } else if (node instanceof ArrayNode arr) {
            arr.forEach(SensitiveShapeTest::normalise);
        }
    }

    @Test
    void theNormalisationKeepsKeysOrderAndOtherValues() {
        assertEquals("{\"id\":\"*\",\"district\":5,\"x\":[{\"firstName\":\"*\"}]}",
            normalise("{\"id\":\"a\",\"district\":5,\"x\":[{\"firstName\":\"b\"}]}"));
        assertTrue(!normalise("{\"district\":5}").equals(normalise("{\"district\":6}")));
        assertTrue(!normalise("{\"a\":1,\"b\":2}").equals(normalise("{\"b\":2,\"a\":1}")));
        assertEquals(List.of("x"), Arrays.asList("x"));
    }
}
