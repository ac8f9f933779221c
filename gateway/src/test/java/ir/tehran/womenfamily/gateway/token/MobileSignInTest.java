package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static ir.tehran.womenfamily.gateway.token.SourceAddresses.from;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import ir.tehran.womenfamily.gateway.FakeServices;
import ir.tehran.womenfamily.support.sms.Mobile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with a mobile number and a one-time code, through the gateway's endpoints, the codes read where the
 * development sink shows them (its file), the registry played by {@link FakeServices}: the token of a registered
 * woman and of one the register does not know, and the abuse cases, each alone: guessing one code, guessing across
 * numbers from one address, flooding a number, enumerating numbers. Each address is a real source address of the
 * connection ({@link SourceAddresses}).
 */
@QuarkusTest
class MobileSignInTest {

    private static final Path SMS_FILE = Path.of("target", "development-sms.txt");
    private static final Pattern CODE = Pattern.compile("(\\d{6})$");

    @Inject
    EntityManager em;

    private static String newMobile() {
        return "+98912" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String address() {
        return SourceAddresses.random(9);
    }

    private static ExtractableResponse<Response> requestCode(String address, String mobile) {
        return from(address).contentType(ContentType.URLENC)
            .formParam("mobile", mobile).when().post("/oauth2/mobile-code").then().extract();
    }

    private static ExtractableResponse<Response> redeem(String address, String mobile, String code) {
        return from(address).contentType(ContentType.URLENC)
            .formParam("grant_type", MobileSignIn.GRANT_TYPE).formParam("mobile", mobile).formParam("code", code)
            .when().post("/oauth2/token").then().extract();
    }

    /** The newest code the development sink showed for this number (masked as it shows it). */
    private static String lastCode(String mobile) throws Exception {
        List<String> lines = Files.readAllLines(SMS_FILE, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(" " + Mobile.masked(mobile) + " ")).toList();
        assertFalse(lines.isEmpty(), "no code shown for the number");
        Matcher m = CODE.matcher(lines.get(lines.size() - 1));
        assertTrue(m.find());
        return m.group(1);
    }

    private static long shown(String mobile) throws Exception {
        if (!Files.exists(SMS_FILE)) {
            return 0;
        }
        return Files.readAllLines(SMS_FILE, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(" " + Mobile.masked(mobile) + " ")).count();
    }

    private static JsonPath claims(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aRegisteredWomanGetsTheRoleWomanAndHerBeneficiaryIdAndHerRefreshTokenRotates() throws Exception {
        String a = address();
        assertEquals(200, requestCode(a, "0912 000 0001").statusCode());
        var token = redeem(a, "09120000001", lastCode(FakeServices.REGISTERED_MOBILE));

        assertEquals(200, token.statusCode(), token.body().asString());
        JsonPath claims = claims(token.path("access_token"));
        assertEquals(List.of("woman"), claims.getList("groups"));
        assertEquals(FakeServices.REGISTERED_BENEFICIARY, claims.getString("beneficiary_id"));
        String refresh = token.path("refresh_token");
        assertNotNull(refresh);

        var refreshed = given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
            .formParam("refresh_token", refresh).when().post("/oauth2/token").then().statusCode(200).extract();
        assertEquals(FakeServices.REGISTERED_BENEFICIARY,
            claims(refreshed.path("access_token")).getString("beneficiary_id"));
        assertEquals(List.of("woman"), claims(refreshed.path("access_token")).getList("groups"));
    }

    @Test
    void aNumberTheRegisterDoesNotKnowGetsTheSameAnswerAndATokenWithoutBeneficiaryId() throws Exception {
        String known = requestCode(address(), FakeServices.REGISTERED_MOBILE).body().asString();
        String mobile = newMobile();
        var unknown = requestCode(address(), mobile);

        assertEquals(200, unknown.statusCode());
        assertEquals(known, unknown.body().asString());
        var token = redeem(address(), mobile, lastCode(mobile));
        assertEquals(200, token.statusCode());
        JsonPath claims = claims(token.path("access_token"));
        assertEquals(List.of("woman"), claims.getList("groups"));
        assertNull(claims.get("beneficiary_id"));
    }

    @Test
    void aCodeIsUsedOnceAndANewCodeRetiresTheOldOne() throws Exception {
        String a = address();
        String mobile = newMobile();
        requestCode(a, mobile);
        String first = lastCode(mobile);
        requestCode(a, mobile);
        String second = lastCode(mobile);

        if (!first.equals(second)) {
            assertEquals("invalid_grant", redeem(a, mobile, first).path("error"));
        }
        assertEquals(200, redeem(a, mobile, second).statusCode());
        assertEquals("invalid_grant", redeem(a, mobile, second).path("error"));
    }

    @Test
    void guessingOneCodeSpendsItAfterFiveWrongTries() throws Exception {
        String mobile = newMobile();
        requestCode(address(), mobile);
        String code = lastCode(mobile);
        for (int i = 0; i < 5; i++) {
            var refused = redeem(address(), mobile, wrong(code));
            assertEquals(400, refused.statusCode());
            assertEquals("invalid_grant", refused.path("error"));
        }
        // the right code, from yet another address, comes too late: the code is spent
        assertEquals("invalid_grant", redeem(address(), mobile, code).path("error"));
    }

    @Test
    void guessingAcrossNumbersFromOneAddressIsStoppedThere() throws Exception {
        String guesser = address();
        for (int i = 0; i < 10; i++) {
            String other = newMobile();
            requestCode(address(), other);
            assertEquals("invalid_grant", redeem(guesser, other, wrong(lastCode(other))).path("error"));
        }
        String mobile = newMobile();
        requestCode(address(), mobile);
        String code = lastCode(mobile);
        // even the right code is refused from the guessing address, in the same words
        var refused = redeem(guesser, mobile, code);
        assertEquals("invalid_grant", refused.path("error"));
        assertEquals(200, redeem(address(), mobile, code).statusCode());
    }

    @Test
    void floodingANumberStopsAtThreeCodesWhateverTheAddress() throws Exception {
        String mobile = newMobile();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, requestCode(address(), mobile).statusCode());
        }
        var limited = requestCode(address(), mobile);

        assertEquals(429, limited.statusCode());
        assertEquals("slow_down", limited.path("error"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) > 0);
        assertEquals(3, shown(mobile));
    }

