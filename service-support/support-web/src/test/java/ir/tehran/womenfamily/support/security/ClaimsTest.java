package ir.tehran.womenfamily.support.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.Test;

/** How a token's claims become a {@link Caller}, in every shape a claim comes in, malformed ones included. */
class ClaimsTest {

    private static final UUID BUSINESS = UUID.fromString("0b6b2a7e-5f7c-4d1e-9a51-3c2f1b7d9e01");
    private static final UUID OTHER = UUID.fromString("7d1c9e44-2a3b-4c5d-8e6f-9a0b1c2d3e4f");

    /** The token as smallrye-jwt hands it to a service after verifying it. */
    private static JsonWebToken token(String claimsJson) throws InvalidJwtException {
        return new DefaultJWTCallerPrincipal(JwtClaims.parse(claimsJson));
    }

    private static Caller caller(String claimsJson) throws InvalidJwtException {
        return Claims.caller("someone", Set.of("caseworker"), token(claimsJson));
    }

    @Test
    void aVerifiedTokenGivesEveryClaim() throws Exception {
        Caller c = caller("{\"sub\":\"someone\",\"client_id\":\"back-office\",\"districts\":[5,12],"
            + "\"businesses\":[\"" + BUSINESS + "\"],\"scope\":\"bazaar.read sponsorship.coverage.read\","
            + "\"sponsor_id\":\"" + OTHER + "\"}");
        assertEquals("someone", c.subject());
        assertEquals("back-office", c.clientId());
        assertEquals(Set.of("caseworker"), c.roles());
        assertEquals(Set.of(5, 12), c.districts());
        assertFalse(c.cityWide());
        assertEquals(Set.of(BUSINESS), c.businesses());
        assertEquals(Set.of("bazaar.read", "sponsorship.coverage.read"), c.scopes());
        assertEquals(OTHER, c.sponsorId());
    }

    @Test
    void aTokenWithoutLimitingClaimsIsCityWideAndBoundToNothing() throws Exception {
        Caller c = caller("{\"sub\":\"someone\"}");
        assertNull(c.clientId());
        assertNull(c.districts());
        assertTrue(c.cityWide());
        assertEquals(Set.of(), c.namedDistricts());
        assertEquals(Set.of(), c.businesses());
        assertEquals(Set.of(), c.scopes());
        assertNull(c.sponsorId());
    }

    @Test
    void districtsComeAsNumbersOrDigitsInAnyListShape() throws Exception {
        assertEquals(Set.of(5, 12), caller("{\"districts\":[\"5\",\" 12 \"]}").districts());
        assertEquals(Set.of(7), caller("{\"districts\":7}").districts());
        assertEquals(Set.of(7), caller("{\"districts\":\"7\"}").districts());
        assertEquals(Set.of(1, 22), Claims.districts(Json.createArrayBuilder().add(1).add("22").build()));
        assertEquals(Set.of(3, 4), Claims.districts(List.of(3, "4")));
        assertEquals(Set.of(3), Claims.districts(Set.of(Json.createValue(3))));
        assertEquals(Set.of(), Claims.districts(List.of()));
    }

    @Test
    void aDistrictClaimThatCannotBeReadLimitsHerToNoDistrict() throws Exception {
        for (String claim : List.of("[5,\"d7\"]", "[5,0]", "[5,23]", "[5,2.5]", "[5,null]", "[5,[6]]", "\"\"",
                "{\"a\":1}", "true")) {
            Caller c = caller("{\"districts\":" + claim + "}");
            assertEquals(Set.of(), c.districts(), claim);
            assertFalse(c.cityWide(), claim);
        }
        assertEquals(Set.of(), Claims.districts(JsonValue.NULL));
        assertEquals(Set.of(), Claims.districts(List.of(5, 99L)));
        // smallrye-jwt gives no value for a claim written as null: as if absent
        assertTrue(caller("{\"districts\":null}").cityWide());
    }

    @Test
    void aMalformedBusinessBindsHerToNothingAndLeavesTheOthers() throws Exception {
        assertEquals(Set.of(BUSINESS), caller("{\"businesses\":[\"" + BUSINESS + "\",\"not-an-id\",42,null]}")
            .businesses());
        assertEquals(Set.of(BUSINESS, OTHER), Claims.businesses(List.of(BUSINESS.toString(), "\"" + OTHER + "\"")));
        assertEquals(Set.of(BUSINESS), Claims.businesses(Json.createArrayBuilder().add(BUSINESS.toString()).build()));
        assertEquals(Set.of(BUSINESS), Claims.businesses(BUSINESS.toString()));
        assertEquals(Set.of(), caller("{\"businesses\":[]}").businesses());
        assertEquals(Set.of(), caller("{\"businesses\":\"nobody\"}").businesses());
    }

    @Test
    void scopesComeSpaceSeparatedOrAsAList() throws Exception {
        assertEquals(Set.of("a", "b"), caller("{\"scope\":\"  a   b \"}").scopes());
        assertEquals(Set.of("a", "b c"), caller("{\"scope\":[\"a\",\"b c\"]}").scopes());
        assertEquals(Set.of("a"), Claims.scopes(Json.createValue("a")));
        assertEquals(Set.of("a", "b"), Claims.scopes(Set.of("a", "b")));
        assertEquals(Set.of(), caller("{\"scope\":\"\"}").scopes());
        assertEquals(Set.of(), Claims.scopes(JsonValue.NULL));
    }

    @Test
    void aMalformedSponsorIdIsNoSponsorId() throws Exception {
        assertNull(caller("{\"sponsor_id\":\"not-an-id\"}").sponsorId());
        assertNull(caller("{\"sponsor_id\":null}").sponsorId());
        assertNull(caller("{\"sponsor_id\":[\"" + OTHER + "\"]}").sponsorId());
        assertEquals(OTHER, Claims.uuid(Json.createValue(OTHER.toString())));
    }

    @Test
    void aStringClaimIsReadUnquotedWhateverItsShape() {
        assertEquals("app", Claims.text("app"));
        assertEquals("app", Claims.text(Json.createValue("app")));
        assertEquals("app", Claims.text("\"app\""));
        assertEquals("5", Claims.text(Json.createValue(5)));
        assertNull(Claims.text(JsonValue.NULL));
        assertNull(Claims.text(null));
    }

    @Test
    void aPrincipalThatIsNoTokenHasRolesOnly() {
        Caller c = Claims.caller("someone", Set.of("admin"), null);
        assertEquals("someone", c.subject());
        assertTrue(c.isAdmin());
        assertTrue(c.cityWide());
        assertEquals(Set.of(), c.businesses());
    }

    @Test
    void theServiceItselfAndNobody() {
        Caller job = Caller.system("audit-retention");
        assertEquals("system:audit-retention", job.subject());
        assertEquals("", job.rolesText());
        assertFalse(job.isAnonymous());
        assertTrue(Caller.anonymous().isAnonymous());
        assertEquals("admin,caseworker", Caller.of("x", null, Set.of("caseworker", "admin")).rolesText());
    }
}
