package ir.tehran.womenfamily.system.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.system.NationalCodes;
import ir.tehran.womenfamily.system.Venues;

/**
 * What a generated client's flow finds ready, as the demo register would give it (the shared system starts without
 * it): a bazaar open for applications at a venue, a producer account bound to a registered business the bazaar
 * service knows, and a sponsor account bound to a benefactor, their one-time passwords already changed. (The demo
 * sponsor gets her benefactor from the demo data, which the shared system does not load.) Made through
 * the gateway with the demo admin's and coordinator's tokens; each flow gets its own, so that each applies
 * once.
 */
record FlowFixture(String gateway, String demoPassword, String producerUsername, String producerPassword,
        String sponsorUsername, String sponsorPassword, String businessId, String bazaarId, String venueId,
        String day) {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    static FlowFixture prepare(LocalStack stack, String label) {
        String gateway = stack.gatewayUrl();
        String demo = stack.demoCredentials().password();
        String admin = token(gateway, "admin", demo);
        String coordinator = token(gateway, "coordinator", demo);
        String owner = as(gateway, admin).body(Map.of("nationalCode", NationalCodes.random(), "firstName", "مریم",
                "lastName", "صنعتگر", "birthDate", "1362-02-02", "district", 5))
            .post("/api/registry/beneficiaries").then().statusCode(201).extract().path("id");
        String business = as(gateway, admin).body(Map.of("ownerBeneficiaryId", owner, "name", "گلیم " + label,
                "category", "pottery"))
            .post("/api/registry/businesses").then().statusCode(201).extract().path("id");

        String code = label + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> venue = Venues.body(code, 4);
        String venueId = as(gateway, coordinator).body(venue).post("/api/bazaar/venues").then().statusCode(201)
            .extract().path("id");
        LocalDate today = LocalDate.now(TEHRAN);
        LocalDate day = today.plusDays(10);
        Map<String, Object> bazaar = new HashMap<>();
        bazaar.put("kind", "SEASONAL");
        bazaar.put("nameFa", "بازارچهٔ " + code);
        bazaar.put("nameEn", "Bazaar " + code);
        bazaar.put("startDate", day.toString());
        bazaar.put("endDate", day.toString());
        bazaar.put("applicationsOpen", today.toString());
        bazaar.put("applicationsClose", day.minusDays(1).toString());
        bazaar.put("venues", List.of(Map.of("venueId", venueId)));
        String bazaarId = as(gateway, coordinator).body(bazaar).post("/api/bazaar/bazaars").then().statusCode(201)
            .extract().path("id");
        as(gateway, coordinator).body(Map.of("to", "OPEN")).post("/api/bazaar/bazaars/" + bazaarId + "/transitions")
            .then().statusCode(200);
        // the bazaar service hears of the business through the registry's events
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            as(gateway, coordinator).get("/api/bazaar/producers/" + business).then().statusCode(200));

        String producer = "flow-" + code;
        String producerPassword = person(gateway, admin, producer, Map.of("roles", List.of("producer"),
            "businesses", List.of(business)));
        String benefactor = as(gateway, admin)
            .body(Map.of("kind", "PERSON", "displayName", "حامی " + code))
            .post("/api/sponsorship/benefactors").then().statusCode(201).extract().path("id");
        String sponsor = "flow-sponsor-" + code;
        String sponsorPassword = person(gateway, admin, sponsor, Map.of("roles", List.of("sponsor"),
            "sponsorId", benefactor));
        return new FlowFixture(gateway, demo, producer, producerPassword, sponsor, sponsorPassword, business,
            bazaarId, venueId, day.toString());
    }

    /** A person made by the admin, her one-time password changed to the one returned. */
    private static String person(String gateway, String admin, String username, Map<String, Object> access) {
        String oneTime = as(gateway, admin).body(Map.of("username", username, "access", access))
            .post("/admin/users").then().statusCode(201).extract().path("password.password");
        String password = "Flow-" + UUID.randomUUID();
        as(gateway, token(gateway, username, oneTime))
            .body(Map.of("currentPassword", oneTime, "newPassword", password))
            .post("/account/password").then().statusCode(204);
        return password;
    }

    /** The environment the TypeScript flow reads. */
    Map<String, String> environment() {
        return Map.of("GATEWAY_URL", gateway, "DEMO_PASSWORD", demoPassword, "PRODUCER_USERNAME", producerUsername,
            "PRODUCER_PASSWORD", producerPassword, "SPONSOR_USERNAME", sponsorUsername, "SPONSOR_PASSWORD",
            sponsorPassword, "BUSINESS_ID", businessId, "BAZAAR_ID", bazaarId, "VENUE_ID", venueId, "BAZAAR_DAY", day);
    }

    private static String token(String gateway, String username, String password) {
        return given().baseUri(gateway).formParam("grant_type", "password").formParam("username", username)
            .formParam("password", password).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
    }

    private static RequestSpecification as(String gateway, String token) {
        return given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON)
            .header("Accept-Language", "en");
    }
}
