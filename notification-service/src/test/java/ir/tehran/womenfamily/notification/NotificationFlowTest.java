package ir.tehran.womenfamily.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.notification.delivery.DeliveryRelay;
import ir.tehran.womenfamily.notification.inbox.Notification;
import ir.tehran.womenfamily.notification.inbox.StreamHub;
import ir.tehran.womenfamily.notification.recipient.Recipient;
import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The way of a notification: the bazaar offers a producer a freed stall ({@code offer.made} on Kafka), and the offer
 * is in her inbox (Persian with Jalali dates, or English), counted unread, pushed to her browser — the test plays
 * the push service (a local HTTP server) and the browser (its own P-256 keys and auth secret), receives the
 * encrypted message after one refusal and a back-off, checks its VAPID signature, decrypts it and reads the offer —
 * the lapse of the offer reaches her open app on the live stream, and a woman's correction reaches her alone.
 */
@QuarkusTest
class NotificationFlowTest {

    private static final EventContract CONTRACT = EventContract.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DeliveryRelay relay;

    @Inject
    StreamHub hub;

    @TestHTTPResource("/api/notification/me/notifications/stream")
    URL stream;

    @Test
    void anOfferReachesHerInboxHerBrowserAndHerOpenApp() throws Exception {
        UUID business = UUID.randomUUID();
        String producer = producer(business);
        TestBrowser browser = new TestBrowser();
        try (TestPushService pushService = new TestPushService(503)) {
            given().auth().oauth2(producer).contentType(ContentType.JSON)
                .body(Map.of("endpoint", pushService.endpoint("/push/her-phone"),
                    "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.auth())))
                .post("/api/notification/me/push-subscriptions").then().statusCode(201);
            given().auth().oauth2(producer).contentType(ContentType.JSON)
                .body(Map.of("endpoint", "ftp://push.example/x", "keys", Map.of("p256dh", "x", "auth", "y")))
                .post("/api/notification/me/push-subscriptions").then().statusCode(400)
                .contentType("application/problem+json");

            UUID offer = UUID.randomUUID();
            Instant replyBy = Instant.now().plus(Duration.ofHours(24));
            String day = java.time.LocalDate.now().plusDays(3).toString();
            sendBazaarEvent("bazaar.offer", "offer.made", business, Map.ofEntries(
                Map.entry("offerId", offer.toString()), Map.entry("businessId", business.toString()),
                Map.entry("sourceBazaarId", UUID.randomUUID().toString()), Map.entry("kind", "RELEASED_STALL"),
                Map.entry("targetBazaarId", UUID.randomUUID().toString()),
                Map.entry("venueId", UUID.randomUUID().toString()), Map.entry("offeredFrom", day),
                Map.entry("offeredFromJalali", Days.jalali(java.time.LocalDate.parse(day))),
                Map.entry("offeredTo", day), Map.entry("offeredToJalali", Days.jalali(java.time.LocalDate.parse(day))),
                Map.entry("stalls", 1), Map.entry("replyBy", replyBy.toString()),
                Map.entry("replyByJalali", Days.jalali(replyBy))));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(producer)
                .get("/api/notification/me/notifications").then().statusCode(200).body("items", hasSize(1)));
            String id = given().auth().oauth2(producer).get("/api/notification/me/notifications").then()
                .body("items[0].kind", equalTo("offer.made")).body("items[0].subjectId", equalTo(offer.toString()))
                .body("items[0].title", equalTo("غرفه‌ای برای شما آزاد شد"))
                .body("items[0].body", containsString(Days.jalali(replyBy)))
                .body("items[0].read", equalTo(false)).extract().path("items[0].id");
            given().auth().oauth2(producer).header("Accept-Language", "en").get("/api/notification/me/notifications")
                .then().body("items[0].title", equalTo("A stall has been freed for you"))
                .body("items[0].body", containsString(day));
            given().auth().oauth2(producer).get("/api/notification/me/notifications/unread-count").then()
                .statusCode(200).body("unread", equalTo(1));

            // the push service refuses the first attempt (503): tried again only after the back-off
            Instant now = Instant.now();
            assertTrue(relay.deliverDue(now) >= 1);
            assertNotNull(pushService.received.poll(10, TimeUnit.SECONDS), "first attempt");
            assertEquals(0, relay.deliverDue(now), "not due again before the back-off");
            assertTrue(relay.deliverDue(now.plus(Duration.ofHours(2))) >= 1);
            TestPushService.Received message = pushService.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message, "second attempt");
            assertEquals("/push/her-phone", message.path());
            assertEquals("aes128gcm", message.header("Content-Encoding"));
            assertNotNull(message.header("TTL"));
            verifyVapid(message.header("Authorization"), pushService.endpoint(""));
            JsonNode pushed = JSON.readTree(browser.decrypt(message.body()));
            assertEquals("offer.made", pushed.path("kind").asText());
            assertEquals(offer.toString(), pushed.path("subjectId").asText());
            assertEquals(id, pushed.path("id").asText());
            assertTrue(pushed.path("body").asText().contains(Days.jalali(replyBy)), pushed.toString());
            assertEquals(0, relay.deliverDue(now.plus(Duration.ofDays(2))), "sent once");

            // her open app: the lapse arrives on the live stream
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<Optional<String>> lapsedLine = http.sendAsync(HttpRequest.newBuilder(
                    URI.create(stream + "?after=" + id)).header("Authorization", "Bearer " + producer)
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> {
                    try (Stream<String> lines = r.body()) {
                        return lines.filter(l -> l.startsWith("data:") && l.contains("offer.lapsed")).findFirst();
                    }
                });
            sendBazaarEvent("bazaar.offer", "offer.lapsed", business, Map.of("offerId", offer.toString(),
                "businessId", business.toString(), "bazaarId", UUID.randomUUID().toString(),
                "lapsedAt", replyBy.toString()));
            String line = lapsedLine.get(60, TimeUnit.SECONDS).orElseThrow();
            assertTrue(line.contains(offer.toString()), line);
            assertTrue(line.contains("مهلت پاسخ به پیشنهاد غرفه گذشت"), line);
        }

        given().auth().oauth2(producer).get("/api/notification/me/notifications/unread-count").then()
            .body("unread", equalTo(2));
        String first = given().auth().oauth2(producer).queryParam("limit", 1)
            .get("/api/notification/me/notifications").then().statusCode(200).body("items", hasSize(1))
            .header("Link", containsString("cursor=")).extract().path("items[0].id");
        given().auth().oauth2(producer).post("/api/notification/me/notifications/" + first + "/read").then()
            .statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(producer).get("/api/notification/me/notifications/unread-count").then()
            .body("unread", equalTo(1));
        given().auth().oauth2(producer).post("/api/notification/me/notifications/read").then()
            .statusCode(200).body("marked", equalTo(1));

        // a woman's correction reaches her, and no one else; another's notification is not hers to mark
        UUID beneficiary = UUID.randomUUID();
        String woman = TestTokens.token().subject("woman-" + beneficiary).groups("woman")
            .claim("beneficiary_id", beneficiary.toString()).sign();
        sendCorrection(beneficiary);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(woman)
            .get("/api/notification/me/notifications").then().statusCode(200).body("items", hasSize(1))
            .body("items[0].kind", equalTo("correction.handled")).body("items[0].body", containsString("پذیرفته")));
        given().auth().oauth2(woman).post("/api/notification/me/notifications/" + first + "/read").then()
            .statusCode(404);
        given().auth().oauth2(producer(UUID.randomUUID())).get("/api/notification/me/notifications").then()
            .statusCode(200).body("items", hasSize(0));

