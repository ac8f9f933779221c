package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static ir.tehran.womenfamily.gateway.token.SourceAddresses.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The login throttle through the token endpoint and the password change: an unknown name and a throttled account
 * answer alike and cost one bcrypt each; wrong passwords from one address do not stop her from another; the delay
 * grows; throttling and refresh-token reuse are in the audit log. Each address is a real source address of the
 * connection ({@link SourceAddresses}), so the module's one configuration and one start serve this class too.
 */
@QuarkusTest
class LoginThrottleTest {

    private static final String RIGHT = "her-right-password";
    private static final int FREE = 5;

    @Inject
    Identities identities;

    @Inject
    Passwords passwords;

    private String newUser() {
        String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        identities.createStaffUserIfAbsent(name, RIGHT, List.of(Roles.CASEWORKER), List.of(4));
        return name;
    }

    private static ExtractableResponse<Response> login(String address, String username, String password) {
        return from(address).contentType(ContentType.URLENC)
            .formParam("grant_type", "password").formParam("username", username).formParam("password", password)
            .when().post("/oauth2/token").then().extract();
    }

    private static String address() {
        return SourceAddresses.random(1);
    }

    private static List<Map<String, Object>> audit(String username, String action) {
        JsonPath page = given().auth().oauth2(TestTokens.forRoles("auditor-" + UUID.randomUUID(), "admin"))
            .queryParam("resourceType", "user").queryParam("resourceId", username).queryParam("limit", 100)
            .when().get("/audit").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(e -> action.equals(e.get("action"))).toList();
    }

    @Test
    void anUnknownNameAndAThrottledAccountGetTheSameAnswerAndEachCostsOneVerification() {
        String a = address();
        String known = newUser();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < FREE; i++) {
            login(a, known, "wrong-" + i);
            login(a, unknown, "wrong-" + i);
        }
        long before = passwords.verifications();
        ExtractableResponse<Response> throttled = login(a, known, RIGHT);
        long afterThrottled = passwords.verifications();
        ExtractableResponse<Response> unknownThrottled = login(a, unknown, RIGHT);
        long afterUnknown = passwords.verifications();
        ExtractableResponse<Response> firstTry = login(address(), "nobody-else-" + UUID.randomUUID(), "whatever");
        long afterFirst = passwords.verifications();
        ExtractableResponse<Response> wrongFresh = login(address(), newUser(), "wrong");
        long afterWrong = passwords.verifications();

        for (ExtractableResponse<Response> other : List.of(unknownThrottled, firstTry, wrongFresh)) {
            assertEquals(throttled.statusCode(), other.statusCode());
            assertEquals(throttled.body().asString(), other.body().asString());
            assertEquals(throttled.contentType(), other.contentType());
            assertEquals(throttled.header("Retry-After"), other.header("Retry-After"));
        }
        assertEquals(400, throttled.statusCode());
        assertEquals("invalid_grant", throttled.jsonPath().getString("error"));
        // a throttled account, a throttled unknown name, an unknown name and a wrong password: one bcrypt each
        assertEquals(1, afterThrottled - before);
        assertEquals(1, afterUnknown - afterThrottled);
        assertEquals(1, afterFirst - afterUnknown);
        assertEquals(1, afterWrong - afterFirst);
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotStopHerFromHers() {
        String name = newUser();
        String attacker = address();
        String hers = address();
        for (int i = 0; i < FREE + 3; i++) {
            assertEquals(400, login(attacker, name, "guess-" + i).statusCode());
        }
        assertEquals(400, login(attacker, name, RIGHT).statusCode(), "the guessing address waits");
        assertEquals(200, login(hers, name, RIGHT).statusCode(), "she signs in from her own address");
        // and the password change from her address, with a token in hand, is not held up either
        String token = login(hers, name, RIGHT).jsonPath().getString("access_token");
        from(hers).auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("currentPassword", RIGHT, "newPassword", "a-new-password-she-chose"))
            .when().post("/account/password").then().statusCode(204);
    }

    @Test
    void theDelayGrowsWithEveryRefusedAttemptAndEachIsAudited() {
        String name = newUser();
        String a = address();
        for (int i = 0; i < FREE - 1; i++) {
            login(a, name, "guess-" + i);
        }
        assertTrue(audit(name, "login.throttle").isEmpty(), "no delay before the fifth");
        login(a, name, "guess-5");
        login(a, name, "guess-6");
        login(a, name, RIGHT); // refused while waiting, and counted
        List<Map<String, Object>> entries = audit(name, "login.throttle");
        assertEquals(3, entries.size(), entries.toString());
        // newest first: 30 s at the fifth, then 60 s, then 120 s
        List<String> delays = entries.stream().map(e -> detail(e, "delaySeconds")).toList();
        assertEquals(List.of("120", "60", "30"), delays);
        Map<String, Object> first = entries.get(2);
        assertEquals("DENIED", first.get("outcome"));
        assertEquals("address:" + a, detail(first, "source"));
        assertEquals("5", detail(first, "failures"));
        assertEquals("token", detail(first, "via"));
        // the admin sees that some address is waiting
        String until = given().auth().oauth2(TestTokens.forRoles("admin-" + UUID.randomUUID(), "admin"))
            .when().get("/admin/users/" + name).then().statusCode(200).extract().path("lockedUntil");
        assertNotNull(until);
    }

    @Test
    void wrongCurrentPasswordsAreThrottledPerAddressToo() {
        String name = newUser();
        String hers = address();
        String thief = address();
        String token = login(hers, name, RIGHT).jsonPath().getString("access_token");
        for (int i = 0; i < FREE; i++) {
            from(thief).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "guess-" + i, "newPassword", "a-new-password-she-chose"))
                .when().post("/account/password").then().statusCode(400);
        }
        from(thief).auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("currentPassword", RIGHT, "newPassword", "a-new-password-she-chose"))
            .when().post("/account/password").then().statusCode(403);
        from(hers).auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("currentPassword", RIGHT, "newPassword", "a-new-password-she-chose"))
            .when().post("/account/password").then().statusCode(204);
        List<Map<String, Object>> entries = audit(name, "login.throttle");
        assertEquals(2, entries.size(), entries.toString());
        assertEquals("password-change", detail(entries.get(0), "via"));
    }

    @Test
    void aReusedRefreshTokenIsAudited() {
        String name = newUser();
        String a = address();
        String first = login(a, name, RIGHT).jsonPath().getString("refresh_token");
        refresh(first).then().statusCode(200);
        refresh(first).then().statusCode(400);
        List<Map<String, Object>> entries = audit(name, "refresh-token.reuse");
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("DENIED", entries.get(0).get("outcome"));
        assertEquals("2", detail(entries.get(0), "tokensRevoked"));
    }

    private static Response refresh(String token) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
            .formParam("refresh_token", token).when().post("/oauth2/token");
    }

    @SuppressWarnings("unchecked")
    private static String detail(Map<String, Object> entry, String key) {
        Object value = ((Map<String, Object>) entry.get("detail")).get(key);
        return value == null ? null : value.toString();
    }
}
