package ir.tehran.womenfamily.sponsorship.pledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

/** A monthly pledge's schedule in Jalali months, receipts paying it, what is overdue, and ending it. */
@QuarkusTest
class InstalmentFlowTest {

    private static final String PATH = "/api/sponsorship/pledges";
    private static final long MONTHLY = 2_000_000;

    private static RequestSpecification officer() {
        return given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON);
    }

    /** A confirmed monthly pledge of four months that started 75 days ago: three instalments overdue, one due. */
    private static UUID pledgeStartedDaysAgo(UUID sponsor, UUID child, LocalDate start) {
        String id = officer().body("{\"sponsorId\":\"" + sponsor + "\",\"childId\":\"" + child
                + "\",\"purpose\":\"EDUCATION\",\"schedule\":\"MONTHLY\",\"instalmentRials\":" + MONTHLY
                + ",\"months\":4,\"startsOn\":\"" + JalaliDate.of(start) + "\"}")
            .post(PATH).then().statusCode(201).extract().path("id");
        // nothing is scheduled before the sponsor confirms
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + id + "/instalments").then().statusCode(200)
            .body("items", empty());
        given().auth().oauth2(Tokens.officer()).post(PATH + "/" + id + "/confirmation").then().statusCode(200);
        return UUID.fromString(id);
    }

    @Test
    void theScheduleIsInJalaliMonthsAndReceiptsPayTheOldestFirst() {
        UUID child = RegistryFeed.newChild(12, "FEMALE", 16);
        UUID sponsor = Sponsors.newBenefactor("ملیحه", null);
        LocalDate start = RegistryFeed.today().minusDays(75);
        JalaliDate startJalali = JalaliDate.of(start);
        UUID pledge = pledgeStartedDaysAgo(sponsor, child, start);

        JsonPath schedule = given().auth().oauth2(Tokens.officer()).get(PATH + "/" + pledge + "/instalments").then()
            .statusCode(200).body("items", hasSize(4))
            .body("items.number", contains(1, 2, 3, 4))
            .body("items.amountRials", everyItem(equalTo((int) MONTHLY)))
            .body("items.status", contains("OVERDUE", "OVERDUE", "OVERDUE", "DUE"))
            .body("items[0].dueOnJalali", equalTo(startJalali.toString()))
            .body("items[0].daysOverdue", equalTo(75))
            .body("items[3].daysOverdue", equalTo(0))
            .extract().jsonPath();
        List<String> months = schedule.getList("items.monthJalali");
        for (int n = 0; n < 4; n++) {
            String due = schedule.getString("items[" + n + "].dueOnJalali");
            JalaliDate d = JalaliDate.parse(due);
            int index = startJalali.month() - 1 + n;
            assertEquals(startJalali.year() + index / 12, d.year(), due);
            assertEquals(index % 12 + 1, d.month(), due);
            assertEquals(Math.min(startJalali.day(), JalaliDate.monthLength(d.year(), d.month())), d.day(), due);
            assertEquals(due.substring(0, 7), months.get(n));
            assertEquals(d.toGregorian().toString(), schedule.getString("items[" + n + "].dueOn"));
        }

        // one and a half instalments, naming none: the first is paid, the second half paid
        officer().body("{\"amountRials\":" + MONTHLY * 3 / 2 + "}").post(PATH + "/" + pledge + "/receipts").then()
            .statusCode(201);
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + pledge + "/instalments").then()
            .body("items.status", contains("PAID", "OVERDUE", "OVERDUE", "DUE"))
            .body("items[0].paidOnJalali", equalTo(JalaliDate.of(RegistryFeed.today()).toString()))
            .body("items[1].paidRials", equalTo((int) MONTHLY / 2))
            .body("items[1].openRials", equalTo((int) MONTHLY / 2))
            .body("items[1].payments", hasSize(1));

        // a receipt naming an instalment pays that one only, and never more than it lacks
        officer().body("{\"amountRials\":" + (MONTHLY + 1) + ",\"instalmentNumber\":4}")
            .post(PATH + "/" + pledge + "/receipts").then().statusCode(409)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/receipt-exceeds-instalment"));
        officer().body("{\"amountRials\":1,\"instalmentNumber\":1}").post(PATH + "/" + pledge + "/receipts").then()
            .statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/instalment-settled"));
        officer().header("Accept-Language", "en").body("{\"amountRials\":1,\"instalmentNumber\":5}")
            .post(PATH + "/" + pledge + "/receipts").then().statusCode(400)
            .body("errors.field", hasItem("instalmentNumber"));
        officer().body("{\"amountRials\":1,\"instalmentNumber\":0}").post(PATH + "/" + pledge + "/receipts").then()
            .statusCode(400).body("errors.field", hasItem("instalmentNumber"));
        officer().body("{\"amountRials\":" + MONTHLY + ",\"instalmentNumber\":4}")
            .post(PATH + "/" + pledge + "/receipts").then().statusCode(201);
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + pledge + "/instalments").then()
            .body("items.status", contains("PAID", "OVERDUE", "OVERDUE", "PAID"));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + pledge).then()
            .body("balances.receivedRials", equalTo((int) (MONTHLY * 5 / 2)));

        // the overdue list: what is open, oldest first, by sponsor, district or payer
        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", sponsor)
            .get("/api/sponsorship/instalments/overdue").then().statusCode(200)
            .body("items.pledgeId", everyItem(equalTo(pledge.toString())))
            .body("items.number", contains(2, 3))
            .body("items.openRials", contains((int) MONTHLY / 2, (int) MONTHLY))
            .body("items.district", everyItem(equalTo(16)))
            .body("items.daysOverdue", everyItem(greaterThan(0)));
        given().auth().oauth2(Tokens.officerOf(16)).queryParam("sponsorId", sponsor)
            .get("/api/sponsorship/instalments/overdue").then().statusCode(200).body("items.number", contains(2, 3));
        given().auth().oauth2(Tokens.officerOf(3)).queryParam("sponsorId", sponsor)
            .get("/api/sponsorship/instalments/overdue").then().statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.officer()).queryParam("district", 16).queryParam("limit", 200)
            .get("/api/sponsorship/instalments/overdue").then().statusCode(200)
            .body("items.pledgeId", hasItem(pledge.toString()));
        // as it stood on the day the first instalment fell due, nothing was overdue yet
        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", sponsor)
            .queryParam("asOf", startJalali.toString()).get("/api/sponsorship/instalments/overdue").then()
            .statusCode(200).body("items", empty());
        given().auth().oauth2(Tokens.officer()).queryParam("asOf", "1403-13-01")
            .get("/api/sponsorship/instalments/overdue").then().statusCode(400).body("errors.field", hasItem("asOf"));

        // ending the pledge cancels what is open, exactly what the ledger releases; nothing is overdue any more
        officer().body("{\"reason\":\"SPONSOR_WITHDREW\"}").post(PATH + "/" + pledge + "/end").then().statusCode(200)
            .body("balances.releasedRials", equalTo((int) (MONTHLY * 3 / 2)));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + pledge + "/instalments").then()
            .body("items.status", contains("PAID", "CANCELLED", "CANCELLED", "PAID"))
            .body("items[1].cancelledRials", equalTo((int) MONTHLY / 2))
            .body("items.daysOverdue", everyItem(equalTo(0)));
        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", sponsor)
            .get("/api/sponsorship/instalments/overdue").then().body("items.pledgeId", not(hasItem(pledge.toString())));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/ledger/reconciliation").then()
            .statusCode(200).body("balanced", equalTo(true)).body("discrepancies", empty());
    }

    @Test
    void theSponsorSeesHerOwnScheduleAndNoOneElsesOverdueList() {
        UUID child = RegistryFeed.newChild(9, "MALE", 16);
        UUID sponsor = Sponsors.newBenefactor("نسرین", null);
        UUID pledge = pledgeStartedDaysAgo(sponsor, child, RegistryFeed.today().minusDays(75));
        given().auth().oauth2(Tokens.sponsor(sponsor)).get("/api/sponsorship/me/sponsorships/" + pledge).then()
            .statusCode(200).body("instalments.status", contains("OVERDUE", "OVERDUE", "OVERDUE", "DUE"));
        given().auth().oauth2(Tokens.sponsor(sponsor)).get("/api/sponsorship/instalments/overdue").then()
            .statusCode(403);
        given().auth().oauth2(Tokens.sponsor(sponsor)).get(PATH + "/" + pledge + "/instalments").then()
            .statusCode(403);
    }
}
