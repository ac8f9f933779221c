package ir.tehran.womenfamily.registry.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /consents}: paper forms entered in bulk, by national code, all of them or none, written set-based (its
 * database round trips counted, not timed).
 */
@QuarkusTest
class ConsentBatchTest {

    private static final String CW = "consent-batch-cw";
    private static final String CONSENTS = "/api/registry/consents";
    /**
     * Round trips allowed per form of a call, beyond a fixed number. Written set-based a form costs about two (her
     * access check and her audit entry; the women are found, locked, written and announced in one statement each):
     * 95 for this test's 30 forms; one at a time they cost 263 (a search, the access check, two locks, the insert,
     * a count, the event and the audit entry each).
     */
    private static final int ROUND_TRIPS_PER_FORM = 3;
    private static final int FIXED_ROUND_TRIPS = 40;

    private static String form(String nationalCode, String purpose, String agency, String givenOn) {
        return "{\"nationalCode\":\"" + nationalCode + "\",\"purpose\":\"" + purpose + "\""
            + (agency == null ? "" : ",\"agency\":{\"kind\":\"" + agency + "\"}") + ",\"givenOn\":\"" + givenOn
            + "\",\"channel\":\"PAPER\"}";
    }

    private static ValidatableResponse send(String token, String idempotencyKey, String... forms) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("{\"consents\":[" + String.join(",", forms) + "]}").when().post(CONSENTS).then();
    }

    private static ValidatableResponse history(String woman) {
        return given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + woman + "/consents").then()
            .statusCode(200);
    }

    @Test
    void recordsEachWomansConsentsByNationalCodeInTheOrderSentAnnouncedAndAudited() {
        String firstCode = NationalCodes.random();
        String secondCode = NationalCodes.random();
        String first = Women.register(firstCode);
        String second = Women.register(secondCode);
        String key = UUID.randomUUID().toString();
        String[] forms = {form(firstCode, "SPONSORSHIP", null, "1403-01-15"),
            form(NationalCodes.persian(secondCode), "SHARE_WITH_AGENCY", "RELIEF_COMMITTEE", "2024-03-06"),
            form(firstCode, "SHARE_WITH_AGENCY", "WELFARE_ORGANISATION", "1403-02-01")};

        send(Women.caseworker(CW), key, forms).statusCode(200)
            .body("items", hasSize(3))
            .body("items.beneficiaryId", contains(first, second, first))
            .body("items.purpose", contains("SPONSORSHIP", "SHARE_WITH_AGENCY", "SHARE_WITH_AGENCY"))
            .body("items[1].agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("items[1].givenOnJalali", equalTo("1402-12-16"))
            .body("items[0].recordedBy", equalTo(CW));
        // a retry with the same key records nothing more
        send(Women.caseworker(CW), key, forms).statusCode(200).header("Idempotent-Replayed", "true");

        history(first).body("items", hasSize(2)).body("items.active", contains(true, true));
        history(second).body("items", hasSize(1)).body("items[0].channel", equalTo("PAPER"));
        RegistryApi.event("registry.consent", second, "consent.given");
        Women.audit("beneficiary.consents", second).then().body("items.action", hasItem("consent.record"));
    }

    @Test
    void oneRefusedConsentRecordsNoneAndItsProblemNamesIt() {
        String code = NationalCodes.random();
        String woman = Women.register(code);

        send(Women.caseworker(CW), null, form(code, "SPONSORSHIP", null, "1403-01-15"),
            form(code, "SHARE_WITH_AGENCY", null, "1403-01-15")).statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", contains("consents[1].agency"));
        send(Women.caseworker(CW), null, form(code, "SPONSORSHIP", null, "1403-01-15"),
            form(code, "SPONSORSHIP", null, "2999-01-01")).statusCode(400)
            .body("errors.field", contains("consents[1].givenOn"));

        history(woman).body("items", hasSize(0));
    }

    @Test
    void aWomanTheCallerMayNotSeeIsRefusedLikeOneNobodyHas() {
        String code = NationalCodes.random();
        String elsewhere = RegistryApi.as(RegistryApi.admin()).body("{\"nationalCode\":\"" + code
            + "\",\"firstName\":\"سمیه\",\"lastName\":\"نوری\",\"district\":7}").post(RegistryApi.BENEFICIARIES)
            .then().statusCode(201).extract().path("id");
        List<Object> unknown = send(Women.caseworker(CW), null, form(NationalCodes.random(), "SPONSORSHIP", null,
            "1403-01-15")).statusCode(400).body("errors.field", contains("consents[0].nationalCode"))
            .extract().path("errors");
        List<Object> hidden = send(Women.caseworker(CW), null, form(code, "SPONSORSHIP", null, "1403-01-15"))
            .statusCode(400).extract().path("errors");
        assertEquals(unknown, hidden);
        send(Women.caseworker(CW), null, form("1234567890", "SPONSORSHIP", null, "1403-01-15")).statusCode(400)
            .body("errors.field", contains("consents[0].nationalCode"));

        // her own caseworker records it
        send(RegistryApi.caseworker("consent-batch-cw-7", 7), null, form(code, "SPONSORSHIP", null, "1403-01-15"))
            .statusCode(200).body("items[0].beneficiaryId", equalTo(elsewhere));
    }

    @Test
    void aCallOfManyFormsCostsAFewRoundTripsPerForm() throws Exception {
        int women = 15;
        List<String> forms = new ArrayList<>();
        for (int i = 0; i < women; i++) {
            String code = NationalCodes.random();
            Women.register(code);
            forms.add(form(code, "SPONSORSHIP", null, "1403-01-15"));
            forms.add(form(code, "SHARE_WITH_AGENCY", "RELIEF_COMMITTEE", "1403-01-16"));
        }
        List<RecordedEvent> reads;
        Instant start;
        Instant end;
        Path jfr = Files.createTempFile("consent-round-trips", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            start = Instant.now();
            send(Women.caseworker(CW), null, forms.toArray(String[]::new)).statusCode(200)
                .body("items", hasSize(forms.size()));
            end = Instant.now();
            recording.stop();
            recording.dump(jfr);
            reads = RecordingFile.readAllEvents(jfr);
        } finally {
            Files.deleteIfExists(jfr);
        }
        // the thread that served the call (a read with the batch on its stack), and every read it made during it
        long thread = reads.stream().filter(ConsentBatchTest::insideTheBatch).findFirst()
            .map(e -> e.getThread().getJavaThreadId())
            .orElseThrow(() -> new AssertionError("no socket read recorded inside the batch"));
        long count = reads.stream().filter(e -> e.getThread() != null && e.getThread().getJavaThreadId() == thread)
            .filter(e -> !e.getStartTime().isBefore(start) && !e.getStartTime().isAfter(end)).count();
        int allowed = forms.size() * ROUND_TRIPS_PER_FORM + FIXED_ROUND_TRIPS;
        assertTrue(count <= allowed, count + " round trips for " + forms.size() + " forms (at most " + allowed + ")");
    }

    private static boolean insideTheBatch(RecordedEvent e) {
        return e.getStackTrace() != null && e.getThread() != null && e.getStackTrace().getFrames().stream()
            .map(RecordedFrame::getMethod)
            .anyMatch(m -> m.getType().getName().startsWith(ConsentBatch.class.getName()));
    }
}