        // a sponsor's instalment coming due reaches her alone, as sponsorship announces it
        UUID sponsor = UUID.randomUUID();
        String sponsorToken = TestTokens.token().subject("sponsor-" + sponsor).groups("sponsor")
            .claim("sponsor_id", sponsor.toString()).sign();
        sendInstalmentDue(sponsor);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(sponsorToken)
            .get("/api/notification/me/notifications").then().statusCode(200).body("items", hasSize(1))
            .body("items[0].kind", equalTo("instalment.due")));
        given().auth().oauth2(woman).get("/api/notification/me/notifications").then().statusCode(200)
            .body("items", hasSize(1));

        // her channels: push can be turned off, and the language chosen
        given().auth().oauth2(woman).get("/api/notification/me/channels").then().statusCode(200)
            .body("push", equalTo(true)).body("sms", equalTo(false)).body("language", equalTo("fa"));
        given().auth().oauth2(woman).contentType(ContentType.JSON)
            .body(Map.of("push", false, "sms", true, "language", "en")).put("/api/notification/me/channels")
            .then().statusCode(200);
        given().auth().oauth2(woman).get("/api/notification/me/channels").then()
            .body("push", equalTo(false)).body("language", equalTo("en"));
        given().auth().oauth2(woman).contentType(ContentType.JSON)
            .body(Map.of("push", true, "sms", false, "language", "de")).put("/api/notification/me/channels")
            .then().statusCode(400);
    }

    @Test
    void aReferralsAnswerReachesTheWomanItConcernsAlone() throws Exception {
        UUID beneficiary = UUID.randomUUID();
        String woman = TestTokens.token().subject("woman-" + beneficiary).groups("woman")
            .claim("beneficiary_id", beneficiary.toString()).sign();
        UUID referral = UUID.randomUUID();
        String json = JSON.writeValueAsString(Map.of("referralId", referral.toString(),
            "beneficiaryId", beneficiary.toString(), "direction", "OUT", "answer", "DECLINED"));
        String schema = "urn:women-family:events:registry:referral.answered:v1";
        probe().sendCloudEvent("registry.referral", beneficiary.toString(), Map.of("id", UUID.randomUUID().toString(),
            "source", "/women-family/registry", "type", "ir.tehran.womenfamily.registry.referral.answered",
            "subject", beneficiary.toString(), "time", Instant.now().toString(), "dataschema", schema), json);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(woman)
            .get("/api/notification/me/notifications").then().statusCode(200).body("items", hasSize(1))
            .body("items[0].kind", equalTo("referral.answered"))
            .body("items[0].subjectId", equalTo(referral.toString()))
            .body("items[0].title", equalTo("پاسخ ارجاع شما رسید"))
            .body("items[0].body", containsString("پذیرفته نشد")));
        given().auth().oauth2(woman).header("Accept-Language", "en").get("/api/notification/me/notifications")
            .then().body("items[0].title", equalTo("Your referral has been answered"))
            .body("items[0].body", containsString("not accepted"));
        given().auth().oauth2(producer(UUID.randomUUID())).get("/api/notification/me/notifications").then()
            .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anOpenStreamGetsHeartbeatsAndIsWokenByTheOneSharedLookForWhatAnotherReplicaStored() throws Exception {
        UUID business = UUID.randomUUID();
        String producer = producer(business);
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reading = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                URI.create(stream.toString())).header("Authorization", "Bearer " + producer)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
            .thenAccept(r -> {
                try (Stream<String> body = r.body()) {
                    body.forEach(lines::add);
                }
            });
        try {
            // the heartbeat: a comment line, sent only to a stream the hub holds
            String beat = lines.poll(60, TimeUnit.SECONDS);
            while (beat != null && beat.isEmpty()) {
                beat = lines.poll(60, TimeUnit.SECONDS);
            }
            assertEquals(":heartbeat", beat);

            // another replica stores her notification: no signal here, the stream reads nothing by itself ...
            UUID subject = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                Notification n = new Notification();
                n.id = UUID.randomUUID();
                n.recipientKind = Recipient.Kind.BUSINESS;
                n.recipientId = business;
                n.kind = "offer.lapsed";
                n.subjectId = subject;
                n.titleFa = "از نسخهٔ دیگر";
                n.bodyFa = "از نسخهٔ دیگر";
                n.titleEn = "From another replica";
                n.bodyEn = "From another replica";
                n.eventId = "other-replica-" + subject;
                n.createdAt = Instant.now();
                n.persist();
            });
            // ... until the one shared look finds it (with the schedule off in tests, the test makes that look)
            assertTrue(hub.openStreams() >= 1);
            hub.lookForOthers();
            String data = lines.poll(60, TimeUnit.SECONDS);
            while (data != null && !data.startsWith("data:")) {
                data = lines.poll(60, TimeUnit.SECONDS);
            }
            assertNotNull(data, "the stream was woken");
            assertTrue(data.contains(subject.toString()), data);
        } finally {
            reading.cancel(true);
        }
    }

    private static String producer(UUID business) {
        return TestTokens.token().subject("producer-" + business).groups("producer")
            .claim("businesses", List.of(business.toString())).sign();
    }

    /** Sends a bazaar event as the bazaar would, after checking it against the bazaar's own schema. */
    static void sendBazaarEvent(String topic, String type, UUID key, Map<String, Object> data) throws Exception {
        String schema = "urn:women-family:events:bazaar:" + type + ":v1";
        String json = JSON.writeValueAsString(data);
        assertTrue(CONTRACT.violations(schema, json).isEmpty(), () -> CONTRACT.violations(schema, json).toString());
        String id = UUID.randomUUID().toString();
        probe().sendCloudEvent(topic, key.toString(), Map.of("id", id, "source", "/women-family/bazaar",
            "type", "ir.tehran.womenfamily.bazaar." + type, "subject", key.toString(),
            "time", Instant.now().toString(), "dataschema", schema), json);
    }

    static EventProbe probe() {
        return new EventProbe(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** The registry's {@code correction.handled}, as its woman access publishes it. */
    static void sendCorrection(UUID beneficiary) throws Exception {
        String id = UUID.randomUUID().toString();
        probe().sendCloudEvent("registry.correction", beneficiary.toString(), Map.of("id", id,
            "source", "/women-family/registry", "type", "ir.tehran.womenfamily.registry.correction.handled",
            "subject", beneficiary.toString(), "time", Instant.now().toString(),
            "dataschema", "urn:women-family:events:registry:correction.handled:v1"),
            JSON.writeValueAsString(Map.of("correctionId", UUID.randomUUID().toString(),
                "beneficiaryId", beneficiary.toString(), "outcome", "ACCEPTED")));
    }

    /** Sponsorship's {@code instalment.due}, as its daily reminder job publishes it. */
    static void sendInstalmentDue(UUID sponsor) throws Exception {
        String id = UUID.randomUUID().toString();
        UUID sponsorship = UUID.randomUUID();
        probe().sendCloudEvent("sponsorship.reminder", sponsorship.toString(), Map.of("id", id,
            "source", "/women-family/sponsorship", "type", "ir.tehran.womenfamily.sponsorship.instalment.due",
            "subject", sponsorship.toString(), "time", Instant.now().toString(),
            "dataschema", "urn:women-family:events:sponsorship:instalment.due:v1"),
            JSON.writeValueAsString(Map.of("sponsorshipId", sponsorship.toString(), "sponsorId", sponsor.toString(),
                "childId", UUID.randomUUID().toString(), "number", 2, "dueOn", "2026-12-10",
                "dueOnJalali", "1405-09-19", "amountDueRials", 1_500_000)));
    }

    /** RFC 8292: {@code vapid t=<ES256 JWT for the push service's origin>, k=<the application server key>}. */
    private static void verifyVapid(String authorization, String origin) throws Exception {
        assertNotNull(authorization);
        assertTrue(authorization.startsWith("vapid "), authorization);
        String t = null;
        String k = null;
        for (String part : authorization.substring(6).split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv[0].equals("t")) {
                t = kv[1];
            } else if (kv[0].equals("k")) {
                k = kv[1];
            }
        }
        String configured = ConfigProvider.getConfig().getValue("notification.push.vapid-public-key", String.class);
        assertEquals(configured, k);
        String[] jwt = t.split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertEquals(origin.replaceAll("/$", ""), claims.path("aud").asText());
        assertTrue(claims.path("exp").asLong() > Instant.now().getEpochSecond());
        byte[] point = Base64.getUrlDecoder().decode(k);
        ECPublicKey reference = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
            new ECPoint(new java.math.BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new java.math.BigInteger(1, Arrays.copyOfRange(point, 33, 65))), params()));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(reference);
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(es256.verify(Base64.getUrlDecoder().decode(jwt[2])), "the VAPID JWT is signed with the key");
    }

    private static java.security.spec.ECParameterSpec params() throws Exception {
        java.security.AlgorithmParameters p = java.security.AlgorithmParameters.getInstance("EC");
        p.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
        return p.getParameterSpec(java.security.spec.ECParameterSpec.class);
    }
}
