package ir.tehran.womenfamily.sponsorship.pledge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A sponsor is reminded of each unpaid instalment of an active sponsorship a few days before it is due, once,
 * through {@code instalment.due} on {@code sponsorship.reminder}; a paid instalment and one of an ended
 * sponsorship are not announced. The job is run for a chosen day, as the daily schedule runs it for today.
 */
@QuarkusTest
class InstalmentRemindersTest {

    private static final String PATH = "/api/sponsorship/pledges";

    @Inject
    InstalmentReminders reminders;

    @Inject
    AgroalDataSource dataSource;

    private static UUID confirmedMonthly(UUID sponsor, UUID child, LocalDate start, int months) {
        String id = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"sponsorId\":\"" + sponsor + "\",\"childId\":\"" + child
                + "\",\"purpose\":\"EDUCATION\",\"schedule\":\"MONTHLY\",\"instalmentRials\":1500000"
                + ",\"months\":" + months + ",\"startsOn\":\"" + JalaliDate.of(start) + "\"}")
            .post(PATH).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.officer()).post(PATH + "/" + id + "/confirmation").then().statusCode(200);
        return UUID.fromString(id);
    }

    /** The reminders in the outbox for this sponsorship: "number dueOn dueOnJalali sponsorId amountDueRials". */
    private List<String> reminded(UUID pledge) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select payload ->> 'number', payload ->> 'dueOn', payload ->> 'dueOnJalali', payload ->> 'sponsorId',"
                    + " payload ->> 'amountDueRials' from outbox_event where aggregate_type = 'reminder'"
                    + " and event_type = 'instalment.due' and aggregate_id = ? order by 1")) {
            s.setString(1, pledge.toString());
            List<String> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4)
                        + " " + r.getString(5));
                }
            }
            return rows;
        }
    }

    @Test
    void eachUnpaidInstalmentComingDueIsAnnouncedOnceToItsSponsor() throws SQLException {
        UUID sponsor = Sponsors.newBenefactor("فرشته", null);
        LocalDate start = RegistryFeed.today().plusDays(10);
        UUID pledge = confirmedMonthly(sponsor, RegistryFeed.newChild(11, "FEMALE", 7), start, 3);
        JalaliDate first = JalaliDate.of(start);

        // a week before: nothing yet (three days ahead by default)
        reminders.run(start.minusDays(7));
        assertEquals(List.of(), reminded(pledge));
        // two days before the first instalment: it alone is announced, naming her and what is still due
        reminders.run(start.minusDays(2));
        assertEquals(List.of("1 " + start + " " + first + " " + sponsor + " 1500000"), reminded(pledge));
        // the next day's run announces nothing again
        reminders.run(start.minusDays(1));
        assertEquals(1, reminded(pledge).size());

        // the second instalment, paid ahead, is not announced; the third is, for what is left of it
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"amountRials\":1500000,\"instalmentNumber\":2}").post(PATH + "/" + pledge + "/receipts")
            .then().statusCode(201);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"amountRials\":500000,\"instalmentNumber\":3}").post(PATH + "/" + pledge + "/receipts")
            .then().statusCode(201);
        LocalDate third = InstalmentSchedule.of(start, 3, 1_500_000).get(2).dueOn();
        reminders.run(third.minusDays(3));
        List<String> all = reminded(pledge);
        assertEquals(2, all.size(), all.toString());
        assertEquals("3 " + third + " " + JalaliDate.of(third) + " " + sponsor + " 1000000", all.get(1));
    }

    @Test
    void anEndedSponsorshipIsNotAnnounced() throws SQLException {
        UUID sponsor = Sponsors.newBenefactor("نسرین", null);
        LocalDate start = RegistryFeed.today().plusDays(20);
        UUID pledge = confirmedMonthly(sponsor, RegistryFeed.newChild(9, "MALE", 4), start, 2);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"reason\":\"SPONSOR_WITHDREW\"}").post(PATH + "/" + pledge + "/end").then().statusCode(200);
        reminders.run(start.minusDays(1));
        assertEquals(List.of(), reminded(pledge));
    }
}
