package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The claims that limit a producer to her businesses and a sponsor to her pledges, in her tokens. */
@QuarkusTest
class UserClaimsTest {

    private static final String PASSWORD = "right-password";

    @Inject
    Identities identities;

    @Inject
    JWTParser parser;

    @Test
    void aProducersTokensNameHerBusinesses() throws Exception {
        String username = "producer-" + UUID.randomUUID();
        List<String> businesses = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        identities.createUserIfAbsent(new Identities.NewUser(username, PASSWORD, List.of(Roles.PRODUCER), null,
            businesses, null));
        Map<String, Object> login = login(username);
        JsonWebToken token = parser.parse((String) login.get("access_token"));
        assertEquals(Set.of("producer"), token.getGroups());
        assertEquals(businesses, strings(token.getClaim("businesses")));
        assertFalse(token.containsClaim("sponsor_id"));
        assertFalse(token.containsClaim("districts"));

        // and so does the access token of a refresh
        String refreshed = given().contentType(ContentType.URLENC)
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", (String) login.get("refresh_token"))
            .when().post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        assertEquals(businesses, strings(parser.parse(refreshed).getClaim("businesses")));
    }

    @Test
    void aSponsorsTokensNameHerSponsorId() throws Exception {
        String username = "sponsor-" + UUID.randomUUID();
        identities.createUserIfAbsent(new Identities.NewUser(username, PASSWORD, List.of(Roles.SPONSOR), null, null,
            "benefactor-42"));
        JsonWebToken token = parser.parse((String) login(username).get("access_token"));
        assertEquals(Set.of("sponsor"), token.getGroups());
        Object sponsorId = token.getClaim("sponsor_id");
        assertEquals("benefactor-42", sponsorId instanceof JsonString s ? s.getString() : sponsorId);
        assertFalse(token.containsClaim("businesses"));
    }

    @Test
    void aProducerWithoutBusinessesYetHasAnEmptyList() throws Exception {
        String username = "producer-" + UUID.randomUUID();
        identities.createUserIfAbsent(new Identities.NewUser(username, PASSWORD, List.of(Roles.PRODUCER), null,
            List.of(), null));
        JsonWebToken token = parser.parse((String) login(username).get("access_token"));
        assertEquals(List.of(), strings(token.getClaim("businesses")));
    }

    @Test
    void rolesOfClientsAndIncompleteProfilesAreRefusedForPeople() {
        assertThrows(IllegalArgumentException.class, () -> identities.createUserIfAbsent(new Identities.NewUser(
            "x-" + UUID.randomUUID(), PASSWORD, List.of(Roles.PARTNER_APP), null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> identities.createUserIfAbsent(new Identities.NewUser(
            "x-" + UUID.randomUUID(), PASSWORD, List.of(Roles.PRODUCER), null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> identities.createUserIfAbsent(new Identities.NewUser(
            "x-" + UUID.randomUUID(), PASSWORD, List.of(Roles.SPONSOR), null, null, " ")));
    }

    private static Map<String, Object> login(String username) {
        return given().contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("username", username)
            .formParam("password", PASSWORD)
            .when().post("/oauth2/token")
            .then().statusCode(200).extract().as(Map.class);
    }

    /** JSON strings as plain strings, whatever JSON type the parser used. */
    private static List<String> strings(Object claim) {
        Iterable<?> values = (Iterable<?>) claim;
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(v instanceof JsonString s ? s.getString() : v.toString());
        }
        return out;
    }
}
