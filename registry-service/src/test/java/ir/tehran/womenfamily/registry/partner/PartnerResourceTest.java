package ir.tehran.womenfamily.registry.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.AgencyKind;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The partner read API: a partner application (client {@code mehr-partner}, named "Mehr Foundation" in the agency
 * directory) reads only the women whose active consent to share names it, minimal fields, each read logged.
 */
@QuarkusTest
class PartnerResourceTest {

    private static final String PATH = "/api/registry/partner/women";
    private static final String MEHR = "{\"kind\":\"OTHER\",\"name\":\"Mehr Foundation\"}";

    static String partner(String client, String... scopes) {
        return TestTokens.token().subject(client).clientId(client).groups("partner-app")
            .claim("scope", String.join(" ", scopes)).sign();
    }

    private static boolean onboarded;

    /** The partner is named in the agency directory, as an admin onboards one (PUT /dci/agencies/{clientId}). */
    @BeforeEach
    void onboard() {
        if (onboarded) {
            return;
        }
        onboarded = true;
        given().auth().oauth2(Women.admin("partner-admin")).contentType(ContentType.JSON)
            .body(Map.of("agency", "Mehr Foundation", "name", "Mehr Foundation", "callbackBaseUrls", List.of(),
                "keys", List.of()))
            .when().put("/api/registry/dci/agencies/mehr-partner").then().statusCode(200);
    }

    private static String mehr() {
        return partner("mehr-partner", "registry.basic.read");
    }

    private static String consent(String id, String agency) {
        return given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":" + agency + ",\"givenOn\":\"1403-01-15\","
                + "\"channel\":\"PAPER\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201).extract().path("id");
    }

    private static List<String> listed(String token) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> w : RegistryApi.all(() -> given().auth().oauth2(token), PATH)) {
            ids.add((String) w.get("id"));
        }
        return ids;
    }

    @Test
    void aPartnerReadsOnlyTheWomenWhoConsentedToItAndOnlyTheirBasicFacts() {
        String consented = Women.register();
        String consentId = consent(consented, MEHR);
        String otherAgency = Women.register();
        consent(otherAgency, "{\"kind\":\"WELFARE_ORGANISATION\"}");
        String none = Women.register();

        List<String> ids = listed(mehr());
        assertTrue(ids.contains(consented), "the woman who consented to the partner is listed");
        assertFalse(ids.contains(otherAgency), "consent to another agency is not consent to the partner");
        assertFalse(ids.contains(none), "no consent, not listed");

        String today = LocalDate.now(Tehran.ZONE).toString();
        given().auth().oauth2(mehr()).when().get(PATH + "/" + consented)
            .then().statusCode(200)
            .header("ETag", notNullValue())
            .body("", aMapWithSize(5))
            .body("id", equalTo(consented))
            .body("firstName", equalTo("زهرا"))
            .body("lastName", equalTo("محمدی"))
            .body("registeredOn", equalTo(today))
            .body("registeredOnJalali", equalTo(Days.jalali(LocalDate.parse(today))));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + consented + "/disclosures")
            .then().statusCode(200)
            .body("items[0].purpose", equalTo("SHARE_WITH_AGENCY"))
            .body("items[0].consentId", equalTo(consentId))
            .body("items[0].what", equalTo(PartnerReads.WHAT))
            .body("items[0].recipient", equalTo("partner-app:" + new Agency(AgencyKind.OTHER, "Mehr Foundation").key()
                + " (client mehr-partner)"));
        Women.audit(PartnerReads.RESOURCE, consented).then()
            .body("items.action", hasItem("partner.release"))
            .body("items[0].actor", equalTo("mehr-partner"));
    }

    @Test
    void aPartnerWithoutHerConsentSeesNothingOfHer() {
        String otherAgency = Women.register();
        consent(otherAgency, "{\"kind\":\"WELFARE_ORGANISATION\"}");
        String none = Women.register();
        String revoked = Women.register();
        String consentId = consent(revoked, MEHR);
        String consentPath = Women.BASE + revoked + "/consents/" + consentId;
        given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON)
            .header("If-Match", RegistryApi.etag(Women.admin("consent-admin"), consentPath))
            .when().post(consentPath + "/revocation").then().statusCode(200);

        String nobody = java.util.UUID.randomUUID().toString();
        String unknownBody = given().auth().oauth2(mehr()).when().get(PATH + "/" + nobody).then().statusCode(404)
            .contentType("application/problem+json").extract().path("title");
        for (String id : List.of(otherAgency, none, revoked)) {
            given().auth().oauth2(mehr()).when().get(PATH + "/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo(unknownBody));
            given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
                .then().statusCode(200).body("items", hasSize(0));
        }
        List<String> ids = listed(mehr());
        assertFalse(ids.contains(revoked) || ids.contains(none) || ids.contains(otherAgency));
        // a partner client no consent can name (not in registry.agency-check.agencies) sees no one at all
        String consented = Women.register();
        consent(consented, MEHR);
        String stranger = partner("stranger-app", "registry.basic.read");
        assertEquals(List.of(), listed(stranger));
        given().auth().oauth2(stranger).when().get(PATH + "/" + consented).then().statusCode(404);
    }

    @Test
    void pagesFollowTheSharedConventions() {
        for (int i = 0; i < 3; i++) {
            consent(Women.register(), MEHR);
        }
        var first = given().auth().oauth2(mehr()).queryParam("limit", 2).when().get(PATH)
            .then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
            .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\"")).extract();
        String second = given().auth().oauth2(mehr()).queryParam("limit", 2)
            .queryParam("cursor", (String) first.path("nextCursor")).when().get(PATH)
            .then().statusCode(200).extract().path("items[0].id");
        assertFalse(first.jsonPath().getList("items.id").contains(second), "the next page starts after the first");
        given().auth().oauth2(mehr()).queryParam("limit", 0).when().get(PATH)
            .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
        String id = (String) first.jsonPath().getList("items.id").get(0);
        String etag = given().auth().oauth2(mehr()).when().get(PATH + "/" + id).then().statusCode(200)
            .extract().header("ETag");
        given().auth().oauth2(mehr()).header("If-None-Match", etag).when().get(PATH + "/" + id)
            .then().statusCode(304);
    }

    @Test
    void onlyAPartnerWithTheScopeGetsIn() {
        given().auth().oauth2(partner("mehr-partner", "bazaar.read")).when().get(PATH)
            .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(partner("mehr-partner")).when().get(PATH + "/" + Women.register())
            .then().statusCode(403);
        String agency = TestTokens.token().subject("mehr-partner").clientId("mehr-partner").groups("agency")
            .claim("scope", "registry.basic.read").sign();
        for (String token : List.of(Women.admin("admin"), Women.caseworker("cw"), agency)) {
            given().auth().oauth2(token).when().get(PATH).then().statusCode(403);
        }
        given().when().get(PATH).then().statusCode(401);
    }
}
