package ir.tehran.womenfamily.registry.conventions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The shared HTTP conventions (docs/ARCHITECTURE.md, "HTTP conventions") as a service gets them from the
 * support library: conditional GET, malformed path parameters, cursor pages with Link, the delta feed and
 * {@code @IdempotentCreate}, through {@link ConventionsProbeResource}.
 */
@QuarkusTest
class HttpConventionsTest {

    private static final String PATH = "/api/registry/conventions-probe";

    private static String admin() {
        return TestTokens.forRoles("conventions-admin", "admin");
    }

    @Test
    void aGetAnswersAnETagAndA304WhenItStillMatches() {
        String url = PATH + "/things/" + UUID.randomUUID();
        String etag = given().auth().oauth2(admin()).when().get(url)
            .then().statusCode(200).header("ETag", startsWith("\"")).body("name", equalTo("thing"))
            .extract().header("ETag");
        Response again = given().auth().oauth2(admin()).header("If-None-Match", etag).when().get(url);
        assertEquals(304, again.statusCode());
        assertEquals(etag, again.header("ETag"));
        assertEquals("", again.asString());
        given().auth().oauth2(admin()).header("If-None-Match", "\"other\"").when().get(url)
            .then().statusCode(200).header("ETag", equalTo(etag));
        given().auth().oauth2(admin()).header("If-None-Match", "W/" + etag + ", \"x\"").when().get(url)
            .then().statusCode(304);
    }

    @Test
    void aResourcesOwnVersionTagIsKeptAndHonoured() {
        String url = PATH + "/versioned/" + UUID.randomUUID();
        given().auth().oauth2(admin()).when().get(url).then().statusCode(200).header("ETag", equalTo("\"3\""));
        given().auth().oauth2(admin()).header("If-None-Match", "\"3\"").when().get(url)
            .then().statusCode(304).header("ETag", equalTo("\"3\"")).header("Cache-Control", equalTo("private"))
            .header("Vary", containsString("Accept-Language"));
    }

    @Test
    void notJsonGetsNoGeneratedTag() {
        given().auth().oauth2(admin()).when().get(PATH + "/text")
            .then().statusCode(200).header("ETag", nullValue());
    }

    @Test
    void aMalformedPathParameterIsA400NamingIt() {
        given().auth().oauth2(admin()).header("Accept-Language", "en").when().get(PATH + "/things/not-a-uuid")
            .then().statusCode(400).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/validation"))
            .body("errors.field", hasItem("id"));
        given().auth().oauth2(admin()).header("Accept-Language", "en").when().get(PATH + "/numbers/twelve")
            .then().statusCode(400).body("errors.field", hasItem("number"));
        given().auth().oauth2(admin()).when().get(PATH + "/numbers/12").then().statusCode(200);
    }

    @Test
    void aListIsPagedByCursorWithALinkToTheNextPage() {
        Response first = given().auth().oauth2(admin()).queryParam("limit", 3).queryParam("kind", "x")
            .when().get(PATH + "/letters");
        first.then().statusCode(200).body("items", equalTo(List.of("a", "b", "c")))
            .body("nextCursor", notNullValue());
        String cursor = first.path("nextCursor");
        String link = first.header("Link");
        assertNotNull(link);
        assertTrue(link.startsWith("<http") && link.endsWith(">; rel=\"next\""), link);
        assertTrue(link.contains("kind=x") && link.contains("limit=3") && link.contains("cursor=" + cursor), link);
        given().auth().oauth2(admin()).queryParam("limit", 3).queryParam("cursor", cursor)
            .when().get(PATH + "/letters")
            .then().statusCode(200).body("items", equalTo(List.of("d", "e", "f")));
        Response last = given().auth().oauth2(admin()).queryParam("limit", 10).queryParam("cursor", cursor)
            .when().get(PATH + "/letters");
        last.then().statusCode(200).body("items", equalTo(List.of("d", "e", "f", "g")))
            .body("nextCursor", nullValue());
        assertNull(last.header("Link"));
        given().auth().oauth2(admin()).when().get(PATH + "/letters")
            .then().statusCode(200).body("items.size()", equalTo(7));
    }

    @Test
    void aBadLimitOrCursorIsA400NamingIt() {
        for (String limit : List.of("0", "201", "many")) {
            given().auth().oauth2(admin()).queryParam("limit", limit).when().get(PATH + "/letters")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        }
        for (String cursor : List.of("%%%", "abc", "MQ")) {
            given().auth().oauth2(admin()).queryParam("cursor", cursor).when().get(PATH + "/letters")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        }
    }

    @Test
    void theDeltaFeedAnswersChangesTombstonesAndASyncToken() {
        String token = given().auth().oauth2(admin()).when().get(PATH + "/changes")
            .then().statusCode(200).body("items.size()", equalTo(7)).body("deleted.size()", equalTo(0))
            .body("syncToken", notNullValue())
            .extract().path("syncToken");
        given().auth().oauth2(admin()).queryParam("updatedSince", token).when().get(PATH + "/changes")
            .then().statusCode(200).body("items", equalTo(List.of("c"))).body("deleted[0].id", equalTo("z"))
            .body("deleted[0].deletedAt", equalTo(token));
        given().auth().oauth2(admin()).header("Accept-Language", "en").queryParam("updatedSince", "yesterday")
            .when().get(PATH + "/changes")
            .then().statusCode(400).body("errors.field", hasItem("updatedSince"));
    }

    @Test
    void anIdempotentCreateIsReplayedForTheSameRequestAndRefusedForAnother() {
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Map.of("name", "one")).when().post(PATH + "/things");
        first.then().statusCode(201).header("Location", allOf(startsWith("http"), containsString(PATH + "/things/")))
            .header("Idempotent-Replayed", nullValue());
        Response again = given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Map.of("name", "one")).when().post(PATH + "/things");
        again.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
            .header("Location", equalTo(first.header("Location")))
            .body("id", equalTo(first.path("id")));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
            .body(Map.of("name", "two")).when().post(PATH + "/things")
            .then().statusCode(422);
        String other = given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("name", "one"))
            .when().post(PATH + "/things").then().statusCode(201).extract().path("id");
        assertTrue(!other.equals(first.path("id")));
    }
}