    @Test
    void enumeratingNumbersFromOneAddressStopsAtTenAndKnownOrNotGetsTheSameRefusal() throws Exception {
        String a = address();
        for (int i = 0; i < 10; i++) {
            assertEquals(200, requestCode(a, newMobile()).statusCode());
        }
        String unknown = newMobile();
        var refusedUnknown = requestCode(a, unknown);
        var refusedKnown = requestCode(a, FakeServices.REGISTERED_MOBILE);

        assertEquals(429, refusedUnknown.statusCode());
        assertEquals(429, refusedKnown.statusCode());
        assertEquals(refusedUnknown.body().asString(), refusedKnown.body().asString());
        assertEquals(0, shown(unknown));
    }

    @Test
    void neitherTheNumberNorTheCodeIsStoredInClear() throws Exception {
        String mobile = newMobile();
        requestCode(address(), mobile);
        String code = lastCode(mobile);
        redeem(address(), mobile, code);
        String digits = mobile.substring(3);

        Number rows = (Number) em.createNativeQuery("select count(*) from mobile_code where mobile_hash like ?1 "
            + "or code_hash = ?2").setParameter(1, "%" + digits + "%").setParameter(2, code).getSingleResult();
        Number users = (Number) em.createNativeQuery("select count(*) from staff_user where username like ?1")
            .setParameter(1, "%" + digits + "%").getSingleResult();
        assertEquals(0, rows.intValue());
        assertEquals(0, users.intValue());
    }

    @Test
    void aWomanCannotUseThePasswordGrantNorIsANumberAccepted() {
        assertEquals("invalid_request", requestCode(address(), "02188776655").path("error"));
        assertEquals("invalid_request", redeem(address(), "hello", "123456").path("error"));
    }
}
