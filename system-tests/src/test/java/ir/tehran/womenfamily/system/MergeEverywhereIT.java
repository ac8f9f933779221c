package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A merge leaves nothing behind, anywhere. A woman is built through the gateway with a record of every kind in
 * every service (registry: consent, cohort, case with note, referral, placement, child, dependant, business,
 * campaign record, status history; bazaar: her business as a producer with an application, and her campaign
 * applicant; sponsorship: her child on the roster), her record is merged into another of hers, and then no
 * uuid column of any table of any service's database names the merged-away id, except the columns that are
 * the record of the merge or of her own row ({@link #LEFT}). The split then gives her records back, in every
 * service.
 */
@ExtendWith(SharedStack.class)
class MergeEverywhereIT {

    private static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    /** Per database, the columns that may still name the merged-away record, and why. */
    private static final Map<String, Set<String>> LEFT = Map.of(
        // her own row, the record of the merge and the pair it was decided on, the HMAC of her own national code,
        // and the caseload's tombstone: what tells a caseworker's cached caseload that this record is gone (shown as
        // {id, deletedAt} only, dropped after the feed's 90 days)
        "registry", Set.of("beneficiary.id", "beneficiary_merge.loser_id", "duplicate_candidate.first_id",
            "duplicate_candidate.second_id", "beneficiary_code_hmac.beneficiary_id", "caseload_tombstone.record_id"),
        // her own mother row, and the merge as the registry stated it
        "sponsorship", Set.of("mother.beneficiary_id", "mother_merge.merged_id"),
        // the merge as the registry stated it
        "bazaar", Set.of("owner_merge.merged_id"),
        "gateway", Set.of());

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    private static String token(String user) {
        return given().baseUri(stack.gatewayUrl()).formParam("grant_type", "password").formParam("username", user)
            .formParam("password", stack.demoCredentials().password()).when().post("/oauth2/token")
            .then().statusCode(200).extract().path("access_token");
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON)
            .header("Accept-Language", "en");
    }

    private static String register(String admin, String first, String last) {
        return as(admin).body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"" + first
                + "\",\"lastName\":\"" + last + "\",\"birthDate\":\"1360-04-04\",\"district\":5}")
            .post("/api/registry/beneficiaries").then().statusCode(201).extract().path("id");
    }

    @Test
    void aMergedWomanLeavesNothingBehindInAnyServiceAndASplitGivesItBack() throws Exception {
        String admin = token("admin");
        String cw = token("caseworker");
        String coordinator = token("coordinator");
        String officer = token("officer");
        String last = "ادغام" + System.nanoTime() % 100000;
        String survivor = register(admin, "فاطمه", last);
        String loser = register(admin, "فاطمة", last);
        for (String w : List.of(survivor, loser)) {
            as(admin).body("{\"assignee\":\"caseworker\"}").put("/api/registry/beneficiaries/" + w + "/case/assignee")
                .then().statusCode(200);
        }
        String base = "/api/registry/beneficiaries/" + loser;
        as(cw).body("{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"1403-01-20\",\"channel\":\"PAPER\"}")
            .post(base + "/consents").then().statusCode(201);
        as(cw).body("{\"purpose\":\"BAZAAR_PUBLICATION\",\"givenOn\":\"1403-01-20\",\"channel\":\"PAPER\"}")
            .post(base + "/consents").then().statusCode(201);
        as(cw).body("{\"cohort\":\"PRISON_RELEASE\",\"since\":\"1403-05-01\"}").post(base + "/cohorts")
            .then().statusCode(201);
        as(cw).body("{\"text\":\"یادداشت\"}").post(base + "/case/notes").then().statusCode(201);
        as(cw).body("{\"direction\":\"IN\",\"agency\":{\"kind\":\"WELFARE_ORGANISATION\"}}").post(base + "/referrals")
            .then().statusCode(201);
        as(cw).body("{\"unitName\":\"کارگاه\",\"training\":\"خیاطی\",\"trainingCompletedOn\":\"1404-06-10\","
                + "\"hoursPerDay\":6,\"hourlyWageRials\":150000,\"startedOn\":\"1404-06-20\"}")
            .post(base + "/placements").then().statusCode(201);
        String child = as(admin).body("{\"firstName\":\"سارا\",\"lastName\":\"" + last + "\",\"nationalCode\":\""
                + NationalCodes.random() + "\",\"birthDate\":\"1394/02/02\",\"gender\":\"FEMALE\",\"grade\":4}")
            .post(base + "/children").then().statusCode(201).extract().path("id");
        as(admin).body("{\"fullName\":\"مادر او\",\"relation\":\"PARENT\"}").post(base + "/dependants")
            .then().statusCode(201);
        String etag = as(admin).get(base).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", etag).body("{\"status\":\"ACTIVE\"}").post(base + "/status").then()
            .statusCode(200);
        String business = as(admin).body("{\"ownerBeneficiaryId\":\"" + loser + "\",\"name\":\"سفال " + last
                + "\",\"category\":\"pottery\"}")
            .post("/api/registry/businesses").then().statusCode(201).extract().path("id");
        String mentee = as(admin).body("{\"beneficiaryId\":\"" + loser + "\",\"interests\":[\"needlework\"]}")
            .post("/api/registry/campaign/mentees").then().statusCode(201).extract().path("id");
        String today = as(admin).get("/api/registry/campaign/mentees/" + mentee).then().statusCode(200)
            .extract().path("enrolledOnJalali");
        as(admin).body("{\"milestone\":\"FIRST_SALE\",\"reachedOn\":\"" + today + "\"}")
            .post("/api/registry/campaign/mentees/" + mentee + "/milestones").then().statusCode(200);

        // the other services hear of her: her business and her campaign applicant, her child on the roster
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            as(coordinator).get("/api/bazaar/producers/" + business).then().statusCode(200);
            as(coordinator).get("/api/bazaar/producers/" + mentee).then().statusCode(200);
            as(officer).get("/api/sponsorship/children/" + child).then().statusCode(200);
        });
        String bazaar = bazaarWithApplication(coordinator, business);

        String pair = candidate(survivor, loser);
        String merged = as(admin).body("{\"survivorId\":\"" + survivor + "\"}").header("If-Match", version(pair))
            .post("/api/registry/duplicates/" + pair + "/merge").then().statusCode(200).extract().header("ETag");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            assertEquals(Map.of(), namingEverywhere(UUID.fromString(loser)), "rows naming the merged-away record"));
        as(coordinator).get("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(200)
            .body("items.businessId", hasItem(business));
        assertEquals(survivor, as(officer).get("/api/sponsorship/children/" + child).then().statusCode(200)
            .extract().path("motherId"));

        as(admin).header("If-Match", merged).post("/api/registry/duplicates/" + pair + "/split").then().statusCode(200);
        as(cw).get(base + "/consents").then().statusCode(200).body("items.purpose", hasItem("SPONSORSHIP"));
        as(cw).get(base + "/placements").then().statusCode(200)
            .body("items.size()", org.hamcrest.Matchers.equalTo(1));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertEquals(loser, as(officer).get("/api/sponsorship/children/" + child).then().statusCode(200)
                .extract().path("motherId"));
            assertEquals(UUID.fromString(loser), owner(business));
            assertEquals(UUID.fromString(loser), owner(mentee));
        });
    }

    /** The pair's version as If-Match (from the registry's database, as its pair: the queue is long). */
    private static String version(String pair) throws SQLException {
        try (Connection c = connect("registry");
             PreparedStatement s = c.prepareStatement("select version from duplicate_candidate where id = ?")) {
            s.setObject(1, UUID.fromString(pair));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no pair " + pair);
                }
                return "\"" + rs.getLong(1) + "\"";
            }
        }
    }

    /** The duplicate pair the registry queued for the two records (read from its database: the queue is long). */
    private static String candidate(String a, String b) throws SQLException {
        try (Connection c = connect("registry");
             PreparedStatement s = c.prepareStatement("select id from duplicate_candidate where "
                 + "(first_id = ? and second_id = ?) or (first_id = ? and second_id = ?)")) {
            s.setObject(1, UUID.fromString(a));
            s.setObject(2, UUID.fromString(b));
            s.setObject(3, UUID.fromString(b));
            s.setObject(4, UUID.fromString(a));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("the two records were not queued as a likely duplicate");
                }
                return rs.getObject(1, UUID.class).toString();
            }
        }
    }

    private static UUID owner(String producer) throws SQLException {
        try (Connection c = connect("bazaar");
             PreparedStatement s = c.prepareStatement("select owner_id from producer where business_id = ?")) {
            s.setObject(1, UUID.fromString(producer));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private static String bazaarWithApplication(String coordinator, String business) {
        Map<String, Object> venue = Venues.body("merge-" + UUID.randomUUID().toString().substring(0, 8), 2);
        String venueId = as(coordinator).body(venue).post("/api/bazaar/venues").then().statusCode(201)
            .extract().path("id");
        LocalDate today = LocalDate.now(TEHRAN);
        LocalDate start = today.plusDays(10);
        Map<String, Object> b = new HashMap<>();
        b.put("kind", "SEASONAL");
        b.put("nameFa", "بازارچهٔ ادغام");
        b.put("nameEn", "Merge bazaar");
        b.put("startDate", start.toString());
        b.put("endDate", start.toString());
        b.put("applicationsOpen", today.toString());
        b.put("applicationsClose", start.minusDays(1).toString());
        b.put("venues", List.of(Map.of("venueId", venueId)));
        String bazaar = as(coordinator).body(b).post("/api/bazaar/bazaars").then().statusCode(201)
            .extract().path("id");
        as(coordinator).body(Map.of("to", "OPEN")).post("/api/bazaar/bazaars/" + bazaar + "/transitions")
            .then().statusCode(200);
        as(coordinator).body(Map.of("businessId", business, "venuePreferences", List.of(venueId),
                "days", List.of(start.toString()), "stalls", 1))
            .post("/api/bazaar/bazaars/" + bazaar + "/applications").then().statusCode(201);
        return bazaar;
    }

    /** Per database and column, the rows that name {@code id}, apart from {@link #LEFT}. */
    private static Map<String, Long> namingEverywhere(UUID id) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        for (Map.Entry<String, Set<String>> db : LEFT.entrySet()) {
            try (Connection c = connect(db.getKey())) {
                List<String> columns = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("select table_name || '.' || column_name "
                        + "from information_schema.columns where table_schema = 'public' and data_type = 'uuid' "
                        + "and table_name in (select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE')");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                for (String column : columns) {
                    if (db.getValue().contains(column)) {
                        continue;
                    }
                    String[] tc = column.split("\\.");
                    try (PreparedStatement s = c.prepareStatement("select count(*) from \"" + tc[0] + "\" where \""
                            + tc[1] + "\" = ?")) {
                        s.setObject(1, id);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.put(db.getKey() + ":" + column, rs.getLong(1));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
