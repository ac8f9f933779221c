package ir.tehran.womenfamily.registry.business;

import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.tehran.womenfamily.registry.RegistryApi;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two transactions on one versioned record, the second committing between the first's read and its write: the
 * first loses the race at its version check and is answered 412 (it sent If-Match) or 409, as problem+json,
 * never 500, and writes nothing. The order is forced, not timed: the other transaction holds the row's lock
 * until the request waits for it, then changes the version and commits.
 */
@QuarkusTest
class LostRaceTest {

    private final String cw = RegistryApi.caseworker("cw-race", 2);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aChangeThatLosesTheRaceIs412WithIfMatch() throws Exception {
        String id = business();
        String etag = as(cw).get("/api/registry/businesses/" + id).then().extract().header("ETag");
        Response answer = racedBy(id, () -> as(cw).header("If-Match", etag).body("{\"category\":\"handicrafts\"}")
            .patch("/api/registry/businesses/" + id).then().extract().response());
        answer.then().statusCode(412).contentType("application/problem+json")
            .body("type", endsWith("/stale")).header("Content-Language", "en");
        as(cw).get("/api/registry/businesses/" + id).then().statusCode(200).body("category", equalTo("pottery"));
    }

    @Test
    void aCloseThatLosesTheRaceIs412AndOneWithoutAVersionIs428() throws Exception {
        String id = business();
        as(cw).header("Accept-Language", "en").post("/api/registry/businesses/" + id + "/close").then()
            .statusCode(428).contentType("application/problem+json").body("type", endsWith("/precondition-required"));
        String etag = as(cw).get("/api/registry/businesses/" + id).then().extract().header("ETag");
        Response answer = racedBy(id, () -> as(cw).header("Accept-Language", "en").header("If-Match", etag)
            .post("/api/registry/businesses/" + id + "/close").then().extract().response());
        answer.then().statusCode(412).contentType("application/problem+json")
            .body("type", endsWith("/stale")).header("Content-Language", "en");
        as(cw).get("/api/registry/businesses/" + id).then().statusCode(200).body("status", not(equalTo("CLOSED")));
    }

    private String business() {
        String owner = RegistryApi.register(cw, "نسرین", "کاظمی", 2);
        return as(cw).body("{\"ownerBeneficiaryId\":\"" + owner + "\",\"name\":\"سفال نسرین\","
                + "\"category\":\"pottery\"}")
            .post("/api/registry/businesses").then().statusCode(201).extract().path("id");
    }

    /**
     * Runs {@code request} while another transaction holds the business's row: once the request waits for
     * that lock (it has read the row and is writing it), the other transaction changes the row's version and
     * commits, and the request's write finds a version it did not read.
     */
    private Response racedBy(String id, Supplier<Response> request) throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select 1 from business where id = ? for update")) {
                lock.setObject(1, UUID.fromString(id));
                lock.executeQuery().close();
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(request);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waitsForTheRow() || answer.isDone());
            try (PreparedStatement bump = other.prepareStatement(
                    "update business set version = version + 1 where id = ?")) {
                bump.setObject(1, UUID.fromString(id));
                bump.executeUpdate();
            }
            other.commit();
            return answer.get();
        }
    }

    private boolean waitsForTheRow() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where datname = "
                 + "current_database() and wait_event_type = 'Lock' and query ilike 'update business %'");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1) > 0;
        }
    }
}
