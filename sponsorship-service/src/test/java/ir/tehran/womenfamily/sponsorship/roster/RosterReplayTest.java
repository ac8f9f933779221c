package ir.tehran.womenfamily.sponsorship.roster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Replaying the registry's topics rebuilds the very roster the live consumer built. */
@QuarkusTest
class RosterReplayTest {

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> get(String path) {
        return given().auth().oauth2(Tokens.officer()).get("/api/sponsorship" + path).then().statusCode(200)
            .extract().jsonPath().getMap("$");
    }

    private static List<Object> list(String path) {
        return given().auth().oauth2(Tokens.officer()).queryParam("limit", 200).get("/api/sponsorship" + path)
            .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Everything the roster says about these mothers and children. */
    private static List<Object> snapshot(List<UUID> mothers, List<UUID> children) {
        List<Object> s = new ArrayList<>();
        mothers.forEach(m -> s.add(get("/mothers/" + m)));
        children.forEach(c -> {
            s.add(get("/children/" + c));
            s.add(list("/children/" + c + "/history"));
        });
        return s;
    }

    private static void replay() {
        given().auth().oauth2(Tokens.admin()).post("/api/sponsorship/roster/replays").then().statusCode(201)
            .body("status", equalTo("DONE"))
            .body("eventsRead", greaterThanOrEqualTo(9));
    }

    @Test
    void aReplayRebuildsTheSameRosterAfterItWasLost() throws Exception {
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID c1 = UUID.randomUUID();
        UUID c2 = UUID.randomUUID();
        UUID c3 = UUID.randomUUID();
        RegistryFeed.registered(m1, 11);
        RegistryFeed.registered(m2, 11);
        RegistryFeed.supportLevel(m2, "COUNSELLING");
        RegistryFeed.childAdded(c1, m1, LocalDate.of(2012, 7, 1), "FEMALE", 7, 11);
        RegistryFeed.childAdded(c2, m1, LocalDate.of(2017, 1, 20), "MALE", 2, 11);
        RegistryFeed.childAdded(c3, m2, LocalDate.of(2014, 11, 3), "FEMALE", 5, 11);
        RegistryFeed.childUpdated(c1, m1, LocalDate.of(2012, 7, 1), "FEMALE", 8, 11);
        RegistryFeed.childRemoved(c3, m2);
        RegistryFeed.merged(m1, m2);
        String officer = Tokens.officer();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().auth().oauth2(officer).get("/api/sponsorship/children/" + c1).then().statusCode(200)
                .body("grade", equalTo(8)).body("motherId", equalTo(m2.toString()));
            given().auth().oauth2(officer).get("/api/sponsorship/children/" + c2).then().statusCode(200)
                .body("motherId", equalTo(m2.toString()));
            given().auth().oauth2(officer).get("/api/sponsorship/children/" + c3).then().statusCode(200)
                .body("status", equalTo("REMOVED"));
            given().auth().oauth2(officer).get("/api/sponsorship/mothers/" + m2).then().statusCode(200)
                .body("supportLevel", equalTo("COUNSELLING"));
        });
        List<UUID> mothers = List.of(m1, m2);
        List<UUID> children = List.of(c1, c2, c3);
        List<Object> before = snapshot(mothers, children);

        String ids = "'" + c1 + "', '" + c2 + "', '" + c3 + "'";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from child_history where child_id in (" + ids + ")");
            s.executeUpdate("delete from child where id in (" + ids + ")");
            s.executeUpdate("delete from mother_merge where merged_id = '" + m1 + "'");
            s.executeUpdate("delete from mother where beneficiary_id in ('" + m1 + "', '" + m2 + "')");
        }
        given().auth().oauth2(officer).get("/api/sponsorship/children/" + c1).then().statusCode(404);

        replay();

        assertEquals(before, snapshot(mothers, children));
    }

    @Test
    void aReplayOverAnIntactRosterChangesNothing() {
        List<UUID> children = RegistryFeed.newChildren(2, 9, "MALE", 13);
        List<Object> before = snapshot(List.of(), children);
        replay();
        assertEquals(before, snapshot(List.of(), children));
    }

    @Test
    void onlyAnAdministratorMayReplay() {
        given().auth().oauth2(Tokens.officer()).post("/api/sponsorship/roster/replays").then().statusCode(403)
            .contentType("application/problem+json");
        given().post("/api/sponsorship/roster/replays").then().statusCode(401)
            .contentType("application/problem+json");
    }
}
