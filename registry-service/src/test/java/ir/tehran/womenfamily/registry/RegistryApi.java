package ir.tehran.womenfamily.registry;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** Small helpers for the registry's tests: tokens, requests, and events read back from Kafka. */
public final class RegistryApi {

    public static final String BENEFICIARIES = "/api/registry/beneficiaries";

    private RegistryApi() {
    }

    public static String admin() {
        return TestTokens.forRoles("admin-1", "admin");
    }

    /** A caseworker of the given districts. */
    public static String caseworker(String name, int... districts) {
        return TestTokens.token().subject(name).groups("caseworker")
            .claim("districts", java.util.Arrays.stream(districts).boxed().toList()).sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    /** Registers a woman with the given JSON fields added to a fresh national code, returns her id. */
    public static String register(String token, String extraJsonFields) {
        String body = "{\"nationalCode\":\"" + NationalCodes.random() + "\"," + extraJsonFields + "}";
        return as(token).body(body).post(BENEFICIARIES).then().statusCode(201).extract().path("id");
    }

    public static String register(String token, String first, String last, int district) {
        return register(token, "\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"district\":"
            + district);
    }

    /** Every item of a list, following its pages ({@code {items, nextCursor}}) to the last; at most 100 pages. */
    public static List<java.util.Map<String, Object>> all(java.util.function.Supplier<RequestSpecification> request,
            String path) {
        List<java.util.Map<String, Object>> items = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification r = request.get().queryParam("limit", 200);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = r.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
        } while (cursor != null && ++pages < 100);
        return items;
    }

    /**
     * A duplicate pair's version as an {@code If-Match} value, read where a reviewer reads it: the review queue of
     * the pair's state ({@code OPEN} before a merge, {@code MERGED} before a split).
     */
    public static String pairVersion(String token, Object pairId, String state) {
        return all(() -> as(token).queryParam("state", state), "/api/registry/duplicates").stream()
            .filter(p -> pairId.toString().equals(p.get("id"))).findFirst()
            .map(p -> "\"" + p.get("version") + "\"")
            .orElseThrow(() -> new AssertionError("pair " + pairId + " not in the " + state + " queue"));
    }

    /** The ETag a GET of {@code path} answers, for a following If-Match. */
    public static String etag(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().header("ETag");
    }

    public static EventProbe probe() {
        return new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** The event of {@code type} about {@code key} on {@code topic}, checked against the published contract. */
    public static EventProbe.Message event(String topic, String key, String type) {
        EventProbe.Message m = probe().await(topic, r -> key.equals(r.key())
            && ("ir.tehran.womenfamily.registry." + type).equals(r.ce("type")), Duration.ofSeconds(30));
        Set<String> violations = EventContract.load().violations(m.ce("dataschema"), m.value());
        if (!violations.isEmpty()) {
            throw new AssertionError(type + " breaks its contract: " + violations + " in " + m.value());
        }
        return m;
    }

    public static List<EventProbe.Message> events(String topic, String key) {
        return probe().readAll(topic, Duration.ofSeconds(10)).stream().filter(m -> key.equals(m.key())).toList();
    }
}
