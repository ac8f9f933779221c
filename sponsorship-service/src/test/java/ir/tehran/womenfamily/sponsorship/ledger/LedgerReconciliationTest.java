package ir.tehran.womenfamily.sponsorship.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The books always balance, under concurrent writers too, and the ledger cannot be rewritten. */
@QuarkusTest
class LedgerReconciliationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentReceiptsNeverExceedThePledgeAndTheBooksBalance() throws Exception {
        UUID child = RegistryFeed.newChild(10, "FEMALE", 18);
        UUID pledge = Sponsors.sponsor(Sponsors.newBenefactor("حامی همزمان", null), child, "EDUCATION",
            10_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                    .body("{\"amountRials\":1000000}").post("/api/sponsorship/pledges/" + pledge + "/receipts")
                    .then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/pledges/" + pledge).then()
            .body("balances.receivedRials", equalTo(10_000_000)).body("balances.outstandingRials", equalTo(0));

        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/ledger/reconciliation").then()
            .statusCode(200)
            .body("balanced", equalTo(true))
            .body("discrepancies", empty());
    }

    @Test
    void theLedgerIsAppendOnlyAndADamagedBalanceIsCaught() throws Exception {
        UUID child = RegistryFeed.newChild(10, "MALE", 18);
        UUID pledge = Sponsors.sponsor(Sponsors.newBenefactor("حامی دفتر", null), child, "GENERAL", 3_000_000);
        Sponsors.receive(pledge, 1_000_000);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate(
                "update ledger_entry set amount_rials = 1 where pledge_id = '" + pledge + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class, () -> s.executeUpdate(
                "delete from ledger_entry where pledge_id = '" + pledge + "'"));
            // a balance changed behind the service's back is reported, then put back
            s.executeUpdate("update pledge set received_rials = received_rials + 1 where id = '" + pledge + "'");
            try {
                given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/ledger/reconciliation").then()
                    .body("balanced", equalTo(false))
                    .body("discrepancies.find { it.pledgeId == '" + pledge + "' }.rule",
                        equalTo("balances-differ-from-ledger"));
            } finally {
                s.executeUpdate("update pledge set received_rials = received_rials - 1 where id = '" + pledge + "'");
            }
        }
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/ledger/reconciliation").then()
            .body("balanced", equalTo(true));
        given().auth().oauth2(Tokens.sponsor(UUID.randomUUID())).get("/api/sponsorship/ledger/reconciliation")
            .then().statusCode(403);
    }
}
